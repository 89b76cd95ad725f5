"""The Dask backend gives the same records as a local run, in order, and survives bad articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag")

from dragoman.cli import main  # noqa: E402
from dragoman.ingest.readers import make_article  # noqa: E402
from dragoman.parallel import ArticleFailure, run_dask  # noqa: E402
from dragoman.pipeline import default_pipeline  # noqa: E402

TEXTS = [
    "Chile's president met Argentina's foreign minister in Santiago on Monday.",
    "Protesters marched through Nairobi on Tuesday, demanding lower fuel prices.",
    "Japan and South Korea agreed to resume talks next month.",
]


def _articles():
    return [make_article(t, id=f"a{i}", published="2024-06-05") for i, t in enumerate(TEXTS)]


def _local(articles):
    return [a.to_record() for a in default_pipeline().run(articles)]


def test_worker_processes_match_the_local_run_in_order():
    articles = _articles()
    remote = list(run_dask(articles, "processes", partition_size=2))
    assert [r.id for r in remote] == ["a0", "a1", "a2"]
    assert remote == _local(articles)


def test_a_failing_article_comes_back_as_a_failure_in_its_place(monkeypatch):
    pipeline = default_pipeline()
    real_steps = list(pipeline.steps)

    def explode(analysis):
        if "Nairobi" in analysis.text:
            raise ValueError("boom")

    monkeypatch.setattr(pipeline, "steps", real_steps + [("explode", explode)])
    outcomes = list(run_dask(_articles(), "synchronous", partition_size=3))
    assert [type(o).__name__ for o in outcomes] == ["ArticleRecord", "ArticleFailure", "ArticleRecord"]
    failure = outcomes[1]
    assert isinstance(failure, ArticleFailure) and failure.article_id == "a1" and "boom" in failure.error


def test_cli_dask_option_gives_the_same_lines(tmp_path):
    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    args = ["extract", str(tmp_path), "--published", "2024-06-05"]
    local = runner.invoke(main, args)
    remote = runner.invoke(main, args + ["--dask", "synchronous"])
    assert remote.exit_code == 0, remote.output
    assert [json.loads(l) for l in remote.stdout.splitlines()] == [json.loads(l) for l in local.stdout.splitlines()]


def test_cli_dask_ingest_fills_either_store(tmp_path, store_target):
    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    args = ["ingest", str(tmp_path), "--db", store_target, "--published", "2024-06-05", "--dask", "synchronous",
            "--source", "Wire"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "3 added" in result.stderr
    from dragoman.resolve.source_homes import SourceHomes

    with SourceHomes(store_target) as homes:  # the ingesting process kept what the workers' articles named
        assert len(homes) == 1 and homes.home("Wire", "a9") is None
    listed = runner.invoke(main, ["show", store_target]).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["a0", "a1", "a2"]
    again = runner.invoke(main, args)
    assert "0 added, 3 already stored" in again.stderr


def _many_articles(directory, count: int) -> None:
    """`count` short reports, each with numbers of its own every few words, so that no
    two are near-duplicates (which ingest would set aside)."""
    cities = ["Lima", "Quito", "Nairobi", "Accra", "Hanoi", "Manila", "Tunis", "Dakar"]
    for i in range(count):
        city = cities[i % len(cities)]
        (directory / f"r{i:03}.txt").write_text(
            f"Round {i} of talks opened as {1000 + i} delegates gathered in {city} where {2000 + i} police"
            f" officers guarded venue {3000 + i} on Monday. Ministers signed accord {4000 + i} after"
            f" {5000 + i} hours of debate, and {6000 + i} protesters marched outside hall {7000 + i}.",
            encoding="utf-8",
        )


def test_cluster_ingest_keeps_every_article_once_when_a_worker_is_killed(tmp_path, postgres_url):
    """A worker killed mid-run (its nanny restarts it) costs a retry, not an article:
    the partition it held is computed again elsewhere and each article is stored once."""
    import os
    import signal
    import threading
    import time

    distributed = pytest.importorskip("distributed")
    from dragoman.store import Store

    _many_articles(tmp_path, 40)  # five partitions of 8 for the cluster's two workers
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        outcome = {}

        def ingest() -> None:
            outcome["result"] = CliRunner().invoke(main, [
                "ingest", str(tmp_path), "--db", postgres_url, "--published", "2024-06-05",
                "--dask", cluster.scheduler_address])

        run = threading.Thread(target=ingest)
        run.start()
        deadline = time.monotonic() + 300
        while not any(client.processing().values()):
            assert time.monotonic() < deadline and run.is_alive(), "no worker ever started a partition"
            time.sleep(0.2)
        # at once: a worker given its first partition spends seconds loading the model
        busy = next(address for address, tasks in client.processing().items() if tasks)
        pid = client.run(os.getpid, workers=[busy])[busy]
        os.kill(pid, signal.SIGKILL)
        run.join(timeout=600)
        assert busy not in client.scheduler_info()["workers"]  # it died holding its partition
    result = outcome["result"]
    assert result.exit_code == 0, result.output
    assert "40 added, 0 already stored, 0 failed" in result.stderr
    with Store.open(postgres_url) as store:
        assert sorted(a.id for a in store.articles()) == [f"r{i:03}" for i in range(40)]


def test_partitions_follow_the_corpus_and_the_workers():
    """Each worker gets about four partitions of a small corpus (three partitions of 32
    for two workers left one idle half the run); a large corpus goes 32 at a time, and
    a tiny one no fewer than 8."""
    from dragoman.parallel import partition_size_for

    assert partition_size_for(96, 2) == 12
    assert partition_size_for(10_000, 2) == 32
    assert partition_size_for(20, 2) == 8
    assert partition_size_for(96, 0) == 24


def test_default_partitions_keep_order_and_every_article():
    articles = _articles()
    outcomes = list(run_dask(articles, "synchronous"))
    assert [o.id for o in outcomes] == [a.id for a in articles]


def _numbered_reports(count: int):
    """`count` short articles, given to the backend one at a time, noting how many it has taken."""
    taken = []

    def articles():
        for i in range(count):
            taken.append(i)
            yield make_article(f"Delegates from Peru and Ghana met for round {i} of the trade talks.",
                               id=f"n{i}", published="2024-06-05")

    return articles(), taken


def test_results_come_while_only_a_few_partitions_are_out(monkeypatch):
    """The driver reads ahead at most its in-flight partitions, whatever the corpus size,
    and an article that fails among them stops neither its partition nor the later ones."""
    from dragoman.parallel import IN_FLIGHT_PER_WORKER

    pipeline = default_pipeline()

    def explode(analysis):
        if analysis.article.id == "n1":
            raise ValueError("boom")

    monkeypatch.setattr(pipeline, "steps", list(pipeline.steps) + [("explode", explode)])
    articles, taken = _numbered_reports(20)
    ahead = []
    outcomes = []
    for outcome in run_dask(articles, "synchronous", partition_size=2):
        outcomes.append(outcome)
        ahead.append(len(taken) - len(outcomes))
    assert [o.article_id if isinstance(o, ArticleFailure) else o.id for o in outcomes] == [f"n{i}" for i in range(20)]
    assert [i for i, o in enumerate(outcomes) if isinstance(o, ArticleFailure)] == [1]
    assert max(ahead) <= IN_FLIGHT_PER_WORKER * 2  # one synchronous worker, partitions of two


# one paper's stories: the first two name Ohio by towns no other state has, the later ones a bare
# "Dublin" beside a "Springfield" (US towns in many states) that only the paper's home can place
PAPER = (
    "Volunteers in Cuyahoga Falls cleared the snow from the park trails on Saturday.",
    "A bakery in Wapakoneta hired twelve workers, and Westerville opened a walk-in clinic.",
    "Firefighters from Dublin and Springfield pulled a dog out of a frozen pond on Sunday.",
    "The Westerville council passed its budget on Thursday after a short debate.",
    "Pupils in Dublin planted forty oak trees, and a Springfield nursery gave the saplings.",
)


def test_how_the_corpus_is_cut_never_changes_a_source_home():
    """Each partition consults what the driver learned so far, and the driver learns in
    input order: partitions of one, two or five give the records one process gives."""
    from dragoman.resolve import source_homes
    from dragoman.resolve.source_homes import SourceHomes

    articles = [make_article(text, id=f"p{i}", published="2024-06-05", source="Valley Courier")
                for i, text in enumerate(PAPER)]
    with source_homes.using(SourceHomes()):
        alone = list(default_pipeline().records(articles))
    dublin = next(p for p in alone[2].places if p.text == "Dublin")
    assert (dublin.country, dublin.rule) == ("USA", "source-home")  # the home mattered
    for size in (1, 2, 5):
        with source_homes.using(SourceHomes()) as homes:
            assert list(run_dask(articles, "synchronous", partition_size=size)) == alone, size
            assert homes.home("Valley Courier", "another story") == "USA.OH"


def _actors_named(db: str, article_id: str, name: str):
    from dragoman.store import Store

    with Store.open(db) as store:
        return [actor for actor in store.get(article_id).actors if actor.name == name]


def test_workers_consult_the_registry_as_the_run_started(tmp_path):
    """The driver stores and teaches the registry while workers analyse: they read a copy
    taken at the start, so what they find never follows how far the driver has got (here
    the last partition is sent after the first is stored). What a run learned serves the
    next run."""
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "a-t1.txt").write_text("Estonian Defence Minister Kaarel Tamm visited a border post on Tuesday.")
    _many_articles(first, 24)  # four partitions of 8 in all, one more than a synchronous run sends at once
    (first / "z-t2.txt").write_text("Tamm said on Wednesday that the night patrols would go on.")
    (second / "t3.txt").write_text("Tamm told reporters on Friday that the drills would end in May.")
    for folder in (first, second):
        result = runner.invoke(main, ["ingest", str(folder), "--db", db, "--published", "2024-06-05",
                                      "--dask", "synchronous"])
        assert result.exit_code == 0, result.output
    assert [actor.country for actor in _actors_named(db, "a-t1", "Kaarel Tamm")] == ["EST"]
    [same_run] = _actors_named(db, "z-t2", "Tamm")
    assert "known:" not in (same_run.rule or "")
    [next_run] = _actors_named(db, "t3", "Kaarel Tamm") or _actors_named(db, "t3", "Tamm")
    assert next_run.country == "EST" and "known:Kaarel Tamm@article:a-t1" in next_run.rule
