"""The stores: round trips, idempotent re-adds, crash safety, search — on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import msgspec
import pytest

import dragoman.store.base as store_module
from dragoman.analysis import text_sha256
from dragoman.records import (
    Actor,
    ArticleRecord,
    Claim,
    DateMention,
    Event,
    Offsets,
    Party,
    Place,
    Quote,
    Speaker,
    Trigger,
)
from dragoman.store import Store, StoreError
from dragoman.store.base import SCHEMA_VERSION

CHILD_TABLES = ("actors", "events", "parties", "quotes", "places", "claims", "dates")


def _record(article_id: str, text: str, published: str = "2024-06-03") -> tuple[ArticleRecord, str]:
    """A hand-made record for a text shaped like 'A met B in C. "Q," said A.'"""
    host = text.index("Lisbon")
    guest = text.index("Kenya")
    quote_start = text.index('"') + 1
    quote_end = text.index('"', quote_start)
    minister = Actor(id="a1", name="Foreign Minister", country="PRT", sector="GOV", kind="person", mentions=[(0, 16)])
    kenya = Actor(id="a2", name="Kenya", country="KEN", sector="GOV", kind="country", mentions=[(guest, guest + 5)])
    event = Event(
        id="e1",
        event="CONSULT",
        mode="visit",
        cameo="042",
        quad=1,
        actor=[Party(text="Foreign Minister", start=0, end=16, actor_id="a1", country="PRT", sector="GOV")],
        recipient=[Party(text="Kenya", start=guest, end=guest + 5, actor_id="a2", country="KEN", sector="GOV")],
        date=DateMention(text="on Monday", start=0, end=0, value=published, precision="day"),
        place=Place(text="Lisbon", start=host, end=host + 6, name="Lisbon", country="PRT", lat=38.72, lon=-9.14),
        sentence=Offsets(start=0, end=text.index(".") + 1),
        trigger=Trigger(text="hosted", start=17, end=23),
        rule="verb:active",
        lexicon="events.yaml:12",
        confidence=0.9,
    )
    quote = Quote(
        id="q1",
        kind="direct",
        text=text[quote_start:quote_end],
        start=quote_start,
        end=quote_end,
        speaker=Speaker(text="the minister", start=quote_end + 7, end=quote_end + 19, actor_id="a1", name="Foreign Minister"),
        cue=Trigger(text="said", start=quote_end + 2, end=quote_end + 6),
        rule="quote:said",
    )
    record = ArticleRecord(
        id=article_id,
        title=f"Report {article_id}",
        published=published,
        source="Test Wire",
        text_sha256=text_sha256(text),
        actors=[minister, kenya],
        events=[event],
        quotes=[quote],
        places=[event.place],
        dates=[event.date],
        claims=[Claim(text="two", start=0, end=3, value=2.0, kind="cardinal")],
    )
    return record, text


TEXT_A = 'Foreign Minister hosted envoys from Kenya in Lisbon. "Fisheries cooperation will deepen," said the minister.'
TEXT_B = 'Foreign Minister hosted a delegation from Kenya in Lisbon again. "Shipping lanes stay open," said the minister.'
TEXT_C = 'Foreign Minister hosted Kenya in Lisbon for a third round. "Drought relief comes first," said the minister.'


def _counts(target) -> dict[str, int]:
    """Rows per table, read through a connection of its own (what another process would see)."""
    with Store.open(target, create=False) as other:
        return {t: other._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles",) + CHILD_TABLES}


def _counts_for_one_article() -> dict[str, int]:
    return {"articles": 1, "actors": 2, "events": 1, "parties": 2, "quotes": 1, "places": 1, "claims": 1, "dates": 1}


@pytest.fixture
def target(store_target):
    return store_target


@pytest.fixture
def store(target):
    with Store.open(target) as opened:
        yield opened


def test_open_creates_schema_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "dir" / "s.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "articles_fts", "quotes_fts", *CHILD_TABLES} <= tables
    db.close()
    Store.open(path).close()  # reopening an existing store is fine


def test_open_without_create_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()
    Store.open(tmp_path / "present.db").close()
    Store.open(tmp_path / "present.db", create=False).close()


def test_open_refuses_foreign_files(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(junk)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a dragoman store"):
        Store.open(other)


def test_add_get_round_trip_and_plain_tables(store):
    record, text = _record("a", TEXT_A)
    assert store.add(record, text) == "a"
    assert store.has(record.text_sha256)
    assert store.get("a") == record
    assert store.get("a", with_text=True).text == text
    assert store.get("missing") is None
    rows = store._db.execute(
        "SELECT event, actor_countries, recipient_countries, place_country, date_value, trigger FROM events"
    ).fetchall()
    assert rows == [("CONSULT", "PRT", "KEN", "PRT", "2024-06-03", "hosted")]
    assert store._db.execute("SELECT speaker, speaker_actor_id, cue FROM quotes").fetchall() == [
        ("Foreign Minister", "a1", "said")
    ]
    assert store._db.execute("SELECT side, country FROM parties ORDER BY side").fetchall() == [
        ("actor", "PRT"),
        ("recipient", "KEN"),
    ]
    assert [s.id for s in store.articles()] == ["a"]


def test_a_month_value_round_trips_and_its_days_fill_the_plain_tables(store):
    record, text = _record("a", TEXT_A)
    month = DateMention(text="in May", start=0, end=0, value="2024-05", first="2024-05-01", last="2024-05-31",
                        precision="month")
    record = msgspec.structs.replace(record, events=[msgspec.structs.replace(record.events[0], date=month)],
                                     dates=[month])
    store.add(record, text)
    assert store.get("a") == record
    assert store._db.execute("SELECT date_value, date_first, date_last FROM events").fetchall() == [
        ("2024-05", "2024-05-01", "2024-05-31")]
    # a hand-written record may give a year's value alone: the store still keeps its days
    other, other_text = _record("b", TEXT_B)
    year = DateMention(text="in 2023", start=0, end=0, value="2023", precision="year")
    store.add(msgspec.structs.replace(other, events=[msgspec.structs.replace(other.events[0], date=year)],
                                      dates=[year]), other_text)
    assert store._db.execute("SELECT value, first, last FROM dates WHERE article_id = 'b'").fetchall() == [
        ("2023", "2023-01-01", "2023-12-31")]
    assert store._db.execute("SELECT date_first, date_last FROM events WHERE article_id = 'b'").fetchall() == [
        ("2023-01-01", "2023-12-31")]


def test_same_content_twice_adds_nothing_twice(store, target):
    record, text = _record("a", TEXT_A)
    assert store.add(record, text) == "a"
    before = _counts(target)
    renamed = msgspec.structs.replace(record, id="a-copy")
    assert store.add(record, text) is None
    assert store.add(renamed, text) is None  # same text under another id is still the same article
    assert _counts(target) == before
    assert before == _counts_for_one_article()


def test_new_text_under_same_id_is_kept_beside_the_old_one(store, target):
    assert store.add(*_record("a", TEXT_A)) == "a"
    record_b, text_b = _record("a", TEXT_B)
    new_id = store.add(record_b, text_b)
    assert new_id == f"a~{record_b.text_sha256[:8]}"
    assert _counts(target)["quotes"] == 2
    assert store.get(new_id).quotes[0].text == "Shipping lanes stay open,"
    assert [hit.article_id for hit in store.search_quotes("fisheries")] == ["a"]  # the old one is intact
    assert [hit.article_id for hit in store.search_quotes("shipping")] == [new_id]


def test_text_must_match_record_hash(store):
    record, _ = _record("a", TEXT_A)
    with pytest.raises(ValueError, match="text_sha256"):
        store.add(record, TEXT_B)


def test_exception_mid_add_leaves_no_partial_article(store, target, monkeypatch):
    store.add(*_record("a", TEXT_A))

    def explode(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module, "_quote_row", explode)  # fails after articles/actors/events rows
    record_b, text_b = _record("b", TEXT_B)
    with pytest.raises(RuntimeError):
        store.add(record_b, text_b)
    assert _counts(target) == _counts_for_one_article()
    assert store.get("b") is None and not store.has(record_b.text_sha256)
    assert store.search("shipping") == []

    monkeypatch.undo()
    assert store.add(record_b, text_b) == "b"
    assert [s.id for s in store.articles()] == ["a", "b"]
    assert len(store) == 2


def test_killed_process_mid_add_leaves_earlier_articles_and_no_partial_one(target):
    path = target
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import dragoman.store.base as store_module
        from test_store import _record as make
        store = store_module.Store.open({path!r})
        store.add(*make("a", {TEXT_A!r}))
        store.add(*make("b", {TEXT_B!r}))
        def die(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        store_module._quote_row = die
        store.add(*make("c", {TEXT_C!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9, result.stderr.decode()

    with Store.open(path) as reopened:
        assert [s.id for s in reopened.articles()] == ["a", "b"]
        assert reopened.get("c") is None
        assert reopened.get("b").quotes[0].text == "Shipping lanes stay open,"
        counts = _counts(path)
        assert counts == {table: 2 * n for table, n in _counts_for_one_article().items()}
        assert reopened.add(*_record("c", TEXT_C)) == "c"


def test_search_finds_words_in_text_title_and_quotes(store):
    store.add(*_record("a", TEXT_A))
    store.add(*_record("b", TEXT_B))
    hits = store.search("delegation")
    assert [h.article_id for h in hits] == ["b"]
    assert "[delegation]" in hits[0].snippet
    assert {h.article_id for h in store.search("Lisbon")} == {"a", "b"}
    assert [h.article_id for h in store.search('"Report b"')] == ["b"]  # titles are indexed
    quote_hits = store.search_quotes("fisheries")
    assert [(h.article_id, h.quote_id, h.speaker) for h in quote_hits] == [("a", "q1", "Foreign Minister")]
    assert store.search_quotes("delegation") == []  # narrative text is not a quote


def test_postgres_open_without_create_needs_a_store_and_refuses_foreign_tables(postgres_url):
    with pytest.raises(StoreError, match="no dragoman store"):
        Store.open(postgres_url, create=False)
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("CREATE TABLE articles (x int)")
    with pytest.raises(StoreError, match="not a dragoman store"):
        Store.open(postgres_url)


def test_postgres_refuses_another_schema_version(postgres_url):
    Store.open(postgres_url).close()
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("UPDATE dragoman_schema SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        Store.open(postgres_url)


@pytest.mark.parametrize("user_info, query, masked", [
    ("alice:s3cret@", "", "alice:***@"),  # the password in the user-info
    ("alice@", "&password=s3cret", "password=***"),  # the password in the query string
])
def test_unreachable_postgres_is_named_without_its_password(tmp_path, user_info, query, masked):
    pytest.importorskip("psycopg")
    url = f"postgresql://{user_info}/news?host={tmp_path}{query}&connect_timeout=2"
    with pytest.raises(StoreError, match="cannot connect") as caught:
        Store.open(url)
    assert masked in str(caught.value) and "s3cret" not in str(caught.value)


@pytest.mark.parametrize(
    "query, found",
    [
        ("Lisbon -delegation", {"a", "c"}),  # SQLite used to read this as needing "delegation"
        ("Lisbon NOT delegation", {"a", "c"}),
        ('Lisbon -"third round"', {"a", "b"}),
        ('"shipping lanes" or fisheries', {"a", "b"}),
        ("drought OR fisheries -cooperation", {"c"}),
        ('"lanes shipping"', set()),  # a phrase keeps its order
        ("-delegation", set()),  # nothing to look for
        ('Kenya "third round', {"c"}),  # an unclosed quote runs to the end
        ("(Kenya, Lisbon.", {"a", "b", "c"}),  # punctuation is no syntax error
        ("", set()),
    ],
)
def test_search_reads_a_query_the_same_way_in_both_stores(store, query, found):
    for name, text in (("a", TEXT_A), ("b", TEXT_B), ("c", TEXT_C)):
        store.add(*_record(name, text))
    assert {h.article_id for h in store.search(query)} == found
    assert {h.article_id for h in store.search_quotes("relief -drought")} == set()


def test_a_query_is_parsed_into_alternatives_of_wanted_and_excluded_terms():
    from dragoman.store.search import Alternative, parse_query

    assert parse_query('Gaza -Hamas "aid convoy" or truce NOT -').alternatives == (
        Alternative(("Gaza", "aid convoy"), ("Hamas",)),
        Alternative(("truce",), ()),
    )
    assert parse_query('-"a b" c AND d').alternatives == (Alternative(("c", "d"), ("a b",)),)
    assert parse_query("cease-fire").alternatives == (Alternative(("cease-fire",), ()),)


def test_a_repeated_term_or_alternative_is_kept_once():
    from dragoman.store.search import Alternative, parse_query

    assert parse_query("harbour Harbour HARBOUR -strike -Strike or harbour or harbour").alternatives == (
        Alternative(("harbour",), ("strike",)), Alternative(("harbour",), ()),
    )
    assert parse_query(" ".join(["the"] * 200)).alternatives == (Alternative(("the",), ()),)
    # terms differing in more than case stay apart, each where it was first given
    assert parse_query('"dock strike" dock strike dock').alternatives == (
        Alternative(("dock strike", "dock", "strike"), ()),
    )


def test_concurrent_writers_store_each_text_once(target):
    """Two writers adding the same articles at once: no error, no duplicate, nothing lost."""
    import threading

    Store.open(target).close()
    records = [_record(name, text) for name, text in (("a", TEXT_A), ("b", TEXT_B), ("c", TEXT_C))]
    failures: list[BaseException] = []

    def writer(order):
        try:
            with Store.open(target) as own:
                for record, text in order:
                    own.add(record, text)
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(order,)) for order in (records, records[::-1])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert _counts(target) == {table: 3 * n for table, n in _counts_for_one_article().items()}


# the columns each schema version added to places (see store.base.UPGRADES)
COLUMNS_ADDED = {2: "within", 3: "rule"}


def _downgrade(target, version: int) -> None:
    """Make the store look as that older schema version wrote it."""
    dropped = [column for added, column in COLUMNS_ADDED.items() if added > version]
    if str(target).startswith("postgresql://"):
        import psycopg

        with psycopg.connect(str(target), autocommit=True) as db:
            for column in dropped:
                db.execute(f"ALTER TABLE places DROP COLUMN {column}")
            db.execute("DELETE FROM dragoman_schema")
            db.execute("INSERT INTO dragoman_schema VALUES (%s)", (version,))
    else:
        db = sqlite3.connect(target)
        for column in dropped:
            db.execute(f"ALTER TABLE places DROP COLUMN {column}")
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()
        db.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_is_upgraded_in_place_and_keeps_its_articles(target, version):
    with Store.open(target) as store:
        store.add(*_record("a", TEXT_A))
    _downgrade(target, version)
    record, text = _record("b", TEXT_B)
    street = Place(text="Rua Augusta", start=0, end=11, country="PRT", lat=38.72, lon=-9.14,
                   feature="facility", within="Lisbon", rule="within-town")
    record = msgspec.structs.replace(record, places=[*record.places, street])
    with Store.open(target) as store:
        assert store.get("a") is not None  # what the old version stored is still there
        store.add(record, text)
        rows = store._db.execute(
            "SELECT article_id, within, rule FROM places WHERE text = 'Rua Augusta' OR article_id = 'a'"
            " ORDER BY article_id, text"
        ).fetchall()
    assert [tuple(r) for r in rows][-1] == ("b", "Lisbon", "within-town")
    older = [tuple(r) for r in rows[:-1]]
    assert older and all(article == "a" and rule is None for article, _within, rule in older)
    assert _counts(target)["articles"] == 2
    with Store.open(target) as again:  # upgrading is done once
        assert again.get("b").places[-1].rule == "within-town"


def test_every_connection_to_a_wal_store_commits_as_the_store_does(tmp_path):
    """synchronous is per connection: the registry's and the source homes' connections
    to a store must not fsync at every commit where the store's own does not; a
    rollback-journal file keeps SQLite's full syncing."""
    from dragoman.store import Store
    from dragoman.store.connection import connect

    store_path = tmp_path / "news.db"
    with Store.open(str(store_path)):
        other = connect(store_path)
        assert other.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        other.close()
    plain = connect(tmp_path / "actors.db")
    plain.execute("CREATE TABLE t (x)")
    assert plain.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    plain.close()


def _indexes_on(target, table: str) -> set[str]:
    if str(target).startswith("postgresql://"):
        import psycopg

        with psycopg.connect(str(target)) as db:
            return {row[0] for row in db.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", (table,))}
    db = sqlite3.connect(target)
    try:
        return {row[1] for row in db.execute(f"PRAGMA index_list({table})")}
    finally:
        db.close()


def test_a_version_9_store_gains_the_index_on_event_mentions(target):
    with Store.open(target) as store:
        store.add(*_record("a", TEXT_A))
    assert "events_article_event" in _indexes_on(target, "events")
    # as version 9 left it: the index on article_id alone
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as db:
            db.execute("DROP INDEX events_article_event")
            db.execute("CREATE INDEX events_article ON events(article_id)")
            db.execute("DELETE FROM dragoman_schema")
            db.execute("INSERT INTO dragoman_schema VALUES (9)")
    else:
        db = sqlite3.connect(target)
        db.execute("DROP INDEX events_article_event")
        db.execute("CREATE INDEX events_article ON events(article_id)")
        db.execute("PRAGMA user_version = 9")
        db.commit()
        db.close()
    with Store.open(target) as store:
        store.add(*_record("b", TEXT_B))
        assert store.get("a") is not None
    indexes = _indexes_on(target, "events")
    assert "events_article_event" in indexes and "events_article" not in indexes
    assert _counts(target)["articles"] == 2


# the indexes schema version 14 added for the party filters, by table
PARTY_FILTER_INDEXES = {"actors": {"actors_lower_name"}, "parties": {"parties_actor", "parties_sector"}}


def _swapped(article_id: str, text: str) -> tuple[ArticleRecord, str]:
    """The hand-made record with its event's sides swapped: Kenya the actor, the minister the recipient."""
    record, text = _record(article_id, text)
    event = record.events[0]
    event = msgspec.structs.replace(event, actor=event.recipient, recipient=event.actor)
    return msgspec.structs.replace(record, events=[event]), text


def _party_filtered(target, *, read_only: bool = False) -> list[list[str]]:
    """The articles whose event each party filter selects (by code, name in any case, article-local id)."""
    wanted = [{"actors": "PRT"}, {"actors": "KEN"}, {"actors": "GOV"}, {"actors": "kenya"},
              {"recipients": "FOREIGN MINISTER"}, {"actors": "a1", "recipients": "KEN"}, {"recipients": "nobody"}]
    with Store.open(target, read_only=read_only) as store:
        return [[m.article_id for m in store.events(**criteria)] for criteria in wanted]


def test_a_version_13_store_gains_the_party_filter_indexes_and_filters_as_before(target):
    with Store.open(target) as store:
        store.add(*_record("a", TEXT_A))
        store.add(*_record("b", TEXT_B))
        store.add(*_swapped("c", TEXT_C))
    # as version 13 left it: without the indexes
    dropped = [index for indexes in PARTY_FILTER_INDEXES.values() for index in indexes]
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as db:
            for index in dropped:
                db.execute(f"DROP INDEX {index}")
            db.execute("DELETE FROM dragoman_schema")
            db.execute("INSERT INTO dragoman_schema VALUES (13)")
    else:
        db = sqlite3.connect(target)
        for index in dropped:
            db.execute(f"DROP INDEX {index}")
        db.execute("PRAGMA user_version = 13")
        db.commit()
        db.close()
    assert not any(PARTY_FILTER_INDEXES[table] & _indexes_on(target, table) for table in PARTY_FILTER_INDEXES)
    before = _party_filtered(target, read_only=True)  # read as version 13 stored it
    assert before == [["a", "b"], ["c"], ["a", "b", "c"], ["c"], ["c"], ["a", "b"], []]
    assert _party_filtered(target) == before  # opened to write: upgraded, the same events selected
    assert all(PARTY_FILTER_INDEXES[table] <= _indexes_on(target, table) for table in PARTY_FILTER_INDEXES)
    assert _counts(target) == {table: 3 * n for table, n in _counts_for_one_article().items()}
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as db:
            assert db.execute("SELECT max(version) FROM dragoman_schema").fetchone()[0] == SCHEMA_VERSION == 14
    else:
        assert sqlite3.connect(target).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 14
