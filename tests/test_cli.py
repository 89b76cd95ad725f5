"""The command line end to end: inputs, outputs, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.records import json_schema

ROOT = Path(__file__).resolve().parents[1]

# our own wording, not from any evaluation corpus
GOOD = (
    "Ghana's foreign minister met with her Nigerian counterpart in Abuja on Monday.\n\n"
    "The two governments agreed to reopen the border crossing."
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_stdin_writes_one_json_line(runner):
    result = runner.invoke(main, ["extract", "-", "--published", "2024-05-08"], input=GOOD)
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert record["published"] == "2024-05-08"
    assert record["text_sha256"]
    assert any(p["text"] == "Abuja" and p["country"] == "NGA" for p in record["places"])
    consult = [e for e in record["events"] if e["event"] == "CONSULT"]
    assert consult and consult[0]["date"]["value"] == "2024-05-06"
    assert "text" not in record or record["text"] is None


def test_with_text_includes_the_text_offsets_refer_to(runner):
    result = runner.invoke(main, ["extract", "-", "--with-text"], input=GOOD)
    [record] = _lines(result.stdout)
    assert record["text"] == GOOD
    for place in record["places"]:
        assert record["text"][place["start"] : place["end"]] == place["text"]


def test_bad_file_is_named_and_the_batch_goes_on(runner, tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(main, ["extract", str(tmp_path), "--published", "2024-05-08"])
    assert result.exit_code == 1
    assert [r["id"] for r in _lines(result.stdout)] == ["a_good"]
    assert "b_empty.txt" in result.stderr and "c_binary.txt" in result.stderr


def test_bad_published_date_is_a_clear_error(runner):
    result = runner.invoke(main, ["extract", "-", "--published", "next tuesday-ish"], input=GOOD)
    assert result.exit_code != 0
    assert "next tuesday-ish" in result.stderr


def test_ingest_is_idempotent_and_show_renders(runner, tmp_path):
    (tmp_path / "one.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "news.db"
    first = runner.invoke(main, ["ingest", str(tmp_path / "one.txt"), "--db", str(db), "--published", "2024-05-08"])
    assert first.exit_code == 0, first.output
    assert "1 added" in first.stderr
    again = runner.invoke(main, ["ingest", str(tmp_path / "one.txt"), "--db", str(db)])
    assert "0 added, 1 already stored" in again.stderr
    shown = runner.invoke(main, ["show", str(db), "--article", "one"])
    assert shown.exit_code == 0, shown.output
    assert "[Abuja]" in shown.stdout and "CONSULT" in shown.stdout
    missing = runner.invoke(main, ["show", str(db), "--article", "nope"])
    assert missing.exit_code != 0 and "nope" in missing.output


@pytest.fixture
def db(store_target) -> str:
    return store_target


def test_search_finds_stored_text_and_quotes(runner, tmp_path, db):
    text = GOOD + '\n\n"We will keep the border open," the minister said.'
    (tmp_path / "two.txt").write_text(text, encoding="utf-8")
    runner.invoke(main, ["ingest", str(tmp_path / "two.txt"), "--db", db, "--published", "2024-05-08"])
    [hit] = _lines(runner.invoke(main, ["search", db, "Abuja"]).stdout)
    assert hit["article_id"] == "two" and "[Abuja]" in hit["snippet"]
    [quote] = _lines(runner.invoke(main, ["search", db, "--quotes", "keep"]).stdout)
    assert quote["article_id"] == "two" and "[keep]" in quote["snippet"]
    assert _lines(runner.invoke(main, ["search", db, "Nairobi"]).stdout) == []


def test_a_missing_store_is_a_one_line_error(runner, tmp_path):
    missing = runner.invoke(main, ["search", str(tmp_path / "none.db"), "x"])
    assert missing.exit_code == 4 and "none.db: no such store" in missing.stderr
    assert "Traceback" not in missing.output


def test_actor_codes_each_text_in_order(runner):
    result = runner.invoke(main, ["actor", "Israeli Prime Minister Benjamin Netanyahu", "riot police"])
    first, second = _lines(result.stdout)
    assert (first["country"], first["sector"], first["role"]) == ("ISR", "GOV", "Prime Minister")
    assert second["sector"] == "COP" and second["text"] == "riot police"
    piped = runner.invoke(main, ["actor", "-"], input="Hamas\nfour Saudi men\n")
    assert [r["country"] for r in _lines(piped.stdout)] == ["PSE", "SAU"]


def test_ingest_remembers_actors_for_later_articles(runner, tmp_path, db):
    (tmp_path / "first.txt").write_text(
        "Hungarian Foreign Minister Tamas Vargenyi visited Vienna on Monday.", encoding="utf-8"
    )
    (tmp_path / "second.txt").write_text("Vargenyi said the talks would continue.", encoding="utf-8")
    runner.invoke(main, ["ingest", str(tmp_path / "first.txt"), "--db", db, "--published", "2024-05-06"])
    runner.invoke(main, ["ingest", str(tmp_path / "second.txt"), "--db", db, "--published", "2024-05-09"])
    shown = runner.invoke(main, ["show", db, "--article", "second"]).stdout
    assert "Vargenyi country=HUN sector=GOV" in shown
    [coded] = _lines(runner.invoke(main, ["actor", "Vargenyi", "--db", db]).stdout)
    assert (coded["country"], coded["sector"]) == ("HUN", "GOV")


def test_users_actor_file_codes_names_and_bad_files_are_named(runner, tmp_path):
    book = tmp_path / "mine.yaml"
    book.write_text(
        "- {name: Odile Fenwright, country: FRA, kind: person, roles: [Mayor | GOV | 2020-01-01..]}\n",
        encoding="utf-8",
    )
    [coded] = _lines(runner.invoke(main, ["actor", "Odile Fenwright", "--actors", str(book)]).stdout)
    assert (coded["country"], coded["sector"]) == ("FRA", "GOV")
    [before] = _lines(runner.invoke(main, ["actor", "Odile Fenwright"]).stdout)
    assert before["country"] is None  # unknown without the file: not guessed
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {name: X, roles: [Mayor | NOPE | someday]}\n", encoding="utf-8")
    failed = runner.invoke(main, ["actor", "X", "--actors", str(broken)])
    assert failed.exit_code == 1 and "broken.yaml:" in failed.stderr
    bad_date = runner.invoke(main, ["actor", "X", "--as-of", "yesterday"])
    assert bad_date.exit_code == 2


def test_committed_schema_matches_the_records(runner):
    committed = json.loads((ROOT / "schema" / "dragoman.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make schema` after changing records.py"


def test_show_and_explain_say_where_an_unlisted_street_was_placed(runner, tmp_path):
    text = "Police fired tear gas at protesters on Bardstown Road in Louisville on Saturday."
    (tmp_path / "street.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "news.db"
    runner.invoke(main, ["ingest", str(tmp_path / "street.txt"), "--db", str(db), "--published", "2024-05-04"])
    shown = runner.invoke(main, ["show", str(db), "--article", "street"])
    assert "place=Bardstown Road (in Louisville)" in shown.stdout, shown.stdout
    explained = runner.invoke(main, ["explain", str(tmp_path / "street.txt"), "--published", "2024-05-04", "--sentence", "1"])
    assert "Bardstown Road (USA, at the point of Louisville)" in explained.stdout, explained.stdout


def test_explain_says_a_creek_has_a_country_but_no_point(runner, tmp_path):
    text = ("Police fired tear gas at protesters at Wexbrook Creek on Saturday. "
            "Officers came from Raleigh and from Durham, North Carolina.")
    (tmp_path / "creek.txt").write_text(text, encoding="utf-8")
    explained = runner.invoke(main, ["explain", str(tmp_path / "creek.txt"), "--published", "2024-05-04", "--sentence", "1"])
    assert "Wexbrook Creek (USA, somewhere in United States)" in explained.stdout, explained.stdout


def test_without_a_place_index_extract_stops_once_with_status_3(runner, without_geonames):
    result = runner.invoke(main, ["extract", "-", "--published", "2024-05-08"], input=GOOD + "\n\n" + GOOD)
    assert result.exit_code == 3
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: no usable place index:") and "dragoman[geonames]" in line


def test_without_a_place_index_ingest_keeps_the_store_as_it_was(runner, tmp_path, request):
    db = tmp_path / "news.db"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(GOOD, encoding="utf-8")
    second.write_text("Kenya's president opened a new rail line in Mombasa.", encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(first), "--db", str(db), "--published", "2024-05-08"]).exit_code == 0
    request.getfixturevalue("without_geonames")
    result = runner.invoke(main, ["ingest", str(second), "--db", str(db), "--published", "2024-05-09"])
    assert result.exit_code == 3 and "dragoman[geonames]" in result.stderr
    listed = runner.invoke(main, ["show", str(db)])
    assert listed.exit_code == 0
    assert "first" in listed.stdout and "second" not in listed.stdout


def test_help_lists_every_exit_status_the_commands_use(runner):
    from dragoman import cli

    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for status in (0, cli.EXIT_INPUT_ERRORS, 2, cli.EXIT_INCOMPLETE_INSTALL, cli.EXIT_STORE_OR_OUTPUT):
        assert f"  {status}  " in result.output


def test_schema_descriptions_do_not_depend_on_how_a_library_formats_docstrings():
    from dragoman.records import _description

    indented = "A first line.\n\n    A second paragraph\n    runs on.\n    "
    dedented = "A first line.\n\nA second paragraph\nruns on."
    assert _description(indented) == _description(dedented) == "A first line.\n\nA second paragraph runs on."
