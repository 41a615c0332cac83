"""Helpers shared by the benchmark scripts (not a benchmark itself)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import os
from pathlib import Path
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent

# The scripts run as ``python benchmarks/NAME.py``: make the corpus generator
# and the package (even when not installed) importable.
for _path in (str(BENCH), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> str:
    """``min..max`` of the repeats, to show how noisy a figure is."""
    return f"{min(values):.3f}..{max(values):.3f}"


def repeat(fn: Callable[[], object], times: int) -> list[float]:
    """Wall times (s) of ``times`` calls of ``fn``."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def machine() -> str:
    return f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"


def parse_ints(text: str) -> list[int]:
    """``"100,1000,10_000"`` -> ``[100, 1000, 10000]``."""
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


@dataclass(frozen=True)
class Run:
    """One measured child process."""

    wall: float  # seconds
    max_rss_kb: int  # peak resident set size of the child, in KiB
    cpu: float  # user + system seconds of the child and the children it waited for
    returncode: int
    stdout: str
    stderr: str


def run_measured(cmd: Sequence[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run ``cmd`` in a fresh process; its wall time and its own peak memory.

    The peak comes from ``wait4()`` on that one child, so every run is
    measured on its own (``RUSAGE_CHILDREN`` would give the largest child
    so far). Output goes through temporary files, never a full pipe.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            wall,
            int(usage.ru_maxrss),
            usage.ru_utime + usage.ru_stime,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    """A plain text table, columns right-aligned except the first."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        lines.append(
            "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=False)))
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"
