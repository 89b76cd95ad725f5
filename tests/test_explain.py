"""`dragoman explain`: the trace behind each event (trigger, lexicon entry,
parse paths to the parties, status and date cues)."""

from __future__ import annotations

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
    future = explain_event(analysis, _event(analysis, "CONCEDE"))
    assert future["status"] == "future"
    assert "ready" in future["status_reasons"][0]
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
    assert "status:    future" in by_event.output
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
