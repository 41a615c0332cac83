"""Fixtures that build Pelican sites (the example site, or small ones made in a test)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
import hashlib
import logging
import os
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import settings as hypothesis_settings
from pelican.log import LimitFilter
from pelican.settings import read_settings
import pytest

from pelican import Pelican
from pelican_newsclean.core import pipeline

# The property tests run the same examples every time, so a run is reproducible.
# HYPOTHESIS_PROFILE=explore makes them look for new ones.
hypothesis_settings.register_profile("default", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False, max_examples=500)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "example_site"
EXAMPLE_CONF = EXAMPLE_SITE / "pelicanconf.py"
DATA = Path(__file__).resolve().parent / "data"


def load_benchmark_corpus():
    """``benchmarks/corpus.py`` (the generator of test articles) as a module."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build(conf: Path | None, output: Path, **override) -> Path:
    """Build a site with Pelican in this process; return the output folder.

    Pelican folds repeated warnings per process (its LimitFilter counts them,
    and keeps LOG_FILTER's templates): each build here starts afresh, as a
    ``pelican`` run does.
    """
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    LimitFilter._ignore.clear()
    override.setdefault("OUTPUT_PATH", str(output))
    override.setdefault("CACHE_PATH", str(output.parent / (output.name + "-cache")))
    settings = read_settings(str(conf) if conf else None, override=override)
    Pelican(settings).run()
    return output


def tree_hash(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under a folder."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_body(path: Path) -> BeautifulSoup:
    """The article's own HTML (the theme's entry-content, without its post-info)."""
    body = soup_of(path).find("div", class_="entry-content")
    assert body is not None, f"{path.name} has no article body"
    for info in body.find_all("footer", class_="post-info"):
        info.decompose()
    return body


def footers(body: BeautifulSoup) -> list:
    return body.find_all(attrs={"data-newsclean": "footer"})


@pytest.fixture(scope="session")
def example_output(tmp_path_factory) -> Path:
    """The example site, built once for the session (content folder hashed around it)."""
    before = tree_hash(EXAMPLE_SITE / "content")
    output = build(EXAMPLE_CONF, tmp_path_factory.mktemp("example") / "output")
    assert tree_hash(EXAMPLE_SITE / "content") == before, "the build changed the content folder"
    return output


@pytest.fixture
def make_site(tmp_path) -> Callable[..., Path]:
    """Write content files into a fresh site and build it with the plugin.

    ``make_site({"a.md": "..."}, NEWSCLEAN={...})`` returns the output folder.
    """

    def _make(files: dict[str, str | bytes], **settings) -> Path:
        content = tmp_path / "content"
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        settings.setdefault("PLUGINS", ["pelican_newsclean"])
        settings.setdefault("PATH", str(content))
        settings.setdefault("TIMEZONE", "UTC")
        settings.setdefault("DEFAULT_DATE", (2024, 1, 1))
        settings.setdefault("FEED_ALL_ATOM", None)
        settings.setdefault("CATEGORY_FEED_ATOM", None)
        settings.setdefault("AUTHOR_FEED_ATOM", None)
        settings.setdefault("AUTHOR_FEED_RSS", None)
        settings.setdefault("TRANSLATION_FEED_ATOM", None)
        settings.setdefault("SITEURL", "")
        return build(None, tmp_path / "output", **settings)

    return _make


@pytest.fixture
def classifier_runs(monkeypatch) -> Counter:
    """How many times the classifier ran in a test, by the last block of the text it was given."""
    counted: Counter = Counter()
    classify = pipeline.classify

    def counting(blocks, *args, **kwargs):
        counted[blocks[-1].text] += 1
        return classify(blocks, *args, **kwargs)

    monkeypatch.setattr(pipeline, "classify", counting)
    return counted


@pytest.fixture
def warnings_and_errors(caplog):
    """The WARNING-and-above records logged during a test."""
    caplog.set_level(logging.INFO)

    def _records(level: int = logging.WARNING) -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.levelno >= level]

    return _records


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, for the tests of what a browser runs and shows.

    Skipped without it, except under ``CI=true``, where a missing browser fails
    the test (``.ci/run`` installs it).
    """
    from browser import find_chromium

    found = find_chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no chromium: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("no chromium (apt-get install -y chromium)")
    return found
