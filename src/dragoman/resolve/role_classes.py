"""Role classes: which role nouns may refer back to which titles (data/role_classes.yaml),
and which person nouns tell a sex (data/person_genders.yaml).

The actor resolver links a definite description ("the top US diplomat", "the Israeli
leader") to a person whose title is in the same class ("Secretary of State"), or ends
with the very title ("the Ohio senator" and "Senator"). Asked to, both read a title
written short ("Gov.", "Sgt") as the full one (data/title_abbreviations.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml


@lru_cache(maxsize=1)
def _role_classes() -> dict[str, set[str]]:
    """role word/title -> names of the classes it belongs to"""
    text = resources.files("dragoman.data").joinpath("role_classes.yaml").read_text("utf-8")
    classes: dict[str, set[str]] = {}
    for class_name, roles in yaml.safe_load(text).items():
        for role in roles:
            classes.setdefault(role, set()).add(class_name)
    return classes


def role_compatible(description_role: Optional[str], actor_role: Optional[str], spelled_out: bool = False) -> bool:
    """Whether a description's role may name a person with this role: they share a word
    ("the senator", "Senator") or a class ("the top diplomat", "Secretary of State")."""
    if not description_role or not actor_role:
        return False
    if spelled_out:
        description_role, actor_role = _spelled_out(description_role), _spelled_out(actor_role)
    a, b = description_role.lower(), actor_role.lower()
    if set(a.split()) & set(b.split()):
        return True
    return bool(_classes_of(a) & _classes_of(b))


def ends_with_title(description_role: Optional[str], title: Optional[str], spelled_out: bool = False) -> bool:
    """Whether a description ends with a person's very title: "the Ohio senator" with
    "Senator", "the president" with "president of the Farmers Union" or "NAACP
    president"; not "the president" with "Vice President", nor "the prime minister" with
    "Foreign Minister"."""
    if not description_role or not title:
        return False
    if spelled_out:
        description_role, title = _spelled_out(description_role), _spelled_out(title)
    words = description_role.lower().split()
    # "president of the Farmers Union", "NAACP president": that office is "the
    # president", though "Minister of Justice" is no "prime minister"
    head, *of = re.split(r"\s+(?:of|for|at|to|in|with)\s+", title, maxsplit=1)
    title_words = [w.lower() for w in head.split() if not (w.isupper() and len(w) > 1)]  # acronyms name bodies
    if of or len(title_words) < len(head.split()):
        return words == title_words
    return len(title_words) <= len(words) and words[-len(title_words):] == title_words


@lru_cache(maxsize=4096)
def _classes_of(role: str) -> frozenset[str]:
    """The classes of a lower-cased role and of every title inside it; kept, since
    the same roles are compared over and over and each takes a pass over all titles."""
    found = set(_role_classes().get(role, ()))
    for title, names in _title_patterns():
        if title.search(role):
            found |= names
    return frozenset(found)


@lru_cache(maxsize=1)
def _title_patterns() -> list[tuple[re.Pattern[str], set[str]]]:
    """Each title of the role classes as a whole-word pattern, built once: built at each
    search, every role asked escaped, formatted and looked up every title again."""
    return [(re.compile(rf"\b{re.escape(title)}\b"), names) for title, names in _role_classes().items()]


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """abbreviation (lower case, no full stop) -> the title it stands for"""
    text = resources.files("dragoman.data").joinpath("title_abbreviations.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=4096)
def _spelled_out(role: str) -> str:
    """A role with its abbreviated words written in full: "Gov." -> "governor", "Master Sgt"
    -> "Master sergeant"; an acronym ("SEC chairman") is a body's name and stays."""
    words = []
    for word in role.split():
        bare = word.rstrip(".")
        full = None if bare.isupper() and len(bare) > 1 else _abbreviations().get(bare.lower())
        words.append(full or word)
    return " ".join(words)


@lru_cache(maxsize=1)
def _genders() -> tuple[dict[str, str], frozenset[str]]:
    text = resources.files("dragoman.data").joinpath("person_genders.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    words = {w: "m" for w in data["male"]} | {w: "f" for w in data["female"]}
    return words, frozenset(data["not_gendered"])


def noun_gender(noun: str) -> Optional[str]:
    """"m" or "f" when a person noun (a lemma, lower case) says the person's sex: "man",
    "mother", "spokeswoman", "policeman"; None for "officer", "human"."""
    words, not_gendered = _genders()
    if noun in words:
        return words[noun]
    if noun in not_gendered:
        return None
    if noun.endswith("woman"):
        return "f"
    return "m" if noun.endswith("man") and len(noun) > 3 else None
