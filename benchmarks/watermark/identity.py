"""Byte-identity A/B of the marker between two checkouts: `mark`, randomly chunked `stream`, `whole` and
`observe` on /usr/share/doc texts and random soups, on the compiled and the Python path, with and
without exclusion patterns and with the fragile channel.

    python -m benchmarks.watermark.identity --tree /tmp/before --tree . [--docs 3000] [--soups 3000]

Each tree (a checkout with its own built `_wordfind*.so`; `git worktree add /tmp/before REV`) runs this
file's `--worker` in a subprocess with PYTHONPATH pointing at it, once per path; the worker prints one
digest per (configuration, text). The texts come from the same seeds and files in every worker, so two
trees agree exactly when every digest does. Exit status 1 on any difference (the first ones printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

SECRET = b"identity-master-secret-0123456789abcdef"
EXCLUSIONS = ["(?i:usually)", "colou?r", "[Bb]ig"]
_PIECES = ["big", "large", "Big", "Large", "BIG", "usually", "Usually", "typically", "do not", "Do not", "don't",
           "Don't", "DO NOT", "is not", "isn't", "per cent", "percent", "colour", "color", "Colour", "huge",
           "enormous", "Enormous", "a", "an", "A", "An", "the", "Large Hadron Collider", "x", "2", "3.14",
           " ", " ", " ", "  ", "\n", "\n\n", "\t", ".", ",", "!", "?", ";", ":", "(", ")", "*", "_", "—", "–",
           "-", "/", "'", "’", "‘", '"', "“", "”", "`", "``", "{", "}", "[", "]", "~", "@", "=", "\\",
           "\u00a0", "\u2003", "é", "naïve", "größer", "日本語", "\U0001F600", "e.g.", "\u200b"]
_BLOCKS = ["\n```python\nbig = large  # usually\n```\n", "\n~~~\nDo not\n~~~~\n", "\n    indented big code\n",
           "\n- Big wins\n", "\n* Large one\n", "\n  + Usually not\n", "\n## Big heading\n", "\n####### Big\n",
           "\n1. Big item\n", " `big large` ", ' "usually big" ', " 'perhaps large' ", " it's big ",
           ' {"big": ["large", {"k": "usually"}]} ', " [big, large] ", " https://example.com/big/large?usually ",
           " big.large@example.org ", " well-known big-hearted ", " key=big ", " large( ", " file.big ",
           " Big. Large! Usually? ", " a big, an enormous, a huge. ", " (big) *large* _usually_ —big– ",
           "\n\nBig paragraph.\n\n", " BIG and Large ", " do not. Don't do not ", " per cent per  cent "]


def soups(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 120)):
            parts.append(rng.choice(_BLOCKS) if rng.random() < 0.12 else rng.choice(_PIECES))
            if rng.random() < 0.5:
                parts.append(" ")
        out.append("".join(parts))
    return out


def _texts(docs: int, soup_count: int) -> list[str]:
    from benchmarks.watermark.corpus import human_documents
    return [d.text for d in human_documents(docs)] + soups(soup_count)


def _worker(path: str, docs: int, soup_count: int) -> None:
    """Prints one digest per (configuration, text)."""
    from gateway.watermark import wordfind
    if path == "python":
        wordfind.CompiledFinder = None  # make_finder falls back to the Python WordFinder
    from gateway.watermark.detect import observe
    from gateway.watermark.embed import Watermarker

    texts = _texts(docs, soup_count)
    print(json.dumps({"texts": len(texts), "chars": sum(map(len, texts))}), flush=True)
    for excl in ((), EXCLUSIONS):
        wm = Watermarker(SECRET, exclude_patterns=excl)
        assert (type(wm.scanner.finder) is wordfind.WordFinder) == (path == "python")
        for k, text in enumerate(texts):
            rng = random.Random(k)
            account, strength = f"a{k % 7}", (1.0, 1.0, 0.5)[k % 3]
            fragile_ts = 29_000_000 + k if k % 11 == 0 else None
            h = hashlib.sha256()
            h.update(wm.mark(text, tenant="t", account=account, strength=strength, fragile_ts=fragile_ts).encode(
                errors="surrogatepass"))
            s = wm.stream("t", account, strength, fragile_ts=fragile_ts)
            prev, out = 0, []
            step = rng.choice((1, 3, 20, 80))
            while prev < len(text):
                cut = min(len(text), prev + rng.randint(1, step))
                out.append(s.feed(text[prev:cut]))
                prev = cut
            out.append(s.flush())
            h.update(b"\0" + "".join(out).encode(errors="surrogatepass"))
            h.update(b"\0" + wm.stream("t", account, strength).whole(text).encode(errors="surrogatepass"))
            h.update(b"\0" + json.dumps(sorted(observe(text, wm).items())).encode())
            print(f"{len(excl)} {k} {h.hexdigest()[:24]}", flush=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", action="append", required=False, default=[])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--soups", type=int, default=3000)
    ap.add_argument("--paths", default="compiled,python")
    ap.add_argument("--worker", choices=["compiled", "python"])
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker, args.docs, args.soups)
        return
    if len(args.tree) != 2:
        ap.error("two --tree checkouts to compare")
    runs: dict[tuple[str, str], list[str]] = {}
    procs = {}
    for tree in args.tree:
        for path in args.paths.split(","):
            env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve())}
            cmd = [sys.executable, __file__, "--worker", path, "--docs", str(args.docs), "--soups", str(args.soups)]
            procs[(tree, path)] = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True,
                                                   cwd=Path(tree).resolve())
    for key, proc in procs.items():
        out, _ = proc.communicate()
        if proc.returncode:
            sys.exit(f"{key} failed ({proc.returncode})")
        runs[key] = out.splitlines()
    bad = 0
    for path in args.paths.split(","):
        a, b = (runs[(tree, path)] for tree in args.tree)
        diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        print(f"{path}: {a[0]}, {len(a) - 1} digests, {len(diffs)} different" + "".join(
            f"\n  {x}  vs  {y}" for x, y in diffs[:10]))
        bad += len(diffs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
