"""Cue words: the verbs and phrases that report speech or thought (data/cue_verbs.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml
from spacy.tokens import Doc, Token

from ...annotate.views import doc_tokens, lower_lemmas, lower_words
from ...records import Trigger

_VERBAL = {"VERB", "AUX"}


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    thought: frozenset[str]
    phrases: frozenset[tuple[str, str]]  # (verb lemma, particle)
    sources: frozenset[tuple[str, str]]  # ("according", "to")
    addressed: frozenset[str]  # cues whose object is the addressee: "told CNN"
    intention: frozenset[str]  # "wants to ...", "declined to ...": the infinitive is attributed
    objects: frozenset[str]  # "denied any involvement", "called for a ban": the object is attributed
    nouns: frozenset[str]  # "her claim that ...": the clause is attributed
    naming: frozenset[str]  # "called X a Y": the object counts only with its predicate
    aspectual: frozenset[str]  # "...," he continued / a sign that read “...”: a cue for quotes, never for clauses
    # thought | intention | objects: cues for reported clauses only, never for quotations;
    # without a subject they attribute nothing ("anyone wanting to ...")
    clause_only: frozenset[str]
    not_speakers: frozenset[str]  # "Update:", "Editor's note:": labels that name no speaker
    findings: frozenset[str]  # "shows", "found": their object is attributed when an evidence noun is the subject
    evidence: frozenset[str]  # "poll", "survey", "study": subjects whose findings are attributions
    # what a clause cue can begin with: a lemma (of an entry, or of a phrase's first words) ...
    cue_lemmas: frozenset[str]
    # ... or a word of a source phrase ("according" to)
    source_words: frozenset[str]


def _first_words(entries: frozenset[str]) -> set[str]:
    """Each entry's words before each space: "call for" -> "call"."""
    return {entry[:i] for entry in entries for i, char in enumerate(entry) if char == " "}


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    text = resources.files("dragoman.data").joinpath("cue_verbs.yaml").read_text("utf-8")
    data = yaml.safe_load(text)

    def pairs(key: str) -> frozenset[tuple[str, str]]:
        return frozenset(tuple(entry.split(maxsplit=1)) for entry in data.get(key, []))

    thought, intention, objects = (frozenset(data.get(key, [])) for key in ("thought", "intention", "objects"))
    speech = frozenset(data.get("speech", []) + data.get("inscriptions", []))
    nouns, phrases = frozenset(data.get("nouns", [])), pairs("phrases")
    clause_only = thought | intention | objects
    return CueLexicon(
        speech=speech,
        thought=thought,
        phrases=phrases,
        sources=pairs("sources"),
        addressed=frozenset(data.get("addressed", [])),
        intention=intention,
        objects=objects,
        nouns=nouns,
        naming=frozenset(data.get("naming", [])),
        aspectual=frozenset(data.get("aspectual", []) + data.get("inscriptions", [])),
        clause_only=clause_only,
        not_speakers=frozenset(data.get("not_speakers", [])),
        findings=frozenset(data.get("findings", [])),
        evidence=frozenset(data.get("evidence", [])),
        cue_lemmas=frozenset(speech | nouns | clause_only | _first_words(objects) | {verb for verb, _ in phrases}),
        source_words=frozenset(word for word, _ in pairs("sources")),
    )


@dataclass(frozen=True)
class Cue:
    token: Token  # the verb (or "according")
    end: Token  # last token of the cue phrase
    entry: str  # lexicon entry that matched: "say", "call on", "according to"

    @property
    def trigger(self) -> Trigger:
        doc = self.token.doc
        span = doc[self.token.i : self.end.i + 1]
        return Trigger(text=span.text, start=span.start_char, end=span.end_char)


def _next_token(token: Token) -> Optional[Token]:
    """The token after this one (`token.nbor()`, without building it anew), or None at the end."""
    words = doc_tokens(token.doc)
    return words[token.i + 1] if token.i + 1 < len(words) else None


def speech_cue(token: Token) -> Optional[Cue]:
    """A cue that can introduce speech (quotes and reported clauses)."""
    lex = cue_lexicon()
    nxt = _next_token(token)
    if nxt is not None and (token.lower_, nxt.lower_) in lex.sources:
        return Cue(token, nxt, f"{token.lower_} {nxt.lower_}")
    if token.pos_ not in _VERBAL:
        return None
    lemma = token.lemma_.lower()
    if nxt is not None and (lemma, nxt.lower_) in lex.phrases:
        return Cue(token, nxt, f"{lemma} {nxt.lower_}")
    if lemma in lex.speech and token.pos_ == "VERB":
        return Cue(token, token, lemma)
    return None


def cue_positions(doc: Doc) -> list[int]:
    """The token indices a cue may begin at (a cue lemma or a source word): the few
    where `clause_cue` has more to check, read from the kept columns, so a walk over
    the article builds no Token and makes no call at the other words."""
    lex = cue_lexicon()
    return [i for i, (lemma, word) in enumerate(zip(lower_lemmas(doc), lower_words(doc)))
            if lemma in lex.cue_lemmas or word in lex.source_words]


def clause_cue(token: Token) -> Optional[Cue]:
    """A cue for a reported clause: speech, a verb of belief ("X believes that"),
    of intention ("X wants to"), or a speech act with its object ("X called for")."""
    lex = cue_lexicon()
    lemma = lower_lemmas(token.doc)[token.i]  # the kept views: asked at every token of the article
    if lemma not in lex.cue_lemmas and lower_words(token.doc)[token.i] not in lex.source_words:
        return None  # no cue begins with this word (most words)
    nxt = _next_token(token)
    if token.pos_ == "VERB" and nxt is not None and f"{lemma} {nxt.lower_}" in lex.objects:
        return Cue(token, nxt, f"{lemma} {nxt.lower_}")
    cue = speech_cue(token)
    if cue is None and token.pos_ == "VERB" and lemma in lex.clause_only:
        cue = Cue(token, token, lemma)
    if cue is None and token.pos_ == "NOUN" and lemma in lex.nouns:
        cue = Cue(token, token, lemma)
    return cue


def _is_source_cue(cue: Cue) -> bool:
    return tuple(cue.entry.split()) in cue_lexicon().sources
