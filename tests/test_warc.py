"""WARC and WARC.gz input: HTML response records read as articles, the rest counted, broken records named."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.ingest import readers
from dragoman.ingest.readers import InputError, read_inputs

DAM = ["Negotiators from the three river states met again on Tuesday to discuss how fast the reservoir behind "
       "the new dam may be filled.",
       "The talks, hosted by the regional bloc, ended without an agreement, but the delegations promised to meet "
       "again within a month."]
PORT = ["Dock workers in the northern port walked out on Monday over pay, halting the loading of grain ships for "
        "the second time this year.",
        "Union leaders said the strike would last until the port authority came back to the table."]


def _page(title: str, paragraphs: list[str], date: str = "") -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title>{meta}</head><body><article>{body}</article></body></html>".encode()


def _warc(path, records, gzip: bool) -> None:
    """Write (kind, url, payload, content type, status, WARC-Date) records with warcio's writer."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for kind, url, payload, content_type, status, date in records:
            http = None
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)


def _crawl(dated_page: str = "") -> list[tuple]:
    return [
        ("request", "https://news.example/dam", b"GET /dam HTTP/1.1\r\n\r\n", None, None, "2024-05-02T10:00:00Z"),
        ("response", "https://news.example/dam", _page("Dam talks resume", DAM, dated_page),
         "text/html; charset=utf-8", "200 OK", "2024-05-02T10:00:00Z"),
        ("response", "https://news.example/logo.png", b"\x89PNG\r\n", "image/png", "200 OK", "2024-05-02T10:00:01Z"),
        ("response", "https://news.example/old", _page("Moved", ["Gone."]), "text/html", "301 Moved Permanently",
         "2024-05-02T10:00:02Z"),
        ("metadata", "https://news.example/dam", b"fetchTimeMs: 120\r\n", None, None, "2024-05-02T10:00:03Z"),
        ("response", "https://news.example/2024/04/30/port-strike", _page("Port strike", PORT),
         "application/xhtml+xml", "200 OK", "2024-05-03T08:00:00Z"),
    ]


def _read(paths):
    notes, articles, errors = [], [], []
    for item in read_inputs([str(p) for p in paths], on_note=notes.append):
        (errors if isinstance(item, InputError) else articles).append(item)
    return articles, errors, notes


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False), ("crawl.bin", True)])
def test_html_responses_are_articles_and_other_records_are_counted(tmp_path, name, gzip):
    _warc(tmp_path / name, _crawl("2024-04-29"), gzip)
    articles, errors, notes = _read([tmp_path / name])
    assert errors == []
    dam, port = articles
    assert dam.url == "https://news.example/dam" and dam.title == "Dam talks resume"
    assert "reservoir behind the new dam" in dam.text and "fetchTimeMs" not in dam.text
    assert dam.published == "2024-04-29"  # the page's own date wins over the WARC-Date
    assert port.published == "2024-04-30"  # no page date: the day in the URL, not the crawl
    assert notes == [f"{tmp_path / name}: WARC archive: 2 HTML pages, 4 records skipped "
                     "(1 HTTP 301 response, 1 metadata, 1 non-HTML response, 1 request)"]


def test_the_warc_date_is_the_last_fallback(tmp_path):
    records = [r for r in _crawl() if r[1] == "https://news.example/dam"]
    _warc(tmp_path / "crawl.warc.gz", records, True)
    (article,), _, _ = _read([tmp_path / "crawl.warc.gz"])
    assert article.published == "2024-05-02"


def test_a_directory_finds_warc_files(tmp_path):
    _warc(tmp_path / "crawl.warc.gz", _crawl(), True)
    (tmp_path / "notes.gz").write_bytes(b"\x1f\x8b")  # not a WARC suffix: not searched
    articles, errors, _ = _read([tmp_path])
    assert len(articles) == 2 and errors == []


def test_a_warc_without_html_pages_is_an_error(tmp_path):
    _warc(tmp_path / "crawl.warc", [r for r in _crawl() if r[0] != "response"], False)
    _, (error,), _ = _read([tmp_path / "crawl.warc"])
    assert error.problem == "no article read from this WARC archive (0 HTML pages, 2 records skipped (1 metadata, 1 request))"


def test_pages_without_article_text_are_skipped_and_counted_not_errors(tmp_path):
    front = ("response", "https://news.example/", b"<html><head><title>Front</title></head><body><script>var edition = 1;</script></body></html>",
             "text/html", "200 OK", "2024-05-02T10:00:00Z")
    _warc(tmp_path / "crawl.warc.gz", [front, *_crawl()], True)
    articles, errors, notes = _read([tmp_path / "crawl.warc.gz"])
    assert len(articles) == 2 and errors == []
    assert "5 records skipped (1 HTTP 301 response, 1 metadata, 1 non-HTML response, 1 page without article text, " \
           "1 request)" in notes[0]


@pytest.mark.parametrize(
    "gzip, broken",
    [
        (True, b"\x1f\x8bthis is no gzip member at all"),
        (False, b"WARC/1.0\r\nWARC-Type: response\r\n\r\nnot HTTP\r\n\r\n"),
        # cut short, without its Content-Length: warcio alone would read the rest as its content
        (False, b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/cut\r\n\r\n"
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Half a pa"),
    ],
    ids=["gzip", "plain", "cut-short"],
)
def test_a_broken_record_is_named_and_the_rest_is_read(tmp_path, gzip, broken):
    good = tmp_path / "good.warc"
    _warc(good, _crawl()[:2], gzip)
    _warc(tmp_path / "after.warc", _crawl()[5:], gzip)
    first = good.read_bytes()
    (tmp_path / "crawl.warc").write_bytes(first + broken + (tmp_path / "after.warc").read_bytes())
    articles, (error,), _ = _read([tmp_path / "crawl.warc"])
    assert [a.title for a in articles] == ["Dam talks resume", "Port strike"]
    assert error.source == f"{tmp_path / 'crawl.warc'} record 3 at offset {len(first)}"
    assert error.problem.startswith("broken WARC record (")


def test_a_page_over_the_cap_is_refused_by_record_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 4096)
    from dragoman.ingest import warc
    monkeypatch.setattr(warc, "MAX_BYTES", 4096)
    records = _crawl()
    records.insert(2, ("response", "https://news.example/huge", _page("Huge", ["word " * 2000]), "text/html",
                       "200 OK", "2024-05-02T10:00:00Z"))
    _warc(tmp_path / "crawl.warc.gz", records, True)
    articles, (error,), _ = _read([tmp_path / "crawl.warc.gz"])
    assert len(articles) == 2
    assert "record 3 at offset" in error.source and error.problem == "page larger than 0.00390625 MB"
