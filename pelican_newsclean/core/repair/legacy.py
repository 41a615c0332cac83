"""Text in one encoding shown as another: the ``legacy-encoding`` repair.

GBK, Big5, EUC-KR, Shift-JIS, EUC-JP, cp1251, KOI8-R, cp1253, cp1256,
cp1250, cp850 or Mac Roman read as Latin-1 or cp1252 (and some of it then
fixed as UTF-8 by ftfy: the *mixed* form), UTF-8 shown through a code page
other than cp1252's, two layers of it, ISO-2022-JP that lost its escapes:
the search over chains of damage in :mod:`.chains`. UTF-8 shown as cp1252
that ftfy reads cleanly is left to ftfy (the ``ftfy`` repair, run after).
"""

from __future__ import annotations

from .chains import SIGNATURE, find_repairs, signed

__all__ = ["SIGNATURE", "explain_legacy_encoding", "fix_legacy_encoding", "signed"]


def fix_legacy_encoding(line: str) -> str | None:
    """``line`` with its damaged segments decoded as what they really were, or None unless one
    chain of damage is clearly the explanation.

    >>> fix_legacy_encoding("Â鶹´«Ã½"), fix_legacy_encoding("ÅÄÖ åäö")
    ('麻豆传媒', None)
    """
    fixed, found = find_repairs(line)
    return fixed if found else None


def explain_legacy_encoding(line: str) -> list[tuple[str, str, str]]:
    """Each repaired segment of ``line``: (before, after, the chain in words, outermost damage first).

    >>> explain_legacy_encoding("Ïðèâåò, ìèð!")
    [('Ïðèâåò, ìèð!', 'Привет, мир!', 'cp1251 shown as sloppy-cp1252')]
    """
    _, found = find_repairs(line)
    return [(f.before, f.text, ", then ".join(chain.describe() for chain in f.chains)) for f in found]
