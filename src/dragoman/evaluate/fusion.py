"""`dragoman eval fusion`: do reports of one happening become one fused event, and only they?

The gold set (`data/samples/fusion_set.yaml`, written by us) lists short reports, each
with the happening its first event of type `event` reports. Every report is analysed and
added to a fresh temporary store in order, as `dragoman ingest` would (a near-duplicate
is linked to its original instead); a report's predicted happening is the fused event of
that first event (a report where no event of that type is found stands alone).

Scores: pairwise precision/recall/F1 over pairs of reports (a pair is predicted when both
are in one fused event, gold when both report one happening) and B-cubed precision,
recall and F1 (per report, the share of its predicted cluster that is right, and of its
gold cluster that was found). Baseline: the ICEWS-style duplicate key (event type,
actor and recipient countries, publication day) over the same coded events.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Hashable, Mapping, Optional

import yaml

from ..records import Article
from .gold import GoldFormatError, _existing, _read_text
from .metrics import PRF
from .results import Miss, Report, Row

DEFAULT_SET = Path(__file__).resolve().parents[1] / "data" / "samples" / "fusion_set.yaml"
_FIELDS = ("id", "happening", "event", "text")


def read_reports(path: Path | str, limit: Optional[int] = None) -> list[dict]:
    """The gold reports; GoldFormatError naming the first problem."""
    path = _existing(path)
    try:
        data = yaml.safe_load(_read_text(path))
    except yaml.YAMLError as exc:
        raise GoldFormatError(path, f"not YAML ({exc})") from None
    reports = data.get("reports") if isinstance(data, dict) else None
    if not isinstance(reports, list) or not reports:
        raise GoldFormatError(path, "no 'reports' list")
    for number, report in enumerate(reports, 1):
        missing = [name for name in _FIELDS if not isinstance(report, dict) or not report.get(name)]
        if missing:
            raise GoldFormatError(path, f"report {number}: no {missing[0]!r}")
    return reports[:limit] if limit else reports


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> PRF:
    ids = sorted(gold)
    prf = PRF()
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same_p, same_g = predicted[a] == predicted[b], gold[a] == gold[b]
            prf.tp += same_p and same_g
            prf.fp += same_p and not same_g
            prf.fn += same_g and not same_p
    return prf


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    clusters_p, clusters_g = defaultdict(set), defaultdict(set)
    for item in gold:
        clusters_p[predicted[item]].add(item)
        clusters_g[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        both = len(clusters_p[predicted[item]] & clusters_g[gold[item]])
        precision += both / len(clusters_p[predicted[item]])
        recall += both / len(clusters_g[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def _add_scores(report: Report, system: str, predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> None:
    report.add_prf(system, "pairwise", pairwise(predicted, gold))
    p, r, f = bcubed(predicted, gold)
    for name, value in (("B-cubed precision", p), ("B-cubed recall", r), ("B-cubed F1", f)):
        report.rows.append(Row(system, name, value, {"reports": len(gold)}))


def evaluate(path: Path | str = DEFAULT_SET, limit: Optional[int] = None) -> Report:
    reports = read_reports(path, limit)
    gold = {r["id"]: r["happening"] for r in reports}
    result = Report("fusion", str(path), documents=len(reports))
    predicted, baseline, _stories = _ingest(reports, result)
    _add_scores(result, "dragoman", predicted, gold)
    _add_scores(result, "baseline: ICEWS-style key (type, countries, day)", baseline, gold)
    _misses(result, reports, predicted, gold)
    return result


def evaluate_stories(path: Path | str = DEFAULT_SET, limit: Optional[int] = None) -> Report:
    """The same reports scored by story line (`story`): pairwise and B-cubed over reports,
    beside the baseline of one story per publication day."""
    reports = read_reports(path, limit)
    if any(not r.get("story") for r in reports):
        raise GoldFormatError(path, "every report needs a 'story' to score stories")
    gold = {r["id"]: r["story"] for r in reports}
    result = Report("stories", str(path), documents=len(reports))
    _predicted, _baseline, stories = _ingest(reports, result)
    _add_scores(result, "dragoman", stories, gold)
    _add_scores(result, "baseline: one story per day", {r["id"]: r.get("published") for r in reports}, gold)
    _misses(result, reports, stories, gold)
    return result


def _ingest(reports: list[dict], result: Report):
    """Each report's fused event, ICEWS-style key and story, after adding them all to a fresh store."""
    from ..ingest.near_duplicates import signature
    from ..pipeline import Pipeline
    from ..store import Store

    pipeline = Pipeline()
    predicted: dict[str, Hashable] = {}
    baseline: dict[str, Hashable] = {}
    stored_as: dict[str, str] = {}  # each report's article: itself, or the one it repeats
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "fusion.db") as store:
        for r in reports:
            article = Article(id=r["id"], text=r["text"], published=r.get("published"), source=r.get("source"))
            found = signature(article.text)
            match = store.near_duplicate_of(found) if found else None
            if match is not None:
                store.link_near_duplicate(article, match)
                predicted[r["id"]], baseline[r["id"]] = predicted[match.original_id], baseline[match.original_id]
                stored_as[r["id"]] = stored_as[match.original_id]
                continue
            record = pipeline.analyse(article).to_record()
            store.add(record, article.text)
            stored_as[r["id"]] = record.id
            event = next((e for e in record.events if e.event == r["event"]), None)
            if event is None:
                predicted[r["id"]] = baseline[r["id"]] = ("alone", r["id"])
                result.notes.append(f"{r['id']}: no {r['event']} event found")
                continue
            predicted[r["id"]] = store.fused_event_of(record.id, event.id)
            baseline[r["id"]] = (event.event, tuple(sorted({p.country for p in event.actor if p.country})),
                                 tuple(sorted({p.country for p in event.recipient if p.country})), r.get("published"))
        # read once all are in: a later report may merge or split the stories of earlier ones
        stories: dict[str, Hashable] = {report: store.story_of(article) for report, article in stored_as.items()}
    return predicted, baseline, stories


def _misses(result: Report, reports: list[dict], predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]):
    for i, a in enumerate(reports):
        for b in reports[i + 1:]:
            same_p, same_g = predicted[a["id"]] == predicted[b["id"]], gold[a["id"]] == gold[b["id"]]
            if same_p != same_g:
                result.misses.append(Miss(
                    f"{a['id']} / {b['id']}", "wrongly fused" if same_p else "missed join",
                    "same" if same_g else "different", "same" if same_p else "different",
                    f"{a['text']} | {b['text']}", 1.0))
