"""Names that hold other entries inside them, and names that are not what they seem: a
place inside an organisation's full name, a crime an agent deals with, a known name
spelled another way, a bare surname the tagger took for a place. Our own wording."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.pipeline import Pipeline
from dragoman.records import Article
from dragoman.resolve.actor_codes import code_actor


# --- the place inside an organisation's full name ------------------------------------

@pytest.mark.parametrize(
    "text, country",
    [
        ("the Workers' Party of Austria", "AUT"),  # the table's "Workers' Party" is Brazil's
        ("the Democratic Party of Kenya", "KEN"),  # ... and its "Democratic Party" the US one
        ("the Ohio General Assembly", "USA"),  # no UN body
        ("the British Columbia Green Party", "CAN"),  # a province that begins with a demonym
        ("New South Wales Police", "AUS"),
    ],
)
def test_a_place_inside_the_full_name_wins_over_a_shorter_name(text, country):
    assert code_actor(text).country == country


def test_a_state_legislature_named_like_a_un_body_is_that_state_s():
    code = code_actor("the Ohio General Assembly")
    assert (code.country, code.sector) == ("USA", "GOV")
    assert "place-in-name:place:Ohio" in code.rule


@pytest.mark.parametrize(
    "text, country",
    [
        ("Obama White House", "USA"),  # a person before a body owns it, names no place
        ("Netanyahu's Likud", "ISR"),
        ("Labour Party", "GBR"),
        ("Iowa Republican Party", "USA"),  # the place and the body agree
    ],
)
def test_owners_and_agreeing_places_keep_the_body_s_country(text, country):
    assert code_actor(text).country == country


# --- a crime the agent deals with -----------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["a crime fighter", "crime fighters", "the Drug Task Force", "crime prevention officers",
     "a smuggling expert", "the trafficking unit"],
)
def test_a_crime_before_a_generic_head_makes_no_criminal(text):
    code = code_actor(text)
    assert code.sector is None
    assert "act:" in code.rule


def test_another_modifier_still_says_whom_the_unit_serves():
    assert code_actor("the police drug squad unit").sector == "COP"


@pytest.mark.parametrize("text", ["a drug smuggler", "drug gangs", "gang leaders", "wanted men"])
def test_criminals_themselves_stay_criminals(text):
    assert code_actor(text).sector == "CRM"


# --- a known name spelled another way ------------------------------------------------

def test_the_cli_explains_a_known_name_under_the_spelling_it_matched():
    result = CliRunner().invoke(main, ["actor", "al-Assad"])
    assert result.exit_code == 0
    assert json.loads(result.output)["why"].startswith("Bashar al-Assad")


# --- a bare surname the tagger took for a place --------------------------------------

@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "actors"])


def test_a_surname_named_like_a_town_joins_the_person_named_in_full(pipeline):
    text = ("Teachers went on strike in Lagos. Their union leader, Chidi Bello, spoke to reporters. "
            "Bello said pay had not risen in years.")
    analysis = pipeline.analyse(Article(id="t", text=text, published="2024-05-08"))
    full = text.index("Chidi Bello")
    bare = text.index("Bello said")
    person = analysis.actor_at(full, full + len("Chidi Bello"))
    assert person is not None
    assert analysis.actor_at(bare, bare + len("Bello")) is person
    assert person.country != "COL"
