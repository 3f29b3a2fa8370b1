"""rumour_cue: "which word of this sentence signals that the information is not established?"

The distractors are other words of the same sentence, so the question trains spotting the
cue in context, not recognising a word list. Every choice is one word, and only one-word
cues are asked ("aurait", "reportedly", "rumeurs"): a phrase's main word alone can mean
something else, and phrases cut out of a sentence read as fragments. ``display`` carries every
word of the sentence with its offsets so a UI can offer "click the word".
"""
from __future__ import annotations

from ..models import Cue, Question, Sentence, Word
from . import register
from ._text import is_content_word, words_in
from .context import Context

CUE_TYPES = ["conditional", "rumour", "unnamed_source", "hedge"]  # in order of preference
MAX_QUESTIONS = 3
DISTRACTORS = 3
MIN_DISTRACTORS = 2
# Words that exist only inside a fixed expression ("d'ores et déjà", "aujourd'hui", "d'emblée"):
# offered alone they read as fragments.
BOUND = {"ores", "hui", "emblée"}


@register("rumour_cue", priority=5, labels={"fr": "Repérer le mot (généré)", "en": "Mark the word (generated)"},
           trains={"fr": "repérer le conditionnel, les rumeurs, les sources anonymes", "en": "spotting hedges, rumour words and unnamed sources"},
           mark_the_word=True, min_confidence=0.9)
def build(ctx: Context) -> list[Question]:
    """At most one question per cue type, each on a different sentence."""
    questions: list[Question] = []
    used: list[int] = []  # sentence starts already asked about
    for cue_type in CUE_TYPES:
        for cue in _candidates(ctx, cue_type):
            sentence = ctx.sentence_at(cue.start)
            if sentence is None or sentence.start in used:
                continue
            question = _question(ctx, cue, sentence)
            if question is not None:
                questions.append(question)
                used.append(sentence.start)
                break
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


def _candidates(ctx: Context, cue_type: str) -> list[Cue]:
    """Cues of one type in a seeded order; those outside the claims (claims get their own
    question) and outside sentences already asked about come first."""
    # A modal ("pourrait glisser", "could", "devrait") marks a possibility or a forecast as
    # often as reported information (reviewed blind): the conditional mood and rumour words do.
    cues = [cue for cue in ctx.findings.cues if cue.type == cue_type and not cue.rule.endswith(".modal")]
    ctx.rng.shuffle(cues)
    claimed = [(c.start, c.end) for claim in ctx.findings.claims for c in claim.citations]
    return sorted(cues, key=lambda cue: (any(s <= cue.start < e for s, e in claimed),
                                         ctx.is_taken(cue.start, cue.end)))


def _question(ctx: Context, cue: Cue, sentence: Sentence) -> Question | None:
    words = words_in(ctx.article.text, sentence.start, sentence.end)
    cue_words = [i for i, w in enumerate(words) if _overlaps(w, cue)]
    # One word only. A phrase's main word alone is not the signal ("doute" out of "sans doute"
    # means the opposite; "sources" out of "their sources" may be a plain noun), and phrases cut
    # out of a sentence as distractors read as fragments (reviewed blind). Phrases are taught by
    # the source and claim questions. A question ("what next?") states nothing to doubt.
    # A subheading is not a sentence of the story ("which word of this sentence?" reads oddly).
    if len(cue_words) != 1 or sentence.text.rstrip().endswith("?") or ctx.passage_kind(sentence) != "paragraph":
        return None
    width = 1
    pool = _distractor_pool(ctx, words, sentence, cue)
    if len(pool) < MIN_DISTRACTORS:
        return None
    picked = sorted(ctx.rng.sample(pool, min(DISTRACTORS, len(pool))))
    text = ctx.article.text
    return ctx.question(
        prompt=ctx.render("prompt", sentence=ctx.inline(sentence.text)),
        choices=[text[words[i].start:words[i + width - 1].end] for i in [cue_words[0], *picked]], answer=[0],
        explanation=ctx.render("explanation", cue=cue),
        citations=[ctx.cite(sentence.start, sentence.end)],
        display={"sentence": {"start": sentence.start, "end": sentence.end,
                              "text": ctx.article.text[sentence.start:sentence.end]},
                 "words": [w.model_dump() for w in words],
                 "choice_words": [cue_words] + [list(range(i, i + width)) for i in picked]},
        confidence=cue.confidence)


def _distractor_pool(ctx: Context, words: list[Word], sentence: Sentence, cue: Cue) -> list[int]:
    """Indexes of distinct content words that are not a cue here, nor a cue word anywhere."""
    local_cues = [c for c in ctx.findings.cues if sentence.start <= c.start < sentence.end] + [cue]
    cue_texts = [c.text.casefold() for c in ctx.findings.cues] + [cue.text.casefold()]
    pool: list[int] = []
    seen: list[str] = []
    for index, word in enumerate(words):
        key = word.text.casefold()
        glued = key in BOUND or (word.start > 0 and ctx.article.text[word.start - 1] == "-")
        if (key in seen or key in cue_texts or not is_content_word(word.text, ctx.language) or glued
                or any(_overlaps(word, c) for c in local_cues)):
            continue
        seen.append(key)
        pool.append(index)
    # Proper nouns and figures are obviously not cues: offered as choices they give the answer
    # away (reviewed blind), so only ordinary words are.
    return [i for i in pool if words[i].text[:1].islower()]


def _overlaps(word: Word, cue: Cue) -> bool:
    return word.start < cue.end and cue.start < word.end
