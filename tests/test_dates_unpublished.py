"""Event dates in an article with no publication date (on sentences of our own): an
explicit date still dates its event; words that count from the day of writing keep
their text and offsets and say they could not be resolved; an event that no words
date says its date is unknown, and why."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.fixture(scope="module")
def undated(sentence_events):
    return lambda text: sentence_events(text, published=None)


def test_an_explicit_date_still_dates_the_event(undated):
    event = _only(undated("The foreign minister met his Chinese counterpart in Beijing on 3 March 2018."), "CONSULT")
    date = event.date
    assert (date.value, date.first, date.last, date.precision) == ("2018-03-03", "2018-03-03", "2018-03-03", "day")
    assert (date.source, date.unresolved) == ("clause", None)


@pytest.mark.parametrize("sentence, words, precision", [
    ("Police arrested three protesters in the capital on Friday.", "Friday", "day"),
    ("Rebels attacked an army convoy near the border last week.", "last week", "week"),
])
def test_a_relative_date_keeps_its_words_and_says_it_could_not_be_resolved(undated, sentence, words, precision):
    event = next(e for e in undated(sentence) if e.date is not None)
    date = event.date
    assert (date.text, sentence[date.start:date.end]) == (words, words)
    assert (date.value, date.first, date.last, date.precision) == (None, None, None, precision)
    assert (date.source, date.unresolved) == ("clause", "no_publication_date")


def test_an_event_no_words_date_says_its_date_is_unknown_and_why(undated):
    sentence = "Soldiers fired on demonstrators outside the parliament."
    event = _only(undated(sentence), "ASSAULT")
    date = event.date
    assert (date.text, date.start, date.end) == ("", event.trigger.start, event.trigger.start)
    assert (date.value, date.first, date.last, date.precision) == (None, None, None, "unknown")
    assert (date.source, date.unresolved) == ("published", "no_publication_date")


def test_with_a_publication_date_the_same_event_is_bounded_by_it(sentence_events):
    event = _only(sentence_events("Soldiers fired on demonstrators outside the parliament."), "ASSAULT")
    assert (event.date.last, event.date.source, event.date.unresolved) == ("2024-05-10", "published", None)


def test_a_dateline_day_stands_in_for_the_publication_date(undated):
    event = _only(undated("KAMPALA, 14 June 2019 -- Soldiers fired on demonstrators outside the parliament."),
                  "ASSAULT")
    assert (event.date.last, event.date.unresolved) == ("2019-06-14", None)


def test_words_that_name_no_time_do_not_date_an_event(undated):
    event = _only(undated("Protesters blocked the main road for the fourth straight day."), "PROTEST")
    assert (event.date.text, event.date.source, event.date.unresolved) == ("", "published", "no_publication_date")


def test_the_next_day_after_an_unresolved_day_says_the_same_reason():
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    text = "The suspect was arrested on Tuesday. He was charged the next day."
    mentions = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published=None)).dates
    assert [(m.text, m.unresolved) for m in mentions] == [("Tuesday", "no_publication_date"),
                                                          ("the next day", "no_publication_date")]


@pytest.mark.parametrize("date, shown", [
    ({"value": "2018-03-03", "first": "2018-03-03", "last": "2018-03-03", "precision": "day"}, "date=2018-03-03"),
    ({"last": "2024-05-10"}, "date=..2024-05-10"),  # on or before publication
    ({"unresolved": "no_publication_date"}, "date=?(no_publication_date)"),
])
def test_show_lists_a_date_by_its_days_or_says_why_it_has_none(date, shown):
    from dragoman.query.show import render_article
    from dragoman.records import ArticleRecord, DateMention, Event, Offsets, Trigger

    event = Event(id="E1", event="ASSAULT", sentence=Offsets(start=0, end=10), trigger=Trigger(text="fired", start=9,
                  end=14), rule="verb:active", date=DateMention(text="", start=9, end=9, source="published", **date))
    listing = render_article(ArticleRecord(id="t", text_sha256="", events=[event]))
    assert shown + " " in listing
