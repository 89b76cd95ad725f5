"""Evaluative states as events (states15, issue 17): a political party said to be
alarmed, angry, critical, pleased or grateful takes a stance, coded ACCUSE 'disapprove'
or SUPPORT with the holder as actor and what the state is about as recipient; the
same words describing crowds, private people, disasters or questions code nothing.
Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    ("Japan is deeply concerned about the detention of its sailors by China.", "concerned", "JPN", "CHN"),
    ("The Greek government was outraged by the decision of Turkey to send drilling ships.", "outraged", "GRC", "TUR"),
    ("Seoul is also worried about what North Korea is planning.", "worried", "KOR", "PRK"),
    ("The Brazilian foreign ministry was critical of the new tariffs announced by Washington.", "critical", "BRA", "USA"),
])
def test_a_state_of_disapproval_accuses_its_cause(sentence_events, text, trigger, actor, recipient):
    found = _only(sentence_events(text), "ACCUSE")
    assert (found.trigger.text, found.mode) == (trigger, "disapprove")
    assert actor in _countries(found.actor)
    assert recipient in _countries(found.recipient)


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Kenya's government is grateful to Norway for hosting the talks.", "grateful", "NOR"),
    ("The Chilean president said he was pleased with the help sent by Argentina.", "pleased", "ARG"),
])
def test_a_state_of_approval_supports_its_cause(sentence_events, text, trigger, recipient):
    found = _only(sentence_events(text), "SUPPORT")
    assert found.trigger.text == trigger
    assert recipient in _countries(found.recipient)


def test_approval_denied_is_disapproval(sentence_events):
    found = _only(sentence_events("The teachers' union was not happy with the plan of the education ministry."), "ACCUSE")
    assert (found.trigger.text, found.status) == ("happy", "occurred")


def test_the_holder_of_a_participle_state_is_the_actor_not_the_by_phrase(sentence_events):
    found = _only(sentence_events("The Dutch foreign minister said she was troubled by the verdict in Moscow."), "ACCUSE")
    assert found.trigger.text == "troubled"
    assert "RUS" not in _countries(found.actor)


@pytest.mark.parametrize("text", [
    "Residents of the valley are worried about rising rents.",  # private people
    "Many shoppers were unhappy with the prices at the new market.",
    "The Indian government was shocked by the train crash near Kolkata.",  # an accident
    "Is the Spanish government worried about the strike?",  # a question
    "Japan is not concerned about the drills held by Russia.",  # alarm denied
    "Angry farmers blocked the road to the ministry.",  # attributive
    "The Canadian prime minister said he would be happy to meet the protesters.",  # willingness
    "As far as the French ministers are concerned, the plan is finished.",
    "Cairo said it was only concerned about the welfare of the Libyan people.",  # care, not censure
    "The Austrian minister expressed hope and said she was worried that she had missed the vote.",
    "The Italian senators were too concerned about the polls to notice the decree.",  # the writer's measure
    "The Polish ministry remains encouraged.",  # about nothing named
])
def test_no_stance_is_taken(event_triggers, text):
    triggers = {t for _e, t in event_triggers(text)}
    assert not triggers & {"worried", "unhappy", "shocked", "concerned", "Angry", "happy", "encouraged"}
