"""implied14 (issue #17): agentless acts that only a state's authorities do --
a release from custody -- are done by the authorities of the sentence's
scene; the same words said of anyone else imply no one."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


@pytest.mark.parametrize("release", ["released on bail", "released without charge", "freed from jail"])
def test_a_release_from_custody_is_by_the_authorities_of_the_scene(events_of, release):
    text = f"Three herders were held in Kano, Nigeria, after the clashes. They were {release} in Kano on Friday."
    freed = _only(events_of(text), "RETREAT")
    assert [p.country for p in freed.actor] == ["NGA"]
    assert "unnamed-authorities" in freed.rule


def test_a_release_of_hostages_implies_no_authorities(events_of):
    freed = _only(events_of("Two hostages were released in Bamako, Mali on Sunday after talks."), "RETREAT")
    assert freed.actor == []
