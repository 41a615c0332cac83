"""The names the plugin gives Pelican: its reader's name and the metadata keys it passes between signals.

Metadata keys starting with ``newsclean_`` (:data:`RESERVED`) carry what one
signal found to a later one (Pelican keeps a reader's metadata in its cache);
each is taken off the article in ``content_object_init``. A file's own keys
of that name are dropped as it is read (:func:`drop_reserved`).
"""

from __future__ import annotations

from typing import Any

PELICAN_FATAL = "Warning or error encountered"
"""What Pelican raises when ``--fatal`` turns a logged message into an error: passed through untouched."""

READER_NAME = "newstext"
"""What Pelican puts in an article's ``reader`` metadata for the plugin's text reader."""

LINES_KEY = "newsclean_lines"
"""The file line number of each body paragraph, in order."""
DECODE_KEY = "newsclean_decode"
"""How the file's bytes were decoded, when not as plain UTF-8 (a repair entry)."""
METADATA_REPAIRS_KEY = "newsclean_metadata_repairs"
"""The repairs of the title and text metadata, from the context signal."""
DATE_FROM_KEY = "newsclean_date_from"
"""Where the article's date came from: ``header``, ``page``, ``removed-line``, ``default``, ``file``."""
AUTHOR_FROM_KEY = "newsclean_author_from"
"""Where the author of a republished article came from: ``byline``, ``wire``, ``publisher``, ``unknown``."""
FOUND_DATE_KEY = "newsclean_found_date"
"""A date in a line the cleaner removed as a timestamp or byline."""
FOUND_BYLINE_KEY = "newsclean_found_byline"
"""The author's name in a line the cleaner removed as a byline."""
FOUND_WIRE_KEY = "newsclean_found_wire"
"""The wire service the text credits."""
FOUND_PUBLISHER_KEY = "newsclean_found_publisher"
"""The publisher the cleaner found (a profile, removed lines)."""
DROPPED_KEY = "newsclean_dropped_metadata"
"""The keys a republished file's metadata lost, with why (for the report)."""
SAVED_PAGE_KEY = "newsclean_saved_page"
"""The article is a whole saved web page (its article is extracted; it is republished)."""
LANGUAGE_KEY = "newsclean_language"
"""The language a saved page says it is in (recorded; the article keeps the site's ``lang``)."""

REMOVED_COUNT_KEY = "newsclean_removed"
"""How many blocks ``newsclean clean -o`` removed from a file (its footer says so)."""

RESERVED = "newsclean_"
"""The prefix of the keys above: the plugin's own."""


FILE_KEYS = frozenset({REMOVED_COUNT_KEY})
"""The plugin's keys a file may carry itself (``newsclean clean -o`` writes them)."""


def drop_reserved(metadata: dict[str, Any]) -> None:
    """Take the plugin's own keys (:data:`RESERVED`, but :data:`FILE_KEYS`) that a file sets itself
    off the metadata it was read into: they would pass for what one of the plugin's signals
    found. Each is listed under :data:`DROPPED_KEY`, for the report.
    """
    dropped = [
        {"key": key, "value": str(metadata.pop(key))[:200], "why": "a name the plugin keeps for its own"}
        for key in [k for k in metadata if k.startswith(RESERVED) and k not in FILE_KEYS]
    ]
    if dropped:
        metadata[DROPPED_KEY] = dropped
