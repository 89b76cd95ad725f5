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


# -- recipients of verbal events: tributes, events standing for their doers (issue 18, recip5) ---


@pytest.fixture(scope="module")
def recipients_of(sentence_events):
    def recipients(text: str, trigger: str) -> list[tuple[str, str | None]]:
        return [(r.text, r.country) for e in sentence_events(text) if e.trigger.text == trigger
                for r in e.recipient]
    return recipients


@pytest.mark.parametrize("text, trigger, recipient", [
    ("The French embassy paid tribute to the Kenyan rescuers.", "paid tribute", ("the Kenyan rescuers", "KEN")),
    ("The veterans' league paid tribute to the Polish pilots of the war.", "paid tribute", ("the Polish pilots of the war", "POL")),
])
def test_a_tribute_is_paid_to_its_to_object(recipients_of, text, trigger, recipient):
    assert recipient in recipients_of(text, trigger)


@pytest.mark.parametrize("text, trigger, doer", [
    ("The mayor blamed police shootings on poor training.", "blamed", "police"),
    ("The opposition leader condemned the army raids on the villages.", "condemned", "army"),
])
def test_an_event_as_recipient_stands_for_its_doers(recipients_of, text, trigger, doer):
    assert doer in [t for t, _ in recipients_of(text, trigger)]


def test_a_recipient_naming_a_country_keeps_it(recipients_of):
    found = recipients_of("The ministry criticized Russia's annexation of the peninsula.", "criticized")
    assert [c for _, c in found] == ["RUS"]


# -- drawing, incurring, evading or coming under a conflict (issue 18, recip6) -----------------


@pytest.fixture(scope="module")
def parties_of(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return [(e.trigger.text, [p.text for p in e.actor], [p.text for p in e.recipient]) for e in found]
    return run


@pytest.mark.parametrize("text, event, trigger, doers, target", [
    ("The harbour minister drew sharp criticism over the tender.", "ACCUSE", "criticism", [], "The harbour minister"),
    ("The mayor has attracted fierce criticism for the new parking fees.", "ACCUSE", "criticism", [], "The mayor"),
    ("The smuggler eluded a police manhunt for three weeks.", "COERCE", "manhunt", ["police"], "The smuggler"),
    ("The garrison withstood repeated attacks through the winter.", "ASSAULT", "attacks", [], "The garrison"),
])
def test_the_subject_of_a_verb_that_draws_or_evades_a_conflict_is_its_target(parties_of, text, event, trigger, doers, target):
    (found_trigger, actors, recipients), = parties_of(text, event)
    assert (found_trigger, recipients, actors) == (trigger, [target], doers)


def test_a_drawn_conflict_keeps_the_doer_its_from_phrase_names(parties_of):
    (_trigger, actors, recipients), = parties_of("The senator drew a stern rebuke from the union leaders.", "ACCUSE")
    assert actors == ["the union leaders"] and recipients == ["The senator"]


def test_drawing_something_that_is_no_conflict_codes_nothing(event_triggers):
    assert event_triggers("The architect drew a plan of the new bridge.") == []


@pytest.mark.parametrize("text, event, trigger, doers, target", [
    ("The finance minister came under sharp criticism over the budget.", "ACCUSE", "criticism", [], "The finance minister"),
    ("The senator remains under investigation by the FBI.", "ACCUSE", "investigation", ["the FBI"], "The senator"),
    ("The port authority has been under intense scrutiny since the fire.", "ACCUSE", "scrutiny", [], "The port authority"),
])
def test_who_comes_under_a_verbal_conflict_is_its_target(parties_of, text, event, trigger, doers, target):
    (found_trigger, actors, recipients), = parties_of(text, event)
    assert (found_trigger, recipients, actors) == (trigger, [target], doers)


def test_coming_under_fire_or_attack_is_no_assault_of_its_own(event_triggers):
    # as often criticism as force: the under-phrase alone does not say which
    assert ("ASSAULT", "fire") not in event_triggers("The governor came under fire from the opposition.")
    assert event_triggers("The coach came under attack after the loss.") == []


# -- never its own recipient, foreign players, event nouns referring back (issues 17/18, recip7) ---


@pytest.fixture(scope="module")
def coded(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return found
    return run


@pytest.mark.parametrize("text, event", [
    ("The senator answered questions at a forum hosted by the Brisbane Chamber of Commerce.", "CONSULT"),
    ("Three fugitives were arrested in Townsville on Sunday.", "COERCE"),
])
def test_the_words_naming_the_actor_never_name_its_recipient(coded, text, event):
    for found in coded(text, event):
        own = {(p.start, p.end) for p in found.actor}
        assert not own & {(p.start, p.end) for p in found.recipient}


def test_a_player_said_to_be_foreign_takes_no_country_from_the_scene(coded):
    accuse, = coded("In Nairobi, foreign journalists criticized the Kenyan police over the raid.", "ACCUSE")
    assert [p.country for p in accuse.recipient] == ["KEN"]
    assert [(p.text, p.country) for p in accuse.actor] == [("foreign journalists", None)]


def test_a_home_player_still_takes_the_scene_country(coded):
    accuse, = coded("In Nairobi, local journalists criticized the police over the raid.", "ACCUSE")
    assert [p.country for p in accuse.actor] == ["KEN"]


def test_a_definite_event_noun_takes_the_target_of_the_event_it_refers_to(coded):
    text = ("Two masked gunmen shot Tomas Berg, a Swedish engineer, outside his office on Monday. "
            "Police said the shooting took place near a bus stop.")
    first, later = coded(text, "ASSAULT")
    assert [p.text for p in first.recipient] == ["Tomas Berg"]
    assert later.trigger.text == "shooting"
    assert [(p.text, p.country) for p in later.recipient] == [(p.text, p.country) for p in first.recipient]


def test_an_indefinite_event_noun_brings_up_a_new_event(coded):
    text = ("Two masked gunmen shot Tomas Berg, a Swedish engineer, outside his office on Monday. "
            "Police said a shooting took place near a bus stop.")
    later = [e for e in coded(text, "ASSAULT") if e.trigger.text == "shooting"]
    assert later and all(not e.recipient for e in later)


def test_an_event_noun_is_not_linked_when_earlier_events_had_different_targets(coded):
    text = ("Gunmen shot a Swedish engineer in Malmo on Monday. Police shot a Danish smuggler in Odense "
            "on Tuesday. Officers said the shooting took place at a market.")
    later = [e for e in coded(text, "ASSAULT") if e.trigger.text == "shooting"]
    assert later and all(not e.recipient for e in later)


# -- the actor's own things (recipients13, issue #17/#18) --------------------------------------


def test_people_the_actor_leads_stay_its_recipients(events_of):
    event = _only(events_of("Kenyan President Tom Reyes defended his ministers against the charges."), "SUPPORT")
    assert [p.text for p in event.recipient] == ["his ministers"]
