"""Shared test set-up."""

import itertools
import os
import threading
from contextlib import ExitStack

import pytest
from postgres_server import NoServer, throwaway_server


@pytest.fixture(scope="module")
def sentence_events():
    """The events dragoman codes in a text of ours, published 2024-05-10 unless said;
    one pipeline per test module."""
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    pipeline = Pipeline()

    def run(text: str, published: str | None = "2024-05-10"):
        return pipeline.analyse(Article(id="t", text=text, published=published)).events

    return run


@pytest.fixture(scope="module")
def event_triggers(sentence_events):
    """(event type, trigger text) of each event coded in a text of ours."""
    return lambda text: [(e.event, e.trigger.text) for e in sentence_events(text)]


@pytest.fixture(autouse=True)
def _default_actor_sources():
    """Each test starts and ends with only the starter book and no memory of sources:
    CLI runs configure process-wide actor sources, which must not leak into the next test."""
    from dragoman.resolve import registry, source_homes

    registry.use()
    source_homes.configure()
    yield
    registry.use()
    source_homes.configure()


@pytest.fixture
def without_geonames(tmp_path, monkeypatch):
    """An installation with no GeoNames packages to build a place index from, an empty
    cache, and a packaged index path that holds nothing until the test writes it."""
    import sys

    import dragoman.resolve
    from dragoman.resolve import gazetteer

    packaged = tmp_path / "gazetteer.msgpack"
    monkeypatch.setattr(gazetteer, "PACKAGED_INDEX", packaged)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delattr(dragoman.resolve, "gazetteer_build", raising=False)
    monkeypatch.setitem(sys.modules, "dragoman.resolve.gazetteer_build", None)  # import fails
    gazetteer.load_gazetteer.cache_clear()
    yield packaged
    gazetteer.load_gazetteer.cache_clear()


@pytest.fixture
def feed_fifo():
    """Makes a named pipe that a thread fills with bytes, like a process substitution or
    /dev/zero: no size to stat, so only a reader's own cap stops it. Joined after the test."""
    writers = []

    def feed(path, data: bytes) -> None:
        os.mkfifo(path)

        def write() -> None:
            try:
                with open(path, "wb") as pipe:
                    pipe.write(data)
            except BrokenPipeError:  # the reader stopped at its cap, as it should
                pass

        writers.append(threading.Thread(target=write, daemon=True))
        writers[-1].start()

    yield feed
    for writer in writers:
        writer.join(timeout=10)


# -- a tiny WordNet 3.0 database, for the build-time aids that read one -------------------

# data.POS lines: offset lexfile pos word-count(hex) (word lex_id)... pointer-count (symbol offset
# pos source/target)... [verbs: frame-count (+ frame word)...] | gloss. Lexicographer file
# 18 = noun.person, 14 = noun.group, 06 = noun.artifact, 04 = noun.act, 41 = verb.social.
_WORDNET_NOUNS = """\
  1 this line stands for the licence header
00000010 18 n 01 soldier 0 003 ~ 00000020 n 0000 ~ 00000030 n 0000 ~i 00000070 n 0000 | a member of an army
00000020 18 n 02 paratrooper 0 para 0 001 @ 00000010 n 0000 | a soldier who jumps
00000030 18 n 01 commando 0 001 @ 00000010 n 0000 | a soldier trained for raids
00000040 06 n 01 van 0 000 | a covered vehicle
00000050 14 n 01 military_unit 0 001 ~ 00000060 n 0000 | a unit of an army
00000060 14 n 02 vanguard 0 van 0 001 @ 00000050 n 0000 | the leading unit
00000070 18 n 01 Private_Ryan 0 001 @i 00000010 n 0000 | a proper name
00000080 18 n 01 recruit 0 001 + 00000100 v 0101 | someone newly signed up
00000090 04 n 02 enlistment 0 military_enlistment 0 001 + 00000100 v 0101 | signing up
"""
_WORDNET_VERBS = """\
  1 this line stands for the licence header
00000100 41 v 01 enlist 0 002 + 00000080 n 0101 + 00000090 n 0101 01 + 02 00 | join the army
00000110 41 v 01 enlist 1 001 + 00000010 n 0101 01 + 08 00 | take someone into the army
"""
# index.POS: lemma pos synset_cnt p_cnt [symbol...] sense_cnt tagsense_cnt offsets (most frequent first)
_WORDNET_INDEXES = {"noun": """\
  1 this line stands for the licence header
commando n 1 0 1 0 00000030
enlistment n 1 1 + 1 0 00000090
military_enlistment n 1 1 + 1 0 00000090
military_unit n 1 0 1 0 00000050
para n 1 0 1 0 00000020
paratrooper n 1 0 1 0 00000020
recruit n 1 1 + 1 0 00000080
soldier n 1 2 ~ + 1 0 00000010
van n 2 0 2 0 00000040 00000060
vanguard n 1 0 1 0 00000060
""", "verb": """\
  1 this line stands for the licence header
enlist v 2 1 + 2 1 00000100 00000110
"""}


@pytest.fixture
def wordnet_dir(tmp_path):
    """A WordNet database directory holding the few synsets above and one irregular plural."""
    (tmp_path / "data.noun").write_text(_WORDNET_NOUNS, encoding="latin-1")
    (tmp_path / "data.verb").write_text(_WORDNET_VERBS, encoding="latin-1")
    for pos, text in _WORDNET_INDEXES.items():
        (tmp_path / f"index.{pos}").write_text(text, encoding="latin-1")
    (tmp_path / "noun.exc").write_text("commandoes commando\n", encoding="latin-1")
    return tmp_path


# -- a throwaway PostgreSQL server for the PostgreSQL store's tests ---------------------


def _without_postgres(reason: str):
    """Skip a PostgreSQL test where no server can be had; in CI (CI=true), whose
    .ci/run installs one, fail instead, so the PostgreSQL store is never silently untested."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs a PostgreSQL server for the store's tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server's maintenance database.

    DRAGOMAN_TEST_POSTGRES names an existing server; otherwise one is started in a
    temporary directory (`postgres_server.throwaway_server`) and stopped after the
    session. Tests skip if neither is possible.
    """
    pytest.importorskip("psycopg")
    if os.environ.get("DRAGOMAN_TEST_POSTGRES"):
        yield os.environ["DRAGOMAN_TEST_POSTGRES"]
        return
    with ExitStack() as stack:
        try:
            url = stack.enter_context(throwaway_server())
        except NoServer as exc:
            _without_postgres(str(exc))
        yield url


_database_numbers = itertools.count()


@pytest.fixture
def postgres_url(postgres_server):
    """A new, empty database on the test server, dropped after the test."""
    import psycopg

    name = f"dragoman_test_{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.replace("/postgres?", f"/{name}?", 1)
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request, tmp_path) -> str:
    """Where a store lives, once per backend: an SQLite path, then a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "dragoman.db")
    return request.getfixturevalue("postgres_url")
