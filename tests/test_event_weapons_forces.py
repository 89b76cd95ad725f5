"""Issue #17 (real-news events): weapons taken out of use, shows of force and
people acted on are word classes, not the words of a few evaluation sentences."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def coded(sentence_events):
    return lambda text: {(e.event, e.mode) for e in sentence_events(text) if e.status in ("occurred", "historical")}


@pytest.mark.parametrize("text", [
    "Army engineers defused four roadside bombs outside the market town on Tuesday.",
    "Coast guards intercepted a consignment of rifles and hand grenades off the island.",
    "Border police seized a dozen landmines and two detonators in a raid on the farm.",
    "Officers found a stash of dynamite and shotguns hidden in a barn near the border.",
])
def test_weapons_stopped_or_taken_are_a_seizure(coded, text):
    assert ("COERCE", "seize") in coded(text)


@pytest.mark.parametrize("text", [
    "The negotiators defused the row over fishing quotas in a late-night session.",
    "The striker intercepted a loose pass and scored in the second half.",
])
def test_defusing_a_row_or_intercepting_a_pass_is_no_seizure(coded, text):
    assert ("COERCE", "seize") not in coded(text)


@pytest.mark.parametrize("text", [
    "The defence ministry mobilized 20,000 reservists near the eastern frontier last week.",
    "The army mobilized along the border on Friday as talks stalled.",
])
def test_mobilizing_armed_people_is_a_show_of_force(coded, text):
    assert "MOBILIZE" in {event for event, _mode in coded(text)}


@pytest.mark.parametrize("text", [
    "The senator's campaign mobilized thousands of volunteers to knock on doors.",
    "The army mobilized efforts to rescue families stranded by the floods.",
])
def test_mobilizing_volunteers_or_efforts_is_no_show_of_force(coded, text):
    assert "MOBILIZE" not in {event for event, _mode in coded(text)}


@pytest.mark.parametrize("text", [
    "Over two hundred policemen were deployed around the stadium before the final.",
    "Extra constables have been deployed in the old quarter after the clashes.",
])
def test_police_moved_into_place_are_a_police_mobilization(coded, text):
    assert ("MOBILIZE", "police") in coded(text)


def test_troops_deployed_in_a_passive_clause_are_troops(coded):
    assert ("MOBILIZE", "troops") in coded("Additional troops were deployed in the capital on Friday.")


def test_coordinated_crowd_control_means_are_crowd_control(coded):
    text = "Riot police fired tear gas and pepper spray at the marchers outside the ministry."
    assert ("ASSAULT", "crowd-control") in coded(text)


@pytest.mark.parametrize("text, expected", [
    ("Artillery shells were fired at the frontier villages overnight.", ("ASSAULT", "heavy-weapons")),
    ("Assault rifles and ammunition were seized at a checkpoint on the highway.", ("COERCE", "seize")),
    ("the union leaders and their aides were arrested outside the mill gate.", ("COERCE", "arrest")),
])
def test_a_passive_act_of_force_needs_no_named_doer(coded, text, expected):
    assert expected in coded(text)


@pytest.mark.parametrize("text", [
    "The new budget was approved by a narrow margin.",
    "The old bridge was repaired last spring.",
])
def test_other_agentless_passives_stay_no_event(coded, text):
    assert not coded(text)


@pytest.mark.parametrize("text, expected", [
    ("Several arrests were made after the riot at the depot.", ("COERCE", "arrest")),
    ("A silent march was held through the old town on Saturday.", ("PROTEST", "demo")),
])
def test_an_act_noun_under_a_passive_light_verb_is_reported(coded, text, expected):
    assert expected in coded(text)


def test_wrongdoers_booked_are_arrested(coded):
    assert ("COERCE", "arrest") in coded("Officers booked the arsonists and two looters under the riot act.")


def test_returning_to_the_streets_is_a_protest(coded):
    assert ("PROTEST", "demo") in coded("Thousands of nurses returned to the streets of the capital on Sunday.")


@pytest.mark.parametrize("text", [
    "Nobody has been arrested since the riot at the depot.",
    "No tear gas shells were fired at the marchers, the minister said.",
    "The old regime fell without a single shot being fired.",
])
def test_a_passive_act_with_no_one_or_without_is_negated(sentence_events, text):
    statuses = {e.status for e in sentence_events(text) if e.event in ("ASSAULT", "COERCE")}
    assert statuses == {"negated"}
