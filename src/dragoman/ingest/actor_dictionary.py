"""Read users' known actors: YAML, CSV, or a CAMEO/PETRARCH actor dictionary.

`read_actor_file(path)` picks the format by suffix (.yaml/.yml, .csv, anything else is
read as a CAMEO dictionary) and returns an `ActorBook`. Every problem raises
`ActorFileError` naming file:line and what is wrong; nothing is skipped silently.

YAML: a list of actors::

    - name: Antony Blinken
      aliases: [Tony Blinken]
      country: USA            # the actor's own country
      kind: person            # person | organization | group
      surname: Blinken        # optional: the name matched alone, when not the last word
      roles:                  # each: role | SECTOR | from..until (either end may be empty)
        - Secretary of State | GOV | 2021-01-26..2025-01-20
        - {role: Deputy Secretary of State, sector: GOV, from: 2015-01-09, until: 2017-01-20}
    - {name: Hamas, country: PSE, sector: REB, kind: organization}

CSV (header required; one row per role, rows with the same name are one actor)::

    name,aliases,country,sector,kind,role,from,until
    Antony Blinken,Tony Blinken,USA,GOV,person,Secretary of State,2021-01-26,2025-01-20

CAMEO/PETRARCH actor dictionary: an entry line holds the name, words joined by "_"
("HOSNI_MUBARAK_"); "+" lines under it are aliases; "[CODE]" or "[CODE dates]" gives
its code, alone on a line or after the name. Dates restrict a code in time:
">YYMMDD" from that day on, "<YYMMDD" before it, "YYMMDD-YYMMDD" between (8-digit
YYYYMMDD also accepted; two-digit years below 50 are 20xx). "#" starts a comment.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

import yaml

from ..resolve.countries import INTERGOVERNMENTAL, NON_STATE
from ..resolve.registry import ActorBook, KnownActor, Role, iso_day

_KINDS = frozenset({"person", "organization", "group", "country"})
_CSV_COLUMNS = ("name", "aliases", "country", "sector", "kind", "role", "from", "until")
# the PLOVER manual's non-state country codes as dragoman writes them (the UN and EU: IGO)
_NON_STATE_COUNTRIES = NON_STATE - INTERGOVERNMENTAL | {"IGO"}


class ActorFileError(ValueError):
    """A malformed actor file: the message starts with file:line."""

    def __init__(self, where: str, line: int, message: str) -> None:
        super().__init__(f"{where}:{line}: {message}")
        self.where, self.line = where, line


def read_actor_file(path: Union[str, Path]) -> ActorBook:
    """Known actors from a user's file, by suffix: .yaml/.yml, .csv, else CAMEO dictionary."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorFileError(str(path), 0, f"cannot read: {exc}") from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return ActorBook(read_yaml_text(text, str(path)))
    if suffix == ".csv":
        return ActorBook(read_csv_text(text, str(path)))
    return ActorBook(read_cameo_text(text, str(path)))


# -- codes -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _code_tables() -> dict:
    text = (resources.files("dragoman") / "data" / "cameo_codes.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _sector(code: Optional[str], where: str, line: int) -> Optional[str]:
    """A PLOVER sector code as written in YAML/CSV (upper case), checked."""
    if not code:
        return None
    code = code.strip().upper()
    if code not in _code_tables()["plover"] and code not in ("IGO", "UNO", "EUR"):
        raise ActorFileError(where, line, f"unknown sector {code!r} (PLOVER sector codes: GOV, MIL, REB, ...)")
    return code


def _country(code: Optional[str], where: str, line: int) -> Optional[str]:
    if not code:
        return None
    code = code.strip().upper()
    code = _code_tables()["countries"].get(code, code)
    if code not in _iso_codes() and code not in _NON_STATE_COUNTRIES:
        raise ActorFileError(where, line, f"unknown country code {code!r} (ISO 3166 alpha-3, IGO, NGO, IMG, ISM or MNC)")
    return code


def split_cameo_code(code: str, where: str, line: int) -> tuple[Optional[str], Optional[str]]:
    """"EGYGOV" -> ("EGY", "GOV"); "IGOUNO" -> ("IGO", "UNO"); "NGOHRI" -> ("NGO", "NGO");
    "NGO" -> ("NGO", "NGO"); "IMGMUSALQ" -> ("IMG", None): a non-state first element is
    the country, as in PLOVER."""
    if not re.fullmatch(r"(?:[A-Z0-9]{3})+", code):
        raise ActorFileError(where, line, f"malformed CAMEO code {code!r}: expected 3-letter elements like EGYGOV")
    tables = _code_tables()
    elements = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = tables["countries"].get(elements[0], elements[0])
    if country in _iso_codes() or country in _NON_STATE_COUNTRIES:
        elements = elements[1:]
    else:
        country = None
    sector = None
    for element in elements:
        if element in tables["sectors"]:
            sector = tables["sectors"][element]
        elif element in tables["plover"]:
            sector = element
        else:
            continue
        if sector:
            break
    if sector is None and country in _NON_STATE_COUNTRIES:  # "NGO" alone: a body of that sector too
        sector = tables["sectors"].get(country, country if country in tables["plover"] else None)
    return country, sector


# -- YAML --------------------------------------------------------------------------------

def read_yaml_text(text: str, where: str) -> list[KnownActor]:
    """Actors from YAML text (a list of mappings); errors name where:line."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ActorFileError(where, mark.line + 1 if mark else 0, f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise ActorFileError(where, root.start_mark.line + 1, "expected a list of actors")
    actors = []
    for node in root.value:
        line = node.start_mark.line + 1
        value = yaml.SafeLoader("").construct_object(node, deep=True)
        if not isinstance(value, dict):
            raise ActorFileError(where, line, "expected an actor mapping with at least 'name'")
        actors.append(_actor_from_mapping(value, where, line))
    return actors


def _actor_from_mapping(value: dict[str, Any], where: str, line: int) -> KnownActor:
    unknown = set(value) - {"name", "aliases", "country", "sector", "kind", "roles", "surname"}
    if unknown:
        raise ActorFileError(where, line, f"unknown field(s) {sorted(unknown)}")
    name = str(value.get("name") or "").strip()
    if not name:
        raise ActorFileError(where, line, "actor without a name")
    aliases = value.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    kind = value.get("kind")
    if kind is not None and kind not in _KINDS:
        raise ActorFileError(where, line, f"kind must be one of {sorted(_KINDS)}, not {kind!r}")
    country = _country(value.get("country"), where, line)
    source = f"{Path(where).name}:{line}"
    roles = [_role(item, country, where, line, source) for item in value.get("roles") or []]
    surname = value.get("surname")
    return KnownActor(name, tuple(str(a).strip() for a in aliases if str(a).strip()), country,
                      _sector(value.get("sector"), where, line), kind, roles, source,
                      None if surname is None else str(surname))


def _role(item: Any, country: Optional[str], where: str, line: int, source: str) -> Role:
    """A role from "Role | SECTOR | from..until" or {role, sector, country, from, until}."""
    if isinstance(item, str):
        parts = [p.strip() for p in item.split("|")]
        if len(parts) != 3 or ".." not in parts[2]:
            raise ActorFileError(where, line, f"role {item!r}: expected 'Role | SECTOR | from..until'")
        start, end = parts[2].split("..", 1)
        item = {"role": parts[0], "sector": parts[1], "from": start, "until": end}
    if not isinstance(item, dict):
        raise ActorFileError(where, line, f"role {item!r}: expected a string or a mapping")
    start, end = _day(item.get("from"), where, line), _day(item.get("until"), where, line)
    if start and end and end <= start:
        raise ActorFileError(where, line, f"role {item.get('role')!r} ends ({end}) before it starts ({start})")
    return Role(str(item.get("role") or "").strip() or None,
                _country(item.get("country"), where, line) or country,
                _sector(item.get("sector"), where, line), start, end, False, source)


def _day(value: Union[str, date, None], where: str, line: int) -> Optional[str]:
    if value in (None, ""):
        return None
    day = iso_day(value if isinstance(value, date) else str(value))
    if day is None:
        raise ActorFileError(where, line, f"unreadable date {value!r}: expected YYYY-MM-DD")
    return day


# -- CSV ---------------------------------------------------------------------------------

def read_csv_text(text: str, where: str) -> list[KnownActor]:
    """Actors from CSV text with a header row (see the module docstring)."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        raise ActorFileError(where, 1, f"header must include 'name' (columns: {', '.join(_CSV_COLUMNS)})")
    unknown = set(header) - set(_CSV_COLUMNS)
    if unknown:
        raise ActorFileError(where, 1, f"unknown column(s) {sorted(unknown)}")
    reader.fieldnames = header
    book = ActorBook()
    for row in reader:
        line = reader.line_num
        cells = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        if None in row:
            raise ActorFileError(where, line, "more cells than header columns")
        mapping: dict[str, Any] = {
            "name": cells.get("name"),
            "aliases": [a for a in cells.get("aliases", "").split("|") if a.strip()],
            "country": cells.get("country") or None,
            "sector": None if cells.get("role") else cells.get("sector") or None,
            "kind": cells.get("kind") or None,
        }
        if cells.get("role") or cells.get("from") or cells.get("until"):
            mapping["roles"] = [{"role": cells.get("role"), "sector": cells.get("sector") or None,
                                 "from": cells.get("from"), "until": cells.get("until")}]
        book.add(_actor_from_mapping(mapping, where, line))
    return book.actors


# -- CAMEO / PETRARCH actor dictionaries ----------------------------------------------

_BRACKET = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?:>(\d{6}|\d{8})|<(\d{6}|\d{8})|(\d{6}|\d{8})-(\d{6}|\d{8}))$")


def read_cameo_text(text: str, where: str) -> list[KnownActor]:
    """Actors from a CAMEO/PETRARCH actor dictionary (see the module docstring)."""
    actors: list[KnownActor] = []
    current: Optional[KnownActor] = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            if current is None:
                raise ActorFileError(where, number, "alias line '+...' before any actor entry")
            alias, codes = _name_and_codes(line[1:], where, number)
            current.aliases += (alias,)
            _add_codes(current, codes, where, number)
            continue
        if line.startswith("["):
            if current is None:
                raise ActorFileError(where, number, "code line '[...]' before any actor entry")
            _add_codes(current, _codes(line, where, number), where, number)
            continue
        name, codes = _name_and_codes(line, where, number)
        current = KnownActor(name, source=f"{Path(where).name}:{number}")
        actors.append(current)
        _add_codes(current, codes, where, number)
    for actor in actors:
        if not actor.roles and actor.country is None and actor.sector is None:
            raise ActorFileError(where, int(actor.source.rsplit(":", 1)[1]), f"actor {actor.name!r} has no [CODE]")
    return actors


def _name_and_codes(line: str, where: str, number: int) -> tuple[str, list[str]]:
    """"HOSNI_MUBARAK_ [EGYGOV]" -> ("Hosni Mubarak", ["EGYGOV"])."""
    bracket = line.find("[")
    words = (line if bracket < 0 else line[:bracket]).replace("_", " ").split()
    if not words:
        raise ActorFileError(where, number, f"entry without a name: {line!r}")
    if any(not re.fullmatch(r"[\w.'&\-/]+", w) for w in words):
        raise ActorFileError(where, number, f"unexpected characters in name {line!r}")
    codes = _codes(line[bracket:], where, number) if bracket >= 0 else []
    return " ".join(w if any(c.islower() for c in w) else w.title() for w in words), codes


def _codes(text: str, where: str, number: int) -> list[str]:
    found = _BRACKET.findall(text)
    rest = _BRACKET.sub("", text).strip()
    if rest or not found or text.count("[") != len(found):
        raise ActorFileError(where, number, f"malformed code {text!r}: expected [CODE] or [CODE >YYMMDD]")
    return found


def _add_codes(actor: KnownActor, codes: list[str], where: str, number: int) -> None:
    for body in codes:
        parts = body.split()
        if not parts or len(parts) > 2:
            raise ActorFileError(where, number, f"malformed code [{body}]: expected [CODE] or [CODE dates]")
        country, sector = split_cameo_code(parts[0], where, number)
        if len(parts) == 1:
            actor.country = actor.country or country
            actor.sector = actor.sector or sector
            continue
        start, end = _restriction(parts[1], where, number)
        actor.roles.append(Role(None, country, sector, start, end, False, f"{Path(where).name}:{number}"))
        actor.country = actor.country or country


def _restriction(text: str, where: str, number: int) -> tuple[Optional[str], Optional[str]]:
    """">140608" -> ("2014-06-08", None); "<990101" -> (None, "1999-01-01")."""
    match = _RESTRICTION.match(text)
    if not match:
        raise ActorFileError(where, number, f"malformed date restriction {text!r}: expected >YYMMDD, <YYMMDD "
                                            "or YYMMDD-YYMMDD")
    after, before, first, last = match.groups()
    start = _cameo_day(after or first, where, number)
    end = _cameo_day(before or last, where, number)
    return start, end


def _cameo_day(digits: Optional[str], where: str, number: int) -> Optional[str]:
    if digits is None:
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year < 50 else 1900 + year}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError as exc:
        raise ActorFileError(where, number, f"impossible date {digits!r}") from exc
