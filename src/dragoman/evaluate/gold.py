"""Readers for gold-standard corpora, in the formats researchers publish them in.

Each reader turns one format into typed records with character offsets into the
document text, and fails with `GoldFormatError` naming the file (and line or
record) and what is wrong with it, so a researcher bringing their own data knows
what to fix. Formats:

- PLOVER gold-standard records (JSON array)                -> `read_plover`
- brat attribution standoff (text/ + attributions/*.ann)   -> `read_attributions`
- GeoNames-tagged toponym XML (GeoWebNews, LGL, GeoVirus)  -> `read_toponyms`
- TimeML .tml files with TIMEX3 tags and a DCT            -> `read_timeml`
- re3d mongoexport folders (documents.json, entities.json) -> `read_entities`
- actor strings with expected codes (JSON Lines)           -> `read_actor_cases`
- event verb -> location records (Prodigy JSON Lines)      -> `read_event_locations`
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Optional

from .metrics import Span


class GoldFormatError(Exception):
    """A gold file is missing or does not have the expected format."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


# -- records -------------------------------------------------------------------------------


@dataclass
class PloverParty:
    text: str
    code: Optional[str]  # country (or CAMEO group) code as written in the gold
    sector: Optional[str]


@dataclass
class PloverRecord:
    id: str
    text: str
    event: str  # event type as written in the gold (old names included)
    date: Optional[str]
    source: list[PloverParty]
    target: list[PloverParty]
    triggers: list[Span]  # the (EVT: ...) markup fragments located in `text`


@dataclass
class Attribution:
    content: Span  # from the first to the last content fragment
    source: Optional[Span]
    cue: Optional[Span]
    direct: bool  # content is enclosed in quotation marks
    fragments: tuple[Span, ...] = ()  # the content's pieces when it is discontinuous


@dataclass
class AttributionDoc:
    id: str
    text: str
    annotator: str
    attributions: list[Attribution]


@dataclass
class Toponym:
    start: int
    end: int
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None  # ISO 3166 alpha-3 when the corpus gives one
    geonameid: Optional[int] = None


@dataclass
class ToponymDoc:
    id: str
    text: str
    toponyms: list[Toponym]
    skipped: int = 0  # gold toponyms whose offsets fall outside the text
    realigned: int = 0  # gold toponyms moved onto their name (offsets a few chars off)
    url: Optional[str] = None  # where the article was published, which names its source


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass
class TimeDoc:
    id: str
    text: str
    dct: Optional[str]  # document creation date, YYYY-MM-DD
    timexes: list[Timex]


@dataclass
class GoldEntity:
    start: int
    end: int
    type: str
    text: str


@dataclass
class EntityDoc:
    id: str
    text: str
    entities: list[GoldEntity]
    collection: str = ""  # the folder it came from


@dataclass
class ActorCase:
    """None = the case does not check this field; "" = it expects no code."""

    id: str
    text: str
    country: Optional[str]
    sector: Optional[str]
    date: Optional[str] = None
    context: Optional[str] = None


@dataclass
class LocationRecord:
    id: str
    text: str
    verb: Span
    locations: list[Span] = field(default_factory=list)


# -- shared helpers ---------------------------------------------------------------------------


def _existing(path: Path | str) -> Path:
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(path, "no such file or directory")
    return path


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(path, f"cannot read: {exc}") from exc


def _json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSON Lines file."""
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(path, f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise GoldFormatError(path, f"line {number}: expected a JSON object")
        yield number, obj


def _field(obj: dict, key: str, kind: type, where: str, path: Path) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise GoldFormatError(path, f"{where}: field {key!r} missing or not {kind.__name__}")
    return value


def _span(start: int, end: int, text: str, where: str, path: Path) -> Span:
    if not 0 <= start <= end <= len(text):
        raise GoldFormatError(path, f"{where}: span {start}-{end} outside the text ({len(text)} chars)")
    return start, end


# -- PLOVER gold-standard records ----------------------------------------------------------------

_EVT_MARKUP = re.compile(r"\(EVT:\s*([^()]*?)\s*\)")


def _plover_parties(value: Any, where: str, path: Path) -> list[PloverParty]:
    """The gold writes no party as "", null or a missing key, and parties as a list."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise GoldFormatError(path, f"{where}: actors must be a list, got {type(value).__name__}")
    parties = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("actorText", ""), str):
            raise GoldFormatError(path, f"{where}: actor entries need an 'actorText' string")
        parties.append(
            PloverParty(
                text=item.get("actorText", ""),
                code=item.get("code") or None,
                sector=item.get("sector") or None,
            )
        )
    return parties


def _markup_triggers(text: str, markup: str) -> list[Span]:
    """Offsets of the (EVT: ...) fragments, found in order in the plain text.

    The markup is hand-written and not always a faithful copy of the text, so each
    fragment is searched for rather than computed; fragments not found are dropped.
    """
    spans, cursor = [], 0
    for match in _EVT_MARKUP.finditer(markup):
        fragment = match.group(1)
        if not fragment:
            continue
        start = text.find(fragment, cursor)
        if start < 0:
            start = text.find(fragment)
        if start >= 0:
            spans.append((start, start + len(fragment)))
            cursor = start + len(fragment)
    return spans


def read_plover(path: Path | str) -> list[PloverRecord]:
    """A JSON array of PLOVER records with `text`, `event`, `source`, `target`."""
    path = _existing(path)
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(path, f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, list):
        raise GoldFormatError(path, "expected a JSON array of PLOVER records")
    records = []
    for index, item in enumerate(data):
        where = f"record {index}"
        if not isinstance(item, dict):
            raise GoldFormatError(path, f"{where}: expected a JSON object")
        where = f"record {item.get('id', index)}"
        text = _field(item, "text", str, where, path)
        event = _field(item, "event", str, where, path)
        markup = (item.get("textInfo") or {}).get("markup") or ""
        records.append(
            PloverRecord(
                id=str(item.get("id", index)),
                text=text,
                event=event,
                date=item.get("date"),
                source=_plover_parties(item.get("source"), where, path),
                target=_plover_parties(item.get("target"), where, path),
                triggers=_markup_triggers(text, markup),
            )
        )
    return records


# -- brat attribution standoff ---------------------------------------------------------------

_BRAT_ID = re.compile(r"^[TERAMN#]\d*\t")
OPEN_QUOTES = {'"', "“", "«"}
CLOSE_QUOTES = {'"', "”", "»"}
_TRAILING_PUNCT = ".,;:!?"


def _typewriter_to_straight(text: str) -> str:
    """``...'' and ''...'' (newswire typewriter quotes, as in NYT copy) -> ""..."", keeping every offset."""
    return text.replace("``", '""').replace("''", '""')


def quote_marked(text: str, start: int, end: int) -> bool:
    """Whether a span is enclosed in quotation marks, inside it or right next to it.

    `“We will win,” she said`: the content may or may not include the marks and
    the comma; either way it opens and closes with a quote, so it is direct speech.
    Doubled typewriter marks (``...'' and ''...'') count as quotation marks too.
    """
    text = _typewriter_to_straight(text)
    inner = text[start:end]
    stripped = inner.strip()
    if not stripped:
        return False
    opens = stripped[0] in OPEN_QUOTES or (start > 0 and text[start - 1] in OPEN_QUOTES)
    closing = stripped.rstrip(_TRAILING_PUNCT)
    after = text[end:].lstrip(_TRAILING_PUNCT)[:1]
    closes = (
        stripped[-1] in CLOSE_QUOTES
        or (closing[-1:] in CLOSE_QUOTES)
        or (inner == inner.rstrip() and after in CLOSE_QUOTES)
    )
    return opens and closes


def _brat_spans(field_text: str, where: str, path: Path) -> tuple[str, list[Span]]:
    """'Content 10 20;25 40' -> ('Content', [(10, 20), (25, 40)])."""
    label, _, offsets = field_text.partition(" ")
    spans = []
    for fragment in offsets.split(";"):
        parts = fragment.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise GoldFormatError(path, f"{where}: bad offsets {offsets!r}")
        spans.append((int(parts[0]), int(parts[1])))
    return label, spans


def _hull(spans: list[Span]) -> Span:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _read_ann(path: Path, text: str) -> list[Attribution]:
    """Attributions of one .ann file: E lines tying Content, Source and Cue T spans."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[tuple[str, int]] = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not _BRAT_ID.match(line):
            continue  # a continuation of a span text that contains a line break
        where = f"line {number}"
        parts = line.split("\t")
        if line.startswith("T"):
            if len(parts) < 2:
                raise GoldFormatError(path, f"{where}: text-bound annotation without offsets")
            label, fragments = _brat_spans(parts[1], where, path)
            for start, end in fragments:
                _span(start, end, text, where, path)
            spans[parts[0]] = (label, fragments)
        elif line.startswith("E") and len(parts) >= 2:
            events.append((parts[1], number))
    attributions = []
    for arguments, number in events:
        roles: dict[str, list[Span]] = {}
        for argument in arguments.split():
            role, _, ref = argument.partition(":")
            if ref not in spans:
                raise GoldFormatError(path, f"line {number}: refers to unknown span {ref!r}")
            roles.setdefault(role.rstrip("0123456789"), []).extend(spans[ref][1])
        if "Content" not in roles:
            continue  # a cue without content cannot be scored as a quote
        content = _hull(roles["Content"])
        fragments = tuple(sorted(roles["Content"]))
        attributions.append(
            Attribution(
                content=content,
                source=_hull(roles["Source"]) if "Source" in roles else None,
                cue=_hull(roles["Cue"]) if "Cue" in roles else None,
                direct=quote_marked(text, *content),
                fragments=fragments if len(fragments) > 1 else (),
            )
        )
    return sorted(attributions, key=lambda a: a.content)


def _attribution_dirs(path: Path) -> list[Path]:
    """The directory itself if it holds text/ + attributions/, else its subdirectories that do."""
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return [path]
    found = [
        sub for sub in sorted(path.iterdir())
        if sub.is_dir() and (sub / "text").is_dir() and (sub / "attributions").is_dir()
    ]
    if not found:
        raise GoldFormatError(path, "expected a directory with text/ and attributions/ (or subdirectories with them)")
    return found


def read_attributions(path: Path | str) -> list[AttributionDoc]:
    """brat standoff attributions: text/<doc>.txt and attributions/<doc>_<annotator>.ann.

    An article annotated by several annotators is read from its first annotation
    file in name order, so every article counts once and the choice is stable.
    """
    path = _existing(path)
    if not path.is_dir():
        raise GoldFormatError(path, "expected a directory with text/ and attributions/")
    docs = []
    for folder in _attribution_dirs(path):
        first_file: dict[str, Path] = {}
        for ann in sorted((folder / "attributions").glob("*.ann")):
            doc_id, sep, _annotator = ann.stem.rpartition("_")
            if not sep:
                raise GoldFormatError(ann, "file name must be <article>_<annotator>.ann")
            first_file.setdefault(doc_id, ann)
        for doc_id, ann in first_file.items():
            text_path = folder / "text" / f"{doc_id}.txt"
            if not text_path.is_file():
                raise GoldFormatError(ann, f"no text file {text_path.name} in {folder / 'text'}")
            text = _read_text(text_path)
            annotator = ann.stem.rpartition("_")[2]
            docs.append(AttributionDoc(doc_id, text, annotator, _read_ann(ann, text)))
    return docs


# -- GeoNames-tagged toponym XML ----------------------------------------------------------------


def _parse_xml(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(path, f"not well-formed XML ({exc})") from exc
    except OSError as exc:
        raise GoldFormatError(path, f"cannot read: {exc}") from exc


def _number(element: ET.Element, tag: str, kind: type, where: str, path: Path):
    raw = (element.findtext(tag) or "").strip()
    if not raw:
        return None
    try:
        return kind(raw)
    except ValueError as exc:
        raise GoldFormatError(path, f"{where}: <{tag}> is not a number: {raw!r}") from exc


@lru_cache(maxsize=1)
def _iso3_by_geonameid() -> dict[int, str]:
    from ..resolve.gazetteer import geonames_countries

    return {int(c["geonameid"]): c["iso3"] for c in geonames_countries().values()}


def _lgl_country(gaztag: ET.Element) -> Optional[str]:
    """LGL names the country and gives its GeoNames id; the id gives the ISO code."""
    country = gaztag.find("country")
    if country is None or not country.get("geonameid", "").isdigit():
        return None
    return _iso3_by_geonameid().get(int(country.get("geonameid")))


# GeoWebNews also tags words that are evidence for a reading ("residents") and names
# that only look like places; these types are the place names themselves, literal
# or associative. Demonyms, languages, homonyms and non-toponyms are left out.
GWN_TOPONYM_TYPES = {
    "Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal",
    "Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit",
}


def _toponym(element: ET.Element, schema: str, where: str, path: Path) -> Optional[Toponym]:
    """One gold toponym, or None for GeoWebNews annotations that are not place names."""
    start = _number(element, "start", int, where, path)
    end = _number(element, "end", int, where, path)
    if start is None or end is None:
        raise GoldFormatError(path, f"{where}: toponym without <start>/<end>")
    if schema == "gwn":
        if element.findtext("type") not in GWN_TOPONYM_TYPES:
            return None
        lat = _number(element, "latitude", float, where, path)
        lon = _number(element, "longitude", float, where, path)
        gid = _number(element, "geonamesID", int, where, path)
        return Toponym(start, end, element.findtext("extractedName") or "", lat, lon, None, gid)
    if schema == "lgl":
        gaztag = element.find("gaztag")
        name = element.findtext("phrase") or ""
        if gaztag is None:
            return Toponym(start, end, name)
        gid = gaztag.get("geonameid")
        return Toponym(
            start, end, name,
            _number(gaztag, "lat", float, where, path),
            _number(gaztag, "lon", float, where, path),
            _lgl_country(gaztag),
            int(gid) if gid and gid.isdigit() else None,
        )
    lat = _number(element, "lat", float, where, path)
    lon = _number(element, "lon", float, where, path)
    return Toponym(start, end, element.findtext("name") or "", lat, lon)


REALIGN_WINDOW = 5  # characters a toponym's offsets may be off by and still be trusted


def _realign(toponym: Toponym, text: str) -> bool:
    """Move a toponym onto its name when its offsets are off by a few characters.

    GeoVirus offsets are all one character late; rather than special-casing a
    corpus, any span that does not spell the annotated name is shifted to the
    nearest place within the window where it does. Returns whether it moved.
    """
    name = toponym.name
    if not name or text[toponym.start : toponym.end] == name:
        return False
    for distance in range(1, REALIGN_WINDOW + 1):
        for shift in (-distance, distance):
            start = toponym.start + shift
            if 0 <= start and text[start : start + len(name)] == name:
                toponym.start, toponym.end = start, start + len(name)
                return True
    return False


def _toponym_schema(article: ET.Element) -> str:
    if article.find(".//toponym/extractedName") is not None:
        return "gwn"
    if article.find(".//toponym") is not None:
        return "lgl"
    if article.find(".//location") is not None:
        return "geovirus"
    return "empty"


# where each schema keeps the article's address: LGL <url>, GeoWebNews <link>, GeoVirus <source>
_URL_TAGS = ("url", "link", "source")


def read_toponyms(path: Path | str) -> list[ToponymDoc]:
    """Toponym XML: <article> elements with <text> and <toponym> or <location> children.

    Three schemas are recognised per article: GeoWebNews (extractedName, type,
    latitude/longitude), LGL (phrase + gaztag) and GeoVirus (name, lat/lon).
    """
    path = _existing(path)
    root = _parse_xml(path)
    articles = root.findall("article") if root.tag != "article" else [root]
    if not articles:
        raise GoldFormatError(path, "no <article> elements")
    docs = []
    for index, article in enumerate(articles):
        doc_id = article.get("file") or article.get("docid") or str(index)
        where = f"article {doc_id}"
        text = article.findtext("text")
        if text is None:
            raise GoldFormatError(path, f"{where}: no <text>")
        schema = _toponym_schema(article)
        tag = "location" if schema == "geovirus" else "toponym"
        seen, toponyms, skipped, realigned = set(), [], 0, 0
        for element in article.iter(tag):
            toponym = _toponym(element, schema, where, path)
            if toponym is None or (toponym.start, toponym.end) in seen:
                continue  # one gold toponym per span (GWN sometimes tags a span twice)
            if not 0 <= toponym.start < toponym.end <= len(text):
                skipped += 1  # e.g. negative offsets in GeoWebNews: counted, not scored
                continue
            if _realign(toponym, text):
                realigned += 1
            seen.add((toponym.start, toponym.end))
            toponyms.append(toponym)
        toponyms.sort(key=lambda t: t.start)
        url = next((article.findtext(tag).strip() for tag in _URL_TAGS if article.findtext(tag)), None)
        docs.append(ToponymDoc(f"{path.stem}:{doc_id}", text, toponyms, skipped, realigned, url))
    return docs


# -- TimeML -----------------------------------------------------------------------------------


def _walk_timeml(element: ET.Element, parts: list[str], timexes: list[Timex], length: list[int]) -> None:
    """Append the plain text under `element` to `parts`, recording TIMEX3 offsets."""
    def emit(chunk: Optional[str]) -> None:
        if chunk:
            parts.append(chunk)
            length[0] += len(chunk)

    emit(element.text)
    for child in element:
        start = length[0]
        _walk_timeml(child, parts, timexes, length)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:]
            timexes.append(Timex(start, length[0], text, child.get("type", ""), child.get("value", "")))
        emit(child.tail)


def _read_tml(path: Path) -> TimeDoc:
    root = _parse_xml(path)
    body = root.find("TEXT")
    if body is None:
        raise GoldFormatError(path, "no <TEXT> element")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk_timeml(body, parts, timexes, [0])
    dct_value = root.find("DCT/TIMEX3")
    dct = dct_value.get("value", "")[:10] if dct_value is not None else ""
    return TimeDoc(
        id=(root.findtext("DOCID") or path.stem).strip(),
        text="".join(parts),
        dct=dct if re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct) else None,
        timexes=timexes,
    )


def read_timeml(path: Path | str) -> list[TimeDoc]:
    """A .tml file or a directory of them: TIMEX3 tags inline in <TEXT>, DCT in <DCT>."""
    path = _existing(path)
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    if not files:
        raise GoldFormatError(path, "no .tml files")
    return [_read_tml(f) for f in files]


# -- re3d mongoexport folders -------------------------------------------------------------------


def _entity_folders(path: Path) -> list[Path]:
    if (path / "documents.json").is_file():
        return [path]
    found = [sub for sub in sorted(path.iterdir()) if sub.is_dir() and (sub / "documents.json").is_file()]
    if not found:
        raise GoldFormatError(path, "expected documents.json + entities.json (here or in subdirectories)")
    return found


def _read_entity_folder(folder: Path) -> list[EntityDoc]:
    documents: dict[str, EntityDoc] = {}
    for number, obj in _json_lines(folder / "documents.json"):
        where = f"line {number}"
        doc_id = _field(obj, "_id", str, where, folder / "documents.json")
        text = _field(obj, "text", str, where, folder / "documents.json")
        documents[doc_id] = EntityDoc(doc_id, text, [], folder.name)
    entities_path = folder / "entities.json"
    if not entities_path.is_file():
        raise GoldFormatError(folder, "documents.json without entities.json")
    for number, obj in _json_lines(entities_path):
        where = f"line {number}"
        doc_id = _field(obj, "documentId", str, where, entities_path)
        if doc_id not in documents:
            raise GoldFormatError(entities_path, f"{where}: unknown documentId {doc_id!r}")
        doc = documents[doc_id]
        start = _field(obj, "begin", int, where, entities_path)
        end = _field(obj, "end", int, where, entities_path)
        _span(start, end, doc.text, where, entities_path)
        label = _field(obj, "type", str, where, entities_path)
        doc.entities.append(GoldEntity(start, end, label, doc.text[start:end]))
    for doc in documents.values():
        doc.entities.sort(key=lambda e: (e.start, e.end))
    return list(documents.values())


def read_entities(path: Path | str) -> list[EntityDoc]:
    """re3d-style folders: documents.json and entities.json, one JSON object per line."""
    path = _existing(path)
    if not path.is_dir():
        raise GoldFormatError(path, "expected a directory with documents.json and entities.json")
    return [doc for folder in _entity_folders(path) for doc in _read_entity_folder(folder)]


# -- actor strings ------------------------------------------------------------------------------


def _optional_str(obj: dict, key: str, where: str, path: Path) -> Optional[str]:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldFormatError(path, f"{where}: field {key!r} must be a string or null")
    return value


def read_actor_cases(path: Path | str) -> list[ActorCase]:
    """JSON Lines of {"text", "country", "sector"} with optional "id", "date", "context"."""
    path = _existing(path)
    cases = []
    for number, obj in _json_lines(path):
        where = f"line {number}"
        cases.append(
            ActorCase(
                id=str(obj.get("id", number)),
                text=_field(obj, "text", str, where, path),
                country=_optional_str(obj, "country", where, path),
                sector=_optional_str(obj, "sector", where, path),
                date=_optional_str(obj, "date", where, path),
                context=_optional_str(obj, "context", where, path),
            )
        )
    return cases


# -- event locations ----------------------------------------------------------------------------


def _token_span(tokens: list, span: dict, where: str, path: Path) -> Span:
    """Character span from the inclusive token_start/token_end (the char offsets lie)."""
    first, last = span.get("token_start"), span.get("token_end")
    if not isinstance(first, int) or not isinstance(last, int) or not 0 <= first <= last < len(tokens):
        raise GoldFormatError(path, f"{where}: span token_start/token_end outside the tokens")
    try:
        return int(tokens[first]["start"]), int(tokens[last]["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(path, f"{where}: tokens need integer 'start' and 'end'") from exc


def read_event_locations(path: Path | str) -> list[LocationRecord]:
    """Prodigy-style JSON Lines: text, tokens, one VERB span and any LOCATION spans.

    Records without a VERB span have no event to locate and are skipped.
    """
    path = _existing(path)
    records = []
    for number, obj in _json_lines(path):
        where = f"line {number}"
        text = _field(obj, "text", str, where, path)
        tokens = obj.get("tokens") or []
        spans = obj.get("spans") or []
        if not isinstance(tokens, list) or not isinstance(spans, list):
            raise GoldFormatError(path, f"{where}: 'tokens' and 'spans' must be lists")
        verbs = [_token_span(tokens, s, where, path) for s in spans if s.get("label") == "VERB"]
        if not verbs:
            continue
        locations = [_token_span(tokens, s, where, path) for s in spans if s.get("label") == "LOCATION"]
        for start, end in verbs + locations:
            _span(start, end, text, where, path)
        record_id = str(obj.get("_id") or obj.get("doc_id") or number).strip()
        records.append(LocationRecord(record_id, text, verbs[0], locations))
    return records
