"""Drugs found by the authorities (issue 17, coverage13): finding or discovering illegal
drugs is a seizure (COERCE 'seize', CAMEO 1711), as finding weapons is; finding other
things is not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger", [
    ("Officers in Memphis found cocaine and cash in the trunk of the rental car.", "found"),
    ("Customs agents in Rotterdam discovered two tonnes of heroin in a banana shipment.", "discovered"),
    ("Border guards near Tijuana intercepted a large shipment of fentanyl.", "intercepted"),
])
def test_drugs_found_are_seized(event_triggers, text, trigger):
    assert ("COERCE", trigger) in event_triggers(text)


@pytest.mark.parametrize("text", [
    "Officers in Memphis found the missing dog in a neighbour's garden.",
    "The hikers discovered an old mine shaft above the village.",
])
def test_other_finds_are_no_seizure(event_triggers, text):
    assert "COERCE" not in {event for event, _trigger in event_triggers(text)}
