"""The speed table in one command: medians and paired ratios of every row, one run.

    python benchmarks/run.py                                   # quick: 1,000 articles, builds of 100 and 1,000
    python benchmarks/run.py --bench PATH/TO/BENCH --bench PATH/TO/BENCH2
    python benchmarks/run.py --full                            # builds of 1,000, 10,000 and 100,000 (long)
    python benchmarks/run.py --profile                         # where the library's time goes instead

Rows (each pair measured one after the other inside a repeat, order alternating,
so that machine noise hits both alike; the ratio printed is the median of the
per-repeat ratios):

- ``clean_text``: the library on ``-n`` generated bodies against ``ftfy.fix_text``
  alone and jusText (``throughput.py`` measures the same, with more options);
- first build: ``pelican`` on the scraped ``.txt`` articles with the plugin
  against the same articles as clean ``.html`` without it (``build.py``'s sites,
  no cache);
- rebuild: both sites with Pelican's content cache on (the default reader
  layer), built once, then rebuilt after editing one article; the new entries
  of the clean cache say how many cleanings the rebuild made;
- fixed memory: the peak memory of a one-article build, plugin less baseline;
- ``newsclean clean --body-only - < seed``: wall time of one command;
- cost per added article between consecutive build sizes, and its growth.

Articles: the generated corpus (``corpus.py``), and, with ``--bench FOLDER``,
every other article one of the folder's real pages (``pages/*.body.txt`` as
scraped, its ``*.gold.txt`` as the clean baseline), its lines rotated on each
reuse, so that a large site is not the five seeds over and over.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
import html
import itertools
from pathlib import Path
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import _common
import build as build_bench
import corpus
import throughput

QUICK_SIZES = (100, 1000)
FULL_SIZES = (1000, 10000, 100000)
SEED = _common.ROOT / "tests" / "data" / "seeds" / "000_3e25eb950feb0690.txt"


@dataclass(frozen=True)
class Source:
    """One article of a benchmark site: its name, the scraped text, the clean HTML."""

    name: str
    txt: str
    html: str


def _bench_pages(folders: Sequence[Path]) -> list[tuple[list[str], list[str]]]:
    pages = []
    for folder in folders:
        for body in sorted((folder / "pages").glob("*.body.txt")):
            gold = body.with_name(body.name.replace(".body.txt", ".gold.txt"))
            if gold.exists():
                lines = [line for line in body.read_text(encoding="utf-8").splitlines() if line.strip()]
                kept = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
                if lines and kept:
                    pages.append((lines, kept))
    return pages


def sources(n: int, folders: Sequence[Path]) -> Iterator[Source]:
    """``n`` articles: generated ones, and every other one a real page when ``folders`` hold some."""
    pages = _bench_pages(folders)
    generated = corpus.make_articles(n, seed=1)
    for i in range(n):
        if pages and i % 2:
            j = i // 2
            lines, kept = pages[j % len(pages)]
            turn = (j // len(pages)) % len(lines)
            body = "\n".join(lines[turn:] + lines[:turn])
            title = f"Real page {j}"
            paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in kept)
            yield Source(
                f"page-{i:06d}",
                f"Title: {title}\nDate: 2024-01-01\n\n{body}\n",
                f'<html>\n<head>\n<title>{title}</title>\n<meta name="date" content="2024-01-01">\n'
                f"</head>\n<body>\n{paragraphs}\n</body>\n</html>\n",
            )
        else:
            article = next(generated)
            yield Source(article.slug, corpus.render_txt(article), corpus.render_html(article))


def write_sources(folder: Path, n: int, folders: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    txt, htm = [], []
    for source in sources(n, folders):
        for kind, text, out in (("txt", source.txt, txt), ("html", source.html, htm)):
            path = folder / f"{source.name}.{kind}"
            path.write_text(text, encoding="utf-8", newline="")
            out.append(path)
    return txt, htm


def _site(root: Path, files: Sequence[Path], plugin: bool, theme: Path, cached: bool) -> Path:
    site = build_bench.make_site(root, files, plugin, theme, cached)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text().replace('"generator"', '"reader"'), encoding="utf-8")
    return site


def paired_builds(sites: tuple[Path, Path], n: int, repeats: int) -> tuple[list[float], list[float], list[float]]:
    """Wall times of the plugin and baseline builds, and the ratio of each pair."""
    plugin, base, ratios = [], [], []
    for r in range(repeats):
        order = [(sites[0], True), (sites[1], False)]
        times = {}
        for site, with_plugin in order if r % 2 == 0 else order[::-1]:
            times[with_plugin] = build_bench.build(site, n, with_plugin).wall
        plugin.append(times[True])
        base.append(times[False])
        ratios.append(times[True] / times[False])
    return plugin, base, ratios


def _entries(site: Path) -> int:
    path = site / "cache" / "newsclean" / "clean-cache.sqlite"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


def _edit(site: Path, names: Sequence[str], r: int, kind: str) -> None:
    path = site / "content" / f"{names[r % len(names)]}.{kind}"
    text = path.read_text(encoding="utf-8")
    edited = (
        text.rstrip("\n") + f" Edited {r}.\n"
        if kind == "txt"
        else text.replace("</body>", f"<p>Edited {r}.</p></body>")
    )
    path.unlink()  # the site's file is a hard link to the shared source: write a new file
    path.write_text(edited, encoding="utf-8", newline="")


def rebuilds(tmp: Path, txt: Sequence[Path], htm: Sequence[Path], theme: Path, repeats: int) -> dict:
    sites = (_site(tmp / "re-plugin", txt, True, theme, True), _site(tmp / "re-base", htm, False, theme, True))
    n = len(txt)
    build_bench.build(sites[0], n, True)
    build_bench.build(sites[1], n, False)
    names = [p.stem for p in txt]
    plugin, base, ratios, new = [], [], [], []
    for r in range(repeats):
        before = _entries(sites[0])
        _edit(sites[0], names, r, "txt")
        _edit(sites[1], names, r, "html")
        order = [(sites[0], True), (sites[1], False)]
        times = {}
        for site, with_plugin in order if r % 2 == 0 else order[::-1]:
            times[with_plugin] = build_bench.build(site, n, with_plugin).wall
        new.append(_entries(sites[0]) - before)
        plugin.append(times[True])
        base.append(times[False])
        ratios.append(times[True] / times[False])
    return {"plugin": plugin, "base": base, "ratios": ratios, "new": new}


def cli_runs(repeats: int) -> list[float]:
    cmd = [sys.executable, "-m", "pelican_newsclean.cli", "clean", "--body-only", "-"]
    out = []
    for _ in range(repeats + 1):
        with SEED.open("rb") as stdin:
            start = time.perf_counter()
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True, env=build_bench._env())
            out.append(time.perf_counter() - start)
    return out[1:]  # the first run may build the stop-word index


def fixed_cost(tmp: Path, folders: Sequence[Path], repeats: int) -> tuple[float, tuple[float, float]]:
    """Peak memory of a one-article build, plugin less baseline (MiB), and both wall times.

    Measured before anything else: a child's peak memory counts its parent's
    until it starts Pelican, so the parent must still be small.
    """
    theme = build_bench.make_theme(tmp / "theme")
    txt, htm = write_sources(tmp / "src-1", 1, folders)
    one = (_site(tmp / "one-plugin", txt, True, theme, False), _site(tmp / "one-base", htm, False, theme, False))
    runs = [(build_bench.build(one[0], 1, True), build_bench.build(one[1], 1, False)) for _ in range(repeats)]
    mib = statistics.median((p.max_rss_kb - b.max_rss_kb) / 1024 for p, b in runs)
    return mib, (statistics.median(p.wall for p, _ in runs), statistics.median(b.wall for _, b in runs))


def library(n: int, repeats: int) -> dict[str, list[float]]:
    texts = corpus.bodies(n, seed=1)
    return throughput.measure(texts, repeats, with_justext=True)


def _paired_ratio(slow: Sequence[float], fast: Sequence[float]) -> float:
    return statistics.median(s / f for s, f in zip(slow, fast, strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="articles for clean_text (default 1,000)")
    parser.add_argument("--sizes", type=_common.parse_ints, default=None, help="build sizes (default 100,1000)")
    parser.add_argument("--full", action="store_true", help="builds of 1,000, 10,000 and 100,000 articles")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of each pair (default 3)")
    parser.add_argument("--bench", type=Path, action="append", default=[], help="a folder of real pages (repeat)")
    parser.add_argument("--rebuild-size", type=int, default=None, help="articles of the rebuild sites")
    parser.add_argument("--no-builds", action="store_true", help="the library and the command only")
    parser.add_argument("--profile", action="store_true", help="print the library's top functions and stop")
    args = parser.parse_args(argv)
    if args.profile:
        print(throughput.profile(corpus.bodies(args.n, seed=1), 30))
        return 0
    sizes = args.sizes or (FULL_SIZES if args.full else QUICK_SIZES)
    print(_common.machine())
    with tempfile.TemporaryDirectory(prefix="newsclean-run-") as tmp_name:
        fixed_mib, fixed_s = fixed_cost(Path(tmp_name), args.bench, args.repeat)
    lib = library(args.n, args.repeat)
    pipe = lib["pipeline"]
    vs_ftfy = _paired_ratio(lib["ftfy.fix_text"], pipe)
    vs_justext = _paired_ratio(lib["jusText"], pipe)
    rows = [
        (
            f"clean_text, default ({args.n:,} articles)",
            (
                f"{statistics.median(pipe) / args.n * 1000:.2f} ms/article, {vs_ftfy:.2f}x ftfy.fix_text, "
                f"{vs_justext:.2f}x jusText"
            ),
            ">= 1.5x ftfy, >= 3x jusText",
        )
    ]
    clis = cli_runs(max(args.repeat, 5))
    cli_row = ("newsclean clean --body-only - < seed", f"{statistics.median(clis):.2f} s", "<= 0.15 s")
    if args.no_builds:
        rows.append(cli_row)
        print(_common.table(rows, ("what", "measured", "target")))
        return 0
    with tempfile.TemporaryDirectory(prefix="newsclean-run-") as tmp_name:
        tmp = Path(tmp_name)
        theme = build_bench.make_theme(tmp / "theme")
        medians: dict[int, tuple[float, float]] = {1: fixed_s}
        for size in sizes:
            txt, htm = write_sources(tmp / f"src-{size}", size, args.bench)
            sites = (
                _site(tmp / f"plugin-{size}", txt, True, theme, False),
                _site(tmp / f"base-{size}", htm, False, theme, False),
            )
            repeats = 1 if size >= 100_000 else args.repeat
            plugin, base, ratios = paired_builds(sites, size, repeats)
            medians[size] = (statistics.median(plugin), statistics.median(base))
            rows.append(
                (
                    f"first build, {size:,} .txt vs clean .html",
                    (
                        f"{statistics.median(ratios):.2f}x ({medians[size][0]:.2f} s vs {medians[size][1]:.2f} s; "
                        f"plugin +{(medians[size][0] - medians[size][1]) / size * 1000:.2f} ms/article)"
                    ),
                    "<= 1.5x",
                )
            )
            for kind in ("plugin", "base"):
                shutil.rmtree(tmp / f"{kind}-{size}", ignore_errors=True)
        rebuild_size = args.rebuild_size or min(max(s for s in sizes if s < 100_000), 10_000)
        txt, htm = write_sources(tmp / f"src-{rebuild_size}", rebuild_size, args.bench)
        re = rebuilds(tmp, txt, htm, theme, args.repeat)
        rows.append(
            (
                f"rebuild after editing one article, {rebuild_size:,}, reader cache layer",
                (
                    f"{statistics.median(re['ratios']):.2f}x ({statistics.median(re['plugin']):.2f} s vs "
                    f"{statistics.median(re['base']):.2f} s); new clean-cache entries per rebuild: {re['new']}"
                ),
                "<= 1.05x, re-cleans only what changed",
            )
        )
        rows.append(("fixed memory of a build (1 article)", f"+{fixed_mib:.0f} MiB", "<= +25 MiB"))
        rows.append(cli_row)
        points = sorted(medians)
        steps = [
            (a, b, (medians[b][0] - medians[a][0]) / (b - a) * 1000) for a, b in itertools.pairwise(points) if b > a
        ]
        text = ", ".join(f"{a:,}->{b:,}: {ms:.2f} ms" for a, b, ms in steps)
        growth = ", ".join(f"{y[2] / x[2]:.2f}x" for x, y in itertools.pairwise(steps) if x[2] > 0)
        rows.append(("cost per added article (plugin build)", f"{text}; growth {growth or '-'}", "flat within 1.1x"))
    print(_common.table(rows, ("what", "measured", "target")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
