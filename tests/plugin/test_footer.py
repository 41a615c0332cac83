"""Escaped paragraphs, safe links and the footer template."""

from __future__ import annotations

import pytest

from pelican_newsclean.core.attribute import safe_url
from pelican_newsclean.core.html import paragraphs_html
from pelican_newsclean.plugin.footer import FOOTER_MARKER, has_footer, render_footer


@pytest.mark.parametrize(
    "url, safe",
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("  http://example.org/  ", "http://example.org/"),
        ("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("//example.org/a", None),
        ("/relative/path", None),
        ("https:///no-host", None),
        ("https://exa mple.org/", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) == safe


def test_paragraphs_are_escaped():
    assert paragraphs_html(["<script>x</script>", "a & b"]) == (
        "<p>&lt;script&gt;x&lt;/script&gt;</p>\n<p>a &amp; b</p>\n"
    )


def footer(**variables):
    values = {
        "publisher": None,
        "link": None,
        "wire": None,
        "date": None,
        "date_iso": None,
        "title": "T",
        "source_url": None,
        "cleaned": True,
        "removed": 3,
        "repairs": 0,
    }
    values.update(variables)
    return render_footer(values)


def test_footer_links_the_publisher():
    html = footer(
        publisher="The Paper",
        link="https://example.org/a",
        date="Wed 17 April 2024",
        date_iso="2024-04-17T00:00:00+00:00",
        wire="AP",
    )
    assert FOOTER_MARKER in html and has_footer(html)
    assert '<a href="https://example.org/a" rel="nofollow noopener">The Paper</a>' in html
    assert "with material from AP" in html
    assert '<time datetime="2024-04-17T00:00:00+00:00">Wed 17 April 2024</time>' in html
    assert "Cleaned for republication" in html


def test_footer_is_autoescaped():
    html = footer(publisher="<b>Paper</b> & Co", link='https://example.org/"onmouseover="x')
    assert "&lt;b&gt;Paper&lt;/b&gt; &amp; Co" in html
    assert '"onmouseover="' not in html


def test_footer_without_anything_known_still_says_it_was_cleaned():
    html = footer()
    assert "Originally published" not in html and "a source that is not known" in html
    assert "Cleaned for republication: 3 parts of the scraped page that were not the article removed." in html


def test_footer_says_only_what_was_done():
    assert "broken characters" not in footer(repairs=0) and "broken characters repaired" in footer(repairs=1)
    assert "Cleaned" not in footer(removed=0) and "Republished as it was scraped" in footer(removed=0)
    assert "1 part of the scraped page that was not the article removed" in footer(removed=1)


def test_uncleaned_footer():
    assert "Republished as it was scraped" in footer(publisher="P", cleaned=False)


def test_custom_template_without_marker_is_wrapped(tmp_path):
    template = tmp_path / "f.html"
    template.write_text("<p>{{ publisher }}</p>", encoding="utf-8")
    html = render_footer({"publisher": "A & B"}, str(template))
    assert html.startswith("<div") and FOOTER_MARKER in html and "<p>A &amp; B</p>" in html


def test_has_footer():
    assert not has_footer(None) and not has_footer("<p>text</p>")


@pytest.mark.parametrize(
    "lang, words",
    [
        ("fr", "Publié à l’origine par"),
        ("de_DE", "Ursprünglich veröffentlicht von"),
        ("es", "Publicado originalmente por"),
        ("xx", "Originally published by"),
    ],
)
def test_footer_speaks_the_articles_language(lang, words):
    html = render_footer({"publisher": "Le Monde", "cleaned": True, "removed": 2}, lang=lang)
    assert f"{words} Le Monde" in html


def test_a_french_article_gets_a_french_footer(make_site):
    output = make_site(
        {
            "a.txt": "Title: Le pont rouvre\nDate: 2024-05-01\nLang: fr\nSource: Le Monde\n\n"
            "Share\nLe vieux pont sur la rivière a rouvert lundi après deux ans de travaux, "
            "a déclaré le conseil municipal de la ville.\n"
        },
        NEWSCLEAN={"min_words": 0},
    )
    (page,) = output.glob("le-pont-rouvre*.html")
    assert "Publié à l’origine par" in page.read_text(encoding="utf-8")
