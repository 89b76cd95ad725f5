"""A source's home state, learned from its articles, places its bare town names."""

from __future__ import annotations

import json
import sqlite3

import pytest

from dragoman.pipeline import Pipeline, component
from dragoman.records import Article, ArticleRecord, Place
from dragoman.resolve import source_homes
from dragoman.resolve.gazetteer import load_gazetteer
from dragoman.resolve.source_homes import (
    SourceHomes,
    article_key,
    source_of,
    states_named,
)

# two earlier stories of one paper, each naming Ohio by towns no other state has
EARLIER = (
    "Road crews in Cuyahoga Falls patched potholes on Tuesday after a week of freezing rain.",
    "The Wapakoneta library reopened its reading room, and a choir from Westerville sang.",
)
# a bare "Dublin" beside a US town name that a dozen states share: nothing in the text says which state
LATER = "The Dublin school board met on Monday, and a Springfield firm won the bus contract."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=("entities", "places"))


def _place_named(pipeline: Pipeline, article: Article, name: str = "Dublin"):
    [analysis] = pipeline.run([article])
    return next(p for p in analysis.places if p.text == name)


def _article(index: int, text: str, url: str | None) -> Article:
    return Article(id=f"a{index}", text=text, url=url)


def test_source_is_the_source_field_else_the_host_of_the_url():
    assert source_of(Article(id="1", text="x", url="https://www.ajc.com/news/1", source="AJC")) == "AJC"
    assert source_of(Article(id="1", text="x", url="https://WWW.Daily-Jeff.com/a?b=1")) == "daily-jeff.com"
    assert source_of(Article(id="1", text="x", source="  ")) is None
    assert source_of(Article(id="1", text="x")) is None
    assert article_key(Article(id="1", text="x", url=" https://e.org/a ")) == "https://e.org/a"
    assert article_key(Article(id="7", text="x")) == "7"


def _place(text: str, feature: str = "city") -> Place:
    return Place(text=text, start=0, end=len(text), feature=feature)


def test_only_names_with_every_sense_in_one_state_vouch_for_it():
    gazetteer = load_gazetteer()
    assert states_named([_place("Cuyahoga Falls")], gazetteer) == {"USA.OH"}
    assert states_named([_place("Dublin")], gazetteer) == frozenset()  # a dozen Dublins
    assert states_named([_place("Dublin City")], gazetteer) == frozenset()  # an alternate name of Ireland's capital
    assert states_named([_place("France", "country")], gazetteer) == frozenset()


def test_home_needs_most_of_the_other_articles_and_at_least_two():
    homes = SourceHomes()
    homes.note("paper", "a1", frozenset({"USA.OH"}))
    assert homes.home("paper", "a9") is None  # one article is no pattern
    homes.note("paper", "a2", frozenset({"USA.OH", "USA.PA"}))
    assert homes.home("paper", "a9") == "USA.OH"
    assert homes.home("paper", "a2") is None  # an article is no evidence for itself
    assert homes.home("other paper", "a9") is None and homes.home(None, "a9") is None
    homes.note("paper", "a3", frozenset())
    homes.note("paper", "a4", frozenset())
    homes.note("paper", "a5", frozenset())
    assert homes.home("paper", "a9") is None  # named in 2 of 5 articles: not most
    homes.note("paper", "a6", frozenset({"USA.PA", "USA.OH"}))
    homes.note("paper", "a7", frozenset({"USA.PA"}))
    assert homes.home("paper", "a9") is None  # two states named equally often


def test_a_bare_name_takes_the_home_state_of_its_source(pipeline):
    with source_homes.using(SourceHomes()):
        alone = _place_named(pipeline, _article(9, LATER, "https://www.example-gazette.com/9"))
        for index, text in enumerate(EARLIER):
            next(pipeline.run([_article(index, text, f"https://www.example-gazette.com/{index}")]))
        at_home = _place_named(pipeline, _article(9, LATER, "https://www.example-gazette.com/9"))
        springfield = _place_named(pipeline, _article(9, LATER, "https://www.example-gazette.com/9"), "Springfield")
        elsewhere = _place_named(pipeline, _article(9, LATER, "https://another-paper.com/9"))
    assert (alone.country, alone.rule) == ("IRL", "gazetteer")
    assert (at_home.country, at_home.name, at_home.rule) == ("USA", "Dublin", "source-home")
    assert abs(at_home.lat - 40.1) < 0.2 and abs(at_home.lon + 83.1) < 0.2  # Ohio's Dublin
    assert springfield.rule == "source-home" and abs(springfield.lon + 83.8) < 0.2  # and Ohio's Springfield
    assert elsewhere.country == "IRL"


def test_the_articles_own_places_outweigh_the_home(pipeline):
    text = "Dublin, the Irish capital, hosted the summit; delegates later toured Cork and Galway."
    with source_homes.using(SourceHomes()):
        for index, earlier in enumerate(EARLIER):
            next(pipeline.run([_article(index, earlier, f"https://example-gazette.com/{index}")]))
        dublin = _place_named(pipeline, _article(9, text, "https://example-gazette.com/9"))
    assert dublin.country == "IRL" and dublin.rule != "source-home"


@component("fails on articles marked bad")
def _fails_on_articles_marked_bad(analysis) -> None:
    if analysis.article.id.startswith("bad"):
        raise ValueError("a step after places failed")


def test_an_article_that_fails_after_places_teaches_nothing():
    """Its places were found, but it yields no record: it must not change what the
    source's later articles mean."""
    pipeline = Pipeline(steps=("entities", "places", "fails on articles marked bad"))
    failed = []
    with source_homes.using(SourceHomes()) as homes:
        for index, text in enumerate(EARLIER):
            article = Article(id=f"bad{index}", text=text, url=f"https://example-gazette.com/{index}")
            assert list(pipeline.run([article], on_error=lambda a, e: failed.append(a.id))) == []
        assert failed == ["bad0", "bad1"] and len(homes) == 0
        for index, text in enumerate(EARLIER):  # the same stories, now analysed in full, do teach
            next(pipeline.run([_article(index, text, f"https://example-gazette.com/{index}")]))
        assert homes.home("example-gazette.com", "https://example-gazette.com/9") == "USA.OH"


def _record(index: int, places: list[Place]) -> ArticleRecord:
    return ArticleRecord(id=f"r{index}", url=f"https://example-gazette.com/{index}", text_sha256="0", places=places)


def test_what_is_learned_is_kept_in_the_store_and_replaced_not_counted_twice(tmp_path):
    gazetteer, db = load_gazetteer(), tmp_path / "news.db"
    with SourceHomes(db) as homes:
        homes.learn(_record(1, [_place("Cuyahoga Falls")]), gazetteer)
        homes.learn(_record(2, [_place("Westerville"), _place("Dublin")]), gazetteer)
        homes.learn(ArticleRecord(id="r3", text_sha256="0", places=[_place("Ashtabula")]), gazetteer)  # no source
    rows = sqlite3.connect(db).execute("SELECT source, article, states FROM source_states ORDER BY article").fetchall()
    assert rows == [
        ("example-gazette.com", "https://example-gazette.com/1", "USA.OH"),
        ("example-gazette.com", "https://example-gazette.com/2", "USA.OH"),
    ]
    with SourceHomes(db) as homes:
        assert homes.home("example-gazette.com", "https://example-gazette.com/9") == "USA.OH"
        homes.learn(_record(2, [_place("France", "country")]), gazetteer)  # the same story, fed again
        assert len(homes) == 1
        assert homes.home("example-gazette.com", "https://example-gazette.com/9") is None  # 1 of 2 left
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM source_states").fetchone()[0] == 2


def test_ingest_remembers_homes_across_runs_in_either_store(tmp_path, store_target):
    from click.testing import CliRunner

    from dragoman.cli import main
    from dragoman.store import Store

    runner = CliRunner()
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text("".join(
        json.dumps({"id": f"e{i}", "text": text, "url": f"https://example-gazette.com/{i}"}) + "\n"
        for i, text in enumerate(EARLIER)
    ), encoding="utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "l9", "text": LATER, "url": "https://example-gazette.com/9"}) + "\n",
                     encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(earlier), "--db", store_target]).exit_code == 0
    source_homes.configure()  # a new process: nothing in memory, only what the store kept
    assert runner.invoke(main, ["ingest", str(later), "--db", store_target]).exit_code == 0
    assert source_homes.active().home("example-gazette.com", "x") is None  # the run left no memory behind
    with Store.open(store_target, create=False) as store:
        dublin = next(p for p in store.get("l9").places if p.text == "Dublin")
    assert (dublin.country, dublin.rule) == ("USA", "source-home")


def test_an_evaluation_run_starts_and_leaves_without_memory():
    from dragoman.evaluate.common import run_pipeline

    outside = source_homes.active()
    documents = [(f"d{i}", text, None) for i, text in enumerate((*EARLIER, LATER))]
    urls = [f"https://example-gazette.com/{i}" for i in range(3)]
    *_, later = run_pipeline(documents, ("entities", "places"), [], urls)
    assert next(p for p in later.places if p.text == "Dublin").rule == "source-home"
    assert source_homes.active() is outside and len(outside) == 0
    [again] = run_pipeline(documents[2:], ("entities", "places"), [], urls[2:])
    assert next(p for p in again.places if p.text == "Dublin").country == "IRL"


def test_only_a_sources_latest_articles_count(monkeypatch):
    monkeypatch.setattr(source_homes, "HOME_MEMORY", 3)
    homes = SourceHomes()
    for index in range(3):
        homes.note("paper", f"old{index}", frozenset({"USA.OH"}))
    assert homes.home("paper", "next") == "USA.OH"
    for index in range(3):
        homes.note("paper", f"new{index}", frozenset({"USA.GA"}))
    assert homes.home("paper", "next") == "USA.GA"  # the paper moved its beat: Ohio is forgotten, not tied
    homes.note("paper", "new0", frozenset({"USA.OH"}))  # read again: now its newest
    homes.note("paper", "new3", frozenset({"USA.OH"}))
    assert homes.home("paper", "next") == "USA.OH"  # new1 (GA) was dropped: 2 of 3 name Ohio


def test_homes_on_the_stores_connection_are_kept_in_the_store_which_stays_open(store_target):
    from dragoman.store import Store

    gazetteer = load_gazetteer()
    with Store.open(store_target) as store:
        with SourceHomes(store.connection) as homes:
            homes.learn(_record(1, [_place("Cuyahoga Falls")]), gazetteer)
            homes.learn(_record(2, [_place("Westerville")]), gazetteer)
        assert len(store) == 0  # closing the homes left the store's connection open
    with SourceHomes(store_target) as homes:
        assert homes.home("example-gazette.com", "https://example-gazette.com/9") == "USA.OH"
