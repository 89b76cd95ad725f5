"""Reading a store from Python and the command line: filters given as plain values, the
`dragoman.Store` entry point, and stories chosen by their events. Reports are our own."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import dragoman
from dragoman.analysis import text_sha256
from dragoman.cli import main
from dragoman.query.filters import EventFilter
from dragoman.records import ArticleRecord, DateMention, Event, Offsets, Party, Trigger

QUADS = {"ASSAULT": 4, "CONSULT": 1, "AID": 2}

# three unrelated reports, in our own words
REPORTS = {
    "raid": ("Israeli drones struck a warehouse in Khan Younis on Sunday.", "ASSAULT", "struck",
             ("Israeli drones", "ISR", "MIL"), ("a warehouse", "PSE", None), "2024-04-07"),
    "talks": ("The Chilean and Peruvian trade ministers met in Lima on Monday.", "CONSULT", "met",
              ("The Chilean", "CHL", "GOV"), ("Peruvian trade ministers", "PER", "GOV"), "2024-04-08"),
    "relief": ("Norway flew tents and blankets to flooded villages in Malawi on Tuesday.", "AID", "flew",
               ("Norway", "NOR", None), ("flooded villages", "MWI", None), "2024-04-09"),
}


def _record(article_id: str) -> tuple[ArticleRecord, str]:
    text, kind, trigger, actor, recipient, day = REPORTS[article_id]
    start = text.index(trigger)

    def party(name, country, sector):
        at = text.index(name)
        return Party(text=name, start=at, end=at + len(name), country=country, sector=sector)

    event = Event(id="E1", event=kind, quad=QUADS[kind], sentence=Offsets(start=0, end=len(text)),
                  trigger=Trigger(text=trigger, start=start, end=start + len(trigger)), rule="test",
                  actor=[party(*actor)], recipient=[party(*recipient)],
                  date=DateMention(text="", start=0, end=0, value=day, first=day, last=day, precision="day"))
    record = ArticleRecord(id=article_id, title=text, published=day, source="Test Desk",
                           text_sha256=text_sha256(text), events=[event])
    return record, text


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "news.db")
    with dragoman.Store.open(path) as store:
        for article_id in REPORTS:
            store.add(*_record(article_id))
    return path


@pytest.mark.parametrize("field, value, alone", [
    ("actors", "ISR", ("ISR",)),
    ("types", "consult", ("CONSULT",)),
    ("countries", "mwi", ("MWI",)),
    ("statuses", "occurred", ("occurred",)),
    ("places", "Lima", ("Lima",)),
])
def test_one_value_given_alone_is_one_value_not_its_letters(field, value, alone):
    assert getattr(EventFilter(**{field: value}), field) == alone


def test_a_store_is_read_from_the_package_with_plain_criteria(db):
    with dragoman.Store.open(db, read_only=True) as store:
        assert [m.article_id for m in store.events(actors="ISR")] == ["raid"]
        assert [m.article_id for m in store.events(types=["AID", "CONSULT"])] == ["relief", "talks"]
        assert [m.article_id for m in store.events(since="2024-04-08", until="2024-04-08")] == ["talks"]
        assert [f.id for f in store.fused_events(recipients="PER")] == ["talks#E1"]
        # the same as a filter object; both at once is refused, and so is a misspelt criterion
        assert [f.id for f in store.fused_events(EventFilter(recipients=("PER",)))] == ["talks#E1"]
        with pytest.raises(TypeError, match="not both"):
            list(store.events(EventFilter(), types="AID"))
        with pytest.raises(TypeError, match="no criterion 'type'.*types"):
            list(store.fused_events(type="AID"))
        with pytest.raises(ValueError, match="unknown event type 'BOMBING'"):
            list(store.events(types="BOMBING"))


def test_stories_are_chosen_by_the_events_they_hold(db):
    with dragoman.Store.open(db, read_only=True) as store:
        everything = {s.id for s in store.stories()}
        assert everything == {"S:raid", "S:talks", "S:relief"}
        assert [s.id for s in store.stories(EventFilter(actors="NOR"))] == ["S:relief"]
        assert [s.id for s in store.stories(EventFilter(countries="PER"), since="2024-04-08")] == ["S:talks"]
        assert store.stories(EventFilter(types="ASSAULT", countries="CHL")) == []
        assert store.count_stories(EventFilter(types="ASSAULT"), cap=10) == 1


def _stories(*args: str) -> list[str]:
    result = CliRunner().invoke(main, ["stories", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_the_stories_command_takes_the_event_filters(db):
    assert set(_stories(db)) == {"S:raid", "S:talks", "S:relief"}
    assert _stories(db, "--actor", "ISR", "--type", "ASSAULT") == ["S:raid"]
    assert _stories(db, "--recipient", "MWI") == ["S:relief"]
    assert _stories(db, "--type", "AID", "--type", "CONSULT") == ["S:relief", "S:talks"]  # latest first
    assert _stories(db, "--min-sources", "2") == []  # each happening has one source
    # --since/--until keep their meaning here: the story's span
    assert _stories(db, "--since", "2024-04-09") == ["S:relief"]
    refused = CliRunner().invoke(main, ["stories", db, "--type", "BOMBING"])
    assert refused.exit_code == 2 and "unknown event type 'BOMBING'" in refused.output


def test_a_story_id_merged_away_still_leads_to_its_articles(db):
    with dragoman.Store.open(db) as store:
        store.merge_stories("S:raid", "S:talks")
        assert {s.id for s in store.stories()} == {"S:raid", "S:relief"}
        assert store.current_story("S:talks") == "S:raid" and store.current_story("S:relief") == "S:relief"
        assert store.current_story("S:nowhere") is None and store.story("S:nowhere") is None
        timeline = store.story("S:talks")
        assert timeline.story.id == "S:raid" and {a.id for a in timeline.articles} == {"raid", "talks"}
        assert [m.article_id for m in store.events(stories="S:talks")] == ["raid", "talks"]
        assert [s.id for s in store.stories(EventFilter(stories="S:talks"))] == ["S:raid"]
    result = CliRunner().invoke(main, ["story", db, "S:talks", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "S:raid"
    assert "story S:talks was merged into S:raid" in result.stderr


def test_a_story_keeps_its_id_when_its_first_article_leaves(db):
    with dragoman.Store.open(db) as store:
        store.move_to_story("relief", "S:raid")
        store.move_to_story("talks", "S:raid")
        store.move_to_story("raid", None)  # the first article leaves for a story of its own
        assert store.current_story("S:raid") == "S:raid"  # still a story: no redirection
        assert {a.id for a in store.story("S:raid").articles} == {"relief", "talks"}
        assert store.story_of("raid") == "S:raid~2"
