"""The event lexicon's noun classes and trigger inventory: loading checks and
what the classes let a trigger code. Sentences are our own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dragoman.extractors.lexicon import LexiconError, load_lexicon, load_lexicon_from
from dragoman.records import PLOVER_TYPES

LEXICON_DIR = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "lexicon"


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> int:
    """Copy the lexicon to tmp_path with one edit in `name`; the edited line."""
    for path in LEXICON_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# -- loading ---------------------------------------------------------------------------------
def test_entries_take_the_lemmas_of_their_classes():
    lexicon = load_lexicon()
    send = [e for e in lexicon.candidates("verb", "send") if e.event == "MOBILIZE"][0]
    assert {"troop", "warship", "battalion"} <= send.objects
    assert "aid" not in send.objects


def test_an_unknown_class_names_the_entry_line(tmp_path):
    line = _copy_with(tmp_path, "events.yaml", "object_class: [falsehoods]", "object_class: [rumours]")
    with pytest.raises(LexiconError, match="unknown noun class") as error:
        load_lexicon_from(tmp_path)
    assert f"events.yaml:{line}" in str(error.value)


def test_a_class_no_entry_uses_is_an_error(tmp_path):
    _copy_with(tmp_path, "noun_classes.yaml", "freedoms: [", "spare: [cup]\nfreedoms: [")
    with pytest.raises(LexiconError, match=r"noun_classes.yaml:1: no entry uses the class\(es\) \['spare'\]"):
        load_lexicon_from(tmp_path)


def test_a_class_must_list_lemmas(tmp_path):
    line = _copy_with(tmp_path, "noun_classes.yaml", "freedoms: [freedom, liberty, right]", "freedoms: []")
    with pytest.raises(LexiconError, match="must list lemmas") as error:
        load_lexicon_from(tmp_path)
    assert f"noun_classes.yaml:{line}" in str(error.value)



@pytest.mark.parametrize("old, new, message", [
    ('  events: ["COERCE:restrict|curfew|martial-law", MOBILIZE, THREATEN]\n', "", "events must be a list"),
    ('"COERCE:restrict|curfew|martial-law"', '"COERCE:lockdown"', "unknown mode"),
])
def test_a_hazard_response_section_names_its_fault(tmp_path, old, new, message):
    _copy_with(tmp_path, "events.yaml", old, new)
    with pytest.raises(LexiconError, match=message):
        load_lexicon_from(tmp_path)

# -- what the classes code --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moldova sent two battalions to the northern frontier on Tuesday.", ("MOBILIZE", "sent")),
        ("Norway sent medicine and blankets to the flooded province.", ("AID", "sent")),
        ("The rebels captured three hilltop villages overnight.", ("ASSAULT", "captured")),
        ("Peru closed its airspace to Bolivian flights.", ("COERCE", "closed")),
    ],
)
def test_a_verb_codes_by_the_class_of_its_object(event_triggers, text, expected):
    assert expected in event_triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor sent a birthday card to the singer.",
        "The museum closed its east wing for repairs.",
    ],
)
def test_outside_its_classes_a_narrowed_verb_codes_nothing(event_triggers, text):
    assert event_triggers(text) == []


# -- senses that are no event -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("The senator seized on the governor's remark during the debate.", "COERCE"),
        ("The new coach hails from a fishing town in Chile.", "SUPPORT"),
        ("Volunteers fought the blaze through the night.", "ASSAULT"),
        ("The lawyers fought the extradition for two years.", "ASSAULT"),
        ("A crew shot a documentary in the valley last spring.", "ASSAULT"),
        ("The campaign targeted young voters with a new advert.", "ASSAULT"),
    ],
)
def test_a_sense_excluded_by_class_or_particle_codes_no_event(event_triggers, text, unwanted):
    assert unwanted not in {event for event, _ in event_triggers(text)}


def test_the_violent_sense_still_codes(event_triggers):
    assert ("ASSAULT", "fought") in event_triggers("Rebels fought government troops near the dam.")
    assert ("COERCE", "seized") in event_triggers("Customs officers seized the cargo in the port.")


# -- the inventory by class: noun forms, phrasal verbs, common verbs ------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        # noun forms of verb entries
        ("Peru's disarmament of the northern militia began in March.", ("RETREAT", "disarmament")),
        ("The army's confiscation of the harbour cranes angered the union.", ("COERCE", "confiscation")),
        ("Ecuador's ratification of the fishing treaty pleased Lima.", ("SUPPORT", "ratification")),
        # phrasal verbs
        ("Rebels blew up a railway bridge outside the capital.", ("ASSAULT", "blew")),
        ("Gunmen gunned down a village chief on Sunday.", ("ASSAULT", "gunned down")),  # ipe5: the whole resultative
        ("Police took four smugglers into custody at the ferry terminal.", ("COERCE", "took")),
        ("The militia laid down its weapons after the accord.", ("RETREAT", "laid")),
        # common verbs restricted by class
        ("Officers booked the two suspects on Friday evening.", ("COERCE", "booked")),
        ("Soldiers recovered a cache of rifles in the forest.", ("COERCE", "recovered")),
        ("Rioters looted a dozen shops on the main street.", ("ASSAULT", "looted")),
        ("The ministry dispatched two battalions to the coast.", ("MOBILIZE", "dispatched")),
        ("Police used tear gas on the marchers.", ("ASSAULT", "used")),
        ("The army set up a new outpost near the river crossing.", ("MOBILIZE", "set")),
        ("The rebel group recruited hundreds of fighters last year.", ("MOBILIZE", "recruited")),
        ("The prime minister vacated his post after the vote.", ("RETREAT", "vacated")),
        ("Ghana's president paid tribute to the peacekeepers.", ("SUPPORT", "paid tribute")),
    ],
)
def test_the_inventory_covers_noun_forms_phrasal_and_common_verbs(event_triggers, text, expected):
    assert expected in event_triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "She booked a table at the harbour restaurant.",
        "The senator recovered quickly from the flu.",
        "The singer captured the mood of the crowd.",
    ],
)
def test_class_restricted_common_verbs_stay_quiet_outside_their_class(event_triggers, text):
    assert event_triggers(text) == []


# -- harm done by nature or accident ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "An earthquake killed 30 villagers in the mountains.",
        "The storm killed four people in Manila.",
        "A landslide blocked the main highway to the port.",
        "Floods cut off power to the northern districts.",
    ],
)
def test_harm_done_by_nature_is_no_event(event_triggers, text):
    assert event_triggers(text) == []


def test_the_same_verbs_with_a_human_doer_still_code(event_triggers):
    assert ("ASSAULT", "killed") in event_triggers("Gunmen killed four people in Manila.")
    assert ("PROTEST", "blocked") in event_triggers("Farmers blocked the main highway to the port.")


# -- the doer's class picks the sense -------------------------------------------------------
def test_protesters_clashing_with_police_is_a_riot(event_triggers):
    assert ("PROTEST", "clashed") in event_triggers("Rioters clashed with police near the stadium.")
    assert ("ASSAULT", "clashed") in event_triggers("Soldiers clashed with rebels near the stadium.")


def test_a_charge_on_a_position_is_an_assault_not_an_accusation(event_triggers):
    assert ("ASSAULT", "charged") in event_triggers("The militants charged an army outpost at dawn.")
    assert ("ACCUSE", "charged") in event_triggers("Prosecutors charged the mayor with fraud.")


def test_only_relief_received_is_aid(event_triggers):
    assert event_triggers("Small firms could not get any of the new subsidies.") == []


# -- PLOVER coverage and validation of events.yaml ---------------------------------------------


def test_lexicon_covers_all_types_and_entry_ids_point_at_lines():
    lexicon = load_lexicon()
    assert {e.event for e in lexicon.entries} == set(PLOVER_TYPES)
    lines = (LEXICON_DIR / "events.yaml").read_text(encoding="utf-8").splitlines()
    for entry in lexicon.entries[:20]:
        name, line = entry.id.split(":")
        assert name == "events.yaml"
        assert (entry.lemma or entry.phrase[0]) in lines[int(line) - 1]


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
