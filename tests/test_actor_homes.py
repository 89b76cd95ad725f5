"""A person's country from their own introduction, in stories about several countries."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "places", "actors"])


def _country_of(pipeline, text: str, name: str):
    analysis = pipeline.analyse(Article(id="t", text=text, published="2024-05-08"))
    start = text.index(name)
    actor = analysis.actor_at(start, start + len(name))
    return actor.country if actor else None


def test_us_party_and_state_tag_makes_a_politician_american(pipeline):
    text = ("Canadian and Mexican trade officials met in Ottawa on Monday. "
            "Rep. Dana Hollis (D-Ore.) joined the talks, and Sen. Roy Platt, R-Idaho, sent a letter.")
    assert _country_of(pipeline, text, "Dana Hollis") == "USA"
    assert _country_of(pipeline, text, "Roy Platt") == "USA"


def test_home_town_after_the_name_gives_the_country(pipeline):
    text = ("Spanish patrol boats stopped two trawlers off Galicia on Sunday, and Madrid protested to Lisbon. "
            "One skipper, Carlos Mendes, 52, of Porto, said his crew had done nothing wrong.")
    assert _country_of(pipeline, text, "Carlos Mendes") == "PRT"


def test_a_body_a_person_is_from_gives_its_country(pipeline):
    text = ("Fishing boats from Ghana and Togo collided near the border on Friday. "
            "Lieutenant Ama Owusu from the Ghana Navy said nobody was hurt.")
    assert _country_of(pipeline, text, "Ama Owusu") == "GHA"


def test_a_country_name_used_as_a_town_name_is_no_home(pipeline):
    text = ("A man was sentenced in Tyler, Texas, on Friday. "
            "Gary Reed, 54, of Palestine was given two years for evading arrest.")
    assert _country_of(pipeline, text, "Gary Reed") != "PSE"


def test_name_in_apposition_to_a_description_takes_its_country(pipeline):
    text = ("Talks between Kenya and Uganda resumed in Nairobi on Monday. "
            "Uganda's trade minister, Sam Okello, said the border would reopen next week.")
    assert _country_of(pipeline, text, "Sam Okello") == "UGA"


def test_relative_clause_saying_whom_a_person_heads_gives_that_country(pipeline):
    text = ("Kenya and Somalia traded accusations over the sea border on Monday. "
            "Admiral John Otieno, who commands the Kenyan Navy, warned smugglers off. "
            "Halima Warsame, who led the protest in Mogadishu, said she would go on.")
    assert _country_of(pipeline, text, "John Otieno") == "KEN"
    assert _country_of(pipeline, text, "Halima Warsame") is None  # led an act, not a body


def test_a_countrys_possessive_before_a_title_is_part_of_it(pipeline):
    text = ("Ministers from Kenya and Uganda met in Kampala on Monday. "
            "Uganda's Foreign Minister Sam Okello opened the meeting, and Kenya's Ruth Wanjiru spoke next.")
    assert _country_of(pipeline, text, "Sam Okello") == "UGA"
    assert _country_of(pipeline, text, "Ruth Wanjiru") is None  # no title follows the owner


def test_a_town_in_a_body_s_name_gives_the_country_the_article_reads_for_it(pipeline):
    # "Durango" is a Mexican state and city too: beside Colorado it is the American town
    text = ("Storms flooded streets in Durango, Colorado, on Monday. "
            "Staff at the Durango Hospital moved patients upstairs, a spokesman said.")
    assert _country_of(pipeline, text, "Durango Hospital") == "USA"
    text = ("Snow closed schools around Bangor, Maine, on Tuesday. "
            "The Bangor School Board met to plan make-up days.")
    assert _country_of(pipeline, text, "Bangor School Board") == "USA"
