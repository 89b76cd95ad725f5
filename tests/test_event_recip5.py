"""Recipients of verbal events (issue 18, recip5): 'paid tribute to X' when
the parser calls 'to' a dative, and an event named as the recipient
('blamed police shootings on ...') standing for its doers."""

from __future__ import annotations

import pytest


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
