"""Shared test set-up."""

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import threading

import pytest


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


# -- a throwaway PostgreSQL server for the PostgreSQL store's tests ---------------------


def _postgres_binaries():
    """The directory holding initdb and pg_ctl: on PATH, or Debian's versioned install."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(os.path.realpath(found))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(versions[-1]) if versions else None


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
    temporary directory on a Unix socket (as user `postgres` when run as root, which
    initdb refuses) and stopped after the session. Tests skip if neither is possible.
    """
    pytest.importorskip("psycopg")
    if os.environ.get("DRAGOMAN_TEST_POSTGRES"):
        yield os.environ["DRAGOMAN_TEST_POSTGRES"]
        return
    bindir = _postgres_binaries()
    if bindir is None:
        _without_postgres("no PostgreSQL server binaries (initdb, pg_ctl) and no DRAGOMAN_TEST_POSTGRES")
    as_user = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _without_postgres("running as root without runuser: initdb cannot run")
        as_user = ["runuser", "-u", "postgres", "--"]
    home = tempfile.mkdtemp(prefix="dragoman-pg-")
    if as_user:
        shutil.chown(home, "postgres")
    data, log = os.path.join(home, "data"), os.path.join(home, "log")
    options = f"-k {home} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    for command in (
        [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "dragoman", "--no-sync", "-E", "UTF8", "--locale", "C"],
        [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start"],
    ):
        done = subprocess.run(as_user + command, capture_output=True, text=True)
        if done.returncode:
            shutil.rmtree(home, ignore_errors=True)
            _without_postgres(f"cannot start a test PostgreSQL server: {os.path.basename(command[0])}: {done.stderr.strip()}")
    try:
        yield f"postgresql://dragoman@/postgres?host={home}"
    finally:
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


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
