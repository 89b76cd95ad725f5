"""A title written short ("Gov.", "Sgt") names the person a definite description
("the governor", "the sergeant") refers back to, when one person alone holds it."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from dragoman.resolve.role_classes import ends_with_title, role_compatible


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "actors"])


def _actor_of(pipeline, text: str, phrase: str):
    analysis = pipeline.analyse(Article(id="t", text=text, published="2024-05-08"))
    start = analysis.text.index(phrase)
    return analysis.actor_at(start, start + len(phrase))


def test_short_titles_read_as_the_full_title_only_when_asked():
    assert ends_with_title("governor", "Gov.", spelled_out=True)
    assert ends_with_title("sergeant", "Sgt", spelled_out=True)
    assert not ends_with_title("governor", "Gov.")
    # a lieutenant governor is no governor, written short or not
    assert not ends_with_title("governor", "Lt. Gov.", spelled_out=True)
    assert role_compatible("congressman", "Rep.", spelled_out=True)
    # an acronym is a body's name, not an abbreviated title
    assert not role_compatible("general", "GEN director", spelled_out=True)


def test_the_governor_is_the_one_governor_named_with_gov(pipeline):
    text = ("Gov. Ann Fields vetoed the budget bill on Tuesday. "
            "The governor said the plan would cost the state too much.")
    assert _actor_of(pipeline, text, "The governor").name == "Ann Fields"


def test_two_governors_named_leave_the_governor_unlinked(pipeline):
    text = ("Gov. Ann Fields met Gov. Ray Colter at the border on Monday. "
            "The governor said the talks went well.")
    assert _actor_of(pipeline, text, "The governor").name not in {"Ann Fields", "Ray Colter"}


def test_a_description_in_apposition_is_left_to_the_name_before_it(pipeline):
    text = ("Gen. Tom Reyes opened the museum on Friday. Its first hall honours "
            "Paul Marsh, the retired general who founded it.")
    assert _actor_of(pipeline, text, "the retired general").name != "Tom Reyes"
