"""Each article is cleaned once per build, with or without Pelican's caches."""

from __future__ import annotations

import pytest

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."
FILES = {
    "headline.txt": f"Share\nBridge reopens after two years\n{PROSE}\n{PROSE} It cost more than planned.\n",
    "titled.txt": f"Title: Titled\nDate: 2024-05-01\n\nShare\n{PROSE} The mayor cut a ribbon.\n",
    "republished.md": f"Title: Republished\nDate: 2024-05-02\nSource: Gazette\n\nShare\n\n{PROSE} Traffic resumed.\n",
}


def test_each_article_is_cleaned_once_in_a_build(make_site, classifier_runs):
    make_site(FILES)
    assert sorted(classifier_runs.values()) == [1, 1, 1], classifier_runs


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_cached_rebuild_without_the_clean_cache_cleans_each_article_at_most_once(make_site, classifier_runs, layer):
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer}
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **cache)
    classifier_runs.clear()
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **cache)
    assert all(count == 1 for count in classifier_runs.values()), classifier_runs
    if layer == "reader":  # Pelican calls content_object_init again: the body is cleaned there
        assert len(classifier_runs) == 3, classifier_runs
