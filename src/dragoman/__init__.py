"""dragoman: news reports in, a source-linked record of events out.

    >>> import dragoman
    >>> record = dragoman.extract(text, published="2024-03-22")
    >>> record.events[0].event
    'CONSULT'
"""

from .pipeline import Pipeline, extract
from .records import Actor, Article, ArticleRecord, Claim, DateMention, Entity, Event, Place, Quote

__version__ = "0.1.0"
__all__ = [
    "extract", "Pipeline", "Article", "ArticleRecord", "Actor", "Event", "Quote",
    "Claim", "Place", "DateMention", "Entity", "__version__",
]
