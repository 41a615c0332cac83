#!/usr/bin/env python3
"""Measure how well ``newsclean`` separates article text from boilerplate.

    python benchmarks/quality.py PATH/TO/BENCH [--cmd 'newsclean clean --body-only --output-dir {out} {in}']

BENCH is a folder holding ``score.py`` and ``pages/`` (real news pages with
gold article text, one ``ID.body.txt`` and ``ID.page.txt`` input each). The
script runs the bench's ``score.py`` twice, on the article-container text
(``--input body``) and on all visible text of the page (``--input page``),
cleaning every input with one ``newsclean`` call (``--cmd-dir``), and prints
the benchmark's precision, recall and F1 with the line-level view.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import re
import shutil
import subprocess
import sys

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


def run(bench: Path, kind: str, cmd: str, extra: list[str]) -> int:
    """Score one input shape; print the summary lines. Returns the exit code."""
    argv = [
        sys.executable,
        str(bench / "score.py"),
        "--input",
        kind,
        "--cmd-dir",
        cmd,
        "--name",
        f"newsclean ({kind})",
        "--quiet",
        *extra,
    ]
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        if _KEEP.match(line):
            print(line)
    if proc.returncode:
        print(proc.stderr.strip(), file=sys.stderr)
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path, help="the bench folder (score.py and pages/)")
    ap.add_argument("--cmd", default=None, help=f"cleaner command with {{in}} and {{out}} (default: {DEFAULT_CMD!r})")
    ap.add_argument("--input", choices=("body", "page", "both"), default="both")
    ap.add_argument("--ids", nargs="*", help="only these page ids (prefixes allowed)")
    args = ap.parse_args(argv)

    bench = args.bench.resolve()
    if not (bench / "score.py").is_file():
        ap.error(f"no score.py in {bench}")
    cmd = args.cmd or _default_cmd()
    extra = ["--ids", *args.ids] if args.ids else []
    kinds = ("body", "page") if args.input == "both" else (args.input,)
    status = 0
    for kind in kinds:
        status |= run(bench, kind, cmd, extra)
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
