"""The ``newsclean`` command: preview and audit what the cleaner removes.

    newsclean clean article.txt            # the cleaned article
    newsclean clean --json *.txt           # one JSON object per file
    newsclean clean --body-only -          # paragraphs only, from stdin
    newsclean clean -o clean/ scraped/     # a folder in, a folder out
    newsclean diff article.txt             # what would go, and why
    newsclean diff --html *.txt > audit.html  # the same, as one page for a browser
    newsclean repair page.txt              # the text with its mojibake repaired, nothing removed
    newsclean repair --explain - < page.txt   # each repair, and the chain of damage it undid

A file may open with a Pelican metadata header (``Title:``, ``Source:``,
``Source_URL:``... up to the first blank line), as in a site's content folder:
it is read as the article's metadata, not cleaned as text. A folder stands
for the files in it and its subfolders. With ``-o``, each result is Pelican
content: its header (with what the cleaner found) and ``Newsclean: cleaned``,
so the plugin publishes it with its footer and does not clean it again.

Exit status: 0 every file cleaned; 1 a file could not be read or cleaned (or
no file was found); 2 the command was used wrongly; 3 a publisher profile is
broken; 4 ``--output-dir`` would overwrite an input.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator, Sequence
import dataclasses
from dataclasses import dataclass
from itertools import repeat
import json
import os
from pathlib import Path
import re
import sys
from typing import Any, TextIO

from . import __version__
from .core.classify.profiles import ProfileError, load_profiles
from .core.config import Config
from .core.model import CleanResult
from .core.pipeline import clean_scraped, clean_text
from .core.read import UndecodableError, read_scraped
from .core.read.decode import decode_bytes
from .core.read.header import CLEANED_MARK
from .core.repair import explain_line, repair_text

EXIT_OK, EXIT_FILE, EXIT_USAGE, EXIT_PROFILE, EXIT_OUTPUT = 0, 1, 2, 3, 4
"""The exit statuses, one meaning each (see the module docstring)."""

PROGRESS_MIN_FILES = 50
"""A progress bar is shown on a terminal for this many files or more."""

_SWITCHES = tuple(name for name in Config.option_names() if isinstance(getattr(Config(), name), bool))


@dataclass(frozen=True)
class Outcome:
    """One input's result, or the one-line error that stopped it.

    ``notes`` are what the user should know about a result (how the file was
    decoded, that it was empty), printed on stderr.
    """

    path: str
    result: CleanResult | None = None
    error: str | None = None
    notes: tuple[str, ...] = ()
    text: str = ""  # the result as printed
    metadata: tuple[tuple[str, str], ...] = ()  # the file's header


@dataclass(frozen=True)
class Shape:
    """How results are printed: made in the worker that cleaned the file, so
    that only the printed text crosses back to the main process.
    """

    command: str
    json: bool = False
    body_only: bool = False
    color: bool = False
    many: bool = False
    html: bool = False
    pelican: bool = False


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0912 - one case after another, read top to bottom
    """Entry point of the ``newsclean`` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "repair":
        return _repair(args.files or ["-"], explain=args.explain)
    try:
        config = Config(
            extra_phrases=tuple(args.phrase),
            profile_dirs=tuple(args.profile_dir),
            **dict.fromkeys(args.off, False),
        )
        if config.use_profiles:  # report a broken profile once, before any file
            load_profiles(tuple(str(p) for p in config.profile_dirs))
    except ProfileError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return EXIT_PROFILE
    named = list(_expand(args.files))
    inputs = [path for path, _name in named]
    if not inputs:
        print(f"newsclean: no files in {', '.join(args.files)}", file=sys.stderr)
        return EXIT_FILE
    if args.command == "clean" and args.output_dir is not None:
        problem = _output_problem(args.output_dir, named)
        if problem:
            print(f"newsclean: {problem}", file=sys.stderr)
            return EXIT_OUTPUT
    to_files = args.command == "clean" and args.output_dir is not None
    shape = Shape(
        command=args.command,
        json=getattr(args, "json", False),
        body_only=getattr(args, "body_only", False),
        color=args.command == "diff" and _use_color(sys.stdout),
        many=len(inputs) > 1 and not to_files,
        html=getattr(args, "html", False),
        pelican=to_files and not getattr(args, "json", False) and not getattr(args, "body_only", False),
    )
    records: list[dict[str, Any]] = []
    failed = 0
    printed = 0
    names = dict(named)
    progress = _progress(len(inputs), args.quiet)
    for outcome in _run(inputs, config, shape, args.jobs):
        progress.advance()
        if not args.quiet:
            for note in outcome.notes:
                progress.say(f"newsclean: {outcome.path}: {note}")
        if outcome.error is not None:
            progress.say(f"newsclean: {outcome.path}: {outcome.error}")
            failed += 1
        elif shape.html:
            records.append(json.loads(outcome.text))
        elif to_files:
            target = args.output_dir / names[outcome.path]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(outcome.text, encoding="utf-8")
            if args.verbose:
                progress.say(f"newsclean: {outcome.path} -> {target}")
        else:
            sys.stdout.write(
                (
                    "\n"
                    if printed and shape.many and shape.command == "clean" and not shape.json and not shape.body_only
                    else ""
                )
                + outcome.text
            )
            printed += 1
    progress.close()
    if shape.html:
        from .audit import render_audit, report_of

        sys.stdout.write(render_audit(report_of(records), title="What newsclean would remove"))
    if not args.quiet and (len(inputs) > 1 or failed):
        cleaned = len(inputs) - failed
        print(f"newsclean: {len(inputs):,} files: {cleaned:,} cleaned, {failed:,} failed", file=sys.stderr)
    return EXIT_FILE if failed else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description=__doc__.replace("``", ""), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("files", nargs="+", help="article files or folders of them; - reads stdin")
    common.add_argument(
        "--profile-dir",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="a folder of extra publisher profiles (*.toml); repeatable",
    )
    common.add_argument(
        "--phrase",
        action="append",
        default=[],
        metavar="TEXT",
        help="an extra boilerplate phrase to remove; repeatable",
    )
    common.add_argument(
        "--off",
        action="append",
        default=[],
        choices=_SWITCHES,
        metavar="BEHAVIOUR",
        help=f"switch a behaviour off; repeatable; one of: {', '.join(_SWITCHES)}",
    )
    common.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="clean N files at a time in worker processes (default 1)"
    )
    loud = common.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="say nothing on stderr but errors")
    loud.add_argument("-v", "--verbose", action="store_true", help="also say where each result was written")
    clean = sub.add_parser("clean", parents=[common], help="print the cleaned articles")
    shape = clean.add_mutually_exclusive_group()
    shape.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per input: path, title, publisher, wire, paragraphs, captions, removed, repairs",
    )
    shape.add_argument("--body-only", action="store_true", help="only the article paragraphs, one per line")
    clean.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="write each result to DIR/<input name> as Pelican content (its header kept), "
        "instead of stdout; never over an input",
    )
    repair = sub.add_parser(
        "repair", help="print the text of each file (or stdin) with its encoding repaired, and nothing removed"
    )
    repair.add_argument("files", nargs="*", help="text files; none or - reads stdin")
    repair.add_argument(
        "--explain",
        action="store_true",
        help="print each repair instead: file:line: kind: before -> after (the chain of damage undone)",
    )
    diff = sub.add_parser("diff", parents=[common], help="show what would be removed from each file, and why")
    diff.add_argument(
        "--html",
        action="store_true",
        help="print one audit page (HTML) for all the files instead, as the plugin makes for a site",
    )
    return parser


def _repair(paths: Sequence[str], explain: bool) -> int:
    """``newsclean repair``: each file's text repaired line by line (repair_text), or each repair explained."""
    failed = 0
    for path in paths:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            text, _how = decode_bytes(data)
        except (OSError, UndecodableError) as exc:
            print(f"newsclean: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        if not explain:
            sys.stdout.write(repair_text(text)[0])
            continue
        name = "<stdin>" if path == "-" else path
        for number, line in enumerate(text.split("\n"), start=1):
            for kind, before, after, how in explain_line(line):
                print(f"{name}:{number}: {kind}: {before} -> {after}" + (f" ({how})" if how != kind else ""))
    return EXIT_FILE if failed else EXIT_OK


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Each input file and the name its result gets: a folder stands for the files in it and in its
    subfolders (hidden ones left out), named by their path inside it.
    """
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            for found in sorted(folder.rglob("*")):
                inside = found.relative_to(folder)
                if found.is_file() and not any(part.startswith(".") for part in inside.parts):
                    yield str(found), str(inside)
        else:
            yield path, folder.name


def _output_problem(out_dir: Path, inputs: Sequence[tuple[str, str]]) -> str | None:
    """Why the results cannot go to ``out_dir`` (None: they can; the folder is made).

    Never over an input (the same path, a symbolic or hard link to it), and
    never two results to one file.
    """
    if any(path == "-" for path, _name in inputs):
        return "stdin has no file name: --output-dir needs named input files"
    if out_dir.exists() and not out_dir.is_dir():
        return f"{out_dir}: not a folder"
    targets: dict[str, str] = {}
    for path, name in inputs:
        target = out_dir / name
        if target.resolve() == Path(path).resolve() or _same_file(target, path):
            return f"{path}: refusing to overwrite an input file; choose another --output-dir"
        if name in targets:
            return f"{targets[name]} and {path} would both be written to {target}; clean them in separate runs"
        targets[name] = path
    out_dir.mkdir(parents=True, exist_ok=True)
    return None


class _Progress:
    """A progress bar on stderr (rich, which comes with Pelican) when it is a terminal and the work
    is long; messages are printed above it.
    """

    def __init__(self, total: int, shown: bool) -> None:
        self._bar = None
        if shown:
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(
                console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False
            )  # stdout is the results: never redirected into the bar
            self._task = self._bar.add_task("cleaning", total=total)
            self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def say(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _progress(total: int, quiet: bool) -> _Progress:
    return _Progress(total, not quiet and total >= PROGRESS_MIN_FILES and sys.stderr.isatty())


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def _run(inputs: Sequence[str], config: Config, shape: Shape, jobs: int) -> Iterator[Outcome]:
    """Clean and print every input, in order; in ``jobs`` worker processes if more than one."""
    if jobs > 1 and len(inputs) > 1 and "-" not in inputs:
        from concurrent.futures import ProcessPoolExecutor  # a pool only when one is used

        with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up, initargs=(config,)) as pool:
            yield from pool.map(
                _work, inputs, repeat(config), repeat(shape), chunksize=max(1, min(32, len(inputs) // (jobs * 8)))
            )
        return
    for path in inputs:
        yield _work(path, config, shape)


def _warm_up(config: Config) -> None:
    """Load the stop lists and rule tables once per worker, before its first file."""
    clean_text("Warming up the cleaner.\nShare", config)


def _work(path: str, config: Config, shape: Shape) -> Outcome:
    outcome = _clean_one(path, config)
    if outcome.result is None:
        return outcome
    return dataclasses.replace(outcome, result=None, text=_render(outcome, shape))


def _clean_one(path: str, config: Config) -> Outcome:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        return Outcome(path, error=exc.strerror or str(exc))
    try:
        scraped = read_scraped(data)
    except UndecodableError as exc:
        return Outcome(path, error=f"not a text file ({exc}): skipped")
    decoded = scraped.decoded
    assert decoded is not None
    notes = []
    if decoded.note is not None and decoded.encoding != "utf-8-sig":
        notes.append(("warning: " if decoded.lossy else "") + decoded.note)
    if not decoded.text.strip():
        notes.append("warning: empty: nothing to clean")
    try:
        result = clean_scraped(scraped, config)  # the header is metadata; its lines stay counted
    except ProfileError as exc:
        return Outcome(path, error=str(exc))
    return Outcome(path, result, notes=tuple(notes), metadata=tuple(scraped.metadata.items()))


def _pelican_content(header: Sequence[tuple[str, str]], result: CleanResult) -> str:
    """A cleaned file as Pelican content: the header with what the cleaner found, then the text."""
    metadata = dict(header)
    found = {
        "title": result.title,
        "date": result.found_date,
        "author": result.byline,
        "source": result.publisher,
        "source_url": result.source_url,
        "wire": result.wire,
    }
    for key, value in found.items():
        if value and not metadata.get(key):
            metadata[key] = value
    metadata["newsclean"] = CLEANED_MARK
    metadata["newsclean_removed"] = str(len(result.removed))
    lines = [
        f"{key.title() if key != 'source_url' else 'Source_URL'}: {' '.join(str(v).split())}"
        for key, v in metadata.items()
        if v
    ]
    return (
        "\n".join(lines)
        + "\n\n"
        + "".join(f"{p}\n" for p in (*result.paragraphs[:1], *result.captions, *result.paragraphs[1:]))
    )


def _render(outcome: Outcome, shape: Shape) -> str:
    """A result as ``newsclean`` prints it."""
    result = outcome.result
    assert result is not None
    if shape.html:
        from .audit import record_of

        return json.dumps(record_of(outcome.path, result), ensure_ascii=False)
    if shape.command == "diff":
        return _diff(outcome.path, result, shape.color)
    if shape.json:
        return json.dumps({"path": outcome.path, **result.as_dict()}, ensure_ascii=False) + "\n"
    if shape.pelican:
        return _pelican_content(outcome.metadata, result)
    if shape.body_only:
        return "".join(p + "\n" for p in result.paragraphs)
    parts = ([f"==> {outcome.path} <=="] if shape.many else []) + ([result.title, ""] if result.title else [])
    parts.append("\n\n".join(result.paragraphs))
    return "\n".join(parts) + "\n"


_RED, _YELLOW, _DIM, _BOLD, _RESET = "\033[31m", "\033[33m", "\033[2m", "\033[1m", "\033[0m"


def _use_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Scraped text for a terminal: control characters (an ANSI escape, say) shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _diff(path: str, result: CleanResult, color: bool) -> str:
    """What was repaired and removed, and why: red removals, yellow repairs."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines = [paint(_BOLD, f"--- {path}")]
    for repair in result.repairs:
        where = f"{repair.line:>5}" if repair.line is not None else "     "
        lines.append(paint(_YELLOW, f"~{where}  [{repair.kind}] {repair.before!r} -> {repair.after!r}"))
    for removal in result.removed:
        lines.append(
            paint(_RED, f"-{removal.line:>5}  [{removal.reason}] {_printable(removal.text)}")
            + "  "
            + paint(_DIM, f"({removal.rule})")
        )
    lines.append(
        paint(
            _DIM,
            f"{len(result.removed)} removed, {len(result.repairs)} repaired, "
            f"{len(result.paragraphs)} paragraphs kept; title: {result.title!r}; "
            f"publisher: {result.publisher or '-'}; wire: {result.wire or '-'}",
        )
    )
    return "\n".join(lines) + "\n\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
