"""The repair on correct text nobody wrote a case for: what it changes, and how.

    python benchmarks/clean_text.py                      # CLDR names (babel) and /usr/share/locale
    python benchmarks/clean_text.py --catalogs DIR ...   # other gettext catalogs (*.mo, searched below DIR)
    python benchmarks/clean_text.py --examples 20        # more of each kind of change

Two sources of correct text in many languages and scripts, both already on most
machines and neither used to build the language model or the test cases:

- CLDR's localized names (languages, territories, scripts, months, days) of every
  locale, through babel (``pip install babel``; skipped if it is missing);
- the translations in gettext catalogs (``*.mo``): those of the system's programs
  under ``/usr/share/locale`` by default.

Every distinct non-ASCII line is repaired (``repair_line``) and the lines that come
out changed are counted by the kinds of repair reported. On correct text a
``legacy-encoding`` repair is a false positive, always: the text was turned into
other text. ``ftfy`` and ``whitespace`` changes are listed too, to be read: ftfy
also decodes entities, drops control characters and composes decomposed accents,
and the whitespace repair turns no-break spaces into spaces (see the README).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
import gettext
from multiprocessing import Pool
from pathlib import Path

import _common  # noqa: F401 - makes the package importable from a checkout

# isort: split
from pelican_newsclean.core.repair import repair_line

LINE_MAX = 400  # characters: longer catalog entries are help texts, split on their lines anyway


def cldr_names() -> set[str]:
    """CLDR's localized names of every locale, through babel (empty if babel is missing)."""
    try:
        from babel import Locale, localedata
    except ImportError:
        return set()
    names: set[str] = set()
    for identifier in localedata.locale_identifiers():
        try:
            locale = Locale.parse(identifier)
        except (ValueError, LookupError):
            continue
        for table in (locale.languages, locale.territories, locale.scripts):
            names.update(table.values())
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(locale.months[context][width].values())
                names.update(locale.days[context][width].values())
    return {name for name in names if not name.isascii()}


def catalog_lines(path: Path) -> set[str]:
    """The non-ASCII lines of the translations in one gettext catalog."""
    try:
        with path.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)
    except Exception:  # noqa: BLE001 - a catalog gettext cannot read is skipped, whatever the reason
        return set()
    lines: set[str] = set()
    for message in catalog._catalog.values():
        if isinstance(message, str):
            lines.update(line.strip() for line in message.split("\n") if not line.isascii() and len(line) < LINE_MAX)
    lines.discard("")
    return lines


def changes(lines: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The lines ``repair_line`` changes: (before, after, kinds of repair)."""
    out = []
    for line in lines:
        fixed, repairs = repair_line(line)
        if fixed != line:
            out.append((line, fixed, tuple(sorted({r.kind for r in repairs}))))
    return out


def report(name: str, lines: Iterable[str], examples: int, pool: Pool) -> int:
    """Print what the repair changes in ``lines``; return the number of legacy-encoding repairs."""
    ordered = sorted(set(lines))
    if not ordered:
        print(f"{name}: no text (source missing)")
        return 0
    chunks = [ordered[i::16] for i in range(16)]
    changed = [c for part in pool.map(changes, chunks) for c in part]
    kinds = Counter(kind for _, _, found in changed for kind in found)
    print(f"{name}: {len(ordered):,} lines, {len(changed):,} changed", end="")
    print("".join(f", {kind} {n:,}" for kind, n in kinds.most_common()))
    for kind in ("legacy-encoding", "ftfy", "whitespace"):
        shown = [c for c in changed if kind in c[2]][:examples]
        for before, after, _ in shown:
            print(f"  {kind:<15} {before[:70]!r}\n  {'':<15} {after[:70]!r}")
    return kinds["legacy-encoding"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogs", type=Path, nargs="*", default=[Path("/usr/share/locale")])
    parser.add_argument("--examples", type=int, default=3, help="examples of each kind of change (default 3)")
    args = parser.parse_args()
    with Pool() as pool:
        wrong = report("CLDR names", cldr_names(), args.examples, pool)
        for folder in args.catalogs:
            files = sorted(folder.rglob("*.mo")) if folder.is_dir() else []
            lines = set().union(*pool.map(catalog_lines, files, chunksize=20)) if files else set()
            wrong += report(f"catalogs under {folder} ({len(files):,} files)", lines, args.examples, pool)
    print(f"legacy-encoding repairs of correct text: {wrong} (target 0)")


if __name__ == "__main__":
    main()
