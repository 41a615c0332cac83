"""Real Pelican builds with the plugin: what a reader of the site sees."""

from __future__ import annotations

import json
import logging
from pathlib import Path
import subprocess
import sys
import xml.etree.ElementTree as ET

from conftest import DATA, EXAMPLE_CONF, EXAMPLE_SITE, article_body, build, footers, soup_of, tree_hash
import pytest

from pelican import readers as pelican_readers

EXPECTED = {
    name: case
    for name, case in json.loads((DATA / "seeds-expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}

# seed -> (file in example_site/content, page it becomes, publisher, Source_URL)
SEEDS = {
    "000_3e25eb950feb0690.txt": (
        "independent-karabakh-withdrawal.txt",
        "russia-begins-withdrawing-peacekeeping-forces-from-karabakh-now-under-full-azerbaijan-control.html",
        "The Independent",
        "https://the-independent.com/news/azerbaijan-ap-russia-moscow-dmitry-peskov-b2530274.html",
    ),
    "001_7f31deb6bdb978b9.txt": (
        "ctv-karabakh-withdrawal.txt",
        "ctv-russia-begins-withdrawing-peacekeepers.html",
        "CTV News",
        "https://www.ctvnews.ca/world/russia-begins-withdrawing-peacekeeping-forces-from-karabakh-now-under-full-azerbaijan-control-1.6850700",
    ),
    "002_448d96408e22ed40.txt": (
        "moscow-times-withdrawal-complete.txt",
        "russian-peacekeepers-complete-withdrawal-from-nagorno-karabakh.html",
        "The Moscow Times",
        "https://www.themoscowtimes.com/2024/06/12/russian-peacekeepers-complete-withdrawal-from-nagorno-karabakh-a85385",
    ),
    "003_2695219b5c5df16e.txt": ("wordpress-karabakh-withdrawal.txt", None, None, None),
    "004_6d6813e04147ff4e.txt": (
        "peacekeepers-start-withdrawal.txt",
        "russian-peacekeepers-start-withdrawal-from-azerbaijans-nagorno-karabakh.html",
        None,
        None,
    ),
}

LIBRARY_PAGE = "city-library-extends-weekend-opening-hours.html"
OWN_PAGE = "why-this-site-republishes-news.html"


def page_of(output: Path, seed: str) -> Path:
    page = SEEDS[seed][1]
    if page is None:  # no headline: the title (and slug) come from the first sentence
        (page,) = [p.name for p in output.glob("the-russian-forces-stationed-*.html")]
    return output / page


def texts(body, cls=None) -> list[str]:
    """The texts of the article's paragraphs (not the footer's)."""
    return [
        " ".join(p.get_text().split())
        for p in body.find_all("p")
        if not p.find_parent(attrs={"data-newsclean": "footer"}) and (cls is None or cls in (p.get("class") or []))
    ]


def norm(text: str) -> str:
    return " ".join(text.split())


# --- the example site: the five seeds ---------------------------------------------


def test_example_content_holds_the_seeds_verbatim():
    for seed, (name, *_rest) in SEEDS.items():
        text = (EXAMPLE_SITE / "content" / name).read_text(encoding="utf-8")
        assert text.endswith((DATA / "seeds" / seed).read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_paragraphs_and_captions(example_output, seed):
    body = article_body(page_of(example_output, seed))
    expected = EXPECTED[seed]
    captions = texts(body, "newsclean-caption")
    paragraphs = [t for t in texts(body) if t not in captions]
    assert paragraphs == [norm(p) for p in expected["paragraphs"]]
    assert captions == [norm(c) for c in expected["captions"]]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_boilerplate_is_gone(example_output, seed):
    page = page_of(example_output, seed)
    body_text = norm(article_body(page).get_text(" "))
    lines = (DATA / "seeds" / seed).read_text(encoding="utf-8").splitlines()
    for number in EXPECTED[seed]["removed_lines"]:
        removed = norm(lines[number - 1])
        assert removed not in texts(article_body(page)), f"line {number} kept: {removed!r}"
        if len(removed) > 25:
            assert removed not in body_text
    for fragment in EXPECTED[seed].get("removed_fragments", []):
        assert fragment not in body_text


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_title(example_output, seed):
    title = EXPECTED[seed]["title"]
    heading = soup_of(page_of(example_output, seed)).find("h1", class_="entry-title")
    if title:
        assert norm(heading.get_text()) == title
    else:
        assert norm(heading.get_text()).startswith("The Russian forces stationed as peacekeepers")


@pytest.mark.parametrize("seed", [s for s in SEEDS if SEEDS[s][2]])
def test_footer_credits_the_publisher_with_a_link(example_output, seed):
    _name, _page, publisher, url = SEEDS[seed]
    (footer,) = footers(article_body(page_of(example_output, seed)))
    link = footer.find("a")
    assert link.get_text() == publisher and link["href"] == url
    assert "Cleaned for republication" in footer.get_text()


def test_footer_without_a_known_source_invents_no_link(example_output):
    for seed in ("003_2695219b5c5df16e.txt", "004_6d6813e04147ff4e.txt"):
        (footer,) = footers(article_body(page_of(example_output, seed)))
        assert footer.find("a") is None
        assert "Cleaned for republication" in footer.get_text()


def test_txt_without_header_gets_default_date(example_output):
    page = soup_of(page_of(example_output, "004_6d6813e04147ff4e.txt"))
    assert page.find("abbr", class_="published")["title"].startswith("2024-01-01")
    (footer,) = footers(article_body(page_of(example_output, "004_6d6813e04147ff4e.txt")))
    assert footer.find("time") is None  # the site's default date is no original date


def test_footer_shows_the_original_date(example_output):
    (footer,) = footers(article_body(page_of(example_output, "002_448d96408e22ed40.txt")))
    assert footer.find("time")["datetime"].startswith("2024-06-12")


def test_no_footer_in_summaries_or_descriptions(example_output):
    # notmyidea shows the newest article in full, then summaries of the others
    assert soup_of(example_output / "index.html").find(id="posts-list") is not None
    for listing in ("index.html", "category/world.html", "archives.html"):
        for summaries in soup_of(example_output / listing).find_all(id="posts-list"):
            assert not summaries.find_all(attrs={"data-newsclean": "footer"})
            assert "Originally published" not in summaries.get_text()
            assert "Cleaned for republication" not in summaries.get_text()
    for page in [page_of(example_output, s) for s in SEEDS] + [example_output / LIBRARY_PAGE]:
        description = soup_of(page).find("meta", attrs={"name": "description"})["content"]
        assert description and "Originally published" not in description
        assert "Cleaned for republication" not in description


def test_footer_in_feed_entries(example_output):
    feed = ET.parse(example_output / "feeds" / "all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = [
        (entry.find("a:title", ns).text, entry.find("a:content", ns).text) for entry in feed.findall("a:entry", ns)
    ]
    assert len(entries) == 7
    for title, content in entries:
        expected = 0 if title == "Why this site republishes news" else 1
        assert content.count('data-newsclean="footer"') == expected, title


def test_report_lists_removals_with_reasons(example_output):
    report = json.loads((example_output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    articles = {a["source_path"]: a for a in report["articles"]}
    assert set(articles) == {name for name, *_ in SEEDS.values()} | {"republished-library-hours.md"}
    independent = articles["independent-karabakh-withdrawal.txt"]
    assert independent["publisher"] == "The Independent" and independent["numbering"] == "line"
    header = 6  # the metadata header and its blank line: lines are the file's
    removed = {r["line"] for r in independent["removed"]}
    assert {header + n for n in EXPECTED["000_3e25eb950feb0690.txt"]["removed_lines"]} <= removed
    for article in report["articles"]:
        for removal in article["removed"]:
            assert removal["reason"] and removal["text"] and isinstance(removal["line"], int)
    assert report["totals"]["removed"] == sum(len(a["removed"]) for a in report["articles"])


def test_report_is_under_output_not_content(example_output):
    assert (example_output.parent / "newsclean-audit" / "report.json").is_file()
    assert not list((EXAMPLE_SITE / "content").rglob("*.json"))


def test_custom_footer_template(make_site, tmp_path):
    template = tmp_path / "my-footer.html"
    template.write_text("<p class='mine'>From {{ publisher }} ({{ removed }} removed)</p>", encoding="utf-8")
    output = make_site(
        {
            "a.md": "Title: A\nDate: 2024-05-01\nSource: Gazette & Co\n\nShare this article\n\nThe council "
            "approved the new budget on Tuesday after a long debate about the cost of the new bridge.\n"
        },
        NEWSCLEAN={"footer_template": str(template)},
    )
    (footer,) = footers(article_body(output / "a.html"))  # wrapped: it keeps the marker
    assert footer.find("p", class_="mine").get_text() == "From Gazette & Co (1 removed)"
    assert "Gazette &amp; Co" in str(footer)  # autoescaped


# --- Markdown and own articles -------------------------------------------------------


def test_markdown_with_source_is_cleaned(example_output):
    body = article_body(example_output / LIBRARY_PAGE)
    paragraphs = texts(body)
    assert paragraphs[0].startswith("The central library will stay open")
    for nag in ("Share this article", "Subscribe to our newsletter", "Advertisement"):
        assert nag not in paragraphs
    (footer,) = footers(body)
    assert footer.find("a")["href"] == "https://courier.example.com/local/library-weekend-hours"
    assert "with material from Valley News Service" in footer.get_text(" ", strip=True)


def test_own_article_is_byte_identical_to_a_build_without_the_plugin(example_output, tmp_path):
    # the whole pages differ (without the plugin the .txt articles and their categories
    # are missing from the menus): the article itself must not
    plain = build(EXAMPLE_CONF, tmp_path / "plain", PLUGINS=[])
    assert str(article_body(plain / OWN_PAGE)) == str(article_body(example_output / OWN_PAGE))
    source = (EXAMPLE_SITE / "content" / "own-notes-on-republishing.md").read_text(encoding="utf-8")
    assert (
        "Share your thoughts" in source and "Share your thoughts" in article_body(example_output / OWN_PAGE).get_text()
    )
    assert not footers(article_body(example_output / OWN_PAGE))


def test_newsclean_off_opts_out(make_site):
    output = make_site(
        {
            "kept.md": "Title: Kept as is\nDate: 2024-05-01\nSource: Gazette\nNewsclean: off\n\n"
            "Share this article\n\nThe council approved the new budget on Tuesday after a long debate "
            "about the cost of the new bridge and the state of the roads in the north of the city.\n"
        }
    )
    body = article_body(output / "kept-as-is.html")
    assert "Share this article" in texts(body)
    assert not footers(body)


def test_clean_all_cleans_own_articles(make_site):
    output = make_site(
        {
            "own.md": "Title: Own post\nDate: 2024-05-01\n\nShare this article\n\nThe council approved "
            "the new budget on Tuesday after a long debate about the cost of the new bridge and the roads.\n"
        },
        NEWSCLEAN={"clean_all": True},
    )
    body = article_body(output / "own-post.html")
    assert "Share this article" not in texts(body)
    assert len(footers(body)) == 1


def test_javascript_source_url_is_not_a_link(make_site):
    output = make_site(
        {
            "evil.md": "Title: Evil link\nDate: 2024-05-01\nSource: Gazette\nSource_URL: javascript:alert(1)\n\n"
            "The council approved the new budget on Tuesday after a long debate about the cost of the "
            "new bridge and the state of the roads in the north of the city.\n"
        }
    )
    html = (output / "evil-link.html").read_text(encoding="utf-8")
    (footer,) = footers(article_body(output / "evil-link.html"))
    assert footer.find("a") is None and "Gazette" in footer.get_text()
    assert "javascript:" not in html


def test_script_in_txt_shows_as_text(make_site):
    output = make_site(
        {
            "script.txt": "Title: Markup in text\nDate: 2024-05-01\n\n"
            "The council approved the new budget on Tuesday after a long debate about the bridge.\n"
            "A reader wrote <script>alert('x')</script> in the comment box, and <b>nothing</b> happened.\n"
        }
    )
    html = str(article_body(output / "markup-in-text.html"))
    assert "<script>alert" not in html and "<b>nothing" not in html
    assert "&lt;script&gt;alert" in html
    assert any("<script>alert('x')</script>" in t for t in texts(article_body(output / "markup-in-text.html")))


def test_title_mojibake_repaired_before_the_slug(make_site):
    output = make_site(
        {
            "cafe.md": "Title: CafÃ© reopens after the flood\nDate: 2024-05-01\nSource: Gazette\n\n"
            "The café on the square reopened on Monday after three months of repairs following the "
            "spring flood, its owner said, with a new floor and a smaller terrace.\n"
        }
    )
    page = output / "cafe-reopens-after-the-flood.html"
    assert page.is_file(), sorted(p.name for p in output.glob("*.html"))
    assert soup_of(page).find("h1", class_="entry-title").get_text().strip() == "Café reopens after the flood"


def test_title_entities_are_not_unescaped_into_markup(make_site):
    output = make_site(
        {
            "ent.md": "Title: Tom &lt;script&gt; CafÃ©\nDate: 2024-05-01\nSource: Gazette\n\n"
            "The café on the square reopened on Monday after three months of repairs following the "
            "spring flood, its owner said, with a new floor and a smaller terrace.\n"
        }
    )
    (page,) = list(output.glob("tom-*.html"))
    # the theme's <title> and permalink attribute unescape titles whatever the plugin does;
    # the visible heading must keep the entity
    assert ">Tom &lt;script&gt; CafÃ©</a></h1>" in page.read_text(encoding="utf-8")


def test_article_emptied_by_the_cleaner_is_published_uncleaned(make_site, warnings_and_errors):
    output = make_site(
        {
            "nags.txt": "Title: Only nags\nDate: 2024-05-01\n\nShare this article\n"
            "Subscribe to our newsletter\nAdvertisement\n"
        }
    )
    warnings = [r for r in warnings_and_errors() if "nags.txt" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    body = article_body(output / "only-nags.html")
    assert "Share this article" in texts(body)
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    assert report["articles"][0]["status"] == "uncleaned"


def test_undecodable_txt_is_skipped_with_a_warning(make_site, warnings_and_errors):
    output = make_site({"binary.txt": b"Title: x\n\n\x00\x01\x02 binary"})
    assert any("binary.txt" in r.getMessage() for r in warnings_and_errors())
    assert not list(output.glob("x.html"))


def test_static_files_are_left_alone(make_site):
    output = make_site(
        {
            "images/pic.txt": "Not an article: a static file.\n",
            "a.md": "Title: A\nDate: 2024-05-01\nSource: Gazette\n\nThe council approved the new budget "
            "on Tuesday after a long debate about the cost of the new bridge and the roads.\n",
        },
        STATIC_PATHS=["images"],
        ARTICLE_EXCLUDES=["images"],
    )
    assert (output / "images" / "pic.txt").read_text(encoding="utf-8") == "Not an article: a static file.\n"
    assert len(footers(article_body(output / "a.html"))) == 1


def _saved_page(img: str = "") -> str:
    """A whole saved web page: the site's menu and footer around the article."""
    nav = "".join(f'<a href="/section/{i}">Section {i}</a> ' for i in range(12))
    return f"""<html><head><title>Bridge reopens</title>
<meta name="date" content="2024-05-01"><meta name="source" content="Gazette"></head>
<body><header><nav>{nav}</nav></header>
<article><h1>Bridge reopens</h1>
<p>The old bridge over the river reopened to traffic on Monday after two years of repairs, the city said, and buses will use it again from next week.</p>{img}
<p>Share this article</p>
<p>Engineers replaced the deck and two of the piers, and the speed limit on the bridge is now 30 km/h for all vehicles, including the buses of the city.</p>
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> Copyright 2024 Gazette</footer>
</body></html>"""


def _reduced_to_its_article(output: Path) -> None:
    body = article_body(output / "bridge-reopens.html")
    paragraphs = texts(body)
    assert paragraphs[0].startswith("The old bridge over the river")
    assert "Share this article" not in paragraphs
    assert "Section 3" not in body.get_text() and "About us" not in body.get_text()


def test_saved_web_page_is_reduced_to_its_article(make_site):
    pytest.importorskip("trafilatura")
    _reduced_to_its_article(make_site({"bridge.html": _saved_page()}))


def test_pelicans_checks_of_an_authors_markup_never_run_over_a_saved_page(make_site, monkeypatch):
    """Pelican looks for images without alt text in what a reader returns: on some saved
    pages its pattern takes minutes. A saved page reaches it empty; its article is
    extracted all the same, and read again from the file on a reader-cache hit.
    """
    pytest.importorskip("trafilatura")
    checked = []
    check = pelican_readers.find_empty_alt
    monkeypatch.setattr(
        pelican_readers,
        "find_empty_alt",
        lambda content, path: checked.append((Path(path).name, content)) or check(content, path),
    )
    own = "<html><head><title>Own post</title></head><body><p>A post of the owner's.</p><img src=a.png alt=''></body></html>"
    files = {"bridge.html": _saved_page(img='<img src="bridge.jpg" alt="">'), "own.html": own}
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "reader"}
    for written in (files, {}):  # the second build reads the files from the reader cache
        checked.clear()
        output = make_site(written, **cache)
        assert [name for name, _ in checked] == ["own.html"]  # a file of the owner's is still checked
        _reduced_to_its_article(output)


# --- settings, caching, warnings -----------------------------------------------------


def test_settings_error_names_the_key(make_site, warnings_and_errors):
    output = make_site(
        {
            "a.md": "Title: A\nDate: 2024-05-01\nSource: Gazette\n\nShare this article\n\nThe council "
            "approved the new budget on Tuesday after a long debate about the cost of the new bridge "
            "and the state of the roads in the north of the city.\n"
        },
        NEWSCLEAN={"bogus_key": 1, "footer": "yes"},
    )
    errors = [r.getMessage() for r in warnings_and_errors(logging.ERROR)]
    assert any("'bogus_key'" in m for m in errors)
    assert any("'footer'" in m for m in errors)
    body = article_body(output / "a.html")
    assert len(footers(body)) == 1  # the default (footer on) was kept
    assert "Share this article" not in texts(body)


def test_plugin_switched_off(make_site):
    output = make_site(
        {"a.md": "Title: A\nDate: 2024-05-01\nSource: Gazette\n\nShare this article\n\nSome text here.\n"},
        NEWSCLEAN={"enabled": False},
    )
    body = article_body(output / "a.html")
    assert "Share this article" in texts(body) and not footers(body)
    assert not (output.parent / "newsclean-audit" / "report.json").exists()


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_one_footer_after_a_cached_rebuild(tmp_path, layer):
    output, cache = tmp_path / "out", tmp_path / "cache"
    options = {
        "CACHE_PATH": str(cache),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": layer,
    }
    before = tree_hash(EXAMPLE_SITE / "content")
    build(EXAMPLE_CONF, output, **options)
    build(EXAMPLE_CONF, output, **options)
    assert tree_hash(EXAMPLE_SITE / "content") == before
    for seed in SEEDS:
        assert len(footers(article_body(page_of(output, seed)))) == 1
    assert len(footers(article_body(output / LIBRARY_PAGE))) == 1
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["articles"] == 6


def test_example_site_builds_with_fatal_warnings(tmp_path):
    output = tmp_path / "output"
    before = tree_hash(EXAMPLE_SITE / "content")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(EXAMPLE_SITE / "content"),
            "-s",
            str(EXAMPLE_CONF),
            "-o",
            str(output),
            "--cache-path",
            str(tmp_path / "cache"),
            "--fatal",
            "warnings",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert len(list(output.glob("*.html"))) >= 7 + 5  # seven articles and the index pages
    assert tree_hash(EXAMPLE_SITE / "content") == before
