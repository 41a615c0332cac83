"""A site of hostile republished articles: every payload marks the page if it runs.

Each payload, if a browser ran it, sets ``data-pN`` on the page's ``<html>``
element (``document.documentElement.dataset.pN=1``), so a test that loads
the built pages can see which ran. :func:`write_site` writes the content
folder; built with the plugin, nothing may run; built with the plugin off
(the ``.txt`` articles as Markdown, which Pelican then publishes as they
are), each payload family must run, or the test could not see an attack.
"""

from __future__ import annotations

from pathlib import Path

PROSE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of the "
    "new bridge and the state of the roads in the north of the city."
)


def mark(n: int) -> str:
    """JavaScript that marks the page with payload ``n`` (no quotes, no spaces: fits anywhere)."""
    return f"document.documentElement.dataset.p{n}=1"


# Payloads that run when the page loads, if they ever become markup: (id, family, text).
PAYLOADS: list[tuple[int, str, str]] = [
    (1, "double-quote break-out", f'x"><img src=x onerror={mark(1)}>'),
    (2, "single-quote break-out", f"x'><img src=x onerror={mark(2)}>"),
    (3, "entity-escaped markup", f"&lt;/title&gt;&lt;img src=x onerror={mark(3)}&gt;"),
    (4, "raw </title>", f"</title><img src=x onerror={mark(4)}>"),
    (5, "script element", f"<script>{mark(5)}</script>"),
    (6, "svg onload", f"<svg onload={mark(6)}>"),
    (7, "details ontoggle", f"<details open ontoggle={mark(7)}>x</details>"),
    (8, "mixed-case javascript: URL", f"<iframe src=JaVaScRiPt:parent.{mark(8)}></iframe>"),
    (9, "</textarea> break-out", f"</textarea><img src=x onerror={mark(9)}>"),
    (10, "</script> break-out", f"</script><img src=x onerror={mark(10)}>"),
    (11, "comment break-out", f"--><img src=x onerror={mark(11)}>"),
    (12, "attribute break-out to a script", f'"><script>{mark(12)}</script>'),
    (13, "attribute break-out to autofocus", f'" autofocus onfocus={mark(13)} x="'),
    (14, "iframe srcdoc", f'<iframe srcdoc="&lt;script&gt;parent.{mark(14)}&lt;/script&gt;"></iframe>'),
    (15, "</style> break-out", f"</style><img src=x onerror={mark(15)}>"),
]
FLAKY = {13}
"""Families a browser runs only most of the time (autofocus): not required of the control."""

# Header keys each payload goes into, in its own article.
HEADER_KEYS = [
    "Title",
    "Subtitle",
    "Description",
    "Summary",
    "Author",
    "Authors",
    "Category",
    "Tags",
    "Keywords",
    "Lang",
    "Slug",
    "Custom",
    "Source",
    "Wire",
    "Source_URL",
]


def txt_articles() -> dict[str, str]:
    """Scraped text articles: each payload in a title and a headline of its own, and every
    payload at once in each other header key and in the body."""
    files = {}
    body = "\n".join(f"{PROSE} {payload}" for _n, _family, payload in PAYLOADS)
    for n, _family, payload in PAYLOADS:
        files[f"p{n}-title.txt"] = (
            f"Title: T{n} {payload}\nDate: 2024-05-01\nSource: Gazette\n\n{PROSE}\n{PROSE} And more.\n"
        )
        # a header-less scrape whose headline and first paragraph hold the payload
        files[f"p{n}-headline.txt"] = f"Headline {n} {payload} here\n{payload} {PROSE}\n{PROSE}\n"
    # a scrape opting out of cleaning, and one choosing where it is written and linked, and
    # the plugin's own key names, and a source address that is no web address
    files["opted-out.txt"] = (
        f"Title: Opted out <img src=x onerror={mark(34)}>\nDate: 2024-05-01\nNewsclean: off\n\n{PROSE}\n"
    )
    files["placed.txt"] = (
        "Title: Placed\nDate: 2024-05-01\nSource: Gazette\nSave_as: index.html\nUrl: //evil.example/x\n"
        f"Newsclean_metadata_repairs: abc\nSource_URL: javascript:{mark(35)}\n\n{PROSE}\n{PROSE} Again.\n"
    )
    every = " ".join(payload for _n, _family, payload in PAYLOADS)
    for key in HEADER_KEYS[1:]:
        value = f"{key} {every}"  # slugs and names stay distinct
        source = "" if key == "Source" else "Source: Gazette\n"
        files[f"key-{key.lower()}.txt"] = (
            f"Title: Payloads in {key}\nDate: 2024-05-01\n{source}{key}: {value}\n\n{body}\n"
        )
    return files


def republished() -> dict[str, str]:
    """Republished Markdown, HTML and reST with ``Source``: untrusted markup and Pelican link syntax."""
    body = "\n\n".join(f"<p>{PROSE} {payload}</p>" for _n, _f, payload in PAYLOADS)
    return {
        "republished.md": (
            f"Title: Republished <img src=x onerror={mark(20)}>\nDate: 2024-05-02\nSource: Gazette\n"
            f"Source_URL: https://gazette.example/a\n\n{PROSE}\n\n{body}\n\n"
            f'<a href="{{attach}}../private/secret.env">the file</a> '
            f'<img src="{{static}}../private/secret.env"> <a href="JaVaScRiPt:{mark(21)}">link</a>\n\n'
            f'<meta http-equiv="refresh" content="0;url=javascript:{mark(22)}">\n\n{PROSE}\n'
        ),
        "saved-page.html": (
            "<html><head><title>Saved page title</title>"
            '<meta name="source" content="Gazette"><meta name="date" content="2024-05-03">'
            '<meta name="save_as" content="hijack/owned.html"><meta name="template" content="article">'
            '<meta name="status" content="hidden"><meta name="slug" content="owned">'
            f'<meta name="description" content=\'"><img src=x onerror={mark(23)}>\'>'
            f"<script>{mark(24)}</script></head>"
            f"<body onload={mark(25)}><p>{PROSE}</p>{body}<p>{PROSE}</p>"
            '<img src="https://tracker.example/p.gif" width="1" height="1"></body></html>'
        ),
        "twice.md": (  # keys given twice are lists to Pelican; Pelican's link syntax inside attribute values
            f"Title: Twice <img src=x onerror={mark(27)}>\nTitle: Twice again\n"
            f'Description: "><img src=x onerror={mark(28)}>\nDescription: again\n'
            f"Date: 2024-05-05\nSource: Gazette\nNewsclean_note: <img src=x onerror={mark(29)}>\n\n{PROSE}\n\n"
            f'<p>{PROSE} <a href="https://gazette.example/" title="src=\'{{attach}}../private/secret.env\'">notes</a> '
            f"<a href=\"https://gazette.example/?q=src='{{filename}}q&amp;a.md;&quot;&gt;&lt;img src=x "
            f"onerror={mark(30)}&gt;'\">the transcript</a></p>\n\n{PROSE}\n"
        ),
        "q&a.md": "Title: Our own questions and answers\nDate: 2024-05-06\n\nWhat we are asked most, answered.\n",
        "opted-out-page.html": (  # a saved page cannot opt itself out of being made safe
            '<html><head><title>Opted out page</title><meta name="newsclean" content="off">'
            '<meta name="source" content="Gazette"><meta property="og:site_name" '
            f'content="Gazette &lt;img src=x onerror={mark(31)}&gt;"></head>'
            f"<body><article><h1>Opted out page</h1><p>{PROSE}</p><script>{mark(32)}</script>"
            f"<p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
        ),
        "escaped-field.rst": (  # docutils reads ":sour\\ce:" as "source": so must the plugin
            f"Escaped field\n#############\n\n:date: 2024-05-07\n:sour\\ce: Gazette\n\n{PROSE}\n\n"
            f".. raw:: html\n\n   <img src=x onerror={mark(33)}>\n\n"
            ".. include:: ../private/secret.env\n\n"
            f"{PROSE}\n"
        ),
        "republished.rst": (
            f"Republished reST\n################\n\n:date: 2024-05-04\n:source: Gazette\n\n{PROSE}\n\n"
            f".. raw:: html\n\n   <img src=x onerror={mark(26)}>\n\n"
            ".. include:: ../private/secret.env\n\n"
            f"{PROSE}\n"
        ),
    }


SECRET = "SECRET-TOKEN-never-published"


def write_site(root: Path, plugin: bool) -> Path:
    """Write the content folder (and a private file beside it) under ``root``; return the folder.

    With ``plugin`` off, the scraped text articles are written as Markdown,
    which Pelican publishes as they are: the positive control.
    """
    content = root / "content"
    content.mkdir(parents=True)
    private = root / "private"
    private.mkdir()
    (private / "secret.env").write_text(SECRET + "\n", encoding="utf-8")
    files = {**txt_articles(), **republished()}
    for name, text in files.items():
        if not plugin and name == "placed.txt":
            continue  # Pelican itself would write it over the site's index
        if not plugin and name.endswith(".txt"):
            name = name[:-4] + ".md"
            if not text.startswith("Headline"):
                text = text.replace("Source: Gazette\n", "")
            else:
                first, rest = text.split("\n", 1)
                text = f"Title: {first}\nDate: 2024-05-01\n\n{rest}"
        (content / name).write_text(text, encoding="utf-8")
    return content
