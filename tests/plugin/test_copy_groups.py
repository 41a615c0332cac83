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
