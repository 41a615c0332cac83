"""A story copied many times: every copy is grouped, each record lists the copies its footer names."""

from __future__ import annotations

import json

from conftest import article_body, footers

STORY = "\n".join(
    f"The council voted on Tuesday to rebuild the old bridge, part {n} of the plan, said the mayor of the town."
    for n in range(8)
)


def test_a_large_group_lists_every_member_once_and_each_record_the_first_copies(make_site):
    files = {
        f"copy{n:02d}.txt": f"Title: Copy {n}\nDate: 2024-05-01\nSource: Paper {n}\n\n{STORY}\n" for n in range(14)
    }
    output = make_site(files)
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    assert report["copy_groups"] == [sorted(files)]
    for record in report["articles"]:
        assert len(record["copies"]) == 10
        assert record["copies_more"] == 3
        assert record["source_path"] not in {c["source_path"] for c in record["copies"]}
    (footer,) = footers(article_body(output / "copy-0.html"))
    assert footer.get_text().count("Paper ") == 10 + 1  # ten others named, and its own publisher
    assert "and 3 more" in footer.get_text()


def test_a_scrapes_slug_that_another_page_has_is_renamed_not_a_stopped_build(make_site):
    """Pelican stops the build when two pages would be written to one file: a scrape whose slug
    is one of the site's own articles', another scrape's, or a page Pelican writes of its own
    (``index``, ``archives``), gets a slug of its own."""
    files = {
        "own-post.md": "Title: Own post\nDate: 2024-05-01\n\nThe owner's own words about the town.\n",
        "scrape-a.txt": f"Title: Scraped\nDate: 2024-05-02\nSource: Gazette\nSlug: own-post\n\n{STORY}\n",
        "scrape-b.txt": f"Title: Other\nDate: 2024-05-03\nSource: Herald\nSlug: chosen\n\n{STORY} Again.\n",
        "scrape-c.txt": f"Title: Third\nDate: 2024-05-04\nSource: Courier\nSlug: chosen\n\n{STORY} More.\n",
        "archives.txt": f"Title: Archives\nDate: 2024-05-05\nSource: Ledger\n\n{STORY} Still.\n",
        "index.txt": f"Title: Front\nDate: 2024-05-06\nSlug: index\n\n{STORY} Once more.\n",
    }
    output = make_site(files)
    assert "The owner's own words" in (output / "own-post.html").read_text(encoding="utf-8")
    assert "Gazette" in (output / "own-post-gazette.html").read_text(encoding="utf-8")
    assert {p.name for p in output.glob("chosen*.html")} == {"chosen-herald.html", "chosen-courier.html"}
    # nor one where Pelican writes a page of its own (its index, its archives)
    assert "Ledger" in (output / "archives-ledger.html").read_text(encoding="utf-8")
    assert len(list(output.glob("index-*.html"))) == 1
