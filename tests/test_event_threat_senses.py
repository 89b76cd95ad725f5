"""A threat that is, or is posed, is a danger (WordNet threat.n.01), not a
threat made (threat.n.03, PLOVER THREATEN): "is a threat to", "posed a
threat", "the threat posed by". Threats issued, made or someone's own stay
events. Sentences are our own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The senator said the militia still posed a serious threat to farmers in the valley.",
    "If the report is right, the new missile is a threat to Japan as well.",
    "Analysts weighed the threat posed by the drought to the harvest.",
    "Rising prices remain the biggest threat to the governor's re-election.",
])
def test_a_threat_that_is_or_is_posed_is_no_event(sentence_events, text):
    assert "THREATEN" not in [e.event for e in sentence_events(text)]


@pytest.mark.parametrize("text, actor", [
    ("The minister made a threat to halt gas deliveries to Moldova.", "The minister"),
    ("Peru's threat to expel the envoy angered Lima's neighbours.", "Peru's"),
    ("The White House issued a veto threat against the spending bill.", "The White House"),
])
def test_a_threat_made_stays_an_event(sentence_events, text, actor):
    threats = [e for e in sentence_events(text) if e.event == "THREATEN"]
    assert threats and [p.text for p in threats[0].actor] == [actor]
