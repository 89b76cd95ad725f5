"""People in actor phrases: a name is a name even when it is also a pronoun or a
role word ("Vice Premier He Lifeng", "Ms Bishop"), and a name is looked up among
the known actors under its common spellings ("Mohammed" for "Mohamed").
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Optional, Union

import yaml

from . import registry as known
from .actor_words import ActorCode, fill_open_fields, _join_rules, _LEXICON, _Piece, _token_norm
from .registry import STATE_SECTORS, ActorSource


def _names_not_pronouns(pieces: list[_Piece]) -> list[_Piece]:
    """A pronoun stands for an actor only alone ("He", "they"); beside other words it is
    a name ("Vice Premier He Lifeng", "Liu He")."""
    if sum(p.type != "skip" for p in pieces) < 2:
        return pieces
    return [_Piece(p.start, p.end, p.key, None, p.capitalized, p.possessive)
            if p.lex is not None and p.lex.detail == "pronoun" else p for p in pieces]


def name_particles(pieces: list[_Piece], names: list[_Piece]) -> int:
    """parties15 (issue #18): how many lowercase particles end `pieces` inside a person's
    name ("Mohammed bin Salman", "Ursula von der Leyen", "Lula da Silva"): the name goes on
    before them when a name precedes them and more of it (`names`) follows."""
    if not names:
        return 0
    run = 0
    while run < len(pieces) and pieces[-1 - run].type == "word" and pieces[-1 - run].key in _LEXICON.name_particles:
        run += 1
    return run if run and run < len(pieces) and pieces[-1 - run].type == "name" else 0


def surname_keys(name: str) -> set[str]:
    """What a person's full name may be shortened to, in lower case: its last word, and
    from a particle after the given name on ("Bill de Blasio": "blasio", "de blasio";
    "Saeed bin Suroor": "suroor", "bin suroor"), and before "bin" the given name
    ("saeed"). A one-word name has none."""
    parts = name.lower().split()
    if len(parts) < 2:
        return set()
    keys = {parts[-1]}
    inner = next((i for i in range(1, len(parts) - 1) if parts[i] in _LEXICON.name_particles), None)
    if inner is not None:
        keys.add(" ".join(parts[inner:]))
        if parts[inner] in _LEXICON.patronymic_particles:
            keys.add(" ".join(parts[:inner]))
    return keys


def is_personal_name(name: str) -> bool:
    """"Amina Bello", "Ursula von der Leyen": two words or more, each capitalised or a name
    particle, none possessive; not "Ruler of Dubai" or "Trump's Indiana"."""
    words = name.replace("\u2019", "'").split()
    return len(words) > 1 and all(
        (word[:1].isupper() and not word.endswith("'s")) or word.lower() in _LEXICON.name_particles
        for word in words)


def is_prefixed_name(piece: _Piece) -> bool:
    """'al-Assad', 'el-Sisi': a surname written with its article, which the tagger of words
    reads as an ordinary lowercase word."""
    head, hyphen, rest = piece.key.partition("-")
    return piece.type == "word" and bool(hyphen) and head in _LEXICON.name_particles and rest.isalpha()


def _is_surname(pieces: list[_Piece], ends_phrase: bool) -> bool:
    """A capitalised lexicon word right after a name is part of it: "Michael Jordan", "Stephen King",
    "Jack French"; never after a possessive ("Kano's Governor"), and an office only when it
    ends the name: before another name it is a title after a portfolio or a place ("Tourism
    Minister Jane Doe", "Ohio Senator John Smith"). Plain people's words ("Boy", "Youth") are
    no title, so stay inside names ("the Riverside Boy Scouts"), and so does the Church's
    rank among the names of someone already titled ("Archbishop Jose Maria Cardinal Reyes").
    A role word ending the phrase after "Ms" or after a title is the surname too: "Ms
    Bishop", "Foreign Minister Bishop"."""
    if len(pieces) < 2:
        return False
    before, last = pieces[-2:]
    if not last.capitalized or " " in last.key or before.possessive:
        return False
    if before.type == "name":
        return last.type in ("country", "demonym", "capital") or (
            last.type == "head" and last.lex.kind == "person"
            and (ends_phrase or last.lex.sector == "CVL" or last.lex.sector == "REL" and _titled_before(pieces[:-2])))
    return ends_phrase and last.type == "head" and last.lex.kind == "person" and _before_surname(before, last)


def _titled_before(pieces: list[_Piece]) -> bool:
    """Whether an office's title comes before these names ("Archbishop Jose Maria ...")."""
    return any(p.type == "head" and p.lex is not None and p.lex.kind == "person" for p in pieces)


def _before_surname(before: _Piece, last: _Piece) -> bool:
    """Whether `before` is an office's title or an honorific that a surname follows
    ("Governor General" is one title; "Conservative MP" a party and a title)."""
    if before.type == "honorific":
        return before.key in _LEXICON.surname_honorifics
    return (before.type == "head" and before.lex.kind == "person" and before.lex.detail != "plural"
            and before.lex.sector in STATE_SECTORS and last.key not in _LEXICON.postpositive)


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
    spelling = known_spelling(name, registry)
    return None if spelling is None else known.lookup(spelling, as_of=as_of, registry=registry)


def explain_known(name: str, as_of: Union[str, date, None] = None,
                  registry: Optional[ActorSource] = None) -> Optional[str]:
    """Why the known actors code `name` as coding does, under the spelling it matched
    ("al-Assad" is known as "al Assad"); None when no source knows it."""
    spelling = known_spelling(name, registry)
    return None if spelling is None else known.explain(spelling, as_of=as_of, registry=registry)


def known_spelling(name: str, registry: Optional[ActorSource], sources=None) -> Optional[str]:
    """The form of `name` some known-actor source knows: as written or a common transliteration.
    `sources` replaces the lookup order of `registry` (as `actors show` asks its own)."""
    sources = known.sources(registry) if sources is None else sources
    return next((s for s in _spellings(name) if any(src.find(s) for src in sources)), None)


@lru_cache(maxsize=2**14)
def _spellings(name: str) -> tuple[str, ...]:
    """The name as written, then with each given name spelled the other common ways
    (data/actors_name_spellings.yaml); at most a few dozen variants. Kept per name:
    every mention of an actor asks again."""
    words = _ARTICLE.sub(r"\1 ", name).split()  # "el-Bashir" -> "el Bashir": the article is a word
    options = [[word, *{_token_norm(w): w for w in _NAME_SPELLINGS.get(_token_norm(word), ())
                        if _token_norm(w) != _token_norm(word)}.values()] for word in words]
    variants = [""]
    for choices in options:
        variants = [f"{v} {c}".strip() for v in variants for c in choices][:_MAX_SPELLINGS]
    return tuple(variants)


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
