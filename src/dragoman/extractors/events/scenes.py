"""Scenes: the one country a sentence is set in, and the one country a whole article
is about. PLOVER codes domestic players ("police", "students", "the court") with the
country of the scene, so the party finder asks here when a party names no country of
its own. A dateline's place ("SEOUL -") counts for the article's country but is no
party: where a story was filed says nothing of who acted.
"""

from __future__ import annotations

from typing import Optional, Union

from spacy.tokens import Doc, Span, Token

from ...analysis import Analysis
from ...annotate.views import (
    doc_text, doc_tokens, ent_types, lower_words, pos_tags, sentence_of, span_at, span_tokens, story_sentences,
    with_dateline,
)
from ...records import Party, Place
from ...resolve.countries import country_code, is_state
from ...resolve.dateline import dateline_end
from ..lexicon import Lexicon
from .parse import _lemma

_DESTINATION_PREPS = {"to", "into", "toward", "towards"}  # where one goes is not where one is from
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"}
_ARTICLE_SCENE_SHARE = 0.7  # "clearly about one country": its share of the article's country mentions
_ARTICLE_SCENE_MENTIONS = 2
_ARTICLE_SCENE_LEAD = 3  # ... or this many times the runner-up's mentions

_UNSET: Optional[Party] = Party(text="", start=0, end=0)  # article scene not yet counted


class Scenes:
    """The scenes of one article's sentences and the article's own country, each worked
    out once."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = lexicon
        self.doc = analysis.doc
        self._settings: dict[tuple[int, frozenset[int]], Optional[Party]] = {}
        self._article_party: Optional[Party] = _UNSET
        self._article_lead: Optional[str] = None  # the article's one country, set with _article_party

    def of_sentence(self, token: Token, facing: frozenset[int]) -> Optional[Party]:
        """The first mention of the one country the token's sentence is set in, as a party;
        `facing` are the tokens of the event's other side, never the actor's scene."""
        sentence = with_dateline(sentence_of(token))
        key = (sentence.start, facing)
        if key not in self._settings:
            self._settings[key] = self._scene_of(sentence, facing)
        return self._settings[key]

    def undated(self, scene: Party) -> Optional[Party]:
        """A scene as a party: the dateline's place sets the sentence's country but is no
        party, so another mention of that country in the article stands for it, if any."""
        if not self.place_in_dateline(scene):
            return scene
        article = self.article_party()
        return article if article is not None and article.country == scene.country else None

    def _scene_of(self, sentence: Span, facing: frozenset[int]) -> Optional[Party]:
        """The scene from the reported clause; a trailing reporter ("..., police
        in Nairobi said") only when the clause itself names no country. A
        source cited with "according to" never sets the scene, nor does the
        event's recipient (`facing`)."""
        cited = cited_sources(sentence) | facing
        reporters = _trailing_reporters(sentence, self.lex.speech_verbs)
        found = self.countries(sentence, cited | reporters)
        if not found:
            found = self.countries(sentence, cited)
        return next(iter(found.values())) if len(found) == 1 else None

    def countries(self, sentence: Span, excluded: set[int]) -> dict[str, Party]:
        """The states a sentence's places and demonyms set it in, each by its first
        mention, leaving out the `excluded` tokens (cited sources, the event's other side).
        A dateline the parse cut off the sentence still sets it."""
        sentence = with_dateline(sentence)
        found: dict[str, Party] = {}
        for place in self.analysis.places_within(sentence.start_char, sentence.end_char):
            span = span_at(self.doc, place.start, place.end)
            if (
                place.country and span is not None and span.root.i not in excluded
                and not is_stance_target(span.root) and _is_scene(span.root) and self.names_seat(place)
            ):
                self._first_mention(found, Party(text=place.text, start=place.start, end=place.end,
                                                 country=place.country))
        tokens, pos, ent_type = doc_tokens(self.doc), pos_tags(self.doc), ent_types(self.doc)
        for i in range(sentence.start, sentence.end):  # the doc's kept views: iterating the Span builds each anew
            if not (pos[i] == "ADJ" or ent_type[i] == "NORP"):  # the cheap test first
                continue
            tok = tokens[i]
            if tok.i in excluded or is_stance_target(tok):
                continue
            if not ethnic_within(tok.doc, tok.i, tok.i + 1):
                code = country_code(tok.text)
                if code and _is_scene(tok):
                    self._first_mention(found, Party(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                                     country=code))
        return {code: party for code, party in found.items() if is_state(code)}  # "the UN", "ISIS": no scene

    def _first_mention(self, found: dict[str, Party], party: Party) -> None:
        """Keep the party as its country's mention unless one came before it; the
        dateline's place gives way to the sentence's own mention ("BOSTON (Reuters) - The
        owner of a shop in Massachusetts was arrested": the authorities of Massachusetts)."""
        kept = found.get(party.country)
        if kept is None or (self.place_in_dateline(kept) and not self.place_in_dateline(party)):
            found[party.country] = party

    def article_country(self) -> Optional[str]:
        """The one country most of the article's places and demonyms name, if any."""
        self.article_party()
        return self._article_lead

    def article_party(self) -> Optional[Party]:
        """The first mention of the article's one country, as a party. A dateline's place
        counts towards the country but is no party (none, if the country has no other mention)."""
        if self._article_party is _UNSET:
            counts: dict[str, int] = {}
            first: dict[str, Party] = {}
            for sentence in story_sentences(self.doc):
                for code, party in self.countries(sentence, set()).items():
                    counts[code] = counts.get(code, 0) + 1
                    if not self.place_in_dateline(party):
                        first.setdefault(code, party)
            lead = _clear_lead(counts)
            if lead is None:
                mentions, first = self._place_mentions()
                lead = _clear_lead(mentions)
                lead = lead if set(counts) <= {lead} else None  # the scenes name only it, if any
            self._article_lead = lead
            self._article_party = first.get(lead) if lead else None
        return self._article_party

    def _place_mentions(self) -> tuple[dict[str, int], dict[str, Party]]:
        """parties12 (issue #18): every place mention of the article, by country,
        for when its sentences set too few scenes to tell its country: a local story
        names its town mostly inside names and as clause arguments ("Millbrook police
        said", "moved to Millbrook"), seldom as a scene ("in Millbrook"), yet is as
        clearly set there. Scenes set in another country (a story about several)
        leave it open."""
        counts: dict[str, int] = {}
        first: dict[str, Party] = {}
        for place in self.analysis.places:
            if place.country and is_state(place.country) and self.names_seat(place):
                counts[place.country] = counts.get(place.country, 0) + 1
                if not self.place_in_dateline(place):
                    first.setdefault(place.country, Party(text=place.text, start=place.start, end=place.end,
                                                          country=place.country))
        return counts, first

    def names_seat(self, place: Place) -> bool:
        """Whether a place inside a party's phrase tells where the party is from.

        A place inside a person's name says nothing ("Kenzo Oshima"); inside an
        organisation's name only a country or capital counts ("Baghdad
        University"), not a town the gazetteer happens to know ("the Bush
        administration").
        """
        span = span_at(self.doc, place.start, place.end)
        if span is None or any(t.ent_type_ == "PERSON" for t in span):
            return False
        if any(t.ent_type_ == "ORG" for t in span):
            return country_code(place.text, capitals=True) is not None
        return True

    def in_dateline(self, token: Token) -> bool:
        """Whether the token is in the dateline opening its sentence ("SEOUL -", "ROME (AP) -"):
        the dateline tells where the story was filed, never who acted or was acted on."""
        return token.idx < dateline_end(doc_text(self.doc), sentence_of(token).start_char)

    def place_in_dateline(self, place: Union[Place, Party]) -> bool:
        """Whether a place mention (or a party made of one) is the dateline's place."""
        span = span_at(self.doc, place.start, place.end)
        return span is not None and self.in_dateline(span[0])


def _clear_lead(counts: dict[str, int]) -> Optional[str]:
    """The country an article is clearly about: named at least twice, and in
    most of its country mentions or far more often than any other (a story set
    in Cambodia about a kidnapped Briton, with British and Thai sources)."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < _ARTICLE_SCENE_MENTIONS:
        return None
    best, mentions = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    share = mentions / sum(counts.values())
    return best if share >= _ARTICLE_SCENE_SHARE or mentions >= _ARTICLE_SCENE_LEAD * runner_up else None


def _is_scene(token: Token) -> bool:
    """A place or demonym that sets the scene (modifier, possessor, object of
    a preposition) rather than acting as a clause argument of its own or
    naming where someone goes ("deployed on operations to Afghanistan",
    "deported to Kenya", "the envoy to Iraq")."""
    if token.dep_ == "pobj" and token.head.lower_ in _DESTINATION_PREPS:
        return False
    return not (token.dep_ in _ARGUMENT_DEPS and token.head.pos_ in ("VERB", "AUX"))


def cited_sources(sentence: Span) -> set[int]:
    """Tokens of an 'according to ...' phrase: the source of the report."""
    return {
        t.i for tok in span_tokens(sentence) if tok.lower_ == "according" and tok.dep_ == "prep"
        for t in tok.subtree
    }


def _trailing_reporters(sentence: Span, speech_verbs: frozenset[str]) -> set[int]:
    """The subject of a reporting verb that follows what it reports ("...,
    Thai military sources said"): who tells the news, not where it happens."""
    found: set[int] = set()
    for verb in span_tokens(sentence):
        if _lemma(verb) not in speech_verbs:
            continue
        reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
        if reported:
            found.update(t.i for c in verb.children if c.dep_ == "nsubj" and c.i > reported[0].i
                         for t in c.subtree)
    return found


def is_stance_target(token: Token) -> bool:
    """'anti-Syria', 'pro-Western': the country is what the stance is about,
    not who holds it or where it is. 'Iranian-backed militias', 'US-trained
    forces': the country is their sponsor, not who they are."""
    doc = token.doc
    return (
        token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")
    ) or token.lower_.startswith(("anti-", "pro-")) or _is_sponsor(token)


def _is_sponsor(token: Token) -> bool:
    """The first half of a hyphenated participle modifier ("Iranian-backed")."""
    if token.dep_ != "npadvmod":  # checked first: most tokens stop here, before the slice
        return False
    following = token.doc[token.i + 1 : token.i + 3]
    return (
        token.head.tag_ == "VBN" and token.head.dep_ == "amod"
        and len(following) == 2 and following[0].text == "-" and following[1] == token.head
    )


def ethnic_within(doc: Doc, start: int, end: int) -> bool:
    """Whether "ethnic" is among the tokens [start, end) or just before them ("ethnic
    Albanians" names descent, not a state), read from the doc's kept words: no Span or
    Token is built."""
    return "ethnic" in lower_words(doc)[max(start - 1, 0) : end]
