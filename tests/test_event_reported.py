"""Which events a sentence reports: no event without a political one, one event for a
happening told twice or in several words, mentions that are background or content of
another event, attributive participles, events nobody is named as doing, and the size fields."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only, _types


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


# -- precision ---------------------------------------------------------------------------------


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


# -- one event per happening -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # an event noun that is what another event is about is its content
        ("Armenia and Azerbaijan agreed on a ceasefire.", ["AGREE"]),
        ("The ministers discussed sanctions against Iran.", ["CONSULT"]),
        # a participle used as an adjective describes, it reports nothing
        ("Aid workers reached the besieged city of Mariupol.", []),
        # a relative clause is background to the sentence's own event ...
        ("Egypt condemned the rebels, who are attacking police stations.", ["ACCUSE"]),
        # ... unless the sentence has no other event
        ("Officials named the militants who attacked the convoy.", ["ASSAULT"]),
        # so is a said act told by a participle after its noun: it describes a participant
        ("Militias backed by Tehran seized the airport on Friday.", ["ASSAULT"]),
        ("Police detained two men suspected of smuggling rifles.", ["COERCE"]),
        # ... but a deed told so stays reported
        ("Villagers buried five farmers killed by the militia.", ["ASSAULT"]),
        # ... and a comment on the whole clause, after a comma or a dash, reports the reaction
        ("Hungary vetoed the aid package on Monday, a step condemned by the Dutch premier.", ["REJECT", "ACCUSE"]),
        ("Hungary vetoed the aid package on Monday \u2013 a step condemned by the Dutch premier.", ["REJECT", "ACCUSE"]),
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


def test_an_attack_noun_and_the_killing_it_caused_are_one_event(events_of):
    assert _types(events_of("The bombing of the market killed nine people.")) == ["ASSAULT"]


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


# -- background and subordinate events ---------------------------------------------------------


def test_an_event_in_a_circumstance_phrase_is_background(events_of):
    events = events_of("Chile closed its border with Bolivia because of clashes between smugglers and police.")
    assert [e.event for e in events] == ["COERCE"]


def test_an_event_in_a_condition_is_background(events_of):
    events = events_of("The rebels said they would meet the envoy if the government released their leader.")
    assert "RELEASE" not in {e.event for e in events}
    assert [e.event for e in events] == ["AGREE"]


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


def test_an_event_in_a_before_phrase_is_no_content_of_the_demand(events_of):
    events = events_of("The rebels demanded a ceasefire with government troops in northern Mali before "
                       "allowing UN monitors into the area.")
    demand = _only(events, "REQUEST")
    assert "IGO" not in _countries(demand.recipient)
    assert "RETREAT" not in {e.event for e in events}


# -- assertion: what the sentence reports as done ----------------------------------------------


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


@pytest.mark.parametrize("text, event_type", [
    ("Street protests broke out in the capital after the vote.", "PROTEST"),
    ("Heavy clashes erupted overnight along the frontier.", "ASSAULT"),
    ("The rally took place outside the parliament building.", "PROTEST"),
])
def test_event_noun_with_a_verb_of_happening_is_reported(events_of, text, event_type):
    """Nobody is named, yet the sentence says the event happened."""
    assert _only(events_of(text), event_type)


@pytest.mark.parametrize("text, event_type", [
    ("The rally denounced the new curfew on Sunday.", "PROTEST"),
    ("These deployments have strained the budget of the ministry.", "MOBILIZE"),
    ("The ambush left six soldiers dead outside the town.", "ASSAULT"),
])
def test_material_act_noun_as_the_main_subject_is_reported_without_a_doer(events_of, text, event_type):
    event = _only(events_of(text), event_type)
    assert event.actor == []
    assert "reported:main-subject" in event.rule


@pytest.mark.parametrize("text", [
    "Blistering attacks upended the senator's campaign.",  # a bare plural: a kind of act
    "The attack hurt her standing in the polls.",  # violence with no force or harm named: words
    "A raid is a risky operation.",  # a verb of being defines, it does not report
])
def test_act_noun_as_the_main_subject_without_a_reported_act_is_no_event(events_of, text):
    assert not [e for e in events_of(text) if e.event in ("ASSAULT", "COERCE")]


def test_event_noun_under_an_ordinary_verb_still_needs_a_party(events_of):
    # a crowd's act ("the protests") is the exception: test_event_triggers_protest
    assert not [e for e in events_of("The talks worried the shopkeepers.") if e.event == "CONSULT"]


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


# -- size fields -------------------------------------------------------------------------------


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


# -- passives of force with no doer named (recall12, issue #17) ----------------------------


@pytest.mark.parametrize("text, event", [
    ("A 17-year-old was stabbed outside the station late on Friday.", "ASSAULT"),
    ("The one who was shot has been named as a 40-year-old teacher.", "ASSAULT"),
    ("A 60-year-old was beaten with a bat during the robbery.", "ASSAULT"),
    ("Each had been shot twice, the coroner told the inquest.", "ASSAULT"),
])
def test_a_person_harmed_by_an_unnamed_doer_is_an_event(events_of, text, event):
    assert event in _types(events_of(text))


def test_a_thing_blamed_by_no_one_named_is_no_event(events_of):
    assert "ACCUSE" not in _types(events_of("The late train was blamed for the missed meeting."))


@pytest.mark.parametrize("text, event", [
    ("The negotiations started late at night in a hotel by the lake.", "CONSULT"),
    ("The clash began when the crowd refused to leave the square.", "ASSAULT"),
    ("The meeting concluded without a date for the next round.", "CONSULT"),
])
def test_an_event_noun_that_begins_or_ends_is_reported(events_of, text, event):
    assert event in _types(events_of(text))
