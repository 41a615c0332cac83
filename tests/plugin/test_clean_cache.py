"""The clean cache: a rebuild cleans only what changed, a settings change cleans everything again.

Every build here is a real Pelican build with its content cache on (the cache
follows ``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE``); what is counted is how
many times the classifier ran, and on which article (and the sanitiser, the
footer and the audit page's sections, which the cache keeps too).
"""

from __future__ import annotations

import json
from pathlib import Path
import shutil

from bs4 import BeautifulSoup
from conftest import DATA, article_body, footers, tree_hash
import pytest

from pelican_newsclean.plugin import cache, report

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."
FILES = {
    "headline.txt": f"Share\nBridge reopens after two years\n{PROSE}\n{PROSE} It cost more than planned.\n",
    "titled.txt": f"Title: Titled\nDate: 2024-05-01\n\nShare\n{PROSE} The mayor cut a ribbon.\n",
    "dated.txt": f"Title: Dated\nDate: 2024-05-03\nAuthor: Reporter\n\nShare\n{PROSE} Buses run again.\n",
    "republished.md": (
        f"Title: Republished\nDate: 2024-05-02\nSource: Gazette\n\nShare\n\n{PROSE} Traffic resumed on both lanes.\n"
    ),
}
CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_rebuild_cleans_nothing_when_nothing_changed(make_site, classifier_runs, layer):
    make_site(FILES, CONTENT_CACHING_LAYER=layer, **CACHED)
    assert len(classifier_runs) == len(FILES)
    classifier_runs.clear()
    make_site(FILES, CONTENT_CACHING_LAYER=layer, **CACHED)  # the files are written again: new times
    assert not classifier_runs, classifier_runs


def test_a_rebuild_after_editing_one_article_cleans_that_article_only(make_site, classifier_runs):
    make_site(FILES, **CACHED)
    classifier_runs.clear()
    edited = {**FILES, "dated.txt": FILES["dated.txt"].replace("Buses run again.", "Trams run again.")}
    make_site(edited, **CACHED)
    assert list(classifier_runs) == [f"{PROSE} Trams run again."], classifier_runs


def test_a_site_built_from_the_cache_is_the_site_built_without_it(make_site, tmp_path):
    make_site(FILES, **CACHED)
    cached = tree_hash(make_site(FILES, **CACHED))
    shutil.rmtree(tmp_path / "output-cache")
    fresh = tree_hash(make_site(FILES))
    assert cached == fresh


def test_a_change_of_cleaning_settings_cleans_every_article_again(make_site, classifier_runs):
    make_site(FILES, **CACHED)
    classifier_runs.clear()
    make_site(FILES, NEWSCLEAN={"statistical": False}, **CACHED)
    assert len(classifier_runs) == len(FILES), classifier_runs


def test_the_clean_cache_can_be_turned_off(make_site, classifier_runs):
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **CACHED)
    classifier_runs.clear()
    make_site(FILES, NEWSCLEAN={"clean_cache": False}, **CACHED)
    assert len(classifier_runs) == len(FILES), classifier_runs


def test_no_clean_cache_is_written_when_pelican_caches_no_content(make_site, tmp_path):
    make_site(FILES)
    assert not (tmp_path / "output-cache").exists()


def test_with_the_generator_layer_a_settings_change_reaches_every_cached_article(make_site):
    output = make_site(FILES, CONTENT_CACHING_LAYER="generator", **CACHED)
    assert footers(article_body(output / "titled.html"))
    output = make_site({}, CONTENT_CACHING_LAYER="generator", NEWSCLEAN={"footer": False}, **CACHED)
    assert not footers(article_body(output / "titled.html")), "a cached article kept the old settings"


def test_with_the_generator_layer_an_unchanged_build_still_loads_pelicans_cache(make_site, classifier_runs, caplog):
    make_site(FILES, CONTENT_CACHING_LAYER="generator", **CACHED)
    caplog.set_level("INFO", logger="pelican_newsclean")
    caplog.clear()
    classifier_runs.clear()
    make_site({}, CONTENT_CACHING_LAYER="generator", **CACHED)
    assert not [r for r in caplog.records if "content cache is not loaded" in r.getMessage()]
    assert not classifier_runs


def test_with_the_generator_layer_an_unchanged_build_escapes_no_record_again(make_site, monkeypatch):
    other = "Two new ferries will cross the bay from June, and the old one will be sold, the port said."
    files = {"titled.txt": FILES["titled.txt"], "other.txt": f"Title: Other\nDate: 2024-05-04\n\nShare\n{other}\n"}
    make_site(files, CONTENT_CACHING_LAYER="generator", **CACHED)  # two stories: no copies to name again
    escaped = []
    original = report.escaped
    monkeypatch.setattr(report, "escaped", lambda value: escaped.append(value) or original(value))
    output = make_site({}, CONTENT_CACHING_LAYER="generator", **CACHED)
    assert not escaped, escaped  # the cached articles kept their records escaped
    assert footers(article_body(output / "titled.html"))


def _seed_site(make_site, content: dict[str, str]):
    return make_site(content, CONTENT_CACHING_LAYER="generator", **CACHED)


def test_copies_are_grouped_again_when_one_of_them_changes(make_site):
    independent, ctv = "000_3e25eb950feb0690.txt", "001_7f31deb6bdb978b9.txt"
    seeds = {name: (DATA / "seeds" / name).read_text(encoding="utf-8") for name in (independent, ctv)}
    output = _seed_site(make_site, seeds)
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    assert report["copy_groups"] == [[independent, ctv]]
    other = "Title: Another story\n\n" + "\n".join(
        f"{PROSE} Paragraph {n} of a story of its own, about the river and its old bridge." for n in range(6)
    )
    output = _seed_site(make_site, {ctv: other})  # the other copy is served from Pelican's cache
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    assert report["copy_groups"] == []
    (record,) = [a for a in report["articles"] if a["source_path"] == independent]
    assert record["copies"] == []
    page = output / record["url"]
    (footer,) = footers(article_body(page))
    assert footer.find("p", class_="newsclean-also") is None


def test_a_change_of_source_credits_the_cached_cleaning_again(make_site, classifier_runs):
    dated = FILES["dated.txt"]  # a full header: the reader does not clean it to find one
    output = make_site({**FILES, "dated.txt": dated.replace("\n\n", "\nSource: Gazette\n\n", 1)}, **CACHED)
    assert footers(article_body(output / "dated.html"))[0].p.get_text().startswith("Originally published by Gazette")
    classifier_runs.clear()
    output = make_site({**FILES, "dated.txt": dated.replace("\n\n", "\nSource: Courier\n\n", 1)}, **CACHED)
    assert not classifier_runs  # the body is the same: not cleaned again
    assert footers(article_body(output / "dated.html"))[0].p.get_text().startswith("Originally published by Courier")


@pytest.fixture
def sections_rendered(monkeypatch) -> list[str]:
    """The source paths of the audit page sections rendered in a test."""
    from pelican_newsclean import audit

    rendered: list[str] = []
    template = audit._template(audit.SECTION_TEMPLATE)

    class Counting:
        def render(self, article):
            rendered.append(article["source_path"])
            return template.render(article=article)

    monkeypatch.setattr(
        audit,
        "_template",
        lambda name=audit.TEMPLATE: (
            Counting() if name == audit.SECTION_TEMPLATE else template.environment.get_template(name)
        ),
    )
    return rendered


def test_a_rebuild_renders_only_the_audit_sections_of_records_that_changed(make_site, tmp_path, sections_rendered):
    make_site(FILES, **CACHED)
    assert sorted(sections_rendered) == sorted(FILES)
    sections_rendered.clear()
    edited = {**FILES, "dated.txt": FILES["dated.txt"].replace("\n\nShare\n", "\n\nShare\nPrint\n")}
    make_site(edited, **CACHED)
    assert sections_rendered == ["dated.txt"]  # one more line removed: its record changed
    audit_page = tmp_path / "newsclean-audit" / "index.html"
    cached = audit_page.read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / "output-cache")
    make_site(edited)
    assert audit_page.read_text(encoding="utf-8") == cached


def test_a_rebuild_renders_no_footer_of_an_unchanged_article(make_site, monkeypatch):
    from pelican_newsclean.plugin import signals

    rendered: list[object] = []
    render = signals.render_footer

    def counting(variables, *args, **kwargs):
        rendered.append(variables.get("title"))
        return render(variables, *args, **kwargs)

    monkeypatch.setattr(signals, "render_footer", counting)
    first = make_site(FILES, **CACHED)
    assert rendered
    page = (first / "dated.html").read_text(encoding="utf-8")
    rendered.clear()
    again = make_site(FILES, **CACHED)  # every file written again: the reader layer makes every article again
    assert rendered == []
    assert (again / "dated.html").read_text(encoding="utf-8") == page


REPUBLISHED_HTML = (
    '<html><head><title>Bridge</title><meta name="date" content="2024-05-04"><meta name="source" content="Gazette">'
    f'</head><body><p onclick="steal()">{PROSE}<script>alert(1)</script></p><p>Share</p><p>{PROSE}</p></body></html>'
)


@pytest.fixture
def sanitised_bodies(monkeypatch) -> list[str]:
    """The bodies the plugin sanitised in a test."""
    from pelican_newsclean.plugin import signals

    seen: list[str] = []
    sanitise = signals.sanitise_html

    def counting(body, *args, **kwargs):
        seen.append(body)
        return sanitise(body, *args, **kwargs)

    monkeypatch.setattr(signals, "sanitise_html", counting)
    return seen


def test_a_rebuild_sanitises_no_html_body_again(make_site, sanitised_bodies):
    first = make_site({**FILES, "bridge.html": REPUBLISHED_HTML}, **CACHED)
    page = (first / "bridge.html").read_text(encoding="utf-8")
    assert any("steal()" in body for body in sanitised_bodies)  # and the Markdown article's
    assert "alert(1)" not in page and "steal()" not in page
    sanitised_bodies.clear()
    again = make_site({**FILES, "bridge.html": REPUBLISHED_HTML}, **CACHED)
    assert sanitised_bodies == []
    assert (again / "bridge.html").read_text(encoding="utf-8") == page


def test_a_change_of_summary_settings_makes_the_summaries_again(make_site):
    theme = str(DATA / "themes" / "usual-filters")
    output = make_site(FILES, THEME=theme, **CACHED)
    described = BeautifulSoup((output / "dated.html").read_text(encoding="utf-8"), "html.parser")
    assert described.find("meta", attrs={"name": "description"})["content"].startswith(PROSE[:60])
    output = make_site(FILES, THEME=theme, SUMMARY_MAX_LENGTH=3, **CACHED)
    described = BeautifulSoup((output / "dated.html").read_text(encoding="utf-8"), "html.parser")
    assert described.find("meta", attrs={"name": "description"})["content"] == "The old bridge …"


def test_every_file_the_package_ships_is_in_the_code_fingerprint():
    package = Path(cache.__file__).resolve().parent.parent
    shipped = {p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.name != "py.typed"}
    assert shipped
    assert {p.relative_to(package) for p in shipped if p.suffix not in cache.FINGERPRINTED} == set()
