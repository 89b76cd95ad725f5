"""Where an event happened: the place of its verb's locative phrase or object, the Gaza
Strip and capitals named by a demonym, and a journey's destination."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from place_helpers import PUBLISHED, places_of


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "places"])


def _event_place(text: str, verb: str):
    from dragoman.extractors.event_place import event_place

    # actors run before places in the pipeline: who the subject is matters to where
    analysis = Pipeline(steps=["entities", "actors", "places"]).analyse(Article(id="t", text=text, published=PUBLISHED))
    trigger = next(t for t in analysis.doc if t.text == verb)
    place = event_place(analysis, trigger)
    return place.text if place else None


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        # a locative phrase of the verb, the innermost place first
        ("A farmer was wounded by a shell in the Zeitoun district of Cairo on Sunday.", "wounded", "Zeitoun"),
        # what the verb acts on
        ("Rebels seized Kherson after a week of fighting.", "seized", "Kherson"),
        # a place that only modifies a person says nothing about where
        ("A Canadian soldier was wounded in Kandahar on Monday.", "wounded", "Kandahar"),
        # the doer is not the place
        ("Israel struck targets overnight, the army said.", "struck", None),
        # nothing says where
        ("Two fighters were killed during the clashes, a spokesman said.", "killed", None),
        # a country naming whose convoy or strike it was does not say where
        ("A soldier was killed in a US airstrike on Tuesday.", "killed", None),
        ("A bomb exploded near a US convoy in the Karrada district.", "exploded", "Karrada"),
        # a governing verb's location carries down to its complement
        ("In Nairobi, thousands marched to demand lower prices.", "demand", "Nairobi"),
        # country adjectives name a place only as a border between countries
        ("Two smugglers were arrested at the Iraqi-Syrian border on Sunday.", "arrested", "Syrian"),
        # "US-led" says whose strike it was; the town near it says where
        ("Militants were killed in a US-led strike near Mosul.", "killed", "Mosul"),
        # the place's own phrase costs nothing: the lake the verb acts on beats the
        # province that only locates the villagers
        ("Villagers in Hunan province guarded the dykes of Dongting Lake all week.", "guarded", "Dongting Lake"),
        # of two names in one phrase, the finer one
        ("Troops landed on the Red Sea island of Kamaran on Monday.", "landed", "Kamaran"),
        # a country owning the captured person says whose, not where
        ("Chad's army chief was captured by rebels on Sunday.", "captured", None),
    ],
)
def test_event_place(text, verb, expected):
    assert _event_place(text, verb) == expected


def test_gaza_is_the_strip_unless_the_city_is_named(pipeline):
    bare = next(p for p in places_of(pipeline, "Aid trucks entered Gaza on Monday.") if p.text == "Gaza")
    city = next(p for p in places_of(pipeline, "Shelling hit Gaza City overnight.") if "Gaza" in p.text)
    assert bare.feature == "region" and bare.name == "Gaza Strip"
    assert city.feature == "city" and bare.country == city.country == "PSE"


def test_demonym_capital_names_the_capital(pipeline):
    text = "Envoys will travel to the Qatari capital next week."
    capital = next(p for p in places_of(pipeline, text) if "capital" in p.text)
    assert capital.name == "Doha" and capital.country == "QAT" and text[capital.start : capital.end] == "Qatari capital"
    named = places_of(pipeline, "Troops entered the Afghan capital Kabul on Monday.")
    assert [p.name for p in named if p.text == "Kabul"] == ["Kabul"]
    assert not any("capital" in p.text for p in named)


def test_a_journey_happens_at_its_destination():
    from dragoman.extractors.event_place import event_place
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    text = (
        "The plan was discussed at talks in Nairobi, and Ugandan officials will travel "
        "to Kampala next week to hear the proposal."
    )
    analysis = Pipeline(steps=["entities", "places"]).analyse(Article(id="t", text=text, published="2024-05-08"))
    travel = next(t for t in analysis.doc if t.lower_ == "travel")
    discussed = next(t for t in analysis.doc if t.lower_ == "discussed")
    assert event_place(analysis, travel).text == "Kampala"
    assert event_place(analysis, discussed).text == "Nairobi"
