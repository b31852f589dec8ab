"""Reading an HTML report as a person reads it, to check the language it speaks.

A page is checked on what a reader sees: the text of its elements, one text node at a time (a
table row of short headers is not a sentence), leaving out what is not words for people: the
provenance footer (a JSON record), ``<pre>`` and ``<code>``, ``<style>``/``<script>``, file
names (``td.file``) and the figures (their words are read by :func:`figure_texts`). Values that
came from the data (a reviewer's comment, an annotator's name) are the data's own language and
are named by the test that leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

CJK = re.compile(r"[\u4e00-\u9fff]")
#: An English word: letters only, not part of an identifier (``whole_tumor``, ``isen-20``,
#: ``T1C``, ``v2``, ``R-FLOW-1`` and file names are not words).
_WORD = r"(?<![\w./@:-])[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w./@:-])"
#: Four or more English words in a row: a sentence (or a phrase) left in English.
ENGLISH_RUN = re.compile(_WORD + r"(?:[ ,;:]+" + _WORD + r"){3,}")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SKIPPED = {"pre", "code", "style", "script", "svg", "footer", "head"}
_VOID = {"img", "br", "meta", "link", "input", "hr", "source", "wbr"}


class _Reader(HTMLParser):
    def __init__(self, skipped_classes: Iterable[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped_classes = set(skipped_classes)
        self.stack: list[tuple[str, bool]] = []
        self.nodes: list[tuple[str, str]] = []  # (enclosing tag, text)
        self.lang: str | None = None
        self.title = ""
        self.figure_texts: list[str] = []
        self._in_title = False
        self._in_svg_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "html":
            self.lang = named.get("lang")
        if tag == "title":
            self._in_title = True
        if tag == "text" and any(t == "svg" for t, _ in self.stack):
            self._in_svg_text = True
        if tag in _VOID:
            return
        classes = set((named.get("class") or "").split())
        skip = tag in _SKIPPED or bool(classes & self.skipped_classes)
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "text":
            self._in_svg_text = False
        if tag in _VOID:
            return
        while self.stack:
            opened, _ = self.stack.pop()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_svg_text and data.strip():
            self.figure_texts.append(data.strip())
        if data.strip() and not any(skip for _, skip in self.stack):
            self.nodes.append((self.stack[-1][0] if self.stack else "", data.strip()))

    def handle_comment(self, data: str) -> None:
        # matplotlib writes each text it draws as paths after a comment holding the text
        if any(t == "svg" for t, _ in self.stack) and data.strip():
            self.figure_texts.append(data.strip())


class Page:
    """One report page: its ``lang``, title, visible text nodes and figure texts."""

    def __init__(self, html: str, *, skipped_classes: Iterable[str] = ("file",)) -> None:
        reader = _Reader(skipped_classes)
        reader.feed(html)
        self.lang = reader.lang
        self.title = reader.title.strip()
        self.nodes = reader.nodes
        self.figure_texts = [t for t in reader.figure_texts if not NUMBER.fullmatch(t)]

    def texts(self, *tags: str) -> list[str]:
        """The visible text nodes directly inside these tags (e.g. ``"h1", "h2"``, ``"th"``)."""
        return [text for tag, text in self.nodes if tag in tags]

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.nodes)

    def english_left(self, data: Iterable[str] = ()) -> list[str]:
        """Runs of 4+ English words in the visible text and the figures, once ``data`` (values
        the page shows as they came) is taken out."""
        found = []
        for text in [self.title, *(t for _, t in self.nodes), *self.figure_texts]:
            for value in data:
                text = text.replace(value, " ")
            found += [match.group(0) for match in ENGLISH_RUN.finditer(text)]
        return found

    def numbers(self) -> list[str]:
        """Every number a reader sees, in page order (figures left out)."""
        return NUMBER.findall(self.text)
