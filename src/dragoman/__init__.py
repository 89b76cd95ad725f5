"""dragoman: news reports in, a source-linked record of events out.

    >>> import dragoman
    >>> record = dragoman.extract(text, published="2024-03-22")
    >>> record.events[0].event
    'CONSULT'
    >>> with dragoman.Store.open("news.db", read_only=True) as store:
    ...     fused = list(store.fused_events(types="ASSAULT", actors="ISR", min_sources=2))
    ...     stories = store.stories(min_articles=3)
"""

from .pipeline import Pipeline, extract
from .records import Actor, Article, ArticleRecord, Claim, DateMention, Entity, Event, Place, Quote

__version__ = "0.1.0"
__all__ = [
    "extract", "Pipeline", "Article", "ArticleRecord", "Actor", "Event", "Quote",
    "Claim", "Place", "DateMention", "Entity", "Store", "EventFilter", "__version__",
]
# read on first use, so that `import dragoman` to extract does not load the store's code
_LAZY = {"Store": "dragoman.store", "EventFilter": "dragoman.query.filters"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
