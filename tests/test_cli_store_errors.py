"""The command line when the store or stdout fails: one line naming it and the cause,
exit status 4, no traceback; and a batch that goes on past an article a store cannot take."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman import cli
from dragoman.cli import main
from dragoman.store import Store
from test_store import TEXT_A, _record
from test_store_safety import _dump

SRC = str(Path(__file__).resolve().parents[1] / "src")

# our own wording
FIRST = "Chile's foreign minister met her Peruvian counterpart in Lima on Tuesday."
SECOND = "Kenya's president opened a new rail line in Mombasa on Friday."
THIRD = "Norway pledged new funds for flood relief in Bangladesh on Monday."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _one_error_line(result, *needles: str) -> str:
    assert result.exit_code == cli.EXIT_STORE_OR_OUTPUT, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    for needle in needles:
        assert needle in line
    return line


def test_places_no_store_can_be_in_are_one_line_each(runner, tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    article = str(tmp_path / "a.txt")
    _one_error_line(runner.invoke(main, ["ingest", article, "--db", str(tmp_path)]), str(tmp_path), "is a directory")
    _one_error_line(runner.invoke(main, ["ingest", article, "--db", f"{article}/news.db"]),
                    "a.txt/news.db: cannot write", "a.txt is a file, not a folder")
    _one_error_line(runner.invoke(main, ["show", str(tmp_path / "none.db")]), "none.db: no such store")
    _one_error_line(runner.invoke(main, ["search", str(tmp_path), "x"]), "is a directory")


def test_a_foreign_sqlite_file_is_refused_by_every_command_and_left_alone(runner, tmp_path):
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = other.read_bytes()
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    for args in (["ingest", str(tmp_path / "a.txt"), "--db", str(other)], ["show", str(other)],
                 ["search", str(other), "x"]):
        _one_error_line(runner.invoke(main, args), "other.db: an SQLite file that is not a dragoman store")
    assert other.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["a.txt", "other.db"]


def test_a_password_in_the_url_query_is_never_printed(runner, tmp_path):
    pytest.importorskip("psycopg")
    url = f"postgresql://alice@/news?host={tmp_path}&password=s3cret&connect_timeout=2"
    line = _one_error_line(runner.invoke(main, ["search", url, "x"]), "password=***", "cannot connect")
    assert "s3cret" not in line


def test_a_store_that_cannot_be_written_is_still_read(runner, tmp_path):
    """SQLite cannot make the -wal file beside this store (a directory is in its way, as on
    read-only media): show and search read it, ingest says it cannot write."""
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add(*_record("a", TEXT_A))
    (tmp_path / "news.db-wal").mkdir()
    before = path.read_bytes()
    listed = runner.invoke(main, ["show", str(path)])
    assert listed.exit_code == 0 and listed.stdout.startswith("a\t"), listed.output
    [hit] = [json.loads(line) for line in runner.invoke(main, ["search", str(path), "fisheries"]).stdout.splitlines()]
    assert hit["article_id"] == "a"
    (tmp_path / "b.txt").write_text(FIRST, encoding="utf-8")
    _one_error_line(runner.invoke(main, ["ingest", str(tmp_path / "b.txt"), "--db", str(path)]),
                    "news.db: cannot write")
    assert path.read_bytes() == before


def _jsonl(path: Path, texts: dict[str, str]) -> str:
    path.write_text("".join(json.dumps({"id": key, "text": text, "published": "2024-05-07"}) + "\n"
                            for key, text in texts.items()), encoding="utf-8")
    return str(path)


def test_a_nul_in_one_article_is_stored_like_any_other_character_in_both_stores(runner, tmp_path, store_target):
    batch = _jsonl(tmp_path / "batch.jsonl", {"one": FIRST, "two": SECOND.replace("rail", "rail\x00"), "three": THIRD})
    result = runner.invoke(main, ["ingest", batch, "--db", store_target])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 already stored, 0 failed" in result.stderr
    assert "two: NUL characters (U+0000) stored as U+FFFD" in result.stderr
    with Store.open(store_target, read_only=True) as store:
        assert sorted(s.id for s in store.articles()) == ["one", "three", "two"]
        two = store.get("two", with_text=True)
        assert two.text == SECOND.replace("rail", "rail\ufffd")
        for place in two.places:
            assert two.text[place.start:place.end] == place.text
    again = runner.invoke(main, ["ingest", batch, "--db", store_target])
    assert "0 added, 3 already stored" in again.stderr


def test_a_full_disk_stops_ingest_in_one_line_and_a_rerun_completes_it(runner, tmp_path, monkeypatch):
    import dragoman.store.sqlite as sqlite_store

    batch = _jsonl(tmp_path / "batch.jsonl", {"one": FIRST, "two": SECOND, "three": THIRD})
    db, clean = str(tmp_path / "news.db"), str(tmp_path / "clean.db")
    writable = sqlite_store.connect

    def connect_to_a_full_disk(path, **options):
        connection = writable(path, **options)
        if not options.get("read_only"):
            connection.execute("PRAGMA max_page_count = 1")  # SQLite's own "disk full"
        return connection

    first = _jsonl(tmp_path / "first.jsonl", {"one": FIRST})
    assert runner.invoke(main, ["ingest", first, "--db", db]).exit_code == 0
    monkeypatch.setattr(sqlite_store, "connect", connect_to_a_full_disk)
    full = runner.invoke(main, ["ingest", batch, "--db", db])
    _one_error_line(full, "news.db: database or disk is full")
    monkeypatch.undo()
    with Store.open(db, read_only=True) as store:
        assert "three" not in {s.id for s in store.articles()}  # the run stopped at the full disk
    rerun = runner.invoke(main, ["ingest", batch, "--db", db])
    assert rerun.exit_code == 0 and "0 failed" in rerun.stderr, rerun.output
    assert runner.invoke(main, ["ingest", batch, "--db", clean]).exit_code == 0
    assert _dump(db) == _dump(clean)


# -- stdout ---------------------------------------------------------------------------------


def _run(args: list[str], stdout) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "dragoman.cli", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=120)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_stdout_is_one_line_naming_it(tmp_path):
    with Store.open(tmp_path / "news.db") as store:
        store.add(*_record("a", TEXT_A))
    gold = tmp_path / "actors.jsonl"
    gold.write_text('{"text": "Norwegian coast guard", "country": "NOR", "sector": "MIL"}\n', encoding="utf-8")
    for args in (["schema"], ["search", str(tmp_path / "news.db"), "fisheries"], ["eval", "actors", str(gold)]):
        with open("/dev/full", "w") as full:
            done = _run(args, full)
        assert done.returncode == cli.EXIT_STORE_OR_OUTPUT
        assert done.stderr.strip() == "Error: <stdout>: cannot write (No space left on device)"


def test_a_closed_pipe_on_stdout_stops_quietly_with_the_sigpipe_status():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone, as after `| head -0`
    try:
        done = _run(["schema"], write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == ""
