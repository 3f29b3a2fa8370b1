"""The text, language and mlquiz markup read back from the HTML of a Moodle field."""
from __future__ import annotations

from html.parser import HTMLParser


class HtmlField(HTMLParser):
    """What we read back from a Moodle HTML field: its text (one line per block), its
    first lang attribute, our citation paragraphs and the article's exact-text attribute."""

    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "table", "tr", "td", "th"}

    @classmethod
    def read(cls, value: str, field=None) -> "HtmlField":
        parser = cls()
        if field is not None and field.get("format", "html") not in ("html", "moodle_auto_format"):
            parser.blocks = [[value]]  # plain_text, markdown, wiki_like: the text as written
        else:
            parser.feed(value)
            parser.close()
        return parser

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.citations: list[dict] = []
        self.lang: str | None = None
        self.article: str | None = None
        self._citation: dict | None = None
        self._quoting = False

    @property
    def text(self) -> str:
        return "\n".join(t for t in ("".join(b) for b in self.blocks) if t.strip())

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        classes = attributes.get("class", "").split()
        self.lang = self.lang or attributes.get("lang")
        self.article = self.article or attributes.get("data-mlquiz-article")
        if "mlquiz-citation" in classes:
            self._citation = {"passage": attributes.get("data-passage", ""), "start": attributes.get("data-start"),
                              "end": attributes.get("data-end"), "quote": [], "sentence": "mlquiz-sentence" in classes,
                              "exact": attributes.get("data-quote")}
            self.citations.append(self._citation)
        elif self._citation is not None and "mlquiz-quote" in classes:
            self._quoting = True
        elif tag in self.BLOCKS:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if self._quoting and tag == "span":
            self._quoting = False
        elif self._citation is not None and tag == "p":
            self._citation = None
        elif tag in self.BLOCKS:
            self.blocks.append([])

    def handle_data(self, data):
        if self._citation is None:
            self.blocks[-1].append(data)
        elif self._quoting:
            self._citation["quote"].append(data)
