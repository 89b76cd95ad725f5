"""What a store does with awkward text, foreign files, read-only places, crashes, a
full disk and concurrent creators: refuse clearly, change nothing it should not, lose nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import msgspec
import pytest

from dragoman.analysis import text_sha256
from dragoman.store import ArticleNotStored, DatabaseFailure, Store, StoreError, storable
from dragoman.store.connection import display_name
from test_store import CHILD_TABLES, TEXT_A, TEXT_B, TEXT_C, _downgrade, _record

NUL_TEXT = 'Foreign Minister hosted envoys from\x00Kenya in Lisbon. "Grain\x00 shipments resume," said the minister.'


def _dump(target) -> dict[str, list]:
    """Every stored row but the time of storing, in a stable order: two stores holding
    the same articles dump the same."""
    columns = {
        "articles": "id, text_sha256, title, published, url, source, text, record",
        "quotes": 'article_id, quote_id, kind, text, start, "end", speaker, speaker_actor_id, cue, rule',
    }
    with Store.open(target, read_only=True) as store:
        return {
            table: sorted(map(repr, store._db.execute(f"SELECT {columns.get(table, '*')} FROM {table}").fetchall()))
            for table in ("articles",) + CHILD_TABLES
        }


# -- NUL characters ------------------------------------------------------------------------


def test_nul_is_stored_as_the_replacement_character_with_offsets_intact(store_target):
    record, text = _record("nul", NUL_TEXT)
    record = msgspec.structs.replace(record, title="A\x00title")
    with Store.open(store_target) as store:
        assert store.add(record, text) == "nul"  # PostgreSQL refused the whole article before
        stored = store.get("nul", with_text=True)
        assert stored.text == text.replace("\x00", "\ufffd") and len(stored.text) == len(text)
        assert stored.text_sha256 == text_sha256(stored.text)
        assert stored.title == "A\ufffdtitle"
        [quote] = stored.quotes
        assert quote.text == stored.text[quote.start:quote.end] == "Grain\ufffd shipments resume,"
        for party in stored.events[0].recipient:
            assert stored.text[party.start:party.end] == party.text
        assert store.holds(text)  # the text as read is known, so a rerun skips it
        assert store.add(record, text) is None
        assert [h.article_id for h in store.search("shipments")] == ["nul"]


def test_storable_leaves_a_record_without_nul_as_it_is():
    record, text = _record("a", TEXT_A)
    assert storable(record, text) == (record, text)
    assert storable(record, text)[0] is record


# -- a database refusing one article ----------------------------------------------------------


def test_an_article_postgresql_cannot_index_is_refused_by_name_and_the_next_is_stored(postgres_url):
    """A text whose search vector passes PostgreSQL's 1 MB limit is refused alone."""
    words = " ".join(f"w{n:07d}x{n * 7919 % 100003:05d}" for n in range(120_000))
    huge = f'Foreign Minister hosted envoys from Kenya in Lisbon. "Fine," said the minister. {words}'
    with Store.open(postgres_url) as store:
        with pytest.raises(ArticleNotStored, match=r"^huge: not stored in .*tsvector"):
            store.add(*_record("huge", huge))
        assert store.add(*_record("a", TEXT_A)) == "a"
        assert [s.id for s in store.articles()] == ["a"]


# -- foreign files are refused as they were found -------------------------------------------


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(os.listdir(path.parent))


def _foreign_sqlite(path: Path, user_version: int = 0) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.execute("INSERT INTO notes VALUES ('keep me')")
    db.execute(f"PRAGMA user_version = {user_version}")
    db.commit()
    db.close()


@pytest.mark.parametrize("user_version", [0, 2])
@pytest.mark.parametrize("mode", [{"create": True}, {"read_only": True}])
def test_a_foreign_sqlite_file_is_refused_unchanged(tmp_path, user_version, mode):
    path = tmp_path / "theirs.db"
    _foreign_sqlite(path, user_version)
    before = _snapshot(path)
    with pytest.raises(StoreError, match="theirs.db: an SQLite file that is not a dragoman store"):
        Store.open(path, **mode)
    assert _snapshot(path) == before  # no WAL switch, no -wal/-shm files, no tables
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


def test_a_file_that_is_no_database_is_refused_unchanged(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"these bytes are no database " * 200)
    before = _snapshot(junk)
    with pytest.raises(StoreError, match="junk.db: not a dragoman store"):
        Store.open(junk)
    assert _snapshot(junk) == before


# -- reading changes nothing, and works where nothing can be written ------------------------


def test_reading_a_store_leaves_its_file_as_it_was(tmp_path):
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add(*_record("a", TEXT_A))
    before = path.read_bytes()
    with Store.open(path, read_only=True) as reader:
        assert [h.article_id for h in reader.search("fisheries")] == ["a"]
        assert reader.get("a") is not None and len(reader) == 1
        with pytest.raises(DatabaseFailure, match="readonly"):
            reader.add(*_record("b", TEXT_B))
    assert path.read_bytes() == before
    wal = tmp_path / "news.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite's companion files, left empty


def test_a_store_whose_wal_files_cannot_be_made_is_read_as_it_is_on_disk(tmp_path):
    """On read-only media SQLite cannot make the -wal/-shm files a WAL store wants, and
    even its read-only mode fails. A directory where the -wal file would go does the same
    to SQLite here, whoever runs the test (root ignores file permissions)."""
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add(*_record("a", TEXT_A))
    (tmp_path / "news.db-wal").mkdir()
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True).execute("SELECT 1 FROM articles")
    before = path.read_bytes()
    with Store.open(path, read_only=True) as reader:
        assert [h.article_id for h in reader.search("fisheries")] == ["a"]
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match=r"news.db: cannot write \("):
        Store.open(path)


def test_an_older_store_is_read_without_being_upgraded(store_target):
    with Store.open(store_target) as store:
        store.add(*_record("a", TEXT_A))
    _downgrade(store_target, 1)
    with Store.open(store_target, read_only=True) as reader:
        assert reader.get("a").quotes[0].text == "Fisheries cooperation will deepen,"
        assert [h.article_id for h in reader.search("fisheries")] == ["a"]
    if str(store_target).startswith("postgresql://"):
        import psycopg

        with psycopg.connect(store_target) as db:
            assert db.execute("SELECT max(version) FROM dragoman_schema").fetchone()[0] == 1
    else:
        assert sqlite3.connect(store_target).execute("PRAGMA user_version").fetchone()[0] == 1


def test_reading_postgresql_cannot_write(postgres_url):
    Store.open(postgres_url).close()
    with Store.open(postgres_url, read_only=True) as reader:
        with pytest.raises(DatabaseFailure, match="read-only transaction"):
            reader.add(*_record("a", TEXT_A))
        assert len(reader) == 0


# -- places no store can be made in ---------------------------------------------------------


def test_a_directory_or_a_path_through_a_file_is_refused_by_name(tmp_path):
    with pytest.raises(StoreError, match=r"is a directory"):
        Store.open(tmp_path)
    (tmp_path / "plain.txt").write_text("x")
    with pytest.raises(StoreError, match=r"plain.txt/news.db: cannot write \(.*plain.txt is a file, not a folder\)"):
        Store.open(tmp_path / "plain.txt" / "news.db")


# -- crashes and a full disk: a rerun completes the store as if nothing had happened ----------


@pytest.fixture
def clean_target(store_target, tmp_path, request):
    """Another empty store on the same database as `store_target`."""
    if "://" not in store_target:
        yield str(tmp_path / "clean.db")
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    name = f"dragoman_clean_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield server.replace("/postgres?", f"/{name}?", 1)
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _clean_run(target) -> dict[str, list]:
    with Store.open(target) as store:
        for name, text in (("a", TEXT_A), ("b", TEXT_B), ("c", TEXT_C)):
            store.add(*_record(name, text))
    return _dump(target)


# where a writer is killed: after the article row, amid its layers, with every row written but not committed
KILL_MOMENTS = {
    "after-article-row": "store_module.Store._insert_layers = lambda self, record: die()",
    "amid-layers": "store_module._quote_row = lambda *args: die()",
    "before-commit": textwrap.dedent(
        """
        insert_layers = store_module.Store._insert_layers
        def layers_then_die(self, record):
            insert_layers(self, record)
            die()
        store_module.Store._insert_layers = layers_then_die
        """
    ),
}


@pytest.mark.parametrize("moment", KILL_MOMENTS)
def test_a_rerun_after_kill_9_completes_the_store_identically(store_target, clean_target, moment):
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import dragoman.store.base as store_module
        from test_store import _record as make
        def die():
            os.kill(os.getpid(), signal.SIGKILL)
        store = store_module.Store.open({store_target!r})
        store.add(*make("a", {TEXT_A!r}))
        """
    ) + KILL_MOMENTS[moment] + f"\nstore.add(*make('b', {TEXT_B!r}))\n"
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert killed.returncode == -9, killed.stderr.decode()
    with Store.open(store_target) as store:
        assert [s.id for s in store.articles()] == ["a"]
    assert _dump_after_rerun(store_target) == _clean_run(clean_target)


def _dump_after_rerun(target) -> dict[str, list]:
    with Store.open(target) as store:
        for name, text in (("a", TEXT_A), ("b", TEXT_B), ("c", TEXT_C)):
            store.add(*_record(name, text))
    return _dump(target)


def test_a_full_disk_stops_the_writer_and_a_rerun_completes_identically(tmp_path):
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add(*_record("a", TEXT_A))
        store._db.execute("PRAGMA max_page_count = 1")  # the file may not grow: SQLite's own "disk full"
        with pytest.raises(DatabaseFailure, match="news.db: database or disk is full") as failed:
            for name, text in (("b", TEXT_B), ("c", TEXT_C)):
                store.add(*_record(name, text))
        assert not failed.value.rejected_values  # the database failed, not this article
        assert [s.id for s in store.articles()] == ["a"]
    assert _dump_after_rerun(path) == _clean_run(tmp_path / "clean.db")


# -- two first writers at once ---------------------------------------------------------------


def _open_like_a_first_ingest(target, failures: list, barrier: threading.Barrier) -> None:
    """What `dragoman ingest` opens in a database: the store, the actor registry, the sources' homes."""
    from dragoman.resolve.registry import Registry
    from dragoman.resolve.source_homes import SourceHomes

    try:
        barrier.wait()
        with Store.open(target), Registry(target), SourceHomes(target):
            pass
    except BaseException as exc:  # reported in the test's thread
        failures.append(exc)


def _three_first_ingests_at_once(target: str, failures: list) -> None:
    barrier = threading.Barrier(3)
    threads = [threading.Thread(target=_open_like_a_first_ingest, args=(target, failures, barrier)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_first_ingests_into_an_empty_postgresql_database_at_once_all_succeed(postgres_server, postgres_url):
    import psycopg

    failures: list[BaseException] = []
    for round_ in range(4):  # each round a fresh, empty database
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        _three_first_ingests_at_once(postgres_url, failures)
    assert failures == []
    with Store.open(postgres_url, create=False) as store:
        assert len(store) == 0


def test_first_ingests_into_a_new_sqlite_file_at_once_all_succeed(tmp_path):
    failures: list[BaseException] = []
    for round_ in range(4):
        path = tmp_path / f"news{round_}.db"
        _three_first_ingests_at_once(str(path), failures)
    assert failures == []


# -- passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, shown",
    [
        ("postgresql://alice:s3cret@db/news", "postgresql://alice:***@db/news"),
        ("postgresql://alice@db/news?password=s3cret", "postgresql://alice@db/news?password=***"),
        ("postgresql:///news?host=/tmp&PASSWORD=s3cret&sslmode=off", "postgresql:///news?host=/tmp&PASSWORD=***&sslmode=off"),
    ],
)
def test_a_password_is_masked_wherever_the_url_gives_it(url, shown):
    assert display_name(url) == shown
