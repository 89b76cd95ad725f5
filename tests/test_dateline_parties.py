"""The place a wire story is filed from ("LISBON -") says where the report was written,
never who acted: it is no actor or recipient of an event, while the article's country it
names still codes the parties."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published="2019-03-11")).events


def _party_texts(events, role: str) -> list[str]:
    return [party.text for event in events for party in getattr(event, role)]


def test_the_dateline_place_is_no_co_actor_of_the_story_subject(pipeline):
    text = "NAIROBI — A farmer and his daughter filed a lawsuit against the county on Monday."
    actors = _party_texts(_events(pipeline, text), "actor")
    assert actors and "NAIROBI" not in actors


def test_unnamed_authorities_are_not_the_dateline_place(pipeline):
    text = ("LISBON (Reuters) - A banker was arrested on Tuesday. "
            "Portugal has tightened its fraud laws this year. "
            "The banker was charged with fraud in Portugal last month.")
    events = _events(pipeline, text)
    authorities = [party for event in events for party in event.actor]
    assert authorities, "the arrest and the charge have the authorities as actor"
    assert all(not party.text.isupper() for party in authorities)
    assert {party.country for party in authorities} == {"PRT"}


def test_the_dateline_place_is_no_recipient(pipeline):
    text = "DENVER, Colo. (AP) — Health officials in Colorado say a drug company violated the terms of its contract."
    recipients = [party for event in _events(pipeline, text) for party in event.recipient]
    assert recipients and all(party.start > text.index("—") for party in recipients)
    assert {party.country for party in recipients} == {"USA"}  # the dateline's country still codes it


def test_a_place_named_after_the_dateline_still_acts(pipeline):
    """Only the dateline is left out: the country the sentence names is a party as before."""
    text = "ROME - Italy condemned the attack on its embassy on Friday."
    actors = _party_texts(_events(pipeline, text), "actor")
    assert "Italy" in actors and "ROME" not in actors
