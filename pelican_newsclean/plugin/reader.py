"""A Pelican reader for scraped plain-text articles (``.txt`` by default).

The reader reads the file through the core's one read path (decode, the
optional metadata header, numbered blocks) and returns the body as escaped
``<p>`` paragraphs, one per non-empty line. Pelican caches what ``read()``
returns by file path and time only, not by settings, so the body it returns
is not cleaned: ``content_object_init`` cleans it. When the file has no
``Title:``, the reader cleans it to find the headline, and keeps that result
in the build state so that the article is still cleaned once.

Files that are no article (binary data, an empty file, a header with no
text) are not published, with a WARNING naming them. A file decoded from
another encoding than UTF-8 is named at INFO level, or at WARNING when bytes
had to be replaced or dropped.

This module is imported from ``register()`` only. The reader class lists no
file extensions of its own, so importing it registers nothing: the plugin adds
it for the configured extensions in ``readers_init``.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from pelican.readers import BaseReader

from pelican_newsclean.core.assemble import short_title
from pelican_newsclean.core.html import paragraphs_html
from pelican_newsclean.core.model import CleanResult
from pelican_newsclean.core.pipeline import clean_scraped
from pelican_newsclean.core.read import Decoded, Scraped, UndecodableError, read_scraped
from pelican_newsclean.core.read.header import CLEANED_MARK

from . import report, state
from .keys import (
    DATE_FROM_KEY,
    DECODE_KEY,
    FOUND_BYLINE_KEY,
    FOUND_DATE_KEY,
    FOUND_PUBLISHER_KEY,
    FOUND_WIRE_KEY,
    LINES_KEY,
    PELICAN_FATAL,
    drop_reserved,
)

logger = logging.getLogger(__name__)


class NewsTextReader(BaseReader):
    """Read a scraped ``.txt`` article: decode, header, title, escaped paragraphs."""

    enabled = True
    file_extensions: list[str] = []  # the plugin registers the extensions it is given  # noqa: RUF012 - Pelican's reader API: a class attribute, replaced per extension

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return ``(html, metadata)`` for Pelican (``status: skip`` for no article)."""
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            scraped = read_scraped(data)
        except UndecodableError as error:
            logger.warning(
                "newsclean: %s is not a text file (%s): not published. "
                "Move it out of the content folder, or save it as UTF-8 text.",
                source_path,
                error,
            )
            return "", {"status": "skip"}
        assert scraped.decoded is not None
        self._log_decode(source_path, scraped.decoded)
        if not scraped.decoded.text.strip():
            logger.warning("newsclean: %s is empty: not published.", source_path)
            return "", {"status": "skip"}
        if not scraped.blocks:
            logger.warning(
                "newsclean: %s has a metadata header but no article text: not published.",
                source_path,
            )
            return "", {"status": "skip"}
        body = paragraphs_html(block.text for block in scraped.blocks)
        metadata = {name: self._process(name, value) for name, value in scraped.metadata.items()}
        drop_reserved(metadata)
        found = self._clean_if_needed(source_path, scraped, body)
        if not metadata.get("title"):
            metadata["title"] = self._title(source_path, scraped, found)
        if found is not None:  # what the scrape says; the context signal decides (settings may change)
            metadata.update(
                {
                    key: value
                    for key, value in (
                        (FOUND_DATE_KEY, found.found_date),
                        (FOUND_BYLINE_KEY, found.byline),
                        (FOUND_WIRE_KEY, found.wire),
                        (FOUND_PUBLISHER_KEY, found.publisher),
                    )
                    if value
                }
            )
        if "date" in scraped.metadata:
            metadata[DATE_FROM_KEY] = "header"
        metadata[LINES_KEY] = tuple(block.line for block in scraped.blocks)
        repair = scraped.decode_repair
        if repair is not None:
            metadata[DECODE_KEY] = report.repair_entry(repair, field="file")
        return body, metadata

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

    def _clean_if_needed(self, source_path: str, scraped: Scraped, body: str) -> CleanResult | None:
        """Clean the text when its header lacks a title, a date or an author, to find them in it.

        The result is kept in the build state, so the body is not cleaned again.
        A body too big to clean (see ``max_size``) is not cleaned here, nor one
        the cleaner fails on (``content_object_init`` reports that).
        """
        build = state.of(self.settings)
        if build is None or all(key in scraped.metadata for key in ("title", "date", "author")):
            return None
        if scraped.metadata.get("newsclean", "").strip().lower() == CLEANED_MARK:
            return None  # newsclean clean -o wrote it: cleaned already
        if build.options.too_big(len(body), len(scraped.blocks)):
            return None
        key = build.cache.scraped_key(scraped) if build.cache is not None else None
        try:
            result = build.cache.get_result(key) if build.cache is not None and key else None
            if result is None:
                result = clean_scraped(scraped, build.options.config, {"default_lang": build.site_language})
                if build.cache is not None and key:
                    build.cache.put_result(key, result)
        except Exception as error:  # reported when the body is cleaned
            if isinstance(error, RuntimeError) and str(error) == PELICAN_FATAL:
                raise  # pelican --fatal: Pelican stops the build
            logger.debug("newsclean: %s: not cleaned in the reader", source_path, exc_info=True)
            return None
        build.keep(source_path, body, result)
        return result

    @staticmethod
    def _title(source_path: str, scraped: Scraped, result: CleanResult | None) -> str:
        """The headline the cleaner found, else a short title from the first sentence."""
        if result is not None and result.title:
            return result.title
        first = (result.paragraphs[0] if result is not None and result.paragraphs else None) or scraped.blocks[0].text
        title = short_title(first) or "Untitled"
        logger.info("newsclean: %s has no headline: title made from its first sentence: %r", source_path, title)
        return title
