"""The status of an event (occurred, negated, future, hypothetical, historical), and what a
sentence asserts around a negated or described event: a negation does not reach a clause
of time or cause with its own subject (nor, when that clause is told in the past, a modal),
a relative clause on an event noun tells that event's course, and a past told between commas
about a named or definite participant, or a past act with a subject of its own, is asserted; an
act held back through a preposition ("refrained from") is negated. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


# -- status ------------------------------------------------------------------------------------


def test_negated_attack_is_negated(events_of):
    event = _only(events_of("Turkey did not attack Syria last year."), "ASSAULT")
    assert event.status == "negated"


def test_not_supporting_is_rejecting(events_of):
    event = _only(events_of("Austria does not support the plan, the chancellor said."), "REJECT")
    assert event.status == "occurred"
    assert "negated-recode" in event.rule


def test_future_cooperation_is_agree(events_of):
    aid = _only(events_of("Spain will send aid to Morocco."), "AGREE")
    assert aid.status == "future"
    assert _countries(aid.recipient) == {"MAR"}
    visit = _only(events_of("The Greek prime minister is expected to visit Turkey."), "AGREE")
    assert visit.status == "future"


def test_conditional_attack_is_hypothetical(events_of):
    events = events_of("If Israel attacked Iranian territory, Iran would respond, analysts said.")
    assert any(e.event == "ASSAULT" and e.status == "hypothetical" for e in events)


def test_old_dated_event_is_historical(events_of):
    event = _only(events_of("Since the 2014 annexation of Crimea by Russia, relations have soured."),
                  "COERCE")
    assert event.status == "historical"


# -- the reach of a negation or a modal (issue 17, case7) --------------------------------------


def _status_of(events, trigger: str) -> str:
    return next(e.status for e in events if e.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger", [
    ("No charges were filed after vandals looted the pharmacy.", "looted"),
    ("The guards did not intervene while the crowd looted the warehouse.", "looted"),
    ("Nobody was detained when soldiers raided the village.", "raided"),
])
def test_a_negation_does_not_reach_a_clause_of_time_with_its_own_subject(sentence_events, text, trigger):
    assert _status_of(sentence_events(text), trigger) == "occurred"


def test_the_negated_event_itself_stays_negated(sentence_events):
    events = sentence_events("No charges were filed after vandals looted the pharmacy.")
    assert all(e.status == "negated" for e in events if e.event != "ASSAULT")


def test_a_negation_still_spreads_over_a_purpose_clause(sentence_events):
    # no subject of its own: what was not done to reach a goal was not done either
    events = sentence_events("The army did not advance to recapture the bridge.")
    assert all(e.status != "occurred" for e in events)


def test_a_clause_told_in_the_past_keeps_its_fact_under_a_modal(sentence_events):
    events = sentence_events("The shopkeeper could not sleep when rioters looted the market.")
    assert _status_of(events, "looted") == "occurred"


def test_a_clause_in_the_present_shares_the_future_of_its_governor(sentence_events):
    events = sentence_events("The army will withdraw when the rebels sign the ceasefire.")
    assert all(e.status != "occurred" for e in events)


# -- relative clauses on event nouns and on participants ---------------------------------------


def test_a_relative_clause_on_an_event_noun_reports_what_happened(event_triggers):
    found = event_triggers("Two men were charged over the raid that destroyed a clinic near the harbour.")
    assert ("ASSAULT", "destroyed") in found


@pytest.mark.parametrize("text", [
    # a clause that only picks the participant out
    "Egypt condemned the rebels who attacked a police station.",
    # a present clause describes the participant
    "Egypt condemned the rebels, who are attacking police stations in the north.",
])
def test_an_identifying_or_present_relative_clause_on_a_participant_stays_background(event_triggers, text):
    assert [event for event, _ in event_triggers(text)] == ["ACCUSE"]


def test_a_past_told_between_commas_about_a_participant_is_asserted(sentence_events):
    """relcl11: the clause's subject is the participant it is set off after."""
    events = sentence_events("Egypt condemned the rebels, who attacked a police station last week.")
    assault = _only(events, "ASSAULT")
    assert assault.status == "occurred"
    assert [a.text for a in assault.actor] == ["the rebels"]
    assert "ACCUSE" in [e.event for e in events]


def test_a_past_act_with_its_own_subject_in_a_relative_clause_is_asserted(sentence_events):
    """relclause14: the clause names its doer; the noun it hangs on is the place or the object."""
    events = sentence_events("Chile's envoy met Argentina's foreign minister in the city in which Brazil accused Peru of spying.")
    accuse = _only(events, "ACCUSE")
    assert _countries(accuse.actor) == {"BRA"} and _countries(accuse.recipient) == {"PER"}
    killing = _only(sentence_events("Egypt condemned the village where soldiers killed six farmers."), "ASSAULT")
    assert [a.text for a in killing.actor] == ["soldiers"] and [r.text for r in killing.recipient] == ["six farmers"]
    beating = _only(sentence_events("Egypt condemned the prisoners whom the guards beat in March."), "ASSAULT")
    assert [r.text for r in beating.recipient] == ["the prisoners"]


@pytest.mark.parametrize("text", [
    # the relative word is the subject: the clause says what kind of participant this is
    "Egypt condemned a preacher who praised the attackers.",
    # and a present clause describes a habit
    "Egypt criticised a militia that attacks civilians.",
])
def test_a_relative_clause_whose_subject_is_the_participant_stays_background(event_triggers, text):
    assert [event for event, _ in event_triggers(text)] == ["ACCUSE"]


def test_a_past_perfect_aside_is_told_as_history(sentence_events):
    events = sentence_events("Police detained Omar Haddad, who had threatened the judge in his own court.")
    threat = _only(events, "THREATEN")
    assert threat.status == "historical"
    assert [a.text for a in threat.actor] == ["Omar Haddad"]


def test_a_reaction_told_between_commas_is_asserted_with_its_doer(sentence_events):
    events = sentence_events("The army shelled the valley, which prompted protests from farmers.")
    protest = _only(events, "PROTEST")
    assert [a.text for a in protest.actor] == ["farmers"]
    assert "ASSAULT" in [e.event for e in events]


# -- acts held back through a preposition (status10) --------------------------------------------


@pytest.fixture(scope="module")
def status_triples(sentence_events):
    return lambda text: [(e.event, e.trigger.text, e.status) for e in sentence_events(text)]


@pytest.mark.parametrize("text, trigger", [
    ("The border guards refrained from detaining the marchers.", "detaining"),
    ("The artillery units abstained from shelling the old quarter.", "shelling"),
    ("The rival party refrained from criticism of the prime minister.", "criticism"),
    ("Border guards prevented the crowd from storming the palace.", "storming"),
])
def test_an_act_held_back_through_a_preposition_is_negated(status_triples, text, trigger):
    assert [s for _, t, s in status_triples(text) if t == trigger] == ["negated"]


def test_stopping_short_of_an_act_denies_it(status_triples):
    events = status_triples("The mayor stopped short of endorsing the senator.")
    assert all(s != "occurred" or e != "SUPPORT" for e, _, s in events)


def test_a_preposition_after_an_ordinary_verb_leaves_the_act_as_told(status_triples):
    events = status_triples("The police moved from arresting the marchers to dispersing them.")
    assert all(s == "occurred" for e, _, s in events if e == "COERCE")



def test_a_foiled_attempt_did_not_succeed(status_triples):
    events = status_triples("The army foiled an attempt to overthrow the president.")
    assert [s for _, t, s in events if t == "overthrow"] == ["negated"]


# -- an event noun told through a verb of happening --------------------------------------------


@pytest.mark.parametrize("text, event_type, status", [
    ("Street protests will take place in the capital.", "PROTEST", "future"),
    ("The meeting will begin at ten in the town hall.", "CONSULT", "future"),
    ("If riots broke out in the city, the army would be called in.", "PROTEST", "hypothetical"),
    ("The summit never took place.", "CONSULT", "negated"),
    ("The negotiations had started before the election.", "CONSULT", "historical"),
])
def test_a_verb_of_happening_lends_its_status_to_the_event_noun(events_of, text, event_type, status):
    assert _only(events_of(text), event_type).status == status


@pytest.mark.parametrize("text, event_type", [
    ("The protests will continue until the minister resigns.", "PROTEST"),
    ("The fighting did not stop after the truce.", "ASSAULT"),
])
def test_a_phase_of_a_happening_under_way_leaves_the_event_occurred(events_of, text, event_type):
    # the future or the negation is the continuation's or the end's: the event itself happened
    assert _only(events_of(text), event_type).status == "occurred"


def test_violence_expected_to_happen_is_nobodys_threat(events_of):
    events = events_of("Residents fear that clashes will erupt near the mine.")
    assert _only(events, "ASSAULT").status == "future"
    assert "THREATEN" not in [e.event for e in events]


# -- a participle clause on a past act ----------------------------------------------------------


def test_participle_on_a_past_act_is_no_future(events_of):
    # "went" is no "going to": what the participle tells came with the blast
    blast = _only(events_of("A car bomb went off outside the police station, killing four officers."), "ASSAULT")
    assert blast.status == "occurred"
    backing = _only(events_of("On Monday the governor went further, endorsing two mayors in the north."), "SUPPORT")
    assert backing.status == "occurred"


def test_participle_on_a_scheduled_act_shares_its_future(events_of):
    visit = _only(events_of("Making his first trip abroad, the Dutch premier is scheduled to land in Oslo on Friday."),
                  "AGREE")
    assert visit.status == "future"
