"""The pipeline: read, repair, classify, attribute, assemble.

>>> result = clean_text("Share\\nThe council met on Tuesday to approve the budget.")
>>> result.paragraphs
('The council met on Tuesday to approve the budget.',)
>>> [(r.line, r.reason) for r in result.removed]
[(1, 'share-widget')]

Every entry point ends in :func:`clean_numbered`: blocks that already carry
their origin (a line of a text file, a block element of an HTML body) in,
a :class:`~.model.CleanResult` out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import dataclasses
from typing import Any

from .assemble import assemble
from .attribute import Attribution, attribute
from .classify import classify
from .classify.profiles import Profile, load_profiles
from .classify.stopwords import site_language, stated_language
from .config import DEFAULT_CONFIG, Config
from .model import Block, CleanResult, Removal, Repair
from .read import Scraped, read_scraped, split_blocks
from .repair import repair_line

__all__ = ["clean_blocks", "clean_bytes", "clean_numbered", "clean_scraped", "clean_text", "credit", "split_blocks"]


def clean_text(
    text: str,
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
) -> CleanResult:
    """Clean one scraped article given as text (one block per line).

    ``metadata`` (lower-case keys, as Pelican gives them) may carry
    ``source`` (the publisher, which wins over profile detection),
    ``source_url``, ``date``, ``wire``, ``lang`` (the article's language,
    as a code such as ``de``: the statistical pass then takes it instead of
    detecting one) and ``default_lang`` (the site's language, as Pelican's
    ``DEFAULT_LANG``: the detection keeps it when the article's prose reads as
    it, and weighs every language otherwise).
    """
    return clean_numbered(split_blocks(text), config, metadata)


def clean_blocks(
    texts: Sequence[str],
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
) -> CleanResult:
    """Clean a sequence of block texts (say, the block elements of an HTML body).

    Block ``i`` gets line number ``i + 1``; ``result.decisions`` holds one
    decision per non-blank input text, in order.
    """
    blocks = [Block(i, t.strip()) for i, t in enumerate(texts, 1) if t and t.strip()]
    return clean_numbered(blocks, config, metadata)


def clean_bytes(
    data: bytes,
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
) -> CleanResult:
    """Decode a scraped file's bytes and clean it (see :func:`clean_scraped`).

    A decode from another encoding than UTF-8 is the first repair reported.
    Raises :class:`~.read.decode.UndecodableError` for binary data.
    """
    return clean_scraped(read_scraped(data), config, metadata)


def clean_scraped(
    scraped: Scraped,
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
) -> CleanResult:
    """Clean a scraped file as read: its header is its metadata (``metadata``
    wins over it), its ``Title`` the title, and its decode the first repair.
    """
    merged = {**scraped.metadata, **(metadata or {})}
    result = clean_numbered(scraped.blocks, config, merged)
    changes: dict[str, Any] = {}
    if merged.get("title"):
        changes["title"] = str(merged["title"])
    repair = scraped.decode_repair
    if repair is not None:
        changes["repairs"] = (repair, *result.repairs)
    return dataclasses.replace(result, **changes) if changes else result


def clean_numbered(
    blocks: Sequence[Block],
    config: Config = DEFAULT_CONFIG,
    metadata: Mapping[str, Any] | None = None,
) -> CleanResult:
    """Clean blocks that carry their origin: repair, classify, attribute, assemble."""
    repairs: list[Repair] = []
    if config.repair_encoding:
        blocks, repairs = _repair(blocks)
    profiles = _profiles(config)
    repaired_lines = frozenset(r.line for r in repairs if r.kind != "whitespace" and r.line is not None)
    stated, site = (metadata or {}).get("lang"), (metadata or {}).get("default_lang")
    # Lang: decides the language; else it is detected, the site's language first
    with stated_language(str(stated) if stated else None), site_language(str(site) if site else None):
        outcome = classify(blocks, config, profiles, repaired_lines)
    article = assemble(outcome.decisions, config.join_datelines)
    removed = [
        *outcome.fragments,
        *(Removal(d.block.line, d.block.text, d.reason or "", d.rule) for d in outcome.decisions if not d.kept),
    ]
    removed.sort(key=lambda r: r.line)
    result = CleanResult(
        title=article.title,
        paragraphs=article.paragraphs,
        captions=article.captions,
        removed=tuple(removed),
        repairs=tuple(repairs),
        decisions=outcome.decisions,
        profile=outcome.profile.id if outcome.profile else None,
    )
    return _credited(result, attribute(article.paragraphs, outcome.profile, profiles, metadata or {}, result.removed))


def credit(result: CleanResult, metadata: Mapping[str, Any], config: Config = DEFAULT_CONFIG) -> CleanResult:
    """The same cleaning, credited from other metadata: only the attribution is worked out again."""
    profiles = _profiles(config)
    profile = next((p for p in profiles if p.id == result.profile), None)
    return _credited(result, attribute(result.paragraphs, profile, profiles, metadata, result.removed))


def _credited(result: CleanResult, credits: Attribution) -> CleanResult:
    return dataclasses.replace(
        result,
        publisher=credits.publisher,
        publisher_url=credits.publisher_url,
        wire=credits.wire,
        source_url=credits.source_url,
        date=credits.date,
        link=credits.link,
        publisher_from=credits.publisher_from,
        byline=credits.byline,
        found_date=credits.found_date,
    )


def _profiles(config: Config) -> tuple[Profile, ...]:
    return load_profiles(tuple(str(p) for p in config.profile_dirs)) if config.use_profiles else ()


def _repair(blocks: Sequence[Block]) -> tuple[list[Block], list[Repair]]:
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        fixed, done = repair_line(block.text, block.line)
        repairs.extend(done)
        fixed = fixed.strip()
        if fixed:
            out.append(Block(block.line, fixed) if fixed != block.text else block)
    return out, repairs
