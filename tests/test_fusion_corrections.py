"""A user's split of a fused event leaves every mention explained by a mention still in it.
Reports are our own (those of test_happenings)."""

from __future__ import annotations

from test_happenings import ISR_MIL, LATER, PSE, RAID, STRIKE, _add, _event, _strike

from dragoman.store import Store

# the strike of STRIKE and RAID told a third time, by another outlet
THIRD = "Israeli aircraft hit a residential building in Gaza City on Monday and six people were killed."


def _joins(store, fused_id):
    found = store.fused_event(fused_id)
    return {f"{m.article_id}:{m.event.id}": joined for m, (joined, _) in zip(found.mentions, found.joins)}


def test_splitting_off_the_founding_mention_explains_the_others_by_those_left(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        _add(store, "a", STRIKE, [_strike(STRIKE, "bombed")])
        _add(store, "b", RAID, [_strike(RAID, "air strike")], source="Courier")
        _add(store, "c", THIRD, [_strike(THIRD, "hit")], source="Gazette")
        assert _joins(store, "a#E1") == {"a:E1": None, "b:E1": "a:E1", "c:E1": "a:E1"}
        assert store.split_fused("a#E1", "a", "E1") == "a#E1"  # the founder keeps its id, alone
        [left] = [f for f in store.fused_events() if f.id != "a#E1"]
        joins = _joins(store, left.id)
        assert set(joins) == {"b:E1", "c:E1"}
        # each joined the other, with that pair's own evidence: none points at the mention split off
        assert joins == {"b:E1": "c:E1", "c:E1": "b:E1"}
        assert all("type:ASSAULT" in evidence for _, evidence in left.joins)
        assert store.fused_event("a#E1").joins == ((None, ("correction:split-by-user",)),)


def test_splitting_off_a_joined_mention_leaves_the_others_as_they_were(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        _add(store, "a", STRIKE, [_strike(STRIKE, "bombed")])
        _add(store, "b", RAID, [_strike(RAID, "air strike")], source="Courier")
        _add(store, "c", THIRD, [_strike(THIRD, "hit")], source="Gazette")
        assert store.split_fused("a#E1", "b", "E1") == "b#E1"
        assert _joins(store, "a#E1") == {"a:E1": None, "c:E1": "a:E1"}
        assert store.fused_event("b#E1").joins == ((None, ("correction:split-by-user",)),)


def test_the_fuse_commands_name_what_is_wrong(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        _add(store, "a", STRIKE, [_strike(STRIKE, "bombed")])
        _add(store, "b", RAID, [_strike(RAID, "air strike")], source="Courier")

    def run(*args):
        result = CliRunner().invoke(main, ["fuse", *args])
        return result.exit_code, result.output

    assert run("split", db, "nope#E1", "b:E1") == (1, f"Error: {db}: no fused event nope#E1 (ids as `dragoman events`"
                                                      " prints them)\n")
    assert run("split", db, "a#E1", "c:E1") == (1, f"Error: {db}: c:E1 is not a mention of fused event a#E1\n")
    code, output = run("split", db, "a#E1", "b")
    assert code == 2 and "'b' is not ARTICLE:EVENT" in output
    assert run("split", db, "a#E1", "b:E1") == (0, "b#E1\n")
    assert run("merge", db, "a#E1", "b#E1") == (0, "a#E1\n")


def _delete(store, article_id):
    with store._db.transaction(writes="articles"):
        store._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def test_a_correction_is_not_applied_to_another_event_that_took_its_number(tmp_path):
    """Analysed again (by a later dragoman, say), an article may number its events
    otherwise: a merge made on c:E1 must not pull in the event now called c:E1."""
    envoys = "Egyptian and Qatari envoys met in Cairo on Thursday. "
    with Store.open(tmp_path / "s.db") as store:
        _add(store, "a", STRIKE, [_strike(STRIKE, "bombed")])
        _add(store, "c", LATER, [_strike(LATER, "bombed", day="2024-03-08")], published="2024-03-09")
        store.merge_fused("a#E1", "c#E1")  # the user says Friday's report is Monday's strike
        _delete(store, "c")
        _add(store, "c", LATER, [_strike(LATER, "bombed", day="2024-03-08")], published="2024-03-09")
        assert store.fused_event_of("c", "E1") == "a#E1"  # the same article again: the merge holds
        _delete(store, "c")
        text = envoys + LATER
        meeting = _event(text, "E1", "CONSULT", "met", actor=[("Egyptian", None, "EGY", "GOV")],
                         recipient=[("Qatari envoys", None, "QAT", "GOV")], day="2024-03-07")
        strike = _event(text, "E2", "ASSAULT", "bombed", actor=[ISR_MIL], recipient=[PSE], day="2024-03-08")
        _add(store, "c", text, [meeting, strike], published="2024-03-09")
        assert store.fused_event_of("c", "E1") == "c#E1"  # the meeting is not pulled into the strike
        assert store.fused_event("a#E1").event == "ASSAULT" and len(store.fused_event("a#E1").mentions) == 1
