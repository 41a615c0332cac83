"""Clean an HTML article body with the core classifier, one block element at a time.

The blocks are the elements that hold text and no other block (``p``,
``h1``-``h6``, ``li``, ``blockquote``, ``figcaption``, a ``div`` of text...).
Their texts go to :func:`pelican_newsclean.clean.clean_blocks`; the elements of
dropped blocks are removed, and a kept block whose text changed (a repair, a
glued nag cut off, a dateline joined) gets the new text. Code, scripts and the
attribution footer are never touched, and a body where nothing changes is
returned as it was, byte for byte.

A whole saved web page (site navigation around the article) is first reduced
to its main content with trafilatura, when it is installed
(``pip install pelican-newsclean[html]``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from html import escape, unescape
from typing import Any, Mapping, Optional, Sequence

from bs4 import BeautifulSoup, NavigableString, Tag

from .clean import clean_blocks
from .config import DEFAULT_CONFIG, Config
from .model import CleanResult
from .render import collapse_space

logger = logging.getLogger(__name__)

BLOCK_TAGS = (
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
    "dt", "dd", "td", "th", "caption", "div", "section", "article", "aside",
    "header", "footer", "address", "summary",
)
"""Elements that can be a block (when no other block is inside them)."""

OPAQUE_TAGS = frozenset(
    {"pre", "code", "script", "style", "template", "textarea", "svg", "math", "noscript"}
)
"""Elements whose text is never cleaned."""

MEDIA_TAGS = ("img", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "svg", "table")
"""Content without text: a container holding one is not empty."""

CAPTION_CLASS = "newsclean-caption"
"""Class given to a paragraph the cleaner kept as a photo caption."""

PAGE_TAGS = ("nav", "header", "footer", "aside")
"""Site furniture: a body holding one of these is a whole saved page."""

PAGE_LINKS_OUTSIDE_MAIN = 5
"""A body with this many links outside its ``<article>``/``<main>`` is a whole page."""


@dataclass(frozen=True)
class CleanedHtml:
    """An HTML body after cleaning, with the cleaner's record."""

    html: str
    result: CleanResult
    changed: bool
    words_before: int
    words_after: int
    extracted: bool = False
    line_numbers: bool = False  # removals and repairs name source lines, not blocks


def looks_like_page(soup: BeautifulSoup) -> bool:
    """Whether a body is a whole saved web page rather than an article body."""
    if soup.find(PAGE_TAGS) is not None:
        return True
    main = soup.find(["article", "main"])
    if main is None:
        return False
    outside = [a for a in soup.find_all("a") if main not in a.parents]
    return len(outside) >= PAGE_LINKS_OUTSIDE_MAIN


_MISSING_EXTRACTOR_LOGGED = False


def extract_main(page: str) -> Optional[str]:
    """The main content of a saved page as HTML (trafilatura), or None.

    None when trafilatura is not installed (said once, in the log) or finds
    no article in the page.
    """
    global _MISSING_EXTRACTOR_LOGGED
    try:
        import trafilatura
    except ImportError as error:
        if not _MISSING_EXTRACTOR_LOGGED:
            _MISSING_EXTRACTOR_LOGGED = True
            logger.warning(
                "newsclean: a whole saved web page needs trafilatura to find its article "
                "(pip install 'pelican-newsclean[html]'; %s); cleaning such pages as they are. "
                "Set NEWSCLEAN = {'extract_pages': False} to silence this.",
                error,
            )
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
    body = BeautifulSoup(extracted, "html.parser").body
    return body.decode_contents() if body is not None else extracted


def block_text(element: Tag) -> str:
    """The text of a block as the cleaner sees it (``<br>`` as a space)."""
    parts = []
    for node in element.descendants:
        if type(node) is NavigableString:
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "br":
            parts.append(" ")
    return collapse_space("".join(parts))


def find_blocks(soup: BeautifulSoup) -> list[tuple[Tag, str]]:
    """The block elements of a body with their texts, in document order.

    One pass over the block elements: each marks its block ancestors as
    holding a block (asking each element for a block inside it instead costs
    a tree search per element, which is quadratic-like on long articles).
    """
    elements = soup.find_all(BLOCK_TAGS)
    holders: set[int] = set()
    skipped: set[int] = set()
    for element in elements:
        for parent in element.parents:
            if not isinstance(parent, Tag) or isinstance(parent, BeautifulSoup):
                break
            if parent.name in _BLOCK_SET:
                if id(parent) in holders:
                    break  # its ancestors were marked already
                holders.add(id(parent))
    blocks = []
    for element in elements:
        if id(element) in holders or _opaque(element, skipped):
            continue
        text = block_text(element)
        if text:
            blocks.append((element, text))
    return blocks


_BLOCK_SET = frozenset(BLOCK_TAGS)


def _opaque(element: Tag, cache: set[int]) -> bool:
    """Whether the element is inside code, a script, the footer... (never cleaned)."""
    for node in [element, *element.parents]:
        if not isinstance(node, Tag) or isinstance(node, BeautifulSoup):
            return False
        if id(node) in cache or node.name in OPAQUE_TAGS or node.get("data-newsclean") is not None:
            cache.add(id(element))
            return True
    return False


def _remove(element: Tag) -> None:
    """Remove an element, its trailing white space, and containers left empty."""
    parent = element.parent
    following = element.next_sibling
    if isinstance(following, NavigableString) and not following.strip():
        following.extract()
    element.decompose()
    while (
        isinstance(parent, Tag)
        and not isinstance(parent, BeautifulSoup)
        and not parent.get_text(strip=True)
        and parent.find(MEDIA_TAGS) is None
    ):
        grandparent = parent.parent
        parent.decompose()
        parent = grandparent


def _set_text(element: Tag, old: str, new: str) -> None:
    """Give a block its new text, keeping its inline markup where possible."""
    strings = [node for node in element.descendants if type(node) is NavigableString]
    if len(strings) == 1:
        strings[0].replace_with(new)
    elif new.endswith(old):  # something joined in front (a dateline)
        element.insert(0, NavigableString(new[: len(new) - len(old)]))
    else:
        element.clear()
        element.append(new)


def _remap_lines(result: CleanResult, lines: Sequence[int]) -> CleanResult:
    """Block numbers in the record replaced by the given line numbers."""

    def line_of(number: Optional[int]) -> Optional[int]:
        if number is None or not 1 <= number <= len(lines):
            return number
        return lines[number - 1]

    return replace(
        result,
        removed=tuple(replace(r, line=line_of(r.line)) for r in result.removed),
        repairs=tuple(replace(r, line=line_of(r.line)) for r in result.repairs),
    )


_Plan = list[Optional[tuple[str, Optional[str]]]]


def _plan(count: int, result: CleanResult, config: Config) -> _Plan:
    """For each of ``count`` blocks: None to remove it, or its new text and role.

    Mirrors how the cleaner builds its paragraphs: dropped blocks go, the
    headline goes (Pelican shows it as the title), a lone dateline is joined
    to the next paragraph.
    """
    decisions = {d.block.line: d for d in result.decisions}
    plan: _Plan = []
    dateline: Optional[str] = None
    joined: list[int] = []
    for number in range(1, count + 1):
        decision = decisions.get(number)
        if decision is None or not decision.kept or decision.role == "title":
            plan.append(None)  # dropped, the headline, or nothing left after repair
            continue
        new = decision.kept_text
        if decision.role == "dateline" and config.join_datelines:
            dateline = new if dateline is None else f"{dateline} {new}"
            joined.append(len(plan))
            plan.append((new, decision.role))  # stays if nothing follows to join
            continue
        if dateline is not None and decision.role != "caption":
            new, dateline = f"{dateline} {new}", None
            for index in joined:
                plan[index] = None
            joined.clear()
        plan.append((new, decision.role))
    return plan


def _apply(blocks: Sequence[tuple[Tag, str]], plan: _Plan) -> bool:
    """Make the tree say what the plan says; True when anything changed."""
    changed = False
    for (element, old), step in zip(blocks, plan):
        if step is None:
            _remove(element)
            changed = True
            continue
        new, role = step
        if new != old:
            _set_text(element, old, new)
            changed = True
        if role == "caption" and element.name == "p":
            element["class"] = [*element.get("class", []), CAPTION_CLASS]
            changed = True
    return changed


_PARAGRAPHS = re.compile(r"(?:<p>[^<]*</p>\n)+")
_PARAGRAPH = re.compile(r"<p>([^<]*)</p>\n")


def _plain_paragraphs(body: str) -> Optional[list[str]]:
    """The texts of a body made only of plain ``<p>`` lines (the text reader's
    output), or None for any other body."""
    if not _PARAGRAPHS.fullmatch(body):
        return None
    return [collapse_space(unescape(text)) for text in _PARAGRAPH.findall(body)]


def _render(texts: Sequence[str], plan: _Plan) -> tuple[str, bool]:
    """Plain ``<p>`` lines for what the plan keeps, and whether anything changed."""
    out, changed = [], False
    for old, step in zip(texts, plan):
        if step is None:
            changed = True
            continue
        new, role = step
        caption = role == "caption"
        changed = changed or caption or new != old
        attributes = f' class="{CAPTION_CLASS}"' if caption else ""
        out.append(f"<p{attributes}>{escape(new, quote=False)}</p>\n")
    return "".join(out), changed


def clean_html(
    body: str,
    config: Config = DEFAULT_CONFIG,
    metadata: Optional[Mapping[str, Any]] = None,
    lines: Optional[Sequence[int]] = None,
    extract: bool = False,
) -> CleanedHtml:
    """Clean an article body; ``lines`` gives the line number of each block.

    With ``extract``, a body that looks like a whole saved page is reduced to
    its main content first.
    """
    texts = None if extract else _plain_paragraphs(body)
    soup: Optional[BeautifulSoup] = None
    extracted = False
    if texts is None:  # any HTML: parse it (a body of plain <p> lines needs no tree)
        soup = BeautifulSoup(body, "html.parser")
        if extract and looks_like_page(soup):
            main = extract_main(body)
            if main is not None:
                soup, extracted, lines = BeautifulSoup(main, "html.parser"), True, None
        blocks = find_blocks(soup)
        texts = [text for _, text in blocks]
    result = clean_blocks(texts, config, metadata)
    line_numbers = lines is not None and len(lines) == len(texts)
    if line_numbers:
        result = _remap_lines(result, lines)
    plan = _plan(len(texts), result, config)
    if soup is None:
        cleaned, changed = _render(texts, plan)
    else:
        changed = _apply(blocks, plan) or extracted
        cleaned = str(soup)
    words_before = sum(len(text.split()) for text in texts)
    words_after = sum(len(p.split()) for p in result.paragraphs) + sum(
        len(c.split()) for c in result.captions
    )
    return CleanedHtml(
        html=cleaned if changed else body,
        result=result,
        changed=changed,
        words_before=words_before,
        words_after=words_after,
        extracted=extracted,
        line_numbers=line_numbers,
    )


__all__ = ["CleanedHtml", "clean_html", "extract_main", "find_blocks", "looks_like_page"]
