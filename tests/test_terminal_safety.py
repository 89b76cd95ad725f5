"""Untrusted text never reaches a terminal raw (issue 16 §3).

A hostile article carries terminal escape sequences in its text, title, id,
source, url and a quote. Every human-readable output must show them escaped
(no raw C0/C1 control character but newline and tab); every JSON output must
escape them too and still decode to the text as read, offsets unchanged.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from dragoman.cli import main

# set the window title, clear the screen, plant a hyperlink, write the clipboard,
# an 8-bit CSI (U+009B), NEL (U+0085), DEL, then bell, backspace, carriage return
TITLE = "\x1b]0;owned\x07"
HOSTILE = (
    TITLE + "\x1b[2J" + "\x1b]8;;https://bad.invalid/\x1b\\here\x1b]8;;\x1b\\"
    + "\x1b]52;c;c2VjcmV0\x07" + "\x9b31m" + "\x85" + "\x7f" + "\x07\x08\x0d"
)
ARTICLE_ID = f"wire-{HOSTILE}-7"
# our own invented report; the hostile run sits in the prose, the quote and the metadata
TEXT = (
    f"Police in Nairobi arrested forty {HOSTILE} protesters on Monday.\n\n"
    f'"We will not leave the square {HOSTILE} until the vote," the organiser said.'
)
RECORD = {
    "id": ARTICLE_ID,
    "title": f"Arrests {HOSTILE} in Nairobi",
    "source": f"Daily {HOSTILE} Courier",
    "url": f"https://news.invalid/{HOSTILE}",
    "published": "2024-05-08",
    "text": TEXT,
}
AS_READ = TEXT.replace("\r", "\n")  # the reader normalises line endings; nothing else

# a raw control character that is not a newline or a tab
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# what may stay raw in a JSON line: nothing below space, no DEL, no C1, no U+2028/2029
_RAW_IN_JSON = re.compile(rb"[\x00-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")


def assert_terminal_safe(*outputs: str) -> None:
    for output in outputs:
        found = _RAW.search(output)
        assert found is None, f"raw {found.group()!r} in {output!r}"


def assert_json_safe(output: bytes):
    """`output` decoded (JSON Lines, or one indented document); it holds no raw control
    character but its line ends."""
    lines = output.splitlines()
    for line in lines:
        found = _RAW_IN_JSON.search(line)
        assert found is None, f"raw {found.group()!r} in {line!r}"
    if output.startswith(b"{\n"):
        return json.loads(output)
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(runner, tmp_path, feed) -> str:
    path = str(tmp_path / "news.db")
    result = runner.invoke(main, ["ingest", str(feed), "--db", path])
    assert result.exit_code == 0, result.output
    return path


# -- the shared function ----------------------------------------------------------------


def test_terminal_safe_escapes_every_control_but_layout():
    from dragoman.safe_text import terminal_safe

    shown = terminal_safe("a\tb\nc" + HOSTILE + "\u2028")
    assert_terminal_safe(shown)
    assert shown.startswith("a\tb\nc\\x1b]0;owned\\x07\\x1b[2J")
    assert "\\x9b31m\\x85\\x7f\\x07\\x08\\x0d" in shown
    assert terminal_safe(shown) == shown  # escaping twice changes nothing
    one_line = terminal_safe("a\tb\nc\u2028d", one_line=True)
    assert one_line == "a\\x09b\\x0ac\\u2028d"


def test_encode_json_escapes_c1_and_line_separators_and_decodes_back():
    from dragoman.safe_text import encode_json

    value = {"text": HOSTILE + "\u2028\u2029 caf\u00e9 \u00a0", "n": 1.5}
    encoded = encode_json(value)
    assert_json_safe(encoded)
    assert b"\\u009b" in encoded and b"\\u2028" in encoded and "caf\u00e9".encode() in encoded
    assert json.loads(encoded) == value
    assert json.loads(encode_json(value, indent=2)) == value


# -- every human-readable command --------------------------------------------------------


def test_show_list_escapes_ids_titles_sources_and_urls(runner, db):
    listed = runner.invoke(main, ["show", db])
    assert listed.exit_code == 0, listed.output
    assert_terminal_safe(listed.stdout, listed.stderr)
    [row] = listed.stdout.splitlines()
    assert len(row.split("\t")) == 5  # a tab or newline in a field cannot forge a column or a row
    assert "wire-\\x1b]0;owned\\x07" in row


def test_show_article_escapes_text_metadata_and_quotes(runner, db):
    shown = runner.invoke(main, ["show", db, "--article", ARTICLE_ID])
    assert shown.exit_code == 0, shown.output
    assert_terminal_safe(shown.stdout, shown.stderr)
    assert "[Police] in [Nairobi]" in shown.stdout and "\\x1b[2J" in shown.stdout
    assert "QUOTES (1)" in shown.stdout


def test_show_article_in_colour_keeps_only_our_own_styles(db):
    from dragoman.query.show import render_article
    from dragoman.store import Store

    with Store.open(db, create=False) as store:
        record = store.get(ARTICLE_ID, with_text=True)
    coloured = render_article(record, color=True)
    assert "\x1b[" in coloured  # highlighted
    assert_terminal_safe(re.sub(r"\x1b\[[0-9;]*m", "", coloured))
    assert record.text == AS_READ  # escaping is for display only


def test_ingest_notices_escape_ids_and_paths(runner, tmp_path, db, feed):
    other = dict(RECORD, text="Kenyan police arrested two men in Mombasa on Tuesday.")
    more = tmp_path / "in"
    more.mkdir()
    (more / "more.jsonl").write_text(json.dumps(other) + "\n", encoding="utf-8")
    (more / f"empty{TITLE}.txt").write_text("", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(more), "--db", db])
    assert result.exit_code == 1
    assert_terminal_safe(result.stdout, result.stderr)
    notices = result.stderr.splitlines()
    assert any("id already used by another text" in line for line in notices), notices
    assert any("empty\\x1b]0;owned\\x07.txt" in line for line in notices), notices


def test_a_failed_extraction_notice_escapes_the_id_and_the_error(capsys):
    from dragoman.cli import _ErrorTally
    from dragoman.records import Article

    _ErrorTally().article_failed(Article(id=ARTICLE_ID, text=TEXT), ValueError(f"bad {HOSTILE}\nforged line"))
    [notice] = capsys.readouterr().err.splitlines()  # one line: a newline cannot forge a second
    assert_terminal_safe(notice)
    assert notice.startswith("dragoman: error: wire-\\x1b]0;owned") and "extraction failed" in notice


def test_explain_escapes_the_sentence_and_the_parties(runner, feed):
    explained = runner.invoke(main, ["explain", str(feed), "--sentence", "1"])
    assert explained.exit_code == 0, explained.output
    assert_terminal_safe(explained.stdout, explained.stderr)
    assert "sentence:  Police in Nairobi" in explained.stdout and "\\x1b]52;c;" in explained.stdout


def test_errors_naming_an_article_are_escaped(runner, tmp_path, feed, db):
    missing = runner.invoke(main, ["show", db, "--article", HOSTILE])
    assert missing.exit_code == 1
    assert_terminal_safe(missing.stdout, missing.stderr)
    two = tmp_path / "two.jsonl"
    two.write_text(json.dumps(RECORD) + "\n" + json.dumps(dict(RECORD, id="calm")) + "\n", encoding="utf-8")
    unpicked = runner.invoke(main, ["explain", str(two), "--sentence", "1"])
    assert unpicked.exit_code == 2
    assert_terminal_safe(unpicked.stdout, unpicked.stderr)
    assert "wire-\\x1b]0;owned" in unpicked.stderr


def test_eval_report_escapes_gold_text(runner, tmp_path):
    gold = tmp_path / "actors.jsonl"
    gold.write_text(json.dumps({"text": f"the {HOSTILE} army", "country": "KEN", "sector": "MIL"}) + "\n",
                    encoding="utf-8")
    shown = runner.invoke(main, ["eval", "actors", str(gold), "--errors", "3"])
    assert shown.exit_code == 0, shown.output
    assert_terminal_safe(shown.stdout, shown.stderr)
    assert "\\x1b]0;owned" in shown.stdout
    as_json = runner.invoke(main, ["eval", "actors", str(gold), "--errors", "3", "--json"])
    report = assert_json_safe(as_json.stdout_bytes)
    assert report["misses"][0]["context"] == f"the {HOSTILE} army"


# -- every JSON output: escaped on the wire, the same text once decoded ------------------


def test_extract_json_escapes_controls_and_keeps_text_and_offsets(runner, feed):
    result = runner.invoke(main, ["extract", str(feed), "--with-text"])
    assert result.exit_code == 0, result.output
    assert_terminal_safe(result.stderr)
    [record] = assert_json_safe(result.stdout_bytes)
    assert record["id"] == ARTICLE_ID and record["text"] == AS_READ
    assert record["source"] == RECORD["source"]
    assert record["places"] and record["quotes"]
    for span in record["places"] + record["quotes"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]


def test_search_json_escapes_controls_and_decodes_back(runner, db):
    [hit] = assert_json_safe(runner.invoke(main, ["search", db, "Nairobi"]).stdout_bytes)
    assert hit["article_id"] == ARTICLE_ID
    [quote] = assert_json_safe(runner.invoke(main, ["search", db, "--quotes", "square"]).stdout_bytes)
    assert quote["article_id"] == ARTICLE_ID and "[square]" in quote["snippet"]


def test_actor_json_escapes_controls_and_decodes_back(runner):
    result = runner.invoke(main, ["actor", f"Kenyan {HOSTILE} police"])
    [coded] = assert_json_safe(result.stdout_bytes)
    assert coded["text"] == f"Kenyan {HOSTILE} police"


def test_actors_list_show_and_import_notices_escape_names_and_paths(runner, tmp_path):
    book = tmp_path / f"book-{TITLE}.yaml"  # a file name cannot hold the whole run (it has a slash)
    book.write_text(
        json.dumps([{"name": f"Amos {HOSTILE} Kiprono", "country": "KEN", "kind": "person",
                     "roles": [f"Minister {HOSTILE} | GOV | 2020-01-01.."]}]),
        encoding="utf-8",
    )
    store = str(tmp_path / "actors.db")
    imported = runner.invoke(main, ["actors", "import", str(book), "--db", store])
    assert imported.exit_code == 0, imported.output
    listed = runner.invoke(main, ["actors", "list", "--db", store])
    shown = runner.invoke(main, ["actors", "show", f"Amos {HOSTILE} Kiprono", "--db", store])
    assert "Kiprono" in listed.stdout and "Kiprono" in shown.stdout
    assert_terminal_safe(imported.stdout, imported.stderr, listed.stdout, listed.stderr, shown.stdout, shown.stderr)
