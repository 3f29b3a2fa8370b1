Feature: Plain Moodle files come into an article the teacher chooses, and import errors speak the page's language
  A file written in Moodle or by hand (Moodle XML or GIFT, as Moodle's documentation shows
  them) has questions but no article and no citation. The teacher imports it into one of the
  articles of their bank: its questions arrive as drafts, which go into a quiz only once the
  teacher has picked, in the edit form, the passage each one cites. Types the app cannot
  represent are left out, each with its reason; nothing is half-written.

  Background:
    Given a teacher whose bank holds the French sample article

  Scenario: A plain Moodle XML file imported into a chosen article gives drafts waiting for their citation
    When the teacher imports the plain file "lecture-critique.xml" into the sample article
    Then the article has the file's 3 questions as imported drafts citing nothing yet
    And their prompts, choices and keys are those of the file
    And the page lists the essay and the matching question as left out, each with its reason
    And the article's page marks each imported question as needing a citation

  Scenario: A plain GIFT file imported into a chosen article gives drafts waiting for their citation
    When the teacher imports the plain file "lecture-critique.gift" into the sample article
    Then the article has the file's 3 questions as imported drafts citing nothing yet
    And their prompts, choices and keys are those of the file
    And the page lists the essay and the matching question as left out, each with its reason

  Scenario: The command line imports a plain file into an article named with --into
    When the teacher runs mlquiz bank import "lecture-critique.gift" with --into the sample article's ref
    Then the command says it imported 3 questions, that they need a citation, and what it left out
    And the article has the file's 3 questions as imported drafts citing nothing yet

  Scenario: A draft without a citation cannot be approved until the teacher picks its passage
    Given the teacher imported the plain file "lecture-critique.xml" into the sample article
    When the teacher approves the imported multiple-choice question
    Then the page says plainly that it cannot be approved before a passage is picked
    And the question is still a draft without a citation
    When the teacher picks the passage "Selon des sources proches du dossier" in the question's edit form and approves it
    Then the question is approved and cites exactly that passage of the article
    And it can go into a quiz

  Scenario Outline: Without a chosen article, a plain file is refused saying it can go into one of the teacher's articles
    Given the teacher reads the pages in <language>
    When the teacher imports the plain file "<file>" without choosing an article
    Then the import page says "<message>"
    And the page points at the list of articles, where the teacher chooses one
    And no question was added to the bank

    Examples:
      | language | file                 | message                                                                                        |
      | English  | lecture-critique.xml  | these questions have no article (3 in the file): import them into one of your articles, where they arrive as drafts |
      | French   | lecture-critique.xml  | ces questions n’ont pas d’article (3 dans le fichier) : importez-les dans l’un de vos articles, où elles arrivent comme brouillons |
      | French   | lecture-critique.gift | ces questions n’ont pas d’article (3 dans le fichier) : importez-les dans l’un de vos articles, où elles arrivent comme brouillons |

  Scenario Outline: An import error in the French interface is in French, for every format
    Given the teacher reads the pages in French
    When the teacher imports the file "<file>" holding <content>
    Then the import page says "<message>"
    And the page does not say "<english>"

    Examples:
      | file        | content                                  | message                                                                                 | english                         |
      | words.gift  | a mark-the-word choice not in its sentence | ligne 3 : « banana » n’est pas un mot de la phrase                                      | is not a word of the sentence   |
      | broken.gift | an answer block never closed             | ligne 1 : le bloc de réponse ouvert ici n’est jamais fermé par }                         | is never closed                 |
      | broken.xml  | a tag closed by the wrong name           | ligne 3, colonne 34 : le XML est mal formé (une balise fermante qui ne correspond pas à sa balise ouvrante) | mismatched tag |
      | broken.yaml | a mapping left open                      | ce n’est pas du YAML valide (une liste [ ] ou un groupe { } non fermé, ou une virgule qui manque) | did not find expected |
      | broken.json | a comma with nothing before it           | ligne 1, colonne 2 : ce n’est pas du JSON valide (un nom de champ doit être entre guillemets droits doubles, ou une virgule est en trop) | Expecting property name |
      | package.zip | a QTI package (export only)              | type de fichier inconnu 'package.zip' : importez                                        | unknown file type               |
