"""The optional metadata header of a scraped text: Pelican's ``Key: value`` lines.

Pure functions, shared by the Pelican reader and the ``newsclean`` command.
"""

from __future__ import annotations

import re

_LINE_END = re.compile(r"\r\n|\r|\n")
"""Line ends, as the cleaner counts them (and as editors number lines)."""

HEADER_KEYS = frozenset(
    {
        "title",
        "date",
        "modified",
        "source",
        "source_url",
        "author",
        "authors",
        "category",
        "tags",
        "slug",
        "lang",
        "summary",
        "status",
        "template",
        "save_as",
        "url",
        "translation",
        "newsclean",
        "wire",
        "description",
        "keywords",
        "subtitle",
    }
)
"""Keys that make a first block of ``Key: value`` lines a metadata header."""

CLEANED_MARK = "cleaned"
"""``Newsclean: cleaned`` in a header: the file is a result of ``newsclean clean -o``; the
plugin publishes it as cleaned, without cleaning it again."""

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*")


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The metadata header of a scraped text, and how many lines it takes.

    A header is the first block of lines (ended by a blank line or the end
    of the text) when every line has the strict ``Key: value`` shape (one identifier-like word, the
    colon right after it) and at least one key is a known metadata key.
    Anything else is body text: a headline, ``Total Views : 25``...

    >>> split_header("Title: A\\nDate: 2024-04-17\\n\\nBody")
    ({'title': 'A', 'date': '2024-04-17'}, 3)
    >>> split_header("Headline\\n\\nTotal Views : 25")
    ({}, 0)
    >>> split_header("Updated: Monday\\n\\nBody")
    ({}, 0)
    """
    metadata: dict[str, str] = {}
    index = 0
    for index, line in enumerate(split_lines(text)):
        if not line.strip():
            if metadata and any(key in HEADER_KEYS for key in metadata):
                return metadata, index + 1
            return {}, 0
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            return {}, 0
        metadata[match.group(1).lower()] = (match.group(2) or "").strip()
    if metadata and any(key in HEADER_KEYS for key in metadata):
        return metadata, index + 1  # the text is all header: no body
    return {}, 0


def split_lines(text: str) -> list[str]:
    """The lines of a text: ``\\r\\n``, lone ``\\r`` and ``\\n`` end a line (nothing else).

    A final line end ends the last line: it does not start an empty one.

    >>> split_lines("a\\r\\nb\\rc\\n\\nd\\n")
    ['a', 'b', 'c', '', 'd']
    """
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
