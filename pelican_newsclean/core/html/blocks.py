"""HTML bodies to blocks and back.

The blocks of a body are the elements that hold text and no other block
(``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``figcaption``, a ``div`` of
text...), numbered from 1 in document order. After cleaning, the elements of
dropped blocks are removed and a kept block whose text changed gets the new
text (:func:`apply_layout`). Code, scripts and the attribution footer are
never touched. A body of plain ``<p>`` lines (the text reader's output)
needs no tree: :func:`plain_paragraphs` reads it and :func:`paragraphs_html`
writes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape, unescape
import re
from typing import TYPE_CHECKING

from pelican_newsclean.core.assemble import Printed
from pelican_newsclean.core.model import Block
from pelican_newsclean.core.text import collapse_space

if TYPE_CHECKING:  # imported where a tree is walked: a body of plain lines needs no bs4
    from bs4 import BeautifulSoup, Tag

BLOCK_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "address",
    "summary",
)
"""Elements that can be a block (when no other block is inside them)."""

OPAQUE_TAGS = frozenset({"pre", "code", "script", "style", "template", "textarea", "svg", "math", "noscript"})
"""Elements whose text is never cleaned."""

MEDIA_TAGS = ("img", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "svg", "table")
"""Content without text: a container holding one is not empty."""

CAPTION_CLASS = "newsclean-caption"
"""Class given to a paragraph the cleaner kept as a photo caption."""

CAPTION_STYLE = "font-size:.88em;font-style:italic;color:#555"
"""How a caption looks in any theme (an inline style: a theme's own CSS cannot lose it)."""

_CAPTION_TAG = re.compile(f'<p class="{CAPTION_CLASS}"(?: style="[^"]*")?>')


def style_captions(body: str) -> str:
    """Give every caption paragraph of a body its look (the sanitiser keeps only the class)."""
    return _CAPTION_TAG.sub(f'<p class="{CAPTION_CLASS}" style="{CAPTION_STYLE}">', body)


_BLOCK_SET = frozenset(BLOCK_TAGS)


def block_text(element: Tag) -> str:
    """The text of a block as the cleaner sees it (``<br>`` as a space)."""
    from bs4 import Tag
    from bs4.element import NavigableString

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
    from bs4 import BeautifulSoup, Tag

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


def _opaque(element: Tag, cache: set[int]) -> bool:
    """Whether the element is inside code, a script, the footer... (never cleaned)."""
    from bs4 import BeautifulSoup, Tag

    for node in [element, *element.parents]:
        if not isinstance(node, Tag) or isinstance(node, BeautifulSoup):
            return False
        if id(node) in cache or node.name in OPAQUE_TAGS or node.get("data-newsclean") is not None:
            cache.add(id(element))
            return True
    return False


def _remove(element: Tag) -> None:
    """Remove an element, its trailing white space, and containers left empty."""
    from bs4 import BeautifulSoup, Tag
    from bs4.element import NavigableString

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
    from bs4.element import NavigableString

    strings = [node for node in element.descendants if type(node) is NavigableString]
    if len(strings) == 1:
        strings[0].replace_with(new)
    elif new.endswith(old):  # something joined in front (a dateline)
        element.insert(0, NavigableString(new[: len(new) - len(old)]))
    else:
        element.clear()
        element.append(new)


def apply_layout(elements: Sequence[tuple[Tag, str]], printed: Sequence[Printed | None]) -> bool:
    """Make the tree print what the layout says; True when anything changed."""
    changed = False
    for (element, old), step in zip(elements, printed, strict=False):
        if step is None:
            _remove(element)
            changed = True
            continue
        if step.text != old:
            _set_text(element, old, step.text)
            changed = True
        if step.role == "caption" and element.name == "p":
            element["class"] = " ".join([*element.get_attribute_list("class"), CAPTION_CLASS]).strip()
            element["style"] = CAPTION_STYLE
            changed = True
    _captions_after_the_lead(elements, printed)
    return changed


def _captions_after_the_lead(elements: Sequence[tuple[Tag, str]], printed: Sequence[Printed | None]) -> None:
    """Captions before the first paragraph go after it: a story does not start with a photo's caption."""
    leading = []
    for (element, _old), step in zip(elements, printed, strict=False):
        if step is None:
            continue
        if step.role == "caption":
            leading.append(element)
        else:
            for caption in reversed(leading):
                element.insert_after(caption.extract())
            return


def paragraphs_html(lines: Iterable[str]) -> str:
    """One escaped ``<p>`` per line of plain text: markup in the text shows as text.

    >>> paragraphs_html(["a <script> tag", "b & c"])
    '<p>a &lt;script&gt; tag</p>\\n<p>b &amp; c</p>\\n'
    """
    return "".join(f"<p>{escape(line, quote=False)}</p>\n" for line in lines)


def render_layout(printed: Iterable[Printed | None]) -> str:
    """Plain ``<p>`` lines for what the layout prints: a caption with its class and look, and
    after the first paragraph when it came before it.
    """
    out: list[str] = []
    leading: list[str] = []
    for step in printed:
        if step is None:
            continue
        if step.role == "caption":
            line = f'<p class="{CAPTION_CLASS}" style="{CAPTION_STYLE}">{escape(step.text, quote=False)}</p>\n'
            (out if out else leading).append(line)
        else:
            out.append(f"<p>{escape(step.text, quote=False)}</p>\n")
            if leading:
                out.extend(leading)
                leading = []
    return "".join(out + leading)


_PARAGRAPHS = re.compile(r"(?:<p>[^<]*</p>\n)+")
_PARAGRAPH = re.compile(r"<p>([^<]*)</p>\n")


def plain_paragraphs(body: str) -> list[str] | None:
    """The texts of a body made only of plain ``<p>`` lines (what
    :func:`paragraphs_html` writes), or None for any other body.
    """
    if not _PARAGRAPHS.fullmatch(body):
        return None
    return [unescape(text).strip() for text in _PARAGRAPH.findall(body)]


def numbered(texts: Sequence[str], lines: Sequence[int] | None = None) -> list[Block]:
    """Blocks of the given texts, numbered by ``lines`` (their lines in a
    file) when there is one per text, else from 1.
    """
    numbers = lines if lines is not None and len(lines) == len(texts) else range(1, len(texts) + 1)
    return [Block(n, t.strip()) for n, t in zip(numbers, texts, strict=False) if t and t.strip()]
