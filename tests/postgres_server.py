"""A throwaway PostgreSQL server from the machine's initdb/pg_ctl, for the tests and bench/scale.py."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator


class NoServer(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def binaries() -> str | None:
    """The directory holding initdb and pg_ctl: on PATH, or Debian's versioned install."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(os.path.realpath(found))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(versions[-1]) if versions else None


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Yield the URL of a new server's maintenance database, on a Unix socket in a temporary
    directory (run as user `postgres` when we are root, which initdb refuses); stopped and
    removed afterwards. Durability is off: it is for measuring and testing only."""
    bindir = binaries()
    if bindir is None:
        raise NoServer("no PostgreSQL server binaries (initdb, pg_ctl)")
    as_user = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise NoServer("running as root without runuser: initdb cannot run")
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
            raise NoServer(f"cannot start a PostgreSQL server: {os.path.basename(command[0])}: {done.stderr.strip()}")
    try:
        yield f"postgresql://dragoman@/postgres?host={home}"
    finally:
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
