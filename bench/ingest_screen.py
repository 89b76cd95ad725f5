"""Cost and separation of the ingest screen: language identification and MinHash signing per article.

Measures on the PolNeAR training texts in ../shared/eval (read for measuring only):
ms per article for `language.foreign_language` and `near_duplicates.signature`, how many
English articles the identifier would skip, and the closest pairs of different articles,
estimated and exact (where THRESHOLD must fall: between copies of one story and the rest).
Run: PYTHONPATH=src python bench/ingest_screen.py
"""

import glob
import time
from pathlib import Path

import numpy as np

from dragoman.ingest.language import foreign_language
from dragoman.ingest.near_duplicates import shingle_hashes, signature

ROOT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "polnear" / "train" / "text"
texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "*.txt")))]
print(f"{len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} characters on average")
foreign_language(texts[0])  # load the model once
start = time.perf_counter()
skipped = [t for t in texts if foreign_language(t)]
print(f"language: {1000 * (time.perf_counter() - start) / len(texts):.2f} ms/article, {len(skipped)} English skipped")
start = time.perf_counter()
signatures = [signature(t) for t in texts]
print(f"shingles + MinHash: {1000 * (time.perf_counter() - start) / len(texts):.2f} ms/article")
values = np.stack([s.values for s in signatures])
pairs = []
for i in range(1, len(texts)):
    scores = (values[:i] == values[i]).mean(axis=1)
    pairs += [(float(scores[j]), j, i) for j in range(i) if texts[j] != texts[i]]
pairs.sort(reverse=True)
print("highest similarities between two different articles:", [round(p[0], 2) for p in pairs[:5]])
print(f"pairs at 0.5 or above: {sum(p[0] >= 0.5 for p in pairs)} of {len(pairs)}")
print("the closest pairs: estimated, exact Jaccard similarity, and how each starts")
for score, j, i in pairs[:8]:
    a, b = set(shingle_hashes(texts[j]).tolist()), set(shingle_hashes(texts[i]).tolist())
    print(f"{score:.2f} {len(a & b) / len(a | b):.2f}  {texts[j][:60]!r}  |  {texts[i][:60]!r}")
