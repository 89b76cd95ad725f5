"""Issue #17 (ipe6): raised readiness of police and security units (PLOVER
MOBILIZE 'police'; CAMEO 151, 153) -- security tightened or stepped up,
patrols increased, an alert sounded -- and the mode of a show of force that
moves police. Sentences are ours."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def mobilized(sentence_events):
    return lambda text: [(e.mode, e.trigger.text, e.status) for e in sentence_events(text) if e.event == "MOBILIZE"]


@pytest.mark.parametrize("text, trigger", [
    ("Security was tightened around the stadium before the final.", "Security"),
    ("The county sheriff has stepped up security at the courthouse.", "security"),
    ("Security has been beefed up near the embassy after the threat.", "Security"),
])
def test_security_tightened_is_police_readiness(mobilized, text, trigger):
    assert ("police", trigger, "occurred") in mobilized(text)


@pytest.mark.parametrize("text", [
    "Constables increased their patrols in the neighbourhood after the burglaries.",
    "Police patrolling was intensified along the river front.",
    "The police said they were stepping up patrols on the back roads.",
])
def test_patrols_stepped_up_by_police_are_police_readiness(mobilized, text):
    assert any(mode == "police" for mode, _trigger, _status in mobilized(text))


def test_patrols_stepped_up_by_soldiers_move_troops(mobilized):
    assert [mode for mode, _t, _s in mobilized("Soldiers stepped up patrols along the frontier.")] == ["troops"]


def test_an_alert_sounded_is_readiness(mobilized):
    assert any(trigger == "alert" for _m, trigger, _s in mobilized("A state-wide alert was sounded after the blasts."))


@pytest.mark.parametrize("text", [
    "The senator wants to enhance national security.",
    "The plan would increase economic security for families.",
    "Heightened security concerns dominated the debate.",
    "The campaign raised security questions about the server.",
])
def test_security_in_its_other_senses_is_no_mobilization(mobilized, text):
    assert mobilized(text) == []


def test_police_rushed_to_a_town_are_police_not_troops(mobilized):
    modes = [m for m, _t, _s in mobilized("The district administration rushed police units to the town.")]
    assert modes == ["police"]


def test_soldiers_rushed_stay_troops(mobilized):
    assert [m for m, _t, _s in mobilized("The army rushed soldiers to the border town.")] == ["troops"]


# -- goods recovered -------------------------------------------------------
@pytest.fixture(scope="module")
def seized(sentence_events):
    return lambda text: [(e.trigger.text, [p.text for p in e.actor]) for e in sentence_events(text)
                         if (e.event, e.mode) == ("COERCE", "seize")]


@pytest.mark.parametrize("text, doer", [
    ("Detectives recovered the stolen laptops from a storage unit.", "Detectives"),
    ("The stolen van was recovered by the police near the docks.", "the police"),
    ("Officers recovered the loot buried behind the barn.", "Officers"),
])
def test_recovering_stolen_goods_is_a_seizure(seized, text, doer):
    assert [(t, actors) for t, actors in seized(text) if t.startswith("recover")] == [("recovered", [doer])]


@pytest.mark.parametrize("text", [
    "The economy recovered in the second half of the year.",
    "Divers recovered the body of the missing swimmer.",
    "She slowly recovered her strength after the surgery.",
])
def test_other_recoveries_are_no_seizure(seized, text):
    assert seized(text) == []
