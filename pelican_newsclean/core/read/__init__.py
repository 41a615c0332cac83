"""Read: a scraped file's bytes to its metadata and numbered blocks.

The one read path of scraped input, used by the library
(:func:`~pelican_newsclean.core.pipeline.clean_bytes`), the ``newsclean``
command and the Pelican reader: decode the bytes (:mod:`.decode`), split off
the optional metadata header (:mod:`.header`), and number each non-empty body
line by its line in the file, header included, so that nothing re-maps line
numbers later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican_newsclean.core.model import Block, Repair

from .decode import Decoded, UndecodableError, decode, decode_bytes
from .header import HEADER_KEYS, split_header, split_lines

__all__ = [
    "HEADER_KEYS",
    "Decoded",
    "Scraped",
    "UndecodableError",
    "decode",
    "decode_bytes",
    "read_scraped",
    "read_text",
    "split_blocks",
    "split_header",
    "split_lines",
]


@dataclass(frozen=True)
class Scraped:
    """A scraped file as read.

    ``metadata`` is its header (lower-case keys, values as written; empty
    without one), ``header_lines`` the lines the header takes, ``blocks`` the
    non-empty body lines numbered by their line in the file, and ``decoded``
    how its bytes were read (None when it was given as text).
    """

    metadata: dict[str, str]
    blocks: tuple[Block, ...]
    header_lines: int = 0
    decoded: Decoded | None = field(default=None, compare=False)

    @property
    def decode_repair(self) -> Repair | None:
        """The decode as a ``decode`` repair (None for plain UTF-8)."""
        return self.decoded.repair() if self.decoded is not None else None


def split_blocks(text: str, skip: int = 0) -> list[Block]:
    """Each non-empty line (after the first ``skip``) is a block, stripped;
    line numbers are 1-based. ``\\r\\n`` and lone ``\\r`` count as line ends too.

    >>> split_blocks("Headline\\n\\n  Body text \\n")
    [Block(line=1, text='Headline'), Block(line=3, text='Body text')]
    """
    lines = split_lines(text)[skip:]
    return [Block(number, line.strip()) for number, line in enumerate(lines, skip + 1) if line.strip()]


def read_text(text: str, header: bool = True) -> Scraped:
    """Read a scraped text: its header (when ``header``) and its numbered blocks."""
    metadata, header_lines = split_header(text) if header else ({}, 0)
    return Scraped(metadata, tuple(split_blocks(text, skip=header_lines)), header_lines)


def read_scraped(data: bytes, header: bool = True) -> Scraped:
    """Read a scraped file's bytes (see :func:`.decode.decode`).

    Raises :class:`UndecodableError` for bytes that are no text.
    """
    decoded = decode(data)
    read = read_text(decoded.text, header)
    return Scraped(read.metadata, read.blocks, read.header_lines, decoded)
