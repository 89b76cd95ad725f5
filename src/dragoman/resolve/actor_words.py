"""The words of actor phrases: the lexicon of institutions, countries, demonyms,
capitals and role nouns (data/actor_roles.yaml, data/role_nouns.yaml, the
institution tables), and the longest-match segmentation of a phrase into its
entries. What coding returns (`ActorCode`) and reads (`_Analysis`) lives here too,
so that the people, places and coding modules share one vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml
from unidecode import unidecode

from . import countries


_NO_COUNTRY = "-"
_CAPITALISED = "capitalised"  # an entry that applies only to a capitalised word ("Labour")
_UNARMED = "unarmed"  # what a fighter fights when it is no armed actor ("fire", "UFC")
_CRIME_ACT = "crime act"  # a crime a generic head deals with, not commits ("crime fighter")


_TOKEN = re.compile(r"(?i:ex)(?=-[^\W_])|[^\W_]+(?:[.'\-&][^\W_]+)*\.?|'s\b|[,;()]")
_POSSESSIVE = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class ActorCode:
    """What an actor phrase says about who the actor is; None where it does not say."""

    country: Optional[str] = None  # ISO 3166 alpha-3, or a non-state code (IGO, NGO, IMG)
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
    in_scene: Optional[str] = None  # generic heads: sector when only the article's scene gives the country
    acronym: bool = False
    detail: str = ""  # prep class, or "plural"
    candidates: tuple[str, ...] = ()  # institutions: the countries one shared name may belong to
    general: bool = False  # from the general word lists (role_nouns.yaml): an occupation, not a sector's own role
    stateless: bool = False  # institutions: a group of no state (IMG, NGO or "-" in the tables: ISIS, the Red Cross)


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

@lru_cache(maxsize=2**16)
def _token_norm(token: str) -> str:
    """Kept per word: unidecode is the costliest step of coding an actor phrase."""
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
        self.administrators = frozenset(_key(f) for w in roles["administrators"] for f in (w, regular_plural(w)))
        self.local_units = frozenset(_key(w) for w in roles["local_units"])
        self.postpositive = frozenset(_key(w) for w in roles["postpositive"])
        self.name_particles = frozenset(_key(w) for w in roles["name_particles"])
        self.patronymic_particles = frozenset(_key(w) for w in roles["patronymic_particles"])
        self.name_suffixes = frozenset(_key(w) for w in roles["name_suffixes"])
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
            acts = {_key(word) for word in roles["crime_acts"]} if sector == "CRM" else set()
            for word in lists.get("modifiers") or []:
                self.add(word, _Lex("modifier", sector, detail=_CRIME_ACT if _key(word) in acts else ""))
        for entry, spec in roles["generic"].items():
            singular, plural = _forms(entry)
            kind = spec.get("kind")
            self.add(singular, _Lex("generic", spec.get("default"), kind=kind, with_country=spec.get("with_country"),
                                    in_scene=spec.get("in_scene")))
            if plural and kind != "group":
                self.add(plural, _Lex("generic", spec.get("default"), kind="group", with_country=spec.get("with_country"),
                                      in_scene=spec.get("in_scene"), detail="plural"))
        for word in roles["unarmed_fights"]:
            self.add(word, _Lex("modifier", detail=_UNARMED, acronym=countries.is_acronym(word)))
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
                                    acronym=acronym, stateless=_is_stateless(country)))
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


def _is_stateless(country: Optional[str]) -> bool:
    """A table's group of no state: no one country ("-"), or a non-state code that is not
    an intergovernmental body's (NGO, IMG: the Red Cross, ISIS)."""
    return country is None or (country in countries.NON_STATE and country not in countries.INTERGOVERNMENTAL)


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


@lru_cache(maxsize=2**16)
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
    """Greedy longest-match segmentation of the phrase into lexicon entries and words.

    The same phrases come back in article after article ("the president", "police"),
    and the lexicon is fixed once loaded, so segmentations are kept; each caller gets
    its own list (callers pop from it), the pieces themselves are never changed."""
    return list(_segment(text))


@lru_cache(maxsize=2**14)
def _segment(text: str) -> tuple[_Piece, ...]:
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
    return tuple(pieces)


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


# --- what coding reads ----------------------------------------------------------------

@dataclass
class _Analysis:
    """The parts of a phrase that coding looks at."""

    main: list[_Piece]
    phrases: list[tuple[_Piece, list[_Piece]]]  # (preposition, its object)
    names: list[_Piece]  # a person's name at the end


_HEAD_TYPES = ("head", "generic", "institution")
_PLACE_TYPES = ("country", "demonym", "pre", "capital")


def _join_rules(*rules: Optional[str]) -> Optional[str]:
    """"a+b", "b+c" -> "a+b+c": each rule part once, in order."""
    parts = [part for rule in rules if rule for part in rule.split("+")]
    return "+".join(dict.fromkeys(parts)) or None


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
