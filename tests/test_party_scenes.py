"""Countries for parties the sentence leaves uncoded: the article's one
country, the parties an event leaves unnamed, victims and perpetrators."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text: str):
        return pipeline.analyse(Article(id="t", text=text, published="2024-05-10")).events

    return run


def _only(events, event_type: str):
    found = [e for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


_OHIO_STORY = (
    "Storms flooded dozens of homes in Dayton, Ohio, on Monday. "
    "Residents of Columbus, Ohio, said the river rose overnight. "
    "Police arrested two men who were looting a closed pharmacy."
)


def test_a_domestic_body_takes_the_country_the_article_is_about(events_of):
    arrest = _only(events_of(_OHIO_STORY), "COERCE")
    assert [p.country for p in arrest.actor] == ["USA"]
    assert "article-scene" in arrest.rule


def test_an_article_about_two_countries_lends_none(events_of):
    text = (
        "Talks between Peru and Chile resumed in Lima on Monday. "
        "Chilean diplomats and Peruvian envoys met for three hours. "
        "Police arrested two men who were looting a closed pharmacy."
    )
    arrest = _only(events_of(text), "COERCE")
    assert not any(p.country for p in arrest.actor)
    assert "article-scene" not in arrest.rule
