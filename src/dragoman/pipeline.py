"""The extraction pipeline: a registry of small components run in order.

A component is a function `(Analysis) -> None` that adds one layer. Components
register themselves by name with `@component`, the order lives in `DEFAULT_STEPS`
(not in if-chains), and each step only reads layers made before it.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable, Iterator, Sequence

from .analysis import Analysis
from .annotate.nlp import give_back_freed_memory, load_nlp, parse
from .annotate.views import release
from .records import Article, ArticleRecord
from .resolve.article_memo import one_article

Component = Callable[[Analysis], None]
OnError = Callable[[Article, Exception], None]
REGISTRY: dict[str, Component] = {}

# ingest -> annotate (spaCy) -> these steps, in this order
DEFAULT_STEPS: tuple[str, ...] = (
    "entities",  # NER spans, with corrections that matter for actors
    "places",  # toponyms resolved against the gazetteer (actors read a person's home town)
    "actors",  # who is who: coded actors and all their mentions
    "dates",  # time expressions resolved against the publication date
    "claims",  # figures: numbers with units and what they count
    "quotes",  # who said what
    "events",  # who did what to whom, when, where, how certain
)


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn

    return register


def _load_component(name: str) -> None:
    """Built-in steps live in `dragoman.extractors.<name>` and register on import."""
    if name not in REGISTRY:
        try:
            importlib.import_module(f"dragoman.extractors.{name}")
        except ModuleNotFoundError:
            pass


class Pipeline:
    """Runs the registered steps over articles; parse batching is shared."""

    def __init__(self, steps: Sequence[str] = DEFAULT_STEPS, batch_size: int = 16):
        for name in steps:
            _load_component(name)
        unknown = [s for s in steps if s not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown pipeline step(s): {', '.join(unknown)}")
        self.steps = [(name, REGISTRY[name]) for name in steps]
        self.batch_size = batch_size

    def analyse(self, article: Article, doc=None) -> Analysis:
        if doc is None:
            doc = next(parse([article.text], batch_size=1))
        analysis = Analysis(article=article, doc=doc)
        with one_article():
            for _name, step in self.steps:
                step(analysis)
        analysis.apply_lessons()
        return analysis

    def run(self, articles: Iterable[Article], on_error: OnError | None = None) -> Iterator[Analysis]:
        """Analyse articles in order; spaCy parses them in batches.

        With `on_error`, an article whose parse or analysis raises is handed to
        it and skipped, so one bad article never stops a batch; without, it raises.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, on_error)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_error)

    def records(
        self, articles: Iterable[Article], *, with_text: bool = False, on_error: OnError | None = None
    ) -> Iterator[ArticleRecord]:
        """The articles' records, in order, as `extract` and `ingest` write them.

        Each batch is parsed and analysed inside spaCy's memory zone, and only plain
        records leave it: the words a batch adds to the model's vocabulary are freed
        with it, so a long run's memory does not grow with the vocabulary it reads;
        each Doc's cached views are released, so the Doc goes with its article; and
        what the batch freed is given back to the system."""
        nlp = load_nlp()
        batch: list[Article] = []

        def flush() -> list[ArticleRecord]:
            done = []
            with nlp.memory_zone():
                for analysis in self._run_batch(batch, on_error):
                    done.append(analysis.to_record(with_text=with_text))
                    release(analysis.doc)
            give_back_freed_memory()
            return done

        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from flush()
                batch = []
        if batch:
            yield from flush()

    def _run_batch(self, batch: list[Article], on_error: OnError | None) -> Iterator[Analysis]:
        try:
            docs = list(parse([a.text for a in batch], batch_size=self.batch_size))
        except Exception:  # noqa: BLE001 - one article's parse failed: find it, keep the others
            if on_error is None:
                raise
            docs = [self._parse_alone(article, on_error) for article in batch]
        for article, doc in zip(batch, docs):
            if doc is None:
                continue
            if on_error is None:
                yield self.analyse(article, doc)
                continue
            try:
                analysis = self.analyse(article, doc)
            except Exception as exc:  # noqa: BLE001 - handed to the caller with its article
                on_error(article, exc)
            else:
                yield analysis

    @staticmethod
    def _parse_alone(article: Article, on_error: OnError):
        """The article's Doc, or None after handing its failure to `on_error`."""
        try:
            return next(parse([article.text], batch_size=1))
        except Exception as exc:  # noqa: BLE001 - handed to the caller with its article
            on_error(article, exc)
            return None


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(
    text: str,
    *,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> ArticleRecord:
    """Extract events, quotes, actors, places, dates and figures from one text."""
    from .ingest.readers import make_article

    article = make_article(text, id=id, title=title, published=published, url=url, source=source)
    return default_pipeline().analyse(article).to_record()
