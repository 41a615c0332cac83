"""Rule tables as data: compile ``[[rules]]`` tables into fast matchers.

The generic boilerplate rules (``data/boilerplate.toml``) and every publisher
profile (``data/profiles/*.toml``) use the same table shape, documented at the
top of ``data/boilerplate.toml``. Each pattern is compiled once when the table
is loaded, and gets its *cues*: strings one of which every match of it must
contain, read off the pattern text by :func:`required_strings`; a rule's cues
are those of its patterns. A table finds every cue a block holds in one pass
(:class:`Cues`), and a rule, or one alternative of its patterns, whose cues
the block does not hold is not searched: the many blocks no rule can match
cost that pass instead of a regex scan each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
import functools
import re
from typing import Any

import ahocorasick

_MAX_WORD_LENGTH = 25  # a block of max_words words is at most this many characters a word

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
    """One compiled ``[[rules]]`` entry; ``profile`` is the id of its publisher profile, if any."""

    reason: str
    name: str
    exact: frozenset[str]
    starts: tuple[str, ...]
    cues: tuple[str, ...] | None
    max_words: int | None
    tail: bool
    profile: str | None = None
    alternatives: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = ()
    """The rule's patterns (its ``contains`` phrases, then its ``patterns``), each compiled
    alone with its own cues: only those whose cue the block holds are searched (one
    alternation tried at every character costs far more)."""

    @functools.cached_property
    def search(self) -> re.Pattern[str] | None:
        """The rule's patterns as one alternation (None without patterns): its first match starts
        where the alternatives' first does, which the tests hold :meth:`matches` to; the
        adversarial benchmark times it.
        """
        if not self.alternatives:
            return None
        return re.compile("|".join(pattern.pattern for pattern, _ in self.alternatives), re.IGNORECASE)

    def matches(self, key: str, text: str, lowered: str, words: int, held: frozenset[str] | None = None) -> bool:
        """Does the rule fire on a block? ``key`` is its :func:`phrase_key`,
        ``lowered`` its lower-cased text, ``words`` its number of words; ``held``, when given, the
        cues the block holds (:meth:`Cues.held` over at least this rule's cues).
        """
        if self.max_words is not None and (words > self.max_words or len(text) > self.max_words * _MAX_WORD_LENGTH):
            return False
        if key in self.exact:
            return True
        if self.starts and key.startswith(self.starts):
            return True
        if not self.alternatives:
            return False
        if held is None:
            held = frozenset(cue for cue in self.all_cues() if cue in lowered)
        if self.cues is not None and held.isdisjoint(self.cues):
            return False
        # The leftmost start of any alternative is where the whole alternation would match.
        start = min(
            (
                found.start()
                for pattern, cues in self.alternatives
                if cues is None or not held.isdisjoint(cues)
                if (found := pattern.search(text)) is not None
            ),
            default=-1,
        )
        return start >= 0 and not (self.name.startswith(GENERIC) and in_quotation(text, start))

    def all_cues(self) -> Iterator[str]:
        """The rule's cues and those of its alternatives."""
        yield from self.cues or ()
        for _, cues in self.alternatives:
            yield from cues or ()


GENERIC = "remove_boilerplate"
"""The option, and the prefix of the rule names, of the generic table: the vocabulary of no
publisher, which leaves alone what an article quotes (a profile's rules are the publisher's own)."""
QUOTATION_MIN_WORDS = 5
"""A quotation holds this many words at least: fewer is a quoted label ("Click “Subscribe”")."""
_OPENING = {"“": "”", "„": "“", "«": "»", '"': '"'}


def in_quotation(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside a quotation of a few words or more: a
    page quoting another's words ("From the sign-up page: “It takes a minute to create your
    free account”") is not the page asking the reader. Generic rules do not fire there.

    >>> in_quotation("From the page: “It takes a minute to create your free account.”", 40)
    True
    >>> in_quotation("Click “Subscribe” to get our newsletter.", 8)
    False
    """
    for opening, closing in _OPENING.items():
        start = text.rfind(opening, 0, at)
        if start < 0 or (opening == closing and text.count(opening, 0, at) % 2 == 0):
            continue
        if opening != closing and text.rfind(closing, start + 1, at) >= 0:
            continue  # that quotation closed before ``at``
        end = text.find(closing, at)
        if end >= 0 and len(text[start + 1 : end].split()) >= QUOTATION_MIN_WORDS:
            return True
    return False


@dataclass(frozen=True)
class Hit:
    """A rule that fired on a block: the reason, the rule's name, whether it
    heads a tail of unrelated blocks, and the publisher profile it belongs to.
    """

    reason: str
    rule: str
    tail: bool = False
    profile: str | None = None


class RuleTable:
    """Compiled rules, tried in order, each only where it may fire.

    Every cue of every rule is found in one pass over a block (an Aho-Corasick
    automaton, :class:`Cues`). Only the rules the block's key, a prefix or a
    cue it holds points to are tried, and of their patterns only the
    alternatives whose cues it holds are searched. Most blocks match no rule:
    for them a table costs that pass and a few dictionary look-ups.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        """A table of ``rules``, tried in order."""
        self.rules = tuple(rules)
        self._cues = Cues(c for r in self.rules for c in r.all_cues())
        # Which rules a block can fire: by its key, by a prefix, by a cue it holds, or always.
        self._by_exact: dict[str, list[int]] = {}
        self._by_cue: dict[str, list[int]] = {}
        self._by_starts = [i for i, r in enumerate(self.rules) if r.starts]
        self._always = [i for i, r in enumerate(self.rules) if r.alternatives and r.cues is None]
        for i, rule in enumerate(self.rules):
            for key in rule.exact:
                self._by_exact.setdefault(key, []).append(i)
            for cue in rule.cues or ():
                self._by_cue.setdefault(cue, []).append(i)

    @classmethod
    def merged(cls, tables: Iterable[RuleTable]) -> RuleTable:
        """One table trying the rules of ``tables`` in turn."""
        return cls(rule for table in tables for rule in table.rules)

    def __iter__(self) -> Iterator[Rule]:
        """The rules, in order."""
        return iter(self.rules)

    def __len__(self) -> int:
        """How many rules the table has."""
        return len(self.rules)

    def first_hit(self, text: str | Probe) -> Hit | None:
        """The first rule in the table that fires on a block, if any."""
        probe = text if isinstance(text, Probe) else Probe.of(text)
        held = self._cues.held(probe.lowered)
        for i in sorted(self._candidates(probe.key, held)):
            rule = self.rules[i]
            if rule.matches(probe.key, probe.text, probe.lowered, probe.words, held):
                return Hit(rule.reason, rule.name, rule.tail, rule.profile)
        return None

    def _candidates(self, key: str, held: frozenset[str]) -> set[int]:
        """The rules that may fire on a block of ``key`` holding the cues ``held``: every other
        rule lacks the key, the prefix and the cues it would need.
        """
        found = set(self._always)
        found.update(self._by_exact.get(key, ()))
        found.update(i for i in self._by_starts if key.startswith(self.rules[i].starts))
        for cue in held:
            found.update(self._by_cue.get(cue, ()))
        return found


class Cues:
    """A set of strings, all of those a text holds found in one pass at C speed (pyahocorasick's
    automaton: every occurrence, overlapping ones too).

    >>> sorted(Cues(["share", "hare", "sign up"]).held("please share this"))
    ['hare', 'share']
    """

    def __init__(self, strings: Iterable[str]) -> None:
        """The automaton of ``strings`` (lower-cased cues)."""
        self._automaton: Any = None
        unique = set(strings)
        if unique:
            self._automaton = ahocorasick.Automaton()
            for string in unique:
                self._automaton.add_word(string, string)
            self._automaton.make_automaton()

    def held(self, text: str) -> frozenset[str]:
        """The strings that occur in ``text``."""
        if self._automaton is None:
            return frozenset()
        return frozenset(string for _, string in self._automaton.iter(text))


@dataclass(frozen=True)
class Probe:
    """A block's text in the forms the rules look at, computed once for all tables."""

    text: str
    key: str
    lowered: str
    words: int

    @classmethod
    def of(cls, text: str) -> Probe:
        """The probe of one block's text."""
        return cls(text, phrase_key(text), text.lower(), len(text.split()))


def compile_rules(entries: Any, origin: str, label: str, profile: str | None = None) -> RuleTable:
    """Compile the ``rules`` array of a TOML table.

    ``origin`` (a file name) names the table in errors; ``label`` prefixes the
    rule names reported with each removal (``label:reason``); ``profile`` is
    the id of the publisher profile the table belongs to.
    """
    if entries is None:
        return RuleTable(())
    if not isinstance(entries, list):
        raise RuleError(f"{origin}: 'rules' must be an array of tables ([[rules]])")
    return RuleTable(
        tuple(_compile_entry(entry, f"{origin} rule {i + 1}", label, profile) for i, entry in enumerate(entries))
    )


_KNOWN_KEYS = {"reason", "exact", "starts", "contains", "patterns", "max_words", "tail"}


def _compile_entry(entry: Any, where: str, label: str, profile: str | None) -> Rule:
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
    sources = [r"\b" + re.escape(p) + r"\b" for p in lists["contains"]] + lists["patterns"]
    try:
        compiled = [re.compile(f"(?:{source})", re.IGNORECASE) for source in sources]
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from None
    alternatives = tuple((pattern, required_strings(pattern)) for pattern in compiled)
    return Rule(
        reason=reason,
        name=f"{label}:{reason}",
        exact=frozenset(phrase_key(p) for p in lists["exact"]),
        starts=tuple(phrase_key(p) for p in lists["starts"]),
        cues=_all_cues(alternatives),
        max_words=max_words,
        tail=bool(entry.get("tail", False)),
        profile=profile,
        alternatives=alternatives,
    )


def _all_cues(alternatives: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]) -> tuple[str, ...] | None:
    """The cues of a rule: its patterns' cues, in order, once each; None if a pattern has none
    (or there is no pattern). They are the cues :func:`required_strings` reads off the rule's
    patterns joined as one alternation, without reading them twice.
    """
    if not alternatives or any(cues is None for _, cues in alternatives):
        return None
    return tuple(dict.fromkeys(cue for _, cues in alternatives for cue in cues or ()))


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where} must be a list of strings")
    return value


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased),
    or None when the pattern promises none (or uses syntax this reader does not know).

    >>> required_strings(re.compile(r"\\bsubscribe (?:now|today)\\b|^sign up", re.I))
    ('subscribe ', 'sign up')
    >>> required_strings(re.compile(r"^\\d+ (?:views)?$")) is None
    True
    """
    try:
        found = _best(_Reader(pattern.pattern).alternatives())
    except _Unsure:
        return None
    if not found:
        return None
    return tuple(dict.fromkeys(s.lower() for s in found))


_MIN_CUE = 3  # shorter literals are everywhere: no use as cues


def _strength(cues: list[str]) -> int:
    """How rare the weakest cue is: its length, and a non-ASCII character ("©") counts three."""
    return min(len(c) + 2 * (not c.isascii()) for c in cues)


class _Unsure(Exception):
    """The pattern uses syntax the cue reader does not follow: search it always."""


# What a pattern is made of, as the cue reader sees it: a literal character,
# something else of width one or zero (a class, an anchor), an alternation
# (a list of branches, each a list of items) or a repeated item (min, item).
_Item = str | None | list[Any] | tuple[Any, ...]

_LITERAL_ESCAPES = frozenset(" .-()[]{}|^$*+?/\\'\"#&~,:;!@%=<>`_")
_CLASS_ESCAPES = frozenset("dDwWsSbBAZ")
_QUANTIFIER = re.compile(r"\?|\*|\+|\{(\d*)(?:(,)(\d*))?\}")


class _Reader:
    """A small reader of regular-expression syntax, enough to find required literals.

    It follows the standard library's syntax for what the rule tables use and
    gives up (:class:`_Unsure`) on anything else, so a cue it returns is
    always required by the pattern.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0
        if source.startswith("(?") and (end := source.find(")")) > 2 and source[2:end].isalpha():
            self.at = end + 1  # global flags, "(?i)"

    def alternatives(self, closing: str = "") -> list[list[_Item]]:
        branches: list[list[_Item]] = [[]]
        while self.at < len(self.source):
            ch = self.source[self.at]
            if ch == closing:
                return branches
            self.at += 1
            if ch == "|":
                branches.append([])
                continue
            item = self._atom(ch)
            quantified = _QUANTIFIER.match(self.source, self.at)
            if quantified:
                self.at = quantified.end()
                if self.source[self.at : self.at + 1] in ("?", "+"):
                    self.at += 1  # lazy or possessive: the same characters are required
                item = (self._minimum(quantified), item)
            branches[-1].append(item)
        if closing:
            raise _Unsure
        return branches

    def _atom(self, ch: str) -> _Item:
        if ch == "\\":
            escaped = self.source[self.at : self.at + 1]
            self.at += 1
            if escaped in _LITERAL_ESCAPES:
                return escaped
            if escaped in _CLASS_ESCAPES:
                return None
            raise _Unsure
        if ch == "[":
            self._skip_class()
            return None
        if ch in ".^$":
            return None
        if ch == "(":
            return self._group()
        if ch in "*+?{)":
            raise _Unsure
        return ch

    def _skip_class(self) -> None:
        at = self.at + (self.source[self.at : self.at + 1] == "^")
        at += self.source[at : at + 1] == "]"
        while at < len(self.source) and self.source[at] != "]":
            at += 2 if self.source[at] == "\\" else 1
        if at >= len(self.source):
            raise _Unsure
        self.at = at + 1

    def _group(self) -> _Item:
        opening = re.match(r"\?(?:[aiLmsux-]*:|>|P<\w+>|=|!|<=|<!)|(?!\?)", self.source[self.at :])
        if opening is None:
            raise _Unsure
        self.at += opening.end()
        branches = self.alternatives(closing=")")
        self.at += 1
        return None if opening[0] in ("?=", "?!", "?<=", "?<!") else branches  # a lookaround: nothing required

    @staticmethod
    def _minimum(quantified: re.Match[str]) -> int:
        if quantified[0] in ("?", "*"):
            return 0
        if quantified[0] == "+":
            return 1
        return int(quantified[1] or 0)


def _best(branches: list[list[_Item]]) -> list[str] | None:
    """Cues of an alternation: each branch's, when every branch has some."""
    found = [_required(branch) for branch in branches]
    if not all(found):
        return None
    return [cue for cues in found for cue in cues]  # type: ignore[union-attr]


def _required(items: list[_Item]) -> list[str] | None:
    """Cues of a sequence: its most selective required part."""
    best: list[str] | None = None
    run = ""

    def offer(cues: list[str] | None) -> None:
        nonlocal best
        if cues and _strength(cues) >= _MIN_CUE and (best is None or _strength(cues) > _strength(best)):
            best = cues

    for item in [*items, None]:
        if isinstance(item, str):
            run += item
            continue
        offer([run] if run else None)
        run = ""
        if isinstance(item, list):
            offer(_best(item))
        elif isinstance(item, tuple) and item[0] >= 1:
            inner = item[1]
            offer(_best(inner) if isinstance(inner, list) else [inner] if isinstance(inner, str) else None)
    return best
