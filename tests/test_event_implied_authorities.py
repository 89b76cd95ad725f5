"""implied14 (issue #17): agentless acts that only a state's authorities do --
a release from custody -- are done by the authorities of the sentence's
scene; the same words said of anyone else imply no one."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def events_of():
    pipeline = Pipeline()

    def run(text: str):
        return pipeline.analyse(Article(id="t", text=text, published="2024-05-10")).events

    return run


def _only(events, event_type: str):
    found = [e for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


@pytest.mark.parametrize("release", ["released on bail", "released without charge", "freed from jail"])
def test_a_release_from_custody_is_by_the_authorities_of_the_scene(events_of, release):
    text = f"Three herders were held in Kano, Nigeria, after the clashes. They were {release} in Kano on Friday."
    freed = _only(events_of(text), "RETREAT")
    assert [p.country for p in freed.actor] == ["NGA"]
    assert "unnamed-authorities" in freed.rule


def test_a_release_of_hostages_implies_no_authorities(events_of):
    freed = _only(events_of("Two hostages were released in Bamako, Mali on Sunday after talks."), "RETREAT")
    assert freed.actor == []
