"""Binding principle C in the actor layer: a subject pronoun never stands for a
name its own clause holds after it, however salient that name is. Texts are our own."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def analyse():
    pipeline = Pipeline(steps=["entities", "actors"])
    return lambda text: pipeline.analyse(Article(id="t", text=text, published="2024-05-08"))


def _actor_name(analysis, phrase: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = analysis.text.index(phrase, start + 1)
    actor = analysis.actor_at(start, start + len(phrase))
    return actor.name if actor else None


def test_subject_pronoun_skips_the_name_its_clause_acts_on(analyse):
    a = analyse("Senator Mark Dunn said he won the vote. "
                "A host asked Governor Tom Reyes why he decided to attack Dunn on Friday.")
    assert _actor_name(a, " he ", 1) == "Tom Reyes"


def test_subject_pronoun_skips_the_name_in_its_complement_clause(analyse):
    a = analyse("Mark Dunn said he leads the race. "
                "Tom Reyes, a former mayor, said he is leaning toward endorsing Dunn.")
    assert _actor_name(a, " he ", 1) == "Tom Reyes"


def test_a_clause_with_its_own_subject_may_repeat_the_name(analyse):
    a = analyse("Mayor Paul Kerr opened the fair. He thanked the crowd, but Kerr left early.")
    assert _actor_name(a, "He") == "Paul Kerr"


def test_a_name_across_a_quotation_edge_is_another_voice(analyse):
    a = analyse('Paul Kerr rallied voters on Monday. He says the choice is simple: "Vote Kerr."')
    assert _actor_name(a, "He") == "Paul Kerr"
