"""Senses of 'meet', 'decline' and 'give' that are no event. Meeting a target or a
need is satisfying it, and one "meets his death"; declining with nothing declined, or by an amount, is
decreasing; "give" followed by an in-phrase is no "give in". Sentences are our own."""

from __future__ import annotations

import pytest

from coded_events import types_at


@pytest.mark.parametrize("text, trigger", [
    ("The foreign minister met his Indian counterpart in Delhi on Tuesday.", "met"),
    ("The envoy met with rebel commanders near the border.", "met"),
    ("Kenya's president will meet with opposition leaders next week.", "meet"),
    ("The two prime ministers met on the sidelines of the summit.", "met"),
])
def test_meeting_people_is_a_consultation(sentence_events, text, trigger):
    assert set(types_at(sentence_events(text), trigger)) <= {"CONSULT", "AGREE"}
    assert types_at(sentence_events(text), trigger)


@pytest.mark.parametrize("text, trigger", [
    ("Only two of the ministries met the hiring target this year.", "met"),
    ("The new reservoir is meant to meet the water needs of the growing town.", "meet"),
    ("The factory could not meet the deadline for the order.", "meet"),
    ("The old sailor met his death at sea.", "met"),
])
def test_meeting_a_target_or_a_fate_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("The senator gave a long speech in the capital on Monday.", "gave"),
    ("She gave birth to twins in a taxi last spring.", "gave"),
    ("He hopes to give back to his village in the years ahead.", "give"),
])
def test_give_with_an_in_phrase_is_no_concession(sentence_events, text, trigger):
    assert "CONCEDE" not in types_at(sentence_events(text), trigger)


def test_giving_in_is_a_concession(sentence_events):
    text = "After weeks of strikes the government gave in to the miners."
    assert types_at(sentence_events(text), "gave") == ["CONCEDE"]


@pytest.mark.parametrize("text, trigger", [
    ("The ministry declined the invitation to the talks.", "declined"),
    ("The rebels declined to sign the ceasefire.", "declined"),
])
def test_declining_something_is_a_rejection(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == ["REJECT"]


@pytest.mark.parametrize("text, trigger", [
    ("Exports of grain declined sharply last year.", "declined"),
    ("The main share index declined by three percent on Friday.", "declined"),
    ("The town's population declined an average of forty people a month.", "declined"),
])
def test_declining_in_number_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("Ankara warned that it would close its airspace to the alliance.", "warned"),
    ("The foreign ministry warned of serious consequences if the embargo went ahead.", "warned"),
    ('"We will answer any incursion with force," the general warned.', "warned"),
    ("Senator Alvarez warned the governor that she would block the budget.", "warned"),
])
def test_a_warning_of_ones_own_act_or_a_reprisal_is_a_threat(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == ["THREATEN"]


@pytest.mark.parametrize("text, trigger", [
    ("The treasurer warned the shortfall would be the worst in a decade.", "warned"),
    ("The utility is warning residents not to drink tap water until Friday.", "warning"),
    ("Forecasters warn that the coming winter could be unusually wet.", "warn"),
    ("The senator warned that his rival would wreck the economy.", "warned"),
])
def test_a_caution_or_a_prediction_is_no_threat(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


def test_a_named_party_declining_what_was_put_to_it_is_a_rejection(sentence_events):
    text = "Offered a seat at the table, Mr. Okafor declined."
    assert types_at(sentence_events(text), "declined") == ["REJECT"]
