"""One batch holding every kind of input that used to stop a batch or lose articles
(issue 16), beside good articles, ingested into each store: every good article is
stored, every bad one is named on stderr, and the exit status says some inputs failed."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from dragoman.cli import EXIT_INPUT_ERRORS, main
from dragoman.ingest import readers
from dragoman.store import Store

GOOD = {
    "harbour": "Coast guards towed a damaged ferry into the harbour of Brindisi on Tuesday.",
    "talks": "Delegates from Chile and Peru met in Lima on Monday to discuss fishing rights.",
    "strike": "Dock workers in Rotterdam went on strike on Wednesday over pay.",
}
CAP = 512 * 1024  # bytes an input may have, lowered so the pipe below is quick to fill


def _deep_json() -> str:
    return "[" * 10_000 + "]" * 10_000


@pytest.fixture
def hostile_batch(tmp_path, monkeypatch, feed_fifo):
    """A folder of good and bad inputs, and a pipe past the byte cap beside it."""
    monkeypatch.setattr(readers, "MAX_BYTES", CAP)
    batch = tmp_path / "batch"
    batch.mkdir()
    for name, text in GOOD.items():
        (batch / f"{name}.txt").write_text(text, encoding="utf-8")
    (batch / "transcript.txt").write_text("The minister spoke again. " * 10_000, encoding="utf-8")  # > MAX_TEXT_CHARS
    (batch / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "nul", "text": "Rescuers reached the village\u0000 of Arta on Friday."}),
        '{"id": "deep", "text": "x", "extra": ' + _deep_json() + "}",
        '{"id": "half-pair", "text": "Envoys met \\ud83d in the capital."}',
        json.dumps({"id": "harbour", "text": "A second text that claims the id of the harbour story."}),
    ]) + "\n", encoding="utf-8")
    (batch / "crawl.txt").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>")
    (batch / "wire.txt").write_bytes(gzip.compress(b"Compressed wire copy."))
    (batch / "report.txt").write_bytes(b"%PDF-1.7\n%binary")
    (batch / "archive.txt").write_bytes("Les d\u00e9l\u00e9gu\u00e9s sont arriv\u00e9s.".encode("latin-1"))
    feed_fifo(tmp_path / "endless", b"words and more words " * (CAP // 16))
    return [str(batch), str(tmp_path / "endless")]


def test_a_hostile_batch_stores_every_good_article_and_names_every_bad_one(hostile_batch, store_target):
    result = CliRunner().invoke(main, ["ingest", *hostile_batch, "--db", store_target])
    assert result.exit_code == EXIT_INPUT_ERRORS, result.output
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    named = {
        "transcript.txt": "longer than the 200,000",
        "feed.jsonl:2": "JSON nested too deeply",
        "feed.jsonl:3": "lone surrogate",
        "crawl.txt record 1 at offset 0": "broken WARC record",
        "wire.txt": "gzip-compressed",
        "report.txt": "a PDF document",
        "archive.txt": "not UTF-8 text",
        "endless": "larger than",
    }
    for name, problem in named.items():
        assert any(name in line and problem in line for line in errors), (name, result.stderr)
    assert len(errors) == len(named)
    assert f"{len(GOOD) + 2} added, 0 already stored, {len(named)} failed" in result.stderr

    with Store.open(store_target, read_only=True) as store:
        stored = {summary.id for summary in store.articles()}
        assert set(GOOD) | {"nul"} <= stored
        assert len(stored) == len(GOOD) + 2  # and the second "harbour" under a new id
        nul = store.get("nul", with_text=True)
        assert "\u0000" not in nul.text and nul.text.index("\ufffd") == len("Rescuers reached the village")
