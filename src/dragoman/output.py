"""Writing to stdout: a write that fails (a full disk, an I/O error) becomes one line
naming <stdout> and exit status 4, in every command. A closed pipe is the reader's choice
(`dragoman events news.db | head`): the command stops quietly with status 141, as a tool
killed by SIGPIPE does, so a script can still tell that not everything was written.

What is written is made safe first (see `safe_text`); this module only writes it.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click

EXIT_STORE_OR_OUTPUT = 4
EXIT_READER_GONE = 141  # 128 + SIGPIPE, what the shell reports for `cat big | head`


class Unwritable(click.ClickException):
    """The store or stdout cannot be used: one line naming it and the cause, exit status 4."""

    exit_code = EXIT_STORE_OR_OUTPUT


@contextmanager
def stdout_guard():
    """A failed write to stdout as one line naming <stdout>, or a quiet stop when the
    reader closed the pipe; stdout is then pointed at /dev/null, so Python's final flush
    is quiet."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # no real file behind stdout
            pass
        if isinstance(exc, BrokenPipeError):
            raise click.exceptions.Exit(EXIT_READER_GONE) from None
        raise Unwritable(f"<stdout>: cannot write ({exc.strerror or exc})") from None


def echo(text: str | bytes) -> None:
    """Text on stdout; the caller has made untrusted parts terminal-safe."""
    with stdout_guard():
        click.echo(text)
