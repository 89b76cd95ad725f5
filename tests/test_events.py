"""PLOVER event coding: the lexicon, the syntax of actors and recipients,
status, and acceptance on the seed article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dragoman.extractors.lexicon import LexiconError, load_lexicon, load_lexicon_from
from dragoman.pipeline import Pipeline
from dragoman.records import PLOVER_TYPES, Article
from seed import seed_expected, seed_text

LEXICON_DIR = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "lexicon"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text: str, published: str | None = "2024-05-10"):
        return pipeline.analyse(Article(id="t", text=text, published=published)).events

    return run


def _countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


def _only(events, event_type: str):
    found = [e for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


# -- one sentence per PLOVER type ------------------------------------------------
@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        ("Egypt agreed to host a new round of negotiations.", "AGREE", {"EGY"}, None),
        ("French President Emmanuel Macron met with German Chancellor Olaf Scholz on Monday.",
         "CONSULT", {"FRA"}, {"DEU"}),
        ("Japan praised South Korea for its handling of the dispute.", "SUPPORT", {"JPN"}, {"KOR"}),
        ("Sri Lanka lifted the nationwide curfew on Tuesday.", "CONCEDE", {"LKA"}, None),
        ("Norway extradited two suspects to Sweden.", "COOPERATE", {"NOR"}, {"SWE"}),
        ("Canada sent humanitarian aid to Haiti.", "AID", {"CAN"}, {"HTI"}),
        ("Ethiopia withdrew its troops from Somalia.", "RETREAT", {"ETH"}, {"SOM"}),
        ("Germany urged Iran to release the detained journalists.", "REQUEST", {"DEU"}, {"IRN"}),
        ("Poland condemned Belarus over the border incident.", "ACCUSE", {"POL"}, {"BLR"}),
        ("Serbia rejected the demands made by Kosovo.", "REJECT", {"SRB"}, None),
        ("North Korea threatened to attack South Korea.", "THREATEN", {"PRK"}, {"KOR"}),
        ("Thousands of Kenyan farmers protested against the government in Nairobi.", "PROTEST",
         None, None),
        ("The United States imposed sanctions on Russia.", "SANCTION", {"USA"}, {"RUS"}),
        ("China deployed warships near Taiwan.", "MOBILIZE", {"CHN"}, None),
        ("Belarusian police arrested three opposition activists.", "COERCE", {"BLR"}, None),
        ("Russian forces shelled the city of Kharkiv overnight.", "ASSAULT", {"RUS"}, None),
    ],
)
def test_each_plover_type(events_of, text, event_type, actor, recipient):
    event = _only(events_of(text), event_type)
    assert event.status == "occurred"
    assert event.quad == load_lexicon().quad[event_type]
    if actor is not None:
        assert _countries(event.actor) == actor
    if recipient is not None:
        assert _countries(event.recipient) == recipient


def test_lexicon_covers_all_types_and_entry_ids_point_at_lines():
    lexicon = load_lexicon()
    assert {e.event for e in lexicon.entries} == set(PLOVER_TYPES)
    lines = (LEXICON_DIR / "events.yaml").read_text(encoding="utf-8").splitlines()
    for entry in lexicon.entries[:20]:
        name, line = entry.id.split(":")
        assert name == "events.yaml"
        assert (entry.lemma or entry.phrase[0]) in lines[int(line) - 1]


# -- modes ----------------------------------------------------------------------
def test_mode_comes_from_weapon_and_what_is_moved(events_of):
    assert _only(events_of("Russian forces shelled the city of Kharkiv overnight."),
                 "ASSAULT").mode == "heavy-weapons"
    assert _only(events_of("China deployed warships near Taiwan."), "MOBILIZE").mode == "weapons"
    assert _only(events_of("Germany urged Iran to release the detained journalists."),
                 "REQUEST").mode == "yield"


# -- every mode of the manual, one sentence of our own each -------------------------
MODE_SENTENCES = [
    # CONSULT
    ("The Spanish foreign minister visited Morocco on Tuesday.", "CONSULT", "visit"),
    ("Qatar mediated talks between Sudan and South Sudan.", "CONSULT", "third-party"),
    ("Leaders of the African Union held a summit in Addis Ababa.", "CONSULT", "multilateral"),
    ("The Turkish president spoke by phone with his Iranian counterpart.", "CONSULT", "phone"),
    # RETREAT
    ("Armenian troops withdrew from the disputed villages.", "RETREAT", "withdraw"),
    ("Myanmar released two Japanese journalists.", "RETREAT", "release"),
    ("The rebel militia disarmed under the peace plan.", "RETREAT", "disarm"),
    ("Both armies observed the ceasefire along the border.", "RETREAT", "ceasefire"),
    ("Ethiopia allowed aid convoys into Tigray.", "RETREAT", "access"),
    ("The Peruvian prime minister resigned on Friday.", "RETREAT", "resign"),
    # REQUEST
    ("Somalia appealed to Kenya for military assistance.", "REQUEST", "assist"),
    ("Opposition parties demanded an early election in Bangladesh.", "REQUEST", "change"),
    ("France urged Azerbaijan to withdraw its forces.", "REQUEST", "yield"),
    ("Taiwan asked China for talks.", "REQUEST", "meet"),
    # ACCUSE
    ("Canada condemned India over the killing.", "ACCUSE", "disapprove"),
    ("Brazilian prosecutors investigated the former president.", "ACCUSE", "investigate"),
    ("Ukraine accused Russia of shelling the power plant.", "ACCUSE", "allege"),
    # REJECT
    ("Hungary refused to send weapons to Ukraine.", "REJECT", "assist"),
    ("The Venezuelan government rejected calls for a new election.", "REJECT", "change"),
    ("Serbia refused to withdraw its troops from the border.", "REJECT", "yield"),
    ("North Korea rejected an offer of talks from South Korea.", "REJECT", "meet"),
    # THREATEN
    ("China threatened to impose a blockade on Taiwan.", "THREATEN", "restrict"),
    ("Iran threatened to arrest the British sailors.", "THREATEN", "arrest"),
    ("Algeria threatened to cut ties with Spain.", "THREATEN", "relations"),
    ("Mali threatened to expel the French ambassador.", "THREATEN", "expel"),
    ("Venezuela threatened to annex the Essequibo region of Guyana.", "THREATEN", "territory"),
    ("Israel threatened to attack Hezbollah positions in Lebanon.", "THREATEN", "violence"),
    # PROTEST
    ("Thousands of Georgians demonstrated against the new media law.", "PROTEST", "demo"),
    ("Young men rioted in the suburbs of Paris.", "PROTEST", "riot"),
    ("Nigerian workers staged a general strike over fuel prices.", "PROTEST", "strike"),
    ("Detained activists began a hunger strike in Egypt.", "PROTEST", "hunger"),
    ("Palestinian groups called a boycott of Israeli goods.", "PROTEST", "boycott"),
    ("Farmers blocked the motorway with tractors near Brussels.", "PROTEST", "obstruct"),
    ("Protesters vandalized the embassy of Sweden in Baghdad.", "PROTEST", "vandalize"),
    # SANCTION
    ("A Russian court convicted the American journalist of espionage.", "SANCTION", "convict"),
    ("Niger expelled the French ambassador.", "SANCTION", "expel"),
    ("Chad recalled its ambassador from Israel.", "SANCTION", "withdraw"),
    ("The European Union imposed sanctions on Belarus.", "SANCTION", "discontinue"),
    # MOBILIZE
    ("Russia massed troops near the Ukrainian border.", "MOBILIZE", "troops"),
    ("Iran deployed missiles to its southern coast.", "MOBILIZE", "weapons"),
    ("Kenya deployed riot police in Nairobi ahead of the vote.", "MOBILIZE", "police"),
    ("Sudan's army mobilized tribal militias in Darfur.", "MOBILIZE", "militia"),
    # COERCE
    ("Iranian forces seized a Greek tanker in the Gulf.", "COERCE", "seize"),
    ("Tunisia restricted travel for opposition figures.", "COERCE", "restrict"),
    ("Authorities in Hong Kong censored the protest song.", "COERCE", "censor"),
    ("Pakistan imposed a curfew in Lahore.", "COERCE", "curfew"),
    ("Thailand's army declared martial law in Bangkok.", "COERCE", "martial-law"),
    ("Turkish police arrested twelve journalists in Ankara.", "COERCE", "arrest"),
    ("Germany deported forty Afghan men to Kabul.", "COERCE", "deport"),
    ("Israel cut off electricity to Gaza.", "COERCE", "withhold"),
    ("Russian agencies spread disinformation about the Moldovan election.", "COERCE", "misinformation"),
    ("Chinese hackers hacked the Indian power grid.", "COERCE", "cyber"),
    # ASSAULT
    ("Gunmen abducted five Nigerian students.", "ASSAULT", "abduct"),
    ("Police beat the Kenyan opposition leader.", "ASSAULT", "beat"),
    ("Syrian guards tortured the detained Lebanese men.", "ASSAULT", "torture"),
    ("Soldiers raped women in the Congolese village.", "ASSAULT", "sexual"),
    ("Militants assassinated a Pakistani politician.", "ASSAULT", "targeted"),
    ("Israeli bulldozers demolished Palestinian homes in Hebron.", "ASSAULT", "destroy"),
    ("Attackers with machetes stabbed villagers in Burkina Faso.", "ASSAULT", "primitive"),
    ("Gunmen shot three Mexican police officers.", "ASSAULT", "firearms"),
    ("Insurgents detonated a bomb outside a Somali army base.", "ASSAULT", "explosives"),
    ("A suicide bombing killed ten Afghan soldiers.", "ASSAULT", "suicide-attack"),
    ("Saudi warplanes carried out an airstrike on Yemen.", "ASSAULT", "aerial"),
    ("Ukraine launched a drone attack on Russia.", "ASSAULT", "drone"),
    ("Russian artillery shelled Kherson.", "ASSAULT", "heavy-weapons"),
    ("Serbian police fired tear gas at protesters.", "ASSAULT", "crowd-control"),
    ("Syrian forces attacked the town with chemical weapons.", "ASSAULT", "unconventional"),
]


@pytest.mark.parametrize("text, event_type, mode", MODE_SENTENCES)
def test_each_plover_mode(events_of, text, event_type, mode):
    found = [(e.event, e.mode) for e in events_of(text)]
    assert (event_type, mode) in found, found


def test_every_mode_of_the_manual_has_lexicon_coverage_and_a_test():
    lexicon = load_lexicon()
    tested = {(t, m) for _, t, m in MODE_SENTENCES}
    for event_type, modes in lexicon.valid_modes.items():
        covered = {e.mode for e in lexicon.entries if e.event == event_type}
        covered |= {m for m, _ in lexicon.modes.get(event_type, ())}
        if event_type == "THREATEN":
            covered |= set(lexicon.intent.threat_modes.values())
        assert set(modes) <= covered, (event_type, set(modes) - covered)
        assert {(event_type, m) for m in modes} <= tested


# -- syntax ---------------------------------------------------------------------
def test_passive_agent_is_actor_and_subject_is_recipient(events_of):
    event = _only(events_of("Iran was sharply criticised by France on Sunday."), "ACCUSE")
    assert _countries(event.actor) == {"FRA"}
    assert _countries(event.recipient) == {"IRN"}
    assert event.rule.startswith("verb:passive")


def test_coordinated_subjects_are_one_compound_actor(events_of):
    events = [e for e in events_of("India and Pakistan criticised the new trade rules.")
              if e.event == "ACCUSE"]
    assert len(events) == 1
    assert _countries(events[0].actor) == {"IND", "PAK"}


def test_reciprocal_meeting_has_all_parties_as_actor(events_of):
    event = _only(events_of("The leaders of Kenya and Uganda met on Thursday."), "CONSULT")
    assert _countries(event.actor) == {"KEN", "UGA"}
    assert event.recipient == []


def test_nominal_event_with_light_verb_and_compound_actor(events_of):
    light = _only(events_of("Ukraine launched a drone attack on Russia."), "ASSAULT")
    assert light.rule.startswith("noun:light-verb")
    assert (_countries(light.actor), _countries(light.recipient)) == ({"UKR"}, {"RUS"})
    assert light.mode == "drone"
    compound = _only(events_of("Officials discussed the Houthi attack on Saudi Arabia."), "ASSAULT")
    assert _countries(compound.recipient) == {"SAU"}


def test_promise_of_force_is_a_threat_with_the_promised_target(events_of):
    events = events_of("Turkey vowed to launch an offensive against Kurdish fighters in Syria.")
    threat = _only(events, "THREATEN")
    assert _countries(threat.actor) == {"TUR"}
    assert threat.mode == "violence"
    assert not [e for e in events if e.event == "ASSAULT"]


# -- parties ----------------------------------------------------------------------------


def test_party_located_by_its_modifier(events_of):
    event = _only(events_of("Striking teachers from Kenya gathered in Nairobi for a rally against "
                            "the government."), "PROTEST")
    assert _countries(event.actor) == {"KEN"}
    assert event.rule == "noun:adjunct"


def test_counted_people_are_the_party(events_of):
    event = _only(events_of("One third of the rebel fighters in Colombia were disarmed by the army."),
                  "RETREAT")
    assert _countries(event.recipient) == {"COL"}
    assert event.recipient[0].text == "the rebel fighters"


def test_willing_to_controls_the_subject(events_of):
    event = _only(events_of("Armenia is ready to withdraw its soldiers from Georgia, officials said."), "CONCEDE")
    assert _countries(event.actor) == {"ARM"}
    assert _countries(event.recipient) == {"GEO"}
    assert event.status == "occurred"  # the readiness is stated: the statement occurred


def test_rejected_demand_names_the_demander_as_recipient(events_of):
    events = events_of("The Kremlin dismissed the demands by Ukraine.")
    assert [e.event for e in events] == ["REJECT"]
    assert _countries(events[0].recipient) == {"UKR"}


def test_requested_act_agent_is_recipient(events_of):
    event = _only(events_of("The European Union demanded the withdrawal of Serbian forces."), "REQUEST")
    assert _countries(event.recipient) == {"SRB"}


def test_dates_are_never_parties(events_of):
    event = _only(events_of("Egyptian police opened fire on protesters on Monday."), "ASSAULT")
    assert "Monday" not in {p.text for p in event.recipient}


def test_planned_coercion_is_a_threat(events_of):
    event = _only(events_of("Greece plans to impose restrictions on Turkish imports."), "THREATEN")
    assert event.mode == "restrict"
    assert _countries(event.actor) == {"GRC"}


# -- size fields ---------------------------------------------------------------------------
def test_killing_after_shelling_is_one_event_with_its_dead(events_of):
    events = [e for e in events_of("Sudanese rebels shelled the town of Kadugli, killing 20 people.")
              if e.event == "ASSAULT"]
    assert len(events) == 1
    assert events[0].dead == 20


def test_casualty_and_arrest_counts(events_of):
    assault = _only(events_of("Gunmen killed at least 12 villagers and wounded 30 others in "
                              "northern Nigeria."), "ASSAULT")
    assert (assault.dead, assault.injured, assault.arrested) == (12, 30, None)
    arrest = _only(events_of("Georgian police arrested 40 protesters in Tbilisi on Sunday."), "COERCE")
    assert (arrest.arrested, arrest.dead) == (40, None)


# -- status ------------------------------------------------------------------------
def test_negated_attack_is_negated(events_of):
    event = _only(events_of("Turkey did not attack Syria last year."), "ASSAULT")
    assert event.status == "negated"


def test_not_supporting_is_rejecting(events_of):
    event = _only(events_of("Austria does not support the plan, the chancellor said."), "REJECT")
    assert event.status == "occurred"
    assert "negated-recode" in event.rule


def test_future_cooperation_is_agree(events_of):
    aid = _only(events_of("Spain will send aid to Morocco."), "AGREE")
    assert aid.status == "future"
    assert _countries(aid.recipient) == {"MAR"}
    visit = _only(events_of("The Greek prime minister is expected to visit Turkey."), "AGREE")
    assert visit.status == "future"


def test_conditional_attack_is_hypothetical(events_of):
    events = events_of("If Israel attacked Iranian territory, Iran would respond, analysts said.")
    assert any(e.event == "ASSAULT" and e.status == "hypothetical" for e in events)


def test_old_dated_event_is_historical(events_of):
    event = _only(events_of("Since the 2014 annexation of Crimea by Russia, relations have soured."),
                  "COERCE")
    assert event.status == "historical"


# -- precision -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The weather in Oslo was mild on Sunday, the forecaster said.",
        "The minister said the economy grew by two percent.",
        "",
        "   \n  ",
        "\u201c\u201d ?? \x00 --",
    ],
)
def test_no_event_without_a_political_event(events_of, text):
    assert events_of(text, published=None) == []


def test_no_event_from_a_scare_quote(events_of):
    events = events_of('Critics called the new tax an \u201cattack\u201d on farmers.')
    assert [e for e in events if e.event == "ASSAULT"] == []


def test_headline_repeated_in_body_counts_once(events_of):
    text = "Egypt condemns Israel over border shooting.\n\nEgypt condemned Israel on Monday over the shooting."
    accusations = [e for e in events_of(text) if e.event == "ACCUSE"]
    assert len(accusations) == 1
    assert accusations[0].sentence.start > text.index("\n")


def test_every_event_carries_evidence(events_of):
    text = "Russia and China vetoed the resolution on Friday."
    event = _only(events_of(text), "REJECT")
    assert text[event.trigger.start:event.trigger.end] == "vetoed"
    assert text[event.sentence.start:event.sentence.end] == text
    assert event.lexicon.startswith("events.yaml:")
    assert event.cameo == "129"
    assert 0.1 <= event.confidence <= 0.95


# -- lexicon validation ------------------------------------------------------------------
def _broken_lexicon(tmp_path: Path, old: str, new: str) -> Path:
    for path in LEXICON_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    events = tmp_path / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert old in text
    events.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return line


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("{lemma: renege, event: REJECT", "{lemma: renege, event: REFUSE", "unknown PLOVER event type"),
        ('{lemma: renege, event: REJECT, cameo: "120"}', '{lemma: renege, event: REJECT, cameo: "1x0"}',
         "bad CAMEO code"),
        ('{lemma: renege, event: REJECT, cameo: "120"}', '{lemma: renege, event: REJECT, cameo: "190"}',
         "cannot code REJECT"),
        ("{lemma: condemn, event: ACCUSE, mode: disapprove",
         "{lemma: condemn, event: ACCUSE, mode: shout", "unknown mode"),
        ('{lemma: renege, event: REJECT, cameo: "120"}', "{lemma: renege, event: REJECT}", "missing field"),
    ],
)
def test_lexicon_errors_name_file_and_line(tmp_path, old, new, message):
    line = _broken_lexicon(tmp_path, old, new)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon_from(tmp_path)
    assert f"events.yaml:{line}" in str(error.value)


# -- seed acceptance ------------------------------------------------------------------------
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def test_seed_article_events(pipeline):
    expected = seed_expected()
    text = seed_text()
    events = pipeline.analyse(Article(id="seed", text=text, published=expected["published"])).events

    def found(gold) -> bool:
        return any(
            _overlaps((e.sentence.start, e.sentence.end), tuple(gold["evidence"]))
            and e.event in gold["event"]
            and e.status == gold["status"]
            and _countries(e.actor) == set(gold["actor"])
            and (not gold["recipient"] or _countries(e.recipient) == set(gold["recipient"]))
            for e in events
        )

    missed = [g["id"] for g in expected["events"] if not found(g)]
    assert len(expected["events"]) - len(missed) >= 13, f"missed {missed}"


# -- countries of actors and recipients: scene, appositions, grievances ---------
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


def test_demand_that_clause_subject_is_the_recipient(events_of):
    event = _only(events_of("Germany demanded that Russia release the journalist."), "REQUEST")
    assert _countries(event.recipient) == {"RUS"}


def test_offer_whose_content_is_no_event_keeps_its_to_object(events_of):
    event = _only(events_of("Kenya offered to hand over the two suspects to Britain."), "AGREE")
    assert _countries(event.recipient) == {"GBR"}


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


def test_act_done_for_another_borrows_its_recipient(events_of):
    event = _only(events_of("Police opened fire to disperse Egyptian demonstrators in Cairo."), "ASSAULT")
    assert _countries(event.recipient) == {"EGY"}


def test_light_verb_dative_is_the_recipient(events_of):
    event = _only(events_of("Ecuador granted asylum to two Colombian journalists."), "AID")
    assert _countries(event.recipient) == {"COL"}


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


# -- which events a sentence reports -----------------------------------------
def _types(events) -> list[str]:
    return [e.event for e in events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an event noun that is what another event is about is its content
        ("Armenia and Azerbaijan agreed on a ceasefire.", ["AGREE"]),
        ("The ministers discussed sanctions against Iran.", ["CONSULT"]),
        # a participle used as an adjective describes, it reports nothing
        ("Aid workers reached the besieged city of Mariupol.", []),
        # a relative clause is background to the sentence's own event ...
        ("Egypt condemned the rebels, who attacked a police station last week.", ["ACCUSE"]),
        # ... unless the sentence has no other event
        ("Officials named the militants who attacked the convoy.", ["ASSAULT"]),
        # the outcome of a barrage is the same event as the barrage
        ("Syrian forces launched rocket fire against Turkish positions, killing three soldiers.", ["ASSAULT"]),
        # "sworn to fight": the parser's adverbial clause is what is sworn
        ("The militia has sworn to fight until the capital falls.", ["THREATEN"]),
        # what one is accused of is the accusation's content
        ("Turkey accused Syria of shelling border villages.", ["ACCUSE"]),
        # "in an attack" names the killing's own event
        ("Insurgents killed four soldiers in an attack on a checkpoint near Mosul.", ["ASSAULT"]),
    ],
)
def test_secondary_mentions_are_not_separate_events(events_of, text, expected):
    assert _types(events_of(text)) == expected


def test_answered_demand_names_its_maker_as_recipient(events_of):
    concession = _only(events_of("The Kenyan government accepted demands from Uganda."), "CONCEDE")
    assert _countries(concession.recipient) == {"UGA"}


def test_discussed_sanctions_lend_no_recipient_to_the_talks(events_of):
    talks = _only(events_of("The ministers discussed sanctions against Iran."), "CONSULT")
    assert talks.recipient == []


def test_issuer_of_a_statement_is_the_actor_of_its_demand(events_of):
    demand = _only(events_of("Venezuela issued a statement demanding that Guyana withdraw its troops."), "REQUEST")
    assert (_countries(demand.actor), _countries(demand.recipient)) == ({"VEN"}, {"GUY"})


def test_barrage_takes_its_target_as_recipient(events_of):
    text = "Sudanese troops launched rocket, drone and artillery fire against Chadian outposts."
    attack = _only(events_of(text), "ASSAULT")
    assert (_countries(attack.actor), _countries(attack.recipient)) == ({"SDN"}, {"TCD"})


@pytest.mark.parametrize(
    "text, event_type, mode",
    [
        ("Israeli troops remained on high alert along the border.", "MOBILIZE", "troops"),
        ("Hackers defaced government websites in Estonia.", "COERCE", "seize"),
        ("Hungary closed its border with Serbia.", "COERCE", "restrict"),
        ("The government forced the UN mission out of the country.", "SANCTION", "expel"),
        ("Soldiers drove the villagers out of their homes.", "COERCE", "deport"),
        ("Prosecutors put the former minister under investigation.", "ACCUSE", "investigate"),
        ("The junta restored civil liberties.", "CONCEDE", None),
    ],
)
def test_lexicon_covers_alerts_closures_expulsions_and_freedoms(events_of, text, event_type, mode):
    found = [(e.event, e.mode) for e in events_of(text)]
    assert found and found[0] == (event_type, mode), found


def test_closed_border_targets_the_neighbour(events_of):
    closure = _only(events_of("Hungary closed its border with Serbia."), "COERCE")
    assert (_countries(closure.actor), _countries(closure.recipient)) == ({"HUN"}, {"SRB"})


def test_a_reaction_to_a_rejection_is_its_own_event(events_of):
    events = events_of(
        "Hungary vetoed the sanctions package on Monday, a move sharply criticised by "
        "the Polish foreign minister."
    )
    reject = _only(events, "REJECT")
    accuse = _only(events, "ACCUSE")
    assert _countries(reject.actor) == {"HUN"}
    assert _countries(accuse.actor) == {"POL"} and _countries(accuse.recipient) == {"HUN"}


def test_what_is_rejected_is_still_absorbed(events_of):
    events = events_of("Iran rejected the demand to halt enrichment.")
    assert [e.event for e in events] == ["REJECT"]


# -- parties: scene, stance words, residence, object genitive, "between" -----------
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


def test_the_of_phrase_of_a_blockade_is_its_target(events_of):
    events = events_of("The navy will tighten its blockade of Yemen with Egypt's support, Saudi Arabia said.")
    event = next(e for e in events if e.trigger.text == "blockade")
    assert _countries(event.recipient) == {"YEM"}


def test_talks_between_two_countries_have_both_as_actors(events_of):
    event = _only(events_of("Talks between Armenia and Azerbaijan resumed in Geneva on Monday."), "CONSULT")
    assert _countries(event.actor) == {"ARM", "AZE"}
    assert not event.recipient


def test_a_meeting_between_two_parties_names_both_as_recipients(events_of):
    event = _only(events_of("Norway offered to host a meeting between Colombian officials and the rebels."),
                  "AGREE")
    assert "COL" in _countries(event.recipient)
    assert len(event.recipient) == 2


def test_an_event_in_a_circumstance_phrase_is_background(events_of):
    events = events_of("Chile closed its border with Bolivia because of clashes between smugglers and police.")
    assert [e.event for e in events] == ["COERCE"]


def test_an_event_in_a_condition_is_background(events_of):
    events = events_of("The rebels said they would meet the envoy if the government released their leader.")
    assert "RELEASE" not in {e.event for e in events}
    assert [e.event for e in events] == ["AGREE"]


def test_a_subject_the_parser_hangs_under_its_participle_is_still_the_actor(events_of):
    event = _only(events_of("The Kenyan Red Cross operating in Somalia said Ethiopia must open its border."),
                  "REQUEST")
    assert "Cross" in event.actor[0].text


# -- per-event scene, parser repairs, subordinate events --------------------------
def test_a_country_that_is_the_recipient_is_not_the_actors_scene(events_of):
    event = _only(events_of("Bishop Samuel Okoro on Monday called for sanctions against Zimbabwe."), "REQUEST")
    assert _countries(event.recipient) == {"ZWE"}
    assert "ZWE" not in _countries(event.actor)


def test_a_place_the_target_lies_in_still_sets_the_actors_scene(events_of):
    event = _only(events_of("Rebels attacked a village in Chad on Sunday."), "ASSAULT")
    assert _countries(event.actor) == {"TCD"}


def test_a_long_name_split_by_the_parser_is_one_party(events_of):
    event = _only(events_of("Kuwait's emir, Sheikh Sabah bin Jaber al-Ahmad launched a mediation effort "
                            "between Qatar and Bahrain on Monday."), "CONSULT")
    assert len(event.actor) == 1
    assert "al-Ahmad" in event.actor[0].text
    assert _countries(event.recipient) == {"QAT", "BHR"}


def test_a_stranded_preposition_shares_the_object_of_the_coordination(events_of):
    event = _only(events_of("Peru restored full diplomatic relations with and reopened its consulate in Hanoi."),
                  "SUPPORT")
    assert _countries(event.recipient) == {"VNM"}


def test_a_participle_after_a_comma_is_done_by_the_clause_subject(events_of):
    events = events_of("Peru lodged a formal protest with Chile on Friday, accusing its neighbour of "
                       "spying on its navy in what it called a hostile act.")
    accusing = next(e for e in events if e.trigger.text == "accusing")
    assert _countries(accusing.actor) == {"PER"}


def test_what_an_offer_is_for_is_part_of_the_offer(events_of):
    events = events_of("Kenya offered its police officers to Haiti to help the government restore order.")
    assert [e.event for e in events] == ["AGREE"]


def test_the_content_of_a_demanded_admission_is_no_event_of_its_own(events_of):
    events = events_of("Armenia demanded an admission by Turkey that Ottoman troops killed civilians in 1915.")
    assert [e.event for e in events] == ["REQUEST"]


def test_protesting_is_what_a_demonstration_is_for(events_of):
    events = events_of("Hundreds of Tunisian workers began a sit-in on Monday to protest against Italy's "
                       "new visa rules.")
    # the sit-in and the protest it is for, as with "began a strike ... to protest"
    assert [(e.event, e.trigger.text) for e in events] == [("PROTEST", "sit-in"), ("PROTEST", "protest")]
    assert _countries(events[1].recipient) == {"ITA"}


def test_opening_borders_to_someone_gives_them_access(events_of):
    event = _only(events_of("Sudan opened its borders to UN monitors on Tuesday."), "RETREAT")
    assert event.mode == "access"
    assert _countries(event.recipient) == {"IGO"}


def test_withdrawing_inspectors_reduces_relations_and_withdrawing_troops_retreats(events_of):
    assert _only(events_of("The agency withdrew its inspectors from Iran on Monday."), "SANCTION").mode == "withdraw"
    assert _only(events_of("Russia withdrew its troops from Moldova on Monday."), "RETREAT").mode == "withdraw"
    announced = events_of("The UN chief said on Monday that he will withdraw the monitors from Syria.")
    assert [e.event for e in announced] == ["THREATEN"]


def test_a_for_to_clause_names_who_is_pressed(events_of):
    events = events_of("Japan is pushing hard for Australia to back its whaling proposal.")
    assert [e.event for e in events] == ["REQUEST"]
    assert _countries(events[0].actor) == {"JPN"}
    assert _countries(events[0].recipient) == {"AUS"}


def test_a_place_in_a_without_phrase_is_not_the_target(events_of):
    event = _only(events_of("The ousted leader agreed to step down without going back to Bolivia."), "AGREE")
    assert "BOL" not in _countries(event.recipient)


def test_an_event_in_a_before_phrase_is_no_content_of_the_demand(events_of):
    events = events_of("The rebels demanded a ceasefire with government troops in northern Mali before "
                       "allowing UN monitors into the area.")
    demand = _only(events, "REQUEST")
    assert "IGO" not in _countries(demand.recipient)
    assert "RETREAT" not in {e.event for e in events}


# -- assertion: what the sentence reports as done -------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle before its noun describes the noun, with or without a determiner
        ("Moscow-backed separatists shelled the harbour overnight.", ["ASSAULT"]),
        ("Detained students were released by a court in Dhaka on Monday.", ["RETREAT"]),
    ],
)
def test_attributive_participles_are_not_events(events_of, text, expected):
    assert _types(events_of(text)) == expected


def test_a_misparsed_main_verb_is_still_an_event(events_of):
    # the parser may read "Gunmen stabbed farmers" as one noun phrase; the noun is then the root
    assert "ASSAULT" in _types(events_of("Gunmen stabbed farmers."))


# -- doers --------------------------------------------------------------------------
def test_hyphenated_sponsor_is_not_the_partys_country(events_of):
    attack = _only(events_of("Tehran-funded gunmen attacked a border post in Syria."), "ASSAULT")
    assert "IRN" not in _countries(attack.actor)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Dozens were detained after the march in the capital.", "COERCE"),
        ("Four were killed when the convoy was ambushed.", "ASSAULT"),
    ],
)
def test_agentless_passive_with_counted_victims_keeps_the_event(events_of, text, event_type):
    event = _only(events_of(text), event_type)
    assert event.actor == []


# -- dates -------------------------------------------------------------------------
def test_undated_past_event_is_bounded_by_publication_not_dated_by_it(events_of):
    event = _only(events_of("Lithuanian police arrested two Belarusian smugglers."), "COERCE")
    date = event.date
    assert (date.value, date.first, date.last, date.source) == (None, None, "2024-05-10", "published")


def test_a_happening_mentioned_again_keeps_its_date(events_of):
    text = (
        "The Chilean foreign minister met Peru's president in Lima on Tuesday. "
        "The talks were cordial, aides said. "
        "Fishing quotas took most of the time. "
        "Border trade came up only briefly. "  # farther back than the story's day carries
        "The Chilean foreign minister met Peru's president again to sign the accord."
    )
    meetings = [e for e in events_of(text) if e.event == "CONSULT"]
    assert [(e.date.value, e.date.source) for e in meetings][-1] == ("2024-05-07", "happening")


def test_a_happening_mentioned_again_keeps_its_date_without_a_publication_day(events_of):
    text = (
        "The Chilean foreign minister met Peru's president in Lima on 4 June 2019. "
        "The talks were cordial, aides said. "
        "Fishing quotas took most of the time. "
        "Border trade came up only briefly. "
        "The Chilean foreign minister met Peru's president again to sign the accord."
    )
    meetings = [e for e in events_of(text, published=None) if e.event == "CONSULT"]
    assert [(e.date.value, e.date.source) for e in meetings][-1] == ("2019-06-04", "happening")


def test_a_happening_date_needs_the_same_actor_not_only_its_country(events_of):
    text = (
        "The French president met the Italian prime minister in Rome on Tuesday. "
        "The talks were long, aides said. "
        "Wine exports came up. "
        "Fishing rights did not. "
        "The French farm minister met the Italian farm minister in Paris."
    )
    meetings = [e for e in events_of(text) if e.event == "CONSULT"]
    assert meetings[-1].date.source == "published"


def test_a_month_or_year_does_not_date_another_mention(events_of):
    text = (
        "Senator Maria Lopez endorsed Governor Alan Reyes in March. "
        "Voters were surprised. "
        "Lopez is a moderate. "
        "Senator Maria Lopez endorsed Governor Alan Reyes again."
    )
    endorsements = [e for e in events_of(text) if e.event == "SUPPORT"]
    assert [e.date.source for e in endorsements] == ["clause", "published"]


@pytest.mark.parametrize("again, source", [("could visit Madrid again", None),
                                           ("did not visit Madrid again", "published")])
def test_a_mention_not_told_as_happened_takes_no_happening_date(events_of, again, source):
    text = ("Carlos Ruiz visited Madrid on Monday. The visit was short. Aides were pleased. "
            f"The weather was fine. Carlos Ruiz {again}.")
    visits = [e for e in events_of(text) if e.event == "CONSULT"]
    assert (visits[-1].date and visits[-1].date.source) == source


@pytest.mark.parametrize("text, event_type", [
    ("The prime minister could meet the Kenyan president.", "CONSULT"),
    ("The senator would oppose the treaty if it reached the floor.", "ACCUSE"),
    ("Had the guards stayed, the mob would have stormed the depot.", "ASSAULT"),
])
def test_an_undated_event_that_has_not_happened_is_not_bounded_by_publication(events_of, text, event_type):
    event = _only(events_of(text), event_type)
    assert event.status in ("future", "hypothetical") and event.date is None


def test_an_announced_threat_keeps_the_bound_of_its_statement(events_of):
    event = _only(events_of("The dockers' union said it would strike."), "THREATEN")
    assert (event.status, event.date.last, event.date.source) == ("occurred", "2024-05-10", "published")


def test_a_noun_mention_does_not_take_an_earlier_date(events_of):
    text = (
        "Rebels attacked an army base in Darfur on Sunday. "
        "Officials blamed the rebels for the attack on a market last year."
    )
    later = [e for e in events_of(text) if e.event == "ASSAULT" and e.trigger.text == "attack"]
    assert all(e.date is None or e.date.source != "happening" for e in later)


def test_a_group_noun_compounded_with_an_event_noun_is_its_doer(events_of):
    attack = _only(events_of("Rebel attacks on aid convoys rose sharply in Ituri."), "ASSAULT")
    assert [p.text for p in attack.actor] == ["Rebel"]


def test_where_the_target_lies_does_not_make_the_attacker(events_of):
    events = events_of("The shelling of a village in southern Lebanon wounded four farmers.")
    assert events and all("LBN" not in _countries(e.actor) for e in events)


def test_an_attack_noun_and_the_killing_it_caused_are_one_event(events_of):
    assert _types(events_of("The bombing of the market killed nine people.")) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The governor's office declined to comment on the lawsuit.",
    "A company spokesman refused to elaborate.",
    "The embassy declined comment when reached on Friday.",
    "Officials declined to say how many people were held.",
])
def test_declining_to_comment_is_no_rejection(events_of, text):
    """Refusing to say anything is CAMEO's 'decline comment', a statement
    PLOVER does not code."""
    assert not [e for e in events_of(text) if e.event == "REJECT"]


def test_refusing_a_deed_is_still_a_rejection(events_of):
    assert _only(events_of("Belgrade refused to pull its troops out of the province."), "REJECT")


@pytest.mark.parametrize("text, event_type", [
    ("Street protests broke out in the capital after the vote.", "PROTEST"),
    ("Heavy clashes erupted overnight along the frontier.", "ASSAULT"),
    ("The rally took place outside the parliament building.", "PROTEST"),
])
def test_event_noun_with_a_verb_of_happening_is_reported(events_of, text, event_type):
    """Nobody is named, yet the sentence says the event happened."""
    assert _only(events_of(text), event_type)


def test_event_noun_under_an_ordinary_verb_still_needs_a_party(events_of):
    # a crowd's act ("the protests") is the exception: test_event_rne6
    assert not [e for e in events_of("The talks worried the shopkeepers.") if e.event == "CONSULT"]


def test_passive_takes_its_doer_from_the_act_that_framed_it(events_of):
    """'killed in police firing': the firing's doer did the killing."""
    event = _only(events_of("Four villagers were killed in police firing near the market."), "ASSAULT")
    assert [p.text for p in event.actor] == ["police"]
    event = _only(events_of("Two fishermen were wounded in Turkish shelling of the coast."), "ASSAULT")
    assert "TUR" in _countries(event.actor)


def test_a_place_naming_the_framing_act_is_not_its_doer(events_of):
    event = _only(events_of("Six guards were killed in the Kandahar bombings last spring."), "ASSAULT")
    assert "frame-doer" not in event.rule
