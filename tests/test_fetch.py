"""fetch and watch against a news site on 127.0.0.1 that misbehaves in every way we guard against."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError, FetchPolicy
from dragoman.ingest.harvest import STATE_FILE

ARTICLES = {
    "/news/harbour.html": (
        "Harbour workers end their strike",
        "Dock workers in the port city returned to work on Tuesday after a nine-day strike over pay. "
        "The union said the employers had agreed to raise wages by six percent over two years. "
        "Shipping companies had diverted several container vessels to other ports during the stoppage. "
        "The mayor welcomed the agreement and thanked both sides for their patience.",
    ),
    "/news/election.html": (
        "Opposition wins the provincial vote",
        "The opposition party won a clear majority in the provincial election held on Sunday. "
        "Its leader promised to build new schools and to reduce the waiting lists at public hospitals. "
        "The governing party conceded defeat late in the evening and congratulated the winners. "
        "Turnout was higher than at the previous election, according to the electoral commission.",
    ),
    "/news/bridge.html": (
        "Flood closes the old river bridge",
        "Engineers closed the old stone bridge over the river after heavy rain raised the water level. "
        "Drivers were told to use the motorway crossing to the north until further notice. "
        "The regional council said an inspection of the foundations would take at least a week. "
        "Farmers along the valley moved their cattle to higher ground as a precaution.",
    ),
}


def _page(title: str, text: str) -> bytes:
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
    body = "".join(f"<p>{s.rstrip('.')}.</p>" for s in sentences)
    return (f"<!doctype html><html><head><title>{title}</title>"
            f'<meta name="date" content="2024-05-02"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def _rss(links: list[str | None]) -> bytes:
    items = "".join(
        f"<item><title>story {n}</title>{f'<link>{link}</link>' if link else ''}</item>"
        for n, link in enumerate(links)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>'
            f"<link>http://example.invalid/</link>{items}</channel></rss>").encode()


class _Site(BaseHTTPRequestHandler):
    """Routes of the test site; `hits` counts requests per path, `slow_pages` delays articles."""

    hits: Counter = Counter()
    slow_pages = 0.0

    def log_message(self, *_args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html", headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path
        self.hits[path] += 1
        if path == "/robots.txt":
            rules = "User-agent: *\nDisallow: /private/\n\nUser-agent: slowbot\nCrawl-delay: 3\n"
            return self._send(200, rules.encode(), "text/plain")
        if path in ("/feed.xml", "/watch.xml"):
            links = list(ARTICLES) if path == "/watch.xml" else [*ARTICLES, None, "/private/memo.html", "/missing.html"]
            return self._etagged(_rss(links), "application/rss+xml")
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>http://{self.headers['Host']}{p}</loc></url>" for p in ARTICLES)
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
            return self._send(200, body, "application/xml")
        if path.startswith("/amp/"):  # a mobile copy naming the article's own address
            own = f"http://{self.headers['Host']}/news/" + path.split("?")[0].removeprefix("/amp/")
            page = _page(*ARTICLES["/news/harbour.html"]).replace(
                b"</head>", f'<link rel="canonical" href="{own}"></head>'.encode())
            return self._send(200, page, "text/html; charset=utf-8")
        if path.split("?")[0] in ARTICLES:
            time.sleep(self.slow_pages)
            path = path.split("?")[0]
            return self._etagged(_page(*ARTICLES[path]), "text/html; charset=utf-8")
        if path == "/slow.html":
            time.sleep(3)
            return self._send(200, b"<html>late</html>")
        if path == "/broken.html":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>cut")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        if path == "/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: only the reader's cap stops it
            try:
                for _ in range(1000):
                    self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
            except OSError:
                pass
            return None
        if path.startswith("/loop-"):
            following = "/loop-b" if path == "/loop-a" else "/loop-a"
            return self._send(302, headers=[("Location", following)])
        if path == "/moved.html":
            return self._send(301, headers=[("Location", "/news/harbour.html")])
        if path == "/photo.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        if path == "/flaky.html":
            if self.hits[path] <= 2:
                return self._send(503, b"busy")
            return self._send(200, _page(*ARTICLES["/news/bridge.html"]))
        if path == "/busy.html":  # too many requests: come back in 2 s, then it is there
            if self.hits[path] == 1:
                return self._send(429, b"slow down", headers=[("Retry-After", "2")])
            return self._send(200, _page(*ARTICLES["/news/bridge.html"]))
        if path == "/down.html":
            return self._send(500, b"down")
        return self._send(404, b"not here")

    def _etagged(self, body: bytes, content_type: str) -> None:
        import hashlib

        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, headers=[("ETag", etag)])
        return self._send(200, body, content_type, headers=[("ETag", etag)])


@pytest.fixture
def site():
    _Site.hits = Counter()
    _Site.slow_pages = 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


QUICK = FetchPolicy(connect_timeout=0.5, read_timeout=0.5, deadline=2, retries=2, backoff=0.01,
                    per_host_delay=0, max_bytes=200_000)


def _get(url: str, accept=PAGE_TYPES, policy: FetchPolicy = QUICK):
    with Fetcher(policy) as fetcher:
        return fetcher.get(url, accept)


@pytest.mark.parametrize("path, problem", [
    ("/slow.html", "timed out (no data) after 3 attempts"),
    ("/broken.html", "connection failed (RemoteProtocolError"),
    ("/huge.html", "body larger than the 200,000 bytes allowed"),
    ("/loop-a", "more than 5 redirects (a redirect loop?)"),
    ("/photo.png", "content type image/png, not one of"),
    ("/missing.html", "HTTP 404"),
    ("/down.html", "HTTP 500 after 3 attempts"),
    ("/private/memo.html", "disallowed by robots.txt"),
])
def test_every_failure_is_named_and_nothing_hangs(site, path, problem):
    started = time.monotonic()
    with pytest.raises(FetchError) as failure:
        _get(site + path)
    assert str(failure.value).startswith(f"{site}{path}: {problem}")
    assert time.monotonic() - started < 5


def test_a_server_error_is_retried_then_the_page_comes(site):
    response = _get(site + "/flaky.html")
    assert response.status == 200 and b"stone bridge" in response.body
    assert _Site.hits["/flaky.html"] == 3


def test_redirects_are_followed_and_a_404_is_not_retried(site):
    with Fetcher(QUICK) as fetcher:
        assert fetcher.get(site + "/moved.html", PAGE_TYPES).url == site + "/news/harbour.html"
        with pytest.raises(FetchError):
            fetcher.get(site + "/missing.html", PAGE_TYPES)
    assert _Site.hits["/missing.html"] == 1
    assert _Site.hits["/robots.txt"] == 1  # once per host and fetcher


def test_a_feed_is_refused_where_a_page_is_expected_and_read_where_a_feed_is(site):
    with pytest.raises(FetchError, match="content type application/rss"):
        _get(site + "/feed.xml")
    assert _get(site + "/feed.xml", accept=FEED_TYPES).body.startswith(b"<?xml")


def test_one_host_is_not_asked_twice_within_the_delay(site):
    waits = []
    policy = FetchPolicy(per_host_delay=5, retries=0)
    with Fetcher(policy, sleep=waits.append) as fetcher:
        fetcher.get(site + "/news/harbour.html", PAGE_TYPES)
        fetcher.get(site + "/news/bridge.html", PAGE_TYPES)
    # robots.txt, then two pages: each request after the first waited for nearly the whole delay
    assert len(waits) == 2 and all(4 < wait <= 5 for wait in waits)


def test_a_host_s_crawl_delay_and_retry_after_are_honoured_within_limits(site):
    waits = []
    with Fetcher(FetchPolicy(per_host_delay=0.5, retries=1, user_agent="slowbot/1.0"), sleep=waits.append) as fetcher:
        fetcher.get(site + "/news/harbour.html", PAGE_TYPES)
        fetcher.get(site + "/news/bridge.html", PAGE_TYPES)
    assert len(waits) == 2 and all(2 < wait <= 3 for wait in waits)  # robots.txt's 3 s, not our 0.5 s

    waits.clear()
    with Fetcher(FetchPolicy(per_host_delay=0, retries=1, backoff=0.01), sleep=waits.append) as fetcher:
        assert b"stone bridge" in fetcher.get(site + "/busy.html", PAGE_TYPES).body
    assert waits == [2.0]  # what Retry-After asked for, not our 0.01 s backoff

    waits.clear()
    with Fetcher(FetchPolicy(per_host_delay=0, retries=1, max_wait=1, user_agent="slowbot/1.0"),
                 sleep=waits.append) as fetcher:
        fetcher.get(site + "/news/harbour.html", PAGE_TYPES)
        fetcher.get(site + "/news/bridge.html", PAGE_TYPES)
    assert len(waits) == 2 and all(0 < wait <= 1 for wait in waits)  # no more than max_wait


def _fetch(runner, *args):
    return runner.invoke(main, ["fetch", "--timeout", "0.5", "--retries", "1", "--delay", "0", *args])


def test_fetch_reads_a_feed_names_its_bad_entries_and_a_re_poll_costs_a_304(site, tmp_path):
    runner = CliRunner()
    archive, out = tmp_path / "archive", tmp_path / "articles.jsonl"
    result = _fetch(runner, site + "/feed.xml", "-o", str(out), "--archive", str(archive))
    assert result.exit_code == 1, result.output
    assert f"{site}/feed.xml: entry 4: no link" in result.stderr
    assert f"{site}/private/memo.html: disallowed by robots.txt" in result.stderr
    assert f"{site}/missing.html: HTTP 404" in result.stderr
    assert "3 fetched, 0 unchanged, 0 already fetched, 3 failed" in result.stderr
    articles = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(a["title"] for a in articles) == sorted(title for title, _ in ARTICLES.values())
    assert {a["url"] for a in articles} == {site + path for path in ARTICLES}
    assert all(a["published"] == "2024-05-02" for a in articles)

    # the pages are kept: ingest (here extract) reads them from the archive, no network
    warcs = list(archive.glob("*.warc.gz"))
    assert len(warcs) == 1 and (archive / STATE_FILE).exists()

    # the feed failed some pages, so it is read again, but no page is fetched twice
    hits_before = sum(_Site.hits[p] for p in ARTICLES)
    again = _fetch(runner, site + "/feed.xml", "--archive", str(archive))
    assert "0 fetched, 0 unchanged, 3 already fetched" in again.stderr
    assert sum(_Site.hits[p] for p in ARTICLES) == hits_before


def test_an_unchanged_feed_and_page_cost_a_304(site, tmp_path):
    runner = CliRunner()
    args = [site + "/watch.xml", site + "/news/harbour.html", "--archive", str(tmp_path), "-o", os.devnull]
    first = _fetch(runner, *args)
    assert first.exit_code == 0 and "3 fetched, 1 unchanged" in first.stderr, first.stderr  # the feed listed it
    second = _fetch(runner, *args)
    assert second.exit_code == 0 and "0 fetched, 2 unchanged" in second.stderr, second.stderr


def test_fetch_reads_a_sitemap(site, tmp_path):
    result = _fetch(CliRunner(), site + "/sitemap.xml", "--archive", str(tmp_path / "a"))
    assert result.exit_code == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]  # on stdout without -o
    assert {a["url"] for a in articles} == {site + path for path in ARTICLES}


def test_an_article_is_known_by_its_canonical_address_without_tracking_parameters(site, tmp_path):
    result = _fetch(CliRunner(), site + "/amp/harbour.html?utm_source=rss", site + "/news/bridge.html?utm_medium=feed&fbclid=x1",
                    "--archive", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    urls = sorted(json.loads(line)["url"] for line in result.stdout.splitlines())
    assert urls == [site + "/news/bridge.html", site + "/news/harbour.html"]


@pytest.mark.parametrize("named, fetched, known_as", [
    ("https://news.example.org/world/talks", "https://m.example.org/t?utm_source=x", "https://news.example.org/world/talks"),
    ("https://news.example.org/", "https://news.example.org/world/talks?id=7&utm_campaign=y#comments",
     "https://news.example.org/world/talks?id=7"),  # a front page is a template mistake, not the article
    ("/world/talks", "https://news.example.org/world/talks", "https://news.example.org/world/talks"),
    (None, None, None),
])
def test_canonical_url(named, fetched, known_as):
    from dragoman.ingest.urls import canonical_url

    assert canonical_url(named, fetched) == known_as


def test_a_file_of_urls_and_usage_errors(site, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our test feed\n{site}/watch.xml\n\n")
    result = _fetch(CliRunner(), str(feeds), "--archive", str(tmp_path / "a"), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0 and "3 fetched" in result.stderr
    assert _fetch(CliRunner(), str(tmp_path / "nothing.txt")).exit_code == 2
    assert CliRunner().invoke(main, ["watch", str(feeds), "--db", "x.db", "--every", "soon"]).exit_code == 2


def _watch(feeds: Path, db: Path, archive: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "dragoman.cli", "watch", str(feeds), "--db", str(db), "--archive", str(archive),
         "--timeout", "2", "--retries", "0", "--delay", "0", *extra],
        env=env, stderr=subprocess.PIPE, text=True,
    )


def _pages_seen(archive: Path) -> int:
    try:
        with sqlite3.connect(archive / STATE_FILE) as db:
            return db.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_watch_survives_failures_resumes_after_a_kill_and_stops_on_sigterm(site, tmp_path):
    from dragoman.store import Store

    feeds, db, archive = tmp_path / "feeds.txt", tmp_path / "news.db", tmp_path / "archive"
    feeds.write_text(f"{site}/watch.xml\n{site}/slow.html\n{site}/photo.png\n")
    _Site.slow_pages = 1.5  # the kill lands while the second page is on its way

    killed = _watch(feeds, db, archive, "--every", "1s")
    deadline = time.monotonic() + 60
    while _pages_seen(archive) < 1 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    assert 1 <= _pages_seen(archive) < 3  # killed in the middle of the round

    _Site.slow_pages = 0
    resumed = _watch(feeds, db, archive, "--every", "1h")
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = resumed.stderr.readline()
        lines.append(line)
        if "watch round 1:" in line or not line:
            break
    # the round's archive goes through ingest next; SIGTERM lets it finish, then ends the watch
    resumed.send_signal(signal.SIGTERM)
    rest = resumed.stderr.read()
    assert resumed.wait(60) == 1  # the slow and the image URLs failed, each named
    stderr = "".join(lines) + rest
    assert f"{site}/slow.html: timed out (no data)" in stderr
    assert f"{site}/photo.png: content type image/png" in stderr
    assert "watch stopped after 1 round" in stderr

    with Store.open(str(db), read_only=True) as store:
        urls = [article.url for article in store.articles()]
    assert sorted(urls) == sorted(site + path for path in ARTICLES)  # none lost, none twice
    assert all(_Site.hits[path] <= 2 for path in ARTICLES)
