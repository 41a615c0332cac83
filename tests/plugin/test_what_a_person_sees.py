"""What a person sees: the example site opened from disk, and the audit page, in headless Chromium.

Without a browser the browser tests are skipped, except under ``CI=true``,
where a missing browser fails them (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import json
from pathlib import Path

from browser import inspect
from conftest import EXAMPLE_CONF, build, tree_hash
import pytest

from pelican_newsclean.audit import summary

LOOKS = """(function () {
  function look(element) {
    if (!element) { return null; }
    var style = view.getComputedStyle(element);
    return {size: parseFloat(style.fontSize), italic: style.fontStyle === "italic", color: style.color,
            rule: style.borderTopStyle};
  }
  var body = doc.querySelector(".entry-content");
  var figures = {};
  doc.querySelectorAll("[data-figure]").forEach(function (item) {
    figures[item.getAttribute("data-figure")] = Number(item.querySelector("b").textContent);
  });
  return {
    sheets: Array.prototype.map.call(doc.querySelectorAll("link[rel=stylesheet]"), function (l) { return !!l.sheet; }),
    background: view.getComputedStyle(doc.body).backgroundColor,
    paragraph: look(body && body.querySelector("p:not(.newsclean-caption)")),
    caption: look(doc.querySelector("p.newsclean-caption")),
    footer: look(doc.querySelector("[data-newsclean=footer]")),
    first: body ? (body.querySelector("p") || {}).className || "" : null,
    figures: figures,
    rows: doc.querySelectorAll("table.removed tr[data-reason]").length
  };
})()"""


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    return build(EXAMPLE_CONF, tmp_path_factory.mktemp("seen") / "output")


def test_the_example_site_opens_styled_from_disk_with_captions_and_footer_apart(example, chromium):
    page = example / "ctv-russia-begins-withdrawing-peacekeepers.html"
    seen = inspect([page], chromium, LOOKS)[page]
    assert seen["sheets"] and all(seen["sheets"]), "the stylesheet did not load from disk"
    assert seen["background"] != "rgba(0, 0, 0, 0)"
    paragraph, caption, footer = seen["paragraph"], seen["caption"], seen["footer"]
    assert caption["italic"] and not paragraph["italic"] and caption["size"] < paragraph["size"]
    assert footer["rule"] == "solid" and footer["size"] < paragraph["size"]
    assert seen["first"] != "newsclean-caption", "the story starts with a photo's caption"


def test_the_audit_page_shows_the_reports_figures(example, chromium):
    audit = example.parent / "newsclean-audit"
    report = json.loads((audit / "report.json").read_text(encoding="utf-8"))
    seen = inspect([audit / "index.html"], chromium, LOOKS)[audit / "index.html"]
    expected = summary(report)
    for figure in ("articles", "cleaned", "removed", "repairs", "sources_known", "sources_unknown", "copy_groups"):
        assert seen["figures"][figure] == expected[figure], figure
    assert seen["rows"] == report["totals"]["removed"]


def test_the_audit_is_not_deployed(example):
    assert not list(example.rglob("*report*.json")) and not (example / "newsclean-audit").exists()
    assert (example.parent / "newsclean-audit" / "index.html").is_file()


def test_a_site_of_your_own_posts_is_byte_identical_to_one_without_the_plugin(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "mine.md").write_text(
        'Title: Ben & Jerry\'s "best" <b>day</b>\nDate: 2024-05-01\n\n'
        "My own post, with an *emphasis* & an ampersand.\n",
        encoding="utf-8",
    )
    (content / "page.html").write_text(
        '<html><head><title>Own HTML</title><meta name="date" '
        'content="2024-05-02"></head><body><p>Mine too.</p></body></html>',
        encoding="utf-8",
    )
    settings = {
        "PATH": str(content),
        "TIMEZONE": "UTC",
        "SITEURL": "",
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }
    with_plugin = build(None, tmp_path / "a" / "output", PLUGINS=["pelican_newsclean"], **settings)
    without = build(None, tmp_path / "b" / "output", PLUGINS=[], **settings)
    assert tree_hash(with_plugin) == tree_hash(without)
    assert not (tmp_path / "a" / "newsclean-audit").exists()
