"""Near-duplicate articles: wire copies republished by many outlets, updated versions of a story.

Two texts are near-duplicates when the estimated Jaccard similarity of their sets of
word 5-shingles (five consecutive words, lower-cased, punctuation dropped, each hashed
to 32 bits) is at least
`THRESHOLD`. The estimate is MinHash: a text's `Signature` is the minimum of each of
`PERMUTATIONS` hash functions over its shingles, and the share of positions where two
signatures agree estimates their Jaccard similarity (standard error 0.044 at 0.5).
Candidates are found without comparing every pair by locality-sensitive hashing: the
signature is cut into `BANDS` bands of 4 values, and texts sharing any band are compared
(a pair at similarity 0.5 shares one with probability 0.87, at 0.6 0.99, at 0.3 0.23).

Why these numbers (bench/ingest_screen.py, on the 840 PolNeAR training articles, one
election's coverage, 352,379 pairs): 6 pairs have an exact similarity of 0.52 or more,
and each is one story twice: a report under two headlines (0.93, 0.89, 0.68, 0.56),
updates of one live blog (0.52), an updated version (0.52); the next pair scores 0.12.
0.5 sits in that gap, nearer its top because a candidate needs a whole band of 4 values
in common: lower thresholds would need shorter bands, which make every unrelated article
of a large store a candidate (at 3 values, some 340 per million stored articles). Pairs
just above 0.5 are missed about one time in three (estimate noise and banding); wire
copies and lightly edited versions (0.7 and up) are not. Our test wire story with one
paragraph rewritten scores about 0.8, a different story on the same floods under 0.1.
Signing one article (4,600 characters) takes about 0.7 ms.

The hash functions are fixed here (`_C`, `_A`, `_B`, derived from constant strings), because
signatures are kept in the store: changing `SHINGLE_WORDS`, `PERMUTATIONS` or them makes
stored signatures incomparable.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache
from typing import NamedTuple, Optional

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32  # of PERMUTATIONS // BANDS = 4 values each
THRESHOLD = 0.5

_ROWS = PERMUTATIONS // BANDS
_WORD = re.compile(r"\w+")


def _coefficients(label: bytes, count: int) -> np.ndarray:
    """`count` odd 64-bit numbers derived from a fixed string, so stable forever."""
    return np.frombuffer(hashlib.shake_128(label).digest(8 * count), dtype="<u8") | np.uint64(1)


# a shingle's hash: the sum of its words' CRC-32s times these, its top 32 bits kept
_C = _coefficients(b"dragoman shingles v1", SHINGLE_WORDS)
# PERMUTATIONS hash functions h(x) = top 32 bits of (a*x + b) mod 2^64 (multiply-shift)
_A = _coefficients(b"dragoman minhash a v1", PERMUTATIONS)
_B = _coefficients(b"dragoman minhash b v1", PERMUTATIONS)
_TOP = np.uint64(32)


class Signature(NamedTuple):
    """A text's MinHash signature and the keys of its bands."""

    values: np.ndarray  # PERMUTATIONS uint32
    bands: tuple[int, ...]  # BANDS keys, each fits a signed 64-bit column

    def encode(self) -> str:
        """The signature as text, as the store keeps it."""
        return self.values.astype("<u4").tobytes().hex()

    @classmethod
    def decode(cls, text: str) -> "Signature":
        return cls.of_values(np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32))

    @classmethod
    def of_values(cls, values: np.ndarray) -> "Signature":
        bands = tuple(
            int.from_bytes(hashlib.blake2b(bytes([band]) + values[band * _ROWS:(band + 1) * _ROWS].astype("<u4").tobytes(),
                                           digest_size=8).digest(), "little") >> 1
            for band in range(BANDS)
        )
        return cls(values, bands)

    def similarity(self, other: "Signature") -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets, 0 to 1."""
        return float(np.count_nonzero(self.values == other.values)) / PERMUTATIONS


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's word SHINGLE_WORDS-shingles (a shorter text
    is one shingle of all its words), computed on arrays: no shingle string is built."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    count = max(len(words) - SHINGLE_WORDS + 1, 1)
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(min(SHINGLE_WORDS, len(words))):
        combined += hashed[k:k + count] * _C[k]
    return np.unique(combined >> _TOP)


@lru_cache(maxsize=64)  # the screen signs an article, and the store again when it is added
def signature(text: str) -> Optional[Signature]:
    """The text's MinHash signature, or None for a text without words."""
    hashes = shingle_hashes(text)
    if not len(hashes):
        return None
    return Signature.of_values(((hashes[:, None] * _A + _B) >> _TOP).min(axis=0).astype(np.uint32))


class Match(NamedTuple):
    original_id: str
    similarity: float


def best_match(signature: Signature, candidates: dict[str, Signature]) -> Optional[Match]:
    """The most similar candidate at THRESHOLD or above (ties: the first given), or None."""
    best = None
    for article_id, other in candidates.items():
        score = signature.similarity(other)
        if score >= THRESHOLD and (best is None or score > best.similarity):
            best = Match(article_id, score)
    return best


class RunIndex:
    """The signatures of the articles taken so far in one run, found by band.

    It holds at most `WINDOW` articles, the most recent (about 3 KB each): a copy read
    further than that after its original is not recognised in a run without a store
    (`ingest` finds it in the store, and lets an article go from here once stored)."""

    WINDOW = 20_000

    def __init__(self) -> None:
        self._signatures: dict[str, bytes] = {}  # in the order added
        self._by_band: dict[int, str | list[str]] = {}  # a list only when a band is shared

    def find(self, signature: Signature) -> Optional[Match]:
        ids = dict.fromkeys(i for key in signature.bands for i in self._ids(key))
        return best_match(signature, {i: self._signature(i) for i in ids})

    def add(self, article_id: str, signature: Signature) -> None:
        if len(self._signatures) >= self.WINDOW:
            self.remove(next(iter(self._signatures)))
        self._signatures[article_id] = signature.values.tobytes()
        for key in signature.bands:
            held = self._by_band.setdefault(key, article_id)
            if held is not article_id:
                self._by_band[key] = [*self._ids(key), article_id]

    def remove(self, article_id: str) -> None:
        """Forget an article (the store now finds it, or it left the window)."""
        if article_id not in self._signatures:
            return
        for key in self._signature(article_id).bands:
            ids = [i for i in self._ids(key) if i != article_id]
            if ids:
                self._by_band[key] = ids
            else:
                del self._by_band[key]
        del self._signatures[article_id]

    def _ids(self, key: int) -> list[str]:
        held = self._by_band.get(key, ())
        return [held] if isinstance(held, str) else list(held)

    def _signature(self, article_id: str) -> Signature:
        return Signature.of_values(np.frombuffer(self._signatures[article_id], dtype=np.uint32))
