"""Saved web pages: tell one from an article body, and find its article.

A whole saved page (site navigation around the article) is reduced to its
main content with trafilatura, when it is installed
(``pip install 'pelican-newsclean[html]'``).
"""

from __future__ import annotations

import bisect
import contextlib
from dataclasses import dataclass
from html.parser import HTMLParser
import importlib.util
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

PAGE_TAGS = ("nav", "header", "footer", "aside")
"""Site furniture: a body holding one of these is a whole saved page."""

PAGE_LINKS_OUTSIDE_MAIN = 5
"""A body with this many links outside its ``<article>``/``<main>`` is a whole page."""


def looks_like_page(soup: BeautifulSoup) -> bool:
    """Whether a body is a whole saved web page rather than an article body."""
    if soup.find(PAGE_TAGS) is not None:
        return True
    main = soup.find(["article", "main"])
    if main is None:
        return False
    outside = [a for a in soup.find_all("a") if main not in a.parents]
    return len(outside) >= PAGE_LINKS_OUTSIDE_MAIN


def extractor_available() -> bool:
    """Whether trafilatura, the main-content extractor, is installed."""
    return importlib.util.find_spec("trafilatura") is not None


def extract_main(page: str) -> str | None:
    """The main content of a saved page as HTML (trafilatura), or None.

    None when trafilatura is not installed (see :func:`extractor_available`)
    or finds no article in the page.
    """
    try:
        import trafilatura
    except ImportError:
        return None
    extracted = trafilatura.extract(
        page,
        output_format="html",
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_formatting=True,
    )
    if not extracted:
        return None
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(extracted, "html.parser")
    body = soup.body or soup
    mend_runs(body, SourceText.of(page))
    return body.decode_contents()


INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})  # fmt: skip
"""Elements that run on inside a line of text; any other element (and ``<br>``) breaks the line."""

_UNSEEN_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title"})
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class SourceText:
    """A page's visible text with its whitespace taken out, and where the whitespace was.

    ``text`` holds every non-space character in document order; ``spaced``
    the (sorted) offsets into it that whitespace or a line break came before,
    and ``broken`` those that a line break came before (a block element's
    edge or a ``<br>``).
    """

    text: str
    spaced: tuple[int, ...]
    broken: frozenset[int]

    @classmethod
    def of(cls, page: str) -> SourceText:
        """Read a page's text as a browser lays it out in lines."""
        import lxml.etree
        import lxml.html

        parts: list[str] = []
        spaced: list[int] = []
        broken: set[int] = set()
        length = 0
        pending_space = pending_break = False

        def add(text: str | None) -> None:
            nonlocal length, pending_space, pending_break
            for word in _NON_SPACE.finditer(text or ""):
                if length and (pending_space or word.start() > 0):
                    spaced.append(length)
                    if pending_break:
                        broken.add(length)
                parts.append(word.group())
                length += len(word.group())
                pending_space = pending_break = False
            if text and text[-1:].isspace():
                pending_space = True

        def line_break() -> None:
            nonlocal pending_space, pending_break
            pending_space = pending_break = True

        try:
            root = lxml.html.document_fromstring(
                page.encode("utf-8", "surrogatepass"), parser=lxml.html.HTMLParser(encoding="utf-8")
            )
        except (lxml.etree.ParserError, ValueError):
            return cls("", (), frozenset())
        skip = 0
        for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            tag = element.tag if isinstance(element.tag, str) else None
            if tag is None:  # a comment or a processing instruction: only its tail is text
                if not skip:
                    add(element.tail)
            elif event == "start":
                if tag in _UNSEEN_TAGS:
                    skip += 1
                if tag not in INLINE_TAGS:
                    line_break()
                if not skip:
                    add(element.text)
            else:
                if tag in _UNSEEN_TAGS:
                    skip -= 1
                if tag not in INLINE_TAGS:
                    line_break()
                if not skip:
                    add(element.tail)
        return cls("".join(parts), tuple(spaced), frozenset(broken))

    def is_spaced(self, offset: int) -> bool:
        """Whether whitespace came before this offset of the text."""
        at = bisect.bisect_left(self.spaced, offset)
        return at < len(self.spaced) and self.spaced[at] == offset

    def spaces_within(self, start: int, end: int) -> list[int]:
        """The offsets strictly between ``start`` and ``end`` that whitespace came before."""
        return list(self.spaced[bisect.bisect_right(self.spaced, start) : bisect.bisect_left(self.spaced, end)])


def mend_runs(body: Tag, source: SourceText) -> None:
    """Put back the whitespace and line runs of the page that an extractor lost, in place.

    trafilatura can drop the space at an inline element's edge ("the MacBook
    Prowas released") and cut one line of the page into several paragraphs
    at its inline elements. Each paragraph of the extract is found in the
    page's text (whitespace aside): a space goes back wherever the page had
    one, and paragraphs that were one line of the page, with no block edge or
    ``<br>`` between them, become one again. A paragraph not found in the
    page is left as it is.
    """
    from bs4 import Tag
    from bs4.element import NavigableString

    if not source.text:
        return
    cursor = 0
    previous: tuple[Tag, int] | None = None  # the last paragraph found, and where it ends in the source
    for block in list(body.children):
        if not isinstance(block, Tag):
            continue
        strings = [s for s in block.descendants if type(s) is NavigableString]
        stripped = "".join("".join(s.split()) for s in strings)
        if not stripped:
            continue
        start = source.text.find(stripped, cursor)
        if start < 0:
            start = source.text.find(stripped)
        if start < 0:
            previous = None
            continue
        _respace(block, start, source)
        end = start + len(stripped)
        cursor = end
        joined = previous[0] if previous is not None and previous[1] == start else None
        if joined is not None and start not in source.broken and block.name == "p" == joined.name:
            if source.is_spaced(start):
                joined.append(" ")
            for child in list(block.contents):
                joined.append(child.extract())
            block.decompose()
            previous = (joined, end)
        else:
            previous = (block, end)


def _respace(block: Tag, start: int, source: SourceText) -> None:
    """Give the text of a paragraph found at ``start`` in the source the spaces it had there."""
    from bs4 import Tag
    from bs4.element import NavigableString

    offset = start
    after_space = True  # nothing goes before a paragraph's first word
    for node in list(block.descendants):
        if isinstance(node, Tag):
            after_space = after_space or node.name not in INLINE_TAGS  # a <br> is a space
            continue
        if type(node) is not NavigableString:
            continue  # a comment, not text
        text = str(node)
        inserts: list[int] = []
        for word in _NON_SPACE.finditer(text):
            first = offset
            offset += len(word.group())
            if word.start() == 0 and not after_space and source.is_spaced(first):
                inserts.append(0)
            inserts.extend(word.start() + cut - first for cut in source.spaces_within(first, offset))
            after_space = False
        if text[-1:].isspace():
            after_space = True
        if inserts:
            pieces = [text[i:j] for i, j in zip([0, *inserts], [*inserts, len(text)], strict=True)]
            node.replace_with(NavigableString(" ".join(pieces)))


@dataclass(frozen=True)
class PageMetadata:
    """What a saved page says of itself: its headline, date, author, publisher, address, language."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


_PAGE_SIGNS = re.compile(
    r"""<meta[^>]+property\s*=\s*["']?og:|<link[^>]+rel\s*=\s*["']?canonical|application/ld\+json|<nav[\s>]""",
    re.IGNORECASE,
)
_SEPARATORS = (" - ", " | ", " — ", " – ", " :: ", " · ")


SAVED_PAGE_SCRIPTS = 3
"""A file with this many ``<script>`` elements is a saved page..."""
SAVED_PAGE_LINKS = 30
"""...and so is one with this many links."""


def is_saved_page(document: str) -> bool:
    """Whether an HTML file is a whole saved web page rather than a Pelican HTML article.

    A saved page says what it is to the web: Open Graph tags, a canonical
    link, JSON-LD or a ``<nav>``; or it carries a site's scripts and menus
    (:data:`SAVED_PAGE_SCRIPTS` scripts, :data:`SAVED_PAGE_LINKS` links). A
    Pelican HTML article has none of them.

    >>> is_saved_page('<html><head><meta property="og:title" content="A"></head><body>B</body></html>')
    True
    >>> is_saved_page('<html><head><title>A</title><meta name="date" content="2024-01-01"></head></html>')
    False
    """
    head = document[:500_000]
    lowered = head.lower()
    return (
        bool(_PAGE_SIGNS.search(head))
        or lowered.count("<script") >= SAVED_PAGE_SCRIPTS
        or lowered.count("<a ") >= SAVED_PAGE_LINKS
    )


def strip_site_name(title: str, *names: str | None) -> str:
    """A page title without the site's name after a separator ("Headline - Sportsnet.ca").

    >>> strip_site_name("Nadal keeps Spain alive - Sportsnet.ca", "Sportsnet.ca")
    'Nadal keeps Spain alive'
    >>> strip_site_name("Live - Day 3", "Gazette")
    'Live - Day 3'
    """
    keys = {_key(name) for name in names if name}
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _key(tail) in keys:
            return head.strip()
    return title.strip()


def _key(name: str) -> str:
    return re.sub(r"\W+", "", name.casefold().removeprefix("www."))


_HEAD_TAGS = ("meta", "link", "title")
"""The tags a page's description of itself is read from; the tree is built of these alone."""


class _FirstHtmlTag(HTMLParser):
    """Reads a document up to its first ``<html>`` tag, and keeps that tag's attributes."""

    class Found(Exception):
        """Raised at the first ``<html>`` tag: the parse stops there."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.attrs = dict(attrs)
            raise self.Found


def _html_attribute(document: str, name: str) -> str | None:
    """An attribute of the document's first ``<html>`` tag (read as bs4's ``html.parser`` reads it)."""
    parser = _FirstHtmlTag()
    with contextlib.suppress(_FirstHtmlTag.Found):
        parser.feed(document)
    return parser.attrs.get(name)


def page_metadata(document: str) -> PageMetadata:
    """What a saved page says of itself (trafilatura's metadata extractor when installed)."""
    from bs4 import BeautifulSoup
    from bs4.filter import SoupStrainer

    head = document[:500_000]
    soup = BeautifulSoup(head, "html.parser", parse_only=SoupStrainer(_HEAD_TAGS))

    def meta(*names: str) -> str | None:
        for name in names:
            found = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if found is not None and str(found.get("content", "")).strip():
                return str(found["content"]).strip()
        return None

    canonical = soup.find("link", rel="canonical")
    language = _html_attribute(head, "lang") or meta("og:locale")
    found = PageMetadata(
        title=meta("og:title", "twitter:title") or (soup.title.get_text().strip() if soup.title else None),
        date=meta("article:published_time", "date", "pubdate", "dc.date"),
        author=meta("author", "article:author"),
        publisher=meta("og:site_name", "application-name"),
        url=(str(canonical["href"]) if canonical is not None and canonical.get("href") else None) or meta("og:url"),
        language=str(language) if language else None,
    )
    if extractor_available():
        from trafilatura import extract_metadata

        extracted = extract_metadata(document)
        if extracted is not None:
            found = PageMetadata(
                title=extracted.title or found.title,
                date=extracted.date or found.date,
                author=extracted.author or found.author,
                publisher=extracted.sitename or found.publisher,
                url=found.url or extracted.url,
                language=found.language or extracted.language,
            )
    host = urlsplit(found.url).hostname if found.url else None
    title = strip_site_name(found.title, found.publisher, host) if found.title else None
    return PageMetadata(title, found.date, found.author, found.publisher, found.url, found.language)
