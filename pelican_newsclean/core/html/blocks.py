"""HTML bodies to blocks and back, without a tree: the block tags, and bodies of plain lines.

A body of plain ``<p>`` lines (the text reader's output) needs no tree:
:func:`plain_paragraphs` reads it and :func:`paragraphs_html` writes it;
:func:`render_layout` prints what the cleaner kept. A body of other HTML is
parsed, and its blocks found and edited in the tree (:mod:`.tree`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape, unescape
import re

from pelican_newsclean.core.assemble import Printed
from pelican_newsclean.core.model import Block

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
