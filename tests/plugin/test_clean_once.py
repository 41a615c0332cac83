"""Each article is cleaned once per build, with or without Pelican's caches."""

from __future__ import annotations

from collections import Counter

import pytest

from pelican_newsclean.core import pipeline

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."
FILES = {
    "headline.txt": f"Share\nBridge reopens after two years\n{PROSE}\n{PROSE} It cost more than planned.\n",
    "titled.txt": f"Title: Titled\nDate: 2024-05-01\n\nShare\n{PROSE} The mayor cut a ribbon.\n",
    "republished.md": f"Title: Republished\nDate: 2024-05-02\nSource: Gazette\n\nShare\n\n{PROSE} Traffic resumed.\n",
}


@pytest.fixture
def runs(monkeypatch) -> Counter:
    """How many times the classifier ran, by the last block of the text it was given."""
    counted: Counter = Counter()
    classify = pipeline.classify

    def counting(blocks, *args, **kwargs):
        counted[blocks[-1].text[-25:]] += 1
        return classify(blocks, *args, **kwargs)

    monkeypatch.setattr(pipeline, "classify", counting)
    return counted


def test_each_article_is_cleaned_once_in_a_build(make_site, runs):
    make_site(FILES)
    assert sorted(runs.values()) == [1, 1, 1], runs


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_cached_rebuild_without_the_clean_cache_cleans_each_article_at_most_once(make_site, runs, layer):
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer}
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **cache)
    runs.clear()
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **cache)
    assert all(count == 1 for count in runs.values()), runs
    if layer == "reader":  # Pelican calls content_object_init again: the body is cleaned there
        assert len(runs) == 3, runs
