"""Places: the offline gazetteer and the `places` pipeline component."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import math
import re
import sys
from pathlib import Path

import pytest

from dragoman.analysis import Analysis
from dragoman.annotate.nlp import parse
from dragoman.extractors.places import find_places
from dragoman.pipeline import Pipeline
from dragoman.records import Article, Entity
from dragoman.resolve import gazetteer, gazetteer_build
from dragoman.resolve.article_memo import one_article
from seed import seed_expected, seed_text

PUBLISHED = "2024-03-22"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "places"])


def places_of(pipeline: Pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published=PUBLISHED)).places


# -- seed acceptance ----------------------------------------------------------------------


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


# -- gazetteer ----------------------------------------------------------------------------


def test_lookup_ignores_accents_and_case():
    plain, accented, shouted = (gazetteer.candidates(n) for n in ("Bogota", "Bogotá", "BOGOTÁ"))
    assert plain and plain == accented == shouted
    assert plain[0].country == "COL" and plain[0].population > 1_000_000
    assert km(plain[0].lat, plain[0].lon, 4.61, -74.08) < 25


@pytest.mark.parametrize("name, iso3", [("Georgia", "GEO"), ("Jordan", "JOR"), ("Palestine", "PSE")])
def test_country_name_means_the_country_even_next_to_towns(name, iso3):
    # towns (and, for Georgia, a US state) share the name
    assert any(c.feature != "country" for c in gazetteer.candidates(name))
    for context in ((), ("USA",)):
        place = gazetteer.resolve(name, article_countries=context)
        assert (place.feature, place.country) == ("country", iso3)


def test_news_short_forms_and_leading_article():
    for name in ("U.S.", "the United States", "America"):
        assert gazetteer.resolve(name).country == "USA"
    assert gazetteer.resolve("Britain").country == "GBR"
    assert gazetteer.resolve("the Gaza Strip").feature == "region"


def test_washington_is_the_capital_unless_the_state_is_asked_for():
    capital = gazetteer.resolve("Washington")
    assert capital.country == "USA" and km(capital.lat, capital.lon, 38.9, -77.04) < 25
    state = gazetteer.resolve("Washington", feature="admin1")
    assert state.feature == "admin1" and state.lat > 45


def test_state_context_picks_the_local_town():
    assert gazetteer.resolve("Paris").country == "FRA"
    local = gazetteer.resolve("Paris", article_countries={"USA"}, article_admin1={"USA.TX"})
    assert local.country == "USA" and km(local.lat, local.lon, 33.66, -95.56) < 25


def test_us_counties_are_known_and_placed_by_the_article_state():
    ohio = gazetteer.resolve("Butler County", article_countries={"USA": 3}, article_admin1={"USA.OH": 2})
    assert ohio.feature == "admin2" and ohio.admin1 == "USA.OH"
    assert km(ohio.lat, ohio.lon, 39.44, -84.57) < 40  # between Hamilton and Middletown
    kansas = gazetteer.resolve("Butler County", article_admin1={"USA.KS": 1})
    assert kansas.admin1 == "USA.KS"


def test_state_support_grows_with_the_number_of_places_there():
    one_each = gazetteer.resolve("Columbus", article_admin1={"USA.GA": 1, "USA.OH": 1})
    mostly_georgia = gazetteer.resolve("Columbus", article_admin1={"USA.GA": 4, "USA.OH": 1})
    assert one_each.admin1 == "USA.OH"  # the bigger city when context is even
    assert mostly_georgia.admin1 == "USA.GA"


def test_provinces_share_the_code_of_their_towns():
    ontario = gazetteer.resolve("Ontario")
    london = gazetteer.resolve("London", article_countries={"CAN": 2}, article_admin1={ontario.admin1: 2})
    assert ontario.feature == "admin1" and london.country == "CAN" and london.admin1 == ontario.admin1


def test_town_named_after_a_state_does_not_take_the_state_name():
    state = gazetteer.resolve("California", article_countries={"USA": 4}, article_admin1={"USA.PA": 4})
    assert state.feature == "admin1" and state.lon < -110


def test_unknown_name_has_no_candidates():
    assert gazetteer.candidates("Qwxzzyplace") == []
    assert gazetteer.resolve("") is None


# -- where the index comes from: a wheel's packaged file, a checkout's cache, or a build --

# one made-up town: enough to tell a test's index from the real one
OURTOWN = gazetteer.Candidate(1, "Ourtown", "NZL", -41.2, 174.8, 2000, "city")


def _one_town_index() -> gazetteer.Gazetteer:
    return gazetteer.Gazetteer([OURTOWN], {"ourtown": (0 * 2 + 1,)})


def test_within_one_article_a_plain_ranking_is_made_once_and_each_caller_gets_its_own_list(monkeypatch):
    index = _one_town_index()
    made = []
    rank = index._ranked
    monkeypatch.setattr(index, "_ranked", lambda *args: made.append(args) or rank(*args))
    with one_article():
        index.ranked("Ourtown").clear()
        again = index.ranked("Ourtown")
        index.ranked("Ourtown", article_countries={"NZL": 1})  # a ranking in context is made each time
    after = index.ranked("Ourtown")
    assert again == after and again[0][0] == OURTOWN
    assert len(made) == 3  # the plain ranking once in the article, the one in context, the one after it


def test_an_index_round_trips_and_one_built_from_other_inputs_is_refused(tmp_path):
    path = tmp_path / "index.msgpack"
    gazetteer.write_index(path, _one_town_index(), {"inputs": "ours"})
    assert gazetteer.read_index(path, "ours").resolve("Ourtown") == OURTOWN
    assert gazetteer.read_index(path, "edited since") is None
    assert gazetteer.read_index(tmp_path / "absent.msgpack", "ours") is None
    path.write_bytes(path.read_bytes()[:40])
    assert gazetteer.read_index(path, "ours") is None


def test_a_failed_write_leaves_neither_a_partial_index_nor_a_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "index.msgpack"

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gazetteer.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        gazetteer.write_index(path, _one_town_index(), {"inputs": "ours"})
    assert list(tmp_path.iterdir()) == []


def test_the_real_index_round_trips(tmp_path):
    path = tmp_path / "index.msgpack"
    gazetteer.write_index(path, gazetteer.load_gazetteer(), {"inputs": gazetteer.inputs_digest()})
    stored = gazetteer.read_index(path, gazetteer.inputs_digest())
    assert stored.resolve("Rafah") == gazetteer.resolve("Rafah")
    assert len(stored.places) == len(gazetteer.load_gazetteer().places)


def test_the_inputs_digest_follows_our_data_files(tmp_path, monkeypatch):
    before = gazetteer.inputs_digest()
    edited = tmp_path / "places.tsv"
    edited.write_text(gazetteer.BUILD_INPUTS[0].read_text(encoding="utf-8") + "Ourtown\tcity\tNZL\t-41.2\t174.8\t\t\n")
    monkeypatch.setattr(gazetteer, "BUILD_INPUTS", (edited, *gazetteer.BUILD_INPUTS[1:]))
    assert gazetteer.inputs_digest() != before


def test_a_wheels_packaged_index_needs_neither_the_geonames_packages_nor_a_cache(without_geonames, tmp_path):
    gazetteer.write_index(without_geonames, _one_town_index(), {"inputs": gazetteer.inputs_digest()})
    loaded = gazetteer.load_gazetteer()
    assert len(loaded.places) == 1 and loaded.resolve("Ourtown") == OURTOWN
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("packaged, state", [(None, "is missing"), ("old", "was built from other data files")])
def test_no_usable_index_and_nothing_to_build_one_from_says_what_to_install(without_geonames, packaged, state):
    if packaged:
        gazetteer.write_index(without_geonames, _one_town_index(), {"inputs": packaged})
    with pytest.raises(gazetteer.GazetteerUnavailable) as caught:
        gazetteer.load_gazetteer()
    message = str(caught.value)
    assert f"{without_geonames} {state}" in message
    assert "pip install 'dragoman[geonames]'" in message


def test_a_wheels_country_table_is_the_one_built_from_geonames(tmp_path, monkeypatch):
    packaged = tmp_path / "geonames_countries.json"
    built = gazetteer_build.geonames_countries()
    packaged.write_text(json.dumps(built), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "PACKAGED_COUNTRIES", packaged)
    gazetteer.geonames_countries.cache_clear()
    try:
        table = gazetteer.geonames_countries()
    finally:
        gazetteer.geonames_countries.cache_clear()
    assert table == built
    assert (table["IL"]["iso3"], table["IL"]["capital"]) == ("ISR", "Jerusalem")
    assert "EG" in table["IL"]["neighbours"].split(",")


# -- pipeline component -------------------------------------------------------------------


def test_a_name_is_read_in_the_country_its_own_sentences_are_about(pipeline):
    text = ("Typhoon damage was worst in Luzon, where roads around Manila, Quezon City and Baguio "
            "were cut. Farmers in Isabela and Cagayan lost their rice, and the town of Santiago ran "
            "out of drinking water. Relief flights left Cebu and Davao on Monday. Rain is expected "
            "to ease by Wednesday.\n\nFar away, Chile sent condolences. The foreign ministry in "
            "Santiago said rescue experts were ready to fly.")
    first, second = [p for p in places_of(pipeline, text) if p.text == "Santiago"]
    assert first.country == "PHL"
    assert (second.country, second.lat < -30) == ("CHL", True)


def test_a_border_crossing_paragraph_moves_a_shared_name_with_it(pipeline):
    text = ("Storms hit Texas again. Roads near Austin, Waco and San Antonio flooded, and Houston "
            "schools closed. In Dallas, power was out for a day.\n\nThe storm system later crossed "
            "into Mexico. Officials in Guadalupe said hundreds of homes were damaged near the city.")
    [guadalupe] = [p for p in places_of(pipeline, text) if p.text == "Guadalupe"]
    assert guadalupe.country == "MEX"


def test_a_nearby_town_does_not_move_a_world_city_to_its_country(pipeline):
    places = {p.text: p for p in places_of(pipeline, "The senator flew from Atlanta to Paris on Monday.")}
    assert places["Paris"].country == "FRA"


@pytest.mark.parametrize(
    "text, short, feature",
    [
        ("Lexington County deputies searched the river banks west of Columbia on Sunday. In "
         "Lexington, the town council canceled its Monday meeting.", "Lexington", "city"),
        ("Richland County voters approved the school bond. Turnout in Richland was 31 percent, "
         "election officials in Columbia said.", "Richland", "admin2"),
    ],
)
def test_a_county_named_once_in_full_is_what_its_short_name_means(pipeline, text, short, feature):
    places = {p.text: p for p in places_of(pipeline, text)}
    county = places[f"{short} County"]
    assert places[short].feature == feature  # the town of that name in the county, else the county
    assert km(places[short].lat, places[short].lon, county.lat, county.lon) < 40


def test_a_capital_keeps_its_name_beside_a_county_named_after_it(pipeline):
    text = "Washington County commissioners in Hagerstown asked Washington for more federal road money."
    places = {p.text: p for p in places_of(pipeline, text)}
    county = places["Washington County"]
    assert km(county.lat, county.lon, 39.64, -77.72) < 40  # Maryland's, around Hagerstown
    assert km(places["Washington"].lat, places["Washington"].lon, 38.9, -77.04) < 20


@pytest.mark.parametrize("text, name", [
    ("Crab boats sheltered off the Pribilof Islands as the storm passed Alaska.", "Pribilof Islands"),
    ("Seals returned to the Shiant Islands this spring.", "Shiant Islands"),
])
def test_islands_the_gazetteer_lacks_are_not_placed_at_a_district_called_islands(pipeline, text, name):
    [islands] = [p for p in places_of(pipeline, text) if p.text == name]
    assert (islands.name, islands.lat) == (None, None)


@pytest.mark.parametrize(
    "text, name, rule",
    [
        ("Ministers met in Abuja on Monday.", "Abuja", "gazetteer"),
        ("Storms hit Atlanta, Macon and Savannah. Georgia officials opened shelters.", "Georgia", "article-context"),
        ("A storm hit Buffalo, New York, on Monday.", "Buffalo", "qualifier"),
        ("The Qatari capital hosted the talks.", "Qatari capital", "country-word"),
        ("Lexington County deputies closed roads west of Columbia on Sunday. In Lexington, the town "
         "council canceled its meeting.", "Lexington", "county-named-in-full"),
        ("Rescuers searched Hampton Avenue in Saskatoon.", "Hampton Avenue", "within-town"),
        ("Kayakers paddled the Wexbrook River between Raleigh, Durham and Asheville on Saturday.",
         "Wexbrook River", "article-country"),
    ],
)
def test_each_place_says_why_it_has_its_sense(pipeline, text, name, rule):
    [place] = [p for p in places_of(pipeline, text) if p.text == name]
    assert place.rule == rule


def test_explain_gives_the_reason_for_an_events_place(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    path = tmp_path / "storm.txt"
    path.write_text("Police arrested two protesters on Hampton Avenue in Saskatoon on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(path), "--published", "2024-03-22", "--sentence", "1"])
    assert result.exit_code == 0, result.output
    assert "place:     Hampton Avenue (CAN, at the point of Saskatoon) - from the town it stands in" in result.output


def test_article_context_chooses_between_same_named_towns(pipeline):
    texan = places_of(
        pipeline,
        "A tornado tore through northeast Texas on Sunday, flattening homes in Paris "
        "and damaging the county courthouse.",
    )
    french = places_of(
        pipeline,
        "Farmers blocked roads across France on Monday, and tractors reached the "
        "outskirts of Paris by nightfall.",
    )
    assert [p.country for p in texan if p.text == "Paris"] == ["USA"]
    assert [p.country for p in french if p.text == "Paris"] == ["FRA"]


def test_state_cue_after_the_name(pipeline):
    places = places_of(pipeline, "Wildfires spread across Washington state on Tuesday, closing highways.")
    washington = next(p for p in places if p.text == "Washington")
    assert washington.feature == "admin1" and washington.lat > 45


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


# -- recognition beyond GPE/LOC/FAC ----------------------------------------------------


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


def test_country_point_is_the_conventional_one():
    russia = gazetteer.load_gazetteer().country("RUS")
    assert km(russia.lat, russia.lon, 60.0, 100.0) < 50  # not pulled west toward Moscow


def test_us_state_abbreviation_qualifies_a_town(pipeline):
    places = places_of(pipeline, "A water main broke in Dover, Del., on Monday, officials said.")
    dover = next(p for p in places if p.text == "Dover")
    assert dover.country == "USA" and km(dover.lat, dover.lon, 39.16, -75.52) < 30


def test_us_article_reads_georgia_as_the_state(pipeline):
    text = (
        "Storms flooded streets in Atlanta and Chattanooga, and Georgia officials asked "
        "Washington for emergency funds."
    )
    georgia = next(p for p in places_of(pipeline, text) if p.text == "Georgia")
    assert georgia.country == "USA" and georgia.feature == "admin1"


def test_local_news_reads_a_capital_name_as_the_town_of_its_state(pipeline):
    # no name settles the state alone: Columbus (the biggest one, in Ohio) does once
    # resolved, and then Dublin and Delaware County follow it
    text = "The Dublin city council met on Monday. Officials from Columbus and Delaware County attended."
    places = {p.text: p for p in places_of(pipeline, text)}
    assert km(places["Dublin"].lat, places["Dublin"].lon, 40.1, -83.11) < 30
    county = places["Delaware County"]
    assert county.feature == "admin2" and km(county.lat, county.lon, 40.28, -83.0) < 40


def test_long_mention_resolves_to_the_place_it_starts_or_ends_with():
    from dragoman.extractors.places.resolution import _Mention, _Resolver

    resolver = _Resolver(gazetteer.load_gazetteer())

    def resolve(text):
        return resolver.resolve(_Mention(text=text, start=0, end=len(text)))

    county = resolve("Laurel County Fiscal Court Annex")
    assert county.feature == "admin2" and county.admin1 == "USA.KY"
    assert resolve("Historic Toledo").name == "Toledo"
    # a hamlet sharing a word with a brand is not taken for the place
    assert resolve("Qwxzz Energy") is None  # Energy, Illinois: 1,100 people


def test_capital_beats_a_same_named_town(pipeline):
    moscow = next(p for p in places_of(pipeline, "Talks resumed in Moscow on Friday.") if p.text == "Moscow")
    assert moscow.country == "RUS"


# -- event location -----------------------------------------------------------------------


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


# -- recognition: names the tagger misses or cuts -----------------------------------------


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
    ],
)
def test_a_known_name_the_tagger_cut_short_is_run_on(pipeline, text, name, country, feature):
    places = places_of(pipeline, text)
    whole = [p for p in places if p.text == name]
    assert len(whole) == 1 and (whole[0].country, whole[0].feature) == (country, feature)
    assert not any(whole[0].start <= p.start < whole[0].end and p is not whole[0] for p in places)


def test_a_town_its_state_does_not_hold_is_placed_in_the_state(pipeline):
    # the gazetteer lists no Moscow in Vermont: the Russian capital would be a wrong answer
    places = {p.text: p for p in places_of(pipeline, "Snow closed schools in Moscow, Vermont, on Friday.")}
    moscow, vermont = places["Moscow"], places["Vermont"]
    assert (moscow.country, moscow.feature, moscow.within) == ("USA", "locality", "Vermont")
    assert (moscow.lat, moscow.lon) == (vermont.lat, vermont.lon)


def test_a_country_listed_before_another_is_not_held_by_it(pipeline):
    text = "Dairy herds were tested in Belgium, Austria, the Czech Republic and Poland."
    assert [(p.text, p.country) for p in places_of(pipeline, text)] == [
        ("Belgium", "BEL"), ("Austria", "AUT"), ("Czech Republic", "CZE"), ("Poland", "POL"),
    ]


def test_an_unplaced_name_gets_the_country_of_the_articles_places_but_no_point(pipeline):
    text = "Kayakers paddled the Wexbrook River from Raleigh to Durham on Saturday."
    river = next(p for p in places_of(pipeline, text) if p.text == "Wexbrook River")
    assert (river.country, river.within, river.lat, river.lon, river.name) == ("USA", "United States", None, None, None)


def test_an_article_spread_over_countries_leaves_an_unplaced_name_without_one(pipeline):
    text = "Kayakers paddled the Wexbrook River from Raleigh to Paris on Saturday."
    river = next(p for p in places_of(pipeline, text) if p.text == "Wexbrook River")
    assert (river.country, river.within) == (None, None)


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


def test_a_county_named_like_the_articles_town_is_that_towns_county(pipeline):
    text = ("DeKalb aldermen approved the budget on Monday. The DeKalb County board will vote on its "
            "own plan next week, and a DeKalb councilman said talks went well.")
    places = places_of(pipeline, text)
    town = next(p for p in places if p.text == "DeKalb")
    county = next(p for p in places if p.text == "DeKalb County")
    assert km(town.lat, town.lon, county.lat, county.lon) < 50


def test_a_small_foreign_namesake_by_another_name_yields_to_the_articles_country(pipeline):
    # the gazetteer lacks the Pakistani resort; its only "Kalam" is another name of an Indian town
    text = ("Police in Kalam arrested two smugglers. Officers from Peshawar and Islamabad joined the raid, "
            "Pakistani officials said.")
    kalam = next(p for p in places_of(pipeline, text) if p.text == "Kalam")
    assert (kalam.country, kalam.lat, kalam.within) == ("PAK", None, "Pakistan")


def test_a_known_city_by_its_english_name_keeps_it_in_a_story_elsewhere(pipeline):
    text = "Flights from Karachi and Lahore to Bombay resume next year, Pakistani officials said."
    bombay = next(p for p in places_of(pipeline, text) if p.text == "Bombay")
    assert (bombay.name, bombay.country) == ("Mumbai", "IND")


def test_a_world_city_keeps_its_name_against_a_hamlet_in_the_articles_state(pipeline):
    # London, California has under 2,000 people; Dublin, Ohio (tested above) is no hamlet
    text = "The singer lives in London and toured Los Angeles and San Diego, California, this week."
    london = next(p for p in places_of(pipeline, text) if p.text == "London")
    assert london.country == "GBR"


def test_a_towns_city_council_is_that_town(pipeline):
    text = ("Dublin City Council approved a park levy. Officials from Columbus, Hilliard and "
            "Delaware County said Dublin residents back the levy.")
    places = places_of(pipeline, text)
    council = next(p for p in places if p.text == "Dublin City")
    town = next(p for p in places if p.text == "Dublin")
    assert council.country == town.country == "USA" and (council.lat, council.lon) == (town.lat, town.lon)


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


# -- resolution: support from the article ------------------------------------------------


def test_a_town_named_after_an_area_does_not_take_its_countrys_support():
    # "England" in an article full of US places is still England, not England, Arkansas
    assert gazetteer.resolve("England", article_countries={"USA": 20}).country == "GBR"
    assert gazetteer.resolve("Ontario", article_countries={"USA": 20, "CAN": 1}).feature == "admin1"
    # ... while the national capital keeps it against the state
    assert gazetteer.resolve("Washington", article_countries={"USA": 20}).feature == "city"


def test_many_mentions_of_one_country_do_not_bury_another_countrys_capital():
    cairo = gazetteer.resolve("Cairo", article_countries={"USA": 20, "EGY": 1})
    assert cairo.country == "EGY" and cairo.capital


def test_an_abbreviation_follows_the_articles_country():
    assert gazetteer.resolve("WA", article_countries={"AUS": 3}).name == "Western Australia"
    assert gazetteer.resolve("WA", article_countries={"USA": 3}).name == "Washington"


def test_a_country_gives_way_to_a_home_town_only_in_plainly_local_news():
    from dragoman.extractors.places.resolution import _Mention, _Resolver

    def resolve(names):
        mentions = [_Mention(text=n, start=i * 20, end=i * 20 + len(n)) for i, n in enumerate(names)]
        resolver = _Resolver(gazetteer.load_gazetteer())
        resolver.settle_clear(mentions)
        resolver.cohere(mentions)
        return resolver.resolve(mentions[0])

    local = resolve(["Palestine", "Anderson County", "Freestone County", "Tyler", "Texas"])
    assert local.country == "USA" and local.admin1 == "USA.TX"
    assert resolve(["Palestine", "Texas"]).country == "PSE"


def test_a_part_of_a_longer_name_must_be_the_places_own_name():
    from dragoman.extractors.places.resolution import _Mention, _Resolver

    resolver = _Resolver(gazetteer.load_gazetteer())
    # "Hall" is only an alternate name of Schwäbisch Hall; "Union" is an ordinary word
    for text in ("City Hall", "Soviet Unionist Club"):
        assert resolver.resolve(_Mention(text=text, start=0, end=len(text))) is None


def test_a_province_after_a_town_is_the_towns_province(pipeline):
    text = "CALAMBA CITY, Laguna Mayor Justin Chipeco praised the new sports program."
    province = next(p for p in places_of(pipeline, text) if p.text == "Laguna")
    assert province.country == "PHL" and province.feature == "admin2"
    assert km(province.lat, province.lon, 14.21, 121.17) < 50
    # a list of towns qualifies nothing: Berlin stays in Germany
    listed = {p.text: p for p in places_of(pipeline, "Talks were held in Paris, Berlin and Rome this week.")}
    assert listed["Berlin"].country == "DEU"


def test_a_word_describing_the_place_after_a_preposition_is_no_place(pipeline):
    """'in Christian east Beirut': the preposition governs Beirut; "Christian" only
    describes it, though some small town is also called that."""
    places = places_of(pipeline, "The paper, based in Christian east Beirut, printed the letter on Monday.")
    assert "Christian" not in {p.text for p in places}
    sardinia = places_of(pipeline, "Farmers rallied in Sardinia on Monday.")
    assert [(p.text, p.country) for p in sardinia] == [("Sardinia", "ITA")]


# -- big cities, states of the same name ---------------------------------------------------


def test_a_metropolis_named_like_its_state_is_the_city():
    city = gazetteer.resolve("New York")
    assert city.feature == "city" and km(city.lat, city.lon, 40.71, -74.01) < 25
    assert gazetteer.resolve("New York", feature="admin1").feature == "admin1"
    # a province whose capital is smaller keeps the name
    assert gazetteer.resolve("Quebec").feature == "admin1"


def test_one_mention_of_a_state_does_not_take_a_famous_city_name():
    boston = gazetteer.resolve("Boston", article_countries={"USA": 3}, article_admin1={"USA.NY": 1, "USA.DC": 1})
    assert boston.admin1 == "USA.MA"
    # the story plainly local to a state with a town of that name, and the city's state absent
    local = gazetteer.resolve("Portland", article_countries={"USA": 4}, article_admin1={"USA.TX": 3, "USA.OK": 1})
    assert local.admin1 == "USA.TX"
    # the big city's own state named too: the city
    both = gazetteer.resolve("Portland", article_admin1={"USA.TX": 3, "USA.OR": 1})
    assert both.admin1 == "USA.OR"


@pytest.mark.parametrize(
    "text",
    [
        "Snow closed schools across upstate New York on Friday.",
        "The New York governor signed the budget bill late on Thursday.",
        "Measles cases were confirmed in Ohio, New York and Oregon this spring.",
        "Her family moved from Rochester, New York, to Denver when she was nine.",
        "New York's attorney general sued two landlords on Tuesday.",
        "Hikers reached the New York border at dawn.",
    ],
)
def test_new_york_is_the_state_where_the_text_uses_it_as_one(pipeline, text):
    new_york = next(p for p in places_of(pipeline, text) if p.text == "New York")
    assert new_york.feature == "admin1"


def test_a_country_that_is_also_a_state_keeps_its_border(pipeline):
    places = places_of(pipeline, "Migrants waited for days at the Mexico border in the heat.")
    assert [(p.text, p.feature, p.country) for p in places] == [("Mexico", "country", "MEX")]


def test_bare_new_york_is_the_city(pipeline):
    places = places_of(pipeline, "The bank's chief flew to New York on Monday and met investors in Chicago.")
    new_york = next(p for p in places if p.text == "New York")
    assert new_york.feature == "city" and km(new_york.lat, new_york.lon, 40.71, -74.01) < 25


def test_a_town_qualified_by_its_district_stays_a_town_in_a_list_of_states(pipeline):
    places = places_of(pipeline, "The band toured Texas, Ohio and Washington, D.C., last summer.")
    washington = next(p for p in places if p.text.startswith("Washington"))
    assert washington.feature == "city" and washington.lat < 40


def test_a_town_its_province_and_its_country_are_one_address_not_a_list(pipeline):
    """"Stroud, Ontario, Canada": each name holds the one before, so the English Stroud
    (the gazetteer's only large one) is ruled out, as "Stroud, Ontario" alone would."""
    places = places_of(pipeline, "Police stopped a pickup late on Friday near Stroud, Ontario, Canada.")
    stroud = next(p for p in places if p.text == "Stroud")
    assert stroud.country == "CAN"
    # a list of countries holds nothing: Armenia is no country of a US state
    listed = {p.text: p for p in places_of(pipeline, "Envoys from Ireland, Georgia, Armenia and Turkey met.")}
    assert listed["Georgia"].country == "GEO"


def test_a_town_the_tagger_missed_is_found_by_the_state_after_it(pipeline):
    """spaCy tags "New York" but not the sentence-initial "Buffalo" before it; a comma
    and a state that has a Buffalo make it a place, and the state the state."""
    text = "Clinics say the province may run short of beds. Buffalo, New York could take some of the patients."
    places = {p.text: p for p in places_of(pipeline, text)}
    assert places["Buffalo"].country == "USA" and km(places["Buffalo"].lat, places["Buffalo"].lon, 42.89, -78.88) < 25
    assert places["New York"].feature == "admin1"


# -- divisions of every country, and which towns lie in them -------------------------------


def test_provinces_of_any_country_resolve(pipeline):
    places = {p.text: p for p in places_of(pipeline, "Cocoa farmers in Ashanti and Khatlon complained about prices.")}
    assert (places["Ashanti"].country, places["Ashanti"].feature) == ("GHA", "admin1")
    assert (places["Khatlon"].country, places["Khatlon"].feature) == ("TJK", "admin1")
    assert km(places["Ashanti"].lat, places["Ashanti"].lon, 6.7, -1.6) < 161


def test_a_town_beside_its_county_is_that_countys_town(pipeline):
    """Athens, Tennessee lies in McMinn County; no other Athens does."""
    text = "A McMinn County deputy stopped the car in Athens on Friday, the sheriff said."
    athens = next(p for p in places_of(pipeline, text) if p.text == "Athens")
    assert athens.country == "USA" and km(athens.lat, athens.lon, 35.44, -84.59) < 30


def test_a_county_beside_its_town_is_the_county_holding_it(pipeline):
    """Several states have a Henry County; the one holding the named town wins, here
    Henry County, Tennessee beside Paris."""
    text = "Paris police arrested a man on Friday, the Henry County sheriff said."
    places = {p.text: p for p in places_of(pipeline, text)}
    assert places["Paris"].country == "USA" and km(places["Paris"].lat, places["Paris"].lon, 36.30, -88.33) < 30
    county = places["Henry County"]
    assert km(county.lat, county.lon, 36.33, -88.30) < 50


def test_a_name_and_its_county_are_no_evidence_for_each_other():
    """"Madison" beside "Madison County" is one name twice: every Madison County with a
    town called Madison in it would otherwise look confirmed."""
    from dragoman.extractors.places.resolution import _Mention, _Resolver

    resolver = _Resolver(gazetteer.load_gazetteer())
    mentions = [_Mention(text="Madison County", start=0, end=14), _Mention(text="Madison", start=20, end=27)]
    resolver.settle_clear(mentions)
    assert not resolver._counties_beside("Madison").named
    assert not resolver._counties_beside("Madison County").holding_named_towns


def test_a_neighbouring_country_keeps_its_name_against_a_state_at_home(pipeline):
    """Nigeria has a Niger state, but in a Nigerian story "crossed into Niger" is the
    neighbouring country."""
    places = {p.text: p for p in places_of(pipeline, "Kano police said the traders crossed into Niger from Katsina last week.")}
    assert (places["Niger"].country, places["Niger"].feature) == ("NER", "country")


def test_a_small_foreign_division_does_not_take_a_big_citys_name():
    """Jamaica's Manchester parish and Bermuda's Southampton parish lose to the English
    cities; a province named after its seat gives the name to the seat."""
    assert gazetteer.candidates("Manchester")[0].country == "GBR"
    assert gazetteer.candidates("Southampton")[0].country == "GBR"
    kabul = gazetteer.candidates("Kabul")[0]
    assert (kabul.country, kabul.feature) == ("AFG", "city")


def test_a_compass_word_division_does_not_stand_alone(pipeline):
    """Zambia's "North-Western" province is not what "North-Western Sydney" names."""
    places = {p.text: p for p in places_of(pipeline, "Bats were found in North-Western Sydney and in North West England.")}
    assert all(p.country in {"AUS", "GBR"} for p in places.values()), places


# -- streets, buildings and villages the gazetteer lacks -----------------------------------


def test_an_unlisted_street_stands_at_the_town_named_after_it(pipeline):
    places = {p.text: p for p in places_of(pipeline, "Traffic backed up on Bardstown Road in Louisville on Saturday.")}
    street = places["Bardstown Road"]
    assert (street.feature, street.within, street.country) == ("facility", "Louisville", "USA")
    assert (street.lat, street.lon) == (places["Louisville"].lat, places["Louisville"].lon)
    assert street.name is None and street.geonameid is None  # the gazetteer still does not know it


def test_an_unlisted_village_stands_at_the_district_named_after_it(pipeline):
    text = "The family fled Ukumbe village of Kwande after the attack."
    village = next(p for p in places_of(pipeline, text) if p.text.startswith("Ukumbe"))
    assert (village.feature, village.within, village.country) == ("locality", "Kwande", "NGA")


def test_a_building_named_alone_stands_at_the_town_the_story_is_about(pipeline):
    text = ("Flooding closed roads across Tulsa on Monday. Tulsa officials opened a shelter. "
            "Volunteers handed out blankets at the Mabee Center.")
    hall = next(p for p in places_of(pipeline, text) if p.text == "Mabee Center")
    assert (hall.feature, hall.within, hall.country) == ("facility", "Tulsa", "USA")


def test_an_unknown_name_with_nothing_to_stand_at_stays_unresolved(pipeline):
    for text in ("Crowds gathered outside Grand Meridian Hall on Friday.", "They fled to Qaryat Zorvani last year."):
        for place in places_of(pipeline, text):
            assert place.lat is None and place.within is None, place


def test_a_town_once_qualified_keeps_that_sense_against_the_articles_other_state(pipeline):
    """Four Missouri places outnumber one New York, but the article said which Buffalo
    it means, and a qualifier's comma before a verb closes it rather than a list."""
    text = ("A dockworker from Buffalo, New York, won the state lottery on Friday. Clerks in Joplin, "
            "Branson and Springfield in Missouri sold most tickets. The dockworker plans to stay in Buffalo.")
    buffalos = [p for p in places_of(pipeline, text) if p.text == "Buffalo"]
    assert len(buffalos) == 2
    assert all(km(p.lat, p.lon, 42.89, -78.88) < 30 for p in buffalos), buffalos


def test_a_former_province_lies_among_the_provinces_that_replaced_it(pipeline):
    """Kenya's Nyanza province was split into six counties in 2013; archives still name
    it, and it is not Rwanda's town of Nyanza."""
    places = {p.text: p for p in places_of(pipeline, "Maize prices rose in Nyanza province and the Rift Valley.")}
    nyanza = places.get("Nyanza province") or places["Nyanza"]
    assert (nyanza.country, nyanza.feature) == ("KEN", "admin1")
    assert km(nyanza.lat, nyanza.lon, -0.09, 34.77) < 161  # Kisumu, its old capital
    assert places["Rift Valley"].country == "KEN"


def test_a_former_province_with_an_unknown_successor_is_refused_by_name(tmp_path, monkeypatch):
    bad = tmp_path / "former_divisions.tsv"
    bad.write_text("Nowhere Province\tKEN\tAtlantis\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer_build, "FORMER_DIVISIONS_TSV", bad)
    with pytest.raises(ValueError, match="former_divisions.tsv: Nowhere Province: no division 'Atlantis' in KEN"):
        gazetteer_build._add_former_divisions(gazetteer_build._Builder(), {})


def test_a_county_named_without_its_word_and_a_lawmakers_home_town(pipeline):
    text = ("Henrico police closed two roads after the storm. Snow shut schools in Geauga and "
            "Medina counties on Monday. Rep. Tom Ray, R-Cedar Rapids, voted against the bill.")
    places = {p.text: p for p in places_of(pipeline, text)}
    assert (places["Henrico"].name, places["Henrico"].feature) == ("Henrico County", "admin2")
    assert places["Geauga"].name == "Geauga County"
    assert places["Cedar Rapids"].country == "USA" and places["Cedar Rapids"].start == text.index("Cedar Rapids")


def test_a_compass_part_of_a_name_is_no_evidence_for_the_whole(pipeline):
    """"Northeast Georgia" said twice made the country of Georgia look twice confirmed;
    with Athens-area counties around, Georgia is the state."""
    text = ("Storms knocked out power across Northeast Georgia on Tuesday. Crews from Clarke County and "
            "Oconee County worked overnight, and Northeast Georgia schools stayed closed, the Georgia "
            "Emergency Management Agency said.")
    georgias = [p for p in places_of(pipeline, text) if "Georgia" in p.text]
    assert georgias and all((p.country, p.feature) == ("USA", "admin1") for p in georgias), georgias


def test_irish_counties_are_placed_though_geonames_groups_them_in_provinces(pipeline):
    """GeoNames files Clare under Munster; its towns still place it, and it beats the
    small Clares of Australia and Michigan."""
    text = "Farmers in Clare and in Mayo reported a wet spring, officials in Castlebar said."
    places = {p.text: p for p in places_of(pipeline, text)}
    for county in ("Clare", "Mayo"):
        assert (places[county].country, places[county].feature) == ("IRL", "admin1"), places[county]
    assert km(places["Clare"].lat, places["Clare"].lon, 52.85, -9.0) < 60


def test_a_county_named_without_its_word_is_tried_as_a_county_first(pipeline):
    """Red River is a county in Texas and a parish in Louisiana; "County" is tried
    before "Parish", whatever order Python keeps a set in (this once varied by run)."""
    places = {p.text: p for p in places_of(pipeline, "Floodwater closed two roads in Red River on Monday.")}
    assert places["Red River"].name == "Red River County"


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_wheel_builds_from_the_same_pinned_packages_a_checkout_builds_from():
    project = _pyproject()
    extra = set(project["project"]["optional-dependencies"]["geonames"])
    build_requires = set(project["build-system"]["requires"])
    assert extra <= build_requires
    assert {requirement.split("==")[0] for requirement in extra} == set(gazetteer_build.SOURCE_PACKAGES)
    assert all("==" in requirement for requirement in extra)


def test_the_wheel_build_requires_every_package_the_index_builder_imports():
    requires = _pyproject()["build-system"]["requires"]
    required = {re.split(r"[ ;<>=!\[]", r)[0].lower() for r in requires}
    distributions = importlib.metadata.packages_distributions()
    imported = set()
    for module in (gazetteer, gazetteer_build):
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"__future__"}
    needed = {distributions[name][0].lower() for name in third_party}
    assert needed and needed <= required, needed - required


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
