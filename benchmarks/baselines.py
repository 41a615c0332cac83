#!/usr/bin/env python3
"""Reference cleaners to compare ``newsclean`` with, in a bench's ``--cmd-dir`` shape.

    python benchmarks/baselines.py none IN_DIR OUT_DIR          # nothing removed
    python benchmarks/baselines.py justext IN_DIR OUT_DIR       # jusText, English stop list
    python benchmarks/baselines.py trafilatura IN_DIR OUT_DIR   # trafilatura on the text

Each ``ID.txt`` in IN_DIR (scraped text, one block per line) becomes an
``ID.txt`` in OUT_DIR. jusText and trafilatura read HTML, so every line is
handed to them as one ``<p>`` of a page: what they decide from the text
alone, as ``newsclean`` does. They are not dependencies of the project:
``pip install justext trafilatura`` to run them.
"""

from __future__ import annotations

from collections.abc import Callable
import html
from pathlib import Path
import sys


def _as_page(text: str) -> str:
    """The lines of a scrape as the paragraphs of an HTML page."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>\n{body}</body></html>"


def nothing(text: str) -> str:
    """Every line kept."""
    return text


def justext_clean(text: str) -> str:
    """The paragraphs jusText (default settings, English stop list) does not call boilerplate."""
    import justext

    paragraphs = justext.justext(_as_page(text).encode("utf-8"), justext.get_stoplist("English"))
    return "".join(p.text + "\n" for p in paragraphs if not p.is_boilerplate)


def trafilatura_clean(text: str) -> str:
    """What trafilatura (default settings, no comments) extracts as the main text."""
    import trafilatura

    return (trafilatura.extract(_as_page(text), include_comments=False) or "") + "\n"


CLEANERS: dict[str, Callable[[str], str]] = {
    "none": nothing,
    "justext": justext_clean,
    "trafilatura": trafilatura_clean,
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] not in CLEANERS:
        print(__doc__, file=sys.stderr)
        return 2
    clean = CLEANERS[args[0]]
    src, out = Path(args[1]), Path(args[2])
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.txt")):
        (out / path.name).write_text(clean(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
