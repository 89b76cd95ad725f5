"""The place a wire story is filed from ("OSLO - ") is no part of the name or phrase the
story's first sentence opens with: the same person is one actor in every sentence."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article
from dragoman.resolve.dateline import dateline_end


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("OSLO - Maria Lund spoke.", "OSLO - "),
        ("LIMA, Peru (AP) -- Carlos Quispe spoke.", "LIMA, Peru (AP) --"),
        ("SALT LAKE CITY, Utah - The mayor spoke.", "SALT LAKE CITY, Utah - "),
    ],
)
def test_where_a_dateline_ends(text, dateline):
    assert dateline_end(text, 0) == len(dateline)


@pytest.mark.parametrize(
    "text",
    [
        "QUESTIONABLE CLAIMS — For years the doctor sold pills.",  # a heading, no place
        "Maria Lund - the new mayor - spoke.",
        "UPDATE: the vote was put off.",
    ],
)
def test_upper_case_words_that_are_no_place_are_no_dateline(text):
    assert dateline_end(text, 0) == 0


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _analyse(pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published="2016-04-18"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("OSLO - Maria Lund met the king on Sunday. Lund said the meeting went well.", "Maria Lund"),
        ("BERLIN - Peter Kamau Otieno opened a dairy on Monday. Otieno said milk prices were low.",
         "Peter Kamau Otieno"),
    ],
)
def test_a_name_after_a_dateline_is_one_actor_with_its_later_mentions(pipeline, text, name):
    analysis = _analyse(pipeline, text)
    assert not any(" - " in actor.name for actor in analysis.actors)
    named = [actor for actor in analysis.actors if actor.name == name]
    assert len(named) == 1 and len(named[0].mentions) == 2


def test_a_title_after_a_dateline_is_read(pipeline):
    text = ("Budget news\n\nSPRINGFIELD, Ill. - Gov. Ann Reyes signed the budget on Monday. "
            "Reyes said the state would borrow less.")
    reyes = next(actor for actor in _analyse(pipeline, text).actors if actor.name == "Ann Reyes")
    assert reyes.sector == "GOV" and len(reyes.mentions) == 2


def test_an_event_party_leaves_the_dateline_out(pipeline):
    text = "CAIRO - Egyptian police arrested three smugglers near the port on Sunday."
    analysis = _analyse(pipeline, text)
    actors = [party.text for event in analysis.events for party in event.actor]
    assert actors and all(not text.startswith("CAIRO") for text in actors)
