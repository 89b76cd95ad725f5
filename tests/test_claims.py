"""Figures ("claims"): numbers with unit, counted noun and hedge."""

from __future__ import annotations

import json

import pytest

from dragoman.extractors.claims import casualty_counts
from dragoman.pipeline import Pipeline
from dragoman.records import Article
from seed import SHARED_SEED, seed_expected, seed_text



@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "claims"])


@pytest.fixture(scope="module")
def seed_claims(pipeline):
    text = seed_text()
    analysis = pipeline.analyse(Article(id="seed", text=text, published="2024-03-22"))
    return text, analysis.claims


def analyse(pipeline: Pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published="2024-03-22"))


def claims_of(pipeline: Pipeline, text: str) -> dict:
    return {c.text: c for c in analyse(pipeline, text).claims}


# -- the seed article ----------------------------------------------------------


def _expected_seed_claims() -> list[dict]:
    path = SHARED_SEED / "expected.json"  # read at collection: absent, the cases are skipped
    return json.loads(path.read_text("utf-8"))["claims"] if path.exists() else []


@pytest.mark.parametrize("expected", _expected_seed_claims(), ids=lambda e: e["text"])
def test_seed_claim_found_with_value_unit_and_hedge(seed_claims, expected):
    text, claims = seed_claims
    found = {c.text: c for c in claims}
    assert expected["text"] in found, sorted(found)
    claim = found[expected["text"]]
    assert text[claim.start:claim.end] == claim.text
    assert claim.value == expected["value"]
    for attribute in ("unit", "approximate", "bound", "kind"):
        if attribute in expected:
            assert getattr(claim, attribute) == expected[attribute]


def test_seed_subjects_and_kinds(seed_claims):
    _, claims = seed_claims
    found = {c.text: c for c in claims}
    assert found["more than a million Gazans"].subject == "Gazans"
    assert found["100% of the population"].subject == "the population"
    assert found["100% of the population"].kind == "percent"
    assert found["approximately two and a half hours"].kind == "duration"
    assert found["sixth round"].unit == "round"
    assert found["one additional crossing"].subject == "additional crossing"


def test_seed_has_no_other_claims(seed_claims):
    """"October 7", "10 a.m.", "speak with one voice", "the first time" are not figures."""
    _, claims = seed_claims
    expected = seed_expected()["claims"]
    assert sorted(c.text for c in claims) == sorted(e["text"] for e in expected)


# -- own sentences -------------------------------------------------------------


def test_money_in_two_currencies(pipeline):
    found = claims_of(pipeline, "The bank approved $4.5bn (£3.5bn) in new loans for the port.")
    dollars, pounds = found["$4.5bn"], found["£3.5bn"]
    assert (dollars.kind, dollars.unit, dollars.value) == ("money", "USD", 4.5e9)
    assert (pounds.kind, pounds.unit, pounds.value) == ("money", "GBP", 3.5e9)


def test_money_words_after_the_amount(pipeline):
    found = claims_of(pipeline, "Brussels pledged about 2 billion euros and Tokyo 300 million yen.")
    euros = found["about 2 billion euros"]
    assert (euros.unit, euros.value, euros.approximate) == ("EUR", 2e9, True)
    assert found["300 million yen"].unit == "JPY"


def test_lower_bound_casualty_figure(pipeline):
    text = "Air strikes on the camp killed at least 156 people and wounded 300 others, officials said."
    analysis = analyse(pipeline, text)
    claim = {c.text: c for c in analysis.claims}["at least 156 people"]
    assert (claim.value, claim.unit, claim.bound, claim.kind) == (156, "person", "lower", "cardinal")
    assert casualty_counts(analysis, 0, len(text)) == {"dead": 156, "injured": 300, "arrested": None}


def test_vague_count_is_approximate(pipeline):
    text = "Police detained dozens of protesters outside the embassy."
    analysis = analyse(pipeline, text)
    claim = {c.text: c for c in analysis.claims}["dozens of protesters"]
    assert claim.approximate and claim.bound is None
    assert (claim.value, claim.unit, claim.subject) == (24, "person", "protesters")
    assert casualty_counts(analysis, 0, len(text))["arrested"] == 24


def test_upper_bound(pipeline):
    claim = claims_of(pipeline, "The ministry said up to 3,000 troops would be sent north.")["up to 3,000 troops"]
    assert (claim.value, claim.unit, claim.bound, claim.approximate) == (3000, "person", "upper", False)


@pytest.mark.parametrize(
    "text, figure, value, unit",
    [
        ("Rebels seized twenty-five armoured vehicles.", "twenty-five armoured vehicles", 25, "vehicle"),
        ("The war displaced three hundred and fifty thousand villagers.",
         "three hundred and fifty thousand villagers", 350000, "villager"),
        ("One and a half million refugees crossed the border.",
         "One and a half million refugees", 1.5e6, "person"),
        ("Half a million residents lost power.", "Half a million residents", 5e5, "person"),
        ("Tens of thousands of workers went on strike.", "Tens of thousands of workers", 20000, "person"),
        ("The agency counted 12,400 refugees.", "12,400 refugees", 12400, "person"),
        ("Tanks advanced 40 km towards the city.", "40 km", 40, "km"),
    ],
)
def test_number_words_and_digits(pipeline, text, figure, value, unit):
    found = claims_of(pipeline, text)
    assert figure in found, sorted(found)
    assert (found[figure].value, found[figure].unit) == (value, unit)


def test_shares_are_percentages(pipeline):
    found = claims_of(pipeline, "Nearly half of the households and 40 per cent of voters backed the plan.")
    half = found["Nearly half of the households"]
    assert (half.kind, half.unit, half.value, half.approximate) == ("percent", "percent", 50, True)
    assert half.subject == "the households"
    assert found["40 per cent of voters"].value == 40


def test_ordinal_and_duration(pipeline):
    found = claims_of(pipeline, "The fourth round of talks lasted for nearly three weeks.")
    ordinal = found["fourth round"]
    assert (ordinal.kind, ordinal.value, ordinal.unit) == ("ordinal", 4, "round")
    duration = found["nearly three weeks"]
    assert (duration.kind, duration.value, duration.unit, duration.approximate) == ("duration", 3, "week", True)


def test_dates_times_names_and_pronouns_are_not_claims(pipeline):
    text = (
        "On 12 March 2024 at 9 a.m., G7 envoys discussed COVID-19 and Resolution 2728. "
        "Two years ago the two leaders met; one of them said so. Call 202-555-0143."
    )
    texts = [c.text for c in analyse(pipeline, text).claims]
    assert texts == ["two leaders"]


def test_casualty_counts_only_within_range(pipeline):
    first = "Shelling killed 12 civilians in the north."
    text = first + " Separately, soldiers arrested 40 men near the border."
    analysis = analyse(pipeline, text)
    assert casualty_counts(analysis, 0, len(first)) == {"dead": 12, "injured": None, "arrested": None}
    assert casualty_counts(analysis, len(first), len(text))["arrested"] == 40


def test_passive_and_toll_casualties(pipeline):
    text = "The death toll rose to 34, and 80 people were injured in the blast."
    counts = casualty_counts(analyse(pipeline, text), 0, len(text))
    assert counts == {"dead": 34, "injured": 80, "arrested": None}


@pytest.mark.parametrize("text", ["", "   \n ", "$ % ½ — №", "1.", "more than", "a half"])
def test_odd_input_does_not_crash(pipeline, text):
    claims = analyse(pipeline, text).claims
    assert all(0 <= c.start < c.end <= len(text) for c in claims)


def test_bare_number_objects_are_casualty_counts(pipeline):
    text = "A drone hit the market, killing three and injuring 11."
    counts = casualty_counts(analyse(pipeline, text), 0, len(text))
    assert counts == {"dead": 3, "injured": 11, "arrested": None}


def test_rule_names_the_entries_that_fired(pipeline):
    found = claims_of(pipeline, "At least 40 soldiers and about 3 million tonnes of grain cost some $2bn.")
    assert found["At least 40 soldiers"].rule == "hedge:at least+counted:person"
    assert found["about 3 million tonnes of grain"].rule == "hedge:about+unit:tonnes"
    assert found["some $2bn"].rule == "currency:$+hedge:some"
