"""The prefix-tree pattern of the rule cues: it finds a cue exactly where a plain alternation would."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from pelican_newsclean.core.classify.rules import trie_pattern

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
