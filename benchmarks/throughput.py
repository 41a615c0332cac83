"""Library throughput: the cleaning pipeline against ftfy alone and jusText.

    python benchmarks/throughput.py                 # 5,000 articles, 5 repeats
    python benchmarks/throughput.py -n 1000 --repeat 3
    python benchmarks/throughput.py --profile       # top cProfile entries of the pipeline
    python benchmarks/throughput.py --breakdown     # the pipeline with each stage switched off

All three run in the same process on the same generated article bodies
(``benchmarks/corpus.py``), one after the other inside each repeat, so that
machine noise hits them alike; the figures are medians over the repeats.

- pipeline: ``pelican_newsclean.clean_text(text)`` with the default Config;
- ftfy: ``ftfy.fix_text(text)`` alone (default settings);
- jusText: ``justext.justext(html, English stoplist)`` on the text wrapped
  as one ``<p>`` per line (the wrapping is done before timing).

Target: the pipeline at least 1.5x faster than ftfy alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
import cProfile
import html
import io
import pstats
import sys

import _common
from _common import median, spread

TARGET_VS_FTFY = 1.5


def _wrap_for_justext(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{paragraphs}</body></html>"


def _contenders(texts: Sequence[str], with_justext: bool) -> dict[str, Callable[[], object]]:
    import ftfy

    from pelican_newsclean import clean_text

    def pipeline() -> None:
        for text in texts:
            clean_text(text)

    def ftfy_alone() -> None:
        for text in texts:
            ftfy.fix_text(text)

    out = {"pipeline": pipeline, "ftfy.fix_text": ftfy_alone}
    if with_justext:
        import justext

        stoplist = justext.get_stoplist("English")
        pages = [_wrap_for_justext(t) for t in texts]

        def justext_run() -> None:
            for page in pages:
                justext.justext(page, stoplist)

        out["jusText"] = justext_run
    return out


def measure(texts: Sequence[str], repeats: int, with_justext: bool = True) -> dict[str, list[float]]:
    """Wall times (s) of each contender over all ``texts``, ``repeats`` times, interleaved."""
    contenders = _contenders(texts, with_justext)
    # Warm up: load the rule tables, profiles, stop lists once (not measured).
    for fn in _contenders(texts[:5], with_justext).values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(repeats):
        # Rotate the order so no contender always runs first (caches, frequency scaling).
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name] += _common.repeat(contenders[name], 1)
        print(
            f"  repeat {r + 1}/{repeats}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names),
            file=sys.stderr,
            flush=True,
        )
    return times


def breakdown(texts: Sequence[str], repeats: int) -> list[tuple[str, float]]:
    """Median pipeline time with each stage switched off in turn."""
    from pelican_newsclean import Config, clean_text

    variants = [("default", Config())] + [
        (f"{name}=False", Config().with_options(**{name: False}))
        for name in (
            "repair_encoding",
            "remove_boilerplate",
            "use_profiles",
            "statistical",
            "drop_related",
            "cut_glued_nags",
            "drop_other_script",
        )
    ]
    out = []
    for label, config in variants:

        def run(config=config) -> None:
            for text in texts:
                clean_text(text, config)

        run()  # warm-up
        out.append((label, median(_common.repeat(run, repeats))))
    return out


def profile(texts: Sequence[str], top: int) -> str:
    from pelican_newsclean import clean_text

    clean_text(texts[0])  # load tables outside the profile
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        clean_text(text)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    buf.write(f"Top {top} by own time (tottime):\n")
    stats.sort_stats("tottime").print_stats(top)
    buf.write(f"Top {top} by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5000, help="articles (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed number (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="repeats; medians are reported (default 5)")
    parser.add_argument("--no-justext", action="store_true", help="leave jusText out (it is the slowest)")
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries of the pipeline")
    parser.add_argument("--top", type=int, default=25, help="entries shown by --profile (default 25)")
    parser.add_argument("--breakdown", action="store_true", help="also time the pipeline with each stage switched off")
    args = parser.parse_args(argv)

    import corpus

    texts = corpus.bodies(args.n, args.seed)
    size = sum(len(t.encode("utf-8")) for t in texts)
    non_ascii = sum(not t.isascii() for t in texts)
    print(
        f"{len(texts)} articles, {size / 1e6:.2f} MB ({size / len(texts) / 1e3:.1f} KB each, "
        f"{non_ascii / len(texts):.0%} with non-ASCII text); seed {args.seed}; "
        f"median of {args.repeat}; {_common.machine()}"
    )

    if args.profile:
        print(profile(texts, args.top))

    times = measure(texts, args.repeat, with_justext=not args.no_justext)
    rows = []
    for name, values in times.items():
        m = median(values)
        rows.append(
            (
                name,
                f"{m:.3f}",
                spread(values),
                f"{len(texts) / m:,.0f}",
                f"{size / m / 1e6:.2f}",
                f"{m / len(texts) * 1e3:.3f}",
            )
        )
    print(_common.table(rows, ("", "median s", "min..max s", "articles/s", "MB/s", "ms/article")))

    pipe = median(times["pipeline"])
    ratio = median(times["ftfy.fix_text"]) / pipe
    print(
        f"pipeline vs ftfy.fix_text alone: {ratio:.2f}x as fast "
        f"(target >= {TARGET_VS_FTFY}x: {_common.verdict(ratio >= TARGET_VS_FTFY)})"
    )
    if "jusText" in times:
        print(f"pipeline vs jusText: {median(times['jusText']) / pipe:.2f}x as fast")

    if args.breakdown:
        rows = [(label, f"{t:.3f}", f"{len(texts) / t:,.0f}") for label, t in breakdown(texts, args.repeat)]
        print("Pipeline with one stage off (median s):")
        print(_common.table(rows, ("config", "median s", "articles/s")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
