"""PLOVER event coding by type and mode: one sentence of our own per PLOVER type and per
mode of the manual, the lexicon's coverage of them, and the seed article's events."""

from __future__ import annotations

import pytest

from dragoman.extractors.lexicon import load_lexicon
from dragoman.pipeline import Pipeline
from dragoman.records import Article
from event_helpers import _countries, _only
from seed import seed_expected, seed_text


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text: str, published: str | None = "2024-05-10"):
        return pipeline.analyse(Article(id="t", text=text, published=published)).events

    return run


# -- one sentence per PLOVER type --------------------------------------------------------------


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


# -- modes -------------------------------------------------------------------------------------


def test_mode_comes_from_weapon_and_what_is_moved(events_of):
    assert _only(events_of("Russian forces shelled the city of Kharkiv overnight."),
                 "ASSAULT").mode == "heavy-weapons"
    assert _only(events_of("China deployed warships near Taiwan."), "MOBILIZE").mode == "weapons"
    assert _only(events_of("Germany urged Iran to release the detained journalists."),
                 "REQUEST").mode == "yield"


# -- every mode of the manual, one sentence of our own each ------------------------------------


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


# -- types and modes chosen by what is acted on ------------------------------------------------


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


def test_withdrawing_inspectors_reduces_relations_and_withdrawing_troops_retreats(events_of):
    assert _only(events_of("The agency withdrew its inspectors from Iran on Monday."), "SANCTION").mode == "withdraw"
    assert _only(events_of("Russia withdrew its troops from Moldova on Monday."), "RETREAT").mode == "withdraw"
    announced = events_of("The UN chief said on Monday that he will withdraw the monitors from Syria.")
    assert [e.event for e in announced] == ["THREATEN"]


# -- seed acceptance ---------------------------------------------------------------------------


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
