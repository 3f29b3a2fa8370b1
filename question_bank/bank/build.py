"""Making bank items from what we have: an analysed `Article`, a sentence to mark a word
in, a quiz question. Shared by the web forms and every importer."""
from __future__ import annotations


from ..article import Article
from ..kinds._text import words_in
from ..models import Citation
from .items import BankArticle


class NotAWordOfTheSentence(ValueError):
    """A mark-the-word choice that is not found as words of its sentence."""

    def __init__(self, choice: str):
        super().__init__(f"« {choice} » is not a word of the sentence")
        self.choice = choice


def bank_article(article: Article, source: str = "", title: str = "") -> BankArticle:
    return BankArticle(ref=BankArticle.ref_for(article.text), title=title or article.title or article.source_name,
                       language=article.language, source=source or article.describe_source(),
                       text=article.text, passages=list(article.passages))


def article_of(item: BankArticle) -> Article:
    """The `Article` back, with the ¶ numbering it was stored with."""
    return Article(text=item.text, language=item.language, passages=tuple(item.passages))


def mark_word_display(text: str, sentence: Citation, choices: list[str]) -> dict:
    """What the student's word picker needs: the cited sentence cut into words, and for
    each choice the words it covers. A choice not found as words of the sentence is
    NotAWordOfTheSentence (the question could not be answered by marking a word)."""
    words = words_in(text, sentence.start, sentence.end)
    keys = [w.text.casefold() for w in words]
    choice_words = []
    for choice in choices:
        # The choice cut by the same tokenizer as the sentence ("l'administration" is two words
        # on both sides), so what the generator offers, an export carries and an import reads agree.
        wanted = [w.text.casefold() for w in words_in(choice, 0, len(choice))]
        found = next((i for i in range(len(keys) - len(wanted) + 1) if keys[i:i + len(wanted)] == wanted), None)
        if not wanted or found is None:
            raise NotAWordOfTheSentence(choice)
        choice_words.append(list(range(found, found + len(wanted))))
    return {"sentence": {"start": sentence.start, "end": sentence.end, "text": text[sentence.start:sentence.end]},
            "words": [w.model_dump() for w in words], "choice_words": choice_words}
