"""An article's own ``Lang:`` is its language; the site's DEFAULT_LANG is only a prior: a scrape's
language is detected, the site's first."""

from __future__ import annotations

import pytest

from pelican_newsclean.core.classify import stopwords

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."


@pytest.fixture
def detected(monkeypatch) -> list[tuple[str, str | None, str]]:
    """The texts whose language was detected (not stated), with the prior given and the language found."""
    seen: list[tuple[str, str | None, str]] = []
    real = stopwords.detect_language

    def counting(text, *args, **kwargs):
        found = real(text, *args, **kwargs)
        seen.append((text, kwargs.get("prior"), found))
        return found

    monkeypatch.setattr(stopwords, "detect_language", counting)
    return seen


def test_a_lang_header_is_the_language_and_default_lang_only_a_prior(make_site, detected):
    make_site(
        {
            "stated.txt": f"Title: Stated\nDate: 2024-05-01\nLang: en\n\nShare\n{PROSE} Stated here.\n",
            "unstated.txt": f"Title: Unstated\nDate: 2024-05-01\n\nShare\n{PROSE} Unstated here.\n",
        },
        DEFAULT_LANG="de",
    )
    unstated = [(prior, found) for text, prior, found in detected if "Unstated here." in text]
    assert unstated == [("German", "English")]  # a German site's English scrape reads as English
    assert not any("Stated here." in text and "Unstated" not in text for text, _, _ in detected)


@pytest.mark.parametrize(
    "header",
    ["Title: A\nDate: 2024-05-01\n", "Title: A\nDate: 2024-05-01\nAuthor: Ana Lima\n"],
    ids=["cleaned by the reader (to find its author)", "cleaned with its body"],
)
def test_a_scrape_in_the_sites_language_is_read_as_it(make_site, detected, header):
    make_site({"a.txt": f"{header}\nShare\n{PROSE}\n"}, DEFAULT_LANG="en")
    assert [(prior, found) for _, prior, found in detected] == [("English", "English")]
