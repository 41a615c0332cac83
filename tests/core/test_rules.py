"""Compiled rules: the prefix-tree pattern of the cues finds a cue exactly where a plain alternation
would, and a rule searching its alternatives one by one fires exactly where its whole pattern would."""

from __future__ import annotations

import re

from hypothesis import example, given, strategies as st

from pelican_newsclean.core.classify.phrases import generic_rules
from pelican_newsclean.core.classify.rules import GENERIC, Probe, compile_rules, in_quotation, trie_pattern

ALPHABET = st.sampled_from("ab c.é-")
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8)


@given(WORDS, st.text(ALPHABET, max_size=40))
def test_the_tree_pattern_matches_where_one_of_its_strings_occurs(strings, text):
    assert (re.search(trie_pattern(strings), text) is not None) == any(s in text for s in strings)


@given(WORDS, st.text(ALPHABET, max_size=40))
def test_the_tree_pattern_finds_what_the_alternation_finds_first(strings, text):
    plain = re.search("|".join(map(re.escape, sorted(strings, key=len, reverse=True))), text)
    tree = re.search(trie_pattern(strings), text)
    assert (plain and plain.start()) == (tree and tree.start())


def test_no_strings_match_nothing():
    assert re.search(trie_pattern([]), "anything") is None


RULE = compile_rules(
    [{"reason": "subscription", "patterns": [r"\bsubscribe\b", r"\bsign up\b", r"^\d+ of \d+$"]}], "test", GENERIC
).rules[0]
PIECES = st.sampled_from(["Sign up", "subscribe", "SUBSCRIBE", "3 of 9", "one two three four five", " ", "“", "”", "x"])


def _fires_as_one_pattern(rule, text: str) -> bool:
    found = rule.search.search(text)
    return found is not None and not (rule.name.startswith(GENERIC) and in_quotation(text, found.start()))


@given(st.lists(PIECES, max_size=12).map("".join))
@example("Sign up “subscribe one two three four five”")  # the first match counts, not one in the quotation
@example("“Sign up one two three four five” and subscribe")
def test_a_rule_fires_where_its_whole_pattern_finds_its_first_match(text):
    probe = Probe.of(text)
    assert RULE.matches(probe.key, probe.text, probe.lowered, probe.words) == _fires_as_one_pattern(RULE, text)


def test_the_shipped_rules_fire_where_their_whole_patterns_would():
    lines = [
        "This entry was posted in News. Bookmark the permalink.",
        "He said: “Please bookmark the permalink for the next five days,” and left.",
        "Copyright © 2024 The Times. All rights reserved.",
        "Sign up for our newsletter",
        "Leave a comment",
        "Share this: Facebook Twitter",
        "1,234 views",
        "The mayor said the bridge would open on Monday.",
    ]
    fired = 0
    for rule in generic_rules():
        for line in lines:
            probe = Probe.of(line)
            sized = rule.max_words is None or probe.words <= rule.max_words
            listed = probe.key in rule.exact or (rule.starts and probe.key.startswith(rule.starts))
            if rule.search is not None and sized and not listed:
                expected = _fires_as_one_pattern(rule, line)
                assert rule.matches(probe.key, line, probe.lowered, probe.words) == expected, (rule.name, line)
                fired += expected
    assert fired >= 5
