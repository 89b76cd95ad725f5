"""Readers for the real-news event sets, in the formats they are published in.

- real-news events (RNE): JSON Lines, one annotated article per line -> `read_rne`
- CASE 2021 task 2: TSV with columns id, EventSnippet, SubType        -> `read_case2021`
- IndiaPoliceEvents: a folder with docs.jsonl and sents.jsonl         -> `read_ipe`

Like the readers in `gold`, each fails with `GoldFormatError` naming the file,
the line or record, and what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .gold import GoldFormatError, _existing, _field, _json_lines, _read_text, _span
from .metrics import Span

# -- records -------------------------------------------------------------------------------


@dataclass
class Mention:
    """One gold event mention of an RNE article."""

    event: str
    status: str  # occurred, future, hypothetical, negated
    trigger: Span
    trigger_text: str
    sentence: Span
    happening: str  # mentions of one real-world happening share it
    actor_countries: frozenset[str] = frozenset()
    recipient_countries: frozenset[str] = frozenset()
    actor_names: tuple[str, ...] = ()  # the parties as written (or named), for error listings
    recipient_names: tuple[str, ...] = ()
    date: Optional[str] = None  # when it happened: YYYY, YYYY-MM or YYYY-MM-DD


@dataclass
class RneArticle:
    id: str
    text: str
    published: Optional[str]
    sentences: list[Span]
    mentions: list[Mention]


@dataclass
class Snippet:
    """One CASE 2021 row: a short news snippet and its event label."""

    id: str
    text: str
    label: str


@dataclass
class IpeSentence:
    id: int
    text: str
    labels: frozenset[str]


@dataclass
class IpeDocument:
    id: str
    text: str
    labels: frozenset[str]
    sentences: list[IpeSentence] = field(default_factory=list)


# -- RNE -----------------------------------------------------------------------------------------


def _countries(value: Any, where: str, path: Path) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise GoldFormatError(path, f"{where}: expected a list of parties")
    return frozenset(p["country"] for p in value if isinstance(p.get("country"), str) and p["country"])


def _names(value: Any) -> tuple[str, ...]:
    """The parties' texts, or their names when the text is implicit (already checked by `_countries`)."""
    return tuple(str(p.get("text") or p.get("name") or "") for p in value or ())


_GOLD_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _gold_date(value: Any, where: str, path: Path) -> Optional[str]:
    if value is None:
        return None
    if not (isinstance(value, str) and _GOLD_DATE.fullmatch(value)):
        raise GoldFormatError(path, f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _pair(value: Any, text: str, where: str, path: Path) -> Span:
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        raise GoldFormatError(path, f"{where}: expected [start, end]")
    return _span(value[0], value[1], text, where, path)


def _mention(obj: Any, text: str, index: int, where: str, path: Path) -> Mention:
    if not isinstance(obj, dict):
        raise GoldFormatError(path, f"{where}: expected an object")
    start, end = _field(obj, "start", int, where, path), _field(obj, "end", int, where, path)
    happening = obj.get("happening")
    return Mention(
        event=_field(obj, "event", str, where, path),
        status=_field(obj, "status", str, where, path),
        trigger=_span(start, end, text, where, path),
        trigger_text=text[start:end],
        sentence=_pair(obj.get("sentence"), text, f"{where} sentence", path),
        # a mention without a happening is a happening of its own
        happening=str(happening) if happening else f"#{index}",
        actor_countries=_countries(obj.get("actor"), f"{where} actor", path),
        recipient_countries=_countries(obj.get("recipient"), f"{where} recipient", path),
        actor_names=_names(obj.get("actor")),
        recipient_names=_names(obj.get("recipient")),
        date=_gold_date(obj.get("date"), where, path),
    )


def read_rne(path: Path | str) -> list[RneArticle]:
    path = _existing(path)
    articles = []
    for number, obj in _json_lines(path):
        where = f"line {number}"
        text = _field(obj, "text", str, where, path)
        sentences = [_pair(s, text, f"{where} sentence {k}", path) for k, s in enumerate(_field(obj, "sentences", list, where, path))]
        mentions = [
            _mention(m, text, k, f"{where} event {k}", path) for k, m in enumerate(_field(obj, "events", list, where, path))
        ]
        published = obj.get("published")
        articles.append(
            RneArticle(str(_field(obj, "id", str, where, path)), text, published if isinstance(published, str) else None,
                       sentences, mentions)
        )
    return articles


# -- CASE 2021 -----------------------------------------------------------------------------------

CASE_COLUMNS = ["id", "EventSnippet", "SubType"]


def read_case2021(path: Path | str) -> list[Snippet]:
    path = _existing(path)
    # snippets hold bare quotation marks: the file is tab-separated without quoting
    rows = list(csv.reader(_read_text(path).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [cell.strip() for cell in rows[0][:3]] != CASE_COLUMNS:
        raise GoldFormatError(path, f"expected a TSV whose header is {', '.join(CASE_COLUMNS)}")
    snippets = []
    for number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3:
            raise GoldFormatError(path, f"line {number}: expected 3 tab-separated columns, got {len(row)}")
        snippets.append(Snippet(row[0].strip(), row[1], row[2].strip()))
    return snippets


# -- IndiaPoliceEvents ---------------------------------------------------------------------------

_DATELINE = re.compile(r"This story is from ([A-Z][a-z]+ \d{1,2}, \d{4})")


def ipe_published(text: str) -> Optional[str]:
    """The publication date in the dateline IPE documents open with, as YYYY-MM-DD."""
    found = _DATELINE.match(text)
    if not found:
        return None
    try:
        return dt.datetime.strptime(found.group(1), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _labels(obj: dict, key: str, where: str, path: Path) -> frozenset[str]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldFormatError(path, f"{where}: {key!r} is not a list of labels")
    return frozenset(value)


def read_ipe(path: Path | str) -> list[IpeDocument]:
    """Documents with their labelled sentences; PATH is the folder (or one of its two files)."""
    folder = _existing(path)
    folder = folder if folder.is_dir() else folder.parent
    docs_path, sents_path = _existing(folder / "docs.jsonl"), _existing(folder / "sents.jsonl")
    documents: dict[str, IpeDocument] = {}
    for number, obj in _json_lines(docs_path):
        where = f"line {number}"
        if "doc_id" not in obj:
            raise GoldFormatError(docs_path, f"{where}: field 'doc_id' missing")
        doc_id = str(obj["doc_id"])
        documents[doc_id] = IpeDocument(doc_id, _field(obj, "doc_text", str, where, docs_path),
                                        _labels(obj, "doc_labels", where, docs_path))
    for number, obj in _json_lines(sents_path):
        where = f"line {number}"
        doc = documents.get(str(obj.get("doc_id")))
        if doc is None:
            raise GoldFormatError(sents_path, f"{where}: doc_id {obj.get('doc_id')!r} is not in {docs_path.name}")
        doc.sentences.append(IpeSentence(_field(obj, "sent_id", int, where, sents_path),
                                         _field(obj, "sent_text", str, where, sents_path),
                                         _labels(obj, "sent_labels", where, sents_path)))
    for doc in documents.values():
        doc.sentences.sort(key=lambda s: s.id)
    return list(documents.values())
