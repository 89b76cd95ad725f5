"""Story lines: articles (and so their fused events) grouped into stories that grow over time.

Online clustering at ingest: each article's profile is a bag of weighted features (the
actors it names, the countries, places and event types of its events and actors, the
words of its headline), each weighted by its rarity among the articles filed so far
(``story_features``); it joins the active story whose profile is most similar (cosine,
`join_similarity`, which rises as the story grows), or one that already holds a fused event of the article, else it starts
a story. A story's profile is the sum of its articles' profiles, the older part decayed
by half every `HALF_LIFE_DAYS`; stories whose last article is older than `ACTIVE_DAYS`
are not candidates, so the cost per article is bounded by the news of the last weeks,
not by the store. Stories merge and split as news develops (`upkeep`, reading only the
stories the new article touches): two that the article could each have joined, with room
to spare (`BRIDGE_STRENGTH`), become one; a story whose later articles have drifted from
its earlier ones splits in two. A story's id is its first article's (``S:ARTICLE``) and never changes
(an id merged away leads to the story its first article is in);
its title is the headline of its most central article (the one most similar to the
story when it joined).

A user can move an article to another story (or to one of its own) and merge two
stories (`dragoman regroup`): each placement is stored and obeyed when the article is
filed again, so it survives re-ingest; the stories it touches are re-profiled from their
articles, as if filed in date order.

Tables (schema version 9): ``stories`` (id, title, title_similarity, first, last,
articles, profile JSON) and ``story_articles`` (story_id, article_id, published, similarity);
(version 10) ``story_features`` (feature, articles: how many filed articles have it);
(version 12) ``story_corrections`` (article_id, story_id, made_at: a user's placement,
not tied to the article, so it outlives the article's deletion).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from typing import Callable, Optional

from ..records import ArticleRecord
from ..resolve.happenings import content_words
from .connection import Connection

# how many filed articles have each feature (`ARTICLES` counts them all): its rarity,
# kept as articles arrive (schema version 10)
FEATURE_TABLES = (
    """CREATE TABLE IF NOT EXISTS story_features (
    feature TEXT PRIMARY KEY,
    articles INTEGER NOT NULL
)""",
)
ARTICLES = "#articles"

# a user's placements of articles in stories (schema version 12)
CORRECTION_TABLES = (
    """CREATE TABLE IF NOT EXISTS story_corrections (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    made_at TEXT NOT NULL
)""",
)

STORY_TABLES = (
    """CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    title_similarity REAL NOT NULL,
    first TEXT,
    last TEXT,
    articles INTEGER NOT NULL,
    profile TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS stories_last ON stories(last)",
    """CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL,
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    published TEXT,
    similarity REAL NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id)",
    *FEATURE_TABLES,
    *CORRECTION_TABLES,
)

JOIN_SIMILARITY = 0.15  # cosine of rarity-weighted profiles
GROWTH_STEP = 0.02  # and this much more each time the story doubles
HALF_LIFE_DAYS = 7.0
ACTIVE_DAYS = 21
MAX_ACTIVE = 200  # the most recent active stories compared with one article
PROFILE_FEATURES = 60  # a story keeps its strongest features only
BRIDGE_STRENGTH = 1.5  # an article this many times as alike as joining asks, to each of two stories, makes them one
SPLIT_SIMILARITY = JOIN_SIMILARITY  # a story whose earlier and later parts would not join each other has drifted apart
MIN_PART = 2  # the fewest articles on each side of a split
SPLIT_CHECK_ARTICLES = 40  # larger stories are not re-read for drift: the cost per article stays bounded

# how much one feature of each kind says about which story an article belongs to
WEIGHTS = {"actor": 2.0, "place": 1.5, "word": 1.0, "country": 0.5, "type": 0.5}


def profile(record: ArticleRecord, text: str) -> dict[str, float]:
    """The article's weighted features (see the module docstring)."""
    found: Counter[str] = Counter()
    for actor in record.actors:
        if actor.name and actor.kind in ("person", "organization", "group"):
            found["actor:" + actor.name.lower()] += WEIGHTS["actor"]
        if actor.country:
            found["country:" + actor.country] += WEIGHTS["country"]
    for place in record.places:
        name = (place.name or place.text).lower()
        if place.feature != "country":
            found["place:" + name] += WEIGHTS["place"]
        if place.country:
            found["country:" + place.country] += WEIGHTS["country"]
    for event in record.events:
        found["type:" + event.event] += WEIGHTS["type"]
    headline = headline_of(record, text)
    for word in sorted(content_words(headline)):  # in one order: ties and sums do not vary by run
        found["word:" + word] += WEIGHTS["word"]
    # each feature counts with the log of its mentions: one article's repetitions do not swamp
    return {key: round(1 + math.log(value), 4) for key, value in found.items()}


def join_similarity(articles: int) -> float:
    """The similarity an article needs to join a story of `articles` articles: more as the
    story grows, so a large story's blend of common names does not draw in every article."""
    return JOIN_SIMILARITY + GROWTH_STEP * math.log2(max(articles, 1))


def headline_of(record: ArticleRecord, text: str) -> str:
    """The article's title, else its first line (shortened): what a reader sees first."""
    if record.title:
        return record.title
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(value * b.get(key, 0.0) for key, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _decayed(story: dict[str, float], days: float) -> dict[str, float]:
    factor = 0.5 ** (max(days, 0.0) / HALF_LIFE_DAYS)
    return {key: value * factor for key, value in story.items()}


def _days(first: Optional[str], last: Optional[str]) -> float:
    try:
        return float((dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days)
    except (TypeError, ValueError):
        return 0.0


# an article's profile and headline, from the stored article (`Store` supplies it)
Profiler = Callable[[str], tuple[dict[str, float], str]]


def _count_features(db: Connection, found: dict[str, float]) -> None:
    db.executemany(
        "INSERT INTO story_features VALUES (?, 1) ON CONFLICT (feature) DO UPDATE SET articles = story_features.articles + 1",
        [(key,) for key in (ARTICLES, *sorted(found))],
    )


def uncount_features(db: Connection, found: dict[str, float]) -> None:
    """Take back `_count_features` of an article leaving the stories (deleted, or analysed again)."""
    db.executemany("UPDATE story_features SET articles = articles - 1 WHERE feature = ?",
                   [(key,) for key in (ARTICLES, *sorted(found))])
    db.execute("DELETE FROM story_features WHERE articles <= 0 AND feature <> ?", (ARTICLES,))


def _rarities(db: Connection, keys: set[str]) -> dict[str, float]:
    """Each feature's weight by its rarity among the filed articles now (smoothed IDF: 1 for
    a feature every article has): a name in most articles ('Trump', 'campaign') says little
    about which story an article is in."""
    wanted = sorted(keys | {ARTICLES})
    counts: dict[str, int] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        counts.update(db.execute(
            f"SELECT feature, articles FROM story_features WHERE feature IN ({', '.join('?' * len(chunk))})", chunk,
        ).fetchall())
    total = counts[ARTICLES]
    return {key: 1 + math.log((1 + total) / (1 + counts.get(key, 0))) for key in keys}


def _weighted(found: dict[str, float], rarity: dict[str, float]) -> dict[str, float]:
    return {key: value * rarity[key] for key, value in found.items()}


def file_article(db: Connection, record: ArticleRecord, text: str, profiler: Optional[Profiler] = None) -> str:
    """Put the article in its story (inside the caller's transaction); returns the story id
    (as it is after `upkeep`, which runs when a `profiler` is given).
    Profiles are stored as counted; the rarities weigh them when compared, as they are now."""
    found = profile(record, text)
    _count_features(db, found)
    published = record.published
    placed = _placed_by_user(db, record.id)
    story_id, similarity = placed or _shared_fused_story(db, record.id), None
    rows = []
    if published:
        since = (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=ACTIVE_DAYS)).isoformat()
        rows = db.execute("SELECT id, last, profile, articles FROM stories WHERE last >= ? ORDER BY last DESC LIMIT ?",
                          (since, MAX_ACTIVE)).fetchall()
    candidates = [(sid, _decayed(json.loads(p), _days(last, published)), size) for sid, last, p, size in rows]
    rarity = _rarities(db, set(found).union(*(story for _, story, _ in candidates)))
    mine = _weighted(found, rarity)
    scored = sorted(((cosine(mine, _weighted(story, rarity)), sid, size) for sid, story, size in candidates),
                    reverse=True)
    joinable = [(score, sid) for score, sid, size in scored if score >= join_similarity(size)]
    if story_id is None and joinable:
        similarity, story_id = joinable[0]
    if story_id is None:
        story_id = f"S:{record.id}"
    # a new story, or one a user placed the article in that has since lost its articles
    db.execute("INSERT INTO stories VALUES (?, ?, 0, ?, ?, 0, '{}') ON CONFLICT (id) DO NOTHING",
               (story_id, headline_of(record, text), published, published))
    row = db.execute("SELECT title_similarity, first, last, profile, articles FROM stories WHERE id = ?",
                     (story_id,)).fetchone()
    title_similarity, first, last, stored, size = row
    story = _decayed(json.loads(stored), _days(last, published))
    _with_rarities(db, rarity, story)
    if similarity is None:  # a new story's first article, or one sharing a fused event with it
        similarity = cosine(mine, _weighted(story, rarity)) if story else JOIN_SIMILARITY
    for key, value in found.items():
        story[key] = story.get(key, 0.0) + value
    story = _strongest(story, rarity)
    db.execute(
        "UPDATE stories SET title = CASE WHEN ? THEN ? ELSE title END, title_similarity = ?, first = ?, last = ?,"
        " articles = articles + 1, profile = ? WHERE id = ?",
        (similarity > title_similarity, headline_of(record, text), max(similarity, title_similarity),
         min(filter(None, (first, published)), default=None), max(filter(None, (last, published)), default=None),
         json.dumps({k: round(v, 4) for k, v in story.items()}), story_id),
    )
    db.execute("INSERT INTO story_articles VALUES (?, ?, ?, ?)", (story_id, record.id, published, round(similarity, 4)))
    if profiler is None or placed:
        return story_id
    bridges = [sid for score, sid, other_size in scored if sid != story_id and size
               and min(score / join_similarity(other_size), similarity / join_similarity(size)) >= BRIDGE_STRENGTH]
    return upkeep(db, record.id, story_id, bridges, rarity, profiler)


def _shared_fused_story(db: Connection, article_id: str) -> Optional[str]:
    """The story of another article that reports one of this article's fused events."""
    row = db.execute(
        "SELECT s.story_id FROM fused_mentions m JOIN fused_mentions o ON o.fused_id = m.fused_id"
        " AND o.article_id <> m.article_id JOIN story_articles s ON s.article_id = o.article_id"
        " WHERE m.article_id = ? GROUP BY s.story_id ORDER BY count(*) DESC, s.story_id LIMIT 1",
        (article_id,),
    ).fetchone()
    return row[0] if row else None


def _strongest(story: dict[str, float], rarity: dict[str, float]) -> dict[str, float]:
    """The story's features that weigh most now (frequent and rare), as many as a profile keeps."""
    return dict(sorted(story.items(), key=lambda item: -item[1] * rarity[item[0]])[:PROFILE_FEATURES])


def _exists(db: Connection, story_id: str) -> bool:
    return db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None


def _placed_by_user(db: Connection, article_id: str) -> Optional[str]:
    row = db.execute("SELECT story_id FROM story_corrections WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def move(db: Connection, article_id: str, story_id: Optional[str], profiler: Profiler) -> str:
    """Put a filed article in story `story_id`, or in a new story of its own when None;
    kept there from now on. Returns the story id. KeyError for an unknown article or
    story, ValueError when the article is there already."""
    row = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(f"no article {article_id!r} in a story")
    if story_id is None:
        story_id = _unused_story_id(db, f"S:{article_id}")
        db.execute("INSERT INTO stories VALUES (?, NULL, 0, NULL, NULL, 0, '{}')", (story_id,))
    elif not _exists(db, story_id):
        raise KeyError(f"no story {story_id!r}")
    if story_id == row[0]:
        raise ValueError(f"article {article_id!r} is in story {story_id!r} already")
    _place(db, [article_id], story_id)
    for touched in (row[0], story_id):
        reprofile(db, touched, profiler)
    return story_id


def merge(db: Connection, kept: str, merged: str, profiler: Profiler) -> None:
    """Move every article of story `merged` into `kept`, which keeps its id; kept together
    from now on. KeyError for an unknown story, ValueError for a story with itself."""
    if kept == merged:
        raise ValueError(f"cannot merge story {kept!r} with itself")
    for story_id in (kept, merged):
        if not _exists(db, story_id):
            raise KeyError(f"no story {story_id!r}")
    articles = [r[0] for r in db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (merged,))
                .fetchall()]
    _place(db, articles, kept)
    reprofile(db, merged, profiler)
    reprofile(db, kept, profiler)


def _place(db: Connection, article_ids: list[str], story_id: str) -> None:
    made_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    db.executemany(
        "INSERT INTO story_corrections VALUES (?, ?, ?) ON CONFLICT (article_id)"
        " DO UPDATE SET story_id = excluded.story_id, made_at = excluded.made_at",
        [(article_id, story_id, made_at) for article_id in article_ids],
    )
    db.executemany("UPDATE story_articles SET story_id = ? WHERE article_id = ?",
                   [(story_id, article_id) for article_id in article_ids])


def _unused_story_id(db: Connection, wanted: str) -> str:
    found, n = wanted, 1
    while _exists(db, found):
        n += 1
        found = f"{wanted}~{n}"
    return found


def upkeep(db: Connection, article_id: str, story_id: str, bridged: list[str], rarity: dict[str, float],
           profiler: Profiler) -> str:
    """After article `article_id` joined story `story_id`: merge in each other active story
    it bridges to it (`bridged`: the article is, to each of the two, `BRIDGE_STRENGTH` times as
    alike as joining asks), then split the story where its earlier and later articles have
    drifted apart (`_split_drifted`). Only the stories the article touches are read, and
    stories holding an article a user placed are left as the user made them. Returns the
    article's story now."""
    for other in bridged:
        if _exists(db, other) and not _holds_placed_articles(db, story_id, other):
            story_id = _merge_filed(db, story_id, other, rarity)
    _split_drifted(db, story_id, article_id, profiler)
    return db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()[0]


def _holds_placed_articles(db: Connection, *story_ids: str) -> bool:
    """Whether any of these stories holds an article a user placed (`move`): upkeep leaves it be."""
    marks = ", ".join("?" * len(story_ids))
    return db.execute(f"SELECT 1 FROM story_corrections WHERE story_id IN ({marks}) LIMIT 1", story_ids).fetchone() \
        is not None


def _stored(db: Connection, story_id: str) -> tuple:
    return db.execute("SELECT title, title_similarity, first, last, articles, profile FROM stories WHERE id = ?",
                      (story_id,)).fetchone()


def _with_rarities(db: Connection, rarity: dict[str, float], *profiles: dict[str, float]) -> dict[str, float]:
    missing = set().union(*profiles) - set(rarity)
    if missing:
        rarity.update(_rarities(db, missing))
    return rarity


def _merge_filed(db: Connection, a: str, b: str, rarity: dict[str, float]) -> str:
    """Make stories `a` and `b` one, without re-reading their articles: the larger (of equals,
    the older) keeps its id, which the other's first article leads to (`Store.current_story`);
    the profiles add up, each decayed to the later's last day. Returns the kept id."""
    rows = {story_id: _stored(db, story_id) for story_id in (a, b)}
    kept, merged = sorted((a, b), key=lambda sid: (-rows[sid][4], rows[sid][2] is None, rows[sid][2] or "", sid))
    last = max(filter(None, (rows[a][3], rows[b][3])), default=None)
    story: dict[str, float] = {}
    for title, title_similarity, first, ended, size, stored in rows.values():
        for key, value in _decayed(json.loads(stored), _days(ended, last)).items():
            story[key] = story.get(key, 0.0) + value
    story = _strongest(story, _with_rarities(db, rarity, story))
    title, title_similarity = max((rows[kept][0], rows[kept][1]), (rows[merged][0], rows[merged][1]),
                                  key=lambda pair: pair[1])
    first = min(filter(None, (rows[a][2], rows[b][2])), default=None)
    db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, merged))
    db.execute("DELETE FROM stories WHERE id = ?", (merged,))
    db.execute("UPDATE stories SET title = ?, title_similarity = ?, first = ?, last = ?, articles = ?, profile = ?"
               " WHERE id = ?", (title, title_similarity, first, last, rows[a][4] + rows[b][4],
                                 json.dumps({k: round(v, 4) for k, v in story.items()}), kept))
    return kept


def _split_drifted(db: Connection, story_id: str, article_id: str, profiler: Profiler) -> None:
    """Split a story of at most `SPLIT_CHECK_ARTICLES` articles in two, its earlier articles
    and its later ones (in date order, the new article `article_id` among the later), where the
    two parts are least alike, when they would not join each other (`SPLIT_SIMILARITY`) nor
    the new article the earlier part, and each part has `MIN_PART` articles or more; never
    between two reports of one fused event. The part holding the article the story's id names
    keeps the id (so an id keeps leading to its first article); the other is a story of its
    own, ``S:`` and its first article."""
    rows = _articles_in_order(db, story_id)
    if not 2 * MIN_PART <= len(rows) <= SPLIT_CHECK_ARTICLES or _holds_placed_articles(db, story_id):
        return
    profiles = {found: profiler(found) for found, _ in rows}
    rarity = _rarities(db, set().union(*(found for found, _ in profiles.values())))
    events = _fused_of(db, [found for found, _ in rows])
    newest = _weighted(profiles[article_id][0], rarity)
    best = None
    for cut in range(MIN_PART, len(rows) - MIN_PART + 1):
        if article_id not in {found for found, _ in rows[cut:]} or events(rows[:cut]) & events(rows[cut:]):
            continue
        earlier, later = (_weighted(_accumulated(part, profiles), rarity) for part in (rows[:cut], rows[cut:]))
        score = cosine(earlier, later)
        if score < SPLIT_SIMILARITY and cosine(newest, earlier) < join_similarity(cut) \
                and (best is None or score < best[0]):
            best = (score, cut)
    if best is None:
        return
    parts = [[found for found, _ in rows[:best[1]]], [found for found, _ in rows[best[1]:]]]
    leaving = parts[0] if story_id[2:] in parts[1] else parts[1]
    new_id = _unused_story_id(db, f"S:{leaving[0]}")
    db.execute("INSERT INTO stories VALUES (?, NULL, 0, NULL, NULL, 0, '{}')", (new_id,))
    db.executemany("UPDATE story_articles SET story_id = ? WHERE article_id = ?",
                   [(new_id, found) for found in leaving])
    for touched in (story_id, new_id):
        reprofile(db, touched, profiles.__getitem__)


def _fused_of(db: Connection, article_ids: list[str]) -> Callable[[list[tuple]], set[str]]:
    """The fused events of some of these articles' rows (one query for all of them)."""
    marks = ", ".join("?" * len(article_ids))
    held: dict[str, set[str]] = {}
    for article_id, fused_id in db.execute(
            f"SELECT article_id, fused_id FROM fused_mentions WHERE article_id IN ({marks})", article_ids).fetchall():
        held.setdefault(article_id, set()).add(fused_id)
    return lambda rows: set().union(*(held.get(article_id, set()) for article_id, _ in rows))


def _articles_in_order(db: Connection, story_id: str) -> list[tuple]:
    return db.execute("SELECT article_id, published FROM story_articles WHERE story_id = ?"
                      " ORDER BY published IS NULL, published, article_id", (story_id,)).fetchall()


def _accumulated(rows: list[tuple], profiles: dict) -> dict[str, float]:
    """The articles' profiles added in date order, the sum decayed as the days pass."""
    story: dict[str, float] = {}
    last = None
    for article_id, published in rows:
        story = _decayed(story, _days(last, published)) if last and published else story
        for key, value in profiles[article_id][0].items():
            story[key] = story.get(key, 0.0) + value
        last = published or last
    return story


def reprofile(db: Connection, story_id: str, profiler: Profiler) -> None:
    """Rebuild a story from its articles, as if filed in date order: its profile, span and
    count, each article's similarity to the whole, and the title of the most similar one.
    A story left with no article is dropped."""
    rows = _articles_in_order(db, story_id)
    if not rows:
        db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    profiles = {article_id: profiler(article_id) for article_id, _ in rows}
    story = _accumulated(rows, profiles)
    rarity = _rarities(db, set().union(*(found for found, _ in profiles.values())))  # the story's are among them
    story = _strongest(story, rarity)
    whole = _weighted(story, rarity)
    similarity = {article_id: round(cosine(_weighted(found, rarity), whole), 4)
                  for article_id, (found, _) in profiles.items()}
    central = max(rows, key=lambda row: similarity[row[0]])[0]  # the first of equals: the earliest
    dates = [published for _, published in rows if published]
    db.executemany("UPDATE story_articles SET similarity = ? WHERE article_id = ?",
                   [(value, article_id) for article_id, value in similarity.items()])
    db.execute(
        "UPDATE stories SET title = ?, title_similarity = ?, first = ?, last = ?, articles = ?, profile = ? WHERE id = ?",
        (profiles[central][1], similarity[central], min(dates, default=None), max(dates, default=None), len(rows),
         json.dumps({k: round(v, 4) for k, v in story.items()}), story_id),
    )
