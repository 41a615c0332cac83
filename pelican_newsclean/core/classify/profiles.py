"""Publisher profiles: one TOML file per publisher, loaded once, matched per block.

A profile names the publisher (``name``, ``home``, ``domains``) and lists its
boilerplate as ``[[rules]]`` (see :mod:`.rules`). A rule hit both removes the
block and identifies the publisher. The shipped profiles are
``data/profiles/*.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import functools
from pathlib import Path
import tomllib
from urllib.parse import urlsplit

from pelican_newsclean.data import data_file

from .rules import RuleError, RuleTable, compile_rules


class ProfileError(ValueError):
    """A publisher profile file cannot be used (the message names the file)."""


@dataclass(frozen=True)
class Profile:
    """A publisher and the boilerplate that identifies it."""

    id: str
    name: str
    home: str | None
    domains: tuple[str, ...]
    rules: RuleTable


def parse_profile(source: str, profile_id: str, origin: str) -> Profile:
    """Parse one profile's TOML text; ``origin`` (its path) names it in errors."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{origin}: not valid TOML: {exc}") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{origin}: 'name' (the publisher's name) is missing")
    home = data.get("home")
    if home is not None and not isinstance(home, str):
        raise ProfileError(f"{origin}: 'home' must be a URL string")
    domains = data.get("domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ProfileError(f"{origin}: 'domains' must be a list of strings")
    unknown = set(data) - {"name", "home", "domains", "rules"}
    if unknown:
        raise ProfileError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))}")
    try:
        rules = compile_rules(data.get("rules"), origin, f"use_profiles:{profile_id}", profile_id)
    except RuleError as exc:
        raise ProfileError(str(exc)) from None
    return Profile(profile_id, name.strip(), home, tuple(domains), rules)


def _shipped() -> dict[str, Profile]:
    folder = data_file("profiles")
    return {
        entry.name[:-5]: parse_profile(
            entry.read_text(encoding="utf-8"), entry.name[:-5], f"data/profiles/{entry.name}"
        )
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }


@functools.lru_cache(maxsize=32)
def load_profiles(extra_dirs: tuple[str, ...] = ()) -> tuple[Profile, ...]:
    """The shipped profiles plus those in ``extra_dirs`` (same id replaces).

    Raises :class:`ProfileError` naming the file for a missing folder or a
    broken profile.
    """
    profiles = _shipped()
    for folder in extra_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise ProfileError(f"{path}: profile folder does not exist")
        for file in sorted(path.glob("*.toml")):
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ProfileError(f"{file}: cannot be read: {exc}") from None
            profiles[file.stem] = parse_profile(text, file.stem, str(file))
    return tuple(profiles.values())


def profile_for_domain(profiles: Iterable[Profile], url: str) -> Profile | None:
    """The profile whose domain the URL's host is, or ends with."""
    host = (urlsplit(url).hostname or "").lower()
    for profile in profiles:
        if any(host == d or host.endswith("." + d) for d in profile.domains):
            return profile
    return None
