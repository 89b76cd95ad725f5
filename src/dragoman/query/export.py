"""Stored events in the files analysts load: `dragoman events` and `dragoman export`.

Every writer reads an iterable of `FusedEvent`s (one happening, however many articles
reported it: from `Store.fused_events`, the default) or of `EventMention`s (one event as
one article reports it: `Store.events`, ``--mentions``) and writes as it reads, so memory
stays bounded; only the actor network (gexf, graphml) is gathered first, as one node per
actor and one edge per ordered pair. A fused event is written with the values of the
first report the filters selected (`FusedEvent.shown`; `event_key` is its ARTICLE:EVENT)
and what only fusion knows: its
``fused_id``, its ``sources`` (independent stored articles), its ``reports`` (with the
near-duplicate copies) and its ``publishers`` (every outlet that ran it: `Fusion`). A
mention carries its fused event's id alone.

Formats (`FORMATS`):
- ``polecat``, ``icews``: tab-separated, the column sets of those datasets as the
  column map ``data/export_columns.yaml`` gives them (each column's source in our
  data, and what we cannot fill); one row per actor-recipient pair.
- ``csv``: one row per event, flat columns (`CSV_COLUMNS`; lists joined by "; "); its
  ``date`` is `DateMention.value` (a day, "1996-03" or "1996"), ``date_first``/``date_last``
  the days it spans, ``date_unresolved`` why it has none (`DateMention.unresolved`).
- ``parquet``: the csv columns, typed; needs pyarrow (``pip install 'dragoman[export]'``).
- ``geojson``: a FeatureCollection of the located events as Points ([lon, lat]), the
  csv columns as properties.
- ``gexf``, ``graphml``: the actor network: actors as nodes, a directed edge from
  each actor to each recipient, weighted by its events, with counts per quad class.
- ``plover-jsonl``: one PLOVER event record per line; its ``date`` (and ``enddate`` for a
  range: a month, a week) in days, as PLOVER writes them, with ``date_resolution``.

Text cells of tsv, csv and the XML formats have their control characters, tabs and
line breaks written as visible escapes (`terminal_safe`), so no cell forges a row or
drives a terminal; JSON output escapes them as JSON does (`encode_json`).
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from contextlib import suppress
from functools import lru_cache
from importlib import metadata
from importlib.resources import files
from typing import IO, Callable, Iterable, Iterator, NamedTuple, Optional, Union
from xml.sax.saxutils import quoteattr

import msgspec
import yaml

from ..records import QUADS, DateMention, Party
from ..safe_text import encode_json, terminal_safe
from ..store.base import EventMention, FusedEvent

Exported = Union[EventMention, FusedEvent]  # what the writers read (see above)

LIST_SEPARATOR = "; "
_CITY_FEATURES = {"city", "locality"}


@lru_cache(maxsize=None)
def _version() -> str:
    try:
        return metadata.version("dragoman")
    except metadata.PackageNotFoundError:
        return "unknown"


def _country_name(code: Optional[str]) -> Optional[str]:
    from ..resolve.countries import country_name

    return country_name(code)


# -- one event as JSON: `dragoman events` -------------------------------------------


def mention_json(m: EventMention) -> dict:
    """An event as `dragoman events` prints it: the article's id, title, date, source and
    url, the event's own record (parties with their actor's full name added), and the
    text of its sentence."""
    event = msgspec.to_builtins(m.event)
    for side in ("actor", "recipient"):
        for party, stored in zip(event[side], getattr(m.event, side)):
            party["name"] = _party_name(m, stored)
    return {
        "article_id": m.article_id, "title": m.title, "published": m.published, "source": m.source, "url": m.url,
        **event, "sentence_text": m.sentence_text, "fused_id": m.fused_id,
    }


def fused_json(f: FusedEvent) -> dict:
    """A fused event as `dragoman events` prints it: the event of the mention that speaks
    for it (`FusedEvent.shown`, as `mention_json`) under the fused id, with its span, sources, reports, every mention
    (article, publication, source, url, event id, sentence, the mention it joined and why)
    and the near-duplicate copies of its articles (the reports beyond its sources)."""
    first = mention_json(f.shown)
    first.pop("happening", None)
    return {
        "fused_id": f.id, **first, "first": f.first, "last": f.last, "sources": f.sources, "reports": f.reports,
        "mentions": [
            {"article_id": m.article_id, "event_id": m.event.id, "published": m.published, "source": m.source,
             "url": m.url, "trigger": m.event.trigger.text, "sentence_text": m.sentence_text,
             "joined": joined, "evidence": list(evidence)}
            for m, (joined, evidence) in zip(f.mentions, f.joins)
        ],
        "copies": [{"id": c.id, "copy_of": c.original_id, "published": c.published, "source": c.source, "url": c.url,
                    "similarity": c.similarity} for c in f.copies],
    }


def _party_name(m: EventMention, party: Optional[Party]) -> Optional[str]:
    """The party's actor as the article names it in full, else the sentence's words."""
    if party is None:
        return None
    actor = m.actors.get(party.actor_id) if party.actor_id else None
    return actor.name if actor and actor.name else party.text


def event_key(m: EventMention) -> str:
    return f"{m.article_id}:{m.event.id}"


class Fusion(NamedTuple):
    """What a row of a fused event adds to its shown report's values; for a mention, its
    fused event's id alone."""

    fused_id: Optional[str]
    sources: Optional[int] = None  # independent stored articles (a wire copy counts once)
    reports: Optional[int] = None  # its reports, the near-duplicate copies of its articles included
    publishers: tuple[str, ...] = ()  # every outlet that ran it, once each: its reports', then their copies'


def rows(items: Iterable[Exported]) -> Iterator[tuple[EventMention, Fusion]]:
    """Each exported item as the mention whose values are written, with its `Fusion`."""
    for item in items:
        if isinstance(item, FusedEvent):
            publishers = tuple(dict.fromkeys(
                [m.source for m in item.mentions if m.source] + [c.source for c in item.copies if c.source]))
            yield item.shown, Fusion(item.id, item.sources, item.reports, publishers)
        else:
            yield item, Fusion(item.fused_id)


# -- tsv by column map: polecat and icews -------------------------------------------


class Dyad(NamedTuple):
    """One actor-recipient pair of an event: one row of a tsv export."""

    key: str
    mention: EventMention
    actor: Optional[Party]
    recipient: Optional[Party]
    fusion: Fusion = Fusion(None)


def dyads(m: EventMention, fusion: Fusion = Fusion(None)) -> Iterator[Dyad]:
    """Every actor-recipient pair of the event (a missing side as None), each keyed."""
    pairs = [(a, r) for a in m.event.actor or [None] for r in m.event.recipient or [None]]
    for index, (actor, recipient) in enumerate(pairs, 1):
        yield Dyad(event_key(m) + (f".{index}" if len(pairs) > 1 else ""), m, actor, recipient, fusion)


def _party_fields(side: str) -> dict[str, Callable[[Dyad], object]]:
    def party(d: Dyad) -> Optional[Party]:
        return getattr(d, side)

    def actor(d: Dyad):
        p = party(d)
        return d.mention.actors.get(p.actor_id) if p and p.actor_id else None

    return {
        f"{side}.name": lambda d: _party_name(d.mention, party(d)),
        f"{side}.text": lambda d: party(d) and party(d).text,
        f"{side}.country": lambda d: party(d) and party(d).country,
        f"{side}.country_name": lambda d: party(d) and _country_name(party(d).country),
        f"{side}.sector": lambda d: party(d) and party(d).sector,
        f"{side}.role": lambda d: actor(d) and actor(d).role,
    }


def _place_kind(d: Dyad, kinds: set[str]) -> Optional[str]:
    place = d.mention.event.place
    return (place.name or place.text) if place and place.feature in kinds else None


def _place(name: str) -> Callable[[Dyad], object]:
    return lambda d: getattr(d.mention.event.place, name) if d.mention.event.place else None


def _story_actors(kinds: set[str]) -> Callable[[Dyad], str]:
    return lambda d: LIST_SEPARATOR.join(sorted({a.name for a in d.mention.actors.values() if a.kind in kinds}))


def _day(date: Optional[DateMention]) -> Optional[str]:
    """The date's day (YYYY-MM-DD, as the TSV formats write dates): none for a month or a year."""
    return date.value if date is not None and date.precision == "day" else None


# the fields a column map's `from` may name (documented in data/export_columns.yaml)
FIELDS: dict[str, Callable[[Dyad], object]] = {
    "event_key": lambda d: d.key,
    "event_date": lambda d: _day(d.mention.event.date),
    "event_type": lambda d: d.mention.event.event,
    "event_mode": lambda d: d.mention.event.mode,
    "contexts": lambda d: LIST_SEPARATOR.join(d.mention.event.context),
    "quad": lambda d: d.mention.event.quad,
    "cameo": lambda d: d.mention.event.cameo,
    "cameo_text": lambda d: _cameo_roots().get((d.mention.event.cameo or "")[:2]),
    "sentence_number": lambda d: d.mention.event.sentence_number,
    **_party_fields("actor"),
    **_party_fields("recipient"),
    "place.name": lambda d: _place("name")(d) or _place("text")(d),
    "place.text": _place("text"),
    "place.country": _place("country"),
    "place.country_name": lambda d: _country_name(_place("country")(d)),
    "place.lat": _place("lat"),
    "place.lon": _place("lon"),
    "place.geonameid": _place("geonameid"),
    "place.feature": _place("feature"),
    "place.city": lambda d: _place_kind(d, _CITY_FEATURES),
    "place.district": lambda d: _place_kind(d, {"admin2"}),
    "place.province": lambda d: _place_kind(d, {"admin1"}),
    "publisher": lambda d: d.mention.source,
    "published": lambda d: d.mention.published,
    "article_id": lambda d: d.mention.article_id,
    "title": lambda d: d.mention.title,
    "url": lambda d: d.mention.url,
    "story_people": _story_actors({"person"}),
    "story_organizations": _story_actors({"organization", "group"}),
    "story_locations": lambda d: LIST_SEPARATOR.join(d.mention.places),
    "language": lambda d: "en",
    "version": lambda d: _version(),
    "fused_id": lambda d: d.fusion.fused_id,
    "sources": lambda d: d.fusion.sources,
    "reports": lambda d: d.fusion.reports,
    "publishers": lambda d: LIST_SEPARATOR.join(d.fusion.publishers),
}


@lru_cache(maxsize=None)
def _column_maps() -> dict:
    """The column maps, checked: every `from` is a field we have (or null)."""
    text = files("dragoman").joinpath("data/export_columns.yaml").read_text(encoding="utf-8")
    maps = yaml.safe_load(text)
    for name in ("polecat", "icews"):
        for column in maps[name]:
            if column["from"] is not None and column["from"] not in FIELDS:
                raise ValueError(f"export_columns.yaml: {name} column {column['column']!r}: no field {column['from']!r}")
    return maps


def column_map(name: str) -> list[tuple[str, Optional[str]]]:
    """(header, field or None) for each column of the `name` export, in order."""
    return [(c["column"], c["from"]) for c in _column_maps()[name]]


def _cameo_roots() -> dict[str, str]:
    return _column_maps()["cameo_roots"]


def _cell(value: object) -> str:
    """A value as one text cell: empty for none, escaped so it stays one cell."""
    if value is None:
        return ""
    return terminal_safe(str(value), one_line=True)


def write_tsv(items: Iterable[Exported], out: IO[str], name: str) -> None:
    """The `name` (polecat, icews) column map as tab-separated rows, one per dyad (a cell
    holding a double quote is quoted, as spreadsheets and csv readers expect)."""
    columns = column_map(name)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow([header for header, _ in columns])
    for m, fusion in rows(items):
        for d in dyads(m, fusion):
            writer.writerow([_cell(FIELDS[source](d)) if source else "" for _, source in columns])


# -- one row per event: csv, parquet, geojson properties ----------------------------


def _parties(m: EventMention, side: str, value: Callable[[Party], object]) -> str:
    return LIST_SEPARATOR.join(str(value(p) or "") for p in getattr(m.event, side))


def flat_row(m: EventMention, fusion: Fusion = Fusion(None)) -> dict:
    """The event as flat columns (`CSV_COLUMNS`), typed: numbers stay numbers, none is None."""
    e, date, place = m.event, m.event.date, m.event.place
    row = {
        "event_key": event_key(m), "article_id": m.article_id, "event_id": e.id,
        "published": m.published, "source": m.source, "title": m.title, "url": m.url,
        "event": e.event, "mode": e.mode, "context": LIST_SEPARATOR.join(e.context), "cameo": e.cameo,
        "quad": e.quad, "status": e.status,
        "date": date and date.value, "date_first": date and date.first, "date_last": date and date.last,
        "date_precision": date and date.precision, "date_text": date and date.text, "date_source": date and date.source,
        "date_unresolved": date and date.unresolved,
    }
    for side in ("actor", "recipient"):
        row[f"{side}_names"] = _parties(m, side, lambda p: _party_name(m, p))
        row[f"{side}_texts"] = _parties(m, side, lambda p: p.text)
        row[f"{side}_countries"] = _parties(m, side, lambda p: p.country)
        row[f"{side}_sectors"] = _parties(m, side, lambda p: p.sector)
        row[f"{side}_ids"] = _parties(m, side, lambda p: p.actor_id)
    row.update({
        "place_name": place and (place.name or place.text), "place_text": place and place.text,
        "place_country": place and place.country, "place_feature": place and place.feature,
        "lat": place and place.lat, "lon": place and place.lon, "geonameid": place and place.geonameid,
        "dead": e.dead, "injured": e.injured, "arrested": e.arrested,
        "sentence_start": e.sentence.start, "sentence_end": e.sentence.end, "sentence_number": e.sentence_number,
        "trigger": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
        "rule": e.rule, "lexicon": e.lexicon, "confidence": e.confidence, "sentence_text": m.sentence_text,
        "fused_id": fusion.fused_id, "sources": fusion.sources, "reports": fusion.reports,
        "publishers": LIST_SEPARATOR.join(fusion.publishers) or None,
    })
    return row


# the csv columns and their Parquet types ("string" unless named here)
_INTEGER_COLUMNS = {"quad", "geonameid", "dead", "injured", "arrested", "sentence_start", "sentence_end",
                    "sentence_number", "trigger_start", "trigger_end", "sources", "reports"}
_FLOAT_COLUMNS = {"lat", "lon", "confidence"}


def _csv_columns() -> list[str]:
    """The csv columns, in order: those of `flat_row` (computed once from a sample)."""
    from ..records import Event, Offsets, Trigger

    sample = Event(id="", event="AID", sentence=Offsets(start=0, end=0), trigger=Trigger(text="", start=0, end=0),
                   rule="")
    return list(flat_row(EventMention("", None, None, None, None, "", sample, {}, ())))


CSV_COLUMNS = _csv_columns()


def write_csv(items: Iterable[Exported], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m, fusion in rows(items):
        writer.writerow([_cell(v) for v in flat_row(m, fusion).values()])


PARQUET_BATCH = 2000


def write_parquet(items: Iterable[Exported], path: str | IO[bytes]) -> None:
    """The csv columns, typed, written a batch of rows at a time to a file (its path, or
    a seekable binary file object: the workbench's download is a buffer)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet needs pyarrow: pip install 'dragoman[export]'") from None
    types = {c: pa.int64() if c in _INTEGER_COLUMNS else pa.float64() if c in _FLOAT_COLUMNS else pa.string()
             for c in CSV_COLUMNS}
    schema = pa.schema(list(types.items()))
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for m, fusion in rows(items):
            batch.append(flat_row(m, fusion))
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def write_geojson(items: Iterable[Exported], out: IO[bytes]) -> None:
    """A FeatureCollection of the events with a point, written feature by feature."""
    out.write(b'{"type":"FeatureCollection","features":[')
    count = 0
    for m, fusion in rows(items):
        place = m.event.place
        if place is None or place.lat is None or place.lon is None:
            continue
        feature = {"type": "Feature", "id": event_key(m),
                   "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}, "properties": flat_row(m, fusion)}
        out.write((b"," if count else b"") + b"\n" + encode_json(feature))
        count += 1
    out.write(b"\n]}\n")


# -- PLOVER event records -------------------------------------------------------------


def plover_record(m: EventMention, fusion: Fusion = Fusion(None)) -> dict:
    """The event in PLOVER's event-record fields: id, date, event, mode, context, the
    actor and recipient (text, name, country, sector), the location, the size fields
    and the text; with the article it came from and its `Fusion`."""
    e, date, place = m.event, m.event.date, m.event.place

    def parties(side: str) -> list[dict]:
        return [{"text": p.text, "name": _party_name(m, p), "country": p.country, "sector": p.sector}
                for p in getattr(e, side)]

    # PLOVER writes days (YYYY-MM-DD): a month or a week is its first day to its last, at its resolution
    first, last = (date.first, date.last) if date is not None and date.first and date.last else (None, None)
    return {
        "id": event_key(m), "date": first, "enddate": last if last != first else None,
        "date_resolution": date.precision if date else None,
        "event": e.event, "mode": e.mode, "context": e.context, "quad": e.quad, "cameo": e.cameo,
        "status": e.status, "actor": parties("actor"), "recipient": parties("recipient"),
        "location": None if place is None else {
            "placename": place.name or place.text, "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonames_id": place.geonameid, "feature": place.feature,
        },
        "dead": e.dead, "injured": e.injured, "arrested": e.arrested,
        "text": m.sentence_text, "story_id": m.article_id, "publisher": m.source,
        "publication_date": m.published, "url": m.url, "language": "en",
        "fused_id": fusion.fused_id, "sources": fusion.sources, "reports": fusion.reports,
        "publishers": list(fusion.publishers),
    }


def write_plover(items: Iterable[Exported], out: IO[bytes]) -> None:
    for m, fusion in rows(items):
        out.write(encode_json(plover_record(m, fusion)) + b"\n")


# -- the actor network: gexf, graphml ---------------------------------------------------


class Node(NamedTuple):
    label: str
    country: str
    sector: str
    kind: str


def node_of(m: EventMention, party: Party) -> Optional[tuple[str, Node]]:
    """The network node a party is: a named actor (not a bare country) by its full name;
    else its country and sector code ("ISRMIL", "USA"); None when it has neither."""
    actor = m.actors.get(party.actor_id) if party.actor_id else None
    country, sector = party.country or "", party.sector or ""
    if actor and actor.name and actor.kind != "country":
        return actor.name, Node(actor.name, country, sector, actor.kind or "")
    if country or sector:
        return country + sector, Node(country + sector, country, sector, "code")
    return None


class Network(NamedTuple):
    nodes: dict[str, Node]
    edges: dict[tuple[str, str], Counter]  # (actor node, recipient node) -> events by quad (0: none)


def network(items: Iterable[Exported]) -> Network:
    """Every actor-to-recipient pair of the events (a fused event once), counted by quad class."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Counter] = {}
    for m, _fusion in rows(items):
        for pair in dyads(m):
            if pair.actor is None or pair.recipient is None:
                continue
            ends = node_of(m, pair.actor), node_of(m, pair.recipient)
            if None in ends:
                continue
            for key, node in ends:
                nodes.setdefault(key, node)
            edges.setdefault((ends[0][0], ends[1][0]), Counter())[m.event.quad or 0] += 1
    return Network(nodes, edges)


_NODE_ATTRIBUTES = ("country", "sector", "kind")


def _xml(value: object) -> str:
    return quoteattr(terminal_safe(str(value), one_line=True))


def write_gexf(graph: Network, out: IO[str]) -> None:
    """GEXF 1.2: nodes with label, country, sector, kind; edges with weight (all events)
    and one count per quad class."""
    ids = {key: f"n{i}" for i, key in enumerate(graph.nodes)}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
              f'<meta><creator>dragoman {_version()}</creator></meta>\n'
              '<graph defaultedgetype="directed" mode="static">\n<attributes class="node">\n')
    for index, name in enumerate(_NODE_ATTRIBUTES):
        out.write(f'<attribute id="{index}" title="{name}" type="string"/>\n')
    out.write('</attributes>\n<attributes class="edge">\n')
    for quad, name in QUADS.items():
        out.write(f'<attribute id="{quad}" title="{name}" type="integer"><default>0</default></attribute>\n')
    out.write("</attributes>\n<nodes>\n")
    for key, node in graph.nodes.items():
        out.write(f'<node id="{ids[key]}" label={_xml(node.label)}><attvalues>')
        for index, name in enumerate(_NODE_ATTRIBUTES):
            out.write(f'<attvalue for="{index}" value={_xml(getattr(node, name))}/>')
        out.write("</attvalues></node>\n")
    out.write("</nodes>\n<edges>\n")
    for number, ((source, target), counts) in enumerate(graph.edges.items()):
        out.write(f'<edge id="e{number}" source="{ids[source]}" target="{ids[target]}"'
                  f' weight="{sum(counts.values())}"><attvalues>')
        for quad in QUADS:
            out.write(f'<attvalue for="{quad}" value="{counts[quad]}"/>')
        out.write("</attvalues></edge>\n")
    out.write("</edges>\n</graph>\n</gexf>\n")


def write_graphml(graph: Network, out: IO[str]) -> None:
    """GraphML: the same nodes and edges, `weight` and the quad counts as edge data."""
    ids = {key: f"n{i}" for i, key in enumerate(graph.nodes)}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name in ("label", *_NODE_ATTRIBUTES):
        out.write(f'<key id="{name}" for="node" attr.name="{name}" attr.type="string"/>\n')
    for name in ("weight", *QUADS.values()):
        out.write(f'<key id="{name}" for="edge" attr.name="{name}" attr.type="int"/>\n')
    out.write('<graph id="actors" edgedefault="directed">\n')
    for key, node in graph.nodes.items():
        out.write(f'<node id="{ids[key]}">')
        for name in ("label", *_NODE_ATTRIBUTES):
            out.write(f'<data key="{name}">{_xml(getattr(node, name))[1:-1]}</data>')
        out.write("</node>\n")
    for (source, target), counts in graph.edges.items():
        out.write(f'<edge source="{ids[source]}" target="{ids[target]}">'
                  f'<data key="weight">{sum(counts.values())}</data>')
        for quad, name in QUADS.items():
            out.write(f'<data key="{name}">{counts[quad]}</data>')
        out.write("</edge>\n")
    out.write("</graph>\n</graphml>\n")


# -- choosing a format ----------------------------------------------------------------


class ExportError(Exception):
    """An export cannot be written as asked; the message says why."""


class Format(NamedTuple):
    write: Callable  # (mentions, out) -> None; out is text, bytes, or a path (`kind`)
    kind: str  # "text", "bytes" or "path" (a file only: not stdout)


FORMATS: dict[str, Format] = {
    "polecat": Format(lambda ms, out: write_tsv(ms, out, "polecat"), "text"),
    "icews": Format(lambda ms, out: write_tsv(ms, out, "icews"), "text"),
    "csv": Format(write_csv, "text"),
    "parquet": Format(write_parquet, "path"),
    "geojson": Format(write_geojson, "bytes"),
    "gexf": Format(lambda ms, out: write_gexf(network(ms), out), "text"),
    "graphml": Format(lambda ms, out: write_graphml(network(ms), out), "text"),
    "plover-jsonl": Format(write_plover, "bytes"),
}


def export_events(mentions: Iterable[Exported], format_name: str, output: Optional[str],
                  stdout: IO[bytes]) -> None:
    """Write `mentions` (fused events or mentions) as `format_name` to the file `output`, or to `stdout` (bytes)
    when it is None; a format that is no text (parquet) needs a file. The file is
    written beside under another name and put in place when complete, so a failed
    export leaves no half-written file (and an older file stays as it was)."""
    chosen = FORMATS[format_name]
    if output is None:
        if chosen.kind == "path":
            raise ExportError(f"{format_name} is not text: name a file with -o FILE")
        _to_stream(chosen, mentions, stdout)
        return
    partial = f"{output}.partial"
    try:
        if chosen.kind == "path":
            chosen.write(mentions, partial)
        else:
            with open(partial, "wb") as handle:
                _to_stream(chosen, mentions, handle)
        os.replace(partial, output)
    except BaseException:
        with suppress(OSError):
            os.remove(partial)
        raise


def _to_stream(chosen: Format, mentions: Iterable[Exported], binary: IO[bytes]) -> None:
    if chosen.kind == "bytes":
        chosen.write(mentions, binary)
        return
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=True)
    try:
        chosen.write(mentions, text)
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open
