"""Phrase rules as data: compile ``[[rules]]`` tables into fast matchers.

The generic boilerplate rules (``data/boilerplate.toml``) and every publisher
profile (``profiles/*.toml``) use the same table shape, documented at the top
of ``data/boilerplate.toml``. All patterns are compiled once, combined per
rule, when the table is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

_EDGE_PUNCT = " \t.:;,!?…-–—|•·>»«<\"'“”‘’()[]"


class RuleError(ValueError):
    """A rule table is malformed (the message names the entry and the problem)."""


def phrase_key(text: str) -> str:
    """Case, spacing and edge punctuation folded away, for exact phrase matches.

    >>> phrase_key("  Share. ")
    'share'
    """
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCT)


@dataclass(frozen=True)
class Rule:
    """One compiled ``[[rules]]`` entry."""

    reason: str
    name: str
    exact: frozenset[str]
    starts: tuple[str, ...]
    search: Optional[re.Pattern[str]]
    max_words: Optional[int]
    tail: bool

    def matches(self, key: str, text: str, words: int) -> bool:
        """Does the rule fire on a block (``key`` is its :func:`phrase_key`)?"""
        if self.max_words is not None and words > self.max_words:
            return False
        if key in self.exact:
            return True
        if self.starts and key.startswith(self.starts):
            return True
        return bool(self.search and self.search.search(text))


@dataclass(frozen=True)
class Hit:
    """A rule that fired on a block."""

    reason: str
    rule: str
    tail: bool = False


def compile_rules(entries: Any, origin: str, label: str) -> tuple[Rule, ...]:
    """Compile the ``rules`` array of a TOML table.

    ``origin`` (a file name) names the table in errors; ``label`` prefixes the
    rule names reported with each removal (``label:reason``).
    """
    if entries is None:
        return ()
    if not isinstance(entries, list):
        raise RuleError(f"{origin}: 'rules' must be an array of tables ([[rules]])")
    return tuple(_compile_entry(entry, f"{origin} rule {i + 1}", label) for i, entry in enumerate(entries))


_KNOWN_KEYS = {"reason", "exact", "starts", "contains", "patterns", "max_words", "tail"}


def _compile_entry(entry: Any, where: str, label: str) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: must be a table")
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason:
        raise RuleError(f"{where}: 'reason' must be a non-empty string")
    lists = {k: _strings(entry.get(k, []), f"{where} '{k}'") for k in ("exact", "starts", "contains", "patterns")}
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise RuleError(f"{where}: 'max_words' must be a positive integer")
    alternatives = [r"\b" + re.escape(p) + r"\b" for p in lists["contains"]] + lists["patterns"]
    try:
        search = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE) if alternatives else None
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from None
    return Rule(
        reason=reason,
        name=f"{label}:{reason}",
        exact=frozenset(phrase_key(p) for p in lists["exact"]),
        starts=tuple(phrase_key(p) for p in lists["starts"]),
        search=search,
        max_words=max_words,
        tail=bool(entry.get("tail", False)),
    )


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where} must be a list of strings")
    return value


def first_hit(rules: tuple[Rule, ...], text: str) -> Optional[Hit]:
    """The first rule in ``rules`` that fires on ``text``, if any."""
    key = phrase_key(text)
    words = len(text.split())
    for rule in rules:
        if rule.matches(key, text, words):
            return Hit(rule.reason, rule.name, rule.tail)
    return None
