"""A parsed HTML body's blocks: found in the tree, and the tree made to print what the cleaner kept.

The blocks of a body are the elements that hold text and no other block
(``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``figcaption``, a ``div`` of
text...), numbered from 1 in document order. After cleaning, the elements of
dropped blocks are removed and a kept block whose text changed gets the new
text (:func:`apply_layout`). Code, scripts and the attribution footer are
never touched. Only a body that is not plain ``<p>`` lines is parsed, so this
module (and bs4) is imported only then.
"""

from __future__ import annotations

from collections.abc import Sequence

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from pelican_newsclean.core.assemble import Printed
from pelican_newsclean.core.text import collapse_space

from .blocks import BLOCK_TAGS, CAPTION_CLASS, CAPTION_STYLE, MEDIA_TAGS, OPAQUE_TAGS

_BLOCK_SET = frozenset(BLOCK_TAGS)


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
