"""Plumbing shared by the scorers: label mappings, limits, running the pipeline."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence, TypeVar

import msgspec
import yaml

from ..analysis import Analysis
from ..records import Article, ArticleRecord, Event
from .gold import GoldFormatError

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def mappings() -> dict:
    """The label mappings in data/evaluation.yaml."""
    text = resources.files("dragoman").joinpath("data/evaluation.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def map_country(code: Optional[str]) -> Optional[str]:
    """A gold country code in our vocabulary: ISO alpha-3 or a non-state code (IGO, NGO,
    IMG, ...); None when it names none."""
    if not code:
        return None
    table = mappings()["country_codes"]
    return table[code] if code in table else code


def first(items: Sequence[T], limit: Optional[int]) -> list[T]:
    """The first `limit` items in corpus order: a deterministic sample."""
    return list(items if limit is None else items[:limit])


def iso_date(value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD prefix of a gold date, or None when there is none."""
    if value and _ISO_DATE.match(value):
        return value[:10]
    return None


def run_pipeline(
    documents: Sequence[tuple[str, str, Optional[str]]], steps: Sequence[str], failures: list[str],
    urls: Optional[Sequence[Optional[str]]] = None, source: Optional[str] = None,
) -> list[Optional[Analysis]]:
    """Analyse (name, text, published) documents with the given steps, in order,
    published at `urls` if given, all by `source` if given.

    The result is aligned with `documents`; a document whose analysis raises is
    named in `failures` and gets None, so its gold items count as missed. Each run
    starts with an empty memory of sources (`source_homes`): one corpus never
    teaches another.
    """
    from tqdm import tqdm

    from ..pipeline import Pipeline
    from ..resolve import source_homes

    urls = urls or [None] * len(documents)
    articles = [
        Article(id=str(index), text=text, published=iso_date(published), url=url, source=source)
        for index, ((_name, text, published), url) in enumerate(zip(documents, urls))
    ]
    results: list[Optional[Analysis]] = [None] * len(articles)

    def failed(article: Article, exc: Exception) -> None:
        failures.append(f"{documents[int(article.id)][0]}: {exc!r}")

    with source_homes.using(source_homes.SourceHomes()):
        analyses = Pipeline(steps=steps).run(articles, on_error=failed)
        bar = tqdm(analyses, total=len(articles), unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
        for analysis in bar:
            results[int(analysis.article.id)] = analysis
    return results


class PredictionFormatError(GoldFormatError):
    """Saved `dragoman extract` output that cannot be read."""


def read_predictions(path: Path | str) -> dict[str, list[Event]]:
    """Events per article id from saved `dragoman extract` output (JSON Lines)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PredictionFormatError(path, f"cannot read: {exc}") from exc
    events: dict[str, list[Event]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = msgspec.json.decode(line, type=ArticleRecord)
        except msgspec.DecodeError as exc:
            raise PredictionFormatError(path, f"line {number}: not a dragoman record ({exc})") from exc
        events[record.id] = record.events
    return events


def our_events(
    documents: Sequence[tuple[str, str, Optional[str]]], predictions: Optional[Path | str], failures: list[str],
    source: Optional[str] = None,
) -> dict[str, list[Event]]:
    """Our events for each (id, text, published) document: read from saved
    `dragoman extract` output when `predictions` names it (a document it lacks has
    none), else found by running the whole pipeline, as `dragoman extract` does."""
    if predictions is not None:
        saved = read_predictions(predictions)
        failures += [f"{doc_id}: no record in {predictions}" for doc_id, _t, _p in documents if doc_id not in saved]
        return {doc_id: saved.get(doc_id, []) for doc_id, _text, _published in documents}
    from ..pipeline import DEFAULT_STEPS

    analyses = run_pipeline(documents, steps=DEFAULT_STEPS, failures=failures, source=source)
    return {doc_id: (a.events if a else []) for (doc_id, _text, _published), a in zip(documents, analyses)}


def failure_note(failures: list[str]) -> list[str]:
    if not failures:
        return []
    return [f"{len(failures)} documents failed in the pipeline and count as empty output; first: {failures[0]}"]
