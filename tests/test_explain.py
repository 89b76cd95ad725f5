"""`dragoman explain`: the trace behind each event (trigger, lexicon entry,
parse paths to the parties, status and date cues)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dragoman.extractors.events import dependency_path, explain_event
from dragoman.extractors.lexicon import entry_source, load_lexicon
from dragoman.pipeline import Pipeline
from dragoman.query.explain import explain_command
from dragoman.records import Article

TEXT = (
    "Armenia ready to pull soldiers\n\n"
    "Armenia is ready to withdraw its soldiers from Georgia, officials in Yerevan said. "
    "Egyptian police did not arrest the protesters in Cairo on Monday."
)


@pytest.fixture(scope="module")
def analysis():
    return Pipeline().analyse(Article(id="t", text=TEXT, published="2024-05-10"))


def _event(analysis, event_type):
    return next(e for e in analysis.events if e.event == event_type)


def test_trace_gives_paths_from_trigger_to_parties(analysis):
    trace = explain_event(analysis, _event(analysis, "CONCEDE"))
    assert trace["lexicon"] == _event(analysis, "CONCEDE").lexicon
    (actor, actor_path), = trace["actor_paths"]
    assert actor_path.startswith("withdraw ↑xcomp ready")
    assert actor_path.endswith("↓nsubj Armenia")
    assert trace["recipient_paths"] == [("Georgia", "withdraw ↓prep from ↓pobj Georgia")]


def test_trace_says_why_status_was_chosen(analysis):
    stated = explain_event(analysis, _event(analysis, "CONCEDE"))
    assert stated["status"] == "occurred"  # a readiness the doer states: the statement occurred
    assert "ready" in stated["status_reasons"][0]
    assert "intent stated" in stated["status_reasons"][-1]
    negated = explain_event(analysis, _event(analysis, "COERCE"))
    assert negated["status"] == "negated"
    assert "not" in negated["status_reasons"][0]
    assert negated["date"] == "Monday" and negated["date_source"] == "clause"


def test_entry_source_is_the_lexicon_line():
    entry = next(e for e in load_lexicon().entries if e.lemma == "withdraw")
    assert "lemma: withdraw" in entry_source(entry.id)
    assert entry_source("events.yaml:999999") is None


def test_dependency_path_across_siblings(analysis):
    doc = analysis.doc
    verb = next(t for t in doc if t.text == "arrest")
    obj = next(t for t in doc if t.text == "protesters")
    assert dependency_path(verb, obj) == "arrest ↓dobj protesters"


def test_cli_explains_an_event_and_a_sentence(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    by_event = runner.invoke(explain_command, [str(path), "--published", "2024-05-10", "--event", "E1"])
    assert by_event.exit_code == 0, by_event.output
    assert "lexicon:   events.yaml:" in by_event.output
    assert "path: withdraw" in by_event.output
    assert "status:    occurred" in by_event.output  # the readiness is stated
    by_sentence = runner.invoke(explain_command, [str(path), "--published", "2024-05-10", "--sentence", "3"])
    assert by_sentence.exit_code == 0, by_sentence.output
    assert "COERCE" in by_sentence.output and "negated" in by_sentence.output


def test_cli_reports_unknown_event_and_bad_usage(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    missing = runner.invoke(explain_command, [str(path), "--event", "E99"])
    assert missing.exit_code != 0 and "no event for event E99" in missing.output
    both = runner.invoke(explain_command, [str(path)])
    assert both.exit_code == 2


def test_cli_makes_the_user_pick_one_of_many_articles(tmp_path):
    other = "Kenyan police arrested two traders in Mombasa on Friday."
    feed = tmp_path / "feed.jsonl"
    records = [{"id": f"wire-{i}", "text": other} for i in range(6)] + [{"id": "armenia", "text": TEXT}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n", encoding="utf-8")
    runner = CliRunner()
    unpicked = runner.invoke(explain_command, [str(feed), "--event", "E1"])
    assert unpicked.exit_code == 2
    assert "holds 8 articles, 1 of them unreadable" in unpicked.output
    assert "--article ID (ids: wire-0, wire-1, wire-2, wire-3, wire-4, ...)" in unpicked.output
    picked = runner.invoke(explain_command, [str(feed), "--article", "armenia", "--published", "2024-05-10",
                                             "--sentence", "3"])
    assert picked.exit_code == 0, picked.output
    assert "COERCE" in picked.output and "negated" in picked.output
    unknown = runner.invoke(explain_command, [str(feed), "--article", "nope", "--event", "E1"])
    assert unknown.exit_code == 1 and "no article with id 'nope'; it holds 8 articles" in unknown.output


def test_cli_explains_one_article_of_a_directory(tmp_path):
    (tmp_path / "armenia.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "kenya.txt").write_text("Kenyan police arrested two traders in Mombasa.", encoding="utf-8")
    runner = CliRunner()
    unpicked = runner.invoke(explain_command, [str(tmp_path), "--event", "E1"])
    assert unpicked.exit_code == 2 and "holds 2 articles" in unpicked.output
    picked = runner.invoke(explain_command, [str(tmp_path), "--article", "kenya", "--event", "E1"])
    assert picked.exit_code == 0, picked.output
    assert "trigger:   'arrested'" in picked.output
    help_text = runner.invoke(explain_command, ["--help"]).output
    assert "--article" in help_text and "dragoman explain feed.jsonl --article" in help_text


def test_cli_explains_an_event_of_a_stored_article_as_stored(tmp_path):
    """A store given as FILE: the article is named by id, its events are shown as they were
    stored (a confidence set apart here, to tell them from the new analysis) and traced."""
    import msgspec

    from dragoman.store import Store

    record = Pipeline().analyse(Article(id="armenia", text=TEXT, published="2024-05-10")).to_record()
    arrest = _event(record, "COERCE")
    stored = msgspec.structs.replace(record, events=[
        msgspec.structs.replace(e, confidence=0.123) if e.id == arrest.id else e for e in record.events])
    db = str(tmp_path / "news.db")
    with Store.open(db) as store:
        store.add(stored, TEXT)
    runner = CliRunner()
    shown = runner.invoke(explain_command, [db, "--article", "armenia", "--event", arrest.id])
    assert shown.exit_code == 0, shown.output
    assert "confidence 0.123" in shown.output and "status:    negated" in shown.output
    assert "path: arrest" in shown.output  # traced in the text analysed again
    by_sentence = runner.invoke(explain_command, [db, "--article", "armenia", "--sentence", "3"])
    assert by_sentence.exit_code == 0 and "confidence 0.123" in by_sentence.output
    unnamed = runner.invoke(explain_command, [db, "--event", "E1"])
    assert unnamed.exit_code == 2 and "is a store: name a stored article with --article ID" in unnamed.output
    unknown = runner.invoke(explain_command, [db, "--article", "nope", "--event", "E1"])
    assert unknown.exit_code == 1 and "no article with id 'nope'" in unknown.output
