"""Every decision the cleaner makes, dumped and compared: a speed change must change none.

    python benchmarks/decisions.py dump before.jsonl PATH/TO/BENCH PATH/TO/BENCH2
    python benchmarks/decisions.py dump after.jsonl PATH/TO/BENCH PATH/TO/BENCH2
    python benchmarks/decisions.py diff before.jsonl after.jsonl

``dump`` cleans every ``pages/*.body.txt`` and ``pages/*.page.txt`` of each
folder given, and the generated corpus (``--corpus N`` articles, seed 1; 0
for none), as ``newsclean clean`` does (the file's bytes: decode, header,
blocks), and writes one JSON line per document: its name, the title, the
publisher and profile, the repairs, and per block its line, keep or drop, the
reason, the rule, the role and the text kept. ``diff`` compares two dumps
document by document and block by block, prints the first differences and
exits 1 when there is any: zero changed decisions is what a speed change must
show.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
import json
from multiprocessing import Pool
from pathlib import Path
import sys
import time

import _common  # noqa: F401 - makes the package and corpus.py importable
import corpus

CORPUS_DEFAULT = 2000
SHOWN_DEFAULT = 20


def documents(folders: Sequence[Path], n_corpus: int) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every document to dump, in a fixed order."""
    for folder in folders:
        pages = folder / "pages"
        for kind in ("body", "page"):
            for path in sorted(pages.glob(f"*.{kind}.txt")):
                yield f"{folder.name}/{path.name}", path.read_bytes()
    for index, article in enumerate(corpus.make_articles(n_corpus, seed=1)):
        yield f"corpus/{index:06d}.txt", corpus.render_txt(article).encode("utf-8")


def record(item: tuple[str, bytes]) -> str:
    """One document's decisions as a JSON line."""
    from pelican_newsclean.core.pipeline import clean_bytes
    from pelican_newsclean.core.read import UndecodableError

    name, data = item
    try:
        result = clean_bytes(data)
    except UndecodableError as error:
        return json.dumps({"doc": name, "error": str(error)}, ensure_ascii=False)
    blocks = [
        {
            "line": d.block.line,
            "keep": d.kept,
            "reason": d.reason,
            "rule": d.rule,
            "role": d.role,
            "text": d.text,
        }
        for d in result.decisions
    ]
    return json.dumps(
        {
            "doc": name,
            "title": result.title,
            "publisher": result.publisher,
            "profile": result.profile,
            "wire": result.wire,
            "repairs": [[r.line, r.kind, r.before, r.after] for r in result.repairs],
            "removed": [[r.line, r.reason, r.rule, r.text] for r in result.removed],
            "blocks": blocks,
        },
        ensure_ascii=False,
    )


def dump(out: Path, folders: Sequence[Path], n_corpus: int, jobs: int) -> int:
    start = time.perf_counter()
    items = list(documents(folders, n_corpus))
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        if jobs > 1:
            with Pool(jobs) as pool:
                for line in pool.imap(record, items, chunksize=16):
                    handle.write(line + "\n")
                    count += 1
        else:
            for item in items:
                handle.write(record(item) + "\n")
                count += 1
    print(f"{count} documents dumped to {out} in {time.perf_counter() - start:.1f} s")
    return 0


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {(doc := json.loads(line))["doc"]: doc for line in handle if line.strip()}


def diff(before_path: Path, after_path: Path, shown: int) -> int:
    before, after = _load(before_path), _load(after_path)
    problems: list[str] = []
    changed_blocks = changed_docs = 0
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old is None or new is None:
            problems.append(f"{name}: only in {'after' if old is None else 'before'}")
            changed_docs += 1
            continue
        if old == new:
            continue
        changed_docs += 1
        old_blocks = {b["line"]: b for b in old.get("blocks", [])}
        new_blocks = {b["line"]: b for b in new.get("blocks", [])}
        for line in sorted(set(old_blocks) | set(new_blocks)):
            if old_blocks.get(line) != new_blocks.get(line):
                changed_blocks += 1
                problems.append(f"{name} line {line}: {old_blocks.get(line)} -> {new_blocks.get(line)}")
        for key in sorted((set(old) | set(new)) - {"blocks"}):
            if old.get(key) != new.get(key):
                problems.append(f"{name} {key}: {old.get(key)!r} -> {new.get(key)!r}")
    for line in problems[:shown]:
        print(line)
    if len(problems) > shown:
        print(f"... and {len(problems) - shown} more")
    total = sum(len(doc.get("blocks", [])) for doc in before.values())
    print(
        f"{len(before)} documents, {total} block decisions compared: "
        f"{changed_blocks} changed decisions, {changed_docs} documents differ"
    )
    return 1 if changed_docs else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump_cmd = sub.add_parser("dump", help="clean every document and write its decisions as JSON lines")
    dump_cmd.add_argument("out", type=Path)
    dump_cmd.add_argument("folders", type=Path, nargs="*", help="bench folders holding pages/*.body.txt, *.page.txt")
    dump_cmd.add_argument("--corpus", type=int, default=CORPUS_DEFAULT, help="generated articles (seed 1); 0: none")
    dump_cmd.add_argument("--jobs", type=int, default=1, help="worker processes")
    diff_cmd = sub.add_parser("diff", help="compare two dumps; exit 1 on any changed decision")
    diff_cmd.add_argument("before", type=Path)
    diff_cmd.add_argument("after", type=Path)
    diff_cmd.add_argument("--show", type=int, default=SHOWN_DEFAULT, help="differences printed, at most")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.folders, args.corpus, args.jobs)
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
