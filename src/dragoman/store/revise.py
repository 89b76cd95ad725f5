"""Deleting stored articles, and replacing one's records with a new analysis of its stored text.

Both leave what was built from the articles consistent, in one transaction per article
(a deletion also takes back what the article taught the actor registry and its source's
home, `registry.forget_article`, `source_homes.forget_article`):
the article's mentions leave their fused events, each recounted (one left with no mention
is dropped); the article leaves its story, which is re-profiled from the articles it keeps
(one left with none is dropped), and the rarity counts of its features are taken back.

A user's corrections are not tied to the articles (`dragoman.store.fusion`,
`dragoman.store.stories`): a deleted article ingested again is placed as the user placed it.
A new analysis may number an article's events otherwise; a fusion correction follows its
mention to its new number (known by its type, sentence and trigger: `fusion.fingerprint`), and one
whose mention the new analysis no longer finds is dropped, as it names nothing any more.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

import msgspec

from ..records import Article, ArticleRecord
from ..resolve import registry, source_homes
from . import fusion, stories
from .connection import Connection

# the columns of a fusion correction, in table order
CORRECTION_COLUMNS = "kind, article_id, event_id, other_article_id, other_event_id, made_at"


class Replaced(NamedTuple):
    """What a new analysis changed in one article."""

    events_before: int
    events_after: int
    corrections_dropped: int


class Revising:
    """`Store.delete` and `Store.replace` (mixed into `dragoman.store.base.Store`, whose
    `_insert_layers`, `_delete_layers`, `_story_profile` and `fusion` they use)."""

    _db: Connection

    def delete(self, article_id: str) -> bool:
        """Remove a stored article and its records; False when no article has this id."""
        with self._db.transaction(writes="articles"):
            row = self._db.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                return False
            try:
                old = msgspec.json.decode(row[0], type=ArticleRecord)
            except msgspec.DecodeError:  # a damaged record is deleted all the same
                old = None
            story = _unfile(self._db, article_id, old, row[1])
            registry.forget_article(self._db, article_id)
            source_homes.forget_article(self._db, self.stored_article(article_id))
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # its rows go with it
            if story:
                stories.reprofile(self._db, story, self._story_profile)
        return True

    def stored_article(self, article_id: str) -> Optional[Article]:
        """The stored article as input again (id, text and metadata, its record left unread), or None."""
        row = self._db.execute("SELECT text, title, published, url, source FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            return None
        text, title, published, url, source = row
        return Article(id=article_id, text=text, title=title, published=published, url=url, source=source)

    def replace(self, record: ArticleRecord) -> Replaced:
        """Put a new analysis of a stored article (the same id and text) in place of its
        records, atomically; its events are fused and it is filed in a story again.
        KeyError when the article is not stored, ValueError when its text is not the one analysed."""
        with self._db.transaction(writes="articles"):
            row = self._db.execute("SELECT record, text, text_sha256 FROM articles WHERE id = ?",
                                   (record.id,)).fetchone()
            if row is None:
                raise KeyError(f"{record.id}: no such article")
            if row[2] != record.text_sha256:
                raise ValueError(f"{record.id}: the analysis is not of the stored text")
            old, text = msgspec.json.decode(row[0], type=ArticleRecord), row[1]
            dropped = _follow_corrections(self._db, old, record, text)
            story = _unfile(self._db, record.id, old, text)
            self._delete_layers(record.id)
            stored = msgspec.structs.replace(record, text=None)
            self._db.execute("UPDATE articles SET title = ?, published = ?, url = ?, source = ?, record = ?"
                             " WHERE id = ?", (record.title, record.published, record.url, record.source,
                                               msgspec.json.encode(stored).decode("utf-8"), record.id))
            self._insert_layers(record)
            if story:
                stories.reprofile(self._db, story, self._story_profile)
            if self.fusion:
                fusion.fuse_article(self._db, record, text)
                stories.file_article(self._db, record, text, self._story_profile)
        return Replaced(len(old.events), len(record.events), dropped)


def _unfile(db: Connection, article_id: str, old: Optional[ArticleRecord], text: str) -> Optional[str]:
    """Take the article out of its fused events (each recounted) and its story (returned, to be
    re-profiled once the article is gone), and its features (of its record `old`) out of the
    rarity counts."""
    touched = [r[0] for r in db.execute("SELECT DISTINCT fused_id FROM fused_mentions WHERE article_id = ?",
                                        (article_id,)).fetchall()]
    db.execute("DELETE FROM fused_mentions WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM fusion_blocks WHERE article_id = ?", (article_id,))
    for fused_id in sorted(touched):
        fusion.refresh(db, fused_id)
    row = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:  # never filed (fusion off, or stored before stories): nothing counted either
        return None
    db.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
    if old is not None:
        stories.uncount_features(db, stories.profile(old, text))
    return row[0]


def _follow_corrections(db: Connection, old: ArticleRecord, new: ArticleRecord, text: str) -> int:
    """Re-key the fusion corrections of the article's mentions to their numbers in the new
    analysis (found by `fingerprint`), with what each corrected mention was; drop those whose
    mention it no longer has. How many dropped."""
    article_id = old.id
    rows = db.execute(f"SELECT {CORRECTION_COLUMNS} FROM fusion_corrections WHERE article_id = ?"
                      f" UNION ALL SELECT {CORRECTION_COLUMNS} FROM fusion_corrections"
                      " WHERE other_article_id = ? AND article_id <> ?", (article_id, article_id, article_id)).fetchall()
    if not rows:
        return 0
    was = fusion.stored_fingerprints(db, article_id)
    now = {fusion.fingerprint(m): m.event_id for m in fusion.mentions_of(new, text).values()}

    def renumbered(event_id: str) -> Optional[str]:
        if event_id not in was:  # not fused when corrected (or since): known by its id alone
            return event_id
        return now.get(was[event_id])

    kept, dropped = [], 0
    for kind, a, e, other_a, other_e, made_at in rows:
        if a == article_id:
            e = renumbered(e)
        if other_a == article_id:
            other_e = renumbered(other_e)
        if e is None or other_e is None:
            dropped += 1
        else:
            kept.append((kind, a, e, other_a, other_e, made_at))
    db.execute("DELETE FROM fusion_corrections WHERE article_id = ? OR other_article_id = ?", (article_id, article_id))
    db.executemany(f"INSERT INTO fusion_corrections ({CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", kept)
    marked = db.execute("SELECT fingerprint FROM corrected_mentions WHERE article_id = ?", (article_id,)).fetchall()
    db.execute("DELETE FROM corrected_mentions WHERE article_id = ?", (article_id,))
    db.executemany("INSERT INTO corrected_mentions VALUES (?, ?, ?)",
                   [(article_id, now[mark], mark) for (mark,) in marked if mark in now])
    return dropped
