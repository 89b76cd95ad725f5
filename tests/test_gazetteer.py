"""The offline gazetteer: looking names up, and ranking a name's senses by the support the
article's countries and states give them."""

from __future__ import annotations

import pytest

from dragoman.resolve import gazetteer
from place_helpers import km


# -- lookup ------------------------------------------------------------------------------------


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


def test_unknown_name_has_no_candidates():
    assert gazetteer.candidates("Qwxzzyplace") == []
    assert gazetteer.resolve("") is None


def test_country_point_is_the_conventional_one():
    russia = gazetteer.load_gazetteer().country("RUS")
    assert km(russia.lat, russia.lon, 60.0, 100.0) < 50  # not pulled west toward Moscow


# -- support from the article's countries and states -------------------------------------------


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


# -- big cities, states and divisions of the same name -----------------------------------------


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


def test_a_small_foreign_division_does_not_take_a_big_citys_name():
    """Jamaica's Manchester parish and Bermuda's Southampton parish lose to the English
    cities; a province named after its seat gives the name to the seat."""
    assert gazetteer.candidates("Manchester")[0].country == "GBR"
    assert gazetteer.candidates("Southampton")[0].country == "GBR"
    kabul = gazetteer.candidates("Kabul")[0]
    assert (kabul.country, kabul.feature) == ("AFG", "city")
