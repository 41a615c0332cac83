"""Wire services and photo agencies, from ``data/wires.toml``.

The one home of these names: the dateline shape, the photo-credit shape and
the attribution all read them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
import re

from pelican_newsclean.data import load_toml

_TABLE = load_toml("wires.toml")

WIRE_NAMES: dict[str, str] = {credit.upper(): wire["name"] for wire in _TABLE["wires"] for credit in wire["credits"]}
"""A wire credit as printed, upper-cased ("AP", "AGENCE FRANCE-PRESSE") -> the name to show."""

WIRE_CREDITS: tuple[str, ...] = tuple(credit for wire in _TABLE["wires"] for credit in wire["credits"])
"""Every printed form of a wire credit."""

DATELINE_CREDITS: tuple[str, ...] = WIRE_CREDITS + tuple(_TABLE["dateline_credits"])
"""What may stand in parentheses in a dateline: the wires and a few broadcasters."""

PHOTO_AGENCIES: tuple[str, ...] = tuple(_TABLE["photo_agencies"])
"""Names that close a photo credit."""


def alternation(names: Iterable[str]) -> str:
    """A regular-expression alternation of literal names, longest first.

    >>> alternation(["AP", "Associated Press"])
    'Associated\\\\ Press|AP'
    """
    return "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))
