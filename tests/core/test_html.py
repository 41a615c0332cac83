"""Cleaning HTML bodies block by block."""

from __future__ import annotations

import re
from types import SimpleNamespace

from bs4 import BeautifulSoup
from pelican.contents import Content
import pytest

from pelican_newsclean.core.html import clean_html, looks_like_page, page, paragraphs_html
from pelican_newsclean.core.html.sanitise import sanitise_html
from pelican_newsclean.core.html.tree import find_blocks

ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of the bridge.",
    "Spending on the roads in the north of the city will rise by a tenth next year, the mayor said.",
)


def texts(html: str) -> list[str]:
    return [" ".join(p.get_text().split()) for p in BeautifulSoup(html, "html.parser").find_all(["p", "li"])]


def test_blocks_are_the_innermost_text_elements():
    soup = BeautifulSoup(
        "<div><p>One <em>two</em></p><ul><li><p>Three</p></li><li>Four<br>five</li></ul>"
        "<pre><p>code</p></pre><div>Six</div><p>  </p>"
        '<footer data-newsclean="footer"><p>Footer</p></footer></div>',
        "html.parser",
    )
    assert [text for _, text in find_blocks(soup)] == ["One two", "Three", "Four five", "Six"]


def test_unchanged_body_is_returned_as_is():
    body = "<p>" + ARTICLE[0] + "</p>\n\n<p>" + ARTICLE[1] + "<br>  </p>"
    cleaned = clean_html(body)
    assert cleaned.html is body and not cleaned.changed


def test_dropped_blocks_go_with_their_empty_containers():
    body = (
        f"<p>{ARTICLE[0]}</p>\n<p>Share this article</p>\n<ul><li>Subscribe to our newsletter</li></ul>\n"
        f"<p>{ARTICLE[1]}</p>"
    )
    cleaned = clean_html(body)
    assert texts(cleaned.html) == list(ARTICLE)
    assert "<ul>" not in cleaned.html
    assert [r.line for r in cleaned.result.removed] == [2, 3]


def test_line_numbers_are_mapped():
    body = f"<p>{ARTICLE[0]}</p><p>Share this article</p><p>{ARTICLE[1]}</p>"
    cleaned = clean_html(body, lines=(10, 12, 14))
    assert [r.line for r in cleaned.result.removed] == [12] and cleaned.line_numbers


def test_inline_markup_of_kept_blocks_is_kept():
    body = f'<p>{ARTICLE[0]} <a href="/x">More</a> here.</p><p>Share this article</p><p>{ARTICLE[1]}</p>'
    cleaned = clean_html(body)
    assert '<a href="/x">More</a>' in cleaned.html


def test_dateline_is_joined_to_the_next_paragraph():
    body = f"<p>MOSCOW -</p>\n<p>{ARTICLE[0]}</p>\n<p>{ARTICLE[1]}</p>"
    cleaned = clean_html(body)
    assert texts(cleaned.html)[0] == "MOSCOW - " + ARTICLE[0]
    assert list(cleaned.result.paragraphs) == texts(cleaned.html)


def test_whole_page_detection():
    assert looks_like_page(BeautifulSoup("<nav><a href='/'>Home</a></nav><p>x</p>", "html.parser"))
    links = "".join(f"<a href='/{i}'>{i}</a>" for i in range(6))
    assert looks_like_page(BeautifulSoup(f"{links}<article><p>x</p></article>", "html.parser"))
    assert not looks_like_page(BeautifulSoup("<p>x <a href='/'>y</a></p>", "html.parser"))


_SAVED_PAGE = """<!-- <html lang="xx"> --><!DOCTYPE html>
<html class="no-js" LANG="pt-BR"><head>
<script>document.write('<html lang="yy">')</script>
<title>Ponte reabre | Gazeta do Vale</title>
<meta property="og:site_name" content="Gazeta do Vale">
<meta name="author" content="Ana Souza">
<link rel="canonical" href="https://gazeta.example/ponte-reabre">
</head><body><nav><a href="/">Início</a></nav>
<meta property="article:published_time" content="2024-05-01T08:00:00Z">
<p>A ponte velha reabriu na segunda-feira.</p></body></html>"""


def test_a_saved_pages_description_of_itself(monkeypatch):
    """Read from its head and from wherever else it puts a <meta>: the language from the first
    real <html> tag (not one in a comment or a script), the title without the site's name.
    """
    monkeypatch.setattr(page, "extractor_available", lambda: False)  # the page's own tags alone
    found = page.page_metadata(_SAVED_PAGE)
    assert found == page.PageMetadata(
        title="Ponte reabre",
        date="2024-05-01T08:00:00Z",
        author="Ana Souza",
        publisher="Gazeta do Vale",
        url="https://gazeta.example/ponte-reabre",
        language="pt-BR",
    )
    no_lang = _SAVED_PAGE.replace('LANG="pt-BR"', "").replace(
        "</head>", '<meta property="og:locale" content="pt_BR"></head>'
    )
    assert page.page_metadata(no_lang).language == "pt_BR"


_LINE = (
    "Line {n} says the <a href='/mbp'>MacBook Pro</a> was released today, with <b>new</b> chips "
    "and <i>more</i> memory than the model it replaces."
)
_ARTICLES = {
    # a run of text before the article's own blocks: trafilatura glues the blocks together
    "text before blocks": "<div>" + _LINE.format(n=0) + "".join(f"<div>{_LINE.format(n=n)}</div>" for n in range(1, 8)),
    # lines in <div>s left open, ended by <br>: the first is cut at its inline elements
    "unclosed divs": "".join(f"<div class='post'>{_LINE.format(n=n)}<br><br>" for n in range(8)),
}


@pytest.mark.skipif(not page.extractor_available(), reason="needs trafilatura")
@pytest.mark.parametrize("article", _ARTICLES.values(), ids=_ARTICLES.keys())
def test_a_saved_pages_lines_come_out_whole_with_their_spaces(article):
    """trafilatura can drop the space at an inline element's edge or between blocks and cut a
    line at its inline elements; the page's own spaces and lines are put back.
    """
    saved = (
        "<html><head><title>Launch</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{article}</article><footer>(c) Site</footer></body></html>"
    )
    cleaned = clean_html(saved, extract=True)
    assert cleaned.extracted
    soup = BeautifulSoup(cleaned.html, "html.parser")
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    text = soup.get_text()
    for n in range(8):
        line = f"Line {n} says the MacBook Pro was released today, with new chips and more memory than the model it replaces."
        assert line in text
    assert "replaces.Line" not in text


def _mended(extract: str, source: str) -> list[str]:
    soup = BeautifulSoup(extract, "html.parser")
    page.mend_runs(soup, page.SourceText.of(source))
    return [p.get_text() for p in soup.find_all("p")]


def test_mending_puts_back_only_what_the_page_had():
    # the page's own spacing wins: a space it had comes back, a join it made stays
    assert _mended("<p><a>Pro</a>was out, <b>U.</b>S.-made</p>", "<p><a>Pro</a> was out, <b>U.</b>S.-made</p>") == [
        "Pro was out, U.S.-made"
    ]
    # one line of the page cut in two becomes one; two lines of the page stay two
    assert _mended("<p>It was</p><p><b>late</b> again.</p>", "<div>It was <b>late</b> again.</div>") == [
        "It was late again."
    ]
    assert _mended("<p>It was</p><p>late again.</p>", "<div>It was<br>late again.</div>") == ["It was", "late again."]
    # a comment in the page's line neither breaks it nor hides the text after it
    assert _mended("<p>It was</p><p>late again.</p>", "<div>It was <!-- ad --> late again.</div>") == [
        "It was late again."
    ]
    assert _mended("<p>It was</p><p>late again.</p>", "<p>It was</p><p>late again.</p>") == ["It was", "late again."]
    # text the page does not hold is left as it is
    assert _mended("<p>Lateagain.</p>", "<p>Something else entirely.</p>") == ["Lateagain."]


def test_page_without_trafilatura_is_cleaned_as_it_is(monkeypatch, caplog):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    page = f"<nav><a href='/'>Home</a></nav><p>{ARTICLE[0]}</p><p>Share this article</p><p>{ARTICLE[1]}</p>"
    cleaned = clean_html(page, extract=True)
    assert not cleaned.extracted and texts(cleaned.html) == list(ARTICLE)
    assert cleaned.extractor_missing  # the plugin says so, once a build
    assert not caplog.records  # the core logs nothing


def test_plain_paragraph_bodies_are_cleaned_without_a_parse_to_the_same_html(monkeypatch):
    """The text reader's output (plain <p> lines) takes a fast path that must agree with the tree path."""
    from pelican_newsclean.core import html as html_module

    lines = [
        "Skip to main content",
        "Bridge reopens after repairs",
        "MOSCOW -",
        "The old bridge reopened on Monday after two years of repairs & <delays>.",
        "A view of the bridge at dusk on Monday. (AP Photo/Jane Doe) A view of the bridge at dusk on Monday. (AP Photo/Jane Doe)",
        "Share",
    ]
    body = paragraphs_html(lines)
    fast = html_module.clean_html(body)
    monkeypatch.setattr(html_module, "plain_paragraphs", lambda body: None)
    slow = html_module.clean_html(body)
    assert fast.html == slow.html
    assert fast.result.removed == slow.result.removed
    assert "&lt;delays&gt;" in fast.html and 'class="newsclean-caption"' in fast.html


def _pelican_link_search(site_link: str = r"[{|](?P<what>.*?)[|}]") -> re.Pattern[str]:
    """Pelican's own search for its link syntax in a body, for a site with ``site_link``."""
    return Content._get_intrasite_link_regex(SimpleNamespace(settings={"INTRASITE_LINK_REGEX": site_link}))


@pytest.mark.parametrize(
    "body",
    [
        '<p><a href="https://ok.example/" title="src=\'{attach}../../etc/passwd\'">notes</a></p>',
        "<p><a href=\"https://ok.example/?q=src='{filename}q&amp;a.md;&quot;&gt;&lt;img src=x&gt;'\">x</a></p>",
        '<p><img alt="href=\'|filename|x.md\'" src="https://ok.example/a.png"></p>',
        "<img alt=\"src='{attach}a' src='{attach}b' src='{attach}c'\" src=\"https://ok.example/a.png\">",
    ],
)
def test_pelicans_link_syntax_inside_attribute_values_is_defused(body):
    """Pelican reads its link syntax anywhere in a tag, values of other attributes included, and
    rewrites or copies what it finds: none is left for it to find, and the values read the same."""
    sanitised = sanitise_html(body)
    assert _pelican_link_search().search(sanitised.html) is None
    assert "site-link" in {d.reason for d in sanitised.dropped}
    before = BeautifulSoup(body, "html.parser").find(["a", "img"]).attrs
    after = BeautifulSoup(sanitised.html, "html.parser").find(["a", "img"]).attrs
    assert {k: v for k, v in after.items() if k in before} == before


def test_link_syntax_in_text_and_pipes_in_values_are_left_alone():
    body = '<p>A {filename} in text, <a href="https://x.example/a|b|c" title="a | b | c">a link</a>.</p>'
    sanitised = sanitise_html(body)
    assert "{filename}" in sanitised.html and 'title="a | b | c"' in sanitised.html
    assert not sanitised.dropped
