"""Long texts and articles that fail in annotation: one article never stops a batch.

Texts past `PIECE_CHARS` are parsed in pieces; these tests lower the limit so
a few paragraphs stand for a million-character transcript (bench/long_text.py
measures the real size)."""

from __future__ import annotations

import gc
import json

import pytest
from click.testing import CliRunner

from dragoman.annotate import nlp
from dragoman.annotate.nlp import _batches, load_nlp, parse, split_text
from dragoman.cli import main
from dragoman.ingest.readers import make_article
from dragoman.pipeline import Pipeline

# our own wording
PARAGRAPHS = [
    "The harbour council of Valdoria met in Lisbon on Tuesday. Its chair, Marta Ellison, delayed the vote.",
    "Ministers from Norway and Chile signed a fisheries pact in Santiago.\nThey pledged to monitor quotas.",
    '"We will not accept another delay," a spokesman for the dock workers told reporters in Porto.',
    "Police in Lyon arrested four protesters after a march turned violent late on Friday.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


@pytest.mark.parametrize("limit", [40, 90, 150, 400, len(TEXT)])
def test_pieces_join_back_to_the_text_and_keep_to_the_limit(limit):
    pieces = split_text(TEXT, limit)
    assert "".join(pieces) == TEXT
    assert all(0 < len(piece) <= limit for piece in pieces)
    assert len(pieces) == 1 if limit >= len(TEXT) else len(pieces) > 1


def test_pieces_end_at_the_best_cut_in_their_second_half():
    assert split_text("First paragraph here.\n\nSecond one, a bit longer.", 30) == [
        "First paragraph here.\n\n", "Second one, a bit longer."]
    assert split_text("Line one of a speech\nline two of the speech", 30) == [
        "Line one of a speech\n", "line two of the speech"]
    assert split_text("He spoke at length. Then she answered", 30) == ["He spoke at length. ", "Then she answered"]
    assert split_text("words without any stop at all here", 20) == ["words without any ", "stop at all here"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no place to cut: cut hard


def test_a_parse_batch_holds_at_most_batch_chars_unless_one_piece_is_that_long(monkeypatch):
    monkeypatch.setattr(nlp, "BATCH_CHARS", 100)
    pieces = [("a" * n, i) for i, n in enumerate([30, 30, 30, 30, 100, 5, 5, 5])]
    assert [[i for _, i in batch] for batch in _batches(pieces, 3)] == [[0, 1, 2], [3], [4], [5, 6, 7]]


def test_a_long_text_parses_in_pieces_into_one_doc_of_the_whole_text(monkeypatch):
    monkeypatch.setattr(nlp, "PIECE_CHARS", 250)
    assert len(split_text(TEXT, 250)) > 3
    short, doc = parse(["A short one in Oslo.", TEXT])
    assert short.text == "A short one in Oslo."
    assert doc.text == TEXT
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    # entities of the last piece carry offsets into the whole text
    lyon = [e for e in doc.ents if e.text == "Lyon"]
    assert len(lyon) == 3 and lyon[-1].start_char == TEXT.rindex("Lyon")
    starts = {s.start_char for s in doc.sents}
    assert all(TEXT.index(p) in starts for p in PARAGRAPHS)  # every paragraph starts a sentence


def test_the_whole_pipeline_on_a_text_in_pieces_gives_offsets_into_the_text(monkeypatch):
    monkeypatch.setattr(nlp, "PIECE_CHARS", 250)
    record = Pipeline().analyse(make_article(TEXT, id="long", published="2024-03-22")).to_record()
    assert record.quotes and record.places
    assert all(TEXT[p.start:p.end] == p.text for p in record.places)
    assert all(TEXT[q.start:q.end] == q.text for q in record.quotes)
    assert [p.start for p in record.places if p.text == "Lyon"][-1] == TEXT.rindex("Lyon")


def test_a_text_past_the_article_limit_is_refused_by_name_and_the_rest_stored(monkeypatch, tmp_path):
    monkeypatch.setattr("dragoman.ingest.readers.MAX_TEXT_CHARS", 500)
    for name, text in (("a_transcript.txt", TEXT), ("b_short.txt", PARAGRAPHS[0]), ("c_short.txt", PARAGRAPHS[3])):
        (tmp_path / name).write_text(text)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "news.db"),
                                       "--published", "2024-03-22"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"dragoman: error: {tmp_path / 'a_transcript.txt'}: text of {len(TEXT):,} characters is longer than "
        "the 500 an article may have; split it into several articles",
        "dragoman: 2 added, 0 already stored, 1 failed",
    ]


@pytest.fixture
def parse_refuses_long_texts(monkeypatch):
    """spaCy's own limit, met: pieces as long as the limit allows, and a low nlp.max_length."""
    monkeypatch.setattr(nlp, "PIECE_CHARS", 10**9)
    monkeypatch.setattr(load_nlp(), "max_length", 200)


def _records(*texts: str) -> str:
    return "".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts, start=1))


def test_an_article_failing_in_annotation_is_handed_over_and_the_batch_goes_on(parse_refuses_long_texts):
    articles = [make_article(t, id=f"a{n}") for n, t in enumerate([PARAGRAPHS[0], TEXT, PARAGRAPHS[3]], start=1)]
    failed = []
    done = [a.article.id for a in Pipeline().run(articles, on_error=lambda art, exc: failed.append(art.id))]
    assert done == ["a1", "a3"] and failed == ["a2"]
    with pytest.raises(ValueError):  # without on_error the failure is the caller's
        list(Pipeline().run(articles))


@pytest.mark.parametrize("backend", [[], ["--dask", "synchronous"]], ids=["local", "dask"])
def test_extract_and_ingest_name_the_failed_article_and_keep_the_others(parse_refuses_long_texts, tmp_path, backend):
    if backend:
        pytest.importorskip("dask.bag")
    runner = CliRunner()
    feed = _records(TEXT, PARAGRAPHS[0], PARAGRAPHS[3])  # the long one first, as in the report
    extracted = runner.invoke(main, ["extract", "-", "--published", "2024-03-22", *backend], input=feed)
    assert extracted.exit_code == 1
    assert [json.loads(line)["id"] for line in extracted.stdout.splitlines()] == ["a2", "a3"]
    assert extracted.stderr.startswith("dragoman: error: a1: extraction failed: ValueError(")
    ingested = runner.invoke(main, ["ingest", "-", "--db", str(tmp_path / "news.db"), "--published", "2024-03-22",
                                    *backend], input=feed)
    assert ingested.exit_code == 1
    assert "dragoman: 2 added, 0 already stored, 1 failed" in ingested.stderr


def test_an_unknown_encoding_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Quiet day.")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--encoding", "klingon"])
    assert result.exit_code == 2 and "unknown text encoding 'klingon'" in result.stderr


def test_records_in_memory_zones_equal_the_analyses_and_free_the_words_they_added():
    """`Pipeline.records` (what extract and ingest run) gives the records `run` gives,
    while the words its batches add to the vocabulary are gone afterwards."""
    invented = ["Zorvathian", "Quellmark", "Brindlewick"]  # words the model's vocabulary lacks
    articles = [make_article(f"{p} Envoys from {w} met in Oslo.", id=f"z{i}", published="2024-05-02")
                for i, (p, w) in enumerate(zip(PARAGRAPHS, invented + ["Norway"]))]
    pipeline = Pipeline(batch_size=2)
    strings = load_nlp().vocab.strings
    assert not any(w in strings for w in invented)
    zoned = list(pipeline.records(articles, with_text=True))
    assert not any(w in strings for w in invented)
    assert zoned == [a.to_record(with_text=True) for a in pipeline.run(articles)]


def test_the_loaded_model_is_out_of_the_cyclic_collectors_reach():
    """The model lives as long as the process: full collections during a run skip it."""
    model = load_nlp()
    assert gc.get_freeze_count() > 0
    assert not any(o is model for o in gc.get_objects())
