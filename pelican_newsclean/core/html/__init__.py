"""Clean an HTML article body with the pipeline, one block element at a time.

:func:`clean_html` finds the blocks of a body (:mod:`.blocks`), cleans their
texts, and prints the layout back into the tree. A body where nothing
changes is returned as it was, byte for byte. With ``extract``, a whole saved
web page is first reduced to its article (:mod:`.page`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pelican_newsclean.core.assemble import layout
from pelican_newsclean.core.config import DEFAULT_CONFIG, Config
from pelican_newsclean.core.model import CleanResult
from pelican_newsclean.core.pipeline import clean_numbered

from .blocks import CAPTION_CLASS, numbered, paragraphs_html, plain_paragraphs, render_layout, style_captions
from .page import extract_main, extractor_available, looks_like_page

__all__ = [
    "CAPTION_CLASS",
    "CleanedHtml",
    "clean_html",
    "extract_main",
    "extractor_available",
    "looks_like_page",
    "paragraphs_html",
    "plain_paragraphs",
    "render_result",
    "style_captions",
]


@dataclass(frozen=True)
class CleanedHtml:
    """An HTML body after cleaning, with the cleaner's record.

    ``line_numbers`` says the record's ``line`` values are lines of the
    source file (else block numbers); ``extractor_missing`` that the body was
    a whole page but trafilatura is not installed to extract it;
    ``extraction_failed`` that trafilatura found no article in it (the whole
    page was cleaned block by block instead).
    """

    html: str
    result: CleanResult
    changed: bool
    words_before: int
    words_after: int
    extracted: bool = False
    line_numbers: bool = False
    extractor_missing: bool = False
    extraction_failed: bool = False


def _words(result: CleanResult) -> int:
    return sum(len(p.split()) for p in result.paragraphs) + sum(len(c.split()) for c in result.captions)


def render_result(
    body: str, result: CleanResult, config: Config = DEFAULT_CONFIG, lines: Sequence[int] | None = None
) -> CleanedHtml:
    """The cleaned body of a result made from ``body``, a body of plain ``<p>`` lines."""
    texts = plain_paragraphs(body) or []
    cleaned = render_layout(layout(result.decisions, config.join_datelines))
    changed = cleaned != paragraphs_html(texts)
    return CleanedHtml(
        html=cleaned if changed else body,
        result=result,
        changed=changed,
        words_before=sum(len(text.split()) for text in texts),
        words_after=_words(result),
        line_numbers=lines is not None and len(lines) == len(texts),
    )


def clean_html(  # noqa: PLR0913, PLR0917 - each argument is one field of the record
    body: str,
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
    lines: Sequence[int] | None = None,
    extract: bool = False,
    page: bool = False,
) -> CleanedHtml:
    """Clean an article body; ``lines`` gives the line number of each block.

    With ``extract``, a body that is a whole saved page (``page``, or it looks
    like one) is reduced to its main content first.
    """
    texts = None if extract else plain_paragraphs(body)
    if texts is not None:  # a body of plain <p> lines needs no tree
        return render_result(body, clean_numbered(numbered(texts, lines), config, metadata), config, lines)
    from bs4 import BeautifulSoup  # only here: a body of plain lines needs no tree

    from .tree import apply_layout, find_blocks

    soup = None if extract and page else BeautifulSoup(body, "html.parser")  # a known page: its article is enough
    extracted = missing = failed = False
    if extract and (soup is None or looks_like_page(soup)):
        main = extract_main(body)
        if main is not None:
            soup, extracted, lines = BeautifulSoup(main, "html.parser"), True, None
        missing = not extractor_available()
        failed = main is None and not missing
    if soup is None:  # no article found in the page: it is cleaned whole
        soup = BeautifulSoup(body, "html.parser")
    elements = find_blocks(soup)
    texts = [text for _, text in elements]
    blocks = numbered(texts, lines)
    result = clean_numbered(blocks, config, metadata)
    printed = layout(result.decisions, config.join_datelines)
    by_line = {d.block.line: p for d, p in zip(result.decisions, printed, strict=True)}
    changed = apply_layout(elements, [by_line.get(b.line) for b in blocks]) or extracted
    return CleanedHtml(
        html=str(soup) if changed else body,
        result=result,
        changed=changed,
        words_before=sum(len(text.split()) for text in texts),
        words_after=_words(result),
        extracted=extracted,
        line_numbers=lines is not None and len(lines) == len(texts),
        extractor_missing=missing,
        extraction_failed=failed,
    )
