"""Acceptance on the seed article against its hand annotation (../shared/seed).

The full pipeline, unchanged, must find at least 12 of the 14 annotated events
with an accepted type, the actor and recipient countries and the status; all
10 quotes with the right speaker; neither scare quote as a statement; all 5
places with the right country within 25 km; and the annotated event dates, but
for two events no words of their own date, which carry the publication bound.
"""

from __future__ import annotations

import math

import pytest

from seed import SHARED_SEED, seed_expected, seed_text

pytestmark = pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared/seed is not beside the project")


@pytest.fixture(scope="module")
def expected() -> dict:
    return seed_expected()


@pytest.fixture(scope="module")
def record(expected):
    import dragoman

    text = seed_text()
    return dragoman.extract(text, published=expected["published"], id="seed")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


def _event_matches(gold: dict, event) -> bool:
    if _overlap((event.sentence.start, event.sentence.end), tuple(gold["evidence"])) == 0:
        return False
    if event.event not in gold["event"] or event.status != gold["status"]:
        return False
    if _countries(event.actor) != set(gold["actor"]):
        return False
    return not gold["recipient"] or _countries(event.recipient) == set(gold["recipient"])


def _matched_events(expected, record) -> dict[str, object]:
    matched = {}
    for gold in expected["events"]:
        hits = [e for e in record.events if _event_matches(gold, e)]
        if hits:  # the event whose trigger lies in the gold evidence, before another of its sentence
            evidence = tuple(gold["evidence"])
            matched[gold["id"]] = max(hits, key=lambda e: _overlap((e.trigger.start, e.trigger.end), evidence) > 0)
    return matched


def test_at_least_12_of_14_events(expected, record):
    matched = _matched_events(expected, record)
    missing = [g["id"] for g in expected["events"] if g["id"] not in matched]
    assert len(matched) >= 12, f"matched {len(matched)}/14, missing {missing}"


# annotated events whose own sentence states no day (the second meeting; the resolution's
# call, told again): the annotation gives them the day of an earlier mention, which no
# happening link of the article carries over, so the pipeline bounds them by publication
# ("on or before"). The day they used to get came from a coder step that dated a verb by an
# earlier act of the same actor: a dev-fitted output, wrong on unseen news about as often
# as right, and removed.
_BOUNDED_BY_PUBLICATION = frozenset({"E2", "E5"})


def test_event_dates(expected, record):
    matched = _matched_events(expected, record)
    wrong = []
    for gold in expected["events"]:
        event = matched.get(gold["id"])
        if event is None or "date" not in gold:
            continue
        date = event.date
        want = gold["date"]
        if gold["id"] in _BOUNDED_BY_PUBLICATION:
            got = date and (date.value, date.first, date.last, date.source)
            if got != (None, None, expected["published"], "published"):
                wrong.append((gold["id"], "on or before publication", got))
            continue
        got = (date.first, date.last) if isinstance(want, list) and date else (date.value if date else None)
        if (tuple(want) if isinstance(want, list) else want) != got:
            wrong.append((gold["id"], want, got))
    assert not wrong, wrong


def test_every_quote_with_its_speaker(expected, record):
    problems = []
    for gold in expected["quotes"]:
        span = tuple(gold["span"])
        shorter = lambda q: min(q.end - q.start, span[1] - span[0])  # noqa: E731
        hits = [q for q in record.quotes if _overlap((q.start, q.end), span) * 2 >= shorter(q)]
        if not hits:
            problems.append(("missing", gold["text"][:40]))
            continue
        surname = gold["speaker"].split()[-1]
        speakers = {(q.speaker.name or q.speaker.text) if q.speaker else None for q in hits}
        if not any(s and surname in s for s in speakers):
            problems.append(("speaker", gold["text"][:40], speakers))
    assert not problems, problems


def test_scare_quotes_are_not_statements(expected, record):
    for start, end in expected["not_quotes"]:
        clash = [q.text for q in record.quotes if q.kind == "direct" and _overlap((q.start, q.end), (start, end))]
        assert not clash, clash


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_places_with_country_within_25_km(expected, record):
    for gold in expected["places"]:
        found = [p for p in record.places if p.text == gold["name"]]
        assert found, f"{gold['name']} not found"
        assert all(p.country == gold["country"] for p in found), [(p.text, p.country) for p in found]
        assert all(
            p.lat is not None and _km(p.lat, p.lon, gold["lat"], gold["lon"]) <= 25 for p in found
        ), [(p.text, p.lat, p.lon) for p in found]


def test_actors_coded(expected, record):
    by_name = {a.name: a for a in record.actors}
    for name, gold in expected["actors"].items():
        actor = by_name.get(name)
        assert actor is not None, f"{name} not among {sorted(by_name)}"
        assert actor.country == gold["country"], (name, actor.country)
        if "sector" in gold:
            assert actor.sector in _as_list(gold["sector"]), (name, actor.sector)


def test_every_offset_points_at_its_text(record):
    text = seed_text()
    for e in record.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for p in e.actor + e.recipient:
            assert text[p.start : p.end] == p.text
    for q in record.quotes:
        assert text[q.start : q.end] == q.text
    for item in record.places + record.dates + record.claims + record.entities:
        assert text[item.start : item.end] == item.text
