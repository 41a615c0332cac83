"""A Pelican reader for scraped plain-text articles (``.txt`` by default).

The reader does the light work only: bytes to text, the optional metadata
header, a title, and the body as escaped ``<p>`` paragraphs (one per non-empty
line). Files that are no article (binary data, an empty file, a header with
no text) are not published, with a WARNING naming them. A file decoded from
another encoding than UTF-8 is named at INFO level, or at WARNING when bytes
had to be replaced or dropped. The cleaning itself happens later, in ``content_object_init``, with the
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
from .decode import Decoded, UndecodableError, decode
from .header import split_header, split_lines
from .render import collapse_space, paragraphs_html
from .settings import Options, options_for

logger = logging.getLogger(__name__)

READER_NAME = "newstext"
"""What Pelican puts in an article's ``reader`` metadata for this reader."""

LINES_KEY = "newsclean_lines"
"""Metadata: the file line number of each body paragraph, in order."""

DECODE_KEY = "newsclean_decode"
"""Metadata: how the file's bytes were decoded, when not as plain UTF-8 (a repair entry)."""

TITLE_MAX_WORDS = 12
TITLE_MAX_CHARS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def short_title(sentence: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """A title made from a sentence: its first sentence, at most ``max_words`` words.

    >>> short_title("Russian forces are leaving. Officials said so.")
    'Russian forces are leaving'
    >>> short_title("one two three four five", max_words=3)
    'one two three…'
    """
    first = _SENTENCE_END.split(sentence.strip(), maxsplit=1)[0].rstrip(".!?")
    words = first.split()
    title = " ".join(words[:max_words])
    if len(title) > TITLE_MAX_CHARS:  # a very long word: a link, a blob of data
        title = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] if " " in title[:TITLE_MAX_CHARS] else title[:TITLE_MAX_CHARS]
        return title.rstrip(",;:") + "…"
    if len(words) > max_words:
        return title.rstrip(",;:") + "…"
    return title


class NewsTextReader(BaseReader):
    """Read a scraped ``.txt`` article: decode, header, title, escaped paragraphs."""

    enabled = True
    file_extensions: list[str] = []  # the plugin registers the extensions it is given

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return ``(html, metadata)`` for Pelican (``status: skip`` for no article)."""
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            decoded = decode(data)
        except UndecodableError as error:
            logger.warning(
                "newsclean: %s is not a text file (%s): not published. "
                "Move it out of the content folder, or save it as UTF-8 text.",
                source_path,
                error,
            )
            return "", {"status": "skip"}
        self._log_decode(source_path, decoded)
        text = decoded.text
        if not text.strip():
            logger.warning("newsclean: %s is empty: not published.", source_path)
            return "", {"status": "skip"}

        raw, header_lines = split_header(text)
        body_lines = split_lines(text)[header_lines:]
        numbered = [
            (header_lines + index + 1, collapse_space(line))
            for index, line in enumerate(body_lines)
            if line.strip()
        ]
        if not numbered:
            logger.warning(
                "newsclean: %s has a metadata header but no article text: not published.",
                source_path,
            )
            return "", {"status": "skip"}
        metadata = {name: self._process(name, value) for name, value in raw.items()}
        if "title" not in metadata or not metadata["title"]:
            metadata["title"] = self._find_title(source_path, header_lines, body_lines, raw)
        metadata[LINES_KEY] = tuple(line for line, _ in numbered)
        repair = decoded.repair()
        if repair is not None:
            metadata[DECODE_KEY] = {
                "field": "file", "line": None, "kind": repair.kind,
                "before": repair.before, "after": repair.after,
            }
        return paragraphs_html(text for _, text in numbered), metadata

    @staticmethod
    def _log_decode(source_path: str, decoded: Decoded) -> None:
        if decoded.note is None:
            return
        if decoded.lossy:
            level, advice = logging.WARNING, " Check the text, or save the file as UTF-8."
        elif decoded.encoding == "utf-8-sig":
            level, advice = logging.DEBUG, ""
        else:
            level, advice = logging.INFO, ""
        logger.log(level, "newsclean: %s: %s.%s", source_path, decoded.note, advice)

    def _process(self, name: str, value: str) -> Any:
        if name == "summary":
            return f"<p>{html.escape(value, quote=False)}</p>"
        return self.process_metadata(name, value)

    def _find_title(
        self, source_path: str, header_lines: int, body_lines: list[str], raw: dict[str, str]
    ) -> str:
        """The headline the cleaner finds, else a short title from the first sentence.

        A body too big to clean (see ``max_size``) is not searched: its title
        is made from its first line.
        """
        options = options_for(self.settings)
        first: Optional[str] = None
        if not too_big(sum(len(line) + 1 for line in body_lines), len(body_lines), options):
            body = "\n" * header_lines + "\n".join(body_lines)
            result = clean_text(body, options.config, raw)
            if result.title:
                return result.title
            first = next(iter(result.paragraphs), None)
        first = first or next((line for line in body_lines if line.strip()), "")
        title = short_title(first) or "Untitled"
        logger.info("newsclean: %s has no headline: title made from its first sentence: %r", source_path, title)
        return title


def too_big(size: int, paragraphs: int, options: Options) -> Optional[str]:
    """Why an article is too big to clean (None: it is not), from ``max_size``/``max_paragraphs``."""
    if options.max_paragraphs is not None and paragraphs > options.max_paragraphs:
        return f"{paragraphs:,} paragraphs, more than max_paragraphs ({options.max_paragraphs:,})"
    if options.max_size is not None and size > options.max_size:
        return f"{size:,} characters, more than max_size ({options.max_size:,})"
    return None


def recorded_lines(metadata: dict[str, Any]) -> Optional[tuple[int, ...]]:
    """The file line numbers the reader recorded for a body's paragraphs, if any."""
    lines = metadata.get(LINES_KEY)
    return tuple(lines) if lines else None
