"""Score event coding on whole real news articles against the real-news events
(RNE) gold: every event mention of every sentence, grouped into happenings.

A gold mention and one of our events *pair* when they have the same type and our
trigger overlaps the mention's trigger or, failing that, starts in its sentence;
pairing is one to one, overlapping triggers first, then the nearest trigger
starts. From the pairs:

- happening precision: our events that pair / all our events (each reported
  event counts, so repeating a happening gains nothing);
- happening recall: happenings with at least one paired mention / happenings
  (one found mention is enough); happening F1 is their harmonic mean;
- a pair is *fully right* when the actor countries, recipient countries and
  status all agree; the fully-right twins of the three figures count only those;
- countries agree when ours are a non-empty subset of the gold ones (any answer
  agrees with a gold side that names no country). Gold codes are compared as
  written, as the reference scorer does, the PLOVER manual's non-state codes
  too: a transnational armed group is IMG in the gold and in our output (an
  NGO NGO); actor (recipient) country accuracy is over pairs whose gold actor
  (recipient) names a country;
- date accuracy, over pairs whose gold mention has a date (YYYY, YYYY-MM or
  YYYY-MM-DD): right when our date's value, first or last day falls within the
  gold date (starts with it), or is a month or day that the gold date falls
  within ("2016-09" for gold "2016-09-07"); no date, or a range whose bounds
  both lie outside the gold date, is wrong;
- false alarms per 100 sentences: our events whose trigger starts in a sentence
  with no gold mention, per 100 sentences of the articles;
- happening links (ours only; the reference scorer has no such figure): over every
  two of our events of one article that both pair, link precision = those we give one
  `happening` that share a gold happening / those we give one `happening`, link recall
  = the same / those that share a gold happening.

Each paired mention that is not fully right gives one miss per wrong side:
"wrong actor country", "wrong recipient country", "wrong status"
(`dragoman eval rne ... --errors 500 --only "actor country"` lists them); each two
paired events the link figures count against us give a "missed link" (one gold
happening we leave apart) or a "wrong link" (two we join).

Statuses compare with "historical" read as "occurred".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import PLOVER_TYPES, DateMention, Event
from . import halves
from .common import failure_note, first, our_events
from .gold_realnews import Mention, RneArticle, read_rne
from .metrics import Ratio, overlap
from .results import SYSTEM, Miss, Report, Row, context

Pair = tuple[int, int]  # (gold mention index, our event index)


def pair_events(mentions: Sequence[Mention], events: Sequence[Event]) -> list[Pair]:
    """One-to-one pairs of same-type gold mentions and events (module docstring)."""
    candidates = []
    for mi, mention in enumerate(mentions):
        for ei, event in enumerate(events):
            if event.event != mention.event:
                continue
            trigger = (event.trigger.start, event.trigger.end)
            if overlap(trigger, mention.trigger):
                rank = 0
            elif mention.sentence[0] <= trigger[0] < mention.sentence[1]:
                rank = 1
            else:
                continue
            candidates.append((rank, abs(trigger[0] - mention.trigger[0]), mi, ei))
    taken_gold: set[int] = set()
    taken_ours: set[int] = set()
    pairs = []
    for _rank, _distance, mi, ei in sorted(candidates):
        if mi not in taken_gold and ei not in taken_ours:
            taken_gold.add(mi)
            taken_ours.add(ei)
            pairs.append((mi, ei))
    return pairs


def countries_agree(gold: frozenset[str], parties) -> bool:
    ours = {p.country for p in parties if p.country}
    return not gold or (bool(ours) and ours <= gold)


def same_status(mention: Mention, event: Event) -> bool:
    return ("occurred" if event.status == "historical" else event.status) == mention.status


def date_agrees(gold: str, ours: Optional[DateMention]) -> bool:
    """Gold YYYY[-MM[-DD]] against our date (module docstring)."""
    if ours is None:
        return False
    values = [v for v in (ours.value, ours.first, ours.last) if v]
    return any(v.startswith(gold) or (gold.startswith(v) and len(v) >= len("YYYY-MM")) for v in values)


@dataclass
class Tally:
    """Counts summed over articles."""

    events: int = 0  # ours
    paired: int = 0
    fully_right: int = 0
    happenings: int = 0
    found: int = 0  # happenings with a paired mention
    found_right: int = 0  # ... with a fully right pair
    sentences: int = 0
    false_alarms: int = 0
    links: int = 0  # two paired events of ours with one `happening`
    gold_links: int = 0  # two paired events of ours whose mentions share a gold happening
    right_links: int = 0  # both
    actor: Ratio = field(default_factory=Ratio)
    recipient: Ratio = field(default_factory=Ratio)
    status: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    misses: list[Miss] = field(default_factory=list)

    def add(self, article: RneArticle, events: Sequence[Event]) -> None:
        mentions = article.mentions
        pairs = pair_events(mentions, events)
        self.events += len(events)
        self.paired += len(pairs)
        self.happenings += len({m.happening for m in mentions})
        self.sentences += len(article.sentences)
        found, right = set(), set()
        for mi, ei in pairs:
            mention, event = mentions[mi], events[ei]
            actor_ok = countries_agree(mention.actor_countries, event.actor)
            recipient_ok = countries_agree(mention.recipient_countries, event.recipient)
            status_ok = same_status(mention, event)
            if mention.actor_countries:
                self.actor.add(actor_ok)
            if mention.recipient_countries:
                self.recipient.add(recipient_ok)
            self.status.add(status_ok)
            if mention.date:
                date_ok = date_agrees(mention.date, event.date)
                self.date.add(date_ok)
                if not date_ok:
                    self.misses.append(_wrong_date(article, mention, event))
            found.add(mention.happening)
            if actor_ok and recipient_ok and status_ok:
                self.fully_right += 1
                right.add(mention.happening)
            else:
                self.misses += _wrong(article, mention, event, actor_ok, recipient_ok, status_ok)
        self.found += len(found)
        self.found_right += len(right)
        self._links(article, events, pairs)
        self._false_alarms(article, events)
        for mention in mentions:
            if mention.happening not in found:
                found.add(mention.happening)  # one miss per happening, at its first mention
                self.misses.append(Miss(article.id, "missed happening", f"{mention.event} [{mention.status}]", "-",
                                        context(article.text, *mention.trigger), severity=2.0))

    def _links(self, article: RneArticle, events: Sequence[Event], pairs: Sequence[Pair]) -> None:
        mentions = article.mentions
        for (mi, ei), (mj, ej) in combinations(sorted(pairs, key=lambda p: events[p[1]].trigger.start), 2):
            ours = events[ei].happening is not None and events[ei].happening == events[ej].happening
            gold = mentions[mi].happening == mentions[mj].happening
            self.links += ours
            self.gold_links += gold
            self.right_links += ours and gold
            if ours != gold:
                self.misses.append(_wrong_link(article, events[ei], events[ej], gold))

    def _false_alarms(self, article: RneArticle, events: Sequence[Event]) -> None:
        reported = {m.sentence for m in article.mentions}
        for event in events:
            start = event.trigger.start
            sentence = next((s for s in article.sentences if s[0] <= start < s[1]), None)
            if sentence is not None and sentence not in reported:
                self.false_alarms += 1
                self.misses.append(Miss(article.id, "false alarm", "-", f"{event.event} [{event.status}]",
                                        context(article.text, event.trigger.start, event.trigger.end), severity=1.5))

    def rows(self, system: str, prefix: str) -> list[Row]:
        rows = []
        for name, paired, found in (("happening", self.paired, self.found),
                                    ("fully-right happening", self.fully_right, self.found_right)):
            precision = paired / self.events if self.events else 0.0
            recall = found / self.happenings if self.happenings else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            rows += [
                Row(system, f"{prefix}{name} precision", precision, {"paired": paired, "events": self.events}),
                Row(system, f"{prefix}{name} recall", recall, {"found": found, "happenings": self.happenings}),
                Row(system, f"{prefix}{name} F1", f1),
            ]
        for name, ratio in (("actor country accuracy", self.actor), ("recipient country accuracy", self.recipient),
                            ("status accuracy", self.status), ("date accuracy", self.date)):
            rows.append(Row(system, f"{prefix}{name}", ratio.value if ratio.total else None,
                            {"correct": ratio.correct, "total": ratio.total}))
        per_100 = 100 * self.false_alarms / self.sentences if self.sentences else None
        rows.append(Row(system, f"{prefix}false alarms per 100 sentences", per_100,
                        {"false alarms": self.false_alarms, "sentences": self.sentences}))
        for name, total, kind in (("precision", self.links, "ours"), ("recall", self.gold_links, "gold")):
            rows.append(Row(system, f"{prefix}happening link {name}", self.right_links / total if total else None,
                            {"right": self.right_links, kind: total}))
        return rows


def _wrong(article: RneArticle, mention: Mention, event: Event, actor_ok: bool, recipient_ok: bool,
           status_ok: bool) -> list[Miss]:
    """One miss per wrong side of a pair, so that `--only "wrong actor country"`
    lists exactly the pairs the actor country accuracy counts as wrong."""
    def side(gold: frozenset[str], names: tuple[str, ...], parties) -> tuple[str, str]:
        ours = ", ".join(f"{p.text}={p.country or '-'}" for p in parties) or "none"
        return f"{sorted({p.country for p in parties if p.country})} ({ours})", f"{sorted(gold)} ({', '.join(names)})"

    where = context(article.text, *mention.trigger)
    misses = []
    for what, ok, (ours, gold) in (
            ("actor", actor_ok, side(mention.actor_countries, mention.actor_names, event.actor)),
            ("recipient", recipient_ok, side(mention.recipient_countries, mention.recipient_names, event.recipient)),
            ("status", status_ok, (event.status, mention.status))):
        if not ok:
            kind = f"wrong {what}" if what == "status" else f"wrong {what} country"
            misses.append(Miss(article.id, kind, f"{mention.event}: {gold}", ours, where, severity=1.0))
    return misses


def _wrong_link(article: RneArticle, earlier: Event, later: Event, gold: bool) -> Miss:
    """A "missed link" (gold: one happening, ours: two) or a "wrong link" (the reverse),
    shown at both triggers."""
    where = " ... ".join(context(article.text, e.trigger.start, e.trigger.end, width=40) for e in (earlier, later))
    kind, said = ("missed link", "one happening") if gold else ("wrong link", "two happenings")
    return Miss(article.id, kind, f"{said}: {earlier.event} ~ {later.event}",
                f"{earlier.id} in {earlier.happening}, {later.id} in {later.happening}", where, severity=0.4)


def _wrong_date(article: RneArticle, mention: Mention, event: Event) -> Miss:
    when = event.date
    ours = "no date" if when is None else (
        f"{when.text!r} value={when.value} first={when.first} last={when.last} "
        f"precision={when.precision} source={when.source}")
    return Miss(article.id, "wrong date", f"{mention.event} {mention.date}", ours,
                context(article.text, *mention.trigger), severity=0.5)


def score(articles: Sequence[RneArticle], events: Mapping[str, list[Event]], report: Report, prefix: str = "") -> Tally:
    tally = Tally()
    for article in articles:
        tally.add(article, [e for e in events[article.id] if e.event in PLOVER_TYPES])
    report.rows += tally.rows(SYSTEM, prefix)
    return tally


def evaluate(path: Path | str, limit: Optional[int] = None, *, half: str = "all", by_half: bool = False,
             predictions: Optional[Path | str] = None) -> Report:
    articles = first(halves.select(read_rne(path), half, lambda a: a.id), limit)
    report = Report("rne", str(path), documents=len(articles))
    failures: list[str] = []
    events = our_events([(a.id, a.text, a.published) for a in articles], predictions, failures)
    for prefix, part in halves.parts(articles, lambda a: a.id, by_half):
        tally = score(part, events, report, prefix)
        if not prefix or prefix.startswith("all"):
            report.misses += tally.misses
    report.notes += failure_note(failures)
    if half != "all":
        report.notes.append(f"{half} half only")
    report.notes.append("no baseline for rne")
    return report
