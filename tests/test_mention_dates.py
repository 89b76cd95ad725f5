"""An event no words date takes the day another mention of its happening states
(`date_from_mentions`), never the other way round. Sentences are our own."""

from __future__ import annotations

from dragoman.records import DateMention, Event, Offsets, Trigger
from dragoman.resolve.happenings import date_from_mentions

TEXT = ("Border guards detained a smuggler at the river crossing on Tuesday. "
        "The detention angered his family.")


def _event(event_id: str, trigger: str, date: DateMention | None, *, happening="E1", status="occurred") -> Event:
    start = TEXT.index(trigger)
    return Event(id=event_id, event="COERCE", quad=4, sentence=Offsets(start=0, end=len(TEXT)),
                 trigger=Trigger(text=trigger, start=start, end=start + len(trigger)), rule="test",
                 status=status, date=date, happening=happening)


def _day(day: str, source: str) -> DateMention:
    return DateMention(text="on Tuesday", start=56, end=66, value=day, first=day, last=day, precision="day",
                       source=source)


def _by_publication(last: str | None = "2024-05-10", first: str | None = None, source="published") -> DateMention:
    return DateMention(text="", start=0, end=0, first=first, last=last, precision="unknown", source=source)


def test_an_undated_mention_takes_the_day_a_linked_mention_states():
    told = _event("E1", "detained", _day("2024-05-07", "clause"))
    again = _event("E2", "detention", _by_publication())
    dated = date_from_mentions([told, again])
    assert dated[0] == told
    date = dated[1].date
    assert (date.value, date.source, date.text, date.start) == ("2024-05-07", "mention", "", again.trigger.start)


def test_a_later_mention_lends_its_day_to_an_earlier_one():
    first = _event("E1", "detained", _by_publication())
    later = _event("E2", "detention", _day("2024-05-07", "sentence"))
    assert date_from_mentions([first, later])[0].date.value == "2024-05-07"


def test_a_stated_date_is_never_replaced():
    year = DateMention(text="in 1998", start=0, end=7, value="1998", first="1998-01-01", last="1998-12-31",
                       precision="year", source="clause")
    first = _event("E1", "detained", year)
    later = _event("E2", "detention", _day("1998-05-07", "clause"))
    assert date_from_mentions([first, later])[0].date == year


def test_no_day_from_a_mention_of_another_happening_or_from_an_unstated_date():
    told = _event("E1", "detained", _day("2024-05-07", "clause"))
    other = _event("E2", "detention", _by_publication(), happening="E2")
    assert date_from_mentions([told, other])[1].date.source == "published"
    inherited = _event("E1", "detained", _day("2024-05-07", "mention"))
    again = _event("E2", "detention", _by_publication())
    assert date_from_mentions([inherited, again])[1].date.source == "published"


def test_a_bound_the_day_falls_outside_of_is_kept():
    told = _event("E1", "detained", _day("2024-05-07", "clause"))
    earlier = _event("E2", "detention", _by_publication(last="2024-05-01", source="sentence"))
    assert date_from_mentions([told, earlier])[1].date.last == "2024-05-01"
    within = _event("E2", "detention", _by_publication(last="2024-05-09", source="sentence"))
    assert date_from_mentions([told, within])[1].date.value == "2024-05-07"


def test_only_mentions_told_as_having_happened_share_a_day():
    told = _event("E1", "detained", _day("2024-05-07", "clause"))
    denied = _event("E2", "detention", _by_publication(), status="negated")
    assert date_from_mentions([told, denied])[1].date.source == "published"
    planned = _event("E1", "detained", _day("2024-05-07", "clause"), status="future")
    again = _event("E2", "detention", _by_publication())
    assert date_from_mentions([planned, again])[1].date.source == "published"


def test_an_event_noun_naming_a_dated_act_again_takes_its_day(sentence_events):
    events = sentence_events("Rebel fighters shelled the market town of Kessa on Monday, the army said. "
                             "The shelling of Kessa by the rebel fighters killed four traders, local officials said.")
    told, again = [e for e in events if e.event == "ASSAULT"]
    assert again.happening == told.id
    assert (told.date.value, told.date.source) == ("2024-05-06", "clause")
    assert (again.date.value, again.date.source) == ("2024-05-06", "mention")
