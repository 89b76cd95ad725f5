"""Speakers and addressees: the cue's subject (or inverted subject), pronouns resolved
through the actor layer.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...analysis import Analysis
from ...records import Speaker
from .cues import Cue, _is_source_cue, clause_cue, cue_lexicon
from .marks import _inside

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_PERSON_PRONOUNS = {"he", "she", "i"}
_NOMINATIVE = {"he", "she", "they", "we", "i"}


def _subject(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """Who performs the cue: its subject, the object of "according to", or an
    inverted name ("said Thomas-Greenfield"); climbs coordinated verbs ("...
    voiced optimism but conceded ..."). Never a word inside a quotation."""
    if _is_source_cue(cue):
        pobj = next((c for c in cue.end.children if c.dep_ == "pobj"), None)
        return pobj if pobj is not None and not _inside(pobj, quoted) else None
    token = cue.token
    for _ in range(5):
        subject = next((c for c in token.children if c.dep_ == "nsubj" and not _inside(c, quoted)), None)
        if subject is not None:
            if subject.tag_ in {"WP", "WDT"} and token.dep_ == "relcl":
                return token.head  # "Smith, who said ..."
            return subject
        if token is cue.token and token.dep_ != "conj":  # "and criticized Obama": Obama is the object
            inverted = _inverted_subject(cue, quoted)
            if inverted is not None:
                return inverted
        if token.head.i == token.i:
            return None
        token = token.head
        if cue.token.tag_ == "VBG" and cue.token.dep_ == "advcl":
            token = _out_of_reported_clause(token)
    return None


def _out_of_reported_clause(token: Token) -> Token:
    """The cue reporting the clause a token heads, if any: "X said the talks had
    stalled, arguing ..." — the arguing is X's, though the parser hangs it on
    "stalled"."""
    while token.dep_ == "ccomp" and clause_cue(token.head) is not None:
        token = token.head
    return token


def _inverted_subject(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """The name right after the cue: "said Thomas-Greenfield", "Said Ellis:"."""
    doc = cue.end.doc
    k = cue.end.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or _inside(doc[k], quoted):
        return None
    token = doc[k]
    if token.pos_ == "PROPN" or token.lower_ in _NOMINATIVE:
        while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
            token = token.head
        return token
    return None


def _speaker_span(head: Token) -> tuple[int, int]:
    """The subject's noun phrase up to its head: appositions and clauses after it are left out."""
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = head
    for child in head.rights:
        if child.dep_ in {"compound", "flat"} and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right)


def _entity_name(analysis: Analysis, start: int, end: int) -> Optional[str]:
    for ent in analysis.entities:
        if ent.start >= start and ent.end <= end and ent.label in {"PERSON", "ORG", "GPE", "NORP"}:
            return ent.text
    return None


def _antecedent(analysis: Analysis, pronoun: Token) -> Optional[tuple[str, Optional[str]]]:
    """Fallback for a pronoun the actor layer did not link: the nearest earlier
    compatible name. Returns (name, actor id)."""
    labels = {"PERSON"} if pronoun.lower_ in _PERSON_PRONOUNS else {"ORG", "GPE", "NORP", "PERSON"}
    candidates = [e for e in analysis.entities if e.end <= pronoun.idx and e.label in labels]
    if not candidates:
        return None
    ent = candidates[-1]
    actor = analysis.actor_at(ent.start, ent.end)
    return (actor.name, actor.id) if actor else (ent.text, None)


def _addressee(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """Who the words were addressed to: the object of "told CNN", "briefed
    reporters", "called on Israel", or "to" after any cue ("said to reporters")."""
    if _is_source_cue(cue):
        return None
    objects = cue.end.children if cue.end.i != cue.token.i else cue.token.children
    for child in objects:
        if _inside(child, quoted) or child.pos_ not in {"PROPN", "NOUN", "PRON"}:
            continue
        if child.dep_ == "pobj" or (child.dep_ in {"dobj", "dative"} and cue.entry in cue_lexicon().addressed):
            return child
    for prep in cue.token.children:
        if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to" and prep.i > cue.token.i:
            target = next((c for c in prep.children if c.dep_ == "pobj" and not _inside(c, quoted)), None)
            if target is not None and target.pos_ in {"PROPN", "NOUN", "PRON"}:
                return target
    return None


def make_speaker(analysis: Analysis, head: Token) -> Speaker:
    """The speaker record for a subject token, named through the actor layer."""
    start, end = _speaker_span(head)
    text = analysis.text[start:end]
    actor = analysis.actor_at(head.idx, head.idx + len(head)) or analysis.actor_at(start, end)
    if actor is not None:
        return Speaker(text=text, start=start, end=end, actor_id=actor.id, name=actor.name)
    if head.lower_ in _PRONOUNS:
        found = _antecedent(analysis, head)
        if found is not None:
            return Speaker(text=text, start=start, end=end, actor_id=found[1], name=found[0])
        return Speaker(text=text, start=start, end=end)
    return Speaker(text=text, start=start, end=end, name=_entity_name(analysis, start, end))
