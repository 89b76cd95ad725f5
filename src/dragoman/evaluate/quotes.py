"""Score quotes against brat attribution gold (content, source, cue spans).

A predicted quote matches a gold content span when they overlap by at least half
of the shorter (one-to-one). When the gold content is discontinuous ("A," he
said, "B.") and we give its pieces as two quotes, the second piece is neither
right nor wrong: the gold itself says the content comes in pieces. Direct and
indirect are scored apart: predicted direct quotes against gold contents in
quotation marks, indirect against the rest. Speaker accuracy is over matched
quotes whose gold attribution names a source.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import Quote, Speaker
from .common import failure_note, first, run_pipeline
from .gold import Attribution, AttributionDoc, read_attributions
from .metrics import PRF, Ratio, Span, overlap, span_prf, spans_match
from .results import SYSTEM, Miss, Report, context

STEPS = ("entities", "actors", "quotes")
KINDS = ("direct", "indirect")


def _span(quote: Quote) -> Span:
    return quote.start, quote.end


def _speaker_right(quote: Quote, source: Span) -> bool:
    speaker = quote.speaker
    return speaker is not None and overlap((speaker.start, speaker.end), source) > 0


def _detect(gold: Sequence[Attribution], spans: Sequence[Span]) -> tuple[PRF, list[tuple[int, int]], set[int]]:
    """Counts, matches, and the predictions that are further pieces of a matched split content."""
    counts, matches = span_prf([a.content for a in gold], spans)
    matched = {p for _, p in matches}
    split_gold = [gold[g].fragments for g, _ in matches if gold[g].fragments]
    pieces = {
        p for p, span in enumerate(spans)
        if p not in matched and any(spans_match(span, f) for fragments in split_gold for f in fragments)
    }
    counts.fp -= len(pieces)
    return counts, matches, pieces


def score(
    docs: Sequence[AttributionDoc], predictions: Mapping[str, Sequence[Quote]], system: str, report: Report
) -> None:
    detection = PRF()
    by_kind = {kind: PRF() for kind in KINDS}
    speakers = {kind: Ratio() for kind in ("all",) + KINDS}
    for doc in docs:
        quotes = list(predictions.get(doc.id, []))
        gold = doc.attributions
        counts, matches, pieces = _detect(gold, [_span(q) for q in quotes])
        detection += counts
        for kind in KINDS:
            gold_k = [a for a in gold if a.direct == (kind == "direct")]
            by_kind[kind] += _detect(gold_k, [_span(q) for q in quotes if q.kind == kind])[0]
        for gi, pi in matches:
            attribution, quote = gold[gi], quotes[pi]
            if attribution.source is None:
                continue
            right = _speaker_right(quote, attribution.source)
            speakers["all"].add(right)
            speakers["direct" if attribution.direct else "indirect"].add(right)
            if not right and system == SYSTEM:
                report.misses.append(_speaker_miss(doc, attribution.source, quote))
        if system == SYSTEM:
            report.misses += _detection_misses(doc, quotes, matches, pieces)
    report.add_prf(system, "quote", detection)
    for kind in KINDS:
        report.add_prf(system, f"{kind} quote", by_kind[kind])
    report.add_ratio(system, "speaker accuracy (matched quotes)", speakers["all"])
    for kind in KINDS:
        report.add_ratio(system, f"speaker accuracy ({kind})", speakers[kind])


def _speaker_miss(doc: AttributionDoc, source: Span, quote: Quote) -> Miss:
    said = quote.speaker.text if quote.speaker else "-"
    return Miss(doc.id, "wrong speaker", doc.text[source[0] : source[1]], said, context(doc.text, *source), 1.0)


def _detection_misses(doc: AttributionDoc, quotes: Sequence[Quote], matches, pieces: set[int]) -> list[Miss]:
    """Missed gold contents (longest first) and spurious predictions."""
    matched_gold = {g for g, _ in matches}
    matched_pred = {p for _, p in matches} | pieces
    misses = []
    for gi, attribution in enumerate(doc.attributions):
        if gi not in matched_gold:
            start, end = attribution.content
            kind = "direct" if attribution.direct else "indirect"
            severity = 2.0 + (end - start) / 10_000  # longer missed quotes first
            misses.append(Miss(doc.id, f"missed {kind} quote", doc.text[start:end][:120], "-", context(doc.text, start, end), severity))
    for pi, quote in enumerate(quotes):
        if pi not in matched_pred:
            misses.append(Miss(doc.id, f"spurious {quote.kind} quote", "-", quote.text[:120], context(doc.text, quote.start, quote.end), 1.5))
    return misses


class BailedOut(list):
    """No quotes, because textacy refused the document (an odd number of quotation marks)."""


def textacy_quotes(doc) -> Optional[list[Quote]]:
    """textacy's dependency-rule `direct_quotations` as quotes, or None if not installed.

    textacy raises ValueError on a document with an unclosed quotation mark
    instead of guessing; such a document counts as one where it found nothing.
    """
    if importlib.util.find_spec("textacy") is None:
        return None
    from textacy.extract.triples import direct_quotations

    quotes: list[Quote] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return BailedOut()
    for index, (speaker, cue, content) in enumerate(triples):
        who = None
        if speaker:
            start, end = speaker[0].idx, speaker[-1].idx + len(speaker[-1])
            who = Speaker(text=doc.text[start:end], start=start, end=end)
        quotes.append(
            Quote(id=f"textacy{index}", kind="direct", text=content.text,
                  start=content.start_char, end=content.end_char, speaker=who)
        )
    return quotes


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    docs = first(read_attributions(path), limit)
    report = Report("quotes", str(path), documents=len(docs))
    failures: list[str] = []
    analyses = run_pipeline([(d.id, d.text, None) for d in docs], STEPS, failures)
    score(docs, {d.id: (a.quotes if a else []) for d, a in zip(docs, analyses)}, SYSTEM, report)
    baseline = [textacy_quotes(a.doc) if a else [] for a in analyses]
    if any(b is None for b in baseline):
        report.notes.append('baseline skipped: textacy is not installed (pip install "dragoman[eval]")')
    else:
        score(docs, {d.id: b for d, b in zip(docs, baseline)}, "baseline: textacy direct_quotations", report)
        bailed = sum(isinstance(b, BailedOut) for b in baseline)
        report.notes.append(f"textacy gave up on {bailed} of {len(docs)} documents (unclosed quotation marks)")
    report.notes += failure_note(failures)
    gold_direct = sum(a.direct for d in docs for a in d.attributions)
    total = sum(len(d.attributions) for d in docs)
    report.notes.append(
        f"{total} gold attributions with content ({gold_direct} quote-marked = direct); "
        "articles with several annotators scored on the first annotation file in name order"
    )
    return report
