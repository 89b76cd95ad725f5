"""Status: whether the sentence says the event occurred, will occur, might
occur, did not occur or lies in the past (PLOVER auxiliary modes), from
negation, modality, future and background cues on the trigger, the verbs
that govern it, directly or through a preposition ("refrained from")
(data/lexicon/event_status.yaml), and from the event's date;
with PLOVER's recodings (future cooperation is AGREE, future retreat
CONCEDE, an announced use of force THREATEN, joint exercises cooperation,
an attack in words criticism).
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from spacy.tokens import Span, Token

from ...annotate.views import sentence_of
from ...records import DateMention
from ..lexicon import Lexicon
from .drafts import Draft
from .parse import _antecedent, _lemma
from .triggers import _names_a_person

# passive subjects that say nothing underwent the act: "nobody was arrested"
_NO_ONE = {"nobody", "none", "nothing", "no-one"}
# parties that are places or peoples, which attacks in words do not have
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}


class StatusReader:
    """Reads the status of events in one article and applies PLOVER's recodings."""

    def __init__(self, lexicon: Lexicon, published: Optional[str]):
        self.lex = lexicon
        self.published = _parse_date(published)

    def status(self, draft: Draft, when: Optional[DateMention]) -> str:
        """The status, with the cue that decided it kept in `draft.reasons`."""
        cues = self.lex.status
        flags: dict[str, str] = {}
        start = draft.match.carrier or draft.head
        chain = self._chain(draft)
        reported = self._reported(chain[-1])
        coordinated = False  # past a conjunct: "did not attack but shelled", "denied it and jailed him"
        subordinate = False  # past a clause of its own: "no one was held after shops were looted"
        past_fact = False  # ... told in the past: "could not sleep when rioters began torching shops"
        for below, token in zip([None, *chain], chain):
            governs = token != start and not (_participial_adjunct(below) and _told_in_the_past(token))
            found = _status_flags(token, cues, is_governor=governs, reported=reported)
            if coordinated or subordinate:
                found.pop("negated", None)
            if past_fact:
                found.pop("hypothetical", None)
                found.pop("future", None)
            for flag, reason in found.items():
                flags.setdefault(flag, reason)
            denier = _denier_through_preposition(token, cues)
            if denier is not None and not (coordinated or subordinate):
                flags.setdefault("negated", f"'{token.text}' held back by '{denier.text}' (negating governor)")
            coordinated = coordinated or (token.dep_ == "conj" and not _shares_negation(token))
            if _states_its_own_fact(token, cues.factual_marks):
                subordinate = True
                past_fact = past_fact or _told_in_the_past(token)
        proposer = _proposing_noun(start, cues.hypothetical_governors)
        if proposer is not None:
            flags.setdefault("hypothetical", f"to-infinitive of '{proposer.text}' (proposal or modal noun)")
        carrier = [draft.match.carrier] if draft.match.carrier is not None else []
        for word in [draft.match.tokens[0], *carrier]:
            if _negated_before(word, cues.negation_words):
                flags.setdefault("negated", f"negation word just before '{word.text}'")
        if carrier and _lemma(carrier[0]) in cues.negating_governors:  # "avoided jail sentences"
            flags.setdefault("negated", f"carried by '{carrier[0].text}' (negating governor)")
        for ancestor in draft.head.ancestors:
            if ancestor.dep_ == "prep" and ancestor.lower_ in cues.historical_preps:
                flags.setdefault("historical", f"background preposition '{ancestor.text}'")
        for flag, reason in self._date_flags(when).items():
            flags.setdefault(flag, reason)
        for status in ("negated", "hypothetical", "future", "historical"):
            if status in flags:
                draft.reasons.append(flags[status])
                return status
        draft.reasons.append("no negation, modal, future or background cue")
        return "occurred"

    def _chain(self, draft: Draft) -> list[Token]:
        """The trigger and the words whose status cues are its own: its
        `_status_chain`, or for a noun whose event a verb of happening reports
        ("talks will begin", "if clashes broke out", "no vote took place") that
        verb's chain after the noun; not a verb of a phase of the happening
        (`Lexicon.phase_verbs`: "the protests will continue")."""
        start = draft.match.carrier or draft.head
        verb = draft.happening
        if verb is None or verb.i == start.i or _lemma(verb) in self.lex.phase_verbs:
            return _status_chain(start, self.lex.speech_verbs)
        return [start, *_status_chain(verb, self.lex.speech_verbs)]

    def _reported(self, top: Token) -> bool:
        """Is the clause what a verb of saying reports ("said it would ...")?"""
        return top.dep_ == "ccomp" and _lemma(top.head) in self.lex.speech_verbs

    def _threat(self, draft: Draft) -> bool:
        """An announced or conditional use of force, pressure or withdrawal
        is a threat: "said it would boycott", "will withdraw unless"."""
        if self.lex.quad[draft.event] != 4 and draft.event != "RETREAT":
            return False
        if _expected(draft):
            return False
        chain = self._chain(draft)
        conditional = any(
            m.dep_ == "mark" and m.lower_ in self.lex.status.threat_marks
            for token in chain for c in token.children if c.dep_ == "advcl" for m in c.children
        )
        if draft.event in self.lex.threat_when_planned:
            return conditional or draft.status == "future"
        announced = draft.status == "future" and self._reported(chain[-1])
        return conditional or (announced and draft.event != "RETREAT")

    def _date_flags(self, when: Optional[DateMention]) -> dict[str, str]:
        published = self.published
        if when is None or published is None:
            return {}
        # its range, not its value: a month's value ("1996-03") is no day
        first, last = _parse_date(when.first), _parse_date(when.last)
        if first is not None and first > published:
            return {"future": f"event date '{when.text}' after publication {published}"}
        if last is not None and (published - last).days >= self.lex.status.historical_days:
            days = self.lex.status.historical_days
            return {"historical": f"event date '{when.text}' {days}+ days before publication {published}"}
        return {}

    def recode(self, draft: Draft) -> None:
        """PLOVER's folding of negation, threats and future tense into the
        event type, of joint exercises into cooperation, and of attacks in
        words into criticism."""
        negated = draft.match.entry.negated
        if self._in_words(draft):
            recoding = self.lex.verbal_attacks.recoding
            draft.event, draft.cameo, draft.mode = recoding.event, recoding.cameo, recoding.mode
            draft.rule += "+in-words"
        if draft.event in self.lex.joint_recode and self._joint(draft):
            recoding = self.lex.joint_recode[draft.event]
            draft.event, draft.cameo, draft.mode = recoding.event, recoding.cameo, recoding.mode
            draft.rule += "+joint"
        if draft.status in ("future", "occurred") and self._threat(draft):
            threat = self.lex.intent.conflict
            draft.mode = self.lex.intent.threat_modes.get(draft.event)
            draft.event, draft.cameo, draft.status = threat.event, threat.cameo, "occurred"
            draft.rule += "+threat"
        elif draft.status == "negated" and negated is not None:
            draft.event, draft.cameo, draft.mode = negated.event, negated.cameo, negated.mode
            draft.status = "occurred"
            draft.rule += "+negated-recode"
        elif draft.status == "future" and draft.event in self.lex.future_recode and not _expected(draft):
            recoding = self.lex.future_recode[draft.event]
            draft.event, draft.cameo, draft.mode = recoding.event, recoding.cameo, recoding.mode
            draft.rule += "+future-recode"
            stated = self._stated_intent(draft)
            if stated is not None:
                draft.status = "occurred"
                draft.reasons.append(f"intent stated with '{stated.text}': the statement occurred")

    def _in_words(self, draft: Draft) -> bool:
        """An attack between people with no force or harm named in its
        sentence is criticism: "his attacks on the senator", "attacked him over it"."""
        rule = self.lex.verbal_attacks
        if rule.recoding is None or draft.event != "ASSAULT" or draft.match.entry.lemma not in rule.lemmas:
            return False
        parties = [_antecedent(t) for t, _ in draft.actors + draft.recipients]
        if not any(_party_words(t) & rule.speakers for t in parties):
            return False
        if any(_party_words(t) & rule.assailants and not _party_words(t) & rule.speakers
               for t in (_antecedent(a) for a, _ in draft.actors)):
            return False  # "a man attacked Varga": someone no speaker is an assailant
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in draft.head.children):
            return False  # "attacked him with a hammer": an instrument
        if any(_is_place(t) or _party_words(t) & rule.not_parties for t in parties):
            return False
        return not force_named(sentence_of(draft.head), self.lex)

    def _stated_intent(self, draft: Draft) -> Optional[Token]:
        """The governor that states the doer's own intention ("willing to
        withdraw", "plans to visit"), if the future came from one."""
        chain = self._chain(draft)
        return next((t for t in chain[1:] if _lemma(t) in self.lex.status.intent_governors), None)

    @staticmethod
    def _joint(draft: Draft) -> bool:
        countries = {p.country for _, p in draft.actors if p.country}
        joint = any(_lemma(c) == "joint" for c in draft.head.children)
        return joint or len(countries) >= 2


def _status_chain(start: Token, speech_verbs: frozenset[str]) -> list[Token]:
    """The trigger and the words that govern it through control, raising,
    purpose clauses and infinitival noun complements, up to a verb of saying."""
    chain = [start]
    token = start
    while token.head != token and len(chain) < 6:
        if token.dep_ in ("xcomp", "advcl") or (token.dep_ == "acl" and token.head.pos_ == "NOUN"):
            pass
        elif token.dep_ == "dobj" and token.pos_ == "NOUN":
            pass
        elif token.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in token.children):
            pass
        else:
            break
        token = token.head
        if _lemma(token) in speech_verbs:
            break
        chain.append(token)
    return chain


def _participial_adjunct(token: Optional[Token]) -> bool:
    """'The bomb went off, killing five', 'sought damages, alleging fraud': a
    participle clause tells what came with its verb's act and is no complement
    of it. On a verb told in the past, a governor of the future ("go", "seek")
    or of denial ("refrain") does not reach it as it reaches "going to kill";
    on "is scheduled to arrive, making a visit" the participle shares the future."""
    return (token is not None and token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN")
            and not any(c.dep_ in ("aux", "mark") for c in token.children))


def _expected(draft: Draft) -> bool:
    """'Riots will break out', 'the meeting will begin at ten': an event a verb
    of happening tells with no doer named is expected, nobody's threat or
    promise, so PLOVER's folding of a future into THREATEN or AGREE does not apply."""
    return draft.happening is not None and not draft.actors


def _proposing_noun(verb: Token, nouns: frozenset[str]) -> Optional[Token]:
    """'his call to ban', 'the authority to negotiate': the noun just before a
    to-infinitive, whatever the parser hangs the infinitive on (it often makes
    it a purpose clause of the main verb or the noun its subject)."""
    doc = verb.doc
    to = doc[verb.i - 1] if verb.i > 0 else None
    if to is None or to.lower_ != "to" or to.dep_ != "aux" or to.i == 0:
        return None
    noun = doc[to.i - 1]
    return noun if noun.pos_ == "NOUN" and _lemma(noun) in nouns else None


def _status_flags(token: Token, cues, is_governor: bool, reported: bool) -> dict[str, str]:
    """Status cues on one token of the chain, each with the words that gave it."""
    flags: dict[str, str] = {}
    for child in token.children:
        word = child.lower_.replace("’", "'")
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
            flags.setdefault("negated", f"negation '{child.text}' on '{token.text}'")
        elif child.dep_ == "nsubjpass" and _is_no_one(child):
            flags.setdefault("negated", f"no one undergoes '{token.text}' ('{child.text}')")
        elif child.dep_ == "aux":
            if word in cues.future_aux or _lemma(child) in cues.future_aux:
                flags.setdefault("future", f"future auxiliary '{child.text}' on '{token.text}'")
            elif reported and word in cues.reported_future_aux:
                flags.setdefault("future", f"reported '{child.text}' (future seen from the past)")
            elif word in cues.hypothetical_aux:
                flags.setdefault("hypothetical", f"modal '{child.text}' on '{token.text}'")
            elif _lemma(child) == "have" and child.tag_ == "VBD" and token.tag_ == "VBN":
                flags.setdefault("historical", f"past perfect '{child.text} {token.text}'")
        elif child.dep_ == "mark" and word in cues.hypothetical_marks:
            flags.setdefault("hypothetical", f"condition '{child.text}' on '{token.text}'")
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        flags.setdefault("negated", f"'{token.text}' governed by 'without'")
    if is_governor:
        if _lemma(token) in cues.future_governors:
            flags.setdefault("future", f"governed by '{token.text}' (future governor)")
        if _lemma(token) in cues.negating_governors:
            flags.setdefault("negated", f"governed by '{token.text}' (negating governor)")
    return flags


def force_named(sentence: Span, lex: Lexicon, besides: Optional[Token] = None) -> bool:
    """Whether the sentence names harm done or a means of force (`Lexicon.force_words`),
    in a word other than `besides`: what makes an attack one of deeds."""
    force = lex.force_words
    return any((_lemma(t) in force or t.lower_ in force) for t in sentence if besides is None or t.i != besides.i)


def _denier_through_preposition(token: Token, cues) -> Optional[Token]:
    """The negating governor that takes `token` through a preposition, if
    any: "refrained from shelling", "abstained from criticism", "prevented
    them from voting", "stopped short of endorsing"."""
    if token.dep_ not in ("pobj", "pcomp") or token.head.dep_ != "prep":
        return None
    preposition = token.head
    governor, phrase = preposition.head, preposition.lower_
    if governor.lower_ == "short" and governor.dep_ == "advmod":  # "stopped short of"
        governor, phrase = governor.head, f"short {phrase}"
    if phrase in cues.negating_prepositions and _lemma(governor) in cues.negating_governors:
        return governor
    return None


def _states_its_own_fact(clause: Token, factual_marks: frozenset[str]) -> bool:
    """'did not stop after the troops fired', 'no one was held when shops were
    looted': an adverbial clause of time, cause or concession with a subject
    of its own states a fact; negating the clause it hangs on does not deny it."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in factual_marks for c in clause.children)
    )


def _told_in_the_past(clause: Token) -> bool:
    """A clause in the past tense or a perfect ("when rioters began", "because
    he had been acquitted", "as he has promised") tells what happened, whatever
    modal or future the clause it hangs on has; a present one shares their time
    ("will leave when the talks end")."""
    return clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or (_lemma(c) == "have" and clause.tag_ == "VBN"))
        for c in clause.children
    )


def _shares_negation(conjunct: Token) -> bool:
    """'did not meet or talk': a negation spreads over 'or' and 'nor', not over
    a verb joined by 'and' or 'but', which says what was done ("is not
    involved but has supported", "denied them a permit and jailed them")."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conjunct.head.children)


def _party_words(token: Token) -> set[str]:
    """The words a noun class may know a party by; a proper noun's PERSON label
    counts (spaCy also tags common nouns like 'hoodlums' PERSON), and so does a
    name the article gives a person elsewhere (a surname tagged GPE in one sentence)."""
    words = {_lemma(token), token.lower_}
    if (token.ent_type_ == "PERSON" and token.pos_ == "PROPN") or _names_a_person(token):
        words.add("PERSON")
    return words


def _is_place(token: Token) -> bool:
    return token.ent_type_ in _PLACE_LABELS and not _names_a_person(token)


def _is_no_one(patient: Token) -> bool:
    """'nobody was arrested', 'no shells were fired': a passive subject that
    says the act had no patient, so it did not happen."""
    return patient.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in patient.children)


def _negated_before(token: Token, negation_words: frozenset[str]) -> bool:
    """'don't support': a negation just before the trigger, which the parser
    does not always attach to it."""
    for i in range(token.i - 1, max(sentence_of(token).start, token.i - 3) - 1, -1):
        word = token.doc[i].lower_.replace("’", "'")
        if word in negation_words:
            return True
        if token.doc[i].is_punct:
            return False
    return False


def _parse_date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
