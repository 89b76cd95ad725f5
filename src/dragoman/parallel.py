"""Extraction on a Dask cluster, for corpora that outgrow one process.

Articles are partitioned into a `dask.bag`; each worker process loads the
pipeline once (the spaCy model, lexicons and gazetteer are cached per
process) and analyses its partitions. An article that fails comes back as an
`ArticleFailure` instead of stopping its partition, so one bad article never
stops a batch here either. Results are yielded in input order.

Install with `pip install "dragoman[dask]"`. `scheduler` is a Dask scheduler
address ("tcp://host:8786"), or "processes" / "threads" / "synchronous" for
Dask's local schedulers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence, Union

from .records import Article, ArticleRecord


@dataclass(frozen=True)
class ArticleFailure:
    article_id: str
    error: str


Outcome = Union[ArticleRecord, ArticleFailure]


def _analyse_partition(
    articles: Sequence[Article], with_text: bool, actor_files: Sequence[str], registry_path: str | None
) -> list[Outcome]:
    from .pipeline import default_pipeline
    from .resolve import source_homes
    from .resolve.registry import configure

    configure(actor_files, registry_path)  # module state does not travel to worker processes
    # what the store knows of sources, read once: the ingesting process writes what is learned
    source_homes.configure(registry_path).close()

    failures: dict[int, str] = {}

    def failed(article: Article, exc: Exception) -> None:
        failures[id(article)] = repr(exc)

    records = iter(list(default_pipeline().records(list(articles), with_text=with_text, on_error=failed)))
    return [  # input order (the records come in order, failed articles left out), failures in their place
        ArticleFailure(article.id, failures[id(article)]) if id(article) in failures else next(records)
        for article in articles
    ]


def run_dask(
    articles: Sequence[Article],
    scheduler: str,
    *,
    partition_size: int = 32,
    with_text: bool = False,
    actor_files: Sequence[str] = (),
    registry_path: str | None = None,
) -> Iterator[Outcome]:
    """Analyse articles on a Dask scheduler; yields records (or failures) in input order."""
    try:
        import dask.bag as db
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError('the Dask backend needs `pip install "dragoman[dask]"`') from exc

    if not articles:
        return iter(())
    bag = db.from_sequence(list(articles), partition_size=partition_size)
    outcomes = bag.map_partitions(_analyse_partition, with_text, list(actor_files), registry_path)
    if scheduler in {"processes", "threads", "synchronous", "sync"}:
        return iter(outcomes.compute(scheduler=scheduler))
    from dask.distributed import Client

    with Client(scheduler) as client:
        return iter(client.compute(outcomes).result())
