"""What a real browser runs: built pages loaded in headless Chromium, marks read back.

All pages are loaded at once, each in a frame of one host page, by one
``chromium --headless --dump-dom`` run (file pages are one origin with
``--allow-file-access-from-files``). When the frames have loaded, the host
page reads the ``data-*`` marks that payloads set on each frame's ``<html>``
element and writes them on its own, where the dumped DOM shows them.
Chromium comes from Debian's ``chromium`` package.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
import re
import shutil
import subprocess
import tempfile
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--disable-sync",
    "--mute-audio",
    "--allow-file-access-from-files",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: a remote resource fails at once
)

_FOUND = re.compile(r'<html[^>]*\sdata-found="([^"]*)"')


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM``, else ``chromium`` or ``chromium-browser`` on the PATH."""
    named = os.environ.get("CHROMIUM")
    if named and os.access(named, os.X_OK):
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


MARKS = "Object.keys(doc.documentElement.dataset)"
"""What :func:`marks` asks of each page: the ``data-*`` keys a payload set on its ``<html>``."""


def _host_page(pages: list[Path], expression: str) -> str:
    frames = "\n".join(f'<iframe src="{page.resolve().as_uri()}"></iframe>' for page in pages)
    return f"""<!doctype html><html><body>{frames}
<script>
function collect() {{
  var found = [];
  for (var i = 0; i < window.frames.length; i++) {{
    try {{
      var doc = window.frames[i].document, view = window.frames[i];
      found.push({expression});
    }} catch (error) {{ found.push({{"error": String(error)}}); }}
  }}
  document.documentElement.setAttribute("data-found", JSON.stringify(found));
}}
window.addEventListener("load", function () {{ setTimeout(collect, 1000); }});
</script></body></html>"""


def inspect(pages: list[Path], chromium: str, expression: str, timeout: float = 300) -> dict[Path, Any]:
    """What a JavaScript ``expression`` gives on each page once a browser has loaded it.

    The expression sees ``doc`` (the page's document) and ``view`` (its window).
    """
    with tempfile.TemporaryDirectory(prefix="newsclean-browser-") as folder:
        host = Path(folder) / "host.html"
        host.write_text(_host_page(pages, expression), encoding="utf-8")
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={folder}/profile",
            "--virtual-time-budget=30000",
            "--dump-dom",
            host.as_uri(),
        ]
        env = {**os.environ, "HOME": folder, "DBUS_SESSION_BUS_ADDRESS": "disabled:"}
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
            cwd=folder,
            check=False,
        )
    found = _FOUND.search(done.stdout)
    if found is None:
        raise RuntimeError(f"chromium printed nothing found (exit {done.returncode}): {done.stderr[-2000:]}")
    return dict(zip(pages, json.loads(html.unescape(found[1])), strict=False))


def marks(pages: list[Path], chromium: str, timeout: float = 300) -> dict[Path, set[str]]:
    """The marks (``data-*`` keys on ``<html>``) each page has once a browser has run it."""
    return {
        page: set(found) if isinstance(found, list) else {"unreadable"}
        for page, found in inspect(pages, chromium, MARKS, timeout).items()
    }
