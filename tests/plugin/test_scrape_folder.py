"""A real scrape folder publishes whole: header-less scrapes, the same story twice, saved pages.

The site is what ``pelican-quickstart`` makes (no DEFAULT_DATE, AUTHOR set to the
site owner), with the five seeds as scraped (no header: two carry the same AP story)
and three saved web pages. File times are pinned: a fresh clone's files all carry
the clone's time.
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
import logging
import os
from pathlib import Path
import shutil

from conftest import DATA, article_body, build, footers, soup_of
import pytest

PINNED = datetime(2024, 3, 1, 12, 0, tzinfo=UTC).timestamp()
OWNER = "Site Owner"


def quickstart_site(root: Path, **settings) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    for seed in sorted((DATA / "seeds").glob("*.txt")):
        shutil.copy(seed, content / seed.name)
    for page in sorted((DATA / "pages").glob("*.html")):
        shutil.copy(page, content / page.name)
    for path in content.iterdir():
        os.utime(path, (PINNED, PINNED))
    return build(
        None,
        root / "output",
        PLUGINS=["pelican_newsclean"],
        PATH=str(content),
        AUTHOR=OWNER,
        SITENAME="Digest",
        SITEURL="",
        TIMEZONE="Europe/London",
        DEFAULT_LANG="en",
        DEFAULT_PAGINATION=10,
        FEED_ALL_ATOM=None,
        CATEGORY_FEED_ATOM=None,
        TRANSLATION_FEED_ATOM=None,
        AUTHOR_FEED_ATOM=None,
        AUTHOR_FEED_RSS=None,
        **settings,
    )


@pytest.fixture(scope="module")
def scrape_site(tmp_path_factory):
    handler, plugin = _Collect(), logging.getLogger("pelican_newsclean")
    plugin.addHandler(handler)
    level = plugin.level
    plugin.setLevel(logging.INFO)  # setLevel, not the attribute: it clears the loggers' cached answers
    try:
        output = quickstart_site(tmp_path_factory.mktemp("scrapes"))
    finally:
        plugin.removeHandler(handler)
        plugin.setLevel(level)
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    return output, report, handler.records


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def record_of(report: dict, name: str) -> dict:
    (found,) = [a for a in report["articles"] if a["source_path"] == name]
    return found


def page_of(output: Path, record: dict) -> Path:
    return output / record["url"]


def test_every_scrape_is_published_with_no_error(scrape_site):
    output, report, records = scrape_site
    assert not [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert report["totals"]["articles"] == 8 and report["totals"]["cleaned"] == 8
    for record in report["articles"]:
        assert page_of(output, record).exists(), record["source_path"]


def test_two_copies_of_one_story_get_distinct_slugs_and_name_each_other(scrape_site):
    output, report, _records = scrape_site
    independent, ctv = "000_3e25eb950feb0690.txt", "001_7f31deb6bdb978b9.txt"
    assert report["copy_groups"] == [[independent, ctv]]
    pages = {name: page_of(output, record_of(report, name)) for name in (independent, ctv)}
    assert pages[independent] != pages[ctv]
    (footer,) = footers(article_body(pages[ctv]))
    also = footer.find("p", class_="newsclean-also")
    assert also is not None and "The Independent" in also.get_text()
    assert also.find("a")["href"].endswith(pages[independent].name)
    assert [c["publisher"] for c in record_of(report, ctv)["copies"]] == ["The Independent"]


def test_other_reports_of_the_same_event_stay_apart(scrape_site):
    _output, report, _records = scrape_site
    grouped = {name for group in report["copy_groups"] for name in group}
    assert not grouped & {"002_448d96408e22ed40.txt", "003_2695219b5c5df16e.txt", "004_6d6813e04147ff4e.txt"}


def test_no_scrape_is_skipped_for_want_of_a_date(scrape_site):
    _output, report, records = scrape_site
    seed = record_of(report, "004_6d6813e04147ff4e.txt")
    assert seed["found"]["date"] == "file" and seed["date"].startswith("2024-03-01")
    assert any(
        "004_6d6813e04147ff4e.txt" in r.getMessage() and "modification time" in r.getMessage()
        for r in records
        if r.levelno == logging.INFO
    )


@pytest.mark.parametrize(
    "name, title, date, publisher, author",
    [
        (
            "ctpost-la-auto-show.html",
            "New SUVs and electric vehicles highlight L.A. Auto Show",
            "2019-11-20",
            "Connecticut Post",
            "Tom Krisher",
        ),
        (
            "sportsnet-davis-cup.html",
            "Nadal keeps Spain alive against Russia in Davis Cup Finals",
            "2019-11-19",
            "Sportsnet.ca",
            "Associated Press",
        ),
    ],
)
def test_a_saved_page_is_published_with_its_own_title_date_publisher_and_author(
    scrape_site, name, title, date, publisher, author
):
    output, report, _records = scrape_site
    record = record_of(report, name)
    assert (record["title"], record["date"][:10], record["publisher"]) == (title, date, publisher)
    assert record["extracted_from_page"] and record["found"]["publisher"] == "page"
    soup = soup_of(page_of(output, record))
    assert soup.find("a", class_="url fn").get_text().strip() == author
    body = article_body(page_of(output, record))
    assert body.find("script") is None and body.find("nav") is None and len(body.get_text().split()) > 100


def test_a_page_in_another_script_is_extracted_too(scrape_site):
    _output, report, _records = scrape_site
    record = record_of(report, "korean-entertainment.html")
    assert record["extracted_from_page"] and record["date"].startswith("2018-08-25")


def test_every_footer_credits_a_source_or_says_it_is_unknown(scrape_site):
    output, report, _records = scrape_site
    for record in report["articles"]:
        (footer,) = footers(article_body(page_of(output, record)))
        source = footer.find("p", class_="newsclean-source").get_text()
        if record["publisher"]:
            assert f"Originally published by {record['publisher']}" in source
        else:
            assert source.startswith("Republished from a source that is not known")


def test_no_republished_article_is_bylined_as_the_owners(scrape_site):
    output, report, _records = scrape_site
    for record in report["articles"]:
        byline = soup_of(page_of(output, record)).find("a", class_="url fn").get_text().strip()
        assert byline != OWNER, record["source_path"]


def test_one_copy_per_story_lists_the_other(tmp_path):
    output = quickstart_site(tmp_path, NEWSCLEAN={"syndicated": "one"})
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    statuses = {a["source_path"]: a["status"] for a in report["articles"]}
    left_out = [name for name, status in statuses.items() if status == "not published"]
    assert len(left_out) == 1 and left_out[0] in ("000_3e25eb950feb0690.txt", "001_7f31deb6bdb978b9.txt")
    kept = next(name for group in report["copy_groups"] for name in group if name not in left_out)
    (footer,) = footers(article_body(page_of(output, record_of(report, kept))))
    assert footer.find("p", class_="newsclean-also") is not None
