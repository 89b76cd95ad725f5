"""Country names, aliases, demonyms and capitals -> ISO 3166 alpha-3 (or "IGO").

An actor's country field also takes the PLOVER manual's codes for international
non-state actors (`NON_STATE`): IGO for intergovernmental bodies (dragoman writes the
UN and the EU as IGO with sector UNO or EUR), NGO, IMG (a transnational militarized
group), ISM and MNC. They name no country: `is_state` tells the two apart.

Every component that meets a country in text (actors, places, events) asks here, so
that "the U.S.", "America", "Americans" and "Washington" all end up as USA.
Names come from pycountry (official and common names) and GeoNames' country table
(its English names and capitals, see `gazetteer.geonames_countries`); data/countries.tsv
adds aliases, demonyms and capitals the two lack and blocks texts that name more than
one country ("Congo"); the IGO rows of data/institutions.tsv make intergovernmental
bodies answer "IGO".
Tables are built once at import (about 0.1 s).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

import pycountry
from unidecode import unidecode

from .gazetteer import geonames_countries

AMBIGUOUS = "-"  # code of a text that names no single country
# the PLOVER manual's international non-state actors, written in the country field
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
INTERGOVERNMENTAL = frozenset({"IGO", "UNO", "EUR"})
_KOSOVO = "XKX"  # user-assigned code in common use (EU, IMF); not in ISO 3166
_NAME_OVERRIDES = {_KOSOVO: "Kosovo", "PSE": "Palestine", "TWN": "Taiwan"}

_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def normalize(text: str) -> str:
    """Lookup key: ASCII, lower case, no dots, no leading "the", no possessive.

    "the U.S.'s" -> "us", "Côte d’Ivoire" -> "cote d'ivoire".
    """
    text = unidecode(text).replace("\u2019", "'").replace(".", "")
    text = _SPACES.sub(" ", text).strip().lower()
    text = _POSSESSIVE.sub("", text)
    if text.startswith("the "):
        text = text[4:]
    return text


def is_acronym(text: str) -> bool:
    """Upper-case abbreviations ("US", "U.N.", "DRC") that must not match lower-case words."""
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in text.strip()


@dataclass(frozen=True)
class NameEntry:
    """One lookup key: the code it names and whether it must be written in capitals."""

    code: str
    acronym: bool
    kind: str  # name | alias | demonym | capital | pre | igo


def demonym_plurals(word: str) -> list[str]:
    """"Israeli" -> ["Israelis"], "Frenchman" -> ["Frenchmen"], "German" -> ["Germans"], "Chinese" -> []."""
    if word.endswith(("hman", "sman")):  # Frenchman, Dutchman, Scotsman; not German, Omani
        return [word[:-3] + "men"]
    if word.endswith(("ese", "sh", "ch", "ss", "z", "x")):
        return []
    return [word + "s"]


class _Tables:
    """Lookup tables built once: names (countries, aliases, demonyms, IGOs) and capitals."""

    def __init__(self) -> None:
        self.names: dict[str, NameEntry] = {}
        self.capitals: dict[str, NameEntry] = {}
        self.country_names: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        self._load_standard_names()
        self._load_former_names()
        self._load_overrides()
        self._load_igos()

    def _add(self, table: dict[str, NameEntry], text: str, code: str, kind: str, *, strong: bool) -> None:
        """Add a key; a weak (generated) key naming two codes is dropped as ambiguous."""
        key = normalize(text)
        if not key:
            return
        entry = NameEntry(code, is_acronym(text), kind)
        if strong:
            table[key] = entry
            return
        if key in self._ambiguous:
            return
        old = table.get(key)
        if old is not None and old.code != code:
            del table[key]
            self._ambiguous.add(key)
            return
        table.setdefault(key, entry)

    def _load_standard_names(self) -> None:
        geonames = geonames_countries().values()
        short_names = {row["iso3"]: row["name"].removeprefix("The ") for row in geonames}
        for country in pycountry.countries:
            code = country.alpha_3
            common = getattr(country, "common_name", None)
            self.country_names[code] = (
                _NAME_OVERRIDES.get(code) or common or short_names.get(code) or country.name
            )
            for name in (country.name, common, getattr(country, "official_name", None)):
                for variant in _name_variants(name):
                    self._add(self.names, variant, code, "name", strong=False)
        self.country_names[_KOSOVO] = _NAME_OVERRIDES[_KOSOVO]
        for row in geonames:
            code = row["iso3"]
            if code not in self.country_names:
                continue
            for variant in _name_variants(row["name"]):
                self._add(self.names, variant, code, "name", strong=False)
            if row["capital"].strip():
                self._add(self.capitals, row["capital"].strip(), code, "capital", strong=False)

    def _load_former_names(self) -> None:
        """ISO 3166-3's withdrawn country names with one successor ("Dahomey" -> BEN): the
        last two letters of the withdrawn code are the successor's alpha-2 ("DYBJ"); "HH"
        (split states such as Czechoslovakia) names none."""
        for former in pycountry.historic_countries:
            successor = pycountry.countries.get(alpha_2=former.alpha_4[2:])
            if successor is None:
                continue
            for variant in _name_variants(former.name):
                self._add(self.names, variant, successor.alpha_3, "alias", strong=False)

    def _load_overrides(self) -> None:
        for code, kind, text in _read_tsv("countries.tsv", 3):
            if kind == "not-capital":
                self.capitals.pop(normalize(text), None)
            elif kind == "capital":
                self._add(self.capitals, text, code, "capital", strong=True)
            elif kind == "demonym":
                for form in [text, *demonym_plurals(text)]:
                    self._add(self.names, form, code, "demonym", strong=True)
            elif kind in ("alias", "pre"):
                self._add(self.names, text, code, kind, strong=True)
            else:
                raise ValueError(f"countries.tsv: unknown type {kind!r}")

    def _load_igos(self) -> None:
        for country, _sector, names in _read_tsv("institutions.tsv", 3):
            if country != "IGO":
                continue
            for name in names.split("|"):
                self._add(self.names, name, "IGO", "igo", strong=True)


def _name_variants(name: str | None) -> list[str]:
    """pycountry style "Korea, Republic of" -> "Republic of Korea" and "Korea";
    "Falkland Islands (Malvinas)" -> "Falkland Islands" and "Malvinas"; the short forms
    news uses: "Saint Lucia" -> "St Lucia", "Trinidad and Tobago" -> "Trinidad",
    "Bosnia and Herzegovina" -> "Bosnia-Herzegovina"."""
    if not name:
        return []
    variants = [name]
    bracket = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if bracket:
        variants = [bracket.group(1), bracket.group(2)]
    result = []
    for variant in variants:
        result.append(variant)
        if ", " in variant:
            head, tail = variant.split(", ", 1)
            result += [f"{tail} {head}", head]
    for variant in list(result):
        first, joined, second = variant.partition(" and ")
        if joined and " " not in second.removeprefix("the ") and len(first) > 3:
            result += [first, f"{first}-{second}"]  # weak: a part another country owns is dropped
    return result + [f"{saint} {v[6:]}" for v in result if v.startswith("Saint ") for saint in ("St", "St.")]


def _read_tsv(filename: str, columns: int) -> list[list[str]]:
    """Rows of a commented TSV in dragoman/data (lines starting with # are comments)."""
    path = resources.files("dragoman") / "data" / filename
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or not "".join(row).strip():
                continue
            if len(row) < columns:
                raise ValueError(f"{filename}: expected {columns} columns in {row!r}")
            rows.append([cell.strip() for cell in row[:columns]])
    return rows


_TABLES = _Tables()


def lookup(text: str, *, capitals: bool = False) -> NameEntry | None:
    """The entry a text names, honouring acronym case; ambiguous texts give None."""
    if not text:
        return None
    key = normalize(text)
    entry = _TABLES.names.get(key)
    if entry is None and capitals:
        entry = _TABLES.capitals.get(key)
    if entry is None or entry.code == AMBIGUOUS:
        return None
    if entry.acronym and not is_acronym(_bare(text)):
        return None
    return entry


def _bare(text: str) -> str:
    """The text without leading "the" and possessive, case kept: "the U.S.'s" -> "U.S."."""
    text = _POSSESSIVE.sub("", text.strip().replace("\u2019", "'"))
    return text[4:] if text[:4].lower() == "the " else text


def is_state(code: str | None) -> bool:
    """Whether a country-field code names a state or territory ("ISR"), not nothing
    nor a non-state international actor ("IGO", "IMG"): only a state is a scene."""
    return bool(code) and code not in NON_STATE


def country_code(text: str, *, capitals: bool = False) -> str | None:
    """ISO alpha-3 (or "IGO") for a country name, alias, demonym or IGO name.

    With capitals=True a seat of government also counts ("Moscow" -> RUS), as in
    "Moscow rejected the offer". Unknown or ambiguous text ("Congo") gives None.
    """
    entry = lookup(text, capitals=capitals)
    return entry.code if entry else None


def country_name(code: str | None) -> str | None:
    """Short English name for a code: "USA" -> "United States", "IGO" -> None."""
    if not code:
        return None
    return _TABLES.country_names.get(code.upper())


def tables() -> _Tables:
    """The shared lookup tables (for actor coding, which matches names inside phrases)."""
    return _TABLES
