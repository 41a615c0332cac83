"""The package's layout holds: a pure core, a Pelican wing, imports pointing one way."""

from __future__ import annotations

import ast
from pathlib import Path
import subprocess
import sys

import pytest

import pelican_newsclean

PACKAGE = Path(pelican_newsclean.__file__).parent


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """What a module imports (absolute names; relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{alias.name}" for alias in node.names)
    return out


WINGS = ("core", "data", "audit", "plugin", "cli")


def wing(name: str) -> str:
    """Which part of the package a module belongs to (``api``: the package's own ``__init__``)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in WINGS else "api"


# What each part may import of the package, and what it may not import at all.
ALLOWED = {
    "core": {"core", "data"},
    "data": set(),
    "audit": {"core", "audit"},  # the audit page: Jinja2 over the core's records
    "plugin": {"core", "data", "plugin", "audit"},
    "cli": {"core", "data", "audit", "api"},  # the version
    "api": {"core", "plugin"},  # register() imports the plugin wing, lazily
}
FORBIDDEN_OUTSIDE = {"core": ("pelican", "jinja2"), "data": ("pelican", "jinja2"), "cli": ("pelican", "jinja2")}


@pytest.mark.parametrize("name", sorted(modules()))
def test_imports_point_one_way(name):
    part = wing(name)
    for target in imports_of(name, modules()[name]):
        top = target.split(".")[0]
        if top == "pelican_newsclean":
            assert wing(target) in ALLOWED[part], f"{name} imports {target}"
        assert top not in FORBIDDEN_OUTSIDE.get(part, ()), f"{name} imports {target}"


def test_nothing_outside_the_wing_imports_the_plugin():
    importers = {
        name
        for name, path in modules().items()
        if wing(name) != "plugin" and any(t.startswith("pelican_newsclean.plugin") for t in imports_of(name, path))
    }
    assert importers == {"pelican_newsclean"}  # register(), lazily


def test_the_core_imports_neither_pelican_nor_jinja2():
    core = [name for name in modules() if wing(name) in ("api", "core", "data", "cli")]
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        "import pelican_newsclean\n"
        "pelican_newsclean.clean_text('Share\\nThe council met on Tuesday to approve the budget.')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pelican', 'jinja2'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_site_of_text_scrapes_never_loads_the_html_parser():
    code = (
        "import sys, pelican_newsclean\n"
        "pelican_newsclean.register()\n"
        "from pelican_newsclean.core.html import clean_html, paragraphs_html\n"
        "clean_html(paragraphs_html(['Share', 'The council met on Tuesday to approve the budget.']))\n"
        "assert 'bs4' not in sys.modules\n"
        "clean_html('<div><p>Share</p><p>The council met on Tuesday.</p></div>')\n"
        "assert 'bs4' in sys.modules  # a body that is not plain lines is parsed\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
