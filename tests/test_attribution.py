"""Who says what, and how established it is: sources (their kind, the outlet relaying them)
and claim statuses on sentences written for these tests, in the shapes news writing uses
(reporting verbs before and after, incises, "selon", "according to", passives, pronouns)."""
from __future__ import annotations

import pytest

from question_bank.analysis import analyze
from question_bank.article import article_from_text

HEADLINE = {"en": "A plain headline for a test article", "fr": "Un titre ordinaire pour un article de test"}


def findings(text: str, language: str):
    found = analyze(article_from_text(HEADLINE[language] + "\n\n" + text + "\n"))
    assert found.language == language
    return found


@pytest.mark.parametrize("language, sentence, kind", [
    ("en", "The minister told reporters that the plan was dead.", "named_person"),
    ("en", "A spokeswoman for the ministry said the plan was dead.", "named_organisation"),
    ("en", "Officials said the bridge would reopen next week.", "anonymous"),
    ("en", "A senior official, who spoke on condition of anonymity, said talks had stalled.", "anonymous"),
    ("en", "The company said in a statement that sales had fallen.", "named_organisation"),
    ("en", "According to the report, sales fell by 3% last year.", "document"),
    ("en", "The Courier Weekly reported that the mayor would resign.", "other_media"),
    ("en", "Her lawyer said she would appeal the ruling.", "named_person"),
    ("en", "Data from the statistics office showed that prices rose.", "document"),
    ("en", "\"We are delighted,\" said Tom Reyes, who founded the firm.", "named_person"),
    ("en", "Critics have called the scheme unfair.", "anonymous"),
    ("en", "Studies show that the scheme works.", "anonymous"),
    ("fr", "« Nous sommes ravis », a déclaré Marie Durand, la directrice de l'usine.", "named_person"),
    ("fr", "Selon le rapport, les ventes ont baissé de 3 % l'an dernier.", "document"),
    ("fr", "D'après une source proche du dossier, l'accord est proche.", "anonymous"),
    ("fr", "Le syndicat estime que les suppressions de postes sont inutiles.", "named_organisation"),
    ("fr", "Des experts jugent le projet risqué pour les finances de la ville.", "anonymous"),
    ("fr", "Le quotidien régional a révélé que le maire démissionnerait.", "other_media"),
    ("fr", "Un porte-parole de la mairie a confirmé l'information.", "named_organisation"),
    ("fr", "Pour l'économiste Paul Martin, la crise va durer.", "named_person"),
    ("fr", "Son avocat a annoncé qu'elle ferait appel.", "named_person"),
    ("fr", "Un ancien salarié raconte que les consignes étaient claires.", "anonymous"),
    ("fr", "La police a interpellé deux suspects, a-t-on appris de source policière.", "anonymous"),
    ("en", "The Global Health Organization said the outbreak was under control.", "named_organisation"),
    ("en", "Brackley Pensions said it would vote against the merger.", "named_organisation"),
    ("fr", "L'OMS a indiqué que l'épidémie reculait dans la région.", "named_organisation"),
    ("fr", "« Ce n'est pas sérieux », a déclaré le vice-président du parti Jean Morel.", "named_person"),
    ("fr", "Les salaires ont baissé, ont raconté au Courrier du soir plusieurs de ses anciens salariés.", "anonymous"),
    ("fr", "La réforme divise le parti, fait valoir l'entourage du ministre.", "anonymous"),
    # The French tagger reads a present-tense verb after its subject's noun as an adjective.
    ("fr", "Le bilan de la chambre régionale pointe des dépenses mal suivies au lycée.", "document"),
    ("fr", "Une note de la direction évoque la fermeture de trois guichets.", "document"),
    ("fr", "Les chiffres publiés par la préfecture montrent que les accidents ont reculé.", "document"),
    ("en", "Court papers filed on Friday allege that the trustee moved the funds abroad.", "document"),
    ("fr", "D'anciens livreurs dénoncent des horaires impossibles.", "anonymous"),
    ("fr", "De nombreux commerçants estiment que la rue a perdu ses clients.", "anonymous"),
    ("en", "Ravenlines, the country's largest bus operator, said fares would rise.", "named_organisation"),
    ("fr", "Vellor, premier employeur de la région, a confirmé les suppressions de postes.", "named_organisation"),
    ("fr", "Le ministre de l'Intérieur a assuré que les renforts arriveraient lundi.", "named_person"),
    ("fr", "Le plan, annoncé au printemps par la préfecture, sera discuté en juin.", "named_organisation"),
    ("fr", "Le devis dépasse les 300 euros avancés d'abord par la presse locale.", "other_media"),
    ("en", "The mayor, Ann Ford, likes to call the network a success.", "named_person"),   # subject control
    # Quoted words introduced by a colon, with no verb of saying: the clause's subject speaks.
    ("fr", "La directrice de l'école, Anne Roux, est formelle : « Nous ne fermerons pas la classe ».", "named_person"),
    ("en", 'The Harbour Rail chairman, Tom Reyes, was blunt: "We will not sell."', "named_person"),
    ("fr", "Les délais n'ont pas été tenus, peut-on lire dans le rapport de l'inspection.", "document"),
    ("fr", "« Rien n'a été décidé », lit-on dans la lettre envoyée aux parents.", "document"),
])
def test_the_source_of_a_sentence_has_its_kind(language, sentence, kind):
    sources = findings(sentence, language).sources
    assert kind in [s.kind for s in sources], [(s.kind, s.text) for s in sources]


def test_a_pronoun_speaks_for_the_last_compatible_speaker():
    text = ("The Harbour Courier said the port would close. It later reported that 40 jobs would go.\n"
            "\"We were not told,\" said Ana Silva, a dock worker. \"Nobody asked us,\" she added.")
    kinds = [(s.text, s.kind) for s in findings(text, "en").sources]
    assert ("It later reported", "other_media") in kinds
    assert ("she added", "named_person") in kinds


def test_a_definite_role_description_refers_back_to_the_named_people_with_that_role():
    text = ("Selon les sénateurs Paul Garnier et Anne Vidal, la réforme coûtera 2 milliards d'euros. "
            "Des enquêteurs s'interrogent aussi sur son calendrier.\n"
            "Les deux sénateurs estiment que le gouvernement a sous-estimé la facture.")
    kinds = {s.text: s.kind for s in findings(text, "fr").sources}
    assert [kind for text, kind in kinds.items() if text.startswith("Les deux sénateurs")] == ["named_person"], kinds


def test_an_unnamed_source_quoted_by_an_outlet_is_known_through_it():
    found = findings("The Courier Weekly cited two unnamed officials as saying that the port would close.", "en")
    relayed = [s for s in found.sources if s.via is not None]
    assert relayed and relayed[0].kind == "anonymous" and relayed[0].via.kind == "other_media"
    assert found.sources[0].text.startswith("The Courier Weekly")


def test_a_person_quoted_by_a_paper_is_known_through_the_paper():
    found = findings("Le ministre de l'Intérieur, cité par Le Parisien, a évoqué une piste criminelle.", "fr")
    relayed = [s for s in found.sources if s.via is not None]
    assert relayed and relayed[0].via.text == "Le Parisien" and relayed[0].via.kind == "other_media"


def test_an_outlet_is_recognised_by_how_the_article_uses_its_name():
    text = ("The mayor told the Harbour Gazette Weekly that the road would reopen.\n"
            "Kessel Media revealed that the contract was signed, as Kessel Media reported on Monday.")
    kinds = {s.text: s.kind for s in findings(text, "en").sources}
    assert kinds.get("Kessel Media reported") == "other_media"


@pytest.mark.parametrize("language, sentence, status", [
    ("en", "Harlow Foods announced on Monday that it would close its Leeds plant.", "confirmed"),
    ("en", "The union said the closure would cost 300 jobs, a figure the firm disputes.", "attributed"),
    ("en", "The rival firm accused Harlow Foods of hiding its losses from investors.", "attributed"),
    ("en", "Harlow Foods could be sold to a US fund, according to people familiar with the talks.", "unconfirmed"),
    ("en", "Harlow Foods denied that it was for sale after the report on Tuesday.", "denied"),
    ("en", "The Courier Weekly reported that the Harlow Foods plant would close.", "attributed"),
    ("en", "Official figures published on Wednesday showed that unemployment rose to 5.1%.", "confirmed"),
    ("fr", "Le groupe Martin a annoncé lundi la fermeture de son usine de Lille.", "confirmed"),
    ("fr", "Le syndicat estime que la fermeture coûtera 300 emplois à la région.", "attributed"),
    ("fr", "Le groupe Martin serait sur le point d'être vendu à un fonds américain.", "unconfirmed"),
    ("fr", "Le groupe Martin a démenti toute vente de son usine de Lille.", "denied"),
    ("fr", "Selon Le Courrier du soir, l'usine du groupe Martin fermera en juin.", "attributed"),
    ("fr", "D'après les chiffres publiés mercredi par l'Insee, le chômage a atteint 7,5 %.", "confirmed"),
    ("fr", "La ministre a déclaré que la réforme serait votée avant l'été par le Parlement.", "confirmed"),
    ("fr", "Le ministre du Budget, Paul Ravel, a confirmé qu'une vente des parts de l'État était à l'étude.",
     "confirmed"),
    ("en", "The mayor, Ann Ford, confirmed that two schools were on the list of closures.", "confirmed"),
])
def test_a_claim_has_the_status_of_who_commits_to_it(language, sentence, status):
    claims = findings(sentence, language).claims
    assert status in [c.status for c in claims], [(c.status, c.text) for c in claims]


def test_a_person_said_to_have_done_something_is_talked_about_not_speaking():
    """"X said to have…" (a headline's "X is said to have…") and "believed to be X": X is the
    topic; "known as" names, it does not report."""
    found = findings("Tom Reyes said to have passed the file to the police. The firm has a backer, "
                     "believed to be Ana Silva, who is also known as \"the Banker\".", "en")
    assert not [s for s in found.sources if s.kind == "named_person"], [(s.kind, s.text) for s in found.sources]


def test_who_told_a_paper_is_not_the_paper():
    found = findings("Les salaires ont baissé, ont raconté au Courrier du soir plusieurs de ses anciens salariés.", "fr")
    speakers = [s for s in found.sources if "salariés" in s.text]
    assert speakers and speakers[0].who == "plusieurs de ses anciens salariés"


def test_someone_named_with_an_outlet_is_not_the_outlet():
    text = ("Le maire a confié au Courrier du soir que la route rouvrirait.\n"
            "Un avocat du Courrier du soir a déclaré que le journal ferait appel.")
    kinds = {s.who: s.kind for s in findings(text, "fr").sources}
    assert kinds.get("Un avocat du Courrier du soir") not in (None, "other_media"), kinds


def test_a_speaker_is_named_without_the_clause_describing_it():
    found = findings("The Courier Weekly, which did not name its sources, said the port would close.", "en")
    assert [s.who for s in found.sources if s.kind == "other_media"] == ["The Courier Weekly"]


def test_a_figure_taken_up_by_this_amount_is_one_claim():
    text = ("Le groupe Martin valoriserait sa cible à 3 milliards d'euros, selon des sources proches du dossier. "
            "Ce montant est pourtant remis en question par plusieurs analystes du secteur.")
    claims = [c for c in findings(text, "fr").claims if "3 milliards" in c.citations[0].quote]
    assert claims and len(claims[0].citations) == 2, [(c.status, [x.quote for x in c.citations]) for c in claims]
    assert claims[0].status == "disputed"


@pytest.mark.parametrize("language, sentence, who", [
    ("fr", "De son côté, la ministre des Transports Julie Caron a déclaré que la décision était importante.",
     "la ministre des Transports Julie Caron"),
    ("fr", "Contacté par l'AFP, Paul Brun, porte-parole du syndicat, a dénoncé le projet.",
     "Paul Brun, porte-parole du syndicat"),
    ("en", "For her part, the health minister, Julie Caron, said the decision was important.",
     "the health minister, Julie Caron"),
])
def test_a_speaker_is_named_without_the_circumstance_before_it(language, sentence, who):
    assert who in [s.who for s in findings(sentence, language).sources]


def test_a_speaker_is_not_cut_inside_a_hyphenated_title():
    text = "\"We will act fast,\" said Dr. Ana Reyes, the agency's deputy director-general for emergencies."
    assert any(s.who.endswith("director-general") or "director-general for" in s.who
               for s in findings(text, "en").sources), [s.who for s in findings(text, "en").sources]


def test_a_verb_of_speech_with_an_act_for_object_is_not_an_attribution():
    """"soutenir que" reports words; "soutenir la réforme" supports it (and "posted a loss"
    is an act): no one speaks there."""
    sources = findings("L'enquête montre que la plupart des maires soutiennent la réforme des cantines.", "fr").sources
    assert [s.who for s in sources] == ["L'enquête"], [(s.kind, s.who) for s in sources]
    assert not findings("Harlow Foods posted a loss of 3 million pounds in the spring.", "en").sources
    # A participle after the noun describes it: "soupçonnée de" is not someone speaking.
    assert not findings("Le site appartient à une entreprise soupçonnée de pratiques trompeuses.", "fr").sources


def test_a_rumour_in_a_subordinate_clause_leaves_the_main_clause_asserted():
    claims = findings("Harlow Foods offered £1.2bn in June, while a US fund is rumoured to be ready to pay £1.5bn.",
                      "en").claims
    statuses = {c.anchor: c.status for c in claims}
    assert statuses.get("money:1.2e+09") == "asserted", [(c.anchor, c.status, c.text) for c in claims]
    assert statuses.get("money:1.5e+09") == "unconfirmed", [(c.anchor, c.status, c.text) for c in claims]


def test_a_relative_clause_between_commas_is_not_an_incise():
    """"Un cadre, qui souhaite rester anonyme, décrit X": the one who describes is the cadre,
    not X (a comma before the verb does not make it an incise)."""
    sources = findings("Un cadre de la banque, qui souhaite rester anonyme, décrit une ambiance tendue.", "fr").sources
    assert [(s.kind, s.who) for s in sources] == [("anonymous", "Un cadre de la banque")]


def test_the_speaker_between_a_quotation_and_its_verb_is_the_subject_not_the_listener():
    sources = findings("\"We will not give up,\" the mayor of Dunmore, Claire Hobbs, told a packed hall.", "en").sources
    assert [(s.kind, s.who) for s in sources] == [("named_person", "the mayor of Dunmore, Claire Hobbs")]


def test_a_colon_before_a_quotation_gives_no_speaker_when_the_subject_is_a_thing_or_a_verb_speaks():
    """"Le bilan est lourd : « … »" quotes no one; after "Une autre souligne que X … :", the
    quotation is the one who "souligne", not X."""
    assert not findings("Le bilan de la tempête est lourd : « douze blessés ».", "fr").sources
    sources = findings("Une ancienne salariée souligne que la direction savait tout : « Ils étaient au courant ».",
                       "fr").sources
    assert [s.who for s in sources] == ["Une ancienne salariée"], [(s.kind, s.who) for s in sources]


def test_a_quotation_glued_to_the_comma_before_it_is_still_a_quotation():
    """Web text often loses the space in 'Pourtant,"…'; the quotation stays one sentence with its
    incise, and its speaker is the one named before."""
    text = ("Le sénateur Marin a jugé la réforme difficile. Pourtant,\"pourquoi attendre ?\", a-t-il lancé "
            "devant la presse.")
    found = findings(text, "fr")
    assert [(s.kind, s.who) for s in found.sources] == [("named_person", "Le sénateur Marin"),
                                                       ("named_person", "-il")]
    quoted = [c.text for c in found.claims if "attendre" in c.text]
    assert all(not q.startswith('"') and "a-t-il lancé" in q for q in quoted), quoted


@pytest.mark.parametrize("language, sentence, who", [
    ("fr", "Le groupe, a rappelé hier le sénateur Dupuis, dirige toutes les filiales étrangères.",
     "le sénateur Dupuis"),
    ("fr", "Le club, a déclaré mardi le président Marc Roy, restera dans la ville.", "le président Marc Roy"),
    ("en", "The plan, said the mayor, will cost the town dearly.", "the mayor"),
])
def test_an_incise_inside_the_sentence_names_the_inverted_subject(language, sentence, who):
    assert [s.who for s in findings(sentence, language).sources] == [who]


@pytest.mark.parametrize("language, sentence, who", [
    ("fr", "Réponse du sénateur Marin : « La société paie beaucoup, mais elle évite aussi beaucoup. »",
     "sénateur Marin"),
    ("fr", "Réaction de la ministre : « Nous ne céderons pas. »", "la ministre"),
    ("en", "Reply from the senator: \"The firm pays a lot, and avoids a lot too.\"", "the senator"),
    ("fr", "Réponse de M. Garnier, le directeur du port : « Les dockers ont été reçus deux fois. »",
     "M. Garnier"),
])
def test_a_noun_of_speech_before_a_colon_introduces_its_speakers_quotation(language, sentence, who):
    assert who in [s.who for s in findings(sentence, language).sources]


def test_a_noun_of_speech_with_no_one_after_it_introduces_no_one():
    assert not findings("Commentaire du jour : « rien à signaler ».", "fr").sources


def test_a_short_verb_the_lemmatiser_leaves_conjugated_still_reports():
    """The small French model lemmatises "note" as "note": the verb noter still introduces the
    committee's finding, and the committee is a named body, not a document."""
    text = "La commission des finances note que les aides ont doublé en cinq ans."
    assert [(s.kind, s.who) for s in findings(text, "fr").sources] == [("named_organisation",
                                                                       "La commission des finances")]


def test_a_body_of_a_named_institution_is_named_and_the_day_before_it_is_no_one():
    text = "Lundi, une commission d'enquête du Parlement a dévoilé que les aides avaient doublé."
    sources = [(s.kind, s.who) for s in findings(text, "fr").sources]
    assert sources == [("named_organisation", "une commission d'enquête du Parlement")], sources


def test_an_incise_before_a_colon_names_its_inverted_subject():
    """"…, racontent d'anciens cadres : …" is an incise (its subject after it), though a colon
    follows; "Le maire, Paul Roy, a expliqué que…" stays an apposition."""
    text = ("En coulisses, les équipes de la société s'activent, racontent les anciens cadres : "
            "on commande aux développeurs un outil pour créer des sites en série.")
    assert [(s.kind, s.who) for s in findings(text, "fr").sources] == [("anonymous", "les anciens cadres")]
    text = "Le maire, Paul Roy, a expliqué que le budget serait voté en juin."
    assert [s.who for s in findings(text, "fr").sources] == ["Le maire, Paul Roy"]


def test_websites_named_by_no_name_are_the_topic_not_a_newsroom():
    """"ces sites réclament des frais" is what the sites do; "le site d'information Le Relais a
    révélé" is an outlet speaking."""
    text = "Depuis des mois, ces sites réclament des frais élevés pour des formulaires pourtant gratuits."
    assert "other_media" not in [s.kind for s in findings(text, "fr").sources]
    text = "Le site d'information Le Relais a révélé que le maire démissionnerait."
    assert [s.kind for s in findings(text, "fr").sources] == ["other_media"]


def test_analysts_who_judge_a_price_too_high_do_not_put_the_report_in_doubt():
    """"remis en question par des analystes, qui le jugent trop élevé" judges the price; the
    report of it stays what its own cues say (here a rumour), not "disputed"."""
    text = ("Le groupe Martin valoriserait sa cible à 3 milliards d'euros, selon des sources proches du dossier. "
            "Ce montant est pourtant remis en question par plusieurs analystes, qui le jugent bien trop élevé.")
    claims = [c for c in findings(text, "fr").claims if "3 milliards" in c.citations[0].quote]
    assert claims and claims[0].status == "unconfirmed", [(c.status, c.text) for c in claims]


@pytest.mark.parametrize("sentence, kind", [
    ("A Jackson lawyer said the singer would appeal.", "anonymous"),
    ("An Acme engineer told the court that the brakes had failed twice.", "anonymous"),
    ("A transport expert, Maria Lopez, told the radio that the delay would cost money.", "named_person"),
    ("A Garcia spokesman said the vote was postponed.", "named_organisation"),
])
def test_someone_of_a_named_side_is_unnamed_unless_their_own_name_follows(sentence, kind):
    """AP style: "a White House official" is an anonymous source; a spokesperson speaks for the body."""
    assert [s.kind for s in findings(sentence, "en").sources] == [kind]


@pytest.mark.parametrize("language, sentence", [
    ("en", "The defence protested that the hearing had been scheduled too early."),
    ("en", "The prosecution said the witness had lied."),
    ("fr", "La défense a plaidé que le contrat avait été signé trop tôt."),
])
def test_a_party_to_a_trial_speaks_as_a_named_side(language, sentence):
    assert [s.kind for s in findings(sentence, language).sources] == ["named_organisation"]


@pytest.mark.parametrize("language, sentence, who", [
    ("fr", "Une centaine de biologistes venus de Belgique affirment que les zones humides reculent.",
     "Une centaine de biologistes venus de Belgique"),
    ("fr", "Les rivières s'assèchent chaque été. C'est pourquoi un groupe d'hydrologues de toute la France appelle le "
           "gouvernement à limiter les prélèvements.", "un groupe d'hydrologues de toute la France"),
    ("en", "A handful of residents criticised the car park plan.", "A handful of residents"),
])
def test_a_collective_of_people_is_unnamed_whatever_place_follows_it(language, sentence, who):
    """The speaker is the counted people, without the connective the parse may hang on them."""
    assert [(s.kind, s.who) for s in findings(sentence, language).sources] == [("anonymous", who)]


def test_lawyers_for_named_clients_speak_for_them():
    assert [s.kind for s in findings("Lawyers for Smith and Jones denounced the ruling as unfair.", "en").sources] \
        == ["named_person"]


def test_an_office_holder_is_not_the_group_heard_before_him():
    text = ("Une poignée d'habitants dénonce le projet de parking. "
            "« Le chantier sera fini en mai », avait assuré auparavant le maire.")
    assert [s.kind for s in findings(text, "fr").sources] == ["anonymous", "named_person"]


def test_an_unnamed_groups_demand_is_not_an_unnamed_source_for_its_sentence():
    """Searle's directives: "appelle les députés à…" asks, it reports nothing to doubt; the
    writer's own statement beside it stays asserted."""
    found = findings("Un collectif d'habitants appelle la mairie à revoir le projet (le conseil en a déjà "
                     "adopté une partie).", "fr")
    assert [s.kind for s in found.sources] == ["anonymous"]
    assert not [c for c in found.cues if c.type == "unnamed_source"]
    assert [c.status for c in found.claims] == ["asserted"], [(c.status, c.text) for c in found.claims]


@pytest.mark.parametrize("text, kinds", [
    ("La mairie a réagi dans la soirée. Elle rappelle qu'elle a versé deux millions d'euros au club.",
     ["named_organisation"]),
    ("Le ministre Paul Roy a reçu les syndicats mardi. La direction a regretté son absence. "
     "« Rien n'est décidé », a-t-il lancé aux journalistes.", ["named_organisation", "named_person"]),
])
def test_a_pronoun_stands_for_the_last_subject_of_its_gender_even_one_that_did_not_speak(text, kinds):
    """Lappin & Leass (1994): the subject is the most salient mention and the nearest wins; in
    French the pronoun agrees with it ("la mairie… elle", "le ministre… il")."""
    assert [s.kind for s in findings(text, "fr").sources] == kinds


@pytest.mark.parametrize("language, text, kinds", [
    ("en", "A housing expert has told the inquiry that the tower was unsafe.\n\n"
           "Jane Roe told the panel that warnings had been ignored.", ["named_person", "named_person"]),
    ("fr", "Une experte a expliqué au tribunal que la tour était dangereuse.\n\n"
           "Claire Fabre a précisé que les alertes avaient été ignorées.", ["named_person", "named_person"]),
    # Someone else, with a role of their own; and a role speaker who is not the lead's.
    ("en", "A housing expert has told the inquiry that the tower was unsafe.\n\n"
           "The mayor, Jane Roe, said the tower would be inspected.", ["anonymous", "named_person"]),
    ("en", "The council met on Monday. A housing expert told the inquiry that the tower was unsafe. "
           "Jane Roe said warnings had been ignored.", ["anonymous", "named_person"]),
])
def test_the_leads_unnamed_role_speaker_is_the_person_the_next_sentence_names(language, text, kinds):
    """Delayed identification (AP): the lead gives a role, the next sentence the name."""
    assert [s.kind for s in findings(text, language).sources] == kinds


@pytest.mark.parametrize("language, sentence, kind", [
    ("fr", "Les dirigeants de Brico ont annoncé la fermeture du site.", "named_organisation"),
    ("fr", "Le tribunal a inquiété les cofondateurs de Brico, qui ont annoncé la fermeture du site.",
     "named_organisation"),
    ("en", "The directors of Brico said the plant would close.", "named_organisation"),
    ("fr", "Les salariés de Brico ont dénoncé la fermeture du site.", "anonymous"),     # not its leaders
    ("fr", "Les dirigeants ont annoncé la fermeture du site.", "anonymous"),           # of no named body
    ("fr", "Des dirigeants de Brico ont confié que le site allait fermer.", "anonymous"),   # some, unnamed
    ("en", "Two directors of Brico said the plant would close.", "anonymous"),
])
def test_the_leaders_of_a_named_body_speak_for_it(language, sentence, kind):
    """As a spokesperson does (GUIDE): "the directors of X" are X on the record; some of them,
    or its staff, are people not named."""
    assert [s.kind for s in findings(sentence, language).sources][-1:] == [kind]


@pytest.mark.parametrize("language, text, kinds", [
    ("fr", "Un voisin anonyme s'inquiète, confie une habitante. Un été difficile pour Claire Fabre, "
           "présidente du comité des fêtes. « Nous avons tout annulé », regrette-t-elle.", ["anonymous", "named_person"]),
    ("en", "Neighbours are worried, one resident said. A hard summer for Claire Fabre, who chairs the "
           "festival committee. \"We cancelled everything,\" she said.", ["anonymous", "named_person"]),
])
def test_a_pronoun_stands_for_the_person_a_sentence_without_a_subject_names(language, text, kinds):
    """A verbless sentence's most salient mention is the person it names (Lappin & Leass 1994:
    the oblique after the subject); the nearer unnamed speaker is not who "elle" or "she" is."""
    assert [s.kind for s in findings(text, language).sources] == kinds


@pytest.mark.parametrize("language, sentence", [
    ("fr", "La société Acmé a publié ses résultats mardi."),
    ("en", "The company Acme announced that its plant would close."),
])
def test_a_body_noun_with_a_name_is_the_body_even_when_the_name_reads_as_a_person(language, sentence):
    assert [s.kind for s in findings(sentence, language).sources] == ["named_organisation"]


def test_a_named_speakers_possessive_relays_no_one():
    """"De son côté" is the speaker's own side; only "its sources"-like unnamed sources are relayed."""
    text = ("Le Courrier du Sud a révélé l'affaire lundi. "
            "De son côté, le directeur du port Paul Roy a estimé que le chantier avançait bien.")
    sources = findings(text, "fr").sources
    assert [s.kind for s in sources] == ["other_media", "named_person"]
    assert sources[1].via is None


@pytest.mark.parametrize("language, sentence", [
    ("en", "According to figures released on Monday by the Ferry Operators' Guild, ferry traffic fell by 4% last year."),
    ("fr", "Selon des chiffres publiés mardi par l'Autorité portuaire, le trafic du port a baissé de 4 % en un an."),
])
def test_figures_a_named_body_released_are_its_own_on_the_record(language, sentence):
    """The body that released the document is the source; the data it cites establish the claim (GUIDE)."""
    found = findings(sentence, language)
    assert [s.kind for s in found.sources] == ["named_organisation"]
    assert [c.status for c in found.claims] == ["confirmed"]


@pytest.mark.parametrize("language, sentence, who", [
    ("fr", "À en croire Marie Durand, le projet est abandonné.", "Marie Durand"),
    ("fr", "De l'aveu même de Marie Durand, le chantier a pris du retard.", "Marie Durand"),
    ("en", "In the words of Tom Reyes, the plan is dead.", "Tom Reyes"),
])
def test_a_preposition_of_several_words_introduces_its_speaker(language, sentence, who):
    assert [(s.kind, s.who) for s in findings(sentence, language).sources] == [("named_person", who)]


@pytest.mark.parametrize("language, sentence, status", [
    ("en", "The plan will create 500 jobs, the minister claims.", "attributed"),
    ("en", "The court ruled on Monday that the contract was void.", "confirmed"),
    ("en", "The High Court found that the council had acted unlawfully.", "confirmed"),
    ("fr", "Le tribunal a jugé lundi que le contrat était nul.", "confirmed"),
    ("fr", "Le maire juge que le contrat est mal rédigé.", "attributed"),
    ("fr", "Marie Durand, la maire du village, prévoit que le pont rouvrira en juin.", "attributed"),
])
def test_who_states_it_decides_between_a_claim_and_a_judgment(language, sentence, status):
    """GUIDE: what a named party claims or forecasts stays theirs; a court's own judgment is
    on the record. (The apposition between commas is the forecast's speaker the parse lost.)"""
    assert [c.status for c in findings(sentence, language).claims] == [status]


@pytest.mark.parametrize("language, sentence, kind", [
    ("fr", "La gendarmerie a précisé que deux hommes avaient été interpellés.", "named_organisation"),
    ("fr", "La préfecture a fait savoir que le pont resterait fermé.", "named_organisation"),
    ("fr", "Marie Durand : « Nous rouvrirons le pont. »", "named_person"),
    ("fr", "Des habitants se plaignent que la route est dangereuse.", "anonymous"),
    ("en", "The coastguard said two sailors had been rescued.", "named_organisation"),
])
def test_common_institutions_and_introducers_give_their_speaker(language, sentence, kind):
    """State bodies named by their common noun, "faire savoir", a name alone before a colon."""
    assert [s.kind for s in findings(sentence, language).sources] == [kind]


@pytest.mark.parametrize("language, sentence, kind", [
    ("fr", "« Le projet est vital », a encore insisté Marie Durand devant les journalistes.", "named_person"),
    ("fr", "Marie Durand dirige le port depuis 2010. Le projet est vital, a-t-elle souligné.", "named_person"),
    ("fr", "Le procureur de Lyon a indiqué que deux hommes avaient été interpellés.", "named_person"),
    ("en", "For Mary Dunn, the project is vital.", "named_person"),
])
def test_incises_offices_and_views_give_their_speaker(language, sentence, kind):
    """An adverb between auxiliary and verb, the pronoun glued to the auxiliary (an inverted
    subject, not a subject before the verb), a prosecutor known by the office, "For X,"."""
    assert kind in [s.kind for s in findings(sentence, language).sources]


@pytest.mark.parametrize("sentence", ["For now, the project is on hold.", "For years, the port lost money."])
def test_for_a_time_is_nobodys_view(sentence):
    assert findings(sentence, "en").sources == []


@pytest.mark.parametrize("language, sentence, kind", [
    ("fr", "Le pont rouvrira en mai, selon l'AFP.", "other_media"),
    ("fr", "« Le pont rouvrira en mai », a indiqué à l'AFP Paul Roy, ingénieur chez Acmé.", "named_person"),
    ("fr", "Le pont rouvrira en mai, a expliqué Paul Roy à l'AFP.", "named_person"),
    ("fr", "« Le pont rouvrira en mai », explique Léa Martin, analyste chez Reuters.", "named_person"),
    ("fr", "L'étude, publiée dans la revue Nature, montre que les enfants dorment moins.", "document"),
    ("fr", "Une enquête de la fédération de pêche publiée mardi révèle que les rivières se réchauffent.", "document"),
    ("fr", "Anne Roy, qui a dirigé l'étude, note que les garçons dorment encore moins.", "named_person"),
    ("fr", "Les chercheurs ont constaté que les enfants dormaient moins.", "anonymous"),
    ("en", "The findings suggest that children sleep less.", "document"),
])
def test_study_and_agency_shapes_give_their_speaker(language, sentence, kind):
    """An agency after an elided article ("l'AFP"); the one told is not the speaker, nor is the
    speaker's employer; a subject described between commas; "révèle" for "révéler"; unnamed
    researchers; findings are a document."""
    assert [s.kind for s in findings(sentence, language).sources] == [kind]


def test_an_inverted_subject_is_not_learned_as_an_outlet_it_was_told():
    """"…, confirme l'Autorité portuaire" (read as the verb's object): the body speaks; a French
    addressee comes with "à"."""
    text = "Le trafic a baissé, confirme l'Autorité portuaire. Selon l'Autorité portuaire, la baisse devrait ralentir."
    assert [s.kind for s in findings(text, "fr").sources] == ["named_organisation", "named_organisation"]


@pytest.mark.parametrize("sentence", [
    "Contacté par l'AFP, Paul Roy, responsable de la mission logement de l'association Toit pour tous, a également "
    "estimé que cette décision était utile.",
    "Joint par le Courrier du Sud, Paul Roy a estimé que le chantier avançait bien.",
])
def test_the_outlet_that_reached_a_speaker_relays_them(sentence):
    """"Contacté par l'AFP, X a estimé…": X speaks (a named person), known through the agency."""
    [source] = findings(sentence, "fr").sources
    assert source.kind == "named_person" and source.who.startswith("Paul Roy")


@pytest.mark.parametrize("sentence", ["Il est essentiel de rappeler que le pont a été fermé en mai.",
                                      "Il faut rappeler que le pont a été fermé en mai."])
def test_an_impersonal_il_is_no_speaker(sentence):
    """Grevisse, § 754: "il est essentiel de rappeler", "il faut rappeler" — the writer speaks."""
    assert findings(sentence, "fr").sources == []


@pytest.mark.parametrize("language, sentence, kind", [
    ("en", "Tom Reyes welcomed the ruling.", "named_person"),
    ("fr", "Marie Durand a salué une décision courageuse.", "named_person"),
    ("en", "Tom Reyes warned against selling the port.", "named_person"),
    ("fr", "La ministre Anne Roy a alerté sur les risques du chantier.", "named_person"),
    ("en", "The ministry said in a statement that the tests were safe.", "named_organisation"),
    ("fr", "« Le pont rouvrira en mai », nous a confié Paul Roy.", "named_person"),
    ("fr", "« Le pont rouvrira en mai », lui a répondu Paul Roy.", "named_person"),
])
def test_stances_topics_and_the_one_told_give_their_speaker(language, sentence, kind):
    """A stance verb with a plain object ("welcomed the ruling") reports a position; a verb of
    saying with its topic ("warned against", "alerter sur"); a "that" clause the parse hung on
    "statement"; the one told as a pronoun before the incise's verb ("nous a confié X")."""
    assert [s.kind for s in findings(sentence, language).sources] == [kind]


@pytest.mark.parametrize("sentence", ["Tom Reyes spoke for an hour.", "Tom Reyes changed his mind about the port."])
def test_a_verb_with_a_place_or_time_is_no_attribution(sentence):
    assert findings(sentence, "en").sources == []


def test_a_statement_hung_on_its_noun_is_attributed():
    [claim] = findings("The ministry said in a statement that the tests were safe.", "en").claims
    assert claim.status == "attributed"


@pytest.mark.parametrize("language, sentence", [
    ("en", "Tom Reyes has reportedly said that the port will be sold."),
    ("en", "Acme is said to have warned that the plant would close."),
])
def test_what_a_named_party_reportedly_said_comes_from_unnamed_reports(language, sentence):
    """The hedge says who tells it: unnamed reports of X's words; X is not the unnamed source."""
    found = findings(sentence, language)
    assert [s.kind for s in found.sources] == ["anonymous"]
    assert [c.type for c in found.cues if c.type == "unnamed_source"] == []
    assert [c.status for c in found.claims] == ["unconfirmed"]


@pytest.mark.parametrize("language, sentence, status", [
    ("en", "Several engineers question whether the tunnel is safe.", "disputed"),
    ("fr", "Ces résultats sont contestés par plusieurs chercheurs.", "disputed"),
    ("fr", "On ignore encore si le tunnel rouvrira.", "disputed"),
])
def test_a_fact_said_to_be_questioned_is_disputed(language, sentence, status):
    assert [c.status for c in findings(sentence, language).claims] == [status]


@pytest.mark.parametrize("language, sentence", [("en", "Nobody doubts that the tunnel is safe."),
                                                ("fr", "Personne ne doute que le tunnel est sûr.")])
def test_a_doubt_denied_is_no_doubt(language, sentence):
    found = findings(sentence, language)
    assert [c for c in found.cues if c.type == "uncertainty"] == []
    assert "disputed" not in [c.status for c in found.claims]


@pytest.mark.parametrize("language, sentence, status", [
    ("en", "The club said on Friday it had sacked its coach.", "confirmed"),
    ("en", "The firm said it had appointed a new auditor.", "confirmed"),
    ("en", "The firm said it had acted lawfully.", "attributed"),
    ("fr", "Le groupe assure qu'il a respecté la loi.", "attributed"),
])
def test_a_bodys_own_completed_act_is_confirmed_its_conduct_is_not(language, sentence, status):
    """GUIDE: the party responsible announcing its own decision confirms it; what it says of its
    own conduct is its favourable account."""
    assert [c.status for c in findings(sentence, language).claims] == [status]


@pytest.mark.parametrize("sentence, text", [
    ("La ministre Claire Dumas a mis en garde contre toute précipitation.", "La ministre Claire Dumas a mis en garde"),
    ("Paul Roy a fait part de son inquiétude.", "Paul Roy a fait part"),
])
def test_a_verb_phrase_of_saying_reports_with_its_fixed_words(sentence, text):
    """"mettre en garde", "faire part de" (Le Robert): the phrase, not "mettre" or "faire" alone."""
    [source] = findings(sentence, "fr").sources
    assert source.kind == "named_person" and source.text == text


def test_the_verb_of_a_phrase_alone_reports_nothing():
    assert findings("Le maire a mis en place un plan de circulation.", "fr").sources == []


@pytest.mark.parametrize("sentence, kind", [
    ("Du côté de la mairie, on assure que le marché rouvrira.", "named_organisation"),
    ("Au ministère, on indique que la réforme sera votée.", "named_organisation"),
    ("À Valbourg, on pense que le marché rouvrira.", "anonymous"),
    ("On dit que le marché rouvrira.", "anonymous"),
])
def test_on_speaks_for_the_body_named_before_it(sentence, kind):
    """Grevisse § 754: "on" stands for the people of the body the sentence opens on; a town is
    its inhabitants, nobody in particular."""
    assert [s.kind for s in findings(sentence, "fr").sources] == [kind]


@pytest.mark.parametrize("language, sentence, kind", [
    ("en", "The coach said his players had deserved the win.", "named_person"),
    ("en", "The driver told the police he had not seen the cyclist.", "named_person"),
    ("en", "The teachers said the school would close.", "anonymous"),
    ("en", "A Valbourg teacher said the school would close.", "anonymous"),
    ("fr", "L'entraîneur a assuré que ses joueurs méritaient la victoire.", "named_person"),
    ("fr", "La conductrice a expliqué qu'elle n'avait pas vu le cycliste.", "named_person"),
    ("fr", "Les enseignants affirment que l'école va fermer.", "anonymous"),
])
def test_someone_the_article_identifies_by_their_role_in_the_event_is_a_source(language, sentence, kind):
    # One coach, one driver: a definite role identifies a person (ISCO-08 occupations, roles in
    # the event); several, or one of a side with no name of their own, are not named.
    assert kind in [s.kind for s in findings(sentence, language).sources]


@pytest.mark.parametrize("language, sentence, status", [
    ("en", "The court sentenced the driver to two years in prison on Monday.", "confirmed"),
    ("en", "The judge could sentence the driver to two years in prison.", "unconfirmed"),
    ("fr", "Le tribunal a condamné la société à une amende de cent mille euros.", "confirmed"),
    ("fr", "La cour d'appel a relaxé les deux militants.", "confirmed"),
])
def test_a_judgment_given_by_a_court_is_established_by_the_ruling(language, sentence, status):
    assert status in [c.status for c in findings(sentence, language).claims]


def test_a_court_that_sentences_is_not_a_source_but_a_mayor_who_condemns_is():
    assert findings("Le tribunal a condamné la société à une amende de cent mille euros.", "fr").sources == []
    assert [s.kind for s in findings("La maire a condamné l'agression.", "fr").sources] == ["named_person"]


@pytest.mark.parametrize("language, sentence", [
    ("en", "A report by the Harbour Commission found that the pier was unsafe."),
    ("en", "The survey, carried out by the Ferry Operators' Guild, shows that fares rose."),
    ("fr", "Une étude menée par l'Autorité portuaire montre que le trafic a baissé."),
])
def test_a_document_by_a_named_body_is_a_document_unless_the_body_released_it(language, sentence):
    # "figures released by X" are X speaking on the record (above); "a report by X" is the report.
    assert [s.kind for s in findings(sentence, language).sources] == ["document"]


@pytest.mark.parametrize("language, sentence, kind, status", [
    ("fr", "Comme l'a révélé Le Courrier du Nord, le club a changé d'entraîneur.", "other_media", "attributed"),
    ("en", "As the Northern Courier reported last week, the club has changed its coach.", "other_media", "attributed"),
])
def test_a_comment_clause_with_as_or_comme_tells_the_sentence_it_opens(language, sentence, kind, status):
    found = findings(sentence, language)
    assert [s.kind for s in found.sources] == [kind]
    assert [c.status for c in found.claims] == [status]


def test_an_inverted_auxiliary_and_its_pronoun_before_a_reporting_participle_are_an_incise():
    # "a-t-elle déploré": the small tagger reads the participle as a pronoun; the order says it all.
    text = "Marie Roy dirige l'école. « Nous n'avons pas été prévenus », a-t-elle déploré."
    assert [s.text for s in findings(text, "fr").sources] == ["a-t-elle déploré"]


def test_a_reporting_participle_the_tagger_reads_as_a_name_still_reports_after_its_auxiliary():
    text = "De son côté, le fondateur de Larchemer, Samuel Hardy, a démenti jeudi toute négociation avec Ferral."
    found = findings(text, "fr")
    assert [s.kind for s in found.sources] == ["named_person"]
    assert [c.status for c in found.claims] == ["denied"]
