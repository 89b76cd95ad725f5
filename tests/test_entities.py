"""Entities: spaCy's NER with the corrections that keep actors whole."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article, Entity


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities"])


def _entities(pipeline: Pipeline, text: str) -> list[Entity]:
    return pipeline.analyse(Article(id="t", text=text, published="2024-03-22")).entities


def _labels(pipeline: Pipeline, text: str) -> dict[str, str]:
    return {e.text: e.label for e in _entities(pipeline, text)}


def test_possessive_surname_voted_person(pipeline):
    text = (
        "Foreign Minister Karl Weber arrived on Monday. Weber met the king. "
        "Weber's visit was short, and Weber's aides left early."
    )
    weber = [e for e in _entities(pipeline, text) if e.text.startswith("Weber")]
    assert weber and all(e.label == "PERSON" for e in weber)


def test_title_tail_is_not_an_organisation(pipeline):
    labels = _labels(pipeline, "Secretary of State Jane Moss flew to Cairo.")
    assert "State" not in labels


def test_administration_keeps_its_head(pipeline):
    labels = _labels(pipeline, "The Biden administration sent a letter to Congress on Friday.")
    assert labels.get("Biden administration") == "ORG"
    assert "Biden" not in labels


def test_known_group_tagged_as_nationality_becomes_organisation(pipeline):
    labels = _labels(pipeline, "ISIL fighters attacked the town while Hamas leaders met in Doha.")
    assert labels.get("ISIL") == "ORG"


def test_untagged_institution_is_added(pipeline):
    ents = _entities(pipeline, "Members of the Security Council met on Tuesday.")
    assert any(e.label == "ORG" and e.text.endswith("Security Council") for e in ents)


def test_nationality_before_a_noun_stays_a_nationality(pipeline):
    labels = _labels(pipeline, "Iraqi forces entered the city at dawn.")
    assert labels.get("Iraqi") == "NORP"


@pytest.mark.parametrize("text", ["", "   ", "’’ “”", "\n\n"])
def test_odd_input_does_not_crash(pipeline, text):
    assert isinstance(_entities(pipeline, text), list)
