"""Evaluative states as events.

A party said to be alarmed, outraged, pleased or grateful ("Tokyo is deeply
concerned about the arrests", "the minister was troubled by the ruling") makes
its stance known as surely as one that condemns or praises: PLOVER ACCUSE
'disapprove' or SUPPORT (events.yaml, `evaluative_states`). The state word is
the trigger when it is the predicate of its holder, and the holder is the
actor; what the state is about (its by/at/over/about/with phrase, or the
subject of a clause it governs) is the recipient.

Only the predicate counts ("angry crowds", "hackers angered by the cartoons"
describe, they report no stance), and never a question, a willingness ("happy
to help"), a negated alarm ("is not worried"), a state that names no one and no
act it is about ("we remain encouraged", "concerned about safety"), one about
a disaster, an accident or someone's welfare, or the state of someone who is no
political or social party.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from ...annotate.views import sentence_of
from ...records import Party
from ..lexicon import Lexicon
from .drafts import Draft, Match
from .parse import _lemma, _pobjects

_CAUSE_DEPS = ("prep", "agent")
_CLAUSE_DEPS = ("ccomp", "pcomp")
# marks of a clause that asks or supposes rather than reports: "asked if he was happy",
# "as far as they are concerned"
_NOT_REPORTING_MARKS = {"if", "whether", "unless", "as"}
_HOLDER_DEPS = ("nsubj", "nsubjpass")
_PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# whom a pronoun after a cause preposition names ("angry with him"); a possessor ("her
# daughter") or a clause's subject ("concerned that she saw nothing": often the holder) does not count
_PERSONAL_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
# degree words by which the writer weighs a state rather than report it
_EXCESS = {"too", "enough"}
# degree words after which a that-clause is the state's result, not its cause ("so angry that")
_RESULT_DEGREES = {"so", "such"}


def state_match(word: Token, lex: Lexicon) -> Optional[Match]:
    """The state word as its holder's predicate: the complement of a linking verb
    ("was alarmed", "remained furious", "felt troubled", and the conjuncts of one:
    "disgusted with both and worried about"), which carries it as a light verb a
    noun, or a participle with its own "was" ("was troubled by")."""
    states = lex.states
    entry = states.codes.get(word.lower_)
    carrier: Optional[Token] = None
    first = word
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ in ("acomp", "oprd") and _lemma(first.head) in states.linking_verbs:
        carrier = first.head
    elif not any(c.dep_ == "auxpass" for c in word.children):  # the parser takes some "was" for a passive's
        return None
    clause = carrier or word
    if entry is None or clause.dep_ == "relcl" or any(c.tag_ == "MD" for c in clause.children):
        return None  # "the guard who was shocked": a description; "should be grateful": supposed
    if _willingness(word) or _willingness(clause) or any(c.lower_ in _EXCESS for c in word.children):
        return None  # "happy to help"; "too concerned about", "concerned enough": the writer's measure
    return _stated(Match(entry=entry, head=word, tokens=[word], carrier=carrier), lex)


def _stated(match: Match, lex: Lexicon) -> Optional[Match]:
    """The match when its clause reports the state, not a question, and says what
    the state is about: someone or an act, no disaster."""
    if _asked(match.carrier or match.head, lex):
        return None
    causes = _causes(match, lex)
    if any(_lemma(t) in lex.states.not_causes for c in causes for t in [c, *c.children] if t is c or t.dep_ == "compound"):
        return None  # "shocked by the train crash", "concerned about their safety": no one is judged
    if not any(_names_someone_or_an_act(t, lex) for c in causes for t in _own_phrase(c)):
        return None  # "remain encouraged", "concerned about safety", "worried about it"
    return match


def state_arguments(match: Match, lex: Lexicon) -> tuple[list[Token], list[Token], str]:
    """The holder (the linking verb's subject or the participle's passive subject,
    shared by conjuncts) and the words naming what the state is about."""
    clause = match.carrier or match.head
    holders = [c for c in clause.children if c.dep_ in _HOLDER_DEPS]
    top = clause
    while not holders and top.dep_ == "conj" and top.head is not top:
        top = top.head
        holders = [c for c in top.children if c.dep_ in _HOLDER_DEPS]
    causes = _causes(match, lex)
    if any(c.head.lower_ == "to" for c in causes):  # "grateful to Oslo for its help": the help is the reason
        causes = [c for c in causes if c.head.lower_ != "for"]
    return holders, causes, "state:predicate"


def held_by_a_party(draft: Draft, political: Callable[[Party], bool]) -> bool:
    """A stance needs a holder who is a political or social party (`political`: a
    party with a sector of public life; or a state named as a whole), where
    "residents are worried about rents" tells a private feeling."""
    return any(political(p) or (p.country and t.ent_type_ == "GPE") for t, p in draft.actors)


def _names_someone_or_an_act(token: Token, lex: Lexicon) -> bool:
    """A party (a name, a personal pronoun, a group noun) or an act (an event
    noun, an act or document noun, a decision or proposal): what a stance is
    taken on, where "the results", "safety" or "it" may be anything."""
    if token.ent_type_ in _PARTY_ENTS or (token.lower_ in _PERSONAL_PRONOUNS and token.dep_ == "pobj"):
        return True
    lemma = _lemma(token)
    return (lemma in lex.agent_nouns or lemma in lex.act_nouns or lemma in lex.document_nouns
            or lemma in lex.states.acts or (token.pos_ == "NOUN" and bool(lex.candidates("noun", lemma))))


def _own_phrase(cause: Token) -> list[Token]:
    """The cause's words, without the clauses and appositions that only describe
    it ("the way the government works", "the ramifications if the troops leave",
    "her son, a student at Yale"); of a gerund, its subject only ("concerned with
    driving the point home" is the holder's own doing)."""
    if cause.tag_ == "VBG":
        return [t for c in cause.children if c.dep_ in ("nsubj", "poss") for t in c.subtree]
    skipped = {t.i for c in cause.children if c.dep_ in ("relcl", "advcl", "appos") for t in c.subtree}
    return [t for t in cause.subtree if t.i not in skipped]


def _causes(match: Match, lex: Lexicon) -> list[Token]:
    """What the state is about: the object of one of its cause prepositions on
    the state word (or on the linking verb after it), the subject of a clause
    such a preposition or the word itself governs ("worried about what the
    North is planning", "concerned that the law would ...")."""
    word = match.head
    allowed = lex.states.causes.get(word.lower_, frozenset())
    heads = [word] + ([match.carrier] if match.carrier is not None else [])
    found: list[Token] = []
    result = any(c.lower_ in _RESULT_DEGREES for c in word.children)
    for head in heads:
        for child in head.children:
            if child.dep_ in _CAUSE_DEPS and child.lower_ in allowed and child.i > word.i:
                found += _pobjects(child) or _clause_subjects(child)
            elif child.dep_ == "ccomp" and child.i > word.i and not result:
                found += [s for s in child.children if s.dep_ in _HOLDER_DEPS]  # "concerned that the law would ..."
    return found


def _clause_subjects(preposition: Token) -> list[Token]:
    return [s for c in preposition.children if c.dep_ in _CLAUSE_DEPS
            for s in c.children if s.dep_ in _HOLDER_DEPS]


def _willingness(word: Token) -> bool:
    """'happy to help', 'pleased to announce': a to-infinitive after the state is
    what the holder is willing or glad to do, not what it judges."""
    return any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in word.children)


def _asked(clause: Token, lex: Lexicon) -> bool:
    """A question ('Are you worried?', a sentence ending in a question mark) or a
    clause that asks or supposes ('asked whether she was pleased', 'as far as
    they are concerned')."""
    if any(c.dep_ == "mark" and c.lower_ in _NOT_REPORTING_MARKS for c in clause.children):
        return True
    subject = next((c for c in clause.children if c.dep_ in _HOLDER_DEPS), None)
    if subject is not None and clause.i < subject.i and clause.dep_ == "ROOT":
        return True  # "Are you happy with ...": the verb before its subject
    if clause.dep_ == "ccomp" and _lemma(clause.head) in lex.question_verbs:
        return True
    sentence = sentence_of(clause)
    last = next((t for t in reversed(sentence) if not t.is_space and not t.is_quote), None)
    return last is not None and last.text == "?"
