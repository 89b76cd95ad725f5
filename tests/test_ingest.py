"""Reading inputs: every bad input becomes an InputError naming it, and the
good inputs in the same batch still come through."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import sys
from types import SimpleNamespace

import pytest

from dragoman.ingest.readers import MAX_BYTES, InputError, date_from_url, make_article, normalise_date, read_inputs
from dragoman.records import Article
from seed import seed_file, seed_text


PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour deal signed | The Coastal Ledger</title>
<meta property="og:title" content="Harbour deal signed in Valparaiso">
<meta property="article:published_time" content="2023-11-07T09:15:00+01:00">
<link rel="canonical" href="https://ledger.example.com/world/harbour-deal">
</head><body>
<nav><a href="/">Front page</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour deal signed in Valparaiso</h1>
<p>Port authorities from Peru and Ecuador signed a shared maintenance agreement for their coastal harbours on Monday.</p>
<p>"This ends a decade of quarrels over dredging," a spokesperson for the Ecuadorian delegation said afterwards.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
"""


def _read(paths, **options) -> tuple[list[Article], list[InputError]]:
    items = list(read_inputs([str(p) for p in paths], **options))
    assert all(isinstance(item, (Article, InputError)) for item in items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _error_for(errors: list[InputError], name: str) -> InputError:
    matches = [e for e in errors if e.source.endswith(name)]
    assert len(matches) == 1, f"expected one error for {name}, got {errors}"
    return matches[0]


# -- make_article and dates -----------------------------------------------------


def test_make_article_defaults_id_to_text_hash_and_normalises_line_endings():
    article = make_article("Talks resumed.\r\nBoth sides\rattended.", published="2024-03-22T18:00:00Z")
    assert article.text == "Talks resumed.\nBoth sides\nattended."
    assert article.id == hashlib.sha256(article.text.encode()).hexdigest()[:16]
    assert article.published == "2024-03-22"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_make_article_refuses_empty_text(text):
    with pytest.raises(InputError, match="empty text"):
        make_article(text, id="blank")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-22", "2024-03-22"),
        ("2024-03-22T23:30:00-05:00", "2024-03-22"),  # the date as written, not moved to UTC
        ("Fri, 22 Mar 2024 10:00:00 GMT", "2024-03-22"),
        ("22 March 2024", "2024-03-22"),
        ("March 22, 2024", "2024-03-22"),
        ("22/03/2024", "2024-03-22"),
        ("03/22/2024", "2024-03-22"),
        (None, None),
        ("  ", None),
    ],
)
def test_normalise_date_accepts_common_formats(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["04/03/2024", "yesterday", "next spring", "2024-02-30"])
def test_normalise_date_refuses_ambiguous_relative_and_invalid_dates(value):
    with pytest.raises(InputError):
        normalise_date(value)


def test_bad_published_option_is_reported_once_without_reading(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.")
    items = list(read_inputs([str(tmp_path)], published="sometime"))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].source == "--published"


# -- plain text and bad files --------------------------------------------------


def test_plain_text_file_uses_stem_as_id_and_published_option(tmp_path):
    path = tmp_path / "summit-report.txt"
    path.write_bytes("\ufeffLeaders met in Nairobi.\r\nThey agreed.".encode("utf-8"))
    (article,), errors = _read([path], published="2024-05-02", source="Wire")
    assert errors == []
    assert article.id == "summit-report"
    assert article.text == "Leaders met in Nairobi.\nThey agreed."  # BOM dropped, CRLF normalised
    assert (article.published, article.source, article.title) == ("2024-05-02", "Wire", None)


def test_seed_article_reads_whole(tmp_path):
    (article,), errors = _read([seed_file(tmp_path)], published="2024-03-22")
    assert errors == []
    assert article.id == "article"
    assert article.text == seed_text()
    assert article.text.startswith("Blinken meets with Netanyahu")


def test_every_bad_input_kind_is_reported_and_good_files_survive(tmp_path):
    (tmp_path / "a_good.txt").write_text("The envoy arrived in Oslo.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nuls")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 talks".encode("latin-1"))
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "scripts.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: refused by size, never read
    (tmp_path / "z_good.txt").write_text("The envoy left Oslo.")

    articles, errors = _read([tmp_path, tmp_path / "missing.txt", tmp_path / "*.nothing"])

    assert [a.id for a in articles] == ["a_good", "z_good"]
    assert "empty file" in str(_error_for(errors, "empty.txt"))
    assert "empty text" in str(_error_for(errors, "blank.txt"))
    assert "NUL" in str(_error_for(errors, "nul.txt"))
    assert "not UTF-8 text (byte 0xe9 at offset 3)" in str(_error_for(errors, "latin1.txt"))
    assert str(_error_for(errors, "image.html")) == f"{tmp_path / 'image.html'}: a PNG image: images are not read"
    assert "no extractable text" in str(_error_for(errors, "scripts.html"))
    assert "larger than 10 MB" in str(_error_for(errors, "huge.txt"))
    assert "no such file" in str(_error_for(errors, "missing.txt"))
    assert "no files match" in str(_error_for(errors, "*.nothing"))
    assert len(errors) == 9


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    (tmp_path / "open.txt").write_text("Public statement.")
    articles, errors = _read([locked, tmp_path / "open.txt"])
    assert [a.id for a in articles] == ["open"]
    assert "cannot read" in str(_error_for(errors, "locked.txt"))


def test_directory_is_read_recursively_sorted_skipping_hidden_and_other_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "notes.md").write_text("Not an input.")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("Hidden.")
    articles, errors = _read([tmp_path])
    assert errors == []
    assert [a.text for a in articles] == ["First.", "Second."]


def test_glob_pattern_and_duplicate_paths(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    articles, errors = _read([tmp_path / "x*.txt", tmp_path / "x1.txt"])
    assert errors == []
    assert [a.id for a in articles] == ["x1", "x2"]  # x1 named twice, read once


def test_explicit_file_with_other_suffix_is_sniffed(tmp_path):
    page = tmp_path / "download"
    page.write_text(PAGE)
    note = tmp_path / "note.md"
    note.write_text("A plain note about the talks.")
    articles, errors = _read([page, note])
    assert errors == []
    assert articles[0].title == "Harbour deal signed in Valparaiso"
    assert articles[1].text == "A plain note about the talks."


# -- HTML ------------------------------------------------------------------------


def test_html_body_title_date_and_url(tmp_path):
    (tmp_path / "harbour.html").write_text(PAGE)
    (article,), errors = _read([tmp_path / "harbour.html"])
    assert errors == []
    assert article.id == "harbour"
    assert article.title == "Harbour deal signed in Valparaiso"
    assert article.published == "2023-11-07"
    assert article.url == "https://ledger.example.com/world/harbour-deal"
    assert "Port authorities from Peru and Ecuador signed" in article.text
    assert "ends a decade of quarrels" in article.text
    assert "Front page" not in article.text and "All rights reserved" not in article.text
    # paragraphs are separated like plain text, and offsets index this text
    assert "coastal harbours on Monday.\n\n\"This ends" in article.text
    start = article.text.index("Ecuador")
    assert article.text[start : start + 7] == "Ecuador"


def test_published_option_overrides_html_date(tmp_path):
    (tmp_path / "harbour.htm").write_text(PAGE)
    (article,), _ = _read([tmp_path / "harbour.htm"], published="2023-11-08")
    assert article.published == "2023-11-08"


def test_html_in_declared_legacy_charset(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Valparaiso", "Valpara\u00edso")
    (tmp_path / "legacy.html").write_bytes(page.encode("cp1252"))
    (article,), errors = _read([tmp_path / "legacy.html"])
    assert errors == []
    assert article.title == "Harbour deal signed in Valpara\u00edso"


# -- JSON -----------------------------------------------------------------------


def test_jsonl_bad_lines_are_named_and_the_rest_go_on(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": "Troops withdrew from the border.", "published": "2022-08-01", "title": "Withdrawal"}),
        '{"id": "r2", "text": "unterminated',
        "",
        json.dumps({"id": "r3", "text": "   "}),
        json.dumps({"id": "r4", "text": "Ministers met.", "published": "soon"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r6"}),
        json.dumps({"id": "r7", "text": 42}),
        json.dumps({"id": 8, "text": "Aid convoys crossed.", "url": "https://example.org/a"}),
        '{"id": "r9", "text": "Caf\xe9 diplomacy."}',  # written as Latin-1 below: not UTF-8
    ]
    (tmp_path / "batch.jsonl").write_bytes("\r\n".join(lines).encode("latin-1") + b"\r\n")
    articles, errors = _read([tmp_path / "batch.jsonl"], published="2022-08-05", source="Desk")

    assert [(a.id, a.published, a.source) for a in articles] == [
        ("r1", "2022-08-01", "Desk"),  # the record's own date wins
        ("8", "2022-08-05", "Desk"),  # the option fills the gap
    ]
    assert articles[0].title == "Withdrawal" and articles[1].url == "https://example.org/a"
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "4", "5", "6", "7", "8", "10"]
    assert "invalid JSON" in errors[0].problem
    assert "empty text" in errors[1].problem
    assert "publication date" in errors[2].problem
    assert "missing 'text'" in errors[4].problem
    assert "not UTF-8" in errors[6].problem


def test_json_array_and_single_object(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"text": "One."}, {"text": ""}, {"text": "Three."}]))
    (tmp_path / "one.json").write_text(json.dumps({"id": "solo", "text": "Alone."}))
    (tmp_path / "scalar.json").write_text("17")
    articles, errors = _read([tmp_path / "many.json", tmp_path / "one.json", tmp_path / "scalar.json"])
    assert [a.text for a in articles] == ["One.", "Three.", "Alone."]
    assert articles[2].id == "solo"
    assert sorted(e.source.rsplit("/", 1)[1] for e in errors) == ["many.json[1]", "scalar.json"]


# -- stdin ------------------------------------------------------------------------


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_plain_text(monkeypatch):
    _stdin(monkeypatch, b"Rebels shelled the airport.\r\n")
    (article,), errors = _read(["-"], published="2021-01-15")
    assert errors == []
    assert article.text == "Rebels shelled the airport.\n"
    assert article.published == "2021-01-15"
    assert len(article.id) == 16


def test_stdin_json_lines(monkeypatch):
    _stdin(monkeypatch, b'{"id": "s1", "text": "First record."}\n{oops}\n{"id": "s2", "text": "Second record."}\n')
    articles, errors = _read(["-"])
    assert [a.id for a in articles] == ["s1", "s2"]
    assert [e.source for e in errors] == ["<stdin>:2"]


def test_empty_stdin_is_an_error(monkeypatch, tmp_path):
    _stdin(monkeypatch, b"")
    (tmp_path / "ok.txt").write_text("Fine.")
    articles, errors = _read(["-", tmp_path / "ok.txt"])
    assert [a.id for a in articles] == ["ok"]
    assert [e.source for e in errors] == ["<stdin>"]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example/world/2024/03/22/talks-resume", "2024-03-22"),
        ("https://news.example/2024-03-22-talks-resume.html", "2024-03-22"),
        ("https://news.example/a/20240322/talks", "2024-03-22"),
        ("https://news.example/world/2024/03/", None),  # a month section, not a day
        ("https://news.example/2024/13/40/odd", None),
        ("https://20240322.example/story", None),  # the host is not the path
        ("", None),
        (None, None),
    ],
)
def test_publication_day_from_the_url(url, expected):
    assert date_from_url(url) == expected


def test_url_date_fills_a_missing_publication_date_only():
    url = "https://news.example/2024/03/22/story"
    assert make_article("Text.", url=url).published == "2024-03-22"
    assert make_article("Text.", url=url, published="2024-03-21").published == "2024-03-21"
    assert make_article("Text.").published is None


# -- limits: bytes read, formats, nesting, encodings, ids -------------------------


def _small_cap(monkeypatch, cap: int = 4096) -> int:
    """A cap small enough to cross cheaply; readers look MAX_BYTES up at call time."""
    monkeypatch.setattr("dragoman.ingest.readers.MAX_BYTES", cap)
    return cap


def test_a_pipe_past_the_cap_is_refused_by_name_and_the_batch_goes_on(tmp_path, monkeypatch, feed_fifo):
    cap = _small_cap(monkeypatch)
    (tmp_path / "good.txt").write_text("The envoy arrived in Oslo.")
    feed_fifo(tmp_path / "endless", b"words and more words " * (50 * cap))  # no size to stat
    articles, errors = _read([tmp_path / "endless", tmp_path / "good.txt"])
    assert [a.id for a in articles] == ["good"]
    assert str(_error_for(errors, "endless")) == f"{tmp_path / 'endless'}: larger than {cap / 2**20:g} MB"


def test_dev_zero_is_refused_after_reading_at_most_the_cap(monkeypatch):
    _small_cap(monkeypatch)
    articles, errors = _read(["/dev/zero"])
    assert articles == [] and "larger than" in _error_for(errors, "/dev/zero").problem


def test_stdin_is_read_no_further_than_the_cap(monkeypatch):
    cap = _small_cap(monkeypatch)
    stream = io.BytesIO(b"All quiet on the river. " * cap)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=stream))
    articles, errors = _read(["-"])
    assert articles == [] and [str(e) for e in errors] == [f"<stdin>: larger than {cap / 2**20:g} MB"]
    assert stream.tell() <= cap + 1


def test_a_json_lines_record_past_the_cap_is_refused_by_line_and_skipped(tmp_path, monkeypatch):
    cap = _small_cap(monkeypatch)
    long_record = json.dumps({"id": "long", "text": "Talks dragged on. " * cap})
    lines = [json.dumps({"id": "r1", "text": "Talks began."}), long_record,
             json.dumps({"id": "r3", "text": "Talks ended."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, errors = _read([tmp_path / "feed.jsonl"])
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [(e.source.rsplit(":", 1)[1], e.problem) for e in errors] == [
        ("2", f"record larger than {cap / 2**20:g} MB")]


def _deep(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def test_json_nested_too_deeply_is_refused_and_the_rest_read(tmp_path, monkeypatch):
    lines = [json.dumps({"id": "r1", "text": "Ships docked."}), '{"id": "r2", "text": "x", "extra": ' + _deep() + "}",
             json.dumps({"id": "r3", "text": "Ships sailed."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "deep.json").write_text(_deep())
    articles, errors = _read([tmp_path / "feed.jsonl", tmp_path / "deep.json"])
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [(e.source.rsplit("/", 1)[1], e.problem) for e in errors] == [
        ("feed.jsonl:2", "JSON nested too deeply"),
        ("deep.json", "JSON nested too deeply"),
    ]
    # on stdin a deep first line is still a record: refused by line, the next lines read
    _stdin(monkeypatch, "\n".join(reversed(lines[:2])).encode() + b"\n")
    articles, errors = _read(["-"])
    assert [a.id for a in articles] == ["r1"] and [str(e) for e in errors] == ["<stdin>:1: JSON nested too deeply"]


def test_half_a_surrogate_pair_in_json_is_refused_by_line_and_the_rest_read(tmp_path):
    lines = ['{"id": "s1", "text": "Envoys met \\ud83d in the capital."}', json.dumps({"id": "s2", "text": "Envoys left."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, errors = _read([tmp_path / "feed.jsonl"])
    assert [a.id for a in articles] == ["s2"]
    assert [e.problem for e in errors] == ["not valid Unicode: a lone surrogate U+D83D at character 11 "
                                           "(half of a JSON \\uXXXX pair)"]


@pytest.mark.parametrize(
    "name, head, problem",
    [
        ("feed.jsonl", gzip.compress(b'{"text": "Hidden."}\n'), "gzip-compressed"),
        ("page.html", gzip.compress(b"<html></html>"), "gzip-compressed"),
        ("bundle", b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("photo.json", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        ("anim", b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        ("still", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
    ],
)
def test_unread_formats_are_recognised_by_content_and_named(tmp_path, name, head, problem):
    (tmp_path / name).write_bytes(head + bytes(range(256)))
    (tmp_path / "good.txt").write_text("Aid trucks crossed the border.")
    articles, errors = _read([tmp_path / name, tmp_path / "good.txt"])
    assert [a.id for a in articles] == ["good"]
    assert _error_for(errors, name).problem.startswith(problem + ":")


def test_a_broken_warc_on_stdin_is_named_by_record(monkeypatch):
    _stdin(monkeypatch, b"WARC/1.0\r\nWARC-Type: request\r\n\r\nGET / HTTP/1.1\r\n")
    (error,) = _read(["-"])[1]
    assert error.source == "<stdin> record 1 at offset 0" and error.problem.startswith("broken WARC record")


def test_other_encodings_are_refused_unless_declared(tmp_path):
    text = "\u201cCaf\u00e9 talks\u201d resumed in Li\u00e8ge."
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "feed.jsonl").write_bytes(json.dumps({"id": "j", "text": text}, ensure_ascii=False).encode("cp1252"))
    _, errors = _read([tmp_path / "legacy.txt"])
    assert "not UTF-8 text (byte 0x93 at offset 0)" in errors[0].problem and "--encoding" in errors[0].problem
    articles, errors = _read([tmp_path / "legacy.txt", tmp_path / "feed.jsonl"], encoding="cp1252")
    assert errors == [] and [a.text for a in articles] == [text, text]
    _, errors = _read([tmp_path / "legacy.txt"], encoding="utf-8")  # declared but wrong: refused, named
    assert "not utf-8 text (byte 0x93 at offset 0)" in errors[0].problem
    assert [str(e) for e in _read([tmp_path / "legacy.txt"], encoding="klingon")[1]] == [
        "--encoding: unknown text encoding 'klingon'"
    ]


def test_an_id_given_twice_in_one_run_is_renamed_like_the_store_does(tmp_path):
    for folder, text in (("wire", "Rain closed the port."), ("desk", "Snow closed the pass.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text)
    same = json.dumps({"id": "report", "text": "Rain closed the port."})
    (tmp_path / "feed.jsonl").write_text(same + "\n" + same + "\n")
    notes: list[str] = []
    items = list(read_inputs([str(tmp_path / "wire"), str(tmp_path / "desk"), str(tmp_path / "feed.jsonl")],
                             on_note=notes.append))
    digest = {t: hashlib.sha256(t.encode()).hexdigest()[:8] for t in ("Rain closed the port.", "Snow closed the pass.")}
    rain, snow = digest["Rain closed the port."], digest["Snow closed the pass."]
    assert [a.id for a in items] == ["report", f"report~{snow}", f"report~{rain}", f"report~{rain}-2"]
    assert notes[0] == (f"{tmp_path / 'desk' / 'report.txt'}: id 'report' already given in this run, "
                        f"renamed 'report~{snow}'")
    assert [n.split(": ", 1)[0].rsplit("/", 1)[1] for n in notes[1:]] == ["feed.jsonl:1", "feed.jsonl:2"]
