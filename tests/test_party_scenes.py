"""Countries for parties the sentence leaves uncoded: the article's one
country, the parties an event leaves unnamed, victims and perpetrators."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text: str):
        return pipeline.analyse(Article(id="t", text=text, published="2024-05-10")).events

    return run


_OHIO_STORY = (
    "Storms flooded dozens of homes in Dayton, Ohio, on Monday. "
    "Residents of Columbus, Ohio, said the river rose overnight. "
    "Police arrested two men who were looting a closed pharmacy."
)


def test_a_domestic_body_takes_the_country_the_article_is_about(events_of):
    arrest = _only(events_of(_OHIO_STORY), "COERCE")
    assert [p.country for p in arrest.actor] == ["USA"]
    assert "article-scene" in arrest.rule


def test_a_local_story_naming_its_town_only_in_names_takes_its_country(events_of):
    text = (
        "Police in Toledo said the old library had been broken into twice. "
        "Thieves have hit Toledo three times this month. "
        "Officers arrested two teenagers who were spraying paint on the walls."
    )
    arrest = _only(events_of(text), "COERCE")
    assert [p.country for p in arrest.actor] == ["USA"]
    assert "article-scene" in arrest.rule


def test_a_story_whose_scenes_name_another_country_stays_open(events_of):
    text = (
        "Police in Toledo said the old library had been broken into twice. "
        "Thieves have hit Toledo three times this month. "
        "A visiting delegation from Mexico toured the site on Tuesday. "
        "Officers arrested two teenagers who were spraying paint on the walls."
    )
    arrest = _only(events_of(text), "COERCE")
    assert not any(p.country for p in arrest.actor)


def test_a_target_in_the_article_country_does_not_hide_that_country_from_the_actor(events_of):
    text = (
        "Storms flooded dozens of homes in Dayton, Ohio, on Monday. "
        "Residents of Columbus, Ohio, said the river rose overnight. "
        "A tenants' group filed a lawsuit against Toledo police."
    )
    lawsuit = _only(events_of(text), "ACCUSE")
    assert [p.country for p in lawsuit.actor] == ["USA"]
    assert [p.country for p in lawsuit.recipient] == ["USA"]


def test_an_article_about_two_countries_lends_none(events_of):
    text = (
        "Talks between Peru and Chile resumed in Lima on Monday. "
        "Chilean diplomats and Peruvian envoys met for three hours. "
        "Police arrested two men who were looting a closed pharmacy."
    )
    arrest = _only(events_of(text), "COERCE")
    assert not any(p.country for p in arrest.actor)
    assert "article-scene" not in arrest.rule


def test_an_arrest_with_no_one_named_is_by_the_authorities_of_the_scene(events_of):
    text = "A former mayor was arrested in Kenya on Friday after a long inquiry into missing funds."
    arrest = _only(events_of(text), "COERCE")
    assert [p.country for p in arrest.actor] == ["KEN"]
    assert "unnamed-authorities" in arrest.rule


def test_an_agentless_arrest_in_a_one_country_story_takes_its_country(events_of):
    text = _OHIO_STORY + " A shop owner was detained on Tuesday."
    detained = [e for e in events_of(text) if e.trigger.text == "detained"]
    assert detained and [p.country for p in detained[0].actor] == ["USA"]
    assert "article-scene" in detained[0].rule


def test_the_person_whose_arrest_it_was_is_the_target(events_of):
    arrest = _only(events_of("Her arrest on Monday in Nairobi angered students."), "COERCE")
    assert [p.text for p in arrest.recipient] == ["Her"]
    assert [p.country for p in arrest.actor] == ["KEN"]  # the police of where it happened


def test_who_has_arrests_underwent_them(events_of):
    arrest = _only(events_of("He has two prior arrests for fraud in Texas."), "COERCE")
    assert [p.text for p in arrest.recipient] == ["He"]
    assert "noun:undergone" in arrest.rule


def test_a_state_possessor_of_an_attack_stays_the_actor(events_of):
    text = "Russia's attack on the port of Odesa destroyed grain stores."
    attack = _only(events_of(text), "ASSAULT")
    assert [p.country for p in attack.actor] == ["RUS"]


def test_coordinated_passives_share_the_by_agent(events_of):
    beaten = _only(events_of("The reporter was beaten and robbed by soldiers near the market."), "ASSAULT")
    assert [p.text for p in beaten.actor] == ["soldiers"]


def test_a_noun_a_passive_participle_modifies_is_its_target_not_the_agent(events_of):
    events = events_of("Officials recovered the body of a Dutch engineer abducted by rebel fighters last year.")
    abducted = _only(events, "ASSAULT")
    assert [p.country for p in abducted.recipient] == ["NLD"]
    assert "rebel" in abducted.actor[0].text


def test_protests_nobody_is_named_as_staging_are_by_protesters_of_the_place(events_of):
    protest = _only(events_of("Violent protests erupted in Bolivia on Sunday."), "PROTEST")
    assert [p.country for p in protest.actor] == ["BOL"]
    assert "unidentified-at-place" in protest.rule


def test_where_a_party_goes_is_not_the_scene_it_is_from(events_of):
    deployed = _only(events_of("Corporal Jane Miller deployed twice on operations to Iraq."), "MOBILIZE")
    assert [p.country for p in deployed.actor] == [None]
    assert [p.country for p in deployed.recipient] == ["IRQ"]
    aid = _only(events_of("The couple feared being deported to Kenya, and the nuns gave them money."), "AID")
    assert [p.country for p in aid.actor] == [None]


def test_support_for_someone_and_recognition_of_a_state_name_the_recipient(events_of):
    support = _only(events_of("The governor voiced support for Chancellor Olaf Scholz on Monday."), "SUPPORT")
    assert [p.country for p in support.recipient] == ["DEU"]
    recognition = _only(events_of("The accord amounts to Serbian recognition of Kosovo's independence."), "SUPPORT")
    assert [p.country for p in recognition.recipient] == ["XKX"]


def test_soldiers_killed_fighting_a_group_fell_to_that_group(events_of):
    killed = _only(events_of("Dozens of Nigerian soldiers were killed fighting Boko Haram last year."), "ASSAULT")
    assert "Boko Haram" in [p.text for p in killed.actor]
    bombed = _only(events_of("A sergeant was killed by a roadside bomb while battling the Taliban."), "ASSAULT")
    assert [p.text for p in bombed.actor] == ["the Taliban"]
    assert all("frame-doer" not in e.rule for e in events_of("Two firefighters were wounded while fighting the blaze."))


def test_the_recipients_own_nationality_is_not_the_actors_scene(events_of):
    killed = _only(events_of("Nearly fifty Turkish soldiers were killed fighting the insurgents."), "ASSAULT")
    assert [p.country for p in killed.actor] == [None]
    assert [p.country for p in killed.recipient] == ["TUR"]


def test_the_one_blamed_for_an_act_is_its_doer(events_of):
    events = events_of("Chinese officials criticized Vietnam for holding joint naval drills with Japan.")
    drills = _only(events, "COOPERATE")
    assert [p.country for p in drills.actor] == ["VNM"]


def test_a_participle_coordinated_with_a_passive_is_passive_too(events_of):
    events = events_of("The editor was arrested in Minsk on Friday and charged with treason.")
    charged = _only(events, "ACCUSE")
    assert [p.text for p in charged.recipient] == ["The editor"]
    assert "The editor" not in [p.text for p in charged.actor]


def test_a_conviction_with_no_court_named_is_by_the_authorities_of_the_scene(events_of):
    events = events_of("Two activists were convicted of subversion in Beijing on Tuesday.")
    convicted = _only(events, "SANCTION")
    assert [p.country for p in convicted.actor] == ["CHN"]
    assert "unnamed-authorities" in convicted.rule


def test_a_group_of_no_state_takes_neither_the_scene_nor_the_place_it_acts_in(events_of):
    """Transnational armed groups keep the PLOVER manual's IMG, never the scene's country."""
    raid = _only(events_of("Islamic State fighters stormed a village in northern Iraq on Sunday."), "ASSAULT")
    assert [p.country for p in raid.actor] == ["IMG"]
    bombing = _only(events_of("Officials in Kabul said al-Qaeda in Afghanistan had attacked the convoy."), "ASSAULT")
    assert [p.country for p in bombing.actor] == ["IMG"]
    local = _only(events_of("Rebels stormed a village in northern Mali on Sunday."), "ASSAULT")
    assert [p.country for p in local.actor] == ["MLI"]  # a group of one country still takes the scene


def test_a_victim_named_by_nationality_keeps_it_where_the_act_took_place(events_of):
    killed = _only(events_of("A Briton was shot dead in Kenya on Friday."), "ASSAULT")
    assert [p.country for p in killed.recipient] == ["GBR"]


def test_a_headline_leaving_out_was_is_still_passive(events_of):
    held = _only(events_of("Dock worker arrested after fire at the harbour.\n\nThe fire spread overnight."), "COERCE")
    assert [p.text for p in held.recipient] == ["Dock worker"]
    assert all(p.text != "Dock worker" for p in held.actor)


def test_a_counted_plural_stands_for_the_pair_named_before_it(events_of):
    events = events_of(
        "Chilean President Ana Rojas and Peruvian President Luis Vargas met in Lima on Monday. "
        "After the talks, the two presidents pledged to hold regular consultations."
    )
    pledge = _only(events, "AGREE")
    assert sorted(p.country for p in pledge.actor) == ["CHL", "PER"]


def test_an_uncounted_or_coordinated_plural_names_someone_new(events_of):
    events = events_of(
        "Chilean President Ana Rojas and Peruvian President Luis Vargas met in Lima on Monday. "
        "Later, two gunmen attacked a bus in the capital."
    )
    assert all(p.country not in ("CHL",) for p in _only(events, "ASSAULT").actor)


# -- actors5 (issue #18): agentless acts ----------------------------------------


def test_a_charge_with_no_one_named_is_by_the_authorities_of_the_scene(events_of):
    text = "A former bank clerk was charged with fraud in Kenya on Friday."
    charge = _only(events_of(text), "ACCUSE")
    assert [p.country for p in charge.actor] == ["KEN"]
    assert "unnamed-authorities" in charge.rule


def test_a_charge_in_a_one_country_story_takes_its_country(events_of):
    text = _OHIO_STORY + " The older man was indicted on theft charges on Tuesday."
    indicted = [e for e in events_of(text) if e.trigger.text == "indicted"]
    assert indicted and [p.country for p in indicted[0].actor] == ["USA"]


def test_an_accusation_by_no_one_named_stays_unattributed(events_of):
    text = "The minister was accused of lying to parliament in Kenya on Friday."
    accused = _only(events_of(text), "ACCUSE")
    assert not accused.actor  # anyone may accuse; only a charge is the authorities' act


@pytest.mark.parametrize("text, home", [
    ("Canadian aid workers said a nurse was kidnapped near the border last week.", "CAN"),
    ("She worked for a Paris-based charity when she was abducted last spring.", "FRA"),
    ("Officials at the embassy in Norway said he was shot on his way home.", "NOR"),
])
def test_an_unnamed_attacker_is_not_from_another_players_home(events_of, text, home):
    attack = _only(events_of(text), "ASSAULT")
    assert home not in {p.country for p in attack.actor}


def test_an_unnamed_attacker_still_takes_the_place_of_the_act(events_of):
    text = "Two Dutch engineers were shot dead near a depot in Mali on Sunday."
    attack = _only(events_of(text), "ASSAULT")
    assert [p.country for p in attack.actor] == ["MLI"]


def test_an_unnamed_attacker_in_a_one_country_story_is_of_that_country(events_of):
    shot = [e for e in events_of(_OHIO_STORY + " A night guard was shot on Tuesday.") if e.trigger.text == "shot"]
    assert shot and [p.country for p in shot[0].actor] == ["USA"]
    assert "article-scene" in shot[0].rule


def test_an_article_far_more_about_one_country_takes_it(events_of):
    text = (
        "Floods cut roads across Kenya on Monday. "
        "Kenyan farmers near Kisumu lost their harvest. "
        "A British charity and a Tanzanian firm sent pumps. "
        "More rain is expected in western Kenya this week. "
        "Police arrested two men who were looting a closed shop."
    )
    arrest = _only(events_of(text), "COERCE")
    assert [p.country for p in arrest.actor] == ["KEN"]  # three of five mentions, three times any other
    assert "article-scene" in arrest.rule


def test_an_organisation_the_tagger_missed_is_coded_by_the_institution_tables(events_of):
    # the tagger reads "Islamic" as a demonym and sees no name: no actor stands for it
    events = events_of("Kurdish forces have been battling the Islamic State near Mosul since March.")
    strike = _only(events, "ASSAULT")
    assert [(p.country, p.sector) for p in strike.recipient] == [("IMG", "REB")]


# -- countries of actors and recipients: scene, appositions, grievances ------------------------


def test_titled_person_takes_the_country_the_sentence_is_set_in(events_of):
    event = _only(events_of("Judge Rafael Ortega opened an investigation into Peruvian customs officials."), "ACCUSE")
    assert _countries(event.actor) == {"PER"}


def test_a_country_that_is_another_party_is_not_the_scene(events_of):
    event = _only(events_of("President John Mayer imposed sanctions on the militia that controls Somalia."),
                  "SANCTION")
    assert _countries(event.actor) == set()


def test_apposition_codes_the_person(events_of):
    event = _only(events_of("Maria Lopez, the UN human rights chief, condemned the arrests in Minsk."), "ACCUSE")
    assert _countries(event.actor) == {"IGO"}


def test_possessive_its_is_the_clause_subject(events_of):
    event = _only(events_of("The World Health Organization renewed its demand that Chad open the border."),
                  "REQUEST")
    assert _countries(event.actor) == {"IGO"}
    assert _countries(event.recipient) == {"TCD"}


def test_nationality_word_on_the_patient_codes_the_recipient(events_of):
    event = _only(events_of("A camp for Rwandan refugees was attacked by Burundian militiamen."), "ASSAULT")
    assert _countries(event.actor) == {"BDI"}
    assert _countries(event.recipient) == {"RWA"}


def test_scene_country_does_not_turn_a_weapon_into_an_actor(events_of):
    event = _only(events_of("A roadside bomb near Kandahar killed two Afghan policemen."), "ASSAULT")
    assert [p.text for p in event.actor] == ["Kandahar"]  # unidentified attackers there, not the bomb


def test_town_inside_an_organisation_name_is_not_its_country(events_of):
    event = _only(events_of("The Bush administration urged Japan to open its markets."), "REQUEST")
    assert _countries(event.actor) <= {"USA"}
    assert _countries(event.recipient) == {"JPN"}


def test_unclaimed_attack_is_coded_to_the_country_it_happened_in(events_of):
    event = _only(events_of("A car bomb killed three soldiers in Kabul on Monday."), "ASSAULT")
    assert _countries(event.actor) == {"AFG"}
    assert "unidentified-at-place" in event.rule


def test_ethnic_group_takes_the_country_it_lives_in(events_of):
    event = _only(events_of("Ethnic Hungarian farmers in Romania blocked roads near Cluj."), "PROTEST")
    assert _countries(event.actor) == {"ROU"}


def test_domestic_act_without_target_is_aimed_at_its_own_country(events_of):
    event = _only(events_of("Sudan's government on Sunday lifted the ban on opposition rallies."), "CONCEDE")
    assert _countries(event.recipient) == {"SDN"}
    assert event.confidence < 0.95  # a recipient from the scene counts as weaker evidence


def test_resignation_takes_no_scene_recipient(events_of):
    event = _only(events_of("General Raoul Cedras resigned to allow Haiti's first free elections."), "RETREAT")
    assert event.recipient == []


def test_group_operating_in_a_country_takes_it(events_of):
    event = _only(events_of("Ethnic Serb militiamen operating in Croatia attacked a police station."), "ASSAULT")
    assert _countries(event.actor) == {"HRV"}


# -- scene: sources, stance words, misspellings ------------------------------------------------


def test_a_source_cited_with_according_to_sets_no_scene(events_of):
    event = _only(events_of("The Sendero Luminoso movement has been sharing intelligence with the "
                            "Karen National Union, according to a report seen by the Norwegian press."),
                  "COOPERATE")
    assert "NOR" not in _countries(event.recipient) | _countries(event.actor)


def test_a_trailing_reporter_does_not_set_the_scene_when_the_clause_names_one(events_of):
    event = _only(events_of("Rebels shelled the town of Gulu in Uganda on Friday, "
                            "aid workers in Kenya said."), "ASSAULT")
    assert _countries(event.actor) == {"UGA"}


def test_a_stance_word_names_no_country(events_of):
    event = _only(events_of("A pro-Russia blogger was shot dead in Kyiv on Monday."), "ASSAULT")
    assert "RUS" not in _countries(event.recipient)


def test_a_misspelt_country_name_does_not_take_the_scene(events_of):
    event = _only(events_of("Pakistan rejected an offer from Kazakstanh for joint patrols."), "REJECT")
    assert _countries(event.recipient) != {"PAK"}


# -- per-event scene ---------------------------------------------------------------------------


def test_a_country_that_is_the_recipient_is_not_the_actors_scene(events_of):
    event = _only(events_of("Bishop Samuel Okoro on Monday called for sanctions against Zimbabwe."), "REQUEST")
    assert _countries(event.recipient) == {"ZWE"}
    assert "ZWE" not in _countries(event.actor)


def test_a_place_the_target_lies_in_still_sets_the_actors_scene(events_of):
    event = _only(events_of("Rebels attacked a village in Chad on Sunday."), "ASSAULT")
    assert _countries(event.actor) == {"TCD"}
