"""Attribute: who published the article, the wire it carries, where it came from.

The only place credits are worked out: the library's result, the footer and
the report all read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence
from urllib.parse import urlsplit

from .classify.profiles import Profile, profile_for_domain
from .wires import WIRE_NAMES, alternation

_WIRE_ALT = alternation(WIRE_NAMES)
# "MOSCOW (AP) —", "(Reuters) -" at the start of a paragraph; "— AFP" closing one.
_LEADING_CREDIT = re.compile(rf"^(?:[A-Z][\w.'’ ,-]{{0,40}}\s)?\((?P<wire>{_WIRE_ALT})\)\s*[-—–:]", re.IGNORECASE)
_CLOSING_CREDIT = re.compile(rf"[.!?”\"]\s*[-—–]\s*(?P<wire>{_WIRE_ALT})\s*$")


@dataclass(frozen=True)
class Attribution:
    """The credits a republished article carries.

    ``link`` is the address to link to: ``source_url``, else the publisher's
    home page, and only ever an absolute http(s) URL (see :func:`safe_url`).
    """

    publisher: Optional[str] = None
    publisher_url: Optional[str] = None
    wire: Optional[str] = None
    source_url: Optional[str] = None
    date: Optional[str] = None
    link: Optional[str] = None


def safe_url(url: Optional[str]) -> Optional[str]:
    """The URL when it is an absolute http(s) address, else None (no javascript:, data:...).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url


def find_wire(paragraphs: Sequence[str]) -> Optional[str]:
    """The wire service credited in a dateline or sign-off (not a photo credit).

    >>> find_wire(["MOSCOW (AP) — Russian forces are being withdrawn."])
    'Associated Press'
    >>> find_wire(["A view of the base. (AP Photo/Aziz Karimov)"]) is None
    True
    """
    for text in paragraphs[:3]:
        m = _LEADING_CREDIT.match(text)
        if m:
            return WIRE_NAMES[m.group("wire").upper()]
    for text in paragraphs[-2:]:
        m = _CLOSING_CREDIT.search(text)
        if m:
            return WIRE_NAMES[m.group("wire").upper()]
    return None


def attribute(
    paragraphs: Sequence[str],
    profile: Optional[Profile],
    profiles: Sequence[Profile],
    metadata: Mapping[str, Any],
) -> Attribution:
    """Credits from the caller's metadata first, else from the text.

    The publisher is the ``source`` metadata, else the profile that hit (or
    the one whose domain ``source_url`` is on), else the host of a safe
    ``source_url``.
    """
    source_url = _text(metadata.get("source_url"))
    if profile is None and source_url:
        profile = profile_for_domain(profiles, source_url)
    publisher = _text(metadata.get("source")) or (profile.name if profile else None)
    publisher_url = source_url or (profile.home if profile and publisher == profile.name else None)
    link = safe_url(source_url) or safe_url(publisher_url)
    if not publisher and link:
        publisher = urlsplit(link).hostname
    return Attribution(
        publisher=publisher,
        publisher_url=publisher_url,
        wire=_text(metadata.get("wire")) or find_wire(paragraphs),
        source_url=source_url,
        date=_date(metadata.get("date")),
        link=link,
    )


def _text(value: Any) -> Optional[str]:
    """A metadata value as stripped text, or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any) -> Optional[str]:
    """An ISO date (or date and time) from a string, date or datetime."""
    if hasattr(value, "isoformat"):
        if getattr(value, "hour", 0) == 0 and getattr(value, "minute", 0) == 0 and hasattr(value, "date"):
            return value.date().isoformat()
        return value.isoformat()
    return _text(value)
