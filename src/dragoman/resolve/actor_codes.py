"""Code an actor phrase: country + PLOVER sector + role, from the words of the phrase.

"Israeli Prime Minister Benjamin Netanyahu" -> ISR, GOV, "Prime Minister", person.
The phrase is matched, longest entry first, against named institutions
(data/institutions.tsv and the national tables data/actors_*.tsv: state bodies,
parties, armed groups, universities, military platforms), country names/demonyms/
capitals (dragoman.resolve.countries) and role nouns (data/actor_roles.yaml). The head noun
decides the sector; a generic head ("director", "official") borrows it from its
nearest modifier ("CIA director"); the country comes from a demonym, a country
name, a possessive or a locating prepositional phrase, never from a posting
("ambassador to the UN"), and failing those from a capitalised modifier that a
known-actor source knows ("Museveni government") or that surely names one place
in the offline gazetteer ("Shanghai authorities"). A person named after a title is
only looked up among known actors: what no source knows stays None. Pure
dictionary lookups, no spaCy: it runs for every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from datetime import date
from typing import Optional, Union

import yaml
from unidecode import unidecode

from . import countries
from . import gazetteer
from . import registry as known
from .registry import STATE_SECTORS, ActorSource

# sectors that override a GOV head when an institution modifies it ("Hamas official")
_NON_STATE_SECTORS = frozenset({"REB", "PTY", "OPP", "NGO", "UNO", "EUR", "IGO", "CRM", "UAF", "PRM"})
_STATE_MEDIA_SECTORS = frozenset({"JRN", "BUS"})
_IGO_FAMILIES = frozenset({"UNO", "EUR", "IGO"})  # sectors naming an intergovernmental body's family
_NO_COUNTRY = "-"
_CAPITALISED = "capitalised"  # an entry that applies only to a capitalised word ("Labour")

# A place name modifying an actor ("Shanghai authorities", "police in Kano") gives its
# country only when it surely names a place: a state/province or region, or a city this
# big (GeoNames population), no place in another country scoring within the margin.
# Cities share names with people ("Jackson", "Richardson"), hence the high bar; a city
# known by a former name ("Madras" for Chennai) must be bigger still.
_PLACE_MIN_POPULATION = 300_000
_PLACE_MIN_POPULATION_FORMER_NAME = 1_000_000
_PLACE_MARGIN = 1.5
_PLACE_REGIONS = frozenset({"admin1", "region"})

_TOKEN = re.compile(r"(?i:ex)(?=-[^\W_])|[^\W_]+(?:[.'\-&][^\W_]+)*\.?|'s\b|[,;()]")
_POSSESSIVE = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class ActorCode:
    """What an actor phrase says about who the actor is; None where it does not say."""

    country: Optional[str] = None  # ISO 3166 alpha-3, or IGO
    sector: Optional[str] = None  # PLOVER sector: GOV, MIL, REB, ...
    role: Optional[str] = None  # the title or role words as written: "Prime Minister"
    name: Optional[str] = None  # person's name, country or organisation name
    kind: Optional[str] = None  # person | organization | country | group
    rule: Optional[str] = None  # what decided: "demonym:Israeli+title:prime minister"


@dataclass(frozen=True)
class _Lex:
    """One lexicon entry a token sequence can match."""

    type: str  # institution|country|demonym|capital|pre|head|generic|modifier|former|honorific|skip|prep
    sector: Optional[str] = None
    country: Optional[str] = None
    kind: Optional[str] = None
    with_country: Optional[str] = None  # generic heads: sector when a country is named
    acronym: bool = False
    detail: str = ""  # prep class, or "plural"
    candidates: tuple[str, ...] = ()  # institutions: the countries one shared name may belong to
    general: bool = False  # from the general word lists (role_nouns.yaml): an occupation, not a sector's own role


@dataclass
class _Piece:
    """A run of tokens matched to one entry (lex None: an unknown word)."""

    start: int  # char offsets in the phrase
    end: int
    key: str
    lex: Optional[_Lex]
    capitalized: bool
    possessive: bool = False

    @property
    def type(self) -> str:
        if self.lex is not None and self.lex.type != "blocked":
            return self.lex.type
        return "name" if self.capitalized else "word"


# --- lexicon --------------------------------------------------------------------------

def _token_norm(token: str) -> str:
    return unidecode(token).replace(".", "").lower()


def _key(text: str) -> str:
    """Lookup key of a lexicon text, built the way phrase tokens are: "Lt. Gen." -> "lt gen"."""
    return " ".join(_token_norm(t) for t in _TOKEN.findall(text.replace("\u2019", "'")))


def regular_plural(word: str) -> str:
    """Regular English plural of a role noun; in "X of Y" the X is pluralised."""
    if " of " in word:
        head, tail = word.split(" of ", 1)
        return f"{regular_plural(head)} of {tail}"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _forms(entry: str) -> tuple[str, Optional[str]]:
    """'thief/thieves' -> ('thief', 'thieves'); 'soldier' -> ('soldier', 'soldiers');
    abbreviations ('Gen.') have no plural."""
    if "/" in entry:
        singular, plural = entry.split("/", 1)
        return singular.strip(), plural.strip()
    if entry.endswith(".") or entry.isupper() and len(entry) > 3:
        return entry, None
    return entry, regular_plural(entry)


class _Lexicon:
    """All entries by key, in priority order; built once at import."""

    _PRIORITY = ("blocked", "institution", "pre", "country", "demonym", "head", "generic", "capital",
                 "former", "honorific", "prep", "modifier", "skip")

    def __init__(self) -> None:
        self.entries: dict[str, list[_Lex]] = {}
        text = (resources.files("dragoman") / "data" / "actor_roles.yaml").read_text("utf-8")
        roles = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.state_owned = frozenset(_key(w) for w in roles["state_owned"])
        self.act_nouns = frozenset(_key(w) for w in roles["act_nouns"])
        self.institution_words = frozenset(_key(w) for w in roles["institution_words"])
        self.surname_honorifics = frozenset(_key(w) for w in roles["surname_honorifics"])
        self.member_bodies = frozenset(_key(w) for w in roles["member_bodies"])
        self.postpositive = frozenset(_key(w) for w in roles["postpositive"])
        self.national_titles = {
            _key(title): country for country, titles in roles["national_titles"].items() for title in titles
        }
        self._load_roles(roles)
        self._load_institutions()
        self._load_countries()
        self._load_role_nouns()
        for key in self.entries:
            self.entries[key].sort(key=lambda lex: (self._PRIORITY.index(lex.type), lex.detail != _CAPITALISED))
        self.max_len: dict[str, int] = {}  # first token -> most tokens of an entry starting with it
        for key in self.entries:
            first, *rest = key.split(" ")
            self.max_len[first] = max(self.max_len.get(first, 1), len(rest) + 1)
        self.skeletons = self._skeletons()
        self.skeleton_max_len: dict[str, int] = {}
        for key in self.skeletons:
            first, *rest = key.split(" ")
            self.skeleton_max_len[first] = max(self.skeleton_max_len.get(first, 1), len(rest) + 1)

    def _skeletons(self) -> dict[str, _Lex]:
        """Armed groups by their consonant skeleton, for transliterations no table lists
        ("Hizbullah", "Kataeb Hezbollah"); a skeleton two bodies share, or too short to tell
        ("Hamas" and "Homs"), is left out. Only armed groups, whose names mostly come from
        Arabic, Persian, Pashto...: English names ("Storting", "White House") have
        namesakes among ordinary words ("starting", "What His")."""
        found: dict[str, set[_Lex]] = {}
        for key in self.transliterated:
            lex = next((e for e in self.entries.get(key, ()) if e.type == "institution" and not e.acronym), None)
            skeleton = _skeleton(key)
            if lex is not None and sum(c.isalpha() for c in skeleton) >= _MIN_SKELETON:
                found.setdefault(skeleton, set()).add(lex)
        return {skeleton: lexes.pop() for skeleton, lexes in found.items() if len(lexes) == 1}

    def add(self, text: str, lex: _Lex) -> None:
        key = _key(text)
        if key and lex not in self.entries.setdefault(key, []):
            self.entries[key].append(lex)

    def _load_roles(self, roles: dict) -> None:
        for sector, lists in roles["sectors"].items():
            for section, kind in (("people", "person"), ("groups", "group"), ("bodies", "organization"),
                                  ("places", None)):
                for entry in lists.get(section) or []:
                    singular, plural = _forms(entry)
                    self.add(singular, _Lex("head", sector, kind=kind))
                    if plural:
                        self.add(plural, _Lex("head", sector, kind=kind and "group", detail="plural"))
            for word in lists.get("modifiers") or []:
                self.add(word, _Lex("modifier", sector))
        for entry, spec in roles["generic"].items():
            singular, plural = _forms(entry)
            kind = spec.get("kind")
            self.add(singular, _Lex("generic", spec.get("default"), kind=kind, with_country=spec.get("with_country")))
            if plural and kind != "group":
                self.add(plural, _Lex("generic", spec.get("default"), kind="group",
                                      with_country=spec.get("with_country"), detail="plural"))
        for word in roles["party_words"]:
            self.add(word, _Lex("modifier", "PTY", detail=_CAPITALISED))
        for word in roles["pronouns"]:
            self.add(word, _Lex("head", "UNK", detail="pronoun"))
        for word in roles["former"]:
            self.add(word, _Lex("former"))
        for word in roles["honorifics"]:
            self.add(word, _Lex("honorific", kind="person"))
        for word in roles["skip"]:
            self.add(word, _Lex("skip"))
        for detail, words in roles["prepositions"].items():
            for word in words:
                self.add(word, _Lex("prep", detail=detail))

    def _load_institutions(self) -> None:
        """Rows of institutions.tsv and the actors_*.tsv tables; a name that tables give to
        several countries ("PRD" in Mexico, Panama and the Dominican Republic) keeps them
        all as candidates and names no country by itself."""
        rows: dict[tuple[str, bool], list[tuple[str, str, str]]] = {}
        self.transliterated: set[str] = set()  # keys of names spelled many ways from another script
        for filename in _institution_files():
            for country, sector, names in countries._read_tsv(filename, 3):
                for name in dict.fromkeys(v for written in names.split("|") for v in _article_variants(written)):
                    rows.setdefault((_key(name), countries.is_acronym(name)), []).append((name, country, sector))
                    if sector in _ARMED_GROUP_SECTORS:
                        self.transliterated.add(_key(name))
        for (_, acronym), entries in rows.items():
            name = entries[0][0]
            owners = tuple(dict.fromkeys(country for _, country, _ in entries))
            sectors = {sector for _, _, sector in entries}
            if len(owners) == 1:
                country = None if owners[0] == _NO_COUNTRY else owners[0]
                self.add(name, _Lex("institution", entries[0][2], country=country, kind="organization",
                                    acronym=acronym))
            else:
                self.add(name, _Lex("institution", sectors.pop() if len(sectors) == 1 else None,
                                    kind="organization", acronym=acronym,
                                    candidates=tuple(c for c in owners if c != _NO_COUNTRY)))

    def _load_countries(self) -> None:
        tables = countries.tables()
        for key, entry in tables.names.items():
            if entry.kind == "igo":
                continue  # institutions.tsv has them with their sector
            kind = {"name": "country", "alias": "country"}.get(entry.kind, entry.kind)
            if entry.code == countries.AMBIGUOUS:
                kind = "blocked"  # "Congo", "New Mexico": a name, but no country
            plural = "plural" if entry.kind == "demonym" and key.endswith("s") else ""
            self.entries.setdefault(key, []).append(
                _Lex(kind, "PRE" if kind == "pre" else None, country=entry.code, acronym=entry.acronym, detail=plural))
        for key, entry in tables.capitals.items():
            self.entries.setdefault(key, []).append(_Lex("capital", country=entry.code))


    def _load_role_nouns(self) -> None:
        """data/role_nouns.yaml (general English, from WordNet): only words no other table
        has, so a hand-written entry always wins."""
        text = (resources.files("dragoman") / "data" / "role_nouns.yaml").read_text("utf-8")
        words = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["words"]
        known = set(self.entries)
        for sector, sections in words.items():
            for section, kind in (("people", "person"), ("groups", "organization")):
                for entry in sections.get(section) or []:
                    singular, plural = _forms(entry)
                    if _key(singular) not in known:
                        self.add(singular, _Lex("head", sector, kind=kind, general=True))
                    # WordNet's irregular plural and the regular one: "commandoes", "commandos"
                    for form in dict.fromkeys(f for f in (plural, regular_plural(singular)) if f):
                        if _key(form) not in known:
                            self.add(form, _Lex("head", sector, kind="group", detail="plural", general=True))


_ARTICLE_AL = re.compile(r"\b[AaEe]l[- ](?=[^\W\d_])")
_MIN_BARE_NAME = 7  # letters a name must keep without its article ("Shabaab"; not "Azhar", a given name too)


def _article_variants(name: str) -> list[str]:
    """A name with the Arabic article as news spells it: "al-Shabaab" -> "al Shabaab",
    "el-Shabaab", "el Shabaab", and without a leading article "Shabaab"."""
    if not _ARTICLE_AL.search(name):
        return [name]
    variants = [name] + [_ARTICLE_AL.sub(article, name) for article in ("al-", "al ", "el-", "el ")]
    bare = _ARTICLE_AL.sub("", name, count=1) if _ARTICLE_AL.match(name) else ""
    if sum(c.isalpha() for c in bare) >= _MIN_BARE_NAME:
        variants.append(bare)
    return variants


_ARMED_GROUP_SECTORS = frozenset({"REB", "PRM"})
_VOWELS = re.compile(r"(?<=\w)[aeiouy'\-]+")
_MIN_SKELETON = 5  # consonants a skeleton needs to name one body ("Mounties" is "Minutes")


def _skeleton(key: str) -> str:
    """"hizballah" and "hezbollah" -> "hzblh": each word's first letter, then its consonants
    with doubled ones once."""
    return " ".join(re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word)) for word in key.split(" "))


def _institution_files() -> list[str]:
    """institutions.tsv (IGOs, NGOs, the most cited bodies) and the actors_*.tsv tables."""
    data = resources.files("dragoman") / "data"
    tables = sorted(p.name for p in data.iterdir() if p.name.startswith("actors_") and p.name.endswith(".tsv"))
    return ["institutions.tsv", *tables]


_LEXICON = _Lexicon()


# --- matching -------------------------------------------------------------------------

def _pieces(text: str) -> list[_Piece]:
    """Greedy longest-match segmentation of the phrase into lexicon entries and words."""
    tokens = list(_TOKEN.finditer(text))
    norms = [_token_norm(m.group()) for m in tokens]
    possessive = [bool(_POSSESSIVE.search(m.group())) for m in tokens]
    bare = [_POSSESSIVE.sub("", norm) if pos else norm for norm, pos in zip(norms, possessive)]
    pieces: list[_Piece] = []
    i = 0
    while i < len(tokens):
        if norms[i] == "'s":
            if pieces:
                pieces[-1].possessive = True
            i += 1
            continue
        piece = _longest_match(text, tokens, norms, bare, possessive, i)
        pieces.append(piece)
        i += piece.key.count(" ") + 1
    return pieces


def _longest_match(text: str, tokens: list, norms: list[str], bare: list[str],
                   possessive: list[bool], i: int) -> _Piece:
    """The longest entry starting at token i (a possessive may end it, not sit inside it)."""
    capitalised = tokens[i].group()[:1].isupper()
    longest = max(_LEXICON.max_len.get(norms[i], 1), _LEXICON.max_len.get(bare[i], 1),
                  _LEXICON.skeleton_max_len.get(_skeleton(bare[i]), 1) if capitalised else 1)
    for n in range(min(longest, len(tokens) - i), 0, -1):
        last = i + n - 1
        if "'s" in norms[i:last + 1]:
            continue
        key = " ".join([*norms[i:last], bare[last]])
        for lex in _LEXICON.entries.get(key, ()):
            if lex.detail == _CAPITALISED and not capitalised:
                continue
            if lex.acronym and not countries.is_acronym(_POSSESSIVE.sub("", text[tokens[i].start():tokens[last].end()])):
                continue
            return _Piece(tokens[i].start(), tokens[last].end(), key, lex, capitalised, possessive[last])
        spelled = _LEXICON.skeletons.get(_skeleton(key)) if capitalised and key not in _LEXICON.entries else None
        if spelled is not None:  # another transliteration of a known body's name
            return _Piece(tokens[i].start(), tokens[last].end(), key, spelled, capitalised, possessive[last])
    token = tokens[i]
    return _Piece(token.start(), token.end(), bare[i], _controller(token.group(), bare[i]),
                  token.group()[:1].isupper(), possessive[i])


_CONTROLLED = re.compile(r"^(?P<owner>.+)-(?:led|run|ruled|controlled|held|governed|based)$")
_OWNER_TYPES = ("country", "demonym", "pre", "institution")


def _controller(token: str, norm: str) -> Optional[_Lex]:
    """The country or body in "Hamas-run", "Saudi-led", "Russian-held", "Pakistan-based": who
    runs the thing named after it, or where it sits. "-backed" and "-allied" are left out: a
    backer is not the owner."""
    match = _CONTROLLED.match(norm)
    if match is None:
        return None
    for lex in _LEXICON.entries.get(match.group("owner"), ()):
        if lex.type in _OWNER_TYPES and (not lex.acronym or countries.is_acronym(token.rsplit("-", 1)[0])):
            return lex
    return None


# --- coding ---------------------------------------------------------------------------

@dataclass
class _Analysis:
    """The parts of a phrase that coding looks at."""

    main: list[_Piece]
    phrases: list[tuple[_Piece, list[_Piece]]]  # (preposition, its object)
    names: list[_Piece]  # a person's name at the end


_HEAD_TYPES = ("head", "generic", "institution")
_PLACE_TYPES = ("country", "demonym", "pre", "capital")


def _analyse(pieces: list[_Piece]) -> _Analysis:
    pieces = _names_not_pronouns(_drop_partitive(pieces))
    names: list[_Piece] = []
    while pieces and (pieces[-1].type == "name" or _is_surname(pieces, ends_phrase=not names)):
        names.insert(0, pieces.pop())
    if names and pieces and pieces[-1].type in ("prep", "skip"):
        pieces, names = pieces + names, []  # "Affairs and Trade": part of a name, not a person
    main: list[_Piece] = []
    phrases: list[tuple[_Piece, list[_Piece]]] = []
    for piece in pieces:
        if piece.type == "prep" or piece.key in (",", ";", "(", ")"):
            phrases.append((piece, []))
        elif phrases:
            phrases[-1][1].append(piece)
        else:
            main.append(piece)
    return _Analysis(main, phrases, names)


def _names_not_pronouns(pieces: list[_Piece]) -> list[_Piece]:
    """A pronoun stands for an actor only alone ("He", "they"); beside other words it is
    a name ("Vice Premier He Lifeng", "Liu He")."""
    if sum(p.type != "skip" for p in pieces) < 2:
        return pieces
    return [_Piece(p.start, p.end, p.key, None, p.capitalized, p.possessive)
            if p.lex is not None and p.lex.detail == "pronoun" else p for p in pieces]


def _drop_partitive(pieces: list[_Piece]) -> list[_Piece]:
    """'several of the largest unions' -> 'largest unions'."""
    i = 0
    while i < len(pieces) and pieces[i].type == "skip":
        i += 1
    if 0 < i < len(pieces) and pieces[i].key == "of":
        i += 1
        while i < len(pieces) and pieces[i].type == "skip":
            i += 1
        return pieces[i:]
    return pieces


def _is_surname(pieces: list[_Piece], ends_phrase: bool) -> bool:
    """A capitalised lexicon word right after a name is part of it: "Michael Jordan", "Stephen King",
    "Jack French"; never after a possessive ("Kano's Governor"). A role word ending the phrase
    after "Ms" or after a title is the surname too: "Ms Bishop", "Foreign Minister Bishop"."""
    if len(pieces) < 2:
        return False
    before, last = pieces[-2:]
    if not last.capitalized or " " in last.key or before.possessive:
        return False
    if before.type == "name":
        return last.type in ("country", "demonym", "capital") or last.type == "head" and last.lex.kind == "person"
    return ends_phrase and last.type == "head" and last.lex.kind == "person" and _before_surname(before, last)


def _before_surname(before: _Piece, last: _Piece) -> bool:
    """Whether `before` is an office's title or an honorific that a surname follows
    ("Governor General" is one title; "Conservative MP" a party and a title)."""
    if before.type == "honorific":
        return before.key in _LEXICON.surname_honorifics
    return (before.type == "head" and before.lex.kind == "person" and before.lex.detail != "plural"
            and before.lex.sector in STATE_SECTORS and last.key not in _LEXICON.postpositive)


def _head(main: list[_Piece], has_names: bool) -> Optional[int]:
    """Index of the head: the last role noun or institution of the head phrase."""
    for i in range(len(main) - 1, -1, -1):
        if i > 0 and main[i].key in _LEXICON.postpositive and main[i - 1].type == "head":
            continue  # "Governor General": the title before it is the head
        if main[i].type in _HEAD_TYPES or (main[i].type == "honorific" and has_names):
            return i
    return None


def _main_country(main: list[_Piece], head: Optional[int]) -> tuple[Optional[str], Optional[str]]:
    """Country named before the head (demonym, country, possessive, capital if a head follows)."""
    for piece in main:
        if piece.type in ("country", "demonym", "pre") or (piece.type == "capital" and head is not None):
            prefix = "possessive" if piece.possessive else piece.type
            return piece.lex.country, f"{prefix}:{piece.key}"
    return None, None


def _owner(piece: _Piece, context_country: Optional[str]) -> tuple[Optional[str], str]:
    """Country of an institution: its own, or for a name several countries' bodies share
    ("PRD") the article's country when it is one of them."""
    if piece.lex.country:
        return piece.lex.country, ""
    if context_country in piece.lex.candidates:
        return context_country, f"+context:{context_country}"
    return None, ""


def _institution_country(main: list[_Piece], context_country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    for piece in main:
        if piece.type == "institution":
            country, via = _owner(piece, context_country)
            if country:
                return country, f"institution:{piece.key}{via}"
    return None, None


def _phrase_country(phrases: list[tuple[_Piece, list[_Piece]]],
                    context_country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Country of a locating phrase: 'in France', 'of the army' (institution's country)."""
    for prep, obj in phrases:
        if prep.type != "prep" or prep.lex.detail not in ("locating", "affiliation"):
            continue
        for piece in obj:
            if piece.type in _PLACE_TYPES:
                return piece.lex.country, f"{prep.key}:{piece.type}:{piece.key}"
            if piece.type == "institution":
                country, via = _owner(piece, context_country)
                if country:
                    return country, f"{prep.key}:institution:{piece.key}{via}"
    return None, None


def _name_runs(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Runs of adjacent capitalised unknown words, last run first: ["Uttar", "Pradesh"] in
    "Uttar Pradesh Chief Minister". A possessive ends a run ("Kano's")."""
    runs: list[list[_Piece]] = []
    previous: Optional[_Piece] = None
    for piece in pieces:
        if piece.type == "name":
            if previous is not None and previous.type == "name" and not previous.possessive:
                runs[-1].append(piece)
            else:
                runs.append([piece])
        previous = piece
    return runs[::-1]


def _leading_run(pieces: list[_Piece]) -> list[_Piece]:
    """The capitalised unknown words an object starts with: "Kano" in "in Kano State"."""
    words = [p for p in pieces if p.type != "skip"]
    runs = _name_runs(words)
    return runs[-1] if runs and runs[-1][0] is words[0] else []


def _modifier_name_country(text: str, run: list[_Piece],
                           registry: Optional[ActorSource]) -> tuple[Optional[str], Optional[str]]:
    """Country of a name modifying an actor: a known actor's own ("Museveni government"),
    else the place's it names; acronyms and names two known actors share give none."""
    name = _POSSESSIVE.sub("", text[run[0].start:run[-1].end])
    if countries.is_acronym(name):
        return None, None
    if any(source.find(name) for source in known.sources(registry)):
        found = known.lookup(name, registry=registry)
        return (found.country, f"known:{found.name}") if found and found.country else (None, None)
    for end in range(len(run), 0, -1):  # "Karachi Port Company": the place leads the name
        place = _POSSESSIVE.sub("", text[run[0].start:run[end - 1].end])
        country = _place_country(place)
        if country:
            return country, f"place:{place}"
    return None, None


@lru_cache(maxsize=4096)
def _place_country(name: str) -> Optional[str]:
    """Country of the one well-known place called `name` (see _PLACE_MIN_POPULATION): a
    region, a big city, a town that shares its name with its own province ("Idlib"), or
    any division named with its division word ("Butler County"); no place of another
    country may score within the margin."""
    ranked = gazetteer.load_gazetteer().ranked(name)
    if not ranked:
        return None
    best, score = ranked[0]
    if best.country is None:
        return None
    if any(other.country != best.country and score - other_score < _PLACE_MARGIN for other, other_score in ranked[1:]):
        return None
    if _names_division(name) or best.feature in _PLACE_REGIONS:
        return best.country
    if best.feature != "city":
        return None
    own_name = gazetteer.normalise(best.name) == gazetteer.normalise(name)
    if best.population >= (_PLACE_MIN_POPULATION if own_name else _PLACE_MIN_POPULATION_FORMER_NAME):
        return best.country
    province = any(c.feature in _PLACE_REGIONS and c.country == best.country
                   and gazetteer.normalise(c.name) == gazetteer.normalise(best.name) for c, _ in ranked[1:])
    return best.country if own_name and province else None


@lru_cache(maxsize=4096)
def named_place_country(name: str) -> Optional[str]:
    """Country of a name the text already shows to be a place (the tagger's GPE): a
    country, a capital, or the country whose places of that name lead all others' by the
    margin, with no population bar, since no person's name is in question."""
    code = countries.country_code(name, capitals=True)
    if code is not None:
        return code
    ranked = gazetteer.load_gazetteer().ranked(name)
    if not ranked or ranked[0][0].country is None:
        return None
    best, score = ranked[0]
    if any(other.country != best.country and score - other_score < _PLACE_MARGIN for other, other_score in ranked[1:]):
        return None
    return best.country


def _names_division(name: str) -> bool:
    """"Butler County", "Kano State": the name says it is a division."""
    words = name.lower().split()
    return len(words) > 1 and (words[-1] in gazetteer.DIVISION_WORDS_IN_TEXT or words[-1] == "state")


def _place_modifier_country(text: str, a: _Analysis, head: Optional[int],
                            registry: Optional[ActorSource]) -> tuple[Optional[str], Optional[str]]:
    """Country of a name before the head ("Rakhine rebels") or in a locating phrase
    ("authorities in Kano"); never of a name after a title, which is the person."""
    candidates = [("", run) for run in _name_runs(a.main[:head])] if head is not None else []
    for prep, obj in a.phrases:
        if prep.type == "prep" and prep.lex.detail in ("locating", "affiliation"):
            candidates.append((f"{prep.key}:", _leading_run(obj)))
    for label, run in candidates:
        if not run:
            continue
        country, rule = _modifier_name_country(text, run, registry)
        if country:
            return country, f"{label}{rule}"
    return None, None


def _modifier_sector(pieces: list[_Piece]) -> tuple[Optional[str], Optional[str]]:
    """Sector of the nearest modifier, reading right to left; a place noun lends none
    ("city officials" are the city's government, not an unknown place)."""
    for piece in reversed(pieces):
        if piece.type == "head" and piece.lex.kind is None:
            continue
        if piece.type in ("head", "modifier", "institution") and piece.lex.sector:
            return piece.lex.sector, f"{piece.type}:{piece.key}"
    return None, None


def _of_sector(phrases: list[tuple[_Piece, list[_Piece]]]) -> tuple[Optional[str], Optional[str]]:
    """'members of the army', 'spokesman for Hamas': the object's sector."""
    for prep, obj in phrases:
        if prep.type == "prep" and prep.lex.detail == "affiliation":
            sector, rule = _modifier_sector(obj)
            if sector:
                return sector, f"{prep.key}:{rule}"
    return None, None


def _sector(a: _Analysis, head: Optional[int], has_country: bool) -> tuple[Optional[str], list[str]]:
    """Sector from the head; a generic head borrows its modifier's, a state role
    modified by a non-state institution takes the institution's ("Hamas envoy")."""
    if head is None:
        return None, []
    piece = a.main[head]
    lex = piece.lex
    before = a.main[:head]
    if piece.type == "honorific":
        return None, [f"honorific:{piece.key}"]
    if piece.type == "generic":
        sector, rule = _modifier_sector(before)
        if sector is None:
            sector, rule = _of_sector(a.phrases)
        if sector is None:
            sector = lex.with_country if has_country and lex.with_country else lex.sector
            rule = f"generic:{piece.key}"
        else:
            rule = f"{rule}+generic:{piece.key}"
        return sector, [rule]
    rules = [f"{_head_label(piece)}:{piece.key}"]
    sector = lex.sector
    if piece.key in _LEXICON.member_bodies:
        members, rule = _of_sector(a.phrases)
        if members is not None:  # "Congress of Trade Unions": a body of its members' sector
            return members, [*rules, rule]
    if lex.general:
        serves = _state_modifier(before)
        if serves is not None:  # "army accountant", "police doctor": who they work for
            return serves.lex.sector, [f"{serves.type}:{serves.key}", *rules]
    if piece.key in _LEXICON.act_nouns:
        body = next((mod for mod in reversed(before) if _is_state_body(mod)), None)
        if body is not None:
            return body.lex.sector, [f"body:{body.key}", f"act:{piece.key}"]
    if sector == "GOV":
        for mod in reversed(before):
            if mod.type == "institution" and mod.lex.sector in _NON_STATE_SECTORS:
                return mod.lex.sector, [f"institution:{mod.key}", *rules]
    if sector in _STATE_MEDIA_SECTORS and any(p.key in _LEXICON.state_owned for p in before):
        return "GOV", ["state-owned", *rules]
    return sector, rules


def _state_modifier(before: list[_Piece]) -> Optional[_Piece]:
    """The nearest state body before an occupation ("ARMY accountant", "GOVERNMENT
    economist"), if any; an adjective ("armed") names no employer."""
    return next((piece for piece in reversed(before) if _is_state_body(piece)), None)


def _is_state_body(piece: _Piece) -> bool:
    """A state organisation or force named by a role noun or an institution: "government",
    "army", "police"."""
    return (
        piece.type in ("head", "institution") and piece.lex is not None
        and piece.lex.kind in ("organization", "group") and piece.lex.sector in STATE_SECTORS
    )


def _head_label(piece: _Piece) -> str:
    """Rule prefix of a head: title (held by a person), institution, or role."""
    if piece.type == "institution":
        return "institution"
    if piece.lex.detail == "pronoun":
        return "pronoun"
    return "title" if piece.lex.kind == "person" else "role"


def _kind(a: _Analysis, head: Optional[int]) -> Optional[str]:
    if head is None:
        return None
    piece = a.main[head]
    if a.names and piece.lex.kind in ("person", "organization") and piece.lex.detail != "plural":
        return "person"  # "Prime Minister Benjamin Netanyahu", "CIA Director Bill Burns"
    return piece.lex.kind


def _role(text: str, a: _Analysis, head: Optional[int]) -> Optional[str]:
    """The role words as written, from the first role word before the head to the head,
    plus a posting or 'of' phrase for a person: "Ambassador to the UN"."""
    if head is None or a.main[head].type in ("institution", "honorific") or a.main[head].lex.detail == "pronoun":
        return None
    first = head
    while first > 0 and a.main[first - 1].type in ("head", "generic", "modifier", "institution", "name", "word"):
        first -= 1
    while first < head and a.main[first].lex is not None and a.main[first].lex.sector == "PTY":
        first += 1  # party affiliation is not the role: "Democratic Senate Minority Leader"
    end = a.main[head].end
    if a.main[head].lex.kind == "person" and a.phrases and a.phrases[-1][1]:
        end = a.phrases[-1][1][-1].end  # "Ambassador to the UN", "spokesperson for the Mission"
    return text[a.main[first].start:end]


def _code_phrase(text: str, registry: Optional[ActorSource] = None,
                 context_country: Optional[str] = None) -> ActorCode:
    pieces = _pieces(text)
    if not pieces:
        return ActorCode()
    a = _analyse(pieces)
    whole = _whole_place(a) or _whole_town(text, a, registry)
    if whole is not None:
        return whole
    head = _head(a.main, bool(a.names))
    country, country_rule = _main_country(a.main, head)
    if country is None:
        country, country_rule = _institution_country(a.main, context_country)
    if country is None:
        country, country_rule = _phrase_country(a.phrases, context_country)
    if country is None:
        country, country_rule = _place_modifier_country(text, a, head, registry)
    if head is None and any(prep.lex is not None and prep.lex.detail == "conjunction" for prep, _ in a.phrases):
        return ActorCode(name=_clean(text, a))  # "Israel and Hamas": two actors, not one
    if head is None and country is not None:
        return _nationals(text, a, country, country_rule)
    sector, rules = _sector(a, head, country is not None)
    if _national_namesake(a, head, sector):
        sector, rules = "GOV", ["national-namesake", *rules]
    if any(p.type == "former" for p in a.main) and sector in STATE_SECTORS:
        sector, rules = "ELI", ["former", *rules]
    kind = _kind(a, head)
    name = _name(text, a, head)
    rule = _join_rules(country_rule, *rules)
    return ActorCode(country, sector, _role(text, a, head), name, kind, rule)


def _national_namesake(a: _Analysis, head: Optional[int], sector: Optional[str]) -> bool:
    """"Armenia's Security Council", "the French UN envoy": a country named before an
    intergovernmental body's name makes the body that country's own namesake, and its
    envoy that country's official, not the body's."""
    if head is None or sector not in _IGO_FAMILIES:
        return False
    for i, piece in enumerate(a.main[:head + 1]):
        if piece.type == "institution" and piece.lex.country == "IGO":
            return any(p.type in ("country", "demonym") for p in a.main[:i])
    return False


def _join_rules(*rules: Optional[str]) -> Optional[str]:
    """"a+b", "b+c" -> "a+b+c": each rule part once, in order."""
    parts = [part for rule in rules if rule for part in rule.split("+")]
    return "+".join(dict.fromkeys(parts)) or None


def _whole_place(a: _Analysis) -> Optional[ActorCode]:
    """The phrase is just a country ("Russia"), a breakaway entity or a capital ("Moscow")."""
    core = [p for p in a.main if p.type != "skip"]
    if a.phrases or a.names or len(core) != 1 or core[0].type not in ("country", "pre", "capital"):
        return None
    piece = core[0]
    code = piece.lex.country
    sector = {"pre": "PRE", "capital": "GOV"}.get(piece.type)  # a capital speaks for its government
    return ActorCode(code, sector, None, countries.country_name(code), "country", f"{piece.type}:{piece.key}")


def _whole_town(text: str, a: _Analysis, registry: Optional[ActorSource]) -> Optional[ActorCode]:
    """The phrase is just a town, city or province the gazetteer surely knows ("Mosul",
    "Kano"): its country, no sector (a town is not its government). A name a known-actor
    source knows is that actor, not the place."""
    if a.main and any(p.type != "skip" for p in a.main) or a.phrases or not a.names:
        return None
    name = _POSSESSIVE.sub("", text[a.names[0].start:a.names[-1].end])
    if countries.is_acronym(name) or any(source.find(name) for source in known.sources(registry)):
        return None
    country = _place_country(name)
    return ActorCode(country, None, None, name, None, f"place:{name}") if country else None


def _nationals(text: str, a: _Analysis, country: str, country_rule: str) -> ActorCode:
    """No role noun, only a nationality: "Palestinians", "ordinary Kazakhs"."""
    sector, rules = _modifier_sector(a.main)
    demonym = next((p for p in a.main if p.type == "demonym"), None)
    kind = "group" if demonym is not None and demonym.lex.detail == "plural" else None
    return ActorCode(country, sector, None, _clean(text, a), kind, _join_rules(country_rule, rules))


def _name(text: str, a: _Analysis, head: Optional[int]) -> Optional[str]:
    """The person's name after a title, else the phrase itself."""
    if a.names and head is not None:
        return text[a.names[0].start:a.names[-1].end]
    return _clean(text, a)


def _clean(text: str, a: _Analysis) -> Optional[str]:
    """The phrase without leading determiners: "the Israeli war cabinet" -> "Israeli war cabinet"."""
    pieces = [p for p in a.main + [p for prep, obj in a.phrases for p in (prep, *obj)] + a.names
              if p.type != "skip"]
    return text[pieces[0].start:].strip() if pieces else None


def fill_open_fields(code: ActorCode, other, rule: Optional[str]) -> ActorCode:
    """`code` with what it leaves open taken from `other` (an ActorCode or a known actor's coding)."""
    return ActorCode(
        code.country or other.country,
        code.sector or other.sector,
        code.role or other.role,
        code.name,
        code.kind or other.kind,
        rule,
    )


def _merge(first: ActorCode, other: ActorCode) -> ActorCode:
    """Fill what the head phrase left open from an apposition ("FSB, Russia's security service")."""
    if other.country is None and other.sector is None:
        return first
    return fill_open_fields(first, other, "+".join(r for r in (first.rule, f"apposition:{other.rule}") if r))


def looks_like_institution(words: str) -> bool:
    """Whether a capitalised phrase reads as an organisation's name ("Parliamentary Assembly")."""
    return any(_key(word) in _LEXICON.institution_words for word in words.split())


def code_actor(text: str, *, context_country: Optional[str] = None, as_of: Union[str, date, None] = None,
               registry: Optional[ActorSource] = None) -> ActorCode:
    """Country, sector, role, name and kind of an actor phrase.

    What the phrase leaves open is filled, in this order, from a title that names one
    country's office, from the known actors (`registry`, then the sources made active
    with `resolve.registry.use`, then the bundled starter book) with the role held on
    `as_of` (YYYY-MM-DD), and last from context_country (alpha-3) when the phrase has a
    role ("Secretary of State Antony Blinken" in a US article). A name no source knows,
    or that a source gives to two actors, stays uncoded: names are never guessed.
    """
    text = (text or "").replace("\u2019", "'").strip()
    if not text:
        return ActorCode()
    head_text, *appositions = [part.strip() for part in text.split(", ") if part.strip()] or [text]
    code = _code_phrase(head_text, registry, context_country)
    for apposition in appositions:
        code = _merge(code, _code_phrase(apposition, registry, context_country))
    if code.country is None and code.role is not None:
        national = _LEXICON.national_titles.get(_key(code.role))
        if national:
            code = ActorCode(national, code.sector, code.role, code.name, code.kind,
                             "+".join(r for r in (code.rule, f"national-title:{national}") if r))
    if (code.country is None or code.sector is None) and code.name:
        code = _fill_from_known(code, as_of, registry)
    if code.country is None and context_country and code.role is not None:
        code = ActorCode(context_country, code.sector, code.role, code.name, code.kind,
                         "+".join(r for r in (code.rule, f"context:{context_country}") if r))
    return code


def _fill_from_known(code: ActorCode, as_of: Union[str, date, None], registry: Optional[ActorSource]) -> ActorCode:
    """What a known actor of that name says, where the phrase itself is silent."""
    found = _lookup_known(code.name, as_of, registry)
    if found is None or _stray_surname(code, found):
        return code
    if found.kind not in (None, "person"):  # an organisation's own name beats the nouns in it
        return ActorCode(found.country or code.country, found.sector or code.sector, code.role, code.name,
                         found.kind, _join_rules(found.rule, code.rule))
    return fill_open_fields(code, found, _join_rules(code.rule, found.rule))


def _lookup_known(name: str, as_of: Union[str, date, None], registry: Optional[ActorSource]) -> Optional[known.Coding]:
    """The known actor called `name`, or a common transliteration of it ("Mohammed" for
    "Mohamed")."""
    spelling = next((s for s in _spellings(name) if any(src.find(s) for src in known.sources(registry))), None)
    if spelling is None:
        return None
    return known.lookup(spelling, as_of=as_of, registry=registry)


def _spellings(name: str) -> list[str]:
    """The name as written, then with each given name spelled the other common ways
    (data/actors_name_spellings.yaml); at most a few dozen variants."""
    words = _ARTICLE.sub(r"\1 ", name).split()  # "el-Bashir" -> "el Bashir": the article is a word
    options = [[word, *{_token_norm(w): w for w in _NAME_SPELLINGS.get(_token_norm(word), ())
                        if _token_norm(w) != _token_norm(word)}.values()] for word in words]
    variants = [""]
    for choices in options:
        variants = [f"{v} {c}".strip() for v in variants for c in choices][:_MAX_SPELLINGS]
    return variants


def _load_name_spellings() -> dict[str, tuple[str, ...]]:
    text = (resources.files("dragoman") / "data" / "actors_name_spellings.yaml").read_text("utf-8")
    groups = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["spellings"]
    return {_token_norm(word): tuple(group) for group in groups for word in group}


_MAX_SPELLINGS = 32
_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]t|[Aa]sh)-(?=[A-Z])")
_NAME_SPELLINGS = _load_name_spellings()


def _stray_surname(code: ActorCode, found: known.Coding) -> bool:
    """A titled bare surname ("King Hassan") names a known person only once they
    hold a role: before any office of theirs it is someone else of that name."""
    bare = code.name is not None and " " not in code.name.strip() and code.name != found.name
    return bare and code.role is not None and found.role is None
