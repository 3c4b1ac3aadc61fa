"""Dumps generated at test time from the dev dumps in ../shared/dumps (never stored in the repo).

``generate(out_dir, n)`` cuts the dev dumps (every ``*.txt`` under ``../shared/dumps`` but the
READMEs, in sorted order, visited in a seeded shuffle) into ``n`` pieces of 20 to 160 whole
lines each and writes them as ``out_dir/00000.txt`` … . The same ``n`` always gives the same
files. ``scaled(text, size)`` repeats a text to about ``size`` bytes, for cost-vs-size runs.
"""

from __future__ import annotations

import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DUMPS = SHARED / "dumps"
SAMPLE = SHARED / "samples" / "000_bfeed5d58f9e5359.txt"


def sources() -> list[Path]:
    return sorted(p for p in DUMPS.rglob("*.txt") if p.name != "README.md")


def pieces(n: int, seed: int = 14):
    """Yield up to ``n`` dump-shaped texts cut from the dev dumps."""
    rng = random.Random(seed)
    files = sources()
    rng.shuffle(files)
    made = 0
    while made < n and files:
        for f in files:
            lines = f.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
            i = 0
            while i < len(lines) and made < n:
                k = rng.randint(20, 160)
                piece = "".join(lines[i:i + k])
                i += k
                if piece.strip():
                    made += 1
                    yield piece
            if made >= n:
                return
        seed += 1  # another pass cuts at other places
        rng = random.Random(seed)


def generate(out_dir, n: int) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, text in enumerate(pieces(n)):
        p = out / f"{k:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def scaled(text: str, size: int) -> str:
    reps = max(1, -(-size // max(1, len(text.encode()))))
    return (text * reps)[: max(size, 1)] if reps > 1 else text
