"""Where the gazetteer's index comes from -- a wheel's packaged file, a checkout's cache, or a
build from the GeoNames packages -- and the build's inputs and requirements."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pytest

from dragoman.resolve import gazetteer, gazetteer_build
from dragoman.resolve.article_memo import one_article


# -- the index: packaged, cached or built ------------------------------------------------------


# one made-up town: enough to tell a test's index from the real one
OURTOWN = gazetteer.Candidate(1, "Ourtown", "NZL", -41.2, 174.8, 2000, "city")


def _one_town_index() -> gazetteer.Gazetteer:
    return gazetteer.Gazetteer([OURTOWN], {"ourtown": (0 * 2 + 1,)})


def test_within_one_article_a_plain_ranking_is_made_once_and_each_caller_gets_its_own_list(monkeypatch):
    index = _one_town_index()
    made = []
    rank = index._ranked
    monkeypatch.setattr(index, "_ranked", lambda *args: made.append(args) or rank(*args))
    with one_article():
        index.ranked("Ourtown").clear()
        again = index.ranked("Ourtown")
        index.ranked("Ourtown", article_countries={"NZL": 1})  # a ranking in context is made each time
    after = index.ranked("Ourtown")
    assert again == after and again[0][0] == OURTOWN
    assert len(made) == 3  # the plain ranking once in the article, the one in context, the one after it


def test_an_index_round_trips_and_one_built_from_other_inputs_is_refused(tmp_path):
    path = tmp_path / "index.msgpack"
    gazetteer.write_index(path, _one_town_index(), {"inputs": "ours"})
    assert gazetteer.read_index(path, "ours").resolve("Ourtown") == OURTOWN
    assert gazetteer.read_index(path, "edited since") is None
    assert gazetteer.read_index(tmp_path / "absent.msgpack", "ours") is None
    path.write_bytes(path.read_bytes()[:40])
    assert gazetteer.read_index(path, "ours") is None


def test_a_failed_write_leaves_neither_a_partial_index_nor_a_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "index.msgpack"

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gazetteer.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        gazetteer.write_index(path, _one_town_index(), {"inputs": "ours"})
    assert list(tmp_path.iterdir()) == []


def test_the_real_index_round_trips(tmp_path):
    path = tmp_path / "index.msgpack"
    gazetteer.write_index(path, gazetteer.load_gazetteer(), {"inputs": gazetteer.inputs_digest()})
    stored = gazetteer.read_index(path, gazetteer.inputs_digest())
    assert stored.resolve("Rafah") == gazetteer.resolve("Rafah")
    assert len(stored.places) == len(gazetteer.load_gazetteer().places)


def test_the_inputs_digest_follows_our_data_files(tmp_path, monkeypatch):
    before = gazetteer.inputs_digest()
    edited = tmp_path / "places.tsv"
    edited.write_text(gazetteer.BUILD_INPUTS[0].read_text(encoding="utf-8") + "Ourtown\tcity\tNZL\t-41.2\t174.8\t\t\n")
    monkeypatch.setattr(gazetteer, "BUILD_INPUTS", (edited, *gazetteer.BUILD_INPUTS[1:]))
    assert gazetteer.inputs_digest() != before


def test_a_wheels_packaged_index_needs_neither_the_geonames_packages_nor_a_cache(without_geonames, tmp_path):
    gazetteer.write_index(without_geonames, _one_town_index(), {"inputs": gazetteer.inputs_digest()})
    loaded = gazetteer.load_gazetteer()
    assert len(loaded.places) == 1 and loaded.resolve("Ourtown") == OURTOWN
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("packaged, state", [(None, "is missing"), ("old", "was built from other data files")])
def test_no_usable_index_and_nothing_to_build_one_from_says_what_to_install(without_geonames, packaged, state):
    if packaged:
        gazetteer.write_index(without_geonames, _one_town_index(), {"inputs": packaged})
    with pytest.raises(gazetteer.GazetteerUnavailable) as caught:
        gazetteer.load_gazetteer()
    message = str(caught.value)
    assert f"{without_geonames} {state}" in message
    assert "pip install 'dragoman[geonames]'" in message


def test_a_wheels_country_table_is_the_one_built_from_geonames(tmp_path, monkeypatch):
    packaged = tmp_path / "geonames_countries.json"
    built = gazetteer_build.geonames_countries()
    packaged.write_text(json.dumps(built), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "PACKAGED_COUNTRIES", packaged)
    gazetteer.geonames_countries.cache_clear()
    try:
        table = gazetteer.geonames_countries()
    finally:
        gazetteer.geonames_countries.cache_clear()
    assert table == built
    assert (table["IL"]["iso3"], table["IL"]["capital"]) == ("ISR", "Jerusalem")
    assert "EG" in table["IL"]["neighbours"].split(",")


# -- build inputs: former divisions ------------------------------------------------------------


def test_a_former_province_with_an_unknown_successor_is_refused_by_name(tmp_path, monkeypatch):
    bad = tmp_path / "former_divisions.tsv"
    bad.write_text("Nowhere Province\tKEN\tAtlantis\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer_build, "FORMER_DIVISIONS_TSV", bad)
    with pytest.raises(ValueError, match="former_divisions.tsv: Nowhere Province: no division 'Atlantis' in KEN"):
        gazetteer_build._add_former_divisions(gazetteer_build._Builder(), {})


# -- the wheel's build requirements ------------------------------------------------------------


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_wheel_builds_from_the_same_pinned_packages_a_checkout_builds_from():
    project = _pyproject()
    extra = set(project["project"]["optional-dependencies"]["geonames"])
    build_requires = set(project["build-system"]["requires"])
    assert extra <= build_requires
    assert {requirement.split("==")[0] for requirement in extra} == set(gazetteer_build.SOURCE_PACKAGES)
    assert all("==" in requirement for requirement in extra)


def test_the_wheel_build_requires_every_package_the_index_builder_imports():
    requires = _pyproject()["build-system"]["requires"]
    required = {re.split(r"[ ;<>=!\[]", r)[0].lower() for r in requires}
    distributions = importlib.metadata.packages_distributions()
    imported = set()
    for module in (gazetteer, gazetteer_build):
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"__future__"}
    needed = {distributions[name][0].lower() for name in third_party}
    assert needed and needed <= required, needed - required
