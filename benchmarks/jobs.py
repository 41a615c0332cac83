"""``newsclean clean --jobs N`` over many files, against ``--jobs 1``.

    python benchmarks/jobs.py                       # 2,000 articles, --jobs 1 and 2, 3 repeats
    python benchmarks/jobs.py -n 4000 --jobs 1,2,4 --repeat 5

Generates the articles (``benchmarks/corpus.py``) into a temporary folder and
runs ``python -m pelican_newsclean.cli clean -o OUT --jobs N FOLDER`` in a fresh
process for each measurement, alternating the job counts inside each repeat.
Prints median wall times, the speed-up over ``--jobs 1``, and the same with
the start-up cost (one file, ``--jobs 1``) taken off both sides.

Target: ``--jobs 2`` at least 1.7x as fast as ``--jobs 1`` on 2 cores.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import os
from pathlib import Path
import shutil
import sys
import tempfile

import _common
from _common import median, spread

TARGET_SPEEDUP_2 = 1.7


def _command(folder: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "pelican_newsclean.cli", "clean", "-o", str(out), "--jobs", str(jobs), str(folder)]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_common.ROOT), env.get("PYTHONPATH", "")]))
    return env


def _run(folder: Path, out: Path, jobs: int, expected: int) -> _common.Run:
    shutil.rmtree(out, ignore_errors=True)
    run = _common.run_measured(_command(folder, out, jobs), env=_env())
    if run.returncode != 0:
        raise SystemExit(f"newsclean failed (exit {run.returncode}) with --jobs {jobs}:\n{run.stderr[-2000:]}")
    written = sum(1 for _ in out.iterdir())
    if written != expected:
        raise SystemExit(f"--jobs {jobs} wrote {written} files, expected {expected}")
    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed number (default 1)")
    parser.add_argument("--jobs", type=_common.parse_ints, default=[1, 2], help="job counts (default 1,2)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats; medians are reported (default 3)")
    parser.add_argument("--keep", type=Path, help="generate the corpus into this folder and keep it")
    args = parser.parse_args(argv)
    jobs = sorted(set(args.jobs) | {1})

    import corpus

    work = Path(tempfile.mkdtemp(prefix="newsclean-jobs-"))
    try:
        folder = args.keep or work / "in"
        paths = corpus.write_corpus(folder, args.n, args.seed)
        one = work / "one"
        one.mkdir()
        shutil.copy(paths[0], one)
        size = sum(p.stat().st_size for p in paths)
        print(
            f"{len(paths)} articles ({size / 1e6:.1f} MB), seed {args.seed}; jobs {jobs}; "
            f"median of {args.repeat}; {_common.machine()}"
        )

        startup = median([_run(one, work / "out", 1, 1).wall for _ in range(args.repeat)])
        times: dict[int, list[float]] = {j: [] for j in jobs}
        cpu: dict[int, list[float]] = {j: [] for j in jobs}
        for r in range(args.repeat):
            order = jobs if r % 2 == 0 else list(reversed(jobs))
            for j in order:
                run = _run(folder, work / "out", j, len(paths))
                times[j].append(run.wall)
                cpu[j].append(run.cpu)
            print(
                f"  repeat {r + 1}/{args.repeat}: " + ", ".join(f"--jobs {j} {times[j][-1]:.2f} s" for j in jobs),
                file=sys.stderr,
                flush=True,
            )

        base = median(times[1])
        rows = []
        for j in jobs:
            m = median(times[j])
            net = (base - startup) / max(m - startup, 1e-9)
            rows.append(
                (
                    f"--jobs {j}",
                    f"{m:.2f}",
                    spread(times[j]),
                    f"{median(cpu[j]):.2f}",
                    f"{median(cpu[j]) / m:.2f}",
                    f"{len(paths) / m:,.0f}",
                    f"{base / m:.2f}x",
                    f"{net:.2f}x",
                )
            )
        print(
            _common.table(
                rows,
                ("", "median s", "min..max s", "CPU s", "CPU/wall", "files/s", "speed-up", "speed-up less start-up"),
            )
        )
        print(
            "CPU s: user + system time of the command and its workers; CPU/wall near the job count "
            "means the cores were kept busy (a lower figure under --jobs 2: waiting, or another load)"
        )
        print(f"start-up (one file, --jobs 1): {startup:.2f} s")
        if 2 in times:
            speedup = base / median(times[2])
            print(
                f"--jobs 2 vs --jobs 1: {speedup:.2f}x (target >= {TARGET_SPEEDUP_2}x: "
                f"{_common.verdict(speedup >= TARGET_SPEEDUP_2)}); {os.cpu_count()} CPUs"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
