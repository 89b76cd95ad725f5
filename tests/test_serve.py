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
    """Event mentions (one article's report each)."""
    return client.get(f"/events?format=json&size=200&mentions=1{query}").json()["events"]


def _fused(client, query=""):
    return client.get(f"/events?format=json&size=200{query}").json()["events"]


PAGES = ["/", "/search?q=Blinken", "/events", "/events?mentions=1", "/events/seed/E1", "/articles/seed",
         "/articles/hostile", "/actor?name=Antony+Blinken", "/network", "/map", "/quotes", "/quotes?speaker=colonna",
         "/search?q=delay", "/fused/seed%23E1", "/stories", "/story/S:seed", "/story/S:hostile", "/trace/seed/E1"]


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
                 "/events?article=hostile", "/events?article=hostile&mentions=1", "/search?q=delay", "/stories",
                 "/story/S:hostile", "/fused/hostile%23E1", "/fused/hostile%23E2", "/events?story=S:hostile",
                 "/trace/hostile/E2"):
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
    for path in ("/stories", "/story/S:hostile"):  # its headline titles its story
        assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in client.get(path).text, path
    assert "alert(&#39;quote&#39;)" in client.get("/fused/hostile%23E3").text  # a source sentence, as text


def test_user_input_is_escaped(client):
    page = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    page = client.get("/quotes", params={"speaker": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in page
    page = client.get("/actor", params={"name": "<script>alert(1)</script>"})
    assert page.status_code == 404 and "<script>alert" not in page.text


def test_the_events_table_filters_sorts_and_pages(client):
    everything = _events(client)
    assert {e["article_id"] for e in everything} == {"seed", "hostile", "courier"}
    consults = _events(client, "&type=CONSULT")
    assert consults and all(e["event"] == "CONSULT" for e in consults)
    french = _events(client, "&actor=FRA")
    assert french and all("FRA" in e["actor_countries"] for e in french)
    by_type = [e["event"] for e in _events(client, "&sort=type")]
    assert by_type == sorted(by_type)
    assert [e["event"] for e in _events(client, "&sort=-type")] == sorted(by_type, reverse=True)
    first = client.get("/events?format=json&size=2&sort=type&mentions=1").json()
    second = client.get("/events?format=json&size=2&offset=2&sort=type&mentions=1").json()
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


def test_query_costs_are_bounded(client):
    """A filter takes at most MAX_VALUES values of a kind, a full-text query at most
    MAX_QUERY_TERMS words and phrases; beyond, a 400 naming the parameter."""
    many = "&".join(f"actor=Envoy{n}" for n in range(data.MAX_VALUES + 1))
    for page in ("/events", "/network", "/map", "/export/csv"):
        response = client.get(f"{page}?{many}&format=json")
        assert response.status_code == 400 and "actor" in response.text, page
    enough = "&".join(f"actor=Envoy{n}" for n in range(data.MAX_VALUES - 1)) + "&actor=FRA"
    assert _events(client, "&" + enough) == _events(client, "&actor=FRA")
    words = " ".join(f"word{n}" for n in range(data.MAX_QUERY_TERMS + 1))
    for page in ("/search", "/quotes"):
        response = client.get(page, params={"q": words, "format": "json"})
        assert response.status_code == 400 and response.json()["error"].startswith("q:"), page
        assert client.get(page, params={"q": " ".join(words.split()[1:])}).status_code == 200
    # a word repeated is one term: it is searched once, and allowed
    repeated = client.get("/search", params={"q": " ".join(["delay"] * 100), "format": "json"}).json()
    assert repeated == client.get("/search?q=delay&format=json").json() | {"q": repeated["q"]}
    assert repeated["quotes"]


def test_export_links_use_the_export_formats(client):
    html = client.get("/events?country=ISR").text
    assert 'href="/export/csv?country=ISR"' in html
    response = client.get("/export/csv?country=ISR")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(_fused(client, "&country=ISR"))  # one row per fused event, as the table
    mentions = list(csv.DictReader(io.StringIO(client.get("/export/csv?country=ISR&mentions=1").text)))
    # (the seed's ISR meetings are two: Netanyahu, then the war cabinet; so as many rows as mentions)
    assert len(mentions) == len(_events(client, "&country=ISR")) >= len(rows)
    assert client.get("/export/geojson").json()["type"] == "FeatureCollection"
    assert client.get("/export/nosuchformat").status_code == 404


def test_every_events_view_links_each_export_format(client):
    for url, selected in (("/events?country=ISR", "country=ISR"), ("/network?country=ISR", "country=ISR"),
                          ("/map?country=ISR", "country=ISR"), ("/story/S:seed", "story=S%3Aseed")):
        html = client.get(url).text
        for name in ("csv", "parquet", "geojson", "gexf", "plover-jsonl"):
            assert f'href="/export/{name}?{selected}"' in html, (url, name)


def test_parquet_downloads_the_rows_of_the_csv(client):
    pq = pytest.importorskip("pyarrow.parquet")
    response = client.get("/export/parquet?country=ISR")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="events.parquet"'
    table = pq.read_table(io.BytesIO(response.content))
    rows = list(csv.DictReader(io.StringIO(client.get("/export/csv?country=ISR").text)))
    assert table.num_rows == len(rows) > 0
    assert table.column_names == list(rows[0])
    assert table.column("event").to_pylist() == [row["event"] for row in rows]


def test_without_pyarrow_the_parquet_link_says_how_to_install_it(store_path, monkeypatch):
    from dragoman.serve import app

    monkeypatch.setitem(app.NEEDS, "parquet", ("no_such_module_here", "pip install 'dragoman[export]'"))
    with TestClient(create_app(str(store_path))) as without:
        html = without.get("/events").text
        assert 'href="/export/parquet' not in html
        assert "parquet (needs <code>pip install &#39;dragoman[export]&#39;</code>)" in html
        assert 'href="/export/csv' in html
        response = without.get("/export/parquet?format=json")
        assert response.status_code == 501 and "pip install 'dragoman[export]'" in response.json()["error"]


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


def test_the_trace_gives_each_party_its_dependency_path_and_the_status_cues(client):
    found = client.get("/trace/seed/E1?format=json").json()
    event = client.get("/events/seed/E1?format=json").json()
    assert found["paths_found"] and (found["event"], found["rule"]) == (event["event"], event["rule"])
    start, end = found["trigger_in_sentence"]
    assert found["sentence_text"][start:end] == found["trigger_text"] == event["trigger_text"]
    parties = {"actor_paths": event["actor"], "recipient_paths": event["recipient"]}
    for side, named in parties.items():
        assert [p["party"] for p in found[side]] == [p["text"] for p in named] != []
        for step in found[side]:  # from the trigger to a word of the party
            assert step["path"].startswith(found["head"]) and step["path"].split()[-1] in step["party"]
    assert found["status_reasons"] and found["date_value"] == event["date"]["value"]
    html = client.get("/trace/seed/E1").text
    assert f'<code class="path">{found["actor_paths"][0]["path"]}</code>' in html
    assert 'class="trace-link" href="/trace/seed/E1"' in client.get("/events/seed/E1").text
    assert client.get("/trace/seed/E99").status_code == 404


def test_a_trace_not_found_again_says_so(client, monkeypatch):
    """An event whose trigger the re-read no longer codes there (a lexicon changed since)."""
    import msgspec

    from dragoman.records import Trigger

    stored = data.to_trace

    def moved(store, article_id, event_id):
        article, event = stored(store, article_id, event_id)
        return article, msgspec.structs.replace(event, trigger=Trigger(text="Blinken", start=104, end=111))

    monkeypatch.setattr(data, "to_trace", moved)
    found = client.get("/trace/seed/E1?format=json").json()
    assert not found["paths_found"] and found["actor_paths"] == []
    assert "not found again" in client.get("/trace/seed/E1").text


def _counting_reads(monkeypatch) -> list[str]:
    """The ids of the articles the workbench re-reads for a trace, in order."""
    reads = []
    read = data.article_traces

    def counted(article, pipeline):
        reads.append(article.id)
        return read(article, pipeline)

    monkeypatch.setattr(data, "article_traces", counted)
    return reads


def test_a_trace_asked_again_answers_from_the_kept_traces(store_path, monkeypatch):
    reads = _counting_reads(monkeypatch)
    with TestClient(create_app(str(store_path))) as fresh:
        first = fresh.get("/trace/seed/E1?format=json").json()
        assert fresh.get("/trace/seed/E1?format=json").json() == first and first["paths_found"]
        other = fresh.get("/trace/seed/E2?format=json").json()  # another event of the article: its trace is kept too
        assert other["paths_found"] and other["id"] == "E2"
        assert reads == ["seed"]


def test_the_kept_traces_are_bounded_and_follow_the_stored_article(store_path, tmp_path, monkeypatch):
    import shutil
    import sqlite3

    from dragoman.serve import app

    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    reads = _counting_reads(monkeypatch)
    monkeypatch.setattr(app, "TRACED_ARTICLES", 1)
    with TestClient(create_app(str(copy))) as fresh:
        for article_id in ("seed", "hostile", "seed"):
            assert fresh.get(f"/trace/{article_id}/E1?format=json").status_code == 200
        assert reads == ["seed", "hostile", "seed"]  # one article kept: the second seed is read again
        assert fresh.get("/trace/seed/E1?format=json").json()["paths_found"]
        assert reads == ["seed", "hostile", "seed"]
        with sqlite3.connect(copy) as db:  # the article changed in the store since (re-ingested, say)
            db.execute("UPDATE articles SET text = text || ' The talks went on late.' WHERE id = 'seed'")
        assert fresh.get("/trace/seed/E1?format=json").json()["paths_found"]
        assert reads == ["seed", "hostile", "seed", "seed"]  # read again: not the traces of the older text


def test_the_actor_page_shows_who_events_neighbours_and_quotes(client):
    found = client.get("/actor?name=catherine colonna&format=json").json()
    assert found["as_written"][0]["country"] == "FRA"
    assert found["events"] and all(e["article_id"] == "hostile" for e in found["events"])
    assert "Olaf Scholz" in [n["name"] for n in found["neighbours"]]
    html = client.get("/actor?name=Antony Blinken").text
    assert '<svg id="timeline"' in html and "<rect" in html


def test_each_registry_fact_links_to_where_it_came_from(client):
    from dragoman.serve.app import _source_href

    roles = client.get("/actor?name=Antony Blinken&format=json").json()["registry"]["roles"]
    assert "article:seed" in {r["source"] for r in roles}
    assert '<a class="source" href="/articles/seed">article:seed</a>' in client.get("/actor?name=Antony Blinken").text
    assert _source_href("wikidata:Q42") == "https://www.wikidata.org/wiki/Q42"
    assert _source_href("article:wire/2024/07?x#y") == "/articles/wire/2024/07%3Fx%23y"
    for unread in ("known_actors.yaml:12", "wikidata:Q42\"><script>", "wikidata:javascript:alert(1)", "", None):
        assert _source_href(unread) is None


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


@pytest.mark.parametrize("query", ["", "&speaker=blinken", "&q=Gaza"])
def test_the_quotes_page_pages(client, query):
    """Page after page, by the next link, the quotes of one long page, in its order."""
    whole = client.get(f"/quotes?format=json&size=200{query}").json()
    assert len(whole["quotes"]) >= 3 and not whole["more"]
    seen, link = [], f"/quotes?size=2{query}"
    while link:
        page = client.get(link.replace("&amp;", "&") + "&format=json").json()
        seen += page["quotes"]
        html = client.get(link.replace("&amp;", "&")).text
        found = re.search(r'<a rel="next" href="\?([^"]+)"', html)
        assert bool(found) == page["more"]
        link = "/quotes?" + found.group(1) if found else None
    keys = [(q["article_id"], q["quote_id"]) for q in seen]
    assert len(set(keys)) == len(keys)
    if "q=" in query:  # full-text hits: the same ones, each page by date
        assert set(keys) == {(q["article_id"], q["quote_id"]) for q in whole["quotes"]}
    else:
        assert seen == whole["quotes"]


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


def test_the_events_table_offers_fused_events_by_default(store_path, client):
    from dragoman.store import Store

    fused = _fused(client)
    with Store.open(str(store_path), create=False, read_only=True) as store:
        stored = {f.id: f for f in store.fused_events()}
    assert {f["id"] for f in fused} == set(stored)
    assert len(fused) < len(_events(client))  # mentions of one happening are one row
    for row in fused:
        assert (row["sources"], row["mentions"]) == (stored[row["id"]].sources, len(stored[row["id"]].mentions))
    by_sources = [f["mentions"] for f in _fused(client, "&sort=-mentions")]
    assert by_sources == sorted(by_sources, reverse=True) and by_sources[0] > 1
    html = client.get("/events").text
    assert 'class="fused-link" href="/fused/seed%23E1"' in html
    assert 'class="mentions-toggle" href="?mentions=1"' in html
    assert client.get("/events?sort=place&format=json").status_code == 400  # a mention column


def test_story_and_min_sources_filter_both_tables(client):
    in_story = _fused(client, "&story=S:hostile")
    assert in_story and {f["article_id"] for f in in_story} == {"hostile"}
    assert {e["article_id"] for e in _events(client, "&story=S:hostile")} == {"hostile"}
    assert [f["id"] for f in _fused(client, "&min_sources=2")] == ["seed#E1"]  # the meeting, two outlets
    assert {e["article_id"] for e in _events(client, "&min_sources=2")} == {"seed", "courier"}
    assert _fused(client, "&min_sources=3") == [] and _events(client, "&min_sources=3") == []
    assert len(_fused(client, "&min_sources=1")) == len(_fused(client))
    assert client.get("/events?min_sources=many&format=json").status_code == 400
    assert 'href="?story=S%3Ahostile&amp;mentions=1&amp;sort=' in client.get(
        "/events?story=S:hostile&mentions=1").text  # the filter carries over


def test_the_fused_event_page_lists_each_mention_with_its_evidence(client):
    found = client.get("/fused/seed%23E1?format=json").json()
    # the seed's meeting, named again later in the seed ('his meeting with ...'), and the courier's report
    assert found["mention_count"] == len(found["mentions"]) == 3 and found["stories"] == ["S:seed"]
    by_id = {(mention["article_id"], mention["event_id"]): mention for mention in found["mentions"]}
    founder, again = by_id["seed", "E1"], by_id["seed", "E4"]
    joined = next(mention for mention in found["mentions"] if mention["article_id"] == "courier")
    assert founder["joined"] is None and joined["joined"] == ["seed", "E1"]
    assert again["joined"] == ["seed", "E1"] and "type:CONSULT" in again["evidence"]
    assert "type:CONSULT" in joined["evidence"]
    for mention in found["mentions"]:
        start, end = mention["trigger"]
        assert mention["sentence_text"][start:end]  # the trigger within its sentence
    html = client.get("/fused/seed%23E1").text
    for mention in found["mentions"]:
        start, end = mention["trigger"]
        assert f'<mark class="trigger">{mention["sentence_text"][start:end]}</mark>' in html
        assert f'href="/events/{mention["article_id"]}/{mention["event_id"]}"' in html
    assert "<code>type:CONSULT</code>" in html and 'href="/story/S%3Aseed"' in html
    assert "<form" not in html  # read-only: no correction forms


def test_mention_and_article_pages_link_their_fused_event_and_story(client):
    event = client.get("/events/seed/E1?format=json").json()
    assert (event["fused_id"], event["story_id"]) == ("seed#E1", "S:seed")
    assert 'href="/fused/seed%23E1"' in client.get("/events/seed/E1").text
    assert client.get("/articles/hostile?format=json").json()["story_id"] == "S:hostile"
    assert 'class="story-link" href="/story/S%3Ahostile"' in client.get("/articles/hostile").text


def test_the_stories_list_filters_and_pages(client):
    found = client.get("/stories?format=json").json()
    assert [s["id"] for s in found["stories"]] == ["S:hostile", "S:seed"]  # latest first
    assert {s["id"]: s["events"] for s in found["stories"]} == \
        {"S:hostile": len(_fused(client, "&story=S:hostile&status=all")), "S:seed": len(_fused(client, "&story=S:seed&status=all"))}
    assert [s["id"] for s in client.get("/stories?format=json&until=2024-03-31").json()["stories"]] == ["S:seed"]
    assert [s["id"] for s in client.get("/stories?format=json&min_articles=2").json()["stories"]] == ["S:seed"]
    first = client.get("/stories?format=json&size=1").json()
    assert first["count"] == 2 and [s["id"] for s in first["stories"]] == ["S:hostile"]
    assert 'rel="next"' in client.get("/stories?size=1").text
    assert client.get("/stories?since=soon").status_code == 400
    # the event filters of `dragoman stories`: the stories holding such an event
    for query, wanted in (("type=CONSULT&actor=USA", ["S:seed"]), ("type=RETREAT&type=SANCTION&country=ZZZ", [])):
        assert [s["id"] for s in client.get(f"/stories?format=json&{query}").json()["stories"]] == wanted, query
        page = client.get(f"/stories?{query}")
        assert page.status_code == 200
    assert client.get("/stories?type=BOMBING").status_code == 400
    # the next page keeps the event filter
    assert 'href="?min_articles=1&amp;type=CONSULT&amp;size=1&amp;offset=1"' in client.get("/stories?size=1&type=CONSULT").text


def test_the_story_page_draws_its_timeline_actors_articles_and_map(client):
    found = client.get("/story/S:seed?format=json").json()
    assert found["articles"] == 2 and [a["id"] for a in found["article_list"]] == ["courier", "seed"]
    assert len(found["events"]) == len({e["id"] for e in found["events"]}) == len(_fused(client, "&story=S:seed&status=all"))
    assert "Antony Blinken" in [a["name"] for a in found["actors"]]
    drawn = sum(bar["count"] for bar in found["timeline"]["bars"])
    assert drawn == sum(1 for e in found["events"] if e["first"])  # each dated fused event once, on its day
    html = client.get("/story/S:seed").text
    assert '<svg id="timeline"' in html and "<rect" in html
    assert 'data-source="/map?story=S%3Aseed&amp;format=json"' in html
    assert client.get("/map?story=S:seed&format=json").json()["events"]
    assert client.get("/story/S:nothing").status_code == 404


@pytest.mark.parametrize("query", ["", "&sort=-mentions", "&type=CONSULT", "&min_sources=1&sort=type",
                                   "&story=S:seed&size=3&offset=2", "&status=all&sort=-date", "&country=DEU"])
def test_a_fused_page_is_the_same_walked_in_order_or_selected_through_the_events(client, monkeypatch, query):
    nearby = client.get(f"/events?format=json{query}").json()
    monkeypatch.setattr(data, "FUSED_SCAN", 0)  # no walk in order: always selected through the events
    assert client.get(f"/events?format=json{query}").json() == nearby


def test_the_timeline_places_bars_by_date_and_pools_long_spans():
    from dragoman.serve.app import _timeline
    from dragoman.serve.data import timeline

    days = timeline([{"date": "2024-01-01", "quad": 1}, {"date": "2024-01-11T09:00", "quad": 4},
                     {"date": "2024-01-11", "quad": 4}, {"date": "2024-13-40", "quad": 1}, {"date": None, "quad": 2}])
    drawn = _timeline(days, width=110)
    assert [(bar["x"], bar["count"]) for bar in drawn["bars"]] == [(0, 1), (100, 2)]  # ten quiet days between

    years = timeline([{"date": f"{year}-06-01", "quad": 2} for year in (2020, 2021, 2022)] +
                     [{"date": "2022-06-02", "quad": 2}])
    pooled = _timeline(years, width=300, slots=100)
    assert len(pooled["bars"]) == 3 and pooled["bars"][-1]["count"] == 2
    assert " to " in pooled["bars"][0]["day"]  # a bar stands for a span of days, and says so


# the pages whose queries differ most by filter: joins on sources, stories, dates and sorts
SAME_ON_POSTGRES = ["/events", "/events?min_sources=2", "/events?mentions=1&min_sources=2", "/events?sort=-sources",
                    "/events?since=2024-03-01&until=2024-03-31", "/events?story=S:seed", "/events?mentions=1&sort=place",
                    "/stories", "/network?min_sources=2", "/map?format=json", "/events?actor=Antony Blinken",
                    "/events?mentions=1&actor=FRA&recipient=DEU", "/events?actor=GOV&recipient=isr",
                    "/network?actor=catherine colonna",
                    # a party filter's page and count read in one query on PostgreSQL: a middle page, a page past
                    # the end (counted apart), other sorts, with sources
                    "/events?actor=USA&size=2&offset=1", "/events?mentions=1&actor=USA&size=2&offset=1&sort=-published",
                    "/events?actor=Antony Blinken&offset=900", "/events?mentions=1&recipient=ISR&offset=900",
                    "/events?recipient=ISR&sort=-mentions", "/events?actor=USA&min_sources=2&sort=-sources"]


def test_postgresql_pages_read_as_the_sqlite_ones(client, postgres_url, tmp_path):
    """The workbench's SQL is written once for both databases: every filter answers on
    PostgreSQL, with the same rows as on SQLite."""
    target = build(tmp_path / "demo.db", postgres_url)
    with TestClient(create_app(target)) as on_postgres:
        for page in SAME_ON_POSTGRES:
            joiner = "&" if "?" in page else "?"
            answer = on_postgres.get(f"{page}{joiner}format=json")
            assert answer.status_code == 200, (page, answer.text[:300])
            assert answer.json() == client.get(f"{page}{joiner}format=json").json(), page


def test_an_event_dated_to_a_month_is_listed_by_its_value_and_drawn_at_its_first_day(tmp_path):
    from dragoman.analysis import text_sha256
    from dragoman.records import Actor, ArticleRecord, DateMention, Event, Offsets, Party, Trigger
    from dragoman.store import Store

    text = "Dock workers in Santos struck in May. Their union met the port authority in June."
    union = Actor(id="A1", name="Santos dock union", kind="organization")
    month = DateMention(text="in May", start=30, end=36, value="2023-05", first="2023-05-01", last="2023-05-31",
                        precision="month", source="clause")
    strike = Event(id="E1", event="PROTEST", quad=3, actor=[Party(text="Dock workers", start=0, end=12, actor_id="A1")],
                   date=month, sentence=Offsets(start=0, end=37), trigger=Trigger(text="struck", start=23, end=29),
                   rule="verb:active")
    record = ArticleRecord(id="docks", published="2023-07-02", text_sha256=text_sha256(text), actors=[union],
                           events=[strike], dates=[month])
    path = str(tmp_path / "docks.db")
    with Store.open(path) as store:
        store.add(record, text)
    with TestClient(create_app(path)) as test_client:
        listed = test_client.get("/events?format=json&mentions=1").json()["events"]
        assert [(e["date"], e["first"]) for e in listed] == [("2023-05", "2023-05-01")]
        # a filter on a day inside the month finds it; the month's text sorts before that day
        assert test_client.get("/events?format=json&mentions=1&since=2023-05-20").json()["events"]
        assert not test_client.get("/events?format=json&mentions=1&since=2023-06-01").json()["events"]
        bars = test_client.get("/actor?name=Santos dock union&format=json").json()["timeline"]["bars"]
        assert [(bar["day"], bar["count"]) for bar in bars] == [("2023-05-01", 1)]


def test_pages_of_an_article_whose_id_holds_slashes_and_url_signs(tmp_path):
    """Ids are the input's own ("wire/2024/07"): every link to the article and its events,
    as the pages and the map's script write them, opens it."""
    import json
    from urllib.parse import quote

    from click.testing import CliRunner

    from dragoman.cli import main

    odd = "wire/2024/07?x=1#part"
    source = tmp_path / "wire.jsonl"
    source.write_text(json.dumps({
        "id": odd, "published": "2024-05-02", "title": "Talks in Berlin",
        "text": "The French foreign minister met the German chancellor in Berlin on Tuesday. "
                "\"We want no delay,\" the minister said afterwards."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(tmp_path / "wire.db")])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(str(tmp_path / "wire.db"))) as odd_client:
        event = odd_client.get("/events?format=json&mentions=1").json()["events"][0]
        assert event["article_id"] == odd
        pages = [odd_client.get(page).text for page in ("/events?mentions=1", "/quotes", "/map?format=json")]
        links = set(re.findall(r'href="(/(?:events|articles)/[^"#]+)', pages[0] + pages[1]))
        assert {link.split("/")[1] for link in links} == {"events", "articles"}
        # the map's script encodes each part whole (encodeURIComponent)
        links.add(f"/events/{quote(odd, safe='')}/{event['event_id']}")
        for link in links:
            shown = odd_client.get(link.replace("&amp;", "&"))
            assert shown.status_code == 200, link
            assert "Talks in Berlin" in shown.text, link
        found = odd_client.get(f"/events/{quote(odd, safe='/')}/{event['event_id']}?format=json").json()
        assert (found["article_id"], found["id"]) == (odd, event["event_id"])
        assert odd_client.get(f"/events/{quote(odd, safe='/')}/E99").status_code == 404
