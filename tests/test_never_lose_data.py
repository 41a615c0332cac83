"""Never lose data: the plugin writes nothing under the content folder, the command never
overwrites its input, and no article is lost to the plugin."""

from __future__ import annotations

import logging
import os
from pathlib import Path
import shutil

from conftest import EXAMPLE_CONF, EXAMPLE_SITE, article_body, build, tree_hash
import pytest

from pelican_newsclean import clean_text
from pelican_newsclean.cli import main as newsclean

ARTICLE = "Share\nThe old bridge reopened on Monday after two years of repairs.\n"


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A copy of the example site's content, which the tests may point things into."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_SITE / "content", content)
    return content


def test_building_the_example_site_writes_nothing_under_content(example_copy, tmp_path):
    before = tree_hash(example_copy)
    build(EXAMPLE_CONF, tmp_path / "output", PATH=str(example_copy))
    build(EXAMPLE_CONF, tmp_path / "output", PATH=str(example_copy))  # and again, with the caches
    assert tree_hash(example_copy) == before
    assert sorted(p.name for p in example_copy.iterdir()) == sorted(before)


@pytest.mark.parametrize(
    "report_path",
    ["../content/newsclean-report.json", "{content}/report.json", "{content}/sub/../report.json"],
)
def test_report_path_into_content_is_refused(example_copy, tmp_path, caplog, report_path):
    before = tree_hash(example_copy)
    build(
        EXAMPLE_CONF,
        tmp_path / "output",
        PATH=str(example_copy),
        NEWSCLEAN={"report_path": report_path.format(content=example_copy)},
    )
    assert tree_hash(example_copy) == before
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("'report_path'" in m and "content folder" in m for m in errors), errors


def test_report_path_through_a_symlink_into_content_is_refused(example_copy, tmp_path, caplog):
    output = tmp_path / "output"
    output.mkdir()
    (output / "link").symlink_to(example_copy, target_is_directory=True)
    before = tree_hash(example_copy)
    build(EXAMPLE_CONF, output, PATH=str(example_copy), NEWSCLEAN={"report_path": "link/report.json"})
    assert tree_hash(example_copy) == before
    assert any("'report_path'" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_no_article_is_lost_when_the_cleaner_fails(make_site, monkeypatch, caplog):
    from pelican_newsclean.core import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "classify", broken)
    output = make_site({"a.txt": "Title: Kept\nDate: 2024-05-01\n\n" + ARTICLE})
    assert "The old bridge reopened" in article_body(output / "kept.html").get_text()
    assert any("a.txt" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)


# --- the command --------------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_output_dir_equal_to_the_input_folder_is_refused(inputs, capsys, jobs):
    before = tree_hash(inputs)
    assert newsclean(["clean", "--jobs", jobs, "-o", str(inputs), str(inputs)]) == 4
    assert "refusing to overwrite" in capsys.readouterr().err
    assert tree_hash(inputs) == before


def test_output_dir_that_is_a_symlink_to_the_input_folder_is_refused(inputs, tmp_path, capsys):
    link = tmp_path / "out"
    link.symlink_to(inputs, target_is_directory=True)
    before = tree_hash(inputs)
    assert newsclean(["clean", "--jobs", "2", "-o", str(link), str(inputs)]) == 4
    assert "refusing to overwrite" in capsys.readouterr().err
    assert tree_hash(inputs) == before


def test_output_file_that_is_a_symlink_to_an_input_is_refused(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "0.txt").symlink_to(inputs / "0.txt")
    before = tree_hash(inputs)
    assert newsclean(["clean", "-o", str(out), str(inputs / "0.txt")]) == 4
    assert "refusing to overwrite" in capsys.readouterr().err
    assert tree_hash(inputs) == before


def test_output_file_that_is_a_hard_link_to_an_input_is_refused(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    os.link(inputs / "0.txt", out / "0.txt")
    before = tree_hash(inputs)
    assert newsclean(["clean", "-o", str(out), str(inputs / "0.txt")]) == 4
    assert "refusing to overwrite" in capsys.readouterr().err
    assert tree_hash(inputs) == before


def test_two_inputs_with_one_name_are_refused(inputs, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "0.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert newsclean(["clean", "-o", str(out), str(inputs / "0.txt"), str(other / "0.txt")]) == 4
    assert "would both be written" in capsys.readouterr().err
    assert not out.exists()  # refused before anything was made


def test_output_dir_for_stdin_is_refused_before_making_the_folder(tmp_path, capsys):
    out = tmp_path / "out"
    assert newsclean(["clean", "-o", str(out), "-"]) == 4
    assert "stdin" in capsys.readouterr().err
    assert not out.exists()


def test_output_dir_writes_only_there(inputs, tmp_path):
    before = tree_hash(inputs)
    out = tmp_path / "out"
    assert newsclean(["clean", "--jobs", "2", "-o", str(out), str(inputs)]) == 0
    assert tree_hash(inputs) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


def test_stdout_mode_writes_no_file(inputs, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = tree_hash(tmp_path)
    assert newsclean(["clean", str(inputs)]) == 0
    assert "The old bridge" in capsys.readouterr().out
    assert tree_hash(tmp_path) == before


# --- the cleaner keeps text it has no reason to remove ------------------------------------


PARAGRAPH = "The council approved the new budget on Tuesday after a long debate about the bridge."


@pytest.mark.parametrize(
    "body, line",
    [
        (f"{PARAGRAPH}\n{'=' * 30}\n{PARAGRAPH}", "=" * 30),
        (f"{PARAGRAPH}\n{'-' * 40}\n{PARAGRAPH}", "-" * 40),
        (f"{PARAGRAPH}\n{'ha ' * 11}ha\n{PARAGRAPH}", "ha " * 11 + "ha"),
        ("x" * 1000, "x" * 1000),
    ],
)
def test_a_repetitive_block_is_kept_whole_or_listed_as_removed(body, line):
    result = clean_text(body)
    kept = (result.title, *result.paragraphs, *result.captions)
    assert line in kept or any(r.text == line for r in result.removed)
