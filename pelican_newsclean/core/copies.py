"""Copies of one story: near-duplicate articles found by the text they share.

Each article gets a :func:`sketch`: the smallest hashes of its five-word
shingles (a bottom-k MinHash, with :func:`zlib.crc32`). Articles that share
sketch values are candidates; a pair is a copy when the estimated Jaccard
similarity of their shingle sets reaches :data:`COPY_SIMILARITY_DEFAULT`. A
trimmed or retitled copy still shares most of its shingles; another report
of the same event, told in other words, shares almost none. Candidates come
from an index of sketch values, so the work grows with the number of
articles, not with its square; a candidate pair is estimated only when the
values it shares could reach the threshold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain
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
    words = [word.encode("utf-8") for word in _WORD.findall(" ".join(paragraphs).casefold())]
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS_DEFAULT)), strict=False)  # ends at the last whole run
    shingles = map(b" ".join, runs)
    return tuple(sorted(set(map(zlib.crc32, shingles)))[:size])


def similarity(a: Sequence[int], b: Sequence[int], size: int = SKETCH_SIZE_DEFAULT) -> float:
    """The Jaccard similarity of two texts, estimated from their sketches.

    >>> text = ["the council approved the new budget on tuesday after a long debate about roads"]
    >>> similarity(sketch(text), sketch(text))
    1.0
    """
    first, second = set(a), set(b)
    return _estimate(first, second, first.intersection(second), size)


def _estimate(first: set[int], second: set[int], both: set[int], size: int) -> float:
    """:func:`similarity` of two sketches' values, whose common values are ``both``: the share of
    the ``size`` smallest values of the union that are in both.
    """
    union = len(first) + len(second) - len(both)
    if union <= size:
        return len(both) / union if union else 0.0
    smallest = sorted(first.union(second))[:size]
    return len(both.intersection(smallest)) / size


def _may_be_copies(shared: int, first: int, second: int, threshold: float) -> bool:
    """Whether two sketches of ``first`` and ``second`` values, of which at most ``shared`` are in
    both, can reach ``threshold``: :func:`similarity` is at most ``shared`` over the size of the
    smallest union those counts allow.
    """
    shared = min(shared, first, second)
    return shared / min(SKETCH_SIZE_DEFAULT, first + second - shared) >= threshold


def group_copies(
    sketches: Mapping[Hashable, Sequence[int]], threshold: float = COPY_SIMILARITY_DEFAULT
) -> list[list[Hashable]]:
    """Groups (of two or more keys) of texts that are copies of one another, each sorted, in key order."""
    held = {key: set(values) for key, values in sketches.items()}
    index: dict[int, list[Hashable]] = defaultdict(list)
    for key, values in held.items():
        for value in values:
            index[value].append(key)
    label = {key: key for key in sketches}  # the component each key is in, named by one member
    members: dict[Hashable, list[Hashable]] = {key: [key] for key in sketches}

    def join(first: Hashable, second: Hashable) -> None:
        """Merge two components: the smaller one's members take the larger one's label."""
        if len(members[first]) < len(members[second]):
            first, second = second, first
        for member in members[second]:
            label[member] = first
        members[first] += members.pop(second)

    common = {value for value, holders in index.items() if len(holders) > COMMON_VALUE_DEFAULT}
    for key, values in held.items():
        rare = [index[value] for value in values if value not in common]
        spare = len(values) - len(rare)  # this text's common values: the other may hold them too
        least = threshold * min(SKETCH_SIZE_DEFAULT, len(values)) - spare - 1  # shared by a copy (1: rounding)
        for other, count in Counter(chain.from_iterable(rare)).items():
            # a pair in one component already (the key itself among them) changes no group
            if count < least or label[other] == label[key]:
                continue
            if not _may_be_copies(count + spare, len(values), len(held[other]), threshold):
                continue
            both = values.intersection(held[other])  # the values in both, common ones included
            if not _may_be_copies(len(both), len(values), len(held[other]), threshold):
                continue
            if _estimate(values, held[other], both, SKETCH_SIZE_DEFAULT) >= threshold:
                join(label[key], label[other])
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for key in sketches:
        groups[label[key]].append(key)
    return sorted((sorted(group, key=str) for group in groups.values() if len(group) > 1), key=lambda g: str(g[0]))
