"""The data the cleaner ships with: rule tables, wire services, publisher profiles.

Plain files, read with :mod:`importlib.resources` so they work from a wheel:

- ``boilerplate.toml``: the generic phrase rules (site furniture, calls to action);
- ``wires.toml``: wire services and photo agencies, as they are credited;
- ``profiles/*.toml``: one file per publisher.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable
import tomllib
from typing import Any


def data_file(name: str) -> Traversable:
    """A shipped data file (or folder) by its name under ``data/``."""
    return resources.files(__package__) / name


@functools.lru_cache(maxsize=8)
def load_toml(name: str) -> dict[str, Any]:
    """A shipped TOML file, parsed (once)."""
    return tomllib.loads(data_file(name).read_text(encoding="utf-8"))
