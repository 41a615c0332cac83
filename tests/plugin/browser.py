"""What a real browser runs: built pages loaded in headless Chromium, marks read back.

All pages are loaded at once, each in a frame of one host page, by one
``chromium --headless --dump-dom`` run (file pages are one origin with
``--allow-file-access-from-files``). When the frames have loaded, the host
page reads the ``data-*`` marks that payloads set on each frame's ``<html>``
element and writes them on its own, where the dumped DOM shows them.
Chromium comes from Debian's ``chromium`` package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-extensions",
    "--disable-sync", "--mute-audio", "--allow-file-access-from-files",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: a remote resource fails at once
)

_FOUND = re.compile(r'<html[^>]*\sdata-found="([^"]*)"')


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM``, else ``chromium`` or ``chromium-browser`` on the PATH."""
    named = os.environ.get("CHROMIUM")
    if named and os.access(named, os.X_OK):
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _host_page(pages: list[Path]) -> str:
    frames = "\n".join(f'<iframe src="{page.resolve().as_uri()}"></iframe>' for page in pages)
    return f"""<!doctype html><html><body>{frames}
<script>
function collect() {{
  var found = [];
  for (var i = 0; i < window.frames.length; i++) {{
    try {{
      var marks = window.frames[i].document.documentElement.dataset;
      for (var key in marks) found.push(i + ":" + key);
    }} catch (error) {{ found.push(i + ":unreadable"); }}
  }}
  document.documentElement.setAttribute("data-found", found.join(","));
}}
window.addEventListener("load", function () {{ setTimeout(collect, 1000); }});
</script></body></html>"""


def marks(pages: list[Path], chromium: str, timeout: float = 300) -> dict[Path, set[str]]:
    """The marks (``data-*`` keys on ``<html>``) each page has once a browser has run it."""
    with tempfile.TemporaryDirectory(prefix="newsclean-browser-") as folder:
        host = Path(folder) / "host.html"
        host.write_text(_host_page(pages), encoding="utf-8")
        command = [chromium, *FLAGS, f"--user-data-dir={folder}/profile", "--virtual-time-budget=30000",
                   "--dump-dom", host.as_uri()]
        env = {**os.environ, "HOME": folder, "DBUS_SESSION_BUS_ADDRESS": "disabled:"}
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL, cwd=folder)
    found = _FOUND.search(done.stdout)
    if found is None:
        raise RuntimeError(f"chromium printed no marks (exit {done.returncode}): {done.stderr[-2000:]}")
    by_page: dict[Path, set[str]] = {page: set() for page in pages}
    for entry in filter(None, found[1].split(",")):
        index, key = entry.split(":", 1)
        by_page[pages[int(index)]].add(key)
    return by_page
