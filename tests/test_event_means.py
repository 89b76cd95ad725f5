"""The means of an attack (ASSAULT mode) and other real-news event classes,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def events_of():
    pipeline = Pipeline()

    def run(text: str):
        article = Article(id="t", text=text, published="2024-05-10")
        return [(e.event, e.mode, e.trigger.text) for e in pipeline.analyse(article).events]

    return run


@pytest.mark.parametrize("text, mode", [
    # the means in a clause beside the trigger
    ("Four villagers were killed when militia fighters used chlorine gas on the hamlet.", "unconventional"),
    ("Nine shopkeepers were wounded as mortar rounds fired by the rebels hit the market.", "heavy-weapons"),
    # the means as the passive agent
    ("A police van was targeted by a suicide bomber outside the court on Monday.", "suicide-attack"),
    # a more specific means outranks the entry's own
    ("Two suicide bombers blew themselves up at the gate of the barracks.", "suicide-attack"),
    ("Government jets carried out aerial bombardments of the rebel positions overnight.", "aerial"),
])
def test_the_means_named_in_the_sentence_sets_the_assault_mode(events_of, text, mode):
    modes = {m for event, m, _ in events_of(text) if event == "ASSAULT"}
    assert mode in modes


def test_tear_gas_is_crowd_control_not_a_chemical_weapon(events_of):
    events = events_of("Riot police fired tear gas at the marchers near the parliament.")
    modes = {m for event, m, _ in events if event == "ASSAULT"}
    assert modes == {"crowd-control"}
