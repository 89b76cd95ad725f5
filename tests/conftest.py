"""Shared test set-up."""

import pytest


@pytest.fixture(autouse=True)
def _default_actor_sources():
    """Each test starts and ends with only the starter book: CLI runs configure
    process-wide actor sources, which must not leak into the next test."""
    from dragoman.resolve import registry

    registry.use()
    yield
    registry.use()
