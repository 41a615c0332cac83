"""Copies of one story are found by the text they share, not by title."""

from __future__ import annotations

import random

from conftest import DATA

from pelican_newsclean import clean_bytes
from pelican_newsclean.core.copies import (
    COMMON_VALUE_DEFAULT,
    COPY_SIMILARITY_DEFAULT,
    group_copies,
    similarity,
    sketch,
)

SEEDS = {path.name[:3]: clean_bytes(path.read_bytes()).paragraphs for path in sorted((DATA / "seeds").glob("*.txt"))}


def test_the_same_wire_story_from_two_outlets_is_one_story():
    assert similarity(sketch(SEEDS["000"]), sketch(SEEDS["001"])) > 0.9


def test_other_reports_of_the_same_event_are_not_copies():
    for a, b in [("000", "003"), ("000", "004"), ("002", "004"), ("003", "004")]:
        assert similarity(sketch(SEEDS[a]), sketch(SEEDS[b])) < COPY_SIMILARITY_DEFAULT, (a, b)


def test_a_trimmed_or_retitled_copy_still_joins_its_story():
    story = SEEDS["000"]
    trimmed = story[: len(story) * 2 // 3]
    retitled = ("A new headline over the same wire copy", *story)
    groups = group_copies(
        {"full": sketch(story), "trimmed": sketch(trimmed), "retitled": sketch(retitled), "other": sketch(SEEDS["002"])}
    )
    assert groups == [["full", "retitled", "trimmed"]]


def test_groups_do_not_depend_on_the_order_articles_come_in():
    sketches = {name: sketch(paragraphs) for name, paragraphs in SEEDS.items()}
    shuffled = list(sketches.items())
    random.Random(4).shuffle(shuffled)
    assert group_copies(dict(shuffled)) == group_copies(sketches) == [["000", "001"]]


def _components(sketches, threshold):
    """The groups by their definition: every pair compared, copies joined transitively."""
    keys = list(sketches)
    group = {key: {key} for key in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if group[a] is not group[b] and similarity(sketches[a], sketches[b]) >= threshold:
                merged = group[a] | group[b]
                for key in merged:
                    group[key] = merged
    found = {id(members): sorted(members, key=str) for members in group.values() if len(members) > 1}
    return sorted(found.values(), key=lambda members: str(members[0]))


def test_groups_are_the_stories_every_pair_compared_would_give():
    rng = random.Random(7)
    for _ in range(300):
        pool = rng.randint(40, 600)
        sketches = {
            n: tuple(sorted(rng.sample(range(pool), rng.randint(1, min(pool, 128))))) for n in range(rng.randint(2, 40))
        }
        threshold = rng.choice([0.1, 0.2, COPY_SIMILARITY_DEFAULT, 0.5])
        assert group_copies(sketches, threshold) == _components(sketches, threshold)


def test_the_estimate_is_the_share_of_the_smallest_values_of_the_union_held_by_both():
    rng = random.Random(8)
    for _ in range(2000):
        a, b = (rng.sample(range(300), rng.randint(0, 150)) for _ in "ab")
        size = rng.choice([1, 5, 128])
        union = sorted(set(a) | set(b))[:size]
        expected = len(set(a) & set(b) & set(union)) / len(union) if union else 0.0
        assert similarity(a, b, size) == expected


def test_a_passage_that_more_than_fifty_texts_share_is_a_stock_phrase_not_a_copy():
    rng = random.Random(9)
    stock = list(range(50))  # the smallest values: in every sketch that holds them
    texts = {n: tuple(stock + sorted(rng.sample(range(10**6, 10**9), 78))) for n in range(COMMON_VALUE_DEFAULT + 10)}
    assert similarity(texts[0], texts[1]) >= COPY_SIMILARITY_DEFAULT  # two of them alone would read as copies
    assert group_copies(texts) == []
    few = dict(list(texts.items())[:COMMON_VALUE_DEFAULT])  # held by this many texts, it is still evidence
    assert group_copies(few) == [sorted(few, key=str)]
