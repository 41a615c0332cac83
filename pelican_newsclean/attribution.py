"""Who wrote it: publisher, wire service, source URL and original date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from .profiles import Profile, profile_for_domain

# Wire credits as printed in datelines and sign-offs, and the name to show.
WIRE_NAMES = {
    "AP": "Associated Press",
    "ASSOCIATED PRESS": "Associated Press",
    "REUTERS": "Reuters",
    "AFP": "AFP",
    "AGENCE FRANCE-PRESSE": "AFP",
    "BLOOMBERG": "Bloomberg",
    "DPA": "dpa",
    "UPI": "UPI",
    "XINHUA": "Xinhua",
    "TASS": "TASS",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "PA": "PA Media",
}
_WIRE_ALT = "|".join(sorted((re.escape(k) for k in WIRE_NAMES), key=len, reverse=True))
# "MOSCOW (AP) —", "(Reuters) -" at the start of a paragraph; "— AFP" closing one.
_LEADING_CREDIT = re.compile(rf"^(?:[A-Z][\w.'’ ,-]{{0,40}}\s)?\((?P<wire>{_WIRE_ALT})\)\s*[-—–:]", re.IGNORECASE)
_CLOSING_CREDIT = re.compile(rf"[.!?”\"]\s*[-—–]\s*(?P<wire>{_WIRE_ALT})\s*$")


@dataclass(frozen=True)
class Attribution:
    """The credits a republished article carries."""

    publisher: Optional[str] = None
    publisher_url: Optional[str] = None
    wire: Optional[str] = None
    source_url: Optional[str] = None
    date: Optional[str] = None


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
    """Credits from the caller's metadata first, else from the text."""
    source_url = _text(metadata.get("source_url"))
    if profile is None and source_url:
        profile = profile_for_domain(profiles, source_url)
    publisher = _text(metadata.get("source")) or (profile.name if profile else None)
    publisher_url = source_url or (profile.home if profile and publisher == profile.name else None)
    return Attribution(
        publisher=publisher,
        publisher_url=publisher_url,
        wire=_text(metadata.get("wire")) or find_wire(paragraphs),
        source_url=source_url,
        date=_date(metadata.get("date")),
    )


def _text(value: Any) -> Optional[str]:
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
