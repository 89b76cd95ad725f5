"""Court outcomes (issue 17, recall8): fines and guilty findings are SANCTION 'convict',
a guilty plea admits (CONCEDE), a plea of not guilty denies (REJECT), an acquittal
concedes -- and a plea is no request."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger", [
    ("The magistrate fined the landlord $4,000 for the unsafe wiring.", "fined"),
    ("The former governor was fined $250,000 and sentenced to probation.", "fined"),
    ("The ex-minister was found guilty of taking bribes last year.", "found"),
])
def test_fines_and_guilty_findings_are_convictions(event_triggers, text, trigger):
    assert ("SANCTION", trigger) in event_triggers(text)


def test_a_not_guilty_finding_is_an_acquittal(event_triggers):
    triggers = event_triggers("The former mayor was found not guilty of fraud in March.")
    assert ("CONCEDE", "found not guilty") in triggers
    assert not [t for t in triggers if t[0] == "SANCTION"]


@pytest.mark.parametrize("text, event, trigger", [
    ("The senator's former aide pleaded guilty to lying to investigators.", "CONCEDE", "pleaded guilty"),
    ("The senator's chief of staff pleaded not guilty to all counts.", "REJECT", "pleaded not guilty"),
    ("The two officials pled guilty to bribery on Monday.", "CONCEDE", "pled guilty"),
])
def test_pleas_admit_or_deny_and_ask_nothing(event_triggers, text, event, trigger):
    triggers = event_triggers(text)
    assert (event, trigger) in triggers
    assert not [t for t in triggers if t[0] == "REQUEST"]


def test_a_plea_for_help_stays_a_request(event_triggers):
    assert [t[0] for t in event_triggers("The mayor pleaded with the governor for more troops.")] == ["REQUEST"]


def test_a_plea_not_made_reads_negated(sentence_events):
    assert [e.status for e in sentence_events("The minister did not plead guilty.")
            if e.event == "CONCEDE"] == ["negated"]


@pytest.mark.parametrize("text", [
    "A 19-year-old was charged with burglary after the break-in at the pharmacy.",
    "Both were charged with assault and released on bail.",
    "Three teenagers were accused of setting fire to the bus shelter.",
])
def test_a_charge_with_no_accuser_named_is_still_an_accusation(event_triggers, text):
    assert "ACCUSE" in {event for event, _trigger in event_triggers(text)}


def test_a_thing_blamed_with_no_one_named_is_no_accusation(event_triggers):
    triggers = event_triggers("The new timetable was blamed for the delays on the line.")
    assert "ACCUSE" not in {event for event, _trigger in triggers}
