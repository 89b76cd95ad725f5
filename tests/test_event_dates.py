"""Dates of events on sentences of our own: the publication day bounds an undated past event,
a happening mentioned again keeps its date, and what has not happened is not bounded."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_undated_past_event_is_bounded_by_publication_not_dated_by_it(events_of):
    event = _only(events_of("Lithuanian police arrested two Belarusian smugglers."), "COERCE")
    date = event.date
    assert (date.value, date.first, date.last, date.source) == (None, None, "2024-05-10", "published")


def test_a_happening_mentioned_again_keeps_its_date(events_of):
    text = (
        "The Chilean foreign minister met Peru's president in Lima on Tuesday. "
        "The talks were cordial, aides said. "
        "Fishing quotas took most of the time. "
        "Border trade came up only briefly. "  # farther back than the story's day carries
        "The Chilean foreign minister met Peru's president again to sign the accord."
    )
    meetings = [e for e in events_of(text) if e.event == "CONSULT"]
    assert [(e.date.value, e.date.source) for e in meetings][-1] == ("2024-05-07", "mention")


# a dated meeting, three sentences of other matters, then the meeting told again
_MET_IN_2019_THEN_AGAIN = (
    "The Chilean foreign minister met Peru's president in Lima on 4 June 2019. "
    "The talks were cordial, aides said. "
    "Fishing quotas took most of the time. "
    "Border trade came up only briefly. "
    "The Chilean foreign minister met Peru's president again to sign the accord."
)


def test_a_happening_mentioned_again_keeps_its_date_without_a_publication_day(events_of):
    text = _MET_IN_2019_THEN_AGAIN
    meetings = [e for e in events_of(text, published=None) if e.event == "CONSULT"]
    assert [(e.date.value, e.date.source) for e in meetings][-1] == ("2019-06-04", "mention")


def test_an_undated_repeat_of_an_old_act_keeps_the_publication_bound(events_of):
    # "met ... again" five years after the first meeting is not linked to it (their days
    # cannot overlap), so no words date it: it happened on or before publication
    text = _MET_IN_2019_THEN_AGAIN
    again = [e for e in events_of(text) if e.event == "CONSULT"][-1]
    date = again.date
    assert (date.value, date.last, date.source, again.status) == (None, "2024-05-10", "published", "occurred")


def test_a_happening_date_needs_the_same_actor_not_only_its_country(events_of):
    text = (
        "The French president met the Italian prime minister in Rome on Tuesday. "
        "The talks were long, aides said. "
        "Wine exports came up. "
        "Fishing rights did not. "
        "The French farm minister met the Italian farm minister in Paris."
    )
    meetings = [e for e in events_of(text) if e.event == "CONSULT"]
    assert meetings[-1].date.source == "published"


def test_a_month_or_year_does_not_date_another_mention(events_of):
    text = (
        "Senator Maria Lopez endorsed Governor Alan Reyes in March. "
        "Voters were surprised. "
        "Lopez is a moderate. "
        "Senator Maria Lopez endorsed Governor Alan Reyes again."
    )
    endorsements = [e for e in events_of(text) if e.event == "SUPPORT"]
    assert [e.date.source for e in endorsements] == ["clause", "published"]


@pytest.mark.parametrize("again, source", [("could visit Madrid again", None),
                                           ("did not visit Madrid again", "published")])
def test_a_mention_not_told_as_happened_takes_no_date_of_another(events_of, again, source):
    text = ("Peruvian Foreign Minister Carlos Ruiz visited Madrid on Monday. The visit was short. Aides were pleased. "
            f"The weather was fine. Carlos Ruiz {again}.")
    visits = [e for e in events_of(text) if e.event == "CONSULT"]
    assert (visits[-1].date and visits[-1].date.source) == source


@pytest.mark.parametrize("text, event_type", [
    ("The prime minister could meet the Kenyan president.", "CONSULT"),
    ("The senator would oppose the treaty if it reached the floor.", "ACCUSE"),
    ("Had the guards stayed, the mob would have stormed the depot.", "ASSAULT"),
])
def test_an_undated_event_that_has_not_happened_is_not_bounded_by_publication(events_of, text, event_type):
    event = _only(events_of(text), event_type)
    assert event.status in ("future", "hypothetical") and event.date is None


def test_an_announced_threat_keeps_the_bound_of_its_statement(events_of):
    event = _only(events_of("The dockers' union said it would strike."), "THREATEN")
    assert (event.status, event.date.last, event.date.source) == ("occurred", "2024-05-10", "published")


def test_a_noun_mention_does_not_take_an_earlier_date(events_of):
    text = (
        "Rebels attacked an army base in Darfur on Sunday. "
        "Officials blamed the rebels for the attack on a market last year."
    )
    later = [e for e in events_of(text) if e.event == "ASSAULT" and e.trigger.text == "attack"]
    assert all(e.date is None or e.date.source != "mention" for e in later)
