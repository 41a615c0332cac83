"""Mapping the cleaner over a corpus in worker processes gives the serial results.

The README shows the Dask bag form; multiprocessing is the dependency-free
form of the same map. ``CleanResult`` is a frozen dataclass: it pickles, so it
crosses process boundaries unchanged.
"""

from __future__ import annotations

import multiprocessing
import pickle

from conftest import (
    ROOT,
    load_benchmark_corpus,
)
import pytest

from pelican_newsclean import Config, clean_text


@pytest.fixture(scope="module")
def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))]
    return seeds + load_benchmark_corpus().bodies(35, seed=11)


@pytest.fixture(scope="module")
def serial(texts):
    return [clean_text(t) for t in texts]


def _same(a, b) -> bool:
    # ``decisions`` is left out of equality on purpose; compare it too.
    return a == b and a.decisions == b.decisions


def test_a_result_survives_pickling(serial):
    for result in serial:
        assert _same(pickle.loads(pickle.dumps(result)), result)


def test_multiprocessing_pool_map_equals_serial(texts, serial):
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(clean_text, texts, chunksize=4)
    assert len(results) == len(serial)
    assert all(_same(r, s) for r, s in zip(results, serial, strict=False))


def test_a_config_travels_to_the_workers(texts):
    from functools import partial

    config = Config(statistical=False, extra_phrases=("Share",))
    expected = [clean_text(t, config) for t in texts[:10]]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(partial(clean_text, config=config), texts[:10])
    assert all(_same(r, s) for r, s in zip(results, expected, strict=False))


def test_dask_bag_map_equals_serial(texts, serial):
    db = pytest.importorskip("dask.bag")
    results = db.from_sequence(texts, npartitions=4).map(clean_text).compute(scheduler="processes")
    assert len(results) == len(serial)
    assert all(_same(r, s) for r, s in zip(results, serial, strict=False))
