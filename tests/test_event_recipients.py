"""Recipients of events: demands, offers and datives, the targets of blockades, barrages and
closures, tributes paid to someone, events standing for their doers, the subject of a
verb that draws, incurs or evades a conflict, and a definite event noun that takes the
target of the event it refers back to. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


# -- demands, offers and datives ---------------------------------------------------------------


def test_rejected_demand_names_the_demander_as_recipient(events_of):
    events = events_of("The Kremlin dismissed the demands by Ukraine.")
    assert [e.event for e in events] == ["REJECT"]
    assert _countries(events[0].recipient) == {"UKR"}


def test_requested_act_agent_is_recipient(events_of):
    event = _only(events_of("The European Union demanded the withdrawal of Serbian forces."), "REQUEST")
    assert _countries(event.recipient) == {"SRB"}


def test_demand_that_clause_subject_is_the_recipient(events_of):
    event = _only(events_of("Germany demanded that Russia release the journalist."), "REQUEST")
    assert _countries(event.recipient) == {"RUS"}


def test_answered_demand_names_its_maker_as_recipient(events_of):
    concession = _only(events_of("The Kenyan government accepted demands from Uganda."), "CONCEDE")
    assert _countries(concession.recipient) == {"UGA"}


def test_offer_whose_content_is_no_event_keeps_its_to_object(events_of):
    event = _only(events_of("Kenya offered to hand over the two suspects to Britain."), "AGREE")
    assert _countries(event.recipient) == {"GBR"}


def test_light_verb_dative_is_the_recipient(events_of):
    event = _only(events_of("Ecuador granted asylum to two Colombian journalists."), "AID")
    assert _countries(event.recipient) == {"COL"}


def test_act_done_for_another_borrows_its_recipient(events_of):
    event = _only(events_of("Police opened fire to disperse Egyptian demonstrators in Cairo."), "ASSAULT")
    assert _countries(event.recipient) == {"EGY"}


def test_a_meeting_between_two_parties_names_both_as_recipients(events_of):
    event = _only(events_of("Norway offered to host a meeting between Colombian officials and the rebels."),
                  "AGREE")
    assert "COL" in _countries(event.recipient)
    assert len(event.recipient) == 2


def test_discussed_sanctions_lend_no_recipient_to_the_talks(events_of):
    talks = _only(events_of("The ministers discussed sanctions against Iran."), "CONSULT")
    assert talks.recipient == []


def test_opening_borders_to_someone_gives_them_access(events_of):
    event = _only(events_of("Sudan opened its borders to UN monitors on Tuesday."), "RETREAT")
    assert event.mode == "access"
    assert _countries(event.recipient) == {"IGO"}


# -- targets -----------------------------------------------------------------------------------


def test_barrage_takes_its_target_as_recipient(events_of):
    text = "Sudanese troops launched rocket, drone and artillery fire against Chadian outposts."
    attack = _only(events_of(text), "ASSAULT")
    assert (_countries(attack.actor), _countries(attack.recipient)) == ({"SDN"}, {"TCD"})


def test_closed_border_targets_the_neighbour(events_of):
    closure = _only(events_of("Hungary closed its border with Serbia."), "COERCE")
    assert (_countries(closure.actor), _countries(closure.recipient)) == ({"HUN"}, {"SRB"})


def test_the_of_phrase_of_a_blockade_is_its_target(events_of):
    events = events_of("The navy will tighten its blockade of Yemen with Egypt's support, Saudi Arabia said.")
    event = next(e for e in events if e.trigger.text == "blockade")
    assert _countries(event.recipient) == {"YEM"}


def test_a_place_in_a_without_phrase_is_not_the_target(events_of):
    event = _only(events_of("The ousted leader agreed to step down without going back to Bolivia."), "AGREE")
    assert "BOL" not in _countries(event.recipient)
