"""Recognising place names in text: the seed article's places, names beyond the tagger's
GPE/LOC/FAC, names the tagger misses, mislabels or cuts, streets, and words that are no place."""

from __future__ import annotations

import pytest

from dragoman.analysis import Analysis
from dragoman.annotate.nlp import parse
from dragoman.extractors.places import find_places
from dragoman.pipeline import Pipeline
from dragoman.records import Article, Entity
from place_helpers import PUBLISHED, km, places_of
from seed import seed_expected, seed_text


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "places"])


# -- seed acceptance ---------------------------------------------------------------------------


def test_seed_places_found_with_country_and_coordinates(pipeline):
    text = seed_text()
    expected = seed_expected()["places"]
    places = places_of(pipeline, text)
    for gold in expected:
        found = [p for p in places if p.text == gold["name"]]
        assert found, f"{gold['name']} not found"
        for place in found:
            assert place.country == gold["country"], (gold["name"], place)
            assert km(place.lat, place.lon, gold["lat"], gold["lon"]) <= 25, (gold["name"], place)
    for place in places:
        assert text[place.start : place.end] == place.text


# -- mentions ----------------------------------------------------------------------------------


def test_mentions_are_trimmed_to_the_name(pipeline):
    text = "Envoys met in Doha before flying to the United States' capital."
    places = places_of(pipeline, text)
    us = next(p for p in places if p.country == "USA")
    assert us.text == "United States" == text[us.start : us.end]


def test_unknown_toponym_is_kept_without_coordinates():
    text = "Shelling hit Qwxzzyplace overnight."
    start = text.index("Qwxzzyplace")
    analysis = Analysis(article=Article(id="t", text=text), doc=next(parse([text])))
    analysis.entities = [
        Entity(text="Qwxzzyplace", label="GPE", start=start, end=start + 11),
        Entity(text="Hamas", label="ORG", start=0, end=0),
    ]
    find_places(analysis)
    assert [(p.text, p.start, p.lat, p.geonameid) for p in analysis.places] == [
        ("Qwxzzyplace", start, None, None)
    ]


@pytest.mark.parametrize("text", ["", "   \n\n", "¿¡ — ‹›"])
def test_empty_or_odd_text_gives_no_places(pipeline, text):
    assert places_of(pipeline, text) == []


# -- recognition beyond GPE/LOC/FAC ------------------------------------------------------------


def test_country_adjectives_and_demonyms_refer_to_the_country(pipeline):
    text = "Ukrainian drones struck a refinery, and Egyptians queued for bread."
    places = {p.text: p for p in places_of(pipeline, text)}
    assert places["Ukrainian"].country == "UKR" and places["Ukrainian"].feature == "country"
    assert places["Egyptians"].country == "EGY"


def test_place_named_inside_an_organisation(pipeline):
    text = "She studied at the University of Toledo before joining the Nevada Water Authority."
    places = {p.text: p for p in places_of(pipeline, text)}
    assert places["Toledo"].country == "USA"
    assert places["Nevada"].feature == "admin1"


def test_name_after_a_place_noun_is_a_place_even_if_unknown(pipeline):
    text = "Gunmen attacked a checkpoint near the village of Qarzabad on Sunday."
    assert "Qarzabad" in [p.text for p in places_of(pipeline, text)]


def test_compass_word_and_division_word_fall_back_on_the_name(pipeline):
    text = "Floods swept through northern Chad and Hunan province this week."
    places = {p.text: p for p in places_of(pipeline, text)}
    chad = next(p for t, p in places.items() if t.endswith("Chad"))
    hebei = next(p for t, p in places.items() if t.startswith("Hunan"))
    assert chad.country == "TCD" and hebei.country == "CHN"


def test_us_state_abbreviation_qualifies_a_town(pipeline):
    places = places_of(pipeline, "A water main broke in Dover, Del., on Monday, officials said.")
    dover = next(p for p in places if p.text == "Dover")
    assert dover.country == "USA" and km(dover.lat, dover.lon, 39.16, -75.52) < 30


# -- recognition: names the tagger misses or cuts ----------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        # a weekday after the name is no part of it ("Corsica" tagged a product)
        ("Thousands marched across Corsica Thursday against the reform.", "Corsica"),
        # a town tagged as a group of people, after "in"
        ("A vendor was shot in Samarra, police said.", "Samarra"),
        # the object of "patrol", tagged as a person
        ("Police have patrolled Ramadi since the riots.", "Ramadi"),
        # the passive subject of "capture", tagged as an organisation
        ("Dunkirk was captured by the rebels after a siege.", "Dunkirk"),
    ],
)
def test_a_mislabelled_name_in_a_place_slot_is_a_place(pipeline, text, name):
    assert name in [p.text for p in places_of(pipeline, text)]


def test_a_captured_person_is_no_place(pipeline):
    assert places_of(pipeline, "Santos was captured by the army on Friday.") == []


def test_a_name_tagged_as_a_place_once_is_a_place_throughout(pipeline):
    text = "Police in Gainesville, Florida, made an arrest. A Gainesville restaurant was robbed on Monday."
    gainesvilles = [p for p in places_of(pipeline, text) if p.text == "Gainesville"]
    assert len(gainesvilles) == 2 and {p.country for p in gainesvilles} == {"USA"}


def test_a_persons_surname_is_not_spread_as_a_place(pipeline):
    text = (
        "President Abraham Lincoln signed the act. The city of Lincoln, Nebraska, was named "
        "after him, and Lincoln later wrote about it."
    )
    lincolns = [p for p in places_of(pipeline, text) if p.text == "Lincoln"]
    assert len(lincolns) <= 1


def test_an_upper_case_dateline_is_a_place(pipeline):
    text = "Threat dubious. COLUMBUS -- A text message about a gang initiation is being circulated."
    place = next(p for p in places_of(pipeline, text) if p.text == "COLUMBUS")
    assert place.name == "Columbus" and place.country == "USA"


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Measles outbreaks spread through Zambia, Malawi and Democratic Republic of the Congo this spring.",
         "Democratic Republic of the Congo", "COD"),
        ("Tax worker threatened . ST. PAUL -- A man was charged on Monday.", "ST. PAUL", "USA"),
    ],
)
def test_a_name_the_tagger_cut_in_two_is_one_place(pipeline, text, name, country):
    places = places_of(pipeline, text)
    whole = [p for p in places if p.text == name]
    assert len(whole) == 1 and whole[0].country == country
    assert not any(whole[0].start <= p.start < whole[0].end and p is not whole[0] for p in places)


@pytest.mark.parametrize(
    "text, name, country, feature",
    [
        # the tagger stops at the hyphen, and "Guinea" alone is a country too
        ("Cabinet ministers from Guinea-Bissau arrived in Dakar on Monday.", "Guinea-Bissau", "GNB", "country"),
        # ... and at the small word inside the name
        ("Rain fell on Rio Grande do Norte and Santa Catarina.", "Rio Grande do Norte", "BRA", "admin1"),
        # "and" inside a country's name; "Trinidad" alone is a town in Bolivia and in Colorado
        ("Coast guards in Trinidad and Tobago stopped a fishing boat.", "Trinidad and Tobago", "TTO", "country"),
        ("The new envoy to Saint Vincent and the Grenadines arrived on Tuesday.",
         "Saint Vincent and the Grenadines", "VCT", "country"),
        # the stop after a name run on to the end of a sentence is not part of it
        ("Floods closed the roads of the Democratic Republic of the Congo. Aid came later.",
         "Democratic Republic of the Congo", "COD", "country"),
    ],
)
def test_a_known_name_the_tagger_cut_short_is_run_on(pipeline, text, name, country, feature):
    places = places_of(pipeline, text)
    whole = [p for p in places if p.text == name]
    assert len(whole) == 1 and (whole[0].country, whole[0].feature) == (country, feature)
    assert not any(whole[0].start <= p.start < whole[0].end and p is not whole[0] for p in places)


def test_a_country_listed_before_another_is_not_held_by_it(pipeline):
    text = "Dairy herds were tested in Belgium, Austria, the Czech Republic and Poland."
    assert [(p.text, p.country) for p in places_of(pipeline, text)] == [
        ("Belgium", "BEL"), ("Austria", "AUT"), ("Czech Republic", "CZE"), ("Poland", "POL"),
    ]


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Israeli strikes on Khan Younis killed 12 people.", "Khan Younis", "PSE"),  # tagged a person
        ("Residents of Port Moresby protested.", "Port Moresby", "PNG"),  # not tagged at all
        ("Families fled Rafah at dawn.", "Rafah", "PSE"),
    ],
)
def test_a_town_an_attack_is_aimed_at_or_people_flee_is_a_place(pipeline, text, name, country):
    assert (name, country) in [(p.text, p.country) for p in places_of(pipeline, text)]


def test_an_attack_on_a_known_person_is_no_place(pipeline):
    # Obama is also a Japanese town, but the actor registry knows the name as a person
    assert places_of(pipeline, "Attacks on Obama grew louder.") == []


def _places_with(text: str, *tagged: str, label: str = "GPE"):
    """The places found when the tagger labels exactly these names (first occurrence each)."""
    analysis = Analysis(article=Article(id="t", text=text), doc=next(parse([text])))
    analysis.entities = [
        Entity(text=name, label=label, start=text.index(name), end=text.index(name) + len(name)) for name in tagged
    ]
    find_places(analysis)
    return analysis.places


def test_a_street_named_after_a_place_lies_in_the_town_not_the_namesake():
    text = "A crash closed Cornwall Avenue near the mall, Winnipeg police said. Winnipeg and Brandon crews helped."
    street = next(p for p in _places_with(text, "Cornwall", "Winnipeg", "Brandon") if p.start == 15)
    assert (street.text, street.feature, street.country, street.within) == (
        "Cornwall Avenue", "facility", "CAN", "Winnipeg",
    )


@pytest.mark.parametrize(
    "text, street",
    [
        ("Police closed Cornwall Street. Traffic was diverted around Baton Rouge.", "Cornwall Street"),
        ("A fire broke out on Hampton Ave. in St. Louis.", "Hampton Ave."),
    ],
)
def test_a_street_ends_at_its_noun_or_its_abbreviation(pipeline, text, street):
    assert street in [p.text for p in places_of(pipeline, text)]


def test_a_county_road_is_still_the_county():
    text = "The truck left Stearns County Road 2 near Cold Spring, Minnesota."
    county = _places_with(text, "Stearns County", "Cold Spring", "Minnesota")[0]
    assert (county.text, county.feature, county.country) == ("Stearns County", "admin2", "USA")


def test_a_name_cut_at_its_start_reaches_back_for_its_first_word():
    places = _places_with("Relief flights landed at Puerto Princesa on Friday.", "Princesa")
    assert [(p.text, p.country) for p in places] == [("Puerto Princesa", "PHL")]


def test_a_sentence_opening_article_is_not_part_of_the_name():
    places = _places_with("The Ohio Department of Health said cases rose.", "Ohio", label="ORG")
    assert [(p.text, p.name) for p in places] == [("Ohio", "Ohio")]


def test_a_country_an_organisation_name_ends_with(pipeline):
    places = places_of(pipeline, "Air Zimbabwe cancelled three flights on Friday.")
    assert [(p.text, p.country, p.feature) for p in places] == [("Zimbabwe", "ZWE", "country")]


def test_a_disease_named_after_a_place_is_no_place(pipeline):
    text = "Cases of West Nile virus rose this summer. Officials said West Nile cases peak in August."
    assert not any(p.text == "West Nile" for p in places_of(pipeline, text))


def test_regions_and_unions_are_places(pipeline):
    coast = places_of(pipeline, "The prince spent the week on the West Coast meeting investors.")
    assert [(p.name, p.feature) for p in coast] == [("West Coast", "region")]
    union = {p.text: p for p in places_of(pipeline, "EU leaders met in Brussels to discuss tariffs.")}
    assert union["EU"].name == "European Union" and union["Brussels"].country == "BEL"


def test_a_word_describing_the_place_after_a_preposition_is_no_place(pipeline):
    """'in Christian north Lebanon': the preposition governs Lebanon; "Christian" only
    describes it, though some small town is also called that."""
    places = places_of(pipeline, "The weekly, printed in Christian north Lebanon, ran the letter on Monday.")
    assert "Christian" not in {p.text for p in places}
    sardinia = places_of(pipeline, "Farmers rallied in Sardinia on Monday.")
    assert [(p.text, p.country) for p in sardinia] == [("Sardinia", "ITA")]


# -- state words and compass words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They drove upstate  Albany", True),
        ("the State of\nOhio", True),
        ("a downstate Chicago", True),
        ("the Interstate Ohio", False),  # a word that only ends like one
        ("the statesman Ohio", False),
        ("upstateOhio", False),  # no space before the name
    ],
)
def test_state_word_before_reads_only_the_words_before_the_name(text, expected):
    from dragoman.extractors.places.mentions import _state_word_before

    name_start = min(i for i in (text.find("Ohio"), text.find("Albany"), text.find("Chicago")) if i >= 0)
    assert _state_word_before(text, name_start) is expected


def test_state_word_before_marks_the_place_a_state():
    text = "Floods hit upstate New York on Monday, officials in the state of Washington said."
    places = Pipeline().analyse(Article(id="s", text=text, published=PUBLISHED)).places
    assert {p.text for p in places if p.feature == "admin1"} >= {"New York", "Washington"}


def test_a_compass_word_and_a_part_of_town_name_no_town_of_their_own(pipeline):
    text = ("A South Side woman was charged on Friday with a robbery in Chicago, Illinois. "
            "He had moved there from the West End of Boston, Massachusetts, police said.")
    countries = {p.text: p.country for p in places_of(pipeline, text)}
    assert "Side" not in countries and "End" not in countries
    assert all(country in (None, "USA") for country in countries.values()), countries


def test_a_name_after_a_word_for_a_relative_is_a_person_not_a_town(pipeline):
    text = ("The farmer from Nebraska died on Sunday. He leaves his wife Olivia, his son Austin "
            "and a daughter who lives in Omaha.")
    names = {p.text for p in places_of(pipeline, text)}
    assert "Olivia" not in names and "Austin" not in names
    assert {"Nebraska", "Omaha"} <= names
