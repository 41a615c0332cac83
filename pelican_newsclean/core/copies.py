"""Copies of one story: near-duplicate articles found by the text they share.

Each article gets a :func:`sketch`: the smallest hashes of its five-word
shingles (a bottom-k MinHash, with :func:`zlib.crc32`). Articles that share
sketch values are candidates; a pair is a copy when the estimated Jaccard
similarity of their shingle sets reaches :data:`COPY_SIMILARITY_DEFAULT`. A
trimmed or retitled copy still shares most of its shingles; another report
of the same event, told in other words, shares almost none. Candidates come
from an index of sketch values, so the work grows with the number of
articles, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
import re
import zlib

SHINGLE_WORDS_DEFAULT = 5
"""Words in a shingle."""
SKETCH_SIZE_DEFAULT = 128
"""Hashes kept of each article."""
COPY_SIMILARITY_DEFAULT = 0.3
"""Estimated Jaccard similarity of two copies of one story, at least."""
COMMON_VALUE_DEFAULT = 50
"""A sketch value shared by more articles than this is a stock phrase, not evidence."""

_WORD = re.compile(r"\w+")


def sketch(paragraphs: Iterable[str], size: int = SKETCH_SIZE_DEFAULT) -> tuple[int, ...]:
    """The ``size`` smallest hashes (CRC-32: C speed, the same in every process) of the text's
    five-word shingles, sorted.

    >>> len(sketch(["one two three four five six seven"]))
    3
    """
    words = _WORD.findall(" ".join(paragraphs).casefold())
    n = SHINGLE_WORDS_DEFAULT
    shingles = (" ".join(words[i : i + n]).encode("utf-8") for i in range(max(len(words) - n + 1, 0)))
    return tuple(sorted(set(map(zlib.crc32, shingles)))[:size])


def similarity(a: Sequence[int], b: Sequence[int], size: int = SKETCH_SIZE_DEFAULT) -> float:
    """The Jaccard similarity of two texts, estimated from their sketches.

    >>> text = ["the council approved the new budget on tuesday after a long debate about roads"]
    >>> similarity(sketch(text), sketch(text))
    1.0
    """
    first, second = set(a), set(b)
    union = sorted(first | second)[:size]
    if not union:
        return 0.0
    return len((first & second).intersection(union)) / len(union)  # the union's values in both


def group_copies(
    sketches: Mapping[Hashable, Sequence[int]], threshold: float = COPY_SIMILARITY_DEFAULT
) -> list[list[Hashable]]:
    """Groups (of two or more keys) of texts that are copies of one another, each sorted, in key order."""
    index: dict[int, list[Hashable]] = defaultdict(list)
    for key, values in sketches.items():
        for value in values:
            index[value].append(key)
    parent = {key: key for key in sketches}

    def root(key: Hashable) -> Hashable:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, values in sketches.items():
        seen: set[Hashable] = set()
        for value in values:
            holders = index[value]
            if len(holders) > COMMON_VALUE_DEFAULT:
                continue
            for other in holders:
                if other == key or other in seen:
                    continue
                seen.add(other)
                if root(other) != root(key) and similarity(values, sketches[other]) >= threshold:
                    parent[root(other)] = root(key)
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for key in sketches:
        groups[root(key)].append(key)
    return sorted(
        (sorted(members, key=str) for members in groups.values() if len(members) > 1), key=lambda g: str(g[0])
    )
