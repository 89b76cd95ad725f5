"""Stories merge and split on their own as news develops (`dragoman.store.stories.upkeep`):
a report that ties two story lines makes them one under the larger one's id, and a story
whose later reports have drifted from its earlier ones becomes two. Both stores; reports
are our own, built as records (no analysis)."""

from __future__ import annotations

from dragoman.analysis import text_sha256
from dragoman.records import Actor, ArticleRecord, Place
from dragoman.store import Store


def _place(name):
    return Place(text=name, start=0, end=len(name), name=name, country="GBR", feature="city")


def _add(store, article_id, headline, published, people=(), groups=(), towns=()):
    actors = [Actor(id=f"A{n}", name=name, country="GBR", kind="person") for n, name in enumerate(people, 1)]
    actors += [Actor(id=f"G{n}", name=name, country="GBR", kind="organization") for n, name in enumerate(groups, 1)]
    record = ArticleRecord(id=article_id, title=headline, published=published, source="Daily",
                           text_sha256=text_sha256(headline), actors=actors, places=[_place(t) for t in towns])
    store.add(record, headline)


def _quarry_and_arrest(store):
    _add(store, "q1", "Kelso quarry workers strike over pay", "2024-08-05", groups=["Kelso Quarry Union"],
         towns=["Kelso"])
    _add(store, "q2", "Strike shuts the Kelso quarry for a second day", "2024-08-06", groups=["Kelso Quarry Union"],
         towns=["Kelso"])
    _add(store, "r1", "Organiser Ivo Marsh arrested in Brill", "2024-08-07", people=["Ivo Marsh"], towns=["Brill"])
    _add(store, "r2", "Brill police hold Ivo Marsh overnight", "2024-08-07", people=["Ivo Marsh"], towns=["Brill"])
    _add(store, "r3", "Ivo Marsh charged in Brill court", "2024-08-08", people=["Ivo Marsh"], towns=["Brill"])
    _add(store, "r4", "Brill court refuses Ivo Marsh bail", "2024-08-08", people=["Ivo Marsh"], towns=["Brill"])


def test_two_stories_stay_apart_until_a_report_ties_them(store_target):
    with Store.open(store_target) as store:
        _quarry_and_arrest(store)
        assert {store.story_of(a) for a in ("q1", "q2")} == {"S:q1"}
        assert {store.story_of(a) for a in ("r1", "r2", "r3", "r4")} == {"S:r1"}
        _add(store, "b1", "Kelso quarry strikers march in Brill to free Ivo Marsh", "2024-08-09",
             people=["Ivo Marsh"], groups=["Kelso Quarry Union"], towns=["Kelso", "Brill"])
        # one story now, under the larger story's id (the report joined the other first);
        # the id merged away leads to it
        assert {store.story_of(a) for a in ("q1", "q2", "r1", "r2", "r3", "r4", "b1")} == {"S:r1"}
        assert [(s.id, s.articles, s.first, s.last) for s in store.stories()] == [
            ("S:r1", 7, "2024-08-05", "2024-08-09")]
        assert store.story("S:q1").story.id == "S:r1"


def test_a_story_a_user_regrouped_is_not_merged_on_its_own(store_target):
    with Store.open(store_target) as store:
        _quarry_and_arrest(store)
        store.move_to_story("q2")  # the user keeps the second quarry report apart
        _add(store, "b1", "Kelso quarry strikers march in Brill to free Ivo Marsh", "2024-08-09",
             people=["Ivo Marsh"], groups=["Kelso Quarry Union"], towns=["Kelso", "Brill"])
        assert store.story_of("q2") == "S:q2"
        assert store.story_of("q1") != store.story_of("q2")


def _drifting(store):
    port = ["Alden Port Authority"]
    _add(store, "d1", "Alden dockworkers strike for higher pay", "2024-09-02", groups=port, towns=["Alden"])
    _add(store, "d2", "Alden dock strike enters its second day", "2024-09-03", groups=port, towns=["Alden"])
    _add(store, "d3", "Pay rise ends Alden dock strike", "2024-09-06", groups=port, towns=["Alden"])
    _add(store, "d4", "After the dock strike, Alden port chief Hugo Brandt plans a Corran Bay terminal",
         "2024-09-10", people=["Hugo Brandt"], groups=port, towns=["Alden", "Corran Bay"])
    _add(store, "d5", "Corran Bay fishermen protest container terminal", "2024-09-17", people=["Hugo Brandt"],
         towns=["Corran Bay"])


def test_a_story_whose_later_reports_drift_away_splits_in_two(store_target):
    with Store.open(store_target) as store:
        _drifting(store)
        _add(store, "d6", "Fishermen block Corran Bay against container terminal", "2024-09-24",
             towns=["Corran Bay"])
        assert {store.story_of(a) for a in ("d1", "d2", "d3")} == {"S:d1"}
        assert {store.story_of(a) for a in ("d4", "d5", "d6")} == {"S:d4"}
        spans = {s.id: (s.articles, s.first, s.last) for s in store.stories()}
        assert spans == {"S:d1": (3, "2024-09-02", "2024-09-06"), "S:d4": (3, "2024-09-10", "2024-09-24")}


def test_a_story_that_keeps_its_subject_does_not_split(store_target):
    with Store.open(store_target) as store:
        _drifting(store)
        _add(store, "d6", "Alden Port Authority answers Corran Bay fishermen on terminal", "2024-09-24",
             groups=["Alden Port Authority"], towns=["Alden", "Corran Bay"])
        assert len({store.story_of(a) for a in ("d1", "d2", "d3", "d4", "d5", "d6")}) == 1
