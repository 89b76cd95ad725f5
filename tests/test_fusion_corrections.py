"""A user's split of a fused event leaves every mention explained by a mention still in it.
Reports are our own (those of test_happenings)."""

from __future__ import annotations

from test_happenings import RAID, STRIKE, _add, _strike

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
