"""Near-duplicate articles: wire copies republished by many outlets, updated versions of a story.

Two texts are near-duplicates when the estimated Jaccard similarity of their sets of
word 5-shingles (five consecutive words, lower-cased, punctuation dropped) is at least
`THRESHOLD`. The estimate is MinHash: a text's `Signature` is the minimum of each of
`PERMUTATIONS` hash functions over its shingles, and the share of positions where two
signatures agree estimates their Jaccard similarity (standard error 0.044 at 0.5).
Candidates are found without comparing every pair by locality-sensitive hashing: the
signature is cut into `BANDS` bands of 4 values, and texts sharing any band are compared
(a pair at similarity 0.5 shares one with probability 0.87, at 0.6 0.99, at 0.3 0.23).

Why these numbers (bench/ingest_screen.py, on the 840 PolNeAR training articles, one
election's coverage, 352,379 pairs): only 5 pairs score 0.5 or more, and all are one
story twice: the same report under two headlines (0.95, 0.90, 0.73, 0.59) and two
updates of one live blog (0.50); the next, 0.48, is an updated version of a story. Our
test wire story with one paragraph rewritten scores about 0.8, a different story on
the same floods under 0.1. Signing one article (4,600 characters) takes about 1.3-2.2
ms (shingling in Python dominates).

The hash functions are fixed here (`_A`, `_B`, derived from a constant string), because
signatures are kept in the store: changing `SHINGLE_WORDS`, `PERMUTATIONS` or them makes
stored signatures incomparable.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import NamedTuple, Optional

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32  # of PERMUTATIONS // BANDS = 4 values each
THRESHOLD = 0.5

_ROWS = PERMUTATIONS // BANDS
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+")


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """PERMUTATIONS pairs (a, b) of 31-bit numbers for h(x) = (a*x + b) mod 2^61-1: with
    x < 2^32, a*x + b fits in 64 bits. Derived from a fixed string, so stable forever."""
    raw = np.frombuffer(hashlib.shake_128(b"dragoman minhash v1").digest(16 * PERMUTATIONS), dtype="<u8")
    coefficients = raw & np.uint64((1 << 31) - 1)
    return coefficients[:PERMUTATIONS] | np.uint64(1), coefficients[PERMUTATIONS:]


_A, _B = _coefficients()


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


def shingles(text: str) -> set[str]:
    """The text's word SHINGLE_WORDS-shingles; a shorter text is one shingle of all its words."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> Optional[Signature]:
    """The text's MinHash signature, or None for a text without words."""
    found = shingles(text)
    if not found:
        return None
    hashed = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in found), dtype=np.uint64, count=len(found))
    permuted = (hashed[:, None] * _A + _B) % _PRIME
    return Signature.of_values((permuted & np.uint64(0xFFFFFFFF)).min(axis=0).astype(np.uint32))


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
