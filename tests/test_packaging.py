"""Installed from a wheel into a fresh virtualenv, the plugin is found the way Pelican finds plugins.

Pelican scans the ``pelican.plugins`` namespace of the environment it is
installed in; an editable install is not seen there, so this builds the
wheel and installs it (with its dependencies) into a new virtualenv. It
needs the package index (or pip's cache), so it runs under ``CI=true`` or
with ``NEWSCLEAN_PACKAGING_TESTS=1``.
"""

from __future__ import annotations

import os
from pathlib import Path
import subprocess
import sys

from conftest import ROOT
import pytest

pytestmark = pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("NEWSCLEAN_PACKAGING_TESTS")),
    reason="installs a wheel into a fresh virtualenv (set NEWSCLEAN_PACKAGING_TESTS=1, or CI=true)",
)

PROSE = "The old bridge over the river reopened on Monday after two years of repairs, the council said."


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(root / "dist"), str(ROOT)], check=True
    )
    (wheel,) = (root / "dist").glob("pelican_newsclean-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    subprocess.run([str(root / "venv" / "bin" / "pip"), "install", "--quiet", str(wheel)], check=True)
    return root


def test_a_site_with_plugins_unset_finds_the_plugin(fresh):
    site = fresh / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "scrape.txt").write_text(
        f"Share\nBridge reopens after two years\n{PROSE}\n{PROSE}\n", encoding="utf-8"
    )
    (site / "pelicanconf.py").write_text(
        'PATH = "content"\nTIMEZONE = "UTC"\nFEED_ALL_ATOM = None\n'
        "CATEGORY_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\n"
        "AUTHOR_FEED_RSS = None\nTRANSLATION_FEED_ATOM = None\n",
        encoding="utf-8",
    )
    subprocess.run(
        [str(fresh / "venv" / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"],
        cwd=site,
        check=True,
        capture_output=True,
    )
    page = site / "output" / "bridge-reopens-after-two-years.html"
    assert page.is_file() and "Share" not in page.read_text(encoding="utf-8").split("entry-content")[1][:200]
    assert (site / "newsclean-audit" / "report.json").is_file()


def test_pelican_plugins_lists_it(fresh):
    listed = subprocess.run(
        [str(fresh / "venv" / "bin" / "pelican-plugins")], capture_output=True, text=True, check=True
    )
    assert "pelican.plugins.newsclean" in listed.stdout + listed.stderr


def test_the_command_says_its_version(fresh):
    import pelican_newsclean

    done = subprocess.run(
        [str(fresh / "venv" / "bin" / "newsclean"), "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"newsclean {pelican_newsclean.__version__}"
