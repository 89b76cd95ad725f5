"""Import people and organisations from a Wikidata JSON dump into an actor registry.

The dump a user downloads (``latest-all.json.gz``, also ``.json.bz2`` or plain ``.json``)
is one JSON array with one entity per line::

    [
    {"type":"item","id":"Q42","labels":{"en":{"language":"en","value":"..."}},...},
    ...
    {"type":"item","id":"Q99",...}
    ]

A JSON Lines file of entities (one per line, no brackets or commas) is read the same way.
The file is streamed line by line (`read_dump` is a generator): memory holds one entity,
the countries seen (a few hundred) and the items the imported actors refer to (positions,
jurisdictions: their labels and countries), never the file.

What is imported (entities without an English label are skipped):

* people (instance of human, P31=Q5) with their English label and aliases, citizenship
  (P27) and positions held (P39), each with its start (P580) and end (P582) and its
  country: the position's "of" (P642) or jurisdiction (P1001) qualifier, else the
  position item's own country (P17) or jurisdiction, else the country its English label
  names ("Prime Minister of Kenya"), else the person's citizenship. The sector comes from
  the position's label, read like a role phrase in an article.
* organisations whose class (P31) is listed in ``data/wikidata_classes.tsv``, with the
  sector listed there and their country (P17), else their headquarters' (P159).

A person refers to a position or country by its item id, and that item may come later in
the file. So references are resolved at the end: countries by the ISO code (P298) their
items carry, else ``data/wikidata_countries.tsv``; positions and other places by their
items, remembered when met after the reference. Items met before anything referred to
them are read in a second pass over the file, which only decodes those. Actors are staged
in a temporary file meanwhile and written to the registry once everything is resolved.

Each actor keeps its item's number of sitelinks (Wikipedia articles), so among the many
namesakes of a full dump a far more prominent one can be told apart
(`resolve.registry.most_prominent`).

A malformed line is counted and reported with its line number; the import goes on.
"""

from __future__ import annotations

import bz2
import gzip
import os
import re
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

import msgpack
import msgspec

from ..resolve.registry import KnownActor, Registry, Role, iso_day

HUMAN = "Q5"
_TIME = re.compile(r"^\+(\d{1,4})-(\d\d)-(\d\d)T")  # CE dates only
BATCH = 1000  # actors written per transaction


class DumpError(ValueError):
    """The dump cannot be read at all (missing file, not gzip...): names the file."""


@dataclass(frozen=True)
class DumpProblem:
    """A line of the dump that is not an entity; the import skips it."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportReport:
    """What an import read, kept and skipped."""

    entities: int = 0
    people: int = 0
    organisations: int = 0
    without_english_label: int = 0
    problems: int = 0
    passes: int = 1
    roles: int = 0
    unresolved: set[str] = field(default_factory=set)  # referenced items never found

    def summary(self) -> str:
        return (f"{self.people} people and {self.organisations} organisations imported "
                f"({self.roles} positions held) from {self.entities} entities in {self.passes} "
                f"pass{'es' if self.passes > 1 else ''}; {self.without_english_label} without an English "
                f"label skipped; {self.problems} malformed line{'s' if self.problems != 1 else ''}; "
                f"{len(self.unresolved)} referenced items not in the file")


# -- the entity as far as dragoman reads it (msgspec skips every other field) ------------

class _Text(msgspec.Struct):
    value: str


class _Labels(msgspec.Struct):
    en: Optional[_Text] = None


class _Aliases(msgspec.Struct):
    en: list[_Text] = []


class _Value(msgspec.Struct):
    value: Any = None


class _Snak(msgspec.Struct):
    snaktype: str = "value"
    datavalue: Optional[_Value] = None


class _Qualifiers(msgspec.Struct):
    P580: list[_Snak] = []  # start time
    P582: list[_Snak] = []  # end time
    P642: list[_Snak] = []  # of
    P1001: list[_Snak] = []  # applies to jurisdiction


class _Statement(msgspec.Struct):
    mainsnak: _Snak
    rank: str = "normal"
    qualifiers: Union[_Qualifiers, list, None] = None  # PHP writes an empty map as []


class _Claims(msgspec.Struct):
    P31: list[_Statement] = []  # instance of
    P27: list[_Statement] = []  # country of citizenship
    P39: list[_Statement] = []  # position held
    P17: list[_Statement] = []  # country
    P1001: list[_Statement] = []  # applies to jurisdiction
    P298: list[_Statement] = []  # ISO 3166-1 alpha-3 code
    P159: list[_Statement] = []  # headquarters location


class Entity(msgspec.Struct):
    id: str
    type: str = "item"
    labels: Union[_Labels, list, None] = None
    aliases: Union[_Aliases, list, None] = None
    claims: Union[_Claims, list, None] = None
    sitelinks: Union[dict[str, msgspec.Raw], list, None] = None  # counted, not read

    @property
    def label(self) -> Optional[str]:
        """The English label, or None."""
        found = self.labels.en if isinstance(self.labels, _Labels) else None
        return found.value.strip() if found and found.value.strip() else None

    def english_aliases(self) -> tuple[str, ...]:
        found = self.aliases.en if isinstance(self.aliases, _Aliases) else []
        return tuple(dict.fromkeys(a.value.strip() for a in found if a.value.strip()))

    def statements(self, prop: str) -> list[_Statement]:
        """Statements of a property, best rank first, deprecated ones left out."""
        found = getattr(self.claims, prop) if isinstance(self.claims, _Claims) else []
        kept = [s for s in found if s.rank != "deprecated"]
        return sorted(kept, key=lambda s: s.rank != "preferred")

    def items(self, prop: str) -> list[str]:
        """The item ids a property points to ("P31" -> ["Q5"])."""
        return [q for q in (_item(s.mainsnak) for s in self.statements(prop)) if q]


class _Id(msgspec.Struct):
    id: str


def _item(snak: _Snak) -> Optional[str]:
    value = snak.datavalue.value if snak.snaktype == "value" and snak.datavalue else None
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("id"), str):
        return value["id"]
    number = value.get("numeric-id")
    return f"Q{number}" if isinstance(number, int) else None


def _time(snaks: list[_Snak]) -> Optional[str]:
    """YYYY-MM-DD of a Wikidata time ("+2019-06-00T00:00:00Z", month precision -> 2019-06-01).

    A date known only to the year or month counts from its first day; BCE dates and
    precisions coarser than a year give None.
    """
    for snak in snaks:
        value = snak.datavalue.value if snak.snaktype == "value" and snak.datavalue else None
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        match = _TIME.match(value["time"])
        if match is None or value.get("precision", 11) < 9:
            return None
        year, month, day = (int(part) for part in match.groups())
        return iso_day(f"{year:04d}-{max(month, 1):02d}-{max(day, 1):02d}")
    return None


# -- reading the file ------------------------------------------------------------------

@contextmanager
def _open(path: Path, progress: bool, label: str) -> Iterator[Any]:
    """The dump's decompressed lines, with a bar (stderr) counting the bytes read from disk."""
    from tqdm import tqdm

    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise DumpError(f"{path}: cannot open: {exc.strerror or exc}") from None
    bar = tqdm(total=os.path.getsize(path), desc=label, unit="B", unit_scale=True, file=sys.stderr,
               disable=None if progress else True)  # None: only when stderr is a terminal
    counted = bar.wrapattr(raw, "read") if not bar.disable else raw
    name = path.name.lower()
    try:
        if name.endswith(".gz"):
            stream = gzip.GzipFile(fileobj=counted)
        elif name.endswith(".bz2"):
            stream = bz2.BZ2File(counted)
        else:
            stream = counted
        yield stream
    finally:
        bar.close()
        raw.close()


def read_dump(path: Union[str, Path], *, progress: bool = False, label: str = "wikidata",
              decode: type = Entity) -> Iterator[Union[tuple[int, Any], DumpProblem]]:
    """(line number, entity) for each entity line, or a DumpProblem for a line that is none.

    Lines "[" and "]", blank lines and the comma ending each entity line are the array's
    punctuation. `decode` picks what is decoded of each entity (everything else is skipped).
    """
    path = Path(path)
    decoder = msgspec.json.Decoder(decode)
    with _open(path, progress, label) as stream:
        number = 0
        try:
            for number, line in enumerate(stream, start=1):
                text = line.strip()
                if text.endswith(b","):
                    text = text[:-1]
                if not text or text in (b"[", b"]"):
                    continue
                try:
                    yield number, decoder.decode(text)
                except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                    yield DumpProblem(number, f"not a Wikidata entity ({exc})")
        except (OSError, EOFError, ValueError) as exc:  # a damaged or truncated archive
            raise DumpError(f"{path}: unreadable after line {number}: {exc}") from None


# -- bundled tables --------------------------------------------------------------------

def _data_rows(name: str) -> Iterator[list[str]]:
    for line in (resources.files("dragoman") / "data" / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def bundled_countries() -> dict[str, str]:
    """QID -> ISO alpha-3 of sovereign states (data/wikidata_countries.tsv)."""
    return {row[0]: row[1] for row in _data_rows("wikidata_countries.tsv")}


@lru_cache(maxsize=1)
def organisation_classes() -> dict[str, Optional[str]]:
    """Class QID -> sector ("-" in the file: None), in the file's order of priority."""
    return {row[0]: (None if row[1] == "-" else row[1]) for row in _data_rows("wikidata_classes.tsv")}


# -- the import ------------------------------------------------------------------------

@dataclass
class _References:
    """What the staged actors refer to, resolved at the end."""

    countries: dict[str, str] = field(default_factory=dict)  # QID -> ISO3, from P298 in the file
    wanted: set[str] = field(default_factory=set)  # items referred to
    items: dict[str, tuple[str, Optional[str]]] = field(default_factory=dict)  # QID -> (label, country QID)

    def want(self, *qids: str) -> None:
        self.wanted.update(q for q in qids if q not in self.items)

    def remember(self, entity: Entity) -> None:
        """Keep the label and country of an item something refers to."""
        iso = next((s.mainsnak.datavalue.value for s in entity.statements("P298") if s.mainsnak.datavalue), None)
        if isinstance(iso, str) and len(iso) == 3 and iso.isalpha():
            self.countries[entity.id] = iso.upper()
        if entity.id in self.wanted and entity.label:
            place = (entity.items("P17") or entity.items("P1001") or [None])[0]
            self.items[entity.id] = (entity.label, place)
            self.wanted.discard(entity.id)
            if place:
                self.want(place)

    def iso(self, qid: Optional[str], hops: int = 1) -> Optional[str]:
        """ISO3 of a country item, or of the country of a place or body item (one hop)."""
        if not qid:
            return None
        found = self.countries.get(qid) or bundled_countries().get(qid)
        if found or hops == 0 or qid not in self.items:
            return found
        return self.iso(self.items[qid][1], hops - 1)

    def missing(self) -> set[str]:
        return {q for q in self.wanted if q not in self.countries and q not in bundled_countries()}


def import_dump(path: Union[str, Path], registry: Registry, *, progress: bool = False,
                on_problem: Callable[[DumpProblem], None] = lambda problem: None) -> ImportReport:
    """Import a Wikidata dump's people and organisations into `registry` (see the module doc)."""
    path = Path(path)
    report, refs = ImportReport(), _References()
    with tempfile.TemporaryFile(prefix="dragoman-wikidata-") as staged:
        packer = msgpack.Packer()
        for found in read_dump(path, progress=progress, label=f"{path.name}"):
            if isinstance(found, DumpProblem):
                report.problems += 1
                on_problem(found)
                continue
            entity = found[1]
            report.entities += 1
            refs.remember(entity)
            actor = _stage(entity, refs, report)
            if actor is not None:
                staged.write(packer.pack(actor))
        if refs.missing():
            report.passes = 2
            _second_pass(path, refs, progress)
        report.unresolved = refs.missing()
        staged.seek(0)
        _write(msgpack.Unpacker(staged, raw=False), refs, registry, report)
    return report


def _stage(entity: Entity, refs: _References, report: ImportReport) -> Optional[list]:
    """A person or organisation as a compact row with its references, or None."""
    if entity.type != "item":
        return None
    classes = entity.items("P31")
    if HUMAN in classes:
        kind = "p"
    else:
        sectors = organisation_classes()
        kind = "o" if any(c in sectors for c in classes) else None
    if kind is None:
        return None
    label = entity.label
    if label is None:
        report.without_english_label += 1
        return None
    if kind == "o":
        sector = next(sectors[c] for c in sectors if c in classes)  # the file's order decides
        countries = entity.items("P17") + entity.items("P159")  # the headquarters' country next
        refs.want(*countries)
        return ["o", entity.id, label, entity.english_aliases(), len(entity.sitelinks or ()), sector, countries]
    citizenship = entity.items("P27")
    positions = []
    for statement in entity.statements("P39"):
        position = _item(statement.mainsnak)
        if position is None:
            continue
        qualifiers = statement.qualifiers if isinstance(statement.qualifiers, _Qualifiers) else _Qualifiers()
        of = [q for q in map(_item, qualifiers.P642 + qualifiers.P1001) if q]
        positions.append([position, _time(qualifiers.P580), _time(qualifiers.P582), of])
        refs.want(position, *of)
    refs.want(*citizenship)
    if not positions and not citizenship:
        return None  # a name alone teaches nothing
    return ["p", entity.id, label, entity.english_aliases(), len(entity.sitelinks or ()), citizenship, positions]


def _second_pass(path: Path, refs: _References, progress: bool) -> None:
    """Read the items referred to before they appeared (only those are decoded whole)."""
    decoder = msgspec.json.Decoder(Entity)
    for found in read_dump(path, progress=progress, label=f"{path.name} (references)", decode=msgspec.Raw):
        if isinstance(found, DumpProblem):
            continue  # counted in the first pass
        raw = found[1]
        try:
            if msgspec.json.decode(raw, type=_Id).id in refs.wanted:
                refs.remember(decoder.decode(raw))
        except (msgspec.DecodeError, msgspec.ValidationError):
            continue


def _write(rows: Iterator[list], refs: _References, registry: Registry, report: ImportReport) -> None:
    """Resolve each staged actor's references and store it, BATCH actors per transaction."""
    from ..resolve import registry as known

    with known.using(starter_book=False):  # a position's label is read on its own
        batch: list[tuple[str, KnownActor]] = []
        for row in rows:
            actor = _resolve(row, refs)
            report.people += actor.kind == "person"
            report.organisations += actor.kind == "organization"
            report.roles += len(actor.roles)
            batch.append((row[1], actor))
            if len(batch) >= BATCH:
                _store(batch, registry)
                batch = []
        _store(batch, registry)


def _store(actors: list[tuple[str, KnownActor]], registry: Registry) -> None:
    with registry.batch():
        for qid, actor in actors:
            registry.add_known(actor, wikidata=qid)


def _resolve(row: list, refs: _References) -> KnownActor:
    kind, qid, label, aliases, sitelinks, *rest = row
    source = f"wikidata:{qid}"
    if kind == "o":
        sector, countries = rest
        country = "IGO" if sector == "IGO" else next((c for c in map(refs.iso, countries) if c), None)
        return KnownActor(label, tuple(aliases), country, None if sector == "IGO" else sector, "organization",
                          [], source, prominence=sitelinks)
    citizenship, positions = rest
    country = next((c for c in map(refs.iso, citizenship) if c), None)
    roles = [role for role in (_role(p, refs, country, source) for p in positions) if role is not None]
    return KnownActor(label, tuple(aliases), country, None, "person", roles, source, prominence=sitelinks)


def _role(position: list, refs: _References, citizenship: Optional[str], source: str) -> Optional[Role]:
    qid, start, end, of = position
    if qid not in refs.items:
        return None  # the position's item is in no pass of the file: no name for the role
    label, place = refs.items[qid]
    country_from_label, sector = _read_title(label)
    country = next((c for c in map(refs.iso, of) if c), None) or refs.iso(place) or country_from_label or citizenship
    if start and end and end <= start:
        end = None  # an end before the start is a data error: keep what is sure, the start
    return Role(label, country, sector, start, end, False, f"{source} P39 {qid}")


@lru_cache(maxsize=100_000)
def _read_title(label: str) -> tuple[Optional[str], Optional[str]]:
    """Country and sector a position's label names, read as a role phrase."""
    from ..resolve.actor_codes import code_actor

    code = code_actor(label)
    return code.country, code.sector
