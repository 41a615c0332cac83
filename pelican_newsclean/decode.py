"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding."""

from __future__ import annotations

from typing import Optional

from .model import Repair


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can detect (binary data)."""


def decode_bytes(data: bytes) -> tuple[str, Optional[Repair]]:
    """Decode a scraped file's bytes.

    UTF-8 is tried first (a BOM is dropped). Otherwise charset-normalizer
    picks the encoding, and the choice is returned as a ``decode`` repair so
    the user can see it. Bytes that are no text at all (NUL bytes, no
    plausible encoding) raise :class:`UndecodableError`.

    >>> decode_bytes("Café".encode("cp1252"))[0]
    'Café'
    """
    if b"\x00" in data:
        raise UndecodableError("contains NUL bytes: binary data, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("not UTF-8, and no text encoding fits its bytes")
    text = str(best)
    return text, Repair(before="(bytes)", after=f"decoded as {best.encoding}", kind="decode")
