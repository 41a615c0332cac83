"""Compiled rules: the cues a block holds are found in one pass, exactly those it contains, and a
rule searching only the alternatives whose cues it holds fires exactly where its whole pattern would."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

from pelican_newsclean.core.classify.phrases import generic_rules
from pelican_newsclean.core.classify.profiles import load_profiles
from pelican_newsclean.core.classify.rules import (
    GENERIC,
    Cues,
    Probe,
    RuleTable,
    compile_rules,
    in_quotation,
    required_strings,
)

ALPHABET = st.sampled_from("ab c.é-")
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8)


@given(WORDS, st.text(ALPHABET, max_size=40))
def test_the_cues_held_are_exactly_the_strings_the_text_contains(strings, text):
    assert Cues(strings).held(text) == {s for s in strings if s in text}


def test_no_cues_are_held_by_anything():
    assert Cues([]).held("anything") == frozenset()


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
    expected = _fires_as_one_pattern(RULE, text)
    assert RULE.matches(probe.key, probe.text, probe.lowered, probe.words) == expected
    held = Cues(RULE.all_cues()).held(probe.lowered)
    assert RULE.matches(probe.key, probe.text, probe.lowered, probe.words, held) == expected


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


SHIPPED = RuleTable.merged([*(p.rules for p in load_profiles()), generic_rules()])


def test_a_rules_cues_are_those_read_off_its_whole_pattern():
    """A rule's cues are gathered from its patterns' own: what the reader finds in their alternation."""
    tables = [*SHIPPED.rules, RULE, *compile_rules([{"reason": "x", "patterns": ["a+b", "views"]}], "test", "t").rules]
    for rule in tables:
        if rule.search is not None:
            assert rule.cues == required_strings(rule.search), rule.name
    assert tables[-1].cues is None  # "a+b" promises no cue: the rule is always tried


NAGS = st.sampled_from(
    [
        "Share",
        "Read more",
        "Sign up for our newsletter",
        "Copyright 2024",
        "Donate now",
        "Leave a comment",
        "Related stories",
        "the",
        " ",
        "Subscribe",
        "1 of 8",
        "Advertisement",
        "your support",
        "12 views",
        "x",
    ]
)


@given(st.lists(NAGS, min_size=1, max_size=6).map(" ".join))
def test_a_table_fires_the_first_of_its_rules_that_matches(text):
    probe = Probe.of(text)
    first = next((r for r in SHIPPED if r.matches(probe.key, text, probe.lowered, probe.words)), None)
    hit = SHIPPED.first_hit(text)
    assert (hit and hit.rule) == (first and first.name)
