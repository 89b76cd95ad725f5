"""`dragoman actors import|list|show` and the `why` of `dragoman actor`."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from test_wikidata import EXCERPT, MALFORMED_LINE, _dump_text


@pytest.fixture
def actors_db(tmp_path):
    """An actors database imported from the excerpt through the command line."""
    dump = tmp_path / "latest-all.json.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as out:
        out.write(_dump_text(EXCERPT))
    target = tmp_path / "actors.db"
    result = CliRunner().invoke(main, ["actors", "import", str(dump), "--db", str(target), "--no-progress"])
    assert result.exit_code == 1, result.output  # the malformed line is an input that failed
    assert f"line {MALFORMED_LINE}: not a Wikidata entity" in result.stderr
    assert "2 people and 3 organisations imported" in result.stderr
    return target


def test_import_then_code_with_the_actors_database(actors_db):
    result = CliRunner().invoke(main, ["actor", "Amara Bell", "--actors", str(actors_db), "--as-of", "2016-05-01"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    assert (line["country"], line["sector"], line["role"]) == ("GHA", "GOV", "Minister of Finance")
    assert "wikidata:Q9900010" in line["why"] and "held on 2016-05-01" in line["why"]


def test_list_and_show_say_where_each_fact_came_from(actors_db):
    listed = CliRunner().invoke(main, ["actors", "list", "--actors", str(actors_db)])
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert ["Zembla Liberation Front", "organization", "KEN", "REB", "0", "wikidata:Q9900200"] in [r[:6] for r in rows]
    shown = CliRunner().invoke(main, ["actors", "show", "Amara Bell", "--actors", str(actors_db),
                                      "--as-of", "2020-01-01"])
    assert shown.exit_code == 0, shown.output
    assert "(wikidata Q9900010)" in shown.stdout
    assert "role: Minister of Finance (GHA GOV) 2015-03-01..2019-01-07 from wikidata:Q9900010 P39 Q9900100" \
        in shown.stdout
    assert "codes on 2020-01-01: GHA GOV President of Ghana" in shown.stdout


def test_ingest_learning_and_an_actor_file_accumulate_in_a_store(tmp_path):
    store = tmp_path / "news.db"
    (tmp_path / "a.txt").write_text("Czech Interior Minister Pavel Droz said on Monday that the border "
                                    "would stay open.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(store),
                                "--published", "2023-06-01"]).exit_code == 0
    yaml_file = tmp_path / "more.yaml"
    yaml_file.write_text("- name: Pavel Droz\n  kind: person\n  country: CZE\n  roles:\n"
                         "    - Senator | LEG | 2016-01-01..2022-12-01\n", encoding="utf-8")
    imported = runner.invoke(main, ["actors", "import", str(yaml_file), "--db", str(store)])
    assert imported.exit_code == 0 and "1 actors imported" in imported.stderr
    shown = runner.invoke(main, ["actors", "show", "Pavel Droz", "--db", str(store), "--as-of", "2020-01-01"])
    assert "seen 2023-06-01 in article:a" in shown.stdout  # from the article
    assert "Senator (CZE LEG) 2016-01-01..2022-12-01 from more.yaml:1" in shown.stdout  # from the file
    assert "codes on 2020-01-01: CZE LEG Senator" in shown.stdout


def test_show_finds_a_name_under_the_spelling_coding_matches(tmp_path):
    """A user types a name as an article spells it; `actors show` finds it as `actor` codes it."""
    actors_file = tmp_path / "people.yaml"
    actors_file.write_text("- {name: Mohammed Odeh, country: JOR, kind: person, roles: [Minister of Water | GOV | 2019-01-01..]}\n",
                           encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(main, ["actors", "show", "Muhammad Odeh", "--actors", str(actors_file)])
    assert shown.exit_code == 0, shown.output
    assert "'Muhammad Odeh' is known as 'Mohammed Odeh'" in shown.stdout
    assert "country: JOR" in shown.stdout
    coded = json.loads(runner.invoke(main, ["actor", "Muhammad Odeh", "--actors", str(actors_file)]).stdout)
    assert coded["country"] == "JOR"


def test_unknown_names_and_missing_files_are_clear_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["actors", "show", "Nobody Known"])
    assert missing.exit_code == 1 and "no known actor answers to 'Nobody Known'" in missing.output
    no_dump = runner.invoke(main, ["actors", "import", str(tmp_path / "none.json.gz"), "--db",
                                   str(tmp_path / "a.db")])
    assert no_dump.exit_code == 1 and "none.json.gz: cannot open" in no_dump.output
    no_db = runner.invoke(main, ["actors", "list", "--db", str(tmp_path / "absent.db")])
    assert no_db.exit_code == 1 and "absent.db: no such store or actors database" in no_db.output
