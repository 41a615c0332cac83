"""An article's own ``Lang:`` is its language; the site's DEFAULT_LANG says nothing about a scrape."""

from __future__ import annotations

import pytest

from pelican_newsclean.core.classify import stopwords

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."


@pytest.fixture
def detected(monkeypatch) -> list[str]:
    """The texts whose language was detected (not stated)."""
    seen: list[str] = []
    real = stopwords.detect_language

    def counting(text, *args):
        seen.append(text)
        return real(text, *args)

    monkeypatch.setattr(stopwords, "detect_language", counting)
    return seen


def test_a_lang_header_is_the_language_and_default_lang_is_not(make_site, detected):
    make_site(
        {
            "stated.txt": f"Title: Stated\nDate: 2024-05-01\nLang: en\n\nShare\n{PROSE} Stated here.\n",
            "unstated.txt": f"Title: Unstated\nDate: 2024-05-01\n\nShare\n{PROSE} Unstated here.\n",
        },
        DEFAULT_LANG="de",
    )
    assert any("Unstated here." in text for text in detected)
    assert not any("Stated here." in text and "Unstated" not in text for text in detected)
