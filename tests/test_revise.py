"""Deleting stored articles and analysing them again: fused events, stories and user
corrections stay consistent (`dragoman.store.revise`, `dragoman delete|reanalyse`)."""

from __future__ import annotations

import sqlite3

import msgspec
from click.testing import CliRunner
from test_happenings import ISR_MIL, PSE, RAID, STRIKE, _event, _record, _strike

from dragoman.cli import main
from dragoman.store import Store

MEETING = "The foreign ministers met in Cairo on Monday. " + RAID


def _consistent(store) -> None:
    """Every fused event counts the mentions and articles it holds; every story its articles."""
    db = store._db
    assert db.execute("SELECT f.id FROM fused_events f WHERE f.mentions <> (SELECT count(*) FROM fused_mentions m"
                      " WHERE m.fused_id = f.id) OR f.sources <> (SELECT count(DISTINCT m.article_id)"
                      " FROM fused_mentions m WHERE m.fused_id = f.id)").fetchall() == []
    assert db.execute("SELECT s.id FROM stories s WHERE s.articles <> (SELECT count(*) FROM story_articles a"
                      " WHERE a.story_id = s.id) OR s.articles = 0").fetchall() == []
    assert db.execute("SELECT count(*) FROM fused_mentions").fetchone()[0] == \
        db.execute("SELECT count(*) FROM events").fetchone()[0]


def _counts(store) -> dict:
    return {table: store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "parties", "fused_events", "fused_mentions", "story_articles")}


def test_deleting_an_article_recounts_its_fused_events_and_drops_emptied_ones(store_target):
    with Store.open(store_target) as store:
        store.add(_record("a", STRIKE, [_strike(STRIKE, "bombed")]), STRIKE)
        store.add(_record("b", RAID, [_strike(RAID, "air strike")], source="Courier"), RAID)
        assert [(f.id, len(f.mentions), f.sources) for f in store.fused_events()] == [("a#E1", 2, 2)]
        assert _counts(store) == {"articles": 2, "events": 2, "parties": 4, "fused_events": 1, "fused_mentions": 2,
                                  "story_articles": 2}
        articles_of_features = store._db.execute("SELECT articles FROM story_features WHERE feature = '#articles'")
        assert articles_of_features.fetchone()[0] == 2
        assert store.delete("a")  # the founding article goes: its fused event keeps its id, recounted
        fused = store.fused_event("a#E1")
        assert (fused.sources, [m.article_id for m in fused.mentions]) == (1, ["b"])
        assert _counts(store) == {"articles": 1, "events": 1, "parties": 2, "fused_events": 1, "fused_mentions": 1,
                                  "story_articles": 1}
        assert store._db.execute("SELECT articles FROM story_features WHERE feature = '#articles'").fetchone()[0] == 1
        _consistent(store)
        assert not store.delete("a")  # not stored any more
        assert store.delete("b")
        assert list(store.fused_events()) == [] and store.stories() == []
        assert set(_counts(store).values()) == {0}


def test_a_new_analysis_replaces_the_records_and_refuses_the_events(store_target):
    with Store.open(store_target) as store:
        store.add(_record("a", STRIKE, [_strike(STRIKE, "bombed")]), STRIKE)
        store.add(_record("b", RAID, []), RAID)  # analysed by an older coder: no event
        assert store.fused_event("a#E1").sources == 1
        done = store.replace(_record("b", RAID, [_strike(RAID, "air strike")]))
        assert (done.events_before, done.events_after, done.corrections_dropped) == (0, 1, 0)
        assert store.fused_event("a#E1").sources == 2
        assert store.get("b").events[0].trigger.text == "air strike"
        assert store.story_of("a") == store.story_of("b")  # they share a fused event, so a story
        _consistent(store)
        assert _counts(store)["articles"] == 2


def test_a_happening_renumbered_by_a_new_analysis_keeps_the_users_split(store_target):
    with Store.open(store_target) as store:
        store.add(_record("a", STRIKE, [_strike(STRIKE, "bombed")]), STRIKE)
        store.add(_record("b", MEETING, [_strike(MEETING, "air strike")]), MEETING)
        assert store.split_fused("a#E1", "b", "E1") == "b#E1"
        # the new coder also finds the meeting, numbered first: the strike is now b:E2
        meeting = _event(MEETING, "E1", "CONSULT", "met", actor=[ISR_MIL], recipient=[PSE], day="2024-03-04")
        strike = msgspec.structs.replace(_strike(MEETING, "air strike"), id="E2")
        done = store.replace(_record("b", MEETING, [meeting, strike]))
        assert done.corrections_dropped == 0
        assert store.fused_event_of("b", "E2") != store.fused_event_of("a", "E1")  # still apart, as the user said
        assert store._db.execute("SELECT article_id, event_id, other_article_id, other_event_id"
                                 " FROM fusion_corrections").fetchall() == [("b", "E2", "a", "E1")]
        # what the corrected mention was moves with it, so the split is obeyed on b:E2 and not on b:E1
        assert [row[0] for row in store._db.execute("SELECT event_id FROM corrected_mentions WHERE article_id = 'b'")
                .fetchall()] == ["E2"]
        _consistent(store)


def test_a_new_analysis_drops_a_correction_whose_mention_is_gone_and_frees_a_founded_id(store_target):
    with Store.open(store_target) as store:
        store.add(_record("a", STRIKE, [_strike(STRIKE, "bombed")]), STRIKE)
        store.add(_record("b", RAID, [_strike(RAID, "air strike")]), RAID)
        store.add(_record("c", MEETING, [_strike(MEETING, "air strike")]), MEETING)
        assert store.split_fused("a#E1", "c", "E1") == "c#E1"
        # the new coder reads a's sentence as a meeting: the strike b joined is not a's any more
        meeting = _event(STRIKE, "E1", "CONSULT", "bombed", actor=[ISR_MIL], recipient=[PSE], day="2024-03-04")
        done = store.replace(_record("a", STRIKE, [meeting]))
        assert done.corrections_dropped == 1  # c:E1 kept apart from a:E1, a strike no more
        assert store._db.execute("SELECT article_id, event_id, other_article_id, other_event_id"
                                 " FROM fusion_corrections").fetchall() == [("c", "E1", "b", "E1")]
        assert [m.article_id for m in store.fused_event("a#E1").mentions] == ["b"]  # b keeps the id
        assert store.fused_event_of("a", "E1") == "a#E1~2"  # a's new happening under a free id
        _consistent(store)


def _run(*args):
    return CliRunner().invoke(main, list(args))


ARREST = "Police in Nairobi arrested twelve protesters on Monday, a spokesman said."
SHELLING = "Ethiopian troops shelled a village near the Sudanese border on Tuesday, residents said."


def test_cli_reanalyse_names_an_unreadable_article_and_goes_on(tmp_path):
    db = str(tmp_path / "news.db")
    (tmp_path / "in.jsonl").write_text(
        '{"id": "arrest", "text": "%s", "published": "2024-03-05"}\n'
        '{"id": "shelling", "text": "%s", "published": "2024-03-06"}\n' % (ARREST, SHELLING)
    )
    assert _run("ingest", str(tmp_path / "in.jsonl"), "--db", db).exit_code == 0
    with Store.open(db) as store:
        before = _counts(store)
        assert before["events"] >= 2
    raw = sqlite3.connect(db)
    # a stale store: one article's events lost (as after hand-made SQL), the other's text made unreadable
    with raw:
        raw.execute("DELETE FROM events WHERE article_id = 'arrest'")
        raw.execute("UPDATE articles SET text = CAST(X'80FF' AS TEXT) WHERE id = 'shelling'")
    raw.close()
    result = _run("reanalyse", db)
    assert result.exit_code == 1
    assert "shelling: cannot be read" in result.stderr
    assert "1 re-analysed" in result.stderr and "1 failed" in result.stderr
    with Store.open(db) as store:
        assert _counts(store) == before  # the lost events found again, nothing of the other lost
        _consistent(store)
    assert _run("reanalyse", db, "--since", "2024-03-06", "--article", "arrest").stderr.startswith(
        "dragoman: 0 re-analysed")  # selected by both: none
    assert _run("reanalyse", str(tmp_path / "missing.db")).exit_code == 4  # no store there: nothing made
    assert not (tmp_path / "missing.db").exists()


def test_cli_delete_and_reanalyse_by_article(tmp_path, store_target):
    db = store_target
    (tmp_path / "in.jsonl").write_text(
        '{"id": "arrest", "text": "%s", "published": "2024-03-05"}\n'
        '{"id": "shelling", "text": "%s", "published": "2024-03-06"}\n' % (ARREST, SHELLING)
    )
    assert _run("ingest", str(tmp_path / "in.jsonl"), "--db", db).exit_code == 0
    result = _run("reanalyse", db, "--article", "arrest", "--article", "nope")
    assert result.exit_code == 1
    assert "nope: no such article" in result.stderr and "1 re-analysed" in result.stderr
    result = _run("delete", db, "--article", "arrest", "--article", "gone")
    assert result.exit_code == 1 and "gone: no such article" in result.stderr and "1 deleted" in result.stderr
    with Store.open(db) as store:
        assert [a.id for a in store.articles()] == ["shelling"]
        assert {m.article_id for f in store.fused_events() for m in f.mentions} == {"shelling"}
        _consistent(store)
    assert _run("delete", db, "--article", "shelling").exit_code == 0
    assert _run("delete", db).exit_code == 2  # --article is required
    for command in ("reanalyse", "delete"):
        assert "Examples:" in _run(command, "--help").output
