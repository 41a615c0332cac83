"""Cleaning time must grow linearly with input size, even on adversarial input.

    python benchmarks/adversarial.py                   # 10 KB, 100 KB, 1 MB
    python benchmarks/adversarial.py --sizes 10000,100000 --only donate
    python benchmarks/adversarial.py --no-generated    # the hand-written cases only

Two kinds of input, each made at every size:

- hand-written cases through the whole pipeline (``clean_text``): one long
  line of repeated near-matches for each rule class ("subscribe subscribe
  ...", "Photo: Photo: ...", "MOSCOW MOSCOW ... -", "a.B" glue points,
  "(AP Photo/" never closed, "Total Views : 1,1,1...", "©©©", "donate you
  ...", one character repeated) and many short lines;
- near-matches generated from every compiled pattern of the generic rules
  (``rules.generic_rules()``, from ``data/boilerplate.toml``) and of the
  publisher profiles (``profiles.load_profiles()``): for each alternative of
  a pattern, a minimal matching example is built from the parsed regex, then
  repeated with its last character cut (a near-match), glued, or with an
  unmatched tail. These are timed on the bare pattern (``rule.search``) and
  through the pipeline, which guards some rules with ``max_words``.

Each measurement runs in a forked child process with a time limit, so a
catastrophic pattern cannot hang the run. Printed: time per KB at each size
and the growth ratio from one size to the next; linear is about 10x for 10x
the size. A last-step ratio above the threshold (default 20x), or a
time-out, is flagged SUPER-LINEAR once a second measurement confirms it (a busy machine
can slow one size down). For a flagged pipeline case the script then names
the package regexes that are super-linear on the same input and the functions
with the most own time (cProfile).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
import itertools
import multiprocessing as mp
import re
import statistics
import sys
import time

import _common

try:  # the regex parser, to build examples from patterns
    from re import (
        _constants as _sre_c,  # type: ignore[attr-defined]
        _parser as _sre_p,  # type: ignore[attr-defined]
    )
except ImportError:  # Python < 3.11
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
SUPERLINEAR_RATIO = 20.0


@dataclass(frozen=True)
class Case:
    """One adversarial input shape: ``make(size)`` returns about ``size`` bytes of text."""

    name: str
    make: Callable[[int], str]
    target: str = "pipeline"  # "pipeline", "regex" (pattern.search) or "findall"
    pattern: re.Pattern[str] | None = None
    note: str = ""


def _fill(unit: str, size: int, end: str = "") -> str:
    """``unit`` repeated to about ``size`` UTF-8 bytes, then ``end``."""
    k = max(1, (size - len(end.encode())) // max(1, len(unit.encode())))
    return unit * k + end


def _short_lines(size: int) -> str:
    """Many short lines (about 10 bytes each: 100,000 lines at 1 MB), varied."""
    words = (
        "Share",
        "Read more",
        "Print",
        "Tweet",
        "Photo: AP",
        "MOSCOW -",
        "©2024",
        "Subscribe",
        "Total Views : 5",
        "Menu",
        "Donate",
        "Related",
        "12 comments",
        "a.B",
        "Home",
    )
    lines = []
    total = n = 0
    while total < size:
        line = f"{words[n % len(words)]} {n}"
        lines.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(lines)


def _prose_lines(size: int) -> str:
    """A normal article grown by repeating its paragraphs (the linear baseline)."""
    import corpus

    paragraphs = [p for s in corpus.load_seeds() for p in s.paragraphs]
    out, total, n = [], 0, 0
    while total < size:
        p = f"{paragraphs[n % len(paragraphs)]} ({n})"
        out.append(p)
        total += len(p.encode()) + 2
        n += 1
    return "\n\n".join(out)


def hand_cases() -> list[Case]:
    """The hand-written cases, all through ``clean_text``."""
    cases = [
        ("prose-paragraphs", _prose_lines),
        ("short-lines", _short_lines),
        ("subscribe-repeated", lambda s: _fill("subscribe ", s)),
        ("subscribe-glued", lambda s: _fill("subscribe", s)),
        ("photo-colon", lambda s: _fill("Photo: ", s)),
        ("photo-colon-no-space", lambda s: _fill("Photo:", s)),
        ("dateline-moscow", lambda s: _fill("MOSCOW ", s, "-")),
        ("dateline-caps-no-dash", lambda s: _fill("MOSCOW ", s, "x")),
        ("glue-points-a.B", lambda s: _fill("a.B", s)),
        ("glue-points-sentences", lambda s: _fill("It ended.Then ", s)),
        ("ap-photo-unclosed", lambda s: _fill("(AP Photo/", s)),
        ("ap-photo-name-unclosed", lambda s: _fill("(AP Photo/Aziz Karimov ", s)),
        ("credit-slash-afp", lambda s: _fill("Stringer / ", s, "AFPx")),
        ("view-counter-commas", lambda s: "Total Views : " + _fill("1,", s, "x")),
        ("view-counter-digits", lambda s: "Total Views : " + _fill("1", s)),
        ("copyright-signs", lambda s: _fill("©", s)),
        ("copyright-word", lambda s: _fill("copyright ", s)),
        ("donate-you", lambda s: _fill("donate you ", s)),
        ("donate-only", lambda s: _fill("donate ", s)),
        ("donate-comma-one-word", lambda s: _fill("donate,", s)),
        ("your-donate-comma-one-word", lambda s: _fill("your,", s)),
        ("your-support", lambda s: _fill("your support ", s)),
        ("sign-up-newsletter", lambda s: _fill("sign up for our ", s)),
        ("related-stories-tail", lambda s: _fill("top ", s, "stories x")),
        ("wire-credit-dashes", lambda s: _fill(". - ", s, "AP x")),
        ("wire-leading-paren", lambda s: _fill("MOSCOW (", s)),
        ("mojibake-quotes", lambda s: _fill("â€™", s)),
        ("mojibake-mixed-gbk", lambda s: _fill("Â鶹´«Ã½", s)),
        ("cjk-run", lambda s: _fill("新闻网的", s)),
        ("nbsp-zero-width", lambda s: _fill("a\u00a0\u200b", s)),
        ("byline-by", lambda s: _fill("By ", s)),
        ("time-digits", lambda s: _fill("12:3", s)),
        ("sentence-end-quotes", lambda s: "." + _fill('"', s, "x")),
    ]
    for ch in ("a", ".", " .", "!", "-", "'", '"', "…", "/", "(", ":", "1", "A", "é"):
        cases.append(
            (
                f"one-char-{ch.strip() or 'space'}{'-spaced' if ch.startswith(' ') else ''}",
                lambda s, ch=ch: _fill(ch, s),
            )
        )
        cases.append(
            (
                f"one-char-{ch.strip()}{'-spaced' if ch.startswith(' ') else ''}-then-x",
                lambda s, ch=ch: _fill(ch, s, "x"),
            )
        )
    return [Case(name, make) for name, make in cases]


# --- examples built from parsed patterns ---


def _class_example(items) -> str:
    """A character the ``[...]`` class ``items`` matches."""
    c = _sre_c
    negate = any(op is c.NEGATE for op, _ in items)
    if negate:
        banned = set()
        for op, av in items:
            if op is c.LITERAL:
                banned.add(chr(av))
            elif op is c.RANGE:
                banned.update(chr(x) for x in range(av[0], min(av[1], av[0] + 200) + 1))
        return next(ch for ch in "xqz-1 " if ch not in banned)
    for op, av in items:
        if op is c.LITERAL:
            return chr(av)
        if op is c.RANGE:
            return chr(av[0])
        if op is c.CATEGORY:
            return {
                c.CATEGORY_DIGIT: "1",
                c.CATEGORY_SPACE: " ",
                c.CATEGORY_WORD: "a",
                c.CATEGORY_NOT_DIGIT: "a",
                c.CATEGORY_NOT_SPACE: "a",
                c.CATEGORY_NOT_WORD: " ",
            }.get(av, "a")
    return "a"


def _example(parsed) -> str:
    """A short string the parsed (sub)pattern matches, or nearly (assertions are ignored)."""
    c = _sre_c
    out = []
    for op, av in parsed:
        if op is c.LITERAL:
            out.append(chr(av))
        elif op is c.NOT_LITERAL:
            out.append("x" if chr(av) != "x" else "y")
        elif op is c.ANY:
            out.append(" ")
        elif op is c.IN:
            out.append(_class_example(av))
        elif op is c.BRANCH:
            out.append(_example(av[1][0]))
        elif op is c.SUBPATTERN:
            out.append(_example(av[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            lo, hi, sub = av
            n = min(max(lo, 1), hi)
            out.append(_example(sub) * n)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            out.append(_example(av))
        # AT (anchors, \b), ASSERT, ASSERT_NOT, GROUPREF: nothing to add
    return "".join(out)


def _alternatives(parsed) -> Iterator:
    """The top-level alternatives of a parsed pattern, flattened through groups."""
    c = _sre_c
    # The parser factors a prefix shared by all alternatives out ("\\b", "^"):
    # zero-width items are skipped, examples ignore assertions anyway.
    items = [item for item in parsed if item[0] is not c.AT]
    if len(items) == 1 and items[0][0] is c.BRANCH:
        for branch in items[0][1][1]:
            yield from _alternatives(branch)
    elif len(items) == 1 and items[0][0] is c.SUBPATTERN:
        yield from _alternatives(items[0][1][-1])
    else:
        yield parsed


def pattern_examples(pattern: re.Pattern[str]) -> list[str]:
    """One minimal example per top-level alternative of ``pattern``."""
    parsed = _sre_p.parse(pattern.pattern, pattern.flags)
    out = []
    for alt in _alternatives(parsed):
        example = _example(alt).strip()
        if example and example not in out:
            out.append(example)
    return out


def near_matches(example: str) -> list[tuple[str, Callable[[int], str]]]:
    """Repetitions of an example that almost match, as (label, make(size))."""
    cut = example[:-1] or example
    words = example.split()
    head = words[0] if words else example
    return [
        ("cut-repeated", lambda s: _fill(cut + " ", s)),
        ("cut-glued", lambda s: _fill(cut, s)),
        ("head-word-repeated", lambda s: _fill(head + " ", s)),
        ("repeated-then-junk", lambda s: _fill(example + " ", s, "#x")),
    ]


@dataclass(frozen=True)
class RulePattern:
    """A compiled pattern of a rule table: one rule's, or one the table combines."""

    table: str  # the file it comes from
    name: str  # the rule's name, or "TABLE.attribute" for a table-level pattern
    search: re.Pattern[str]
    max_words: int | None = None


def _table_patterns(table_name: str, table) -> list[RulePattern]:
    out = []
    for rule in table:
        search = getattr(rule, "search", None)
        if isinstance(search, re.Pattern):
            out.append(RulePattern(table_name, rule.name, search, getattr(rule, "max_words", None)))
    # Patterns the table object holds itself (a combined prefilter, say): found generically.
    for attr, value in sorted(vars(table).items()) if hasattr(table, "__dict__") else ():
        if isinstance(value, re.Pattern):
            out.append(RulePattern(table_name, f"{table_name}.{attr}", value))
    return out


def rule_tables() -> list[RulePattern]:
    """Every compiled pattern of the generic rules and of every profile."""
    from pelican_newsclean import load_profiles
    from pelican_newsclean.core.classify.phrases import generic_rules

    out = _table_patterns("boilerplate.toml", generic_rules())
    for profile in load_profiles():
        out.extend(_table_patterns(f"profiles/{profile.id}.toml", profile.rules))
    return out


def generated_cases() -> list[Case]:
    """Near-matches generated from every compiled rule pattern, bare and through the pipeline."""
    cases = []
    for rp in rule_tables():
        if rp.max_words is None and rp.name.startswith(rp.table + "."):
            continue  # a table-level pattern: its alternatives are the rules' (it is still in the attribution)
        guard = f"max_words={rp.max_words}" if rp.max_words else "no max_words"
        for i, example in enumerate(pattern_examples(rp.search), 1):
            for label, make in near_matches(example):
                name = f"{rp.name}#{i}:{label}"
                note = f"{rp.table} {rp.name} alternative {i} (example {example!r}), {guard}"
                cases.append(Case(f"regex {name}", make, "regex", rp.search, note))
                cases.append(Case(f"clean {name}", make, "pipeline", None, note))
    return cases


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled regex held at module level in the package, by dotted name."""
    import importlib
    import pkgutil

    import pelican_newsclean

    out = []
    for info in pkgutil.walk_packages(pelican_newsclean.__path__, "pelican_newsclean."):
        try:
            module = importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - a site's template may raise anything: the shipped footer is used instead
            continue
        out.extend(
            (f"{info.name.removeprefix('pelican_newsclean.')}.{name}", value)
            for name, value in sorted(vars(module).items())
            if isinstance(value, re.Pattern)
        )
    return out


def _regex_case(name: str, make: Callable[[int], str], pattern: re.Pattern[str], how: str) -> Case:
    return Case(f"{name} {how}", make, "regex" if how == "search" else "findall", pattern)


def _profile_in_child(case: Case, size: int, top: int, conn) -> None:
    import cProfile
    import pstats

    from pelican_newsclean import clean_text

    text = case.make(size)
    clean_text("warm up\nthe tables")
    prof = cProfile.Profile()
    prof.runcall(clean_text, text)
    stats = pstats.Stats(prof)
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]  # by own time
    conn.send(
        [
            f"{tt:.3f} s own time in {pstats.func_std_string(func)} ({nc} calls)"
            for func, (cc, nc, tt, ct, callers) in rows
        ]
    )
    conn.close()


def profile_top(case: Case, size: int, timeout: float, top: int = 3) -> list[str]:
    """The functions with the most own time while cleaning the case at ``size`` bytes."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_profile_in_child, args=(case, size, top, child))
    proc.start()
    child.close()
    if parent.poll(timeout * 3):
        lines = parent.recv()
        proc.join()
        return lines
    proc.kill()
    proc.join()
    return ["(profile timed out)"]


# --- measurement ---


def _time_in_child(case: Case, size: int, conn) -> None:
    text = case.make(size)
    if case.target == "regex":
        assert case.pattern is not None
        fn = lambda: case.pattern.search(text)
    elif case.target == "findall":
        assert case.pattern is not None
        fn = lambda: case.pattern.findall(text)
    else:
        from pelican_newsclean import clean_text

        clean_text("warm up\nthe tables")
        fn = lambda: clean_text(text)
    times = []
    deadline = time.perf_counter() + 0.3
    while True:
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if len(times) >= 7 or time.perf_counter() > deadline:
            break
    conn.send((len(text.encode("utf-8")), statistics.median(times)))
    conn.close()


def measure(case: Case, size: int, timeout: float) -> tuple[int, float | None]:
    """(bytes, seconds per clean) in a forked child; seconds is None on time-out."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_time_in_child, args=(case, size, child))
    proc.start()
    child.close()
    if parent.poll(timeout):
        try:
            nbytes, seconds = parent.recv()
        except EOFError:
            proc.join()
            raise SystemExit(f"the measuring process failed on {case.name} (its error is printed above)") from None
        proc.join()
        return nbytes, seconds
    proc.kill()
    proc.join()
    return size, None


def run_case(case: Case, sizes: Sequence[int], timeout: float, ratio_limit: float) -> dict:
    results: list[tuple[int, float | None]] = []
    for size in sizes:
        if results and results[-1][1] is None:
            results.append((size, None))  # a smaller size already timed out
            continue
        if len(results) >= 2 and results[-1][1] and results[-2][1]:
            growth = results[-1][1] / results[-2][1]
            if growth > ratio_limit and results[-1][1] * growth > timeout:
                results.append((size, None))  # would only time out
                continue
        results.append(measure(case, size, timeout))
    ratios, bad = _verdict(results, ratio_limit)
    return {"case": case, "results": results, "ratios": ratios, "superlinear": bad}


def _verdict(results, ratio_limit: float) -> tuple[list, bool]:
    ratios = [t1 / t0 if t0 and t1 else None for (_, t0), (_, t1) in itertools.pairwise(results)]
    timed_out = any(t is None for _, t in results)
    # Judge the last step: a quadratic term dominates at large sizes, while a
    # one-off step (a string outgrowing a CPU cache) shows between small ones.
    last = next((r for r in reversed(ratios) if r is not None), None)
    return ratios, timed_out or (last is not None and last > ratio_limit)


def confirm(case: Case, first: dict, sizes: Sequence[int], timeout: float, ratio_limit: float) -> dict:
    """Measure a flagged case again; per size keep the faster time."""
    second = run_case(case, sizes, timeout, ratio_limit)
    results = []
    for (n, a), (_, b) in zip(first["results"], second["results"], strict=False):
        results.append((n, None if a is None and b is None else min(t for t in (a, b) if t is not None)))
    ratios, bad = _verdict(results, ratio_limit)
    return {"case": case, "results": results, "ratios": ratios, "superlinear": bad and second["superlinear"]}


def _fmt_per_kb(nbytes: int, seconds: float | None, timeout: float) -> str:
    if seconds is None:
        return f">{timeout:.0f}s total"
    return f"{seconds / (nbytes / 1000) * 1e6:,.1f} us/KB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_common.parse_ints,
        default=list(DEFAULT_SIZES),
        help="input sizes in bytes (default 10000,100000,1000000)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per measurement (default 30)")
    parser.add_argument(
        "--ratio",
        type=float,
        default=SUPERLINEAR_RATIO,
        help="growth for 10x the size flagged as super-linear (default 20)",
    )
    parser.add_argument("--only", default="", help="only the cases whose name contains this text")
    parser.add_argument("--no-generated", action="store_true", help="skip the cases generated from the rule patterns")
    parser.add_argument("--no-hand", action="store_true", help="skip the hand-written cases")
    parser.add_argument(
        "--no-attribute",
        dest="attribute",
        action="store_false",
        help="do not look for the package regex behind a flagged pipeline case",
    )
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    import pelican_newsclean.core.pipeline  # noqa: F401 - import once here: the forked children share it

    cases = ([] if args.no_hand else hand_cases()) + ([] if args.no_generated else generated_cases())
    cases = [c for c in cases if args.only in c.name]
    print(
        f"{len(cases)} cases at sizes {', '.join(f'{s:,}' for s in sizes)} bytes; time-out {args.timeout:.0f} s; "
        f"growth flagged above {args.ratio:.0f}x per 10x; {_common.machine()}"
    )
    flagged = []
    header = ("case", *(f"{s // 1000:,} KB" for s in sizes), *(f"x{b // a} size" for a, b in itertools.pairwise(sizes)))
    rows = []
    started = time.perf_counter()
    for n, case in enumerate(cases, 1):
        out = run_case(case, sizes, args.timeout, args.ratio)
        if out["superlinear"] and any(t is not None for _, t in out["results"][1:]):
            # Confirm: a busy machine can slow one size down. Keep the faster of two runs.
            out = confirm(case, out, sizes, args.timeout, args.ratio)
        per_kb = [_fmt_per_kb(b, t, args.timeout) for b, t in out["results"]]
        ratios = ["-" if r is None else f"{r:.1f}x" for r in out["ratios"]]
        mark = "  SUPER-LINEAR" if out["superlinear"] else ""
        rows.append((case.name + mark, *per_kb, *ratios))
        if out["superlinear"]:
            flagged.append(out)
        print(
            f"  [{n}/{len(cases)} {time.perf_counter() - started:.0f}s] {case.name}: "
            f"{' | '.join(per_kb)}; growth {', '.join(ratios)}{mark}",
            file=sys.stderr,
            flush=True,
        )
    print(_common.table(rows, header))
    print()
    if not flagged:
        print(f"No super-linear case: every growth ratio is within {args.ratio:.0f}x for each 10x of size.")
        return 0
    print(f"{len(flagged)} SUPER-LINEAR case(s):")
    patterns = []
    if args.attribute:
        patterns = module_patterns() + [(f"{rp.table}:{rp.name}", rp.search) for rp in rule_tables()]
    for out in flagged:
        case = out["case"]
        sample = case.make(60)
        times = ", ".join(f"{b:,} B: {'timeout' if t is None else f'{t:.4f} s'}" for b, t in out["results"])
        print(
            f"- {case.name} ({case.target}){': ' + case.note if case.note else ''}\n"
            f"    input starts {sample[:60]!r}; {times}"
        )
        if case.target == "pipeline" and args.attribute:
            small = [max(100, sizes[0] // 10), sizes[0]]  # small sizes: a quadratic regex shows already
            for culprit in attribute(case, patterns, small, args.timeout, args.ratio):
                print(f"    super-linear on this input: {culprit}")
            size = max((n for n, t in out["results"] if t is not None), default=sizes[0])
            for line in profile_top(case, size, args.timeout):
                print(f"    profile at {size:,} B: {line}")
    return 1


def attribute(case: Case, patterns, sizes: Sequence[int], timeout: float, ratio_limit: float) -> list[str]:
    """The package's regexes (module level and rule tables) super-linear on a flagged pipeline input."""
    found = []
    for name, pattern in patterns:
        for how in ("search", "findall"):
            regex_case = _regex_case(name, case.make, pattern, how)
            out = run_case(regex_case, sizes, timeout, ratio_limit)
            if out["superlinear"]:
                out = confirm(regex_case, out, sizes, timeout, ratio_limit)
            slow = any(t is None or t > 0.005 for _, t in out["results"])  # tiny times are noise
            if out["superlinear"] and slow:
                times = ", ".join(f"{b:,} B: {'timeout' if t is None else f'{t:.4f} s'}" for b, t in out["results"])
                found.append(f"{name}.{how}() {pattern.pattern!r}: {times}")
    return found


if __name__ == "__main__":
    sys.exit(main())
