"""Issue #17 (ipe5): police force, killings and custody as Indian, British and
US news tell them -- baton charges, resultative killings, custody verbs with a
police doer, shooting told again with no doer, and unnamed authorities that
make arrests, and what can be done as no act done. Sentences are ours."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def asserted(sentence_events):
    return lambda text: [e for e in sentence_events(text) if e.status in ("occurred", "historical")]


def _police(party) -> bool:
    return party.sector == "COP" or "police" in party.text.lower()


@pytest.mark.parametrize("text", [
    "The police lathi-charged the students outside the college gates.",
    "A lathi charge on the marchers left a dozen of them hurt.",
    "Officers made a baton charge on the fans outside the ground.",
])
def test_baton_charges_are_crowd_control(asserted, text):
    assert ("ASSAULT", "crowd-control") in {(e.event, e.mode) for e in asserted(text)}


def test_the_doer_of_a_hyphenated_charge_is_the_police(asserted):
    charge = next(e for e in asserted("the police lathi-charged the mob near the bus stand.") if e.event == "ASSAULT")
    assert any(_police(p) for p in charge.actor)


@pytest.mark.parametrize("text, trigger", [
    ("Police shot dead a wanted robber near the highway on Monday.", "shot dead"),
    ("The shopkeeper was beaten to death by a gang of youths.", "beaten to death"),
    ("Two villagers were hacked to death in the night.", "hacked to death"),
    ("Troopers gunned down the fleeing gunman outside the bank.", "gunned down"),
])
def test_a_resultative_killing_is_one_trigger(asserted, text, trigger):
    assert trigger in {e.trigger.text for e in asserted(text) if e.event == "ASSAULT"}


@pytest.mark.parametrize("text", [
    "She picked up the phone and called her brother.",
    "The fisherman caught a huge salmon in the river.",
    "Volunteers picked up litter along the beach.",
])
def test_picking_up_or_catching_things_is_no_arrest(asserted, text):
    assert ("COERCE", "arrest") not in {(e.event, e.mode) for e in asserted(text)}


def test_putting_someone_behind_bars_is_an_arrest(asserted):
    assert ("COERCE", "arrest") in {(e.event, e.mode) for e in asserted("The editor was put behind bars last week.")}


def test_a_passive_arrest_after_an_active_verb_names_who_was_arrested(asserted):
    arrest = next(e for e in asserted("The marchers left the park at noon and were arrested near the bridge.")
                  if e.event == "COERCE")
    assert [p.text for p in arrest.recipient] == ["The marchers"]


def test_a_passive_meeting_after_an_active_verb_is_no_meeting(asserted):
    text = "The council signalled that it wanted to change the rules but was met with opposition."
    assert "CONSULT" not in {e.event for e in asserted(text)}


def test_firing_resorted_to_is_done_by_who_resorted(asserted):
    firing = [e for e in asserted("A man died when the police resorted to firing to scatter the mob.")
              if e.event == "ASSAULT"]
    assert firing and any(_police(p) for e in firing for p in e.actor)


def test_a_killing_in_the_firing_is_by_who_fired_just_before(asserted):
    text = "Police opened fire on the crowd outside the depot. One man was killed in the firing."
    killing = next(e for e in asserted(text) if e.trigger.text == "killed")
    assert any(_police(p) for p in killing.actor)


def test_a_killing_in_the_firing_long_after_keeps_no_doer(asserted):
    text = ("Police opened fire on the crowd outside the depot. The market stayed shut. Schools closed early. "
            "Buses stopped running by noon. One man was killed in the firing.")
    killing = next(e for e in asserted(text) if e.trigger.text == "killed")
    assert not any(_police(p) for p in killing.actor)


def test_shots_with_no_doer_after_arson_are_not_the_arsonists(asserted):
    text = "A mob set fire to shops in the bazaar. Two people were killed in the firing."
    killing = next(e for e in asserted(text) if e.trigger.text == "killed")
    assert not killing.actor or all(p.text != "A mob" for p in killing.actor)


def test_unnamed_authorities_that_arrest_are_the_police(asserted):
    text = "Forty students were arrested in Lucknow on Tuesday, the Indian government said."
    arrest = next(e for e in asserted(text) if e.event == "COERCE")
    assert all(p.sector == "COP" for p in arrest.actor)


def test_security_forces_moved_into_place_are_a_police_mobilization(asserted):
    events = asserted("Additional security forces were deployed in the old city on Friday.")
    assert ("MOBILIZE", "police") in {(e.event, e.mode) for e in events}


@pytest.mark.parametrize("text", [
    "Under the new act such activists can be arrested without a warrant.",
    "Residents can visit the council offices on weekdays.",
])
def test_what_can_be_done_is_not_done(sentence_events, text):
    assert all(e.status != "occurred" for e in sentence_events(text))
