"""Attribute: who published the article, the wire it carries, where it came from.

The only place credits are worked out: the library's result, the footer and
the report all read them from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
import re
from typing import Any
from urllib.parse import urlsplit

from .classify.profiles import Profile, profile_for_domain
from .model import Removal
from .text import MONTHS
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
    ``publisher_from`` says how the publisher was found: ``metadata``,
    ``profile``, ``page`` (the saved page's own metadata), ``source-url``
    (its host), ``removed-text`` (two lines the cleaner removed agree), or
    None (unknown). ``byline`` and ``found_date`` come from lines the cleaner
    removed as a byline or a timestamp.
    """

    publisher: str | None = None
    publisher_url: str | None = None
    wire: str | None = None
    source_url: str | None = None
    date: str | None = None
    link: str | None = None
    publisher_from: str | None = None
    byline: str | None = None
    found_date: str | None = None


def safe_url(url: str | None) -> str | None:
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


def find_wire(paragraphs: Sequence[str]) -> str | None:
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
    profile: Profile | None,
    profiles: Sequence[Profile],
    metadata: Mapping[str, Any],
    removed: Sequence[Removal] = (),
) -> Attribution:
    """Credits from the caller's metadata first, else from the text.

    The publisher is the ``source`` metadata, else the profile that hit (or
    the one whose domain ``source_url`` is on), else the saved page's own
    name for its site (``source_site``), else the host of a safe
    ``source_url``, else a name two removed lines agree on ("© 2024 Foo
    Media", "Subscribe to Foo Premium"); a wire's copyright names the wire.
    """
    source_url = _text(metadata.get("source_url"))
    if profile is not None and source_url and profile.domains and profile_for_domain([profile], source_url) is None:
        profile = None  # its rules fired, but the article's own address is another site's
    if profile is None and source_url:
        profile = profile_for_domain(profiles, source_url)
    named, wire_in_text = removed_publisher(removed)
    candidates = (
        ("metadata", _text(metadata.get("source"))),
        ("profile", profile.name if profile else None),
        ("page", _text(metadata.get("source_site"))),
    )
    publisher_from, publisher = next(((how, name) for how, name in candidates if name), (None, None))
    publisher_url = source_url or (profile.home if profile and publisher == profile.name else None)
    link = safe_url(source_url) or safe_url(publisher_url)
    if not publisher and link:
        publisher_from, publisher = "source-url", urlsplit(link).hostname
    if not publisher and named:
        publisher_from, publisher = "removed-text", named
    return Attribution(
        publisher=publisher,
        publisher_url=publisher_url,
        wire=_text(metadata.get("wire")) or find_wire(paragraphs) or wire_in_text,
        source_url=source_url,
        date=_date(metadata.get("date")),
        link=link,
        publisher_from=publisher_from,
        byline=byline_name(removed),
        found_date=removed_date(removed),
    )


_BYLINE_START = re.compile(
    r"^(?:by|written by|words by|von|por|par|di|door|oleh|av|af|автор|author|reporter)\b[:\s]+", re.IGNORECASE
)
_BYLINE_END = re.compile(r"\s*(?:[,|/•·]|\s[-–—]\s|\bfor\b|\bpublished\b|\bupdated\b|\bposted\b|\d).*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|van|von|da|del|der|la|le|bin|al|and|y|e)$")


def byline_name(removed: Sequence[Removal]) -> str | None:
    """The author's name in a line the cleaner removed as a byline ("By Jane Doe, Associated Press").

    >>> byline_name([Removal(2, "By JANE DOE and JOHN ROE, Associated Press", "byline")])
    'Jane Doe and John Roe'
    >>> byline_name([Removal(2, "By the way, read this", "byline")]) is None
    True
    """
    for removal in removed:
        if removal.reason != "byline" or not _BYLINE_START.match(removal.text):
            continue
        name = _BYLINE_END.sub("", _BYLINE_START.sub("", removal.text.strip(), count=1)).strip(" .:;")
        if name.replace(" and ", " ").isupper():
            name = " ".join(word if word == "and" else word.capitalize() for word in name.split())
        words = name.split()
        looks_like_a_name = 1 <= len(words) <= 8 and len(name) <= 80 and all(_NAME_WORD.match(w) for w in words)
        if looks_like_a_name and sum(w[0].isupper() for w in words) >= min(2, len(words)):
            return name
    return None


_DATE_IN_LINE = re.compile(
    rf"\b(?:(?:{MONTHS})[a-z]*\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|\d{{1,2}}\s+(?:{MONTHS})[a-z]*\.?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})",
    re.IGNORECASE,
)


def removed_date(removed: Sequence[Removal]) -> str | None:
    """The date in a line the cleaner removed as a timestamp or byline (ISO), never one of the prose.

    >>> removed_date([Removal(3, "Published April 17, 2024 10:30 a.m. EDT", "timestamp")])
    '2024-04-17'
    """
    from dateutil import parser

    for removal in removed:
        if removal.reason not in ("timestamp", "byline"):
            continue
        found = _DATE_IN_LINE.search(removal.text)
        if found is None:
            continue
        try:
            day = parser.parse(found[0], dayfirst="." in found[0])
        except (ValueError, OverflowError):
            continue
        return day.date().isoformat()
    return None


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\s*(?=©|\(c\)|(?:19|20)\d{2}))\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?"
    r"(?P<name>[^\d.,;|©()?!]{3,60}?)\s*(?:$|[.,;|?!™®]|\b(?:all rights|inc|ltd|llc|plc|gmbh|or its|and its)\b)",
    re.IGNORECASE,
)
_SUBSCRIBE = re.compile(
    r"\b(?:subscribe to|support|sign up for|become a member of)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})",
    re.IGNORECASE,
)


def removed_publisher(removed: Sequence[Removal]) -> tuple[str | None, str | None]:
    """A publisher two removed lines agree on, and a wire named by a copyright line.

    >>> removed_publisher([Removal(9, "© 2024 Foo Media. All rights reserved.", "copyright"),
    ...                    Removal(1, "Subscribe to Foo Premium", "subscription")])
    ('Foo Media', None)
    >>> removed_publisher([Removal(9, "© 2024 The Associated Press. All rights reserved.", "copyright")])
    (None, 'Associated Press')
    """
    claims: list[str] = []  # names in copyright lines
    seconds: list[tuple[int, str]] = []  # every name, with its line
    wire = None
    for removal in removed:
        for pattern in (_COPYRIGHT, _SUBSCRIBE):
            for match in pattern.finditer(removal.text):
                name = match["name"].strip(" -–—:")
                bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
                if bare.upper() in WIRE_NAMES:
                    wire = wire or WIRE_NAMES[bare.upper()]
                elif name and name[0].isupper():
                    seconds.append((removal.line, name))
                    if pattern is _COPYRIGHT:
                        claims.append(name)
    for claim in claims:
        first = claim.split()[0].casefold()
        lines = {line for line, name in seconds if name.split()[0].casefold() == first}
        if len(lines) >= 2:
            return claim, wire
    return None, wire


def _text(value: Any) -> str | None:
    """A metadata value as stripped text, or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: Any) -> str | None:
    """An ISO date (or date and time) from a string, date or datetime."""
    if hasattr(value, "isoformat"):
        if getattr(value, "hour", 0) == 0 and getattr(value, "minute", 0) == 0 and hasattr(value, "date"):
            return str(value.date().isoformat())
        return str(value.isoformat())
    return _text(value)
