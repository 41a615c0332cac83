#!/usr/bin/env python3
"""Measure how well ``newsclean`` separates article text from boilerplate.

    python benchmarks/quality.py PATH/TO/BENCH [--cmd 'newsclean clean --body-only --output-dir {out} {in}']
    python benchmarks/quality.py PATH/TO/BENCH --cleaner justext      # a reference cleaner instead
    python benchmarks/quality.py PATH/TO/BENCH --table                 # every cleaner, as a Markdown table
    python benchmarks/quality.py PATH/TO/BENCH2 --score PATH/TO/BENCH/score.py   # a bench without its own

BENCH is a folder holding ``score.py`` and ``pages/`` (real news pages with
gold article text, one ``ID.body.txt`` and ``ID.page.txt`` input each). The
script runs the bench's ``score.py`` twice, on the article-container text
(``--input body``) and on all visible text of the page (``--input page``),
cleaning every input with one ``newsclean`` call (``--cmd-dir``), and prints
the benchmark's precision, recall and F1 with the line-level view, and F1 on
each half of the pages split by site (a page's host, from the bench's
``manifest.json`` or the page's canonical URL; its id when neither says), so
that a rule tuned to one half shows. ``--cleaner`` runs a reference cleaner
of ``baselines.py`` (nothing removed, jusText, trafilatura) instead.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
import json
from pathlib import Path
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlparse
import zlib

DEFAULT_CMD = "newsclean clean --body-only --output-dir {out} {in}"
_KEEP = re.compile(r"^(== |bench |mean per-doc|lines |wall |failures |  FAIL )")


def _default_cmd() -> str:
    """The CLI next to this Python (a venv) if it is not on PATH."""
    if shutil.which("newsclean"):
        return DEFAULT_CMD
    local = Path(sys.executable).with_name("newsclean")
    if local.exists():
        return DEFAULT_CMD.replace("newsclean", str(local), 1)
    return DEFAULT_CMD


_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""",
    re.IGNORECASE,
)


def site_of(bench: Path, page_id: str, manifest: dict[str, dict[str, str]]) -> str:
    """A page's site: the host of its URL (manifest, else canonical link), else its id."""
    url = (manifest.get(page_id) or {}).get("url")
    html_file = bench / "pages" / f"{page_id}.html"
    if not url and html_file.is_file():
        found = _CANONICAL.search(html_file.read_text(encoding="utf-8", errors="replace")[:200_000])
        url = next((g for g in found.groups() if g), None) if found else None
    host = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    return host or page_id


def half_of(site: str) -> int:
    """0 or 1: which half of the pages a site falls in (stable across runs and machines)."""
    return zlib.crc32(site.encode("utf-8")) % 2


def _halves(bench: Path, scorer: Path, per_doc: list[dict[str, object]]) -> tuple[float, float]:
    """F1 of the benchmark's metric on each half of the pages, split by site."""
    sys.path.insert(0, str(scorer.parent))
    import metric  # the bench's own metric.py, beside its score.py

    manifest_file = bench / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")).get("docs", {}) if manifest_file.is_file() else {}
    rows: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
    for doc in per_doc:
        rows[half_of(site_of(bench, str(doc["id"]), manifest))].append((doc["tp"], doc["fp"], doc["fn"]))  # type: ignore[arg-type]
    return metric.bench_aggregate(rows[0])["f1"], metric.bench_aggregate(rows[1])["f1"]


@dataclass(frozen=True)
class Bench:
    """A bench folder, the score.py that scores it, and score.py's extra arguments."""

    folder: Path
    scorer: Path
    extra: tuple[str, ...] = ()


def score(bench: Bench, kind: str, cmd: str, name: str) -> dict[str, object] | None:
    """Run the bench's score.py on one input shape; its summary, with ``halves`` added."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        argv = [sys.executable, str(bench.scorer), "--input", kind, "--holdout", str(bench.folder / "pages")]
        argv += ["--cmd-dir", cmd, "--name", name, "--quiet", "--n-bootstrap", "200", "--json", str(out), *bench.extra]
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
        if proc.returncode or not out.is_file():
            print(proc.stderr.strip() or proc.stdout.strip(), file=sys.stderr)
            return None
        summary: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    summary["halves"] = _halves(bench.folder, bench.scorer, summary["per_doc"])  # type: ignore[arg-type]
    summary["stdout"] = proc.stdout
    return summary


def _cleaner_cmd(cleaner: str) -> str:
    here = Path(__file__).resolve().parent
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(here / 'baselines.py'))} {cleaner} {{in}} {{out}}"


def run(bench: Bench, kind: str, cmd: str, name: str) -> int:
    """Score one input shape; print the summary lines and the halves. Returns the exit code."""
    summary = score(bench, kind, cmd, name)
    if summary is None:
        return 1
    for line in str(summary["stdout"]).splitlines():
        if _KEEP.match(line):
            print(line)
    a, b = summary["halves"]  # type: ignore[misc]
    print(f"halves by site  F1 {a:.3f} / {b:.3f}")
    return 0


def table(bench: Bench, cmd: str) -> int:
    """Every cleaner on both input shapes, as the rows of README's quality table."""
    print("| input | cleaner | P | R | F1 | F1, halves by site |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind in ("body", "page"):
        for label, command in (
            ("**newsclean**", cmd),
            ("nothing removed", _cleaner_cmd("none")),
            ("jusText on the text", _cleaner_cmd("justext")),
            ("trafilatura on the text", _cleaner_cmd("trafilatura")),
        ):
            summary = score(bench, kind, command, label)
            if summary is None:
                return 1
            m = summary["bench"]
            a, b = summary["halves"]  # type: ignore[misc]
            cells = [f"{m[k]:.3f}".lstrip("0") for k in ("precision", "recall", "f1")]  # type: ignore[index]
            print(f"| {kind} | {label} | {' | '.join(cells)} | {a:.3f} / {b:.3f} |".replace("0.", "."), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path, help="the bench folder (pages/, and usually score.py)")
    ap.add_argument("--score", type=Path, default=None, help="the score.py to use (default: the bench's own)")
    ap.add_argument("--cmd", default=None, help=f"cleaner command with {{in}} and {{out}} (default: {DEFAULT_CMD!r})")
    ap.add_argument("--cleaner", choices=("newsclean", "none", "justext", "trafilatura"), default="newsclean")
    ap.add_argument("--input", choices=("body", "page", "both"), default="both")
    ap.add_argument("--ids", nargs="*", help="only these page ids (prefixes allowed)")
    ap.add_argument("--table", action="store_true", help="every cleaner on both inputs, as a Markdown table")
    args = ap.parse_args(argv)

    bench = args.bench.resolve()
    scorer = (args.score or bench / "score.py").resolve()
    if not scorer.is_file():
        ap.error(f"no score.py in {bench}: name one with --score")
    cmd = args.cmd or _default_cmd()
    bench_run = Bench(bench, scorer, ("--ids", *args.ids) if args.ids else ())
    if args.table:
        return table(bench_run, cmd)
    if args.cleaner != "newsclean":
        cmd = _cleaner_cmd(args.cleaner)
    kinds = ("body", "page") if args.input == "both" else (args.input,)
    status = 0
    for kind in kinds:
        status |= run(bench_run, kind, cmd, f"{args.cleaner} ({kind})")
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
