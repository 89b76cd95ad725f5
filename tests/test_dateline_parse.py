"""A wire dateline is parsed as a sentence of its own: parsed with the story's first
sentence, its place became the subject and the true subject hung off it, so the act lost
its doer. The dateline still sets the sentence's scene, and the event's sentence and
sentence number stay those of the story sentence it opens."""

from __future__ import annotations

import pytest

from dragoman.annotate.nlp import parse
from dragoman.annotate.views import sentence_number, sentences, story_sentences
from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published="2021-05-10")).events


def test_the_dateline_is_cut_off_the_first_sentence():
    text = "TUNIS, Tunisia - Guards detained two fishermen near the port on Sunday."
    doc = next(parse([text]))
    assert [s.text for s in sentences(doc)][:2] == ["TUNIS, Tunisia -", text[text.index("Guards"):]]
    assert [s.text for s in story_sentences(doc)] == [text]


def test_the_subject_after_a_place_and_country_dateline_acts(pipeline):
    text = "TUNIS, Tunisia - Guards detained two fishermen near the port on Sunday."
    arrest = next(e for e in _events(pipeline, text) if e.trigger.text == "detained")
    assert [(p.text, p.country) for p in arrest.actor] == [("Guards", "TUN")]
    assert [p.text for p in arrest.recipient] == ["two fishermen"]


@pytest.mark.parametrize("opening", ["QUITO (AFP) — ", "QUITO, Feb. 2 (AP) -- ", "QUITO: "])
def test_the_dateline_still_sets_the_scene(pipeline, opening):
    text = opening + "Police arrested a mayor accused of taking bribes."
    arrest = next(e for e in _events(pipeline, text) if e.trigger.text == "arrested")
    assert [(p.text, p.country) for p in arrest.actor] == [("Police", "ECU")]
    assert arrest.sentence.start == 0 and arrest.sentence_number == 1


def test_later_sentences_keep_their_numbers():
    text = "OSLO (Reuters) - The minister resigned. Her deputy took over.\nA vote follows."
    doc = next(parse([text]))
    assert [sentence_number(doc, text.index(w)) for w in ("OSLO", "Her", "A vote")] == [1, 2, 3]


def test_a_capitalised_heading_without_a_known_place_is_left_in_its_sentence():
    text = "BREAKING NEWS - Guards detained two fishermen near the port on Sunday."
    doc = next(parse([text]))
    assert len(sentences(doc)) == 1


def test_the_speaker_after_a_dateline_is_the_one_who_spoke(pipeline):
    text = "OSLO (Reuters) - The fisheries minister said on Monday that quotas would be cut next year."
    analysis = pipeline.analyse(Article(id="t", text=text, published="2021-05-10"))
    speakers = [q.speaker.text for q in analysis.quotes if q.speaker is not None]
    assert speakers == ["The fisheries minister"]
    assert all(q.start > text.index("-") for q in analysis.quotes)
