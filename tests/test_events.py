"""PLOVER event coding: the lexicon, the syntax of actors and recipients,
status, and acceptance on the seed article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dragoman.extractors.lexicon import LexiconError, load_lexicon, load_lexicon_from
from dragoman.pipeline import Pipeline
from dragoman.records import PLOVER_TYPES, Article

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
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


def test_meeting_in_the_hosts_country_is_a_visit(events_of):
    event = _only(events_of("Egyptian Foreign Minister Sameh Shoukry met with Turkish President "
                            "Recep Tayyip Erdogan in Ankara on Saturday."), "CONSULT")
    assert event.mode == "visit"
    assert event.place is not None and event.place.text == "Ankara"


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
        ("{lemma: veto, event: REJECT", "{lemma: veto, event: REFUSE", "unknown PLOVER event type"),
        ('{lemma: veto, event: REJECT, cameo: "129"}', '{lemma: veto, event: REJECT, cameo: "1x9"}',
         "bad CAMEO code"),
        ('{lemma: veto, event: REJECT, cameo: "129"}', '{lemma: veto, event: REJECT, cameo: "190"}',
         "cannot code REJECT"),
        ("{lemma: condemn, event: ACCUSE, mode: disapprove",
         "{lemma: condemn, event: ACCUSE, mode: shout", "unknown mode"),
        ('{lemma: veto, event: REJECT, cameo: "129"}', "{lemma: veto, event: REJECT}", "missing field"),
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


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed is not beside the project")
def test_seed_article_events(pipeline):
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    text = (SEED / "article.txt").read_text(encoding="utf-8")
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
    assert len(expected["events"]) - len(missed) >= 12, f"missed {missed}"
