"""The pipeline: text -> blocks -> repaired blocks -> decisions -> CleanResult.

>>> result = clean_text("Share\\nThe council met on Tuesday to approve the budget.")
>>> result.paragraphs
('The council met on Tuesday to approve the budget.',)
>>> [(r.line, r.reason) for r in result.removed]
[(1, 'share-widget')]
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Optional, Sequence

from .attribution import attribute
from .classify import classify
from .config import DEFAULT_CONFIG, Config
from .decode import decode_bytes
from .encoding import repair_line
from .model import Block, CleanResult, Removal, Repair
from .profiles import load_profiles


def split_blocks(text: str) -> list[Block]:
    """Each non-empty line is a block; line numbers are 1-based.

    ``\\r\\n`` and lone ``\\r`` count as line ends too.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [Block(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]


def clean_text(
    text: str,
    config: Config = DEFAULT_CONFIG,
    metadata: Optional[Mapping[str, Any]] = None,
) -> CleanResult:
    """Clean one scraped article given as text (one block per line).

    ``metadata`` (lower-case keys, as Pelican gives them) may carry
    ``source`` (the publisher, which wins over profile detection),
    ``source_url``, ``date`` and ``wire``.
    """
    return _clean(split_blocks(text), config, metadata or {})


def clean_blocks(
    texts: Sequence[str],
    config: Config = DEFAULT_CONFIG,
    metadata: Optional[Mapping[str, Any]] = None,
) -> CleanResult:
    """Clean a sequence of block texts (say, the block elements of an HTML body).

    Block ``i`` gets line number ``i + 1``; ``result.decisions`` holds one
    decision per non-blank input text, in order.
    """
    blocks = [Block(i, t.strip()) for i, t in enumerate(texts, 1) if t and t.strip()]
    return _clean(blocks, config, metadata or {})


def _clean(blocks: list[Block], config: Config, metadata: Mapping[str, Any]) -> CleanResult:
    repairs: list[Repair] = []
    if config.repair_encoding:
        blocks, repairs = _repair(blocks)
    profiles = load_profiles(tuple(str(p) for p in config.profile_dirs)) if config.use_profiles else ()
    repaired_lines = frozenset(r.line for r in repairs if r.kind != "whitespace" and r.line is not None)
    outcome = classify(blocks, config, profiles, repaired_lines)
    decisions = outcome.decisions

    title: Optional[str] = None
    paragraphs: list[str] = []
    captions: list[str] = []
    removed: list[Removal] = list(outcome.fragments)
    pending_dateline: Optional[str] = None
    for d in decisions:
        text = d.kept_text
        if not d.kept:
            removed.append(Removal(d.block.line, d.block.text, d.reason or "", d.rule))
        elif d.role == "title":
            title = text
        elif d.role == "caption":
            captions.append(text)
        elif d.role == "dateline" and config.join_datelines:
            pending_dateline = text if pending_dateline is None else f"{pending_dateline} {text}"
        else:
            if pending_dateline is not None:
                text, pending_dateline = f"{pending_dateline} {text}", None
            paragraphs.append(text)
    if pending_dateline is not None:
        paragraphs.append(pending_dateline)
    removed.sort(key=lambda r: r.line)

    credits = attribute(paragraphs, outcome.profile, profiles, metadata)
    return CleanResult(
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        publisher=credits.publisher,
        publisher_url=credits.publisher_url,
        wire=credits.wire,
        source_url=credits.source_url,
        date=credits.date,
        removed=tuple(removed),
        repairs=tuple(repairs),
        decisions=decisions,
    )


def _repair(blocks: list[Block]) -> tuple[list[Block], list[Repair]]:
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        fixed, done = repair_line(block.text, block.line)
        repairs.extend(done)
        fixed = fixed.strip()
        if fixed:
            out.append(Block(block.line, fixed) if fixed != block.text else block)
    return out, repairs


def clean_bytes(
    data: bytes,
    config: Config = DEFAULT_CONFIG,
    metadata: Optional[Mapping[str, Any]] = None,
) -> CleanResult:
    """Decode a scraped file's bytes (see :func:`decode.decode_bytes`) and clean it.

    A decode from another encoding than UTF-8 is the first repair reported.
    Raises :class:`decode.UndecodableError` for binary data.
    """
    text, decoded = decode_bytes(data)
    result = clean_text(text, config, metadata)
    if decoded is None:
        return result
    return dataclasses.replace(result, repairs=(decoded, *result.repairs))
