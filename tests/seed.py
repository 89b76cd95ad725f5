"""The seed article for tests: ../shared/seed beside the project when it is there,
else the copy bundled as a sample (text and date only; the hand annotation
`expected.json` exists only in ../shared/seed, and tests that need it skip)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_SEED = ROOT.parent / "shared" / "seed"
BUNDLED = ROOT / "src" / "dragoman" / "data" / "samples" / "seed.jsonl"
PUBLISHED = "2024-03-22"


def seed_text() -> str:
    """The seed article's text, to which the hand annotation's offsets refer."""
    if (SHARED_SEED / "article.txt").exists():
        return (SHARED_SEED / "article.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    return json.loads(BUNDLED.read_text(encoding="utf-8").splitlines()[0])["text"]


def seed_file(tmp_path: Path) -> Path:
    """The seed article as a plain-text file named article.txt."""
    if (SHARED_SEED / "article.txt").exists():
        return SHARED_SEED / "article.txt"
    path = tmp_path / "article.txt"
    path.write_text(seed_text(), encoding="utf-8")
    return path


def seed_expected() -> dict:
    """The hand annotation; skips the calling test where ../shared/seed is absent."""
    path = SHARED_SEED / "expected.json"
    if not path.exists():
        pytest.skip("../shared/seed/expected.json is not beside the project")
    return json.loads(path.read_text(encoding="utf-8"))
