"""Word lists as patterns: the keyword baselines (data/keyword_baselines.yaml)
and the word lists that define the IPE labels (data/evaluation.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml


def word_pattern(words: Iterable[str]) -> re.Pattern:
    """One case-insensitive pattern matching any of `words` as whole words; a
    trailing * allows any ending, a space any run of spaces or hyphens."""
    alternatives = []
    for word in words:
        open_end = word.endswith("*")
        parts = word.rstrip("*").split()
        alternatives.append(r"[\s-]+".join(re.escape(p) for p in parts) + (r"\w*" if open_end else ""))
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def baselines() -> dict:
    """The keyword baselines' word lists, per evaluation set and label."""
    text = resources.files("dragoman").joinpath("data/keyword_baselines.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
