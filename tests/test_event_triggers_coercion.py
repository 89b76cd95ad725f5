"""Coercion, mobilization and sanction triggers: forces dispatched, measures against a
disaster that are no coercion and measures against unrest that are, alerts and warnings about a
hazard that are no threat (disasters13), exchanges, interceptions
and seizures (issue #17, case5); coups named as a topic (rne5); fleeing a country (rne7).
Sentences are our own."""

from __future__ import annotations

import pytest


def _types(events) -> set[str]:
    return {event for event, _ in events}


# -- forces dispatched (case5) -----------------------------------------------------------------


def test_the_dispatch_of_troops_is_a_mobilization(event_triggers):
    assert ("MOBILIZE", "dispatch") in event_triggers("The government ordered the dispatch of troops to the border.")


# -- measures against a disaster are no coercion (case5) ---------------------------------------


@pytest.mark.parametrize("text", [
    "The province imposed a lockdown on the city to contain the epidemic.",
    "The government declared a state of emergency after the floods.",
    "Authorities imposed a curfew to slow the spread of the virus.",
    "Soldiers were deployed to help residents after the earthquake.",
    "Police sealed off the district after the chemical leak.",
    "The outbreak forced the council to close schools and ban public gatherings.",
])
def test_measures_against_a_disaster_are_no_coercion(event_triggers, text):
    assert not _types(event_triggers(text)) & {"COERCE", "MOBILIZE"}


@pytest.mark.parametrize("text, event", [
    ("Police imposed a curfew in the old city after mobs set fire to shops.", "COERCE"),
    ("The government declared a state of emergency in the province after the protests.", "COERCE"),
    ("The army deployed troops to the border after the ambush.", "MOBILIZE"),
])
def test_measures_against_unrest_are_still_coercion(event_triggers, text, event):
    assert event in _types(event_triggers(text))


# -- the hazard named by the measure; alerts and warnings about one (disasters13) ---------------


@pytest.mark.parametrize("text", [
    "The mayor declared a public health emergency across the county.",
    "The governor declared the measles outbreak a health emergency.",
    "The cabinet declared a state of emergency in the flooded districts.",
    "An emergency was declared in the valley after the water supply was contaminated.",
])
def test_an_emergency_declared_over_a_hazard_is_no_coercion(event_triggers, text):
    assert "COERCE" not in _types(event_triggers(text))


@pytest.mark.parametrize("text", [
    "The health ministry issued a nationwide health alert on Monday.",
    "Doctors issued stark warnings about the spread of the virus.",
    "City officials issued alerts over thick smog in the northern suburbs.",
    "The weather office put out a storm warning for the coast.",
])
def test_alerts_and_warnings_about_a_hazard_are_no_threat_or_mobilization(event_triggers, text):
    assert not _types(event_triggers(text)) & {"THREATEN", "MOBILIZE"}


@pytest.mark.parametrize("text, event", [
    ("The navy placed its frigates on high alert near the strait.", "MOBILIZE"),
    ("Moscow issued a stern warning to Kyiv over the drone strikes.", "THREATEN"),
    ("The junta declared a state of emergency in the capital after the mutiny.", "COERCE"),
])
def test_alerts_warnings_and_emergencies_over_conflict_stay_events(event_triggers, text, event):
    assert event in _types(event_triggers(text))


# -- recall by class: exchanges, interceptions, seizures (case5) -------------------------------


@pytest.mark.parametrize("text, event, trigger", [
    ("Rebels and army units exchanged prisoners near the city on Tuesday.", "RETREAT", "exchanged"),
    ("The two militias swapped captives at the border crossing.", "RETREAT", "swapped"),
    ("Border guards intercepted twelve suspected members of the cell near the capital.", "COERCE", "intercepted"),
    ("The law enforcers seized two landmines and three grenades from a cache near Kharkiv.", "COERCE", "seized"),
])
def test_exchanges_interceptions_and_seizures(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_exchanging_fire_is_no_release(event_triggers):
    assert "RETREAT" not in _types(event_triggers("The two sides exchanged fire across the border."))


# -- coups (rne5) ------------------------------------------------------------------------------


def test_a_coup_named_as_a_topic_is_no_event(event_triggers):
    assert ("COERCE", "coup") not in event_triggers("Opponents of the coup marched through the capital on Sunday.")


# -- fleeing a country (rne7) ------------------------------------------------------------------


@pytest.mark.parametrize("text, trigger", [
    ("Thousands of families fled Sudan after the fighting reached the capital.", "fled"),
    ("The reporter had to flee the country when the junta took power.", "flee"),
    ("Half the villagers fled the town when the militia arrived.", "fled"),
])
def test_fleeing_a_country_is_a_sanction(event_triggers, text, trigger):
    assert ("SANCTION", trigger) in event_triggers(text)


def test_fleeing_the_police_is_no_sanction(event_triggers):
    assert not [t for t in event_triggers("The driver fled the scene before officers arrived.") if t[0] == "SANCTION"]


def test_a_negated_flight_reads_negated(sentence_events):
    assert [e.status for e in sentence_events("They did not flee the city during the siege.")
            if e.event == "SANCTION"] == ["negated"]
