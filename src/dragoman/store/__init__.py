"""Where analysed articles are kept: an SQLite file by default, PostgreSQL for larger deployments.

`Store.open("news.db")` or `Store.open("postgresql://host/db")`; both stores
have the same tables and the same methods (see `dragoman.store.base`).
"""

from .base import (
    ArticleNotStored, ArticleSummary, EventMention, FusedEvent, NearDuplicate, QuoteHit, SearchHit, Store, StoreError,
    Story, StoryTimeline, storable,
)
from .connection import DatabaseFailure

__all__ = [
    "ArticleNotStored", "ArticleSummary", "DatabaseFailure", "EventMention", "NearDuplicate", "QuoteHit", "SearchHit",
    "Store", "StoreError", "Story", "StoryTimeline", "FusedEvent", "storable",
]
