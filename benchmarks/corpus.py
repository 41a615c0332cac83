"""Generate a corpus of scraped news articles from the seeds, for benchmarks.

    python benchmarks/corpus.py OUT_DIR -n 1000 --seed 1
    python benchmarks/corpus.py OUT_DIR -n 1000 --seed 1 --format html

Each article is made from one seed in ``tests/data/seeds`` (its paragraphs in a
varied order, a few dropped, sometimes one borrowed from another seed), wrapped
in the boilerplate of one of the seed publishers (not necessarily its own), and
sometimes damaged: lines turned to mojibake (UTF-8 read as cp1252) and a
legacy mixed-decoder header (GBK bytes read as UTF-8 or Latin-1). About one
article in five is already clean text. Every article gets a ``Title:`` /
``Date:`` header (sometimes ``Source:`` / ``Source_URL:``) with a unique title,
hence a unique Pelican slug.

``--format html`` writes the same articles as already-clean Pelican HTML
articles: only the paragraphs the cleaner should keep, as ``<p>`` elements,
with the metadata in ``<head>``. Building those without the plugin is the
baseline the plugin's build cost is compared with.

The corpus depends only on the seed number (and the seed files): the same
seed gives a byte-identical corpus. Article ``i`` depends only on ``(seed,
i)``, so a corpus of 100 is the first 100 files of a corpus of 10,000.

Importable: :func:`make_articles`, :func:`bodies`, :func:`render`,
:func:`write_corpus`.
"""

from __future__ import annotations

import argparse
import codecs
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
import datetime as dt
from functools import lru_cache
import html
import json
from pathlib import Path
import random
import re
import sys
import time

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "tests" / "data" / "seeds"
EXPECTED = ROOT / "tests" / "data" / "seeds-expected.json"

FORMATS = ("txt", "html")

# Share of articles that carry publisher boilerplate; the rest are clean text.
SCRAPED_SHARE = 0.8
# Share of scraped articles with mojibake lines, and of their lines damaged.
MOJIBAKE_SHARE = 0.3
MOJIBAKE_LINE_SHARE = 0.35
# Share of scraped articles opening with a legacy mixed-decoder site name.
LEGACY_HEADER_SHARE = 0.1
# Share of articles whose header names the source.
SOURCE_SHARE = 0.5

# Site names in Chinese, written as a mixed decoder reads their GBK bytes.
_LEGACY_SITE_NAMES = ("麻豆传媒", "新闻网", "首页", "环球时报", "今日头条", "新浪新闻", "人民网", "凤凰资讯")

_PUBLISHERS = {
    "The Independent": "www.the-independent.com",
    "CTV News": "www.ctvnews.ca",
    "The Moscow Times": "www.themoscowtimes.com",
}
# Publishers for the seeds with no known publisher (invented, reserved domains).
_OTHER_SOURCES = {"Caucasus Observer": "caucasus-observer.example", "Regional Wire": "regional-wire.example"}

_TITLE_TAGS = ("", "Update", "Analysis", "Explainer", "Live", "Report", "In brief", "Briefing")


@dataclass(frozen=True)
class Seed:
    """One seed article split into its parts (from ``seeds-expected.json``)."""

    name: str
    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    head: tuple[str, ...]  # boilerplate lines before the article
    tail: tuple[str, ...]  # boilerplate lines after it
    middle: tuple[str, ...]  # boilerplate lines amid it (widgets, counters, appeals)
    glued: tuple[str, ...]  # nags found glued to an article sentence
    publisher: str | None


@dataclass(frozen=True)
class Article:
    """One generated article: its metadata, the scraped body and the clean text."""

    index: int
    title: str
    date: str
    source: str | None
    source_url: str | None
    body: str  # the scraped text (what the cleaner is given), no metadata header
    paragraphs: tuple[str, ...]  # what a perfect cleaner keeps
    kinds: tuple[str, ...] = field(default=())  # "scraped", "clean", "mojibake", "legacy-header"

    @property
    def slug(self) -> str:
        """The article's file name."""
        return f"article-{self.index:06d}"


def _mixed_decode(data: bytes) -> str:
    """Bytes read by a mixed decoder: a valid 3-byte UTF-8 sequence, else Latin-1."""
    out: list[str] = []
    i = 0
    while i < len(data):
        if data[i] >= 0x80 and i + 3 <= len(data):
            try:
                out.append(data[i : i + 3].decode("utf-8"))
                i += 3
                continue
            except UnicodeDecodeError:
                pass
        out.append(chr(data[i]))  # Latin-1
        i += 1
    return "".join(out)


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("corpus-latin1", _latin1_fallback)


def mojibake(line: str) -> str:
    """UTF-8 read as cp1252 (bytes cp1252 leaves undefined read as Latin-1)."""
    return line.encode("utf-8").decode("cp1252", errors="corpus-latin1")


@lru_cache(maxsize=1)
def load_seeds() -> tuple[Seed, ...]:
    """The seeds, each split into head boilerplate, article and tail boilerplate."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    seeds = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        info = expected[path.name]
        lines = path.read_text(encoding="utf-8").splitlines()
        removed = set(info.get("removed_lines", []))
        kept = [n for n, line in enumerate(lines, 1) if line.strip() and n not in removed]
        first, last = (min(kept), max(kept)) if kept else (len(lines) + 1, 0)
        head = tuple(lines[n - 1].strip() for n in sorted(removed) if n < first)
        tail = tuple(lines[n - 1].strip() for n in sorted(removed) if n > last)
        middle = tuple(lines[n - 1].strip() for n in sorted(removed) if first < n < last)
        seeds.append(
            Seed(
                name=path.name,
                title=info.get("title"),
                paragraphs=tuple(p.replace("\u00a0", " ") for p in info["paragraphs"]),
                captions=tuple(info.get("captions", [])),
                head=head,
                tail=tail,
                middle=middle,
                glued=tuple(f for f in info.get("removed_fragments", []) if f),
                publisher=info.get("publisher"),
            )
        )
    return tuple(seeds)


def _rng(seed: int, index: int) -> random.Random:
    return random.Random(seed * 1_000_003 + index)


def _title_for(seed: Seed) -> str:
    if seed.title:
        return seed.title
    words = re.sub(r"[,.].*$", "", seed.paragraphs[0]).split()
    return " ".join(words[:9])


def _curl(text: str) -> str:
    """Curly apostrophes, so that a mojibake line has something to mangle."""
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def make_article(seed: int, index: int) -> Article:  # noqa: PLR0912, PLR0915 - one case after another, read top to bottom
    """Article ``index`` of the corpus of seed number ``seed``."""
    seeds = load_seeds()
    rng = _rng(seed, index)
    base = rng.choice(seeds)
    paragraphs = list(base.paragraphs)
    # Vary the order: the lede stays first, the body is shuffled or rotated.
    body = paragraphs[1:]
    if rng.random() < 0.5:
        rng.shuffle(body)
    elif body:
        k = rng.randrange(len(body))
        body = body[k:] + body[:k]
    for _ in range(rng.randrange(3)):
        if len(body) > 3:
            body.pop(rng.randrange(len(body)))
    if rng.random() < 0.3:
        other = rng.choice(seeds)
        body.insert(rng.randrange(len(body) + 1), rng.choice(other.paragraphs))
    paragraphs = [paragraphs[0], *body]
    # Keep paragraphs unique (a borrowed one may repeat one of the base).
    paragraphs = list(dict.fromkeys(paragraphs))

    tag = rng.choice(_TITLE_TAGS)
    headline = _title_for(base)
    title = f"{tag}: {headline} ({index + 1})" if tag else f"{headline} ({index + 1})"
    when = dt.datetime(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365), minutes=rng.randrange(24 * 60))
    kinds: list[str] = []

    scraped = rng.random() < SCRAPED_SHARE
    donor = rng.choice([s for s in seeds if s.head or s.middle or s.tail]) if scraped else None
    publisher = donor.publisher if donor is not None else None
    source = source_url = None
    if rng.random() < SOURCE_SHARE:
        if publisher is None:
            publisher = rng.choice(sorted(_OTHER_SOURCES))
        source = publisher
        host = _PUBLISHERS.get(publisher) or _OTHER_SOURCES[publisher]
        source_url = f"https://{host}/news/{when:%Y/%m/%d}/article-{index + 1}"

    if not scraped:
        kinds.append("clean")
        lines = ([headline] if rng.random() < 0.5 else []) + paragraphs
        return Article(
            index,
            title,
            f"{when:%Y-%m-%d %H:%M}",
            source,
            source_url,
            "\n\n".join(lines) + "\n",
            tuple(paragraphs),
            tuple(kinds),
        )

    kinds.append("scraped")
    assert donor is not None
    lines = []
    if rng.random() < LEGACY_HEADER_SHARE:
        kinds.append("legacy-header")
        lines.append(_mixed_decode(rng.choice(_LEGACY_SITE_NAMES).encode("gbk")))
    lines.extend(donor.head)
    lines.append(headline)
    lines.extend(base.captions)
    lines.extend(donor.middle)
    if donor.glued and rng.random() < 0.5:
        # A nag glued to the lede with no space, as scrapers join them.
        lines.append(rng.choice(donor.glued) + paragraphs[0])
        lines.extend(paragraphs[1:])
    else:
        lines.extend(donor.glued)
        lines.extend(paragraphs)
    lines.extend(donor.tail)
    if rng.random() < MOJIBAKE_SHARE:
        kinds.append("mojibake")
        damaged = []
        for line in lines:
            if rng.random() < MOJIBAKE_LINE_SHARE:
                line = mojibake(_curl(line))
            damaged.append(line)
        lines = damaged
    spacing = "\n\n" if rng.random() < 0.6 else "\n"
    return Article(
        index,
        title,
        f"{when:%Y-%m-%d %H:%M}",
        source,
        source_url,
        spacing.join(lines) + "\n",
        tuple(paragraphs),
        tuple(kinds),
    )


def make_articles(n: int, seed: int = 1, start: int = 0) -> Iterator[Article]:
    """Articles ``start`` to ``start + n - 1`` of the corpus of seed number ``seed``."""
    for index in range(start, start + n):
        yield make_article(seed, index)


def bodies(n: int, seed: int = 1) -> list[str]:
    """The scraped bodies (no metadata header) of ``n`` articles: the cleaner's input."""
    return [a.body for a in make_articles(n, seed)]


def render_txt(article: Article) -> str:
    """A scraped ``.txt`` article with its ``Key: value`` header."""
    header = [f"Title: {article.title}", f"Date: {article.date}"]
    if article.source:
        header.append(f"Source: {article.source}")
    if article.source_url:
        header.append(f"Source_URL: {article.source_url}")
    return "\n".join(header) + "\n\n" + article.body


def render_html(article: Article) -> str:
    """The same article, already clean, as a Pelican HTML article."""
    meta = [f'<meta name="date" content="{article.date}">']
    if article.source:
        meta.append(f'<meta name="source" content="{html.escape(article.source)}">')
    if article.source_url:
        meta.append(f'<meta name="source_url" content="{html.escape(article.source_url)}">')
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in article.paragraphs)
    return (
        "<html>\n<head>\n"
        f"<title>{html.escape(article.title, quote=False)}</title>\n"
        + "\n".join(meta)
        + "\n</head>\n<body>\n"
        + body
        + "\n</body>\n</html>\n"
    )


def render(article: Article, fmt: str = "txt") -> str:
    if fmt == "txt":
        return render_txt(article)
    if fmt == "html":
        return render_html(article)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def write_corpus(out_dir: Path | str, n: int, seed: int = 1, fmt: str = "txt") -> list[Path]:
    """Write ``n`` articles to ``out_dir`` (created); returns the paths in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in make_articles(n, seed):
        path = out / f"{article.slug}.{fmt}"
        # newline="" keeps "\n" on every platform: byte-identical corpora.
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(render(article, fmt))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the articles to (created)")
    parser.add_argument("-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed number (default 1)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="txt",
        help="txt: scraped articles; html: the same, already clean (default txt)",
    )
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("-n must be >= 0")
    start = time.perf_counter()
    paths = write_corpus(args.out_dir, args.n, args.seed, args.format)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} {args.format} articles ({size / 1e6:.1f} MB) to {args.out_dir} "
        f"in {time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
