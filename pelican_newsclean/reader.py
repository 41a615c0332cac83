"""A Pelican reader for scraped plain-text articles (``.txt`` by default).

The reader does the light work only: bytes to text, the optional metadata
header, a title, and the body as escaped ``<p>`` paragraphs (one per non-empty
line). The cleaning itself happens later, in ``content_object_init``, with the
same code as every other cleaned article: Pelican caches what ``read()``
returns by file path and time only, so cleaning done here would go stale when
the settings change.

This module is imported from ``register()`` only. The reader class lists no
file extensions of its own, so importing it registers nothing: the plugin adds
it for the configured extensions in ``readers_init``.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any, Optional

from pelican.readers import BaseReader

from .clean import clean_text
from .decode import UndecodableError, decode_bytes
from .render import collapse_space, paragraphs_html
from .settings import options_for

logger = logging.getLogger(__name__)

READER_NAME = "newstext"
"""What Pelican puts in an article's ``reader`` metadata for this reader."""

LINES_KEY = "newsclean_lines"
"""Metadata: the file line number of each body paragraph, in order."""

HEADER_KEYS = frozenset(
    {
        "title", "date", "modified", "source", "source_url", "author", "authors",
        "category", "tags", "slug", "lang", "summary", "status", "template",
        "save_as", "url", "translation", "newsclean", "wire", "description",
        "keywords", "subtitle",
    }
)
"""Keys that make a first block of ``Key: value`` lines a metadata header."""

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*")

TITLE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The metadata header of a scraped text, and how many lines it takes.

    A header is the first block of lines (ended by a blank line) when every
    line has the strict ``Key: value`` shape (one identifier-like word, the
    colon right after it) and at least one key is a known metadata key.
    Anything else is body text: a headline, ``Total Views : 25``...

    >>> split_header("Title: A\\nDate: 2024-04-17\\n\\nBody")
    ({'title': 'A', 'date': '2024-04-17'}, 3)
    >>> split_header("Headline\\n\\nTotal Views : 25")
    ({}, 0)
    >>> split_header("Updated: Monday\\n\\nBody")
    ({}, 0)
    """
    lines = text.splitlines()
    metadata: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if metadata and any(key in HEADER_KEYS for key in metadata):
                return metadata, index + 1
            return {}, 0
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            return {}, 0
        metadata[match.group(1).lower()] = (match.group(2) or "").strip()
    return {}, 0  # no blank line after it: the text is all body


def short_title(sentence: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """A title made from a sentence: its first sentence, at most ``max_words`` words.

    >>> short_title("Russian forces are leaving. Officials said so.")
    'Russian forces are leaving'
    >>> short_title("one two three four five", max_words=3)
    'one two three…'
    """
    first = _SENTENCE_END.split(sentence.strip(), maxsplit=1)[0].rstrip(".!?")
    words = first.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:") + "…"
    return " ".join(words)


class NewsTextReader(BaseReader):
    """Read a scraped ``.txt`` article: decode, header, title, escaped paragraphs."""

    enabled = True
    file_extensions: list[str] = []  # the plugin registers the extensions it is given

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return ``(html, metadata)`` for Pelican."""
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            text, _ = decode_bytes(data)
        except UndecodableError as error:
            logger.warning("newsclean: %s is not readable text (%s): skipped", source_path, error)
            return "", {"status": "skip"}

        raw, header_lines = split_header(text)
        body_lines = text.splitlines()[header_lines:]
        numbered = [
            (header_lines + index + 1, collapse_space(line))
            for index, line in enumerate(body_lines)
            if line.strip()
        ]
        metadata = {name: self._process(name, value) for name, value in raw.items()}
        if "title" not in metadata or not metadata["title"]:
            metadata["title"] = self._find_title(source_path, header_lines, body_lines, raw)
        metadata[LINES_KEY] = tuple(line for line, _ in numbered)
        return paragraphs_html(text for _, text in numbered), metadata

    def _process(self, name: str, value: str) -> Any:
        if name == "summary":
            return f"<p>{html.escape(value, quote=False)}</p>"
        return self.process_metadata(name, value)

    def _find_title(
        self, source_path: str, header_lines: int, body_lines: list[str], raw: dict[str, str]
    ) -> str:
        """The headline the cleaner finds, else a short title from the first sentence."""
        body = "\n" * header_lines + "\n".join(body_lines)
        result = clean_text(body, options_for(self.settings).config, raw)
        if result.title:
            return result.title
        first = next(iter(result.paragraphs), None) or next(
            (line for line in body_lines if line.strip()), ""
        )
        title = short_title(first) or "Untitled"
        logger.info("newsclean: %s has no headline: title made from its first sentence: %r", source_path, title)
        return title


def recorded_lines(metadata: dict[str, Any]) -> Optional[tuple[int, ...]]:
    """The file line numbers the reader recorded for a body's paragraphs, if any."""
    lines = metadata.get(LINES_KEY)
    return tuple(lines) if lines else None
