"""What the workbench shows, read from a store: the one place its pages touch SQL.

Every page asks this module for plain dicts (the same dicts its JSON variant returns),
so the pages do not know how the store is laid out. Reads are bounded: a page size is
capped (`MAX_PAGE`), an offset too (`MAX_OFFSET`: deeper pages are a filter away),
counts stop at `COUNT_CAP`, and the network and map read at most `MAX_EDGES` and
`MAX_POINTS` rows. A filter takes at most `MAX_VALUES` values of a kind, a full-text
query at most `MAX_QUERY_TERMS` words and phrases (each costs the database a pass over
its postings: a URL of a few hundred bytes held the server for seconds). The events table lists fused events (a happening with every
article that reported it) unless asked for the mentions (one article's report each);
a story page reads at most `MAX_STORY_MENTIONS` mentions and `MAX_STORY_ARTICLES` articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from typing import Optional

import msgspec

from ..query.explain import _DATE_SOURCES, _PLACE_RULES
from ..query.filters import ALL_STATUSES, DEFAULT_STATUSES, EventFilter
from ..records import QUADS, Article, Event
from ..store import DatabaseFailure, Store
from ..store.fusion import explain_row
from ..store.search import parse_query

PAGE_SIZE = 50
MAX_PAGE = 200
MAX_OFFSET = 10_000
COUNT_CAP = 10_000
MAX_EDGES = 300
MAX_POINTS = 3_000
MAX_ACTOR_EVENTS = 500
MAX_ACTOR_ARTICLES = 300  # an actor page reads its latest articles only
MAX_HITS = 50
MAX_QUOTE_HITS = 1_000  # full-text hits the quotes page pages through
MAX_STORY_ARTICLES = 500
MAX_STORY_MENTIONS = 5_000
MAX_FUSED_MENTIONS = 200  # a fused event page lists its first mentions only
# fused events a page may check in order (an index walk, ~2 µs each) before it is rather
# selected through the events (a scan of them all, then a sort): about break-even at 100k events
FUSED_SCAN = 50_000
MAX_VALUES = 20  # values of one filter parameter (?actor=…&actor=…): 1,000 of them took 2 s at 100k events
MAX_QUERY_TERMS = 16  # words and phrases of one full-text query

# the events table's sortable columns, by the name the query string uses
SORTS = {
    "date": "COALESCE(e.date_first, e.date_value)",  # by first day: a month's value is no day
    "type": "e.event",
    "quad": "e.quad",
    "place": "e.place_name",
    "article": "e.article_id",
    "published": "a.published",
}
# the fused events table's sortable columns
FUSED_SORTS = {"date": "f.first", "type": "f.event", "sources": "f.sources", "mentions": "f.mentions"}
NULLABLE_FUSED_SORTS = {"f.first"}


class BadRequest(ValueError):
    """A query string the workbench cannot answer; the message names the parameter."""


def _sql(store: Store):
    """The store's connection: the workbench reads tables the store's methods do not
    sort or aggregate (events by date, networks, maps)."""
    return store._db


def _int(value: Optional[str], name: str, default: int, low: int, high: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"{name} {value!r} is not a whole number") from None
    return max(low, min(high, number))


def event_filter(params, *, dated: bool = True) -> EventFilter:
    """The shared event filter from a query string (the `events` command's options,
    one parameter each, repeatable: ``?type=AID&type=SUPPORT&country=ISR``); without
    `dated`, for the stories list, whose since/until are the story's span, no dates or story."""
    given = {}
    for name in ("type", "actor", "recipient", "country", "status", "place", "article", "story"):
        if len(params.getlist(name)) > MAX_VALUES:
            raise BadRequest(f"{name}: at most {MAX_VALUES} values")
        given[name] = tuple(v for v in params.getlist(name) if v.strip())  # a form's empty box asks for nothing
    statuses = given["status"] or DEFAULT_STATUSES
    if statuses == ("all",):
        statuses = ALL_STATUSES
    try:
        return EventFilter(
            types=given["type"], actors=given["actor"], recipients=given["recipient"], countries=given["country"],
            since=(params.get("since") or None) if dated else None, until=(params.get("until") or None) if dated else None,
            undated=dated and params.get("undated") == "1", statuses=statuses,
            places=given["place"], articles=given["article"], stories=given["story"] if dated else (),
            min_sources=_int(params.get("min_sources"), "min_sources", 0, 0, 1_000_000),
        )
    except ValueError as exc:
        raise BadRequest(str(exc)) from None


def _event_row(row: tuple) -> dict:
    (article_id, event_id, event, mode, quad, status, date, first, place, country, lat, lon, trigger,
     actor_countries, recipient_countries, title, published) = row
    return {
        "article_id": article_id, "event_id": event_id, "event": event, "mode": mode, "quad": quad,
        "quad_class": QUADS.get(quad), "status": status, "date": date, "first": first, "place": place,
        "place_country": country, "lat": lat, "lon": lon, "trigger": trigger,
        "actor_countries": (actor_countries or "").split(), "recipient_countries": (recipient_countries or "").split(),
        "title": title, "published": published,
    }


_EVENT_COLUMNS = (
    "e.article_id, e.event_id, e.event, e.mode, e.quad, e.status, COALESCE(e.date_value, e.date_first),"
    " e.date_first, e.place_name, e.place_country, e.lat, e.lon, e.trigger, e.actor_countries, e.recipient_countries,"
    " a.title, a.published"
)


def _date(value: Optional[str], name: str) -> Optional[str]:
    if not value:
        return None
    if len(value) != 10 or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        raise BadRequest(f"{name} {value!r} is not a date (YYYY-MM-DD)")
    return value


def _page(params, sorts: dict[str, str], what: str) -> tuple[str, str, str, int, int]:
    """The page a table's query string asks for: the sort (one of `sorts`, a leading -
    reverses), its SQL order expression and direction, the page size and the offset."""
    sort = params.get("sort") or "date"
    if sort.lstrip("-") not in sorts:
        raise BadRequest(f"sort {sort!r} is not one of {', '.join(sorts)}{what} (a leading - reverses)")
    size = _int(params.get("size"), "size", PAGE_SIZE, 1, MAX_PAGE)
    offset = _int(params.get("offset"), "offset", 0, 0, MAX_OFFSET)
    return sort, sorts[sort.lstrip("-")], "DESC" if sort.startswith("-") else "ASC", size, offset


def events_table(store: Store, params) -> dict:
    """One page of the events the filter selects, sorted as asked, with a capped count:
    fused events, or with ``mentions=1`` each article's report."""
    if params.get("mentions") != "1":
        return fused_table(store, params)
    where = event_filter(params)
    sort, order, direction, size, offset = _page(params, SORTS, "")
    condition, values = where.sql()
    # the page's keys are chosen on the events alone (articles joined only to sort by publication)
    joined = " JOIN articles a ON a.id = e.article_id" if sort.lstrip("-") == "published" else ""
    counted = _counted_with_page(store, where)
    rows = _sql(store).execute(
        f"SELECT {_EVENT_COLUMNS}, page.counted FROM (SELECT e.article_id, e.event_id, {order} AS sort_key,"
        f" {'count(*) OVER ()' if counted else 'NULL'} AS counted FROM events e{joined}"
        f" WHERE {condition} ORDER BY {order} IS NULL, {order} {direction}, e.article_id, length(e.event_id),"
        " e.event_id LIMIT ? OFFSET ?) page JOIN events e ON e.article_id = page.article_id"
        " AND e.event_id = page.event_id JOIN articles a ON a.id = e.article_id"
        f" ORDER BY page.sort_key IS NULL, page.sort_key {direction}, e.article_id, length(e.event_id), e.event_id",
        (*values, size, offset),
    ).fetchall()
    count = rows[0][-1] if counted and rows else _sql(store).execute(
        f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {condition} LIMIT {COUNT_CAP + 1}) capped", values
    ).fetchone()[0]
    return {
        "events": [_event_row(row[:-1]) for row in rows], "sort": sort, "size": size, "offset": offset,
        "count": min(count, COUNT_CAP), "count_capped": count > COUNT_CAP, "mentions": True, "sorts": list(SORTS),
    }


def fused_table(store: Store, params) -> dict:
    """One page of the fused events with a mention the filter selects (``min_sources``
    counts their sources), sorted as asked, each with its first report's place and parties."""
    where = event_filter(params)
    condition, values = dataclasses.replace(where, min_sources=0).sql()
    sort, column, direction, size, offset = _page(params, FUSED_SORTS, " for fused events")
    sources = " JOIN fused_events f ON f.id = m.fused_id AND f.sources >= ?" if where.min_sources > 1 else ""
    plain_values, values = values, [*([where.min_sources] if sources else []), *values]
    # CROSS JOIN: read the events first (in SQLite), as the filter is on them; unless
    # few fused events have the sources asked, whose index then leads (a plain JOIN,
    # which PostgreSQL takes only with its ON)
    mention = "m.article_id = e.article_id AND m.event_id = e.event_id"
    join = f"JOIN fused_mentions m ON {mention}" if sources else "CROSS JOIN fused_mentions m"
    selected = f"SELECT m.fused_id FROM events e {join}{sources} WHERE {mention} AND {condition}"
    heading = "SELECT f.id, f.event, f.first, f.last, f.sources, f.mentions"
    ordered = fused_order(column, direction)
    counted_heads = []
    if _counted_with_page(store, where):
        counted_heads = _sql(store).execute(
            f"{heading}, count(*) OVER () FROM fused_events f WHERE f.id IN ({selected}) {ordered} LIMIT ? OFFSET ?",
            (*values, size, offset),
        ).fetchall()
    count = counted_heads[0][-1] if counted_heads else _sql(store).execute(
        f"SELECT count(*) FROM (SELECT DISTINCT m.fused_id FROM ({selected}) m LIMIT {COUNT_CAP + 1}) capped", values,
    ).fetchone()[0]
    # a date filter selects a stretch of the date order: a walk in that order reads all before it
    stretch = column == FUSED_SORTS["date"] and (where.since or where.until)
    if counted_heads or count == 0:
        heads = [row[:-1] for row in counted_heads]
    elif not stretch and (count > COUNT_CAP or _scanned_in_order(store, count, size + offset) <= FUSED_SCAN):
        # many fused events pass, or the page is near the top: walk the fused events in order
        # (an index serves every sort) and check each, stopping at the page's last
        enough = "f.sources >= ? AND " if where.min_sources > 1 else ""
        heads = _sql(store).execute(
            f"{heading} FROM fused_events f WHERE {enough}"
            "EXISTS (SELECT 1 FROM fused_mentions m JOIN events e ON e.article_id = m.article_id"
            f" AND e.event_id = m.event_id WHERE m.fused_id = f.id AND {condition}) {ordered} LIMIT ? OFFSET ?",
            (*([where.min_sources] if enough else []), *plain_values, size, offset),
        ).fetchall()
    else:  # few pass: select them through the events (driven by their indexes), then sort
        heads = _sql(store).execute(
            f"{heading} FROM fused_events f WHERE f.id IN ({selected}) {ordered} LIMIT ? OFFSET ?",
            (*values, size, offset),
        ).fetchall()
    first = _first_reports(store, [row[0] for row in heads])
    keys = ("id", "event", "first", "last", "sources", "mentions")
    return {
        "events": [{**dict(zip(keys, row)), **first.get(row[0], {})} for row in heads], "sort": sort, "size": size,
        "offset": offset, "count": min(count, COUNT_CAP), "count_capped": count > COUNT_CAP, "mentions": False,
        "sorts": list(FUSED_SORTS),
    }


def _counted_with_page(store: Store, where: EventFilter) -> bool:
    """Whether a table's page and its count are best read in one query (a window count).

    PostgreSQL reads a party filter's events as one set (their keys hashed, each event and
    its fused mention then looked up: ~90 ms each on 100,000 events) whichever query asks,
    even a page that could stop early or a capped count: one reading serves both. SQLite
    stops early on either, and a window count would make it read every event selected."""
    return _sql(store).dialect == "postgres" and bool(where.actors or where.recipients)


def fused_order(column: str, direction: str) -> str:
    """The ORDER BY of a fused events sort, as an index on `fused_events` serves it (see
    `dragoman.store.fusion`): ties broken by id in the same direction, and dates, which
    may be missing, after the dated ones either way."""
    if column not in NULLABLE_FUSED_SORTS:
        return f"ORDER BY {column} {direction}, f.id {direction}"
    if direction == "ASC":
        return f"ORDER BY ({column} IS NULL), {column}, f.id"
    return f"ORDER BY ({column} IS NOT NULL) DESC, {column} DESC, f.id DESC"


def _scanned_in_order(store: Store, count: int, wanted: int) -> float:
    """About how many fused events a walk in order reads to find `wanted` that pass, given
    that `count` (capped) of them pass."""
    total = _sql(store).execute("SELECT count(*) FROM fused_events").fetchone()[0]
    return min(wanted, count) * total / count


def _first_reports(store: Store, fused_ids: list[str]) -> dict[str, dict]:
    """Per fused event, what its earliest published mention says (quad, place, parties, article):
    of an article that tells it twice, its first telling."""
    if not fused_ids:
        return {}
    rows = _sql(store).execute(
        f"SELECT m.fused_id, {_EVENT_COLUMNS} FROM fused_mentions m JOIN events e ON e.article_id = m.article_id"
        " AND e.event_id = m.event_id JOIN articles a ON a.id = e.article_id"
        f" WHERE m.fused_id IN ({', '.join('?' * len(fused_ids))})"
        " ORDER BY a.published IS NULL, a.published, e.article_id, length(e.event_id), e.event_id LIMIT ?",
        (*fused_ids, MAX_PAGE * 20),
    ).fetchall()
    found: dict[str, dict] = {}
    for row in rows:
        if row[0] not in found:
            mention = _event_row(row[1:])
            found[row[0]] = {k: mention[k] for k in ("quad", "quad_class", "place", "place_country", "actor_countries",
                                                      "recipient_countries", "article_id", "title")}
    return found


def article(store: Store, article_id: str) -> Optional[dict]:
    """An article's text and what was found in it, each event with its sentence's span."""
    record = store.get(article_id, with_text=True)
    if record is None:
        return None
    return {
        "id": record.id, "title": record.title, "published": record.published, "source": record.source,
        "url": record.url, "text": record.text, "story_id": store.story_of(record.id),
        "events": [_event_summary(e) for e in record.events],
        # each event's sentence, marked once (the first event of a sentence names it)
        "highlights": [(e.sentence.start, e.sentence.end, e.id) for e in record.events],
        "actors": [{"id": a.id, "name": a.name, "country": a.country, "sector": a.sector, "role": a.role,
                    "kind": a.kind} for a in record.actors],
        "quotes": [{"id": q.id, "text": q.text, "speaker": q.speaker.text if q.speaker else None}
                   for q in record.quotes],
    }


def _event_summary(e: Event) -> dict:
    return {"id": e.id, "event": e.event, "mode": e.mode, "quad": e.quad, "status": e.status,
            "sentence": [e.sentence.start, e.sentence.end], "trigger": [e.trigger.start, e.trigger.end]}


def passages(text: str, marks: list[tuple[int, int, str]]) -> list[tuple[str, Optional[str]]]:
    """`text` cut into (piece, mark) pieces, mark naming the span a piece belongs to (or None);
    spans are given sorted and not overlapping (the later of two overlapping ones is dropped)."""
    pieces: list[tuple[str, Optional[str]]] = []
    at = 0
    for start, end, name in sorted(marks):
        if start < at or end <= start:
            continue
        pieces.append((text[at:start], None))
        pieces.append((text[start:end], name))
        at = end
    pieces.append((text[at:], None))
    return [piece for piece in pieces if piece[0]]


def event(store: Store, article_id: str, event_id: str) -> Optional[dict]:
    """One event mention with its article, its parties named, and why it was coded so."""
    from ..extractors.lexicon import entry_source

    record = store.get(article_id, with_text=True)
    found = next((e for e in record.events if e.id == event_id), None) if record else None
    if found is None:
        return None
    names = {a.id: a.name for a in record.actors}

    def parties(side) -> list[dict]:
        return [{"text": p.text, "actor": names.get(p.actor_id) if p.actor_id else None,
                 "country": p.country, "sector": p.sector} for p in side]

    date = found.date
    place = found.place
    return {
        **_event_summary(found), "article_id": record.id, "title": record.title, "published": record.published,
        "source": record.source, "cameo": found.cameo, "quad_class": QUADS.get(found.quad),
        "confidence": found.confidence, "trigger_text": found.trigger.text,
        "sentence_text": record.text[found.sentence.start:found.sentence.end],
        "actor": parties(found.actor), "recipient": parties(found.recipient),
        "rule": found.rule, "lexicon": found.lexicon,
        "lexicon_source": entry_source(found.lexicon) if found.lexicon else None,
        "date": None if date is None else {
            "text": date.text, "value": date.value, "first": date.first, "last": date.last,
            "why": _DATE_SOURCES.get(date.source or "", date.source)},
        "place": None if place is None else {
            "text": place.text, "country": place.country, "lat": place.lat, "lon": place.lon,
            "within": place.within, "why": _PLACE_RULES.get(place.rule or "", place.rule)},
        "text": record.text,
        "fused_id": store.fused_event_of(record.id, found.id), "story_id": store.story_of(record.id),
    }


def _full_text(params) -> str:
    """The full-text query of ``q``, refused when it holds more than `MAX_QUERY_TERMS`
    words and phrases."""
    query = (params.get("q") or "").strip()
    terms = sum(len(alt.include) + len(alt.exclude) for alt in parse_query(query).alternatives)
    if terms > MAX_QUERY_TERMS:
        raise BadRequest(f"q: at most {MAX_QUERY_TERMS} words and phrases ({terms} given)")
    return query


def to_trace(store: Store, article_id: str, event_id: str) -> Optional[tuple[Article, Event]]:
    """The stored article (as it was given) and its event, for `trace` to re-read."""
    record = store.get(article_id, with_text=True)
    found = next((e for e in record.events if e.id == event_id), None) if record else None
    if found is None:
        return None
    return record.as_article(), found


def article_traces(article: Article, pipeline) -> dict[tuple[int, str], dict]:
    """The traces of every event of `article` re-read by `pipeline` (traces are not stored):
    seconds of CPU, so it runs in a worker thread and touches no store."""
    from ..extractors.events import explain_events

    return explain_events(pipeline.analyse(article))


def article_digest(article: Article) -> str:
    """A hash of all an analysis reads of an article (its text, title, date, source...):
    a trace kept under it is that of the article as now stored."""
    return hashlib.sha256(msgspec.json.encode(article)).hexdigest()


def trace(article: Article, found: Event, traces: dict[tuple[int, str], dict]) -> dict:
    """Why the event was coded so, as `dragoman explain` prints it, from its article's
    `traces` (`article_traces`): the dependency path from the trigger to each party, the
    cues behind its status and date. ``paths_found`` is False when the event is not found
    again (the lexicon or the code changed since it was stored)."""
    from ..extractors.lexicon import entry_source

    steps = traces.get((found.trigger.start, found.event)) or {}
    sentence = article.text[found.sentence.start:found.sentence.end]
    return {
        **_event_summary(found), "article_id": article.id, "title": article.title, "sentence_text": sentence,
        "trigger_in_sentence": [found.trigger.start - found.sentence.start, found.trigger.end - found.sentence.start],
        "trigger_text": found.trigger.text, "rule": found.rule, "lexicon": found.lexicon,
        "lexicon_source": entry_source(found.lexicon) if found.lexicon else None, "paths_found": bool(steps),
        "head": steps.get("head"), "light_verb": steps.get("light_verb"),
        "actor_paths": [{"party": party, "path": path} for party, path in steps.get("actor_paths") or []],
        "recipient_paths": [{"party": party, "path": path} for party, path in steps.get("recipient_paths") or []],
        "status_reasons": steps.get("status_reasons") or [], "date_value": steps.get("date_value"),
        "date_why": _DATE_SOURCES.get(found.date.source or "", found.date.source) if found.date else None,
    }


def search(store: Store, params) -> dict:
    """Articles and quotes matching the query (`dragoman.store.search` syntax)."""
    query = _full_text(params)
    limit = _int(params.get("limit"), "limit", 20, 1, MAX_HITS)
    if not query:
        return {"q": "", "articles": [], "quotes": []}
    articles = store.search(query, limit)
    titles = _titles(store, [hit.article_id for hit in articles])
    return {
        "q": query,
        "articles": [{"article_id": h.article_id, "title": titles.get(h.article_id), "snippet": h.snippet}
                     for h in articles],
        "quotes": [h._asdict() for h in store.search_quotes(query, limit)],
    }


def _titles(store: Store, ids: list[str]) -> dict[str, Optional[str]]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return dict(_sql(store).execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", ids).fetchall())


def quotes(store: Store, params) -> dict:
    """One page of quotes by speaker (part of the name, any case), newest first; or of the
    best full-text hits for ``q`` (at most `MAX_QUOTE_HITS` in all), each page by date.
    ``more``: a next page may hold some."""
    speaker = (params.get("speaker") or "").strip()
    text = _full_text(params)
    size = _int(params.get("size"), "size", PAGE_SIZE, 1, MAX_PAGE)
    offset = _int(params.get("offset"), "offset", 0, 0, MAX_OFFSET)
    shown = {"speaker": speaker, "q": text, "size": size, "offset": offset, "quotes": [], "more": False}
    condition, values = "1 = 1", []
    if speaker:
        condition, values = "lower(q.speaker) LIKE ?", [f"%{speaker.lower()}%"]
    if text:
        # the best full-text hits (their speaker checked here), then only their rows
        hits = [h for h in store.search_quotes(text, MAX_QUOTE_HITS)
                if speaker.lower() in (h.speaker or "").lower()][offset:offset + size + 1]
        shown["more"], hits = len(hits) > size, hits[:size]
        if not hits:
            return shown
        articles = sorted({h.article_id for h in hits})
        condition = f"q.article_id IN ({', '.join('?' * len(articles))})"
        values = articles
    rows = _sql(store).execute(
        "SELECT q.article_id, q.quote_id, q.speaker, q.text, q.cue, a.title, a.published FROM quotes q"
        f" JOIN articles a ON a.id = q.article_id WHERE {condition} ORDER BY a.published DESC, q.article_id, q.pk"
        " LIMIT ? OFFSET ?", (*values, size + 1, offset) if not text else (*values, MAX_QUOTE_HITS, 0),
    ).fetchall()
    if text:
        wanted = {(h.article_id, h.quote_id) for h in hits}
        rows = [row for row in rows if (row[0], row[1]) in wanted]
    else:
        shown["more"], rows = len(rows) > size, rows[:size]
    keys = ("article_id", "quote_id", "speaker", "text", "cue", "title", "published")
    return {**shown, "quotes": [dict(zip(keys, row)) for row in rows]}


# -- actors: nodes of the network, pages of their own -----------------------------------

# the events a network or a neighbourhood counts, the latest first: the cost stays bounded
NETWORK_EVENTS = 3_000
# ISO dates sort as text: a month's value ("1996-03") comes just before its first day
_LATEST = "ORDER BY e.date_value DESC NULLS LAST, e.article_id"
# an event's two sides, each party named by its actor in the article, else by its country code
_DYADS = (
    " JOIN parties s ON s.article_id = e.article_id AND s.event_id = e.event_id AND s.side = 'actor'"
    " LEFT JOIN actors xs ON xs.article_id = s.article_id AND xs.actor_id = s.actor_id"
    " JOIN parties t ON t.article_id = e.article_id AND t.event_id = e.event_id AND t.side = 'recipient'"
    " LEFT JOIN actors xt ON xt.article_id = t.article_id AND xt.actor_id = t.actor_id"
)


def network(store: Store, params) -> dict:
    """Actors as nodes, events between them as weighted edges (actor side to recipient
    side), over the latest `NETWORK_EVENTS` events the filter selects; the `MAX_EDGES`
    heaviest edges."""
    condition, values = event_filter(params).sql()
    rows = _sql(store).execute(
        "SELECT COALESCE(xs.name, s.country) AS source, COALESCE(xt.name, t.country) AS target, count(*) AS weight,"
        " sum(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END)"
        f" FROM (SELECT e.article_id, e.event_id, e.quad FROM events e WHERE {condition} {_LATEST} LIMIT ?) e"
        f"{_DYADS} WHERE COALESCE(xs.name, s.country) IS NOT NULL AND COALESCE(xt.name, t.country) IS NOT NULL"
        " AND COALESCE(xs.name, s.country) <> COALESCE(xt.name, t.country)"
        " GROUP BY COALESCE(xs.name, s.country), COALESCE(xt.name, t.country) ORDER BY weight DESC, source, target"
        " LIMIT ?", (*values, NETWORK_EVENTS, MAX_EDGES),
    ).fetchall()
    nodes: dict[str, int] = {}
    for source, target, weight, _ in rows:
        for node in (source, target):
            nodes[node] = nodes.get(node, 0) + weight
    return {
        "nodes": [{"id": name, "weight": weight} for name, weight in sorted(nodes.items())],
        "edges": [{"source": s, "target": t, "weight": w, "conflict": c} for s, t, w, c in rows],
        "events_counted_at_most": NETWORK_EVENTS,
    }


def map_points(store: Store, params) -> dict:
    """The located events the filter selects, at most `MAX_POINTS`, each with only what
    a marker shows (the event page has the rest)."""
    condition, values = event_filter(params).sql()
    rows = _sql(store).execute(
        "SELECT e.article_id, e.event_id, e.event, e.quad, COALESCE(e.date_value, e.date_first), e.place_name,"
        f" e.lat, e.lon FROM events e WHERE {condition} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        " LIMIT ?", (*values, MAX_POINTS),  # in the order stored: a sort would read every located event
    ).fetchall()
    keys = ("article_id", "event_id", "event", "quad", "date", "place", "lat", "lon")
    return {"events": [dict(zip(keys, row)) for row in rows], "capped": len(rows) == MAX_POINTS}


def actor(store: Store, name: str) -> Optional[dict]:
    """Who an actor is (from the articles and the registry), its events, its neighbours, its quotes."""
    db = _sql(store)
    key = name.strip().lower()
    # its spellings as stored: the name itself (indexed), else any case of it (a scan)
    spellings = [name.strip()] if db.execute("SELECT 1 FROM actors WHERE name = ? LIMIT 1", (name.strip(),)).fetchone() \
        else [row[0] for row in db.execute("SELECT DISTINCT name FROM actors WHERE lower(name) = ?", (key,)).fetchall()]
    if not spellings:
        return None
    named = f"x.name IN ({', '.join('?' * len(spellings))})"
    mentions = db.execute(
        f"SELECT country, sector, role, kind, count(*) FROM actors x WHERE {named}"
        " GROUP BY country, sector, role, kind ORDER BY count(*) DESC LIMIT 20", spellings,
    ).fetchall()
    # its events in its latest articles: its mentions there, their parties, those events
    rows = db.execute(
        "WITH latest AS (SELECT x.article_id, x.actor_id FROM actors x JOIN articles a ON a.id = x.article_id"
        f" WHERE {named} ORDER BY a.published DESC, x.article_id LIMIT ?),"
        " mine AS (SELECT DISTINCT p.article_id, p.event_id FROM latest JOIN parties p"
        " ON p.article_id = latest.article_id AND p.actor_id = latest.actor_id)"
        f" SELECT {_EVENT_COLUMNS} FROM mine JOIN events e ON e.article_id = mine.article_id"
        " AND e.event_id = mine.event_id JOIN articles a ON a.id = e.article_id"
        " ORDER BY COALESCE(e.date_first, e.date_value, a.published) DESC LIMIT ?",
        (*spellings, MAX_ACTOR_ARTICLES, MAX_ACTOR_EVENTS),
    ).fetchall()
    counted: dict[str, int] = {}
    for row in _parties_named(store, [(r[0], r[1]) for r in rows]):
        if row[2].lower() != key:
            counted[row[2]] = counted.get(row[2], 0) + 1
    neighbours = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:30]
    said = db.execute(
        "SELECT q.article_id, q.quote_id, q.text, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_actor_id"
        " WHERE lower(x.name) = ? OR lower(q.speaker) = ? ORDER BY a.published DESC LIMIT 100", (key, key),
    ).fetchall()
    return {
        "name": name,
        "as_written": [{"country": c, "sector": s, "role": r, "kind": k, "articles": n} for c, s, r, k, n in mentions],
        "registry": _registry_entry(store, key),
        "events": [_event_row(row) for row in rows],
        "neighbours": [{"name": n, "events": c} for n, c in neighbours],
        "quotes": [{"article_id": a, "quote_id": q, "text": t, "published": p} for a, q, t, p in said],
    }


def _parties_named(store: Store, keys: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(article id, event id, node name) of every party of these events, a party named
    by its actor in the article, else by its country code."""
    found: list[tuple[str, str, str]] = []
    wanted = set(keys)
    articles = sorted({article_id for article_id, _ in keys})
    for start in range(0, len(articles), 500):
        chunk = articles[start:start + 500]
        found += [row for row in _sql(store).execute(
            "SELECT DISTINCT p.article_id, p.event_id, COALESCE(x.name, p.country) FROM parties p LEFT JOIN actors x"
            " ON x.article_id = p.article_id AND x.actor_id = p.actor_id"
            f" WHERE p.article_id IN ({', '.join('?' * len(chunk))}) AND COALESCE(x.name, p.country) IS NOT NULL",
            chunk,
        ).fetchall() if (row[0], row[1]) in wanted]
    return found


def _registry_entry(store: Store, key: str) -> Optional[dict]:
    """The actor as the registry learned it: its roles, their dates, where each came from
    (None when the store has no registry or the registry does not know the name)."""
    db = _sql(store)
    try:
        found = db.execute(
            "SELECT r.id, r.name, r.country, r.sector, r.kind, r.source FROM registry_actors r"
            " WHERE r.id IN (SELECT actor_id FROM registry_aliases WHERE alias = ?) OR lower(r.name) = ?"
            " ORDER BY r.id LIMIT 1", (key, key),
        ).fetchone()
    except DatabaseFailure:  # a store no registry was ever kept in has no registry tables
        return None
    if found is None:
        return None
    actor_id, name, country, sector, kind, source = found
    roles = db.execute(
        'SELECT role, country, sector, start, "end", seen, source FROM registry_roles WHERE actor_id = ?'
        ' ORDER BY start, "end", role LIMIT 50', (actor_id,),
    ).fetchall()
    keys = ("role", "country", "sector", "start", "end", "seen", "source")
    return {"name": name, "country": country, "sector": sector, "kind": kind, "source": source,
            "roles": [dict(zip(keys, row)) for row in roles]}


def timeline(events: list[dict]) -> list[dict]:
    """Events counted by day and quad class, oldest day first: what a timeline draws.
    Each event's "date" is the day it is drawn at: the first day of its range."""
    days: dict[str, dict[int, int]] = {}
    for e in events:
        day = (e["date"] or "")[:10]
        if _is_day(day):
            counts = days.setdefault(day, {})
            counts[e["quad"] or 0] = counts.get(e["quad"] or 0, 0) + 1
    return [{"day": day, "quads": days[day]} for day in sorted(days)]


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


# -- fused events and stories ------------------------------------------------------------

def fused_event(store: Store, fused_id: str) -> Optional[dict]:
    """A fused event: its first `MAX_FUSED_MENTIONS` source mentions by publication (each
    article, the sentence with its trigger marked, the mention it joined and the evidence
    that joined them), its sources and reports, its stories."""
    db = _sql(store)
    head = db.execute("SELECT id, event, first, last, mentions, sources FROM fused_events WHERE id = ?",
                      (fused_id,)).fetchone()
    if head is None:
        return None
    rows = db.execute(
        "SELECT e.article_id, e.record, a.title, a.published, a.source,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),"
        " m.joined_article_id, m.joined_event_id, m.evidence FROM fused_mentions m JOIN events e"
        " ON e.article_id = m.article_id AND e.event_id = m.event_id JOIN articles a ON a.id = e.article_id"
        " WHERE m.fused_id = ? ORDER BY a.published IS NULL, a.published, e.article_id, length(e.event_id), e.event_id"
        " LIMIT ?", (fused_id, MAX_FUSED_MENTIONS),
    ).fetchall()
    mentions = []
    for article_id, record, title, published, source, sentence, joined_article, joined_event, evidence in rows:
        e = msgspec.json.decode(record, type=Event)
        mentions.append({
            "article_id": article_id, "event_id": e.id, "title": title, "published": published, "source": source,
            "event": e.event, "mode": e.mode, "quad": e.quad, "status": e.status, "sentence_text": sentence or "",
            "trigger": [e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start],
            "joined": [joined_article, joined_event] if joined_article else None,
            "evidence": explain_row(evidence),
        })
    # every outlet that ran it: its sources and their near-duplicates (counted, not read)
    copies = db.execute("SELECT count(*) FROM near_duplicates WHERE original_id IN (SELECT article_id FROM"
                        " fused_mentions WHERE fused_id = ?)", (fused_id,)).fetchone()[0]
    stories = [row[0] for row in db.execute(
        "SELECT DISTINCT x.story_id FROM fused_mentions m JOIN story_articles x ON x.article_id = m.article_id"
        " WHERE m.fused_id = ? ORDER BY x.story_id LIMIT 20", (fused_id,)).fetchall()]
    _id, event, first, last, count, sources = head
    return {
        "id": fused_id, "event": event, "quad_class": QUADS.get(mentions[0]["quad"]) if mentions else None,
        "first": first, "last": last, "sources": sources, "reports": sources + copies,
        "mention_count": count, "mentions": mentions, "stories": stories,
    }


def stories(store: Store, params) -> dict:
    """One page of the story lines, latest first: those of at least `min_articles`
    articles whose span overlaps `since`..`until`, holding an event the other event
    filters select (type, actor, ...), as `dragoman stories` reads them."""
    min_articles = _int(params.get("min_articles"), "min_articles", 1, 1, 1_000_000)
    since, until = _date(params.get("since"), "since"), _date(params.get("until"), "until")
    size = _int(params.get("size"), "size", PAGE_SIZE, 1, MAX_PAGE)
    offset = _int(params.get("offset"), "offset", 0, 0, MAX_OFFSET)
    events = event_filter(params, dated=False)
    where = None if events.is_default() else events
    span = {"min_articles": min_articles, "since": since, "until": until}
    rows = store.stories(where, **span, limit=size, offset=offset)
    count = store.count_stories(where, **span, cap=COUNT_CAP)
    return {"stories": [row._asdict() for row in rows], "min_articles": min_articles, "since": since,
            "until": until, "size": size, "offset": offset, "count": min(count, COUNT_CAP),
            "count_capped": count > COUNT_CAP}


def story(store: Store, story_id: str) -> Optional[dict]:
    """A story: its articles, its fused events (each with its first report's quad class and
    place), the actors its articles name most, by how many of its articles name them."""
    db = _sql(store)
    story_id = store.current_story(story_id) or story_id  # an id merged away: the story it went to
    head = db.execute("SELECT id, title, first, last, articles FROM stories WHERE id = ?", (story_id,)).fetchone()
    if head is None:
        return None
    articles = db.execute(
        "SELECT a.id, a.title, a.published, a.source FROM story_articles x JOIN articles a ON a.id = x.article_id"
        " WHERE x.story_id = ? ORDER BY a.published IS NULL, a.published, a.id LIMIT ?", (story_id, MAX_STORY_ARTICLES),
    ).fetchall()
    rows = db.execute(
        "SELECT f.id, f.event, f.first, f.last, f.sources, e.quad, e.place_name, e.place_country, e.article_id,"
        " e.event_id FROM story_articles x JOIN fused_mentions m ON m.article_id = x.article_id"
        " JOIN fused_events f ON f.id = m.fused_id JOIN events e ON e.article_id = m.article_id"
        " AND e.event_id = m.event_id WHERE x.story_id = ?"
        " ORDER BY f.first IS NULL, f.first, f.id, x.published, e.article_id LIMIT ?", (story_id, MAX_STORY_MENTIONS),
    ).fetchall()
    events: dict[str, dict] = {}
    for fused_id, event, first, last, sources, quad, place, country, article_id, event_id in rows:
        if fused_id not in events:  # its first report in the story speaks for it
            events[fused_id] = {"id": fused_id, "event": event, "first": first, "last": last, "sources": sources,
                                "quad": quad, "quad_class": QUADS.get(quad), "place": place, "place_country": country,
                                "article_id": article_id, "event_id": event_id}
    actors = db.execute(
        "SELECT x.name, count(DISTINCT x.article_id) AS n FROM story_articles s JOIN actors x"
        " ON x.article_id = s.article_id WHERE s.story_id = ? AND x.name IS NOT NULL"
        " GROUP BY x.name ORDER BY n DESC, x.name LIMIT 20", (story_id,),
    ).fetchall()
    keys = ("id", "title", "first", "last", "articles")
    return {
        **dict(zip(keys, head)),
        "article_list": [dict(zip(("id", "title", "published", "source"), a)) for a in articles],
        "events": list(events.values()), "mentions_capped": len(rows) == MAX_STORY_MENTIONS,
        "actors": [{"name": name, "articles": n} for name, n in actors],
    }
