"""Key claims and their status.

A claim is a sentence (or the noun phrase around an amount) that a critical
reader should ask "is this confirmed?" about. Mentions of the same amount are
one claim with several evidence passages. A cue counts for a claim only when
it sits in the claim's own clause or in a clause that governs it: in
"Microsoft invests in X, suggesting a possible Y", "possible" hedges Y, not
the investment.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .amounts import amount_key
from .models import Claim, Cue, Source

MAX_CLAIMS = 10
MIN_SCORE = 2
CLAUSE_DEPS = {"ROOT", "advcl", "acl", "acl:relcl", "relcl", "ccomp", "csubj", "parataxis"}
# Most doubtful first: one passage that puts a figure in doubt outweighs one that states it.
PRECEDENCE = ("denied", "disputed", "unconfirmed", "confirmed", "asserted")
ONLY_REPORTED = {"rumour", "unnamed_source", "conditional", "hedge"}
NOT_CONFIRMED_RULES = ("no_comment",)


@dataclass
class Evidence:
    start: int
    end: int
    status: str
    text: str
    cues: list[Cue]
    sources: list[Source]
    score: int
    anchor: str = ""


@dataclass
class Group:
    anchor: str
    evidence: list[Evidence] = field(default_factory=list)


def find_claims(article, parsed, cues: list[Cue], sources: list[Source]) -> list[Claim]:
    groups: dict[str, Group] = {}
    for pp in parsed:
        if pp.passage.kind != "paragraph":
            continue
        previous: list[Evidence] = []
        for sent in pp.doc.sents:
            found = _evidence(pp, sent, cues, sources)
            for evidence in found:
                if evidence.status == "denied" and previous and _refers_back(pp, evidence):
                    # "X denied that": the claim is the previous sentence, and this is its evidence.
                    evidence.anchor, evidence.text = previous[0].anchor, previous[0].text
                groups.setdefault(evidence.anchor, Group(evidence.anchor)).evidence.append(evidence)
            previous = found or previous
    kept = [g for g in groups.values() if max(e.score for e in g.evidence) >= MIN_SCORE]
    ranked = sorted(kept, key=lambda g: (-_group_score(g), g.evidence[0].start))
    return [_claim(article, group) for group in _varied(_distinct(ranked))]


def _distinct(ranked: list[Group]) -> list[Group]:
    """Two figures in one sentence make one claim, not two — unless their status differs
    ("offered £1.3bn, while X is rumoured to fund £1.4bn")."""
    kept, covered = [], set()
    for group in ranked:
        spans = {(e.start, e.end, _group_status(group)) for e in group.evidence}
        if not spans <= covered:
            kept.append(group)
            covered |= spans
    return kept


def _varied(ranked: list[Group]) -> list[Group]:
    """The best claim of each status first, so a quiz shows the whole range, then the rest by rank."""
    chosen: list[Group] = []
    for status in PRECEDENCE:
        best = next((g for g in ranked if _group_status(g) == status), None)
        if best is not None:
            chosen.append(best)
    chosen += [g for g in ranked if g not in chosen]
    chosen = chosen[:MAX_CLAIMS]
    return sorted(chosen, key=lambda g: (-_group_score(g), g.evidence[0].start))


def _group_status(group: Group) -> str:
    return min((e.status for e in group.evidence), key=PRECEDENCE.index)


def _evidence(pp, sent, cues, sources):
    text = sent.text.strip()
    if text.endswith("?") or len(text.split()) < 6:
        return []
    start = pp.offset(sent.start_char) + (len(sent.text) - len(sent.text.lstrip()))
    end = start + len(text)
    inside_cues = [c for c in cues if start <= c.start < end]
    inside_sources = [s for s in sources if start <= s.start < end]
    amounts = [ent for ent in sent.ents if ent.label_ == "MONEY" and amount_key(ent.text)]
    anchors = [(amount_key(ent.text), ent.root) for ent in amounts] or [(f"sentence:{start}", sent.root)]
    found = []
    for anchor, token in anchors:
        scoped = [c for c in inside_cues if _applies(pp, c, token)]
        named = [s for s in inside_sources if s.kind != "anonymous"]
        status = _status(scoped, named)
        score = 3 * bool(amounts) + _cue_weight(scoped) + 2 * bool(named) + _actor_weight(sent)
        claim_text = _claim_text(sent, token) if amounts else text
        found.append(Evidence(start, end, status, claim_text, scoped, inside_sources, score, anchor))
    return found


CUE_WEIGHT = {"rumour": 3, "unnamed_source": 3, "denial": 3, "uncertainty": 2, "conditional": 2, "hedge": 1}
ACTOR_LABELS = ("ORG", "PER", "PERSON", "MISC", "GPE")


def _cue_weight(cues: list[Cue]) -> int:
    return max((CUE_WEIGHT[c.type] for c in cues), default=0)


def _actor_weight(sent) -> int:
    """Claims are about actors: a named organisation or person, best as the subject."""
    actors = [ent for ent in sent.ents if ent.label_ in ACTOR_LABELS]
    if not actors:
        return 0
    subjects = [t for t in sent.root.children if t.dep_.startswith("nsubj")]
    in_subject = any(ent.start >= min(t.left_edge.i for t in subjects) and ent.end <= max(t.right_edge.i for t in subjects) + 1
                     for ent in actors) if subjects else False
    return 1 + in_subject


def _refers_back(pp, evidence: Evidence) -> bool:
    """A denial whose object is a pronoun or a demonstrative ("denied that", "a démenti ces
    informations") is about what the previous sentence reported."""
    for cue in evidence.cues:
        if cue.type != "denial":
            continue
        span = pp.doc.char_span(cue.start - pp.passage.start, cue.end - pp.passage.start, alignment_mode="expand")
        for token in span or []:
            for child in token.children:
                if child.dep_ in ("obj", "dobj", "ccomp") and (
                        child.pos_ == "PRON" or child.tag_ == "DT" or
                        any("Dem" in c.morph.get("PronType") for c in child.children if c.dep_ == "det")):
                    return True
    return False


def _status(cues: list[Cue], named: list[Source]) -> str:
    types = {c.type for c in cues}
    if "denial" in types:
        return "denied"
    if any(c.type == "uncertainty" and not c.rule.endswith(NOT_CONFIRMED_RULES) for c in cues):
        return "disputed"
    if types & ONLY_REPORTED or any(c.rule.endswith(NOT_CONFIRMED_RULES) for c in cues):
        return "unconfirmed"
    return "confirmed" if named else "asserted"


def _applies(pp, cue: Cue, anchor) -> bool:
    span = pp.doc.char_span(cue.start - pp.passage.start, cue.end - pp.passage.start, alignment_mode="expand")
    if span is None:
        return False
    governing = set()
    token = anchor
    while True:
        head = _clause_head(token)
        governing.add(head.i)
        if head.head == head:
            break
        token = head.head
    return any(_clause_head(t).i in governing for t in span)


def _clause_head(token):
    while token.dep_ not in CLAUSE_DEPS and token.head != token:
        token = token.head
    return token


def _claim_text(sent, amount_token) -> str:
    """The noun phrase an amount belongs to ("un investissement de 100 milliards…"),
    which states the claim without the words that judge it."""
    token = amount_token
    while token.head != token and token.dep_ in ("nmod", "nummod", "compound", "pobj", "prep", "quantmod"):
        token = token.head
    if token != amount_token and token.pos_ == "NOUN" and token.i < amount_token.i:
        tokens = [t for t in token.subtree if t.dep_ not in ("acl", "acl:relcl", "relcl", "punct") or t.i < token.i]
        span = sent.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
        while len(span) > 1 and span[0].is_punct:
            span = span[1:]
        if len(span) >= 4 and not span.text.endswith(","):
            return span.text
    return sent.text.strip()


def _group_score(group: Group) -> int:
    return max(e.score for e in group.evidence) + min(len(group.evidence) - 1, 2)


def _claim(article, group: Group) -> Claim:
    evidence = sorted(group.evidence, key=lambda e: e.start)
    status = min((e.status for e in evidence), key=PRECEDENCE.index)
    citations, seen = [], set()
    for e in evidence:
        if (e.start, e.end) not in seen:
            seen.add((e.start, e.end))
            citations.append(article.cite(e.start, e.end))
    deciding = [e for e in evidence if e.status == status]
    return Claim(text=evidence[0].text, status=status, citations=citations,
                 cues=_unique([c for e in deciding for c in e.cues]),
                 sources=_unique([s for e in deciding for s in e.sources]),
                 anchor=group.anchor if not group.anchor.startswith("sentence:") else "")


def _unique(items):
    seen, kept = set(), []
    for item in items:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            kept.append(item)
    return kept
