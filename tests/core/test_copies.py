"""Copies of one story are found by the text they share, not by title."""

from __future__ import annotations

import random

from conftest import DATA

from pelican_newsclean import clean_bytes
from pelican_newsclean.core.copies import COPY_SIMILARITY_DEFAULT, group_copies, similarity, sketch

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
