"""Doers kept by class (issue #18, actors10): a noun the role tables give a sector is a
player even when the event lexicon's short list of agent nouns lacks it, and 'those'
described by a clause is the people it describes."""

from __future__ import annotations

import pytest

from dragoman.resolve.actor_codes import code_actor, names_player


@pytest.fixture(scope="module")
def coded(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return found[0]
    return run


@pytest.mark.parametrize("text, event, actor", [
    ("On Sunday the crown prince detained a dozen wealthy businessmen at a hotel in Riyadh.",
     "COERCE", "the crown prince"),
    ("Several customers accused the broker of draining their savings.", "ACCUSE", "Several customers"),
    ("Before the march, the organizers paid tribute to the miners who died in the flood.",
     "SUPPORT", "the organizers"),
    ("The princess thanked the volunteers who rebuilt the clinic.", "SUPPORT", "The princess"),
])
def test_a_role_noun_of_the_tables_keeps_its_event_actor(coded, text, event, actor):
    found = coded(text, event)
    assert [p.text for p in found.actor] == [actor]


@pytest.mark.parametrize("text, event", [
    ("Those who backed the mayor criticized the new budget.", "ACCUSE"),
    ("Those opposing the dam blocked the road to the site.", "PROTEST"),
])
def test_those_described_by_a_clause_is_a_group_of_people(coded, text, event):
    found = coded(text, event)
    assert [p.text for p in found.actor] == ["Those"]


def test_a_role_coded_by_its_modifier_alone_is_no_player():
    assert code_actor("missile tests").sector == "MIL"  # the modifier names a military platform
    assert not names_player("missile tests")
    assert names_player("crown prince") and names_player("customers")


def test_generic_heads_need_a_modifier_to_count_as_sectored_players():
    assert names_player("source")  # the actor layer takes "a senior source" as a person
    assert not names_player("source", sectored=True)
    assert names_player("officials", sectored=True)


@pytest.mark.parametrize("word, sector", [("princess", "ELI"), ("duke", "ELI"), ("donors", "CVL"),
                                          ("homeowners", "CVL"), ("organizers", "CVL")])
def test_royals_and_private_people_have_a_sector(word, sector):
    assert code_actor(word).sector == sector
