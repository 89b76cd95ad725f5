"""Sectors from a party's own words when no actor stands for it, and the sector of a
generic noun once its country is known (issue #18)."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from dragoman.resolve.actor_codes import code_actor


def test_a_generic_person_noun_is_civilian_once_its_country_is_known():
    assert code_actor("an elderly woman").sector == "UNK"
    assert code_actor("an elderly woman", country_from_scene=True).sector == "CVL"
    assert code_actor("three men", country_from_scene=True).sector == "CVL"


def test_a_scene_leaves_role_nouns_as_they_are_and_says_nothing_of_whose_agent():
    assert code_actor("the nurses", country_from_scene=True).sector == code_actor("the nurses").sector == "MED"
    assert code_actor("the spokesman", country_from_scene=True).sector is None  # whose spokesman?
    assert code_actor("the Danish spokesman").sector == "GOV"


def test_an_officer_of_no_named_force_in_a_one_country_story_is_its_police():
    assert code_actor("two officers", country_from_scene=True).sector == "COP"
    assert code_actor("two officers").sector is None  # no scene: police or army?
    assert code_actor("army officers", country_from_scene=True).sector == "MIL"
    assert code_actor("customs officers", country_from_scene=True).sector == "GOV"


def test_a_council_or_commission_named_after_a_place_is_its_public_body():
    council = code_actor("the Galway County Council")
    assert (council.country, council.sector) == ("IRL", "GOV")
    commission = code_actor("a Kenyan land commission")
    assert (commission.country, commission.sector) == ("KEN", "GOV")
    assert code_actor("the council").sector is None  # anyone's council


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_an_unnamed_person_in_a_one_country_story_is_a_civilian_of_it(events_of):
    text = (
        "Flooding closed two bridges in Dayton, Ohio, on Monday. "
        "Residents of Columbus, Ohio, said the river rose overnight. "
        "Officers arrested a man who was looting a closed pharmacy."
    )
    arrests = [e for e in events_of(text) if e.event == "COERCE"]
    assert arrests, "no arrest found"
    assert [(p.country, p.sector) for p in arrests[0].recipient] == [("USA", "CVL")]


def test_officers_who_arrest_in_a_one_country_story_are_its_police(events_of):
    text = (
        "A storm cut power across Tulsa, Oklahoma, on Friday. "
        "Shops in Norman, Oklahoma, stayed shut. "
        "Officers detained two men who were stealing copper wire from a substation."
    )
    arrests = [e for e in events_of(text) if e.event == "COERCE"]
    assert arrests, "no arrest found"
    assert [(p.country, p.sector) for p in arrests[0].actor] == [("USA", "COP")]


def test_a_pronoun_party_gets_no_sector_from_its_word(events_of):
    text = "Officers in Dayton, Ohio, said they arrested him after a chase on Monday."
    for event in events_of(text):
        for party in event.actor + event.recipient:
            if party.text.lower() in ("they", "him"):
                assert party.sector in (None, "COP")


def test_a_known_person_is_coded_with_the_office_held_on_the_article_date():
    pipeline = Pipeline()
    text = "After years in real estate, and now as a candidate for the White House, Trump has shown that critics pay a price."
    for published, sector in (("2016-05-10", None), ("2018-05-10", "GOV")):
        record = pipeline.analyse(Article(id="t", text=text, published=published))
        assert [a.sector for a in record.actors if a.name == "Trump"] == [sector]


def test_a_campaign_manager_works_for_a_campaign_not_a_firm():
    assert code_actor("the senator's campaign manager").sector == "PTY"
    assert code_actor("a former campaign manager").sector == "PTY"
    assert code_actor("the bank manager").sector == "BUS"


def test_a_story_set_by_the_towns_inside_its_organisations_names_takes_their_country():
    text = ("Lancaster City Council and Lancashire County Council are offering loans to new shops. "
            "The Morecambe Town Council backed the plan at a meeting on Monday. "
            "Firms can apply through the Lancaster District Chamber of Commerce until June.")
    record = Pipeline().analyse(Article(id="t", text=text, published="2019-05-10"))
    firms = next(a for a in record.actors if a.name == "Firms")
    assert (firms.country, firms.sector) == ("GBR", "BUS")
    assert firms.rule.endswith("+scene:GBR")


def test_one_town_inside_a_name_sets_no_scene():
    text = ("Retailers are rethinking how they make clothes. "
            "A buyer for a California chain said the firms must listen to shoppers.")
    record = Pipeline().analyse(Article(id="t", text=text, published="2019-05-10"))
    assert all(a.country is None for a in record.actors if a.name in ("Retailers", "firms", "shoppers"))
