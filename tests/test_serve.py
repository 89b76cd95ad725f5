"""The web workbench's pages and JSON, through Starlette's test client, on a demo store."""

import asyncio
import csv
import io
import re

import pytest
from starlette.testclient import TestClient

from dragoman.serve import data
from dragoman.serve.app import Workbench, create_app
from dragoman.store import DatabaseFailure

from serve_store import build


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("serve") / "demo.db")


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(str(store_path))) as test_client:
        yield test_client


def _events(client, query=""):
    return client.get(f"/events?format=json&size=200{query}").json()["events"]


PAGES = ["/", "/search?q=Blinken", "/events", "/events/seed/E1", "/articles/seed", "/articles/hostile",
         "/actor?name=Antony+Blinken", "/network", "/map", "/quotes", "/quotes?speaker=colonna",
         "/search?q=delay"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    scripts = re.search(r"script-src ([^;]*)", policy).group(1)
    assert scripts == "'self'" and "default-src 'none'" in policy
    assert "<script>" not in response.text  # only <script src=...> from /static
    for tag in re.findall(r"<script[^>]*>", response.text):
        assert re.fullmatch(r'<script src="/static/[\w./-]+" defer>', tag), tag


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_variant(client, path):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}format=json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response.json(), dict)


def test_hostile_article_comes_back_as_text(client):
    for path in ("/articles/hostile", "/events/hostile/E2", "/search?q=ministers", "/quotes?speaker=colonna",
                 "/events?article=hostile", "/search?q=delay"):
        page = client.get(path).text
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page, path
        assert "<b onmouseover" not in page, path
        assert 'href="javascript:' not in page, path
    article = client.get("/articles/hostile").text
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in article
    assert "onerror=alert(1)&gt;" in article  # the handler is shown, as text
    assert "alert(&#39;quote&#39;)" in article
    assert "original</a>" not in article  # a javascript: URL is no link


def test_user_input_is_escaped(client):
    page = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    page = client.get("/quotes", params={"speaker": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in page
    page = client.get("/actor", params={"name": "<script>alert(1)</script>"})
    assert page.status_code == 404 and "<script>alert" not in page.text


def test_the_events_table_filters_sorts_and_pages(client):
    everything = _events(client)
    assert {e["article_id"] for e in everything} == {"seed", "hostile"}
    consults = _events(client, "&type=CONSULT")
    assert consults and all(e["event"] == "CONSULT" for e in consults)
    french = _events(client, "&actor=FRA")
    assert french and all("FRA" in e["actor_countries"] for e in french)
    by_type = [e["event"] for e in _events(client, "&sort=type")]
    assert by_type == sorted(by_type)
    assert [e["event"] for e in _events(client, "&sort=-type")] == sorted(by_type, reverse=True)
    first = client.get("/events?format=json&size=2&sort=type").json()
    second = client.get("/events?format=json&size=2&offset=2&sort=type").json()
    assert first["count"] == len(everything) and len(first["events"]) == 2
    assert [e["event_id"] for e in first["events"] + second["events"]] == \
        [e["event_id"] for e in _events(client, "&sort=type")[:4]]
    html = client.get("/events?type=CONSULT&size=2").text
    assert 'rel="next"' in html and "type=CONSULT" in html.split('rel="next"')[1][:200]


def test_page_sizes_and_offsets_are_capped(client):
    found = client.get("/events?format=json&size=100000&offset=99999999").json()
    assert found["size"] == data.MAX_PAGE and found["offset"] == data.MAX_OFFSET


@pytest.mark.parametrize("query", ["type=NOPE", "since=yesterday", "sort=secret", "size=many", "status=rumoured"])
def test_a_bad_query_string_is_a_400_naming_it(client, query):
    response = client.get(f"/events?{query}&format=json")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["error"]


def test_export_links_use_the_export_formats(client):
    html = client.get("/events?country=ISR").text
    assert 'href="/export/csv?country=ISR"' in html
    response = client.get("/export/csv?country=ISR")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(_events(client, "&country=ISR"))
    assert client.get("/export/parquet").status_code == 404
    assert client.get("/export/geojson").json()["type"] == "FeatureCollection"


def test_the_event_page_highlights_its_sentence_and_explains_it(client):
    found = client.get("/events/seed/E1?format=json").json()
    start, end = found["sentence"]
    assert found["sentence_text"] == found["text"][start:end] and found["trigger_text"] in found["sentence_text"]
    assert found["rule"]
    html = client.get("/events/seed/E1").text
    marked = re.search(r'<mark id="sentence" class="sentence">(.*?)</mark>', html, re.S).group(1)
    assert found["trigger_text"] in marked
    for party in found["actor"] + found["recipient"]:
        if party["actor"]:
            assert f'href="/actor?name={party["actor"].replace(" ", "%20")}"' in html
    assert client.get("/events/seed/E999").status_code == 404


def test_the_actor_page_shows_who_events_neighbours_and_quotes(client):
    found = client.get("/actor?name=catherine colonna&format=json").json()
    assert found["as_written"][0]["country"] == "FRA"
    assert found["events"] and all(e["article_id"] == "hostile" for e in found["events"])
    assert "Olaf Scholz" in [n["name"] for n in found["neighbours"]]
    html = client.get("/actor?name=Antony Blinken").text
    assert '<svg id="timeline"' in html and "<rect" in html


def test_network_and_map_follow_the_filter(client):
    network = client.get("/network?format=json&actor=FRA").json()
    assert {"source": "Catherine Colonna", "target": "Olaf Scholz"}.items() <= \
        {k: network["edges"][0][k] for k in ("source", "target")}.items()
    assert {n["id"] for n in network["nodes"]} == {e["source"] for e in network["edges"]} | \
        {e["target"] for e in network["edges"]}
    points = client.get("/map?format=json&country=DEU").json()["events"]
    assert points and all(p["lat"] is not None for p in points)
    html = client.get("/map?country=DEU").text
    assert 'data-source="/map?country=DEU&amp;format=json"' in html


def test_quotes_by_speaker_and_by_words(client):
    by_speaker = client.get("/quotes?format=json&speaker=COLONNA").json()["quotes"]
    assert [q["article_id"] for q in by_speaker] == ["hostile"]
    by_words = client.get("/quotes?format=json&q=delay").json()["quotes"]
    assert [q["quote_id"] for q in by_words] == ["Q1"]
    assert client.get("/quotes?format=json&speaker=nobody&q=delay").json()["quotes"] == []


def test_static_files_without_path_traversal(client):
    assert client.get("/static/vendor/leaflet.js").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/vendor/../../data.py"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "def " not in response.text


def test_the_store_is_opened_read_only(store_path, client):
    async def delete_through_the_workbench() -> None:
        bench = Workbench(str(store_path))
        async with bench.lifespan(None):
            with pytest.raises(DatabaseFailure, match="readonly"):
                bench.store._db.execute("DELETE FROM articles")

    asyncio.run(delete_through_the_workbench())
    assert client.post("/events").status_code == 405
    assert client.get("/events?format=json").json()["count"] > 0


def test_serve_names_a_store_it_cannot_open(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    result = CliRunner().invoke(main, ["serve", str(tmp_path / "missing.db")])
    assert result.exit_code == 4
    assert "missing.db" in result.output
    assert "dragoman serve news.db" in CliRunner().invoke(main, ["serve", "--help"]).output
