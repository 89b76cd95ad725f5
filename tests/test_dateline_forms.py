"""The forms a dateline takes beyond "ROME - ": the wire's day and agency, a place in
ordinary case that an agency follows, a place in brackets, a dash lost or left in the
wrong code page, and the lower-cased "city: " a whole lower-cased article opens with.
Each hides its place from the story's parties; headings, bylines, speakers and
ordinary sentence starts stay parties."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from dragoman.resolve.dateline import dateline_end, dateline_places


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("NAIROBI, March 3 (UPI) -- Farmers marched on the ministry.", "NAIROBI, March 3 (UPI) --"),
        ("Lisbon (AFP) - The minister resigned.", "Lisbon (AFP) - "),
        ("DENVER, Colo. (KDVR9) — A teacher was hired.", "DENVER, Colo. (KDVR9) —"),
        ("(LONDON) — Two trains collided near the station.", "(LONDON) —"),
        ("CAIRO (AP) Egypt's parliament met on Sunday.", "CAIRO (AP) "),
        ("OMAHA \x97 The council voted to close the pool.", "OMAHA \x97"),
        ("chennai: the minister opened a bridge on monday.", "chennai: "),
        ("kanpur : the court heard the case.", "kanpur : "),
        ("pune:the schools stayed shut.", "pune:"),
        ("bangalore: the mayor met the traders.", "bangalore: "),  # known by its older name
        ("lucknow/kanpur: shops stayed shut on friday.", "lucknow/kanpur: "),
    ],
)
def test_where_a_dateline_of_another_form_ends(text, dateline):
    assert dateline_end(text, 0) == len(dateline)


def test_a_stamp_line_may_stand_above_a_lower_cased_dateline():
    text = "This story is from May 2, 2003\n\nchennai: the minister opened a bridge."
    opening = text.index("chennai")
    assert dateline_end(text, opening) == text.index("the minister")


def test_a_dateline_may_follow_a_title_on_the_next_line():
    text = "Council votes on pool\nOMAHA - The council voted to close the pool."
    opening = text.index("OMAHA")
    assert dateline_end(text, opening) == text.index("The council")


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Mary Hale (D) — the bill's sponsor — spoke first.",  # a party label, no agency
        "Gov. Tom Reed (R-Ohio) — signed the bill.",
        "(CNN) — Two trains collided near the station.",  # an agency alone names no place
        "Denver - the city, not the team - grew fastest.",  # ordinary case needs an agency
        "Boston: the city council voted.",
        "U.S. President Joe Lane said no.",  # no dash, no agency: the country is his
        "arrested: the police held two men.",  # a lower-case label that is no place
        "chennai: The Minister opened a bridge.",  # a text with capitals is not lower-cased
    ],
)
def test_forms_that_are_no_dateline(text):
    assert dateline_end(text, 0) == 0


def test_a_lower_cased_place_later_in_the_article_is_no_dateline():
    text = ("the minister opened a new bridge over the river on monday, "
            "and said more would follow across the state.\n\nchennai: the traders were pleased.")
    assert dateline_end(text, text.index("chennai")) == text.index("chennai")


def test_the_place_finder_reads_the_wire_forms_only():
    assert dateline_places("Lisbon (AFP) - The minister resigned.") == [(0, 6)]
    assert dateline_places("chennai: the minister opened a bridge.") == []


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _parties(pipeline, text: str) -> list[str]:
    events = pipeline.analyse(Article(id="t", text=text, published="2003-05-02")).events
    return [party.text for event in events for party in event.actor + event.recipient]


@pytest.mark.parametrize(
    "text, place",
    [
        ("This story is from May 2, 2003\n\nchennai: protesters blocked the highway for six hours "
         "on friday, and the police arrested forty of them.", "chennai"),
        ("Lisbon (AFP) - Teachers protested outside parliament on Tuesday.", "Lisbon"),
        ("WARSAW, May 2 (UPI) -- Farmers blocked a border crossing on Friday.", "WARSAW"),
    ],
)
def test_the_dateline_place_is_no_party(pipeline, text, place):
    parties = _parties(pipeline, text)
    assert parties and place not in parties
