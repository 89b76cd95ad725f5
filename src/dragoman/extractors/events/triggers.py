"""Trigger matching: where the lexicon's entries occur in the text.

One match per head token: phrases first, then the most specific single-word
entry whose particle, object, preposition and light-verb conditions hold;
"X said Y must ..." is a demand triggered by the modal. A light verb carrying
a nominal event is no event of its own; words in short scare quotes are not
triggers.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ...annotate.views import doc_ents, doc_tokens, lower_lemmas, lower_words, pos_tags, token_texts
from ..lexicon import Entry, Lexicon
from .drafts import Match
from .parse import _QUANTITY_NOUNS, _UNDER_VERBS, _after_hyphen, _antecedent, _controllers, _following_prep, _for_clauses, _in_state_phrase, _lemma, _lemma_forms, _lemma_in, _pobjects, _undergoes
from .states import state_match

_NOT_TRIGGER_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"}
_TRIGGER_POS = {"VERB", "NOUN"}  # the parts of speech a single-word trigger has (`_lexical_pos`)
# named parties: whom a reported "should" can be a demand on (or a pronoun for another),
# and whom a question verb asks
_PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_ADDRESSEES = {"he", "she", "they", "you"}
_SCARE_QUOTE_WORDS = 4
_HARM_PREPS = {"in", "during", "from"}
# where a cause or a purpose is said: "after the floods", "to contain the epidemic"
_ADJUNCT_DEPS = {"prep", "advcl", "xcomp", "npadvmod"}
# disasters13: what a measure names, "declared a health emergency", "a flood warning"
_NAMED_DEPS = {"dobj", "oprd", "nsubjpass", "compound", "amod"}
_QUOTE_RE = re.compile(r"“[^”\n]{1,200}”|\"[^\"\n]{1,200}\"")


class TriggerMatcher:
    """Finds the lexicon's triggers in one parsed article."""

    def __init__(self, doc: Doc, text: str, lexicon: Lexicon):
        self.doc = doc
        self.lex = lexicon
        self.scare_quotes = _scare_quotes(text)
        # case5 (issue #17): words that make a harm someone's act ("artillery fire",
        # "police fire"): the ASSAULT means cues and the agent nouns
        self.armed = lexicon.assault_means | lexicon.agent_nouns
        self._quote_starts = [start for start, _end in self.scare_quotes]

    def matches(self) -> dict[int, Match]:
        """One match per head token: phrases first, then the most specific entry.

        Each pass first asks what rules out most tokens at once (no phrase starts with
        the lemma, no trigger has the part of speech), then the rest."""
        matches: dict[int, Match] = {}
        taken: set[int] = set()
        tokens = doc_tokens(self.doc)
        lemmas = lower_lemmas(self.doc)
        for token, lemma in zip(tokens, lemmas):
            if lemma not in self.lex.by_phrase_start or self._in_scare_quote(token):
                continue
            match = self._phrase_match(token)
            if match and not taken & {t.i for t in match.tokens}:
                matches[match.head.i] = match
                taken |= {t.i for t in match.tokens}
        for token, tag in zip(tokens, pos_tags(self.doc)):  # the kept tags: no Token attribute at every word
            if tag not in _TRIGGER_POS or token.i in taken or self._in_scare_quote(token):
                continue
            match = self._word_match(token)
            if match:
                matches[token.i] = match
        states = self.lex.states.codes
        for token, word in zip(tokens, lower_words(self.doc)):
            if word in states and token.i not in matches:
                match = state_match(token, self.lex)
                if match:
                    matches[token.i] = match
        for token, lemma in zip(tokens, lemmas):
            if token.i not in matches and lemma in self.lex.speech_verbs:
                match = self._obligation_match(token)
                if match:
                    matches[token.i] = match
        for token, lemma in zip(tokens, lemmas):
            if token.i not in matches and lemma in self.lex.allegation_verbs:
                match = self._allegation_match(token, matches)
                if match:
                    matches[token.i] = match
        self._resolve_light_verbs(matches)
        return matches

    def _obligation_match(self, speech: Token) -> Optional[Match]:
        """'X said Y must do Z': a demand by X on Y, triggered by the modal. Y is
        someone who can be asked: not the speakers themselves ("we should"), nor a
        thing ("the results should cause", "the work should start"); and the modal
        comes after Y ("should Rubio win" is a condition)."""
        for clause in speech.children:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if clause.dep_ != "ccomp" or subject is None or not self._can_be_asked(_antecedent(subject)):
                continue
            for aux in clause.children:
                if aux.dep_ == "aux" and aux.lower_ in self.lex.obligation_modals and aux.i > subject.i:
                    return Match(entry=self.lex.obligation, head=speech, tokens=[aux])
        return None

    def _allegation_match(self, speech: Token, matches: dict[int, Match]) -> Optional[Match]:
        """'X claimed that Y was lying': an accusation by X of Y, when the clause's
        subject Y is a party and its predicate a wrong (events.yaml `allegations`),
        not negated and no event of its own."""
        for clause in speech.children:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if clause.dep_ != "ccomp" or subject is None or not self._can_be_asked(_antecedent(subject)):
                continue
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            if subject.pos_ == "PRON" and not _quoted_between(speech, clause):
                continue  # "Trump claimed that he was responsible": reported, he is the speaker
            wrong = next((p for p in _predicate_words(clause) if self._is_wrong(p)), None)
            if wrong is not None and wrong.i not in matches:
                return Match(entry=self.lex.allegation, head=speech, tokens=[speech])
        return None

    def _is_wrong(self, word: Token) -> bool:
        lemma = _lemma(word)
        if lemma not in self.lex.allegation_predicates:
            return False
        if (word.tag_ == "VBN" and word.dep_ != "ccomp") or any(c.dep_ == "auxpass" for c in word.children):
            return False  # "feel betrayed", "was bribed": the subject suffered the wrong
        preps = self.lex.allegation_senses.get(lemma)
        return preps is None or all(c.lower_ in preps for c in word.children if c.dep_ in ("prep", "prt"))

    def _can_be_asked(self, subject: Token) -> bool:
        if subject.pos_ == "PRON":
            return subject.lower_ in _ADDRESSEES
        return subject.ent_type_ in _PARTY_ENTS or _lemma(subject) in self.lex.agent_nouns

    def _phrase_match(self, token: Token) -> Optional[Match]:
        for entry in self.lex.by_phrase_start.get(_lemma(token), ()):
            span = self.doc[token.i : token.i + len(entry.phrase)]
            if len(span) == len(entry.phrase) and all(
                _lemma(t) == w or t.lower_ == w for t, w in zip(span, entry.phrase)
            ):
                head = _phrase_head(span)
                carrier = _carrier(head) if entry.pos == "noun" else None  # "coup d'etat": the tagger may miss the noun
                if carrier is not None and not _lemma_in(carrier, self.lex.light_verbs | entry.light):
                    carrier = None
                return Match(entry=entry, head=head, tokens=list(span), carrier=carrier)
        return None

    def _word_match(self, token: Token) -> Optional[Match]:
        pos = _lexical_pos(token)
        if pos is None:
            return None
        anchor = token.head if token.dep_ == "compound" else token  # "a mediation effort"
        lemma = next((f for f in _lemma_forms(token) if self.lex.candidates(pos, f)), _lemma(token))
        for entry in self.lex.candidates(pos, lemma):
            carrier = _carrier(anchor) if pos == "noun" else None
            if entry.particle and not _has_particle(token, entry.particle):
                continue
            if entry.particle and _particle_heads_a_phrase(token, entry):
                continue  # "gave a speech in the city": a preposition, not "give in"
            if entry.objects and not _object_matches(token, entry.objects, entry.particle, clauses=True):
                continue
            if any(_has_particle(token, p) for p in entry.not_particles):
                continue  # "seized on the remark", "hails from": another sense
            if entry.intransitive and any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
                continue  # "fired the aide": another sense than "fired in the air"
            if entry.transitive and not _takes_something(token, entry.particle):
                continue  # "sales declined": another sense than "declined the offer"
            if entry.not_objects and _object_matches(token, entry.not_objects, entry.particle, clauses=True, compounds=True):
                continue  # "struck a deal", "declined to comment": another sense
            if entry.subjects and not (_doer_matches(anchor, carrier, entry.subjects) if pos == "noun"
                                       else _subject_matches(token, entry.subjects)):
                continue
            if entry.modifiers and not _modified_by(anchor, entry.modifiers):
                continue  # strikes15: "a general strike", "an army raid": the noun's kind
            if entry.outcomes and not _told_to_cause(anchor, entry.outcomes):
                continue  # strikes15: "killed in a raid", "the raid that killed": an armed attack
            if entry.not_clause and _governs_clause(token):
                continue  # "was struck that ...", "struck by how calm he was": impressed, not hit
            if entry.not_phrase and _phrase_names(token, entry.not_phrase):
                continue  # "beat him by five points in the primary": a contest won, not a beating
            if entry.warns_of and not _threatens(token, entry.warns_of):
                continue  # "warned the deficit would grow": a caution, not a threat
            if entry.promises and not _promises(token, entry.promises):
                continue  # "assured of winning", "assured them it was safe": no undertaking
            if entry.not_subjects and (
                _subject_matches(token, entry.not_subjects, self.armed) or _harmed_in(token, entry.not_subjects, self.armed)
            ):
                continue  # "the earthquake killed", "injured in the accident": no one's act
            if entry.prep and not _has_prep(token, entry.prep):
                continue
            if entry.not_light and _governed_by(anchor, entry.not_light):
                continue  # "is a threat to", "posed a threat": a danger, not a threat made
            if self._answers_a_hazard(entry, token, carrier):
                continue  # "a lockdown to contain the epidemic": disaster response, not coercion
            if entry.event == "REQUEST" and pos == "verb" and _asks_a_question(token, self.lex):
                continue  # "asked why he left", "'Why?' he asked": a question, not a request
            if entry.event == "AGREE" and _lemma(token) in self.lex.opinion_verbs and _shares_an_opinion(token, self.lex):
                continue  # "agreed that it was bad", "I agree with you": an opinion, not an agreement
            undergone = carrier is not None and self._undergone(entry, carrier, anchor)
            if entry.light and not (carrier is not None and (_lemma_in(carrier, entry.light) or undergone)):
                continue
            if carrier is not None and not entry.light and not (_lemma_in(carrier, self.lex.light_verbs) or undergone):
                carrier = None
            whole = lemma != _lemma(token) and _after_hyphen(token)  # "sit-in": the trigger is the whole word
            return Match(entry=entry, head=anchor, tokens=list(self.doc[token.i - 2 : token.i + 1]) if whole else [token],
                         carrier=carrier)
        return None

    def _answers_a_hazard(self, entry: Entry, token: Token, carrier: Optional[Token]) -> bool:
        """case5 (issue #17): a measure whose cause or purpose, in an adjunct of
        the trigger or of the verb carrying it, names a disaster or an epidemic;
        or one the disaster made someone take ("the outbreak forced them to close")."""
        if entry.event not in self.lex.hazard_responses:
            return False
        modes = self.lex.hazard_responses[entry.event]
        if modes is not None and entry.mode not in modes:
            return False
        verbs = [token] + ([carrier] if carrier is not None else [])
        causes = [c for verb in verbs for c in verb.children if c.dep_ in _ADJUNCT_DEPS | _NAMED_DEPS]
        governor = verbs[-1]
        while governor.dep_ in ("xcomp", "conj") and governor.head is not governor:
            governor = governor.head
            causes += [c for c in governor.children if c.dep_ == "nsubj"]
        return any(_lemma(t) in self.lex.hazard_causes or _participle_stem(t) in self.lex.hazard_causes
                   for c in causes for t in c.subtree)

    def _undergone(self, entry: Entry, verb: Token, noun: Token) -> bool:
        """'faced charges', 'avoided jail sentences', 'survived an attack',
        'came under scrutiny': a conflict noun is an event on its own under a
        verb whose subject undergoes it, even when its entry asks for a light verb.
        Under-phrases only for verbal conflict: "came under fire/attack" is more
        often criticism than force (PolNeAR train: 9 of 13), unless the clause
        names a means of force (material10, issue #17: "came under rocket fire",
        "came under attack by tanks")."""
        quad = self.lex.quad[entry.event]
        verbal_only = _in_state_phrase(noun) and not self._names_means(verb)
        return (quad == 3 if verbal_only else quad >= 3) and _undergoes(verb, noun)

    def _names_means(self, verb: Token) -> bool:
        """material10 (issue #17): the verb's clause, bar its subject, names a
        weapon or means of force (the ASSAULT mode cues of event_modes.yaml)."""
        return any(_lemma(t) in self.lex.assault_means for c in verb.children if not c.dep_.startswith("nsubj")
                   for t in c.subtree)

    def _resolve_light_verbs(self, matches: dict[int, Match]) -> None:
        """A light verb carrying a nominal event is no event of its own, unless
        its entry gives that verb and object another meaning ("lift" +
        "sanctions" is a concession, not a sanction)."""
        for i, match in list(matches.items()):
            carrier = match.carrier
            if carrier is None or carrier.i not in matches or i not in matches:
                continue
            verb_entry = matches[carrier.i].entry
            if verb_entry.objects and verb_entry.event != match.entry.event:
                del matches[i]
            else:
                del matches[carrier.i]

    def _in_scare_quote(self, token: Token) -> bool:
        """Whether the token starts strictly inside a scare quote. The quotes are found
        left to right and do not overlap, so only the last one starting before it can."""
        k = bisect.bisect_left(self._quote_starts, token.idx) - 1
        return k >= 0 and token.idx < self.scare_quotes[k][1]


def _lexical_pos(token: Token) -> Optional[str]:
    if token.ent_type_ in _NOT_TRIGGER_ENTS:
        return None
    if token.pos_ == "VERB":
        return "verb"
    if token.pos_ == "NOUN" and (token.dep_ != "compound" or _lemma(token.head) in _FRAME_NOUNS):
        return "noun"
    return None


def _predicate_words(clause: Token) -> list[Token]:
    """What a clause says its subject does or is: its verb, the complement of a
    copula or of a verb of trying ("was trying to undermine"), and a
    preposition with its object ("was behind the attack", "under the influence")."""
    words = [clause]
    for child in clause.children:
        if child.dep_ in ("acomp", "attr", "xcomp"):
            words.append(child)
            words.extend(c for c in child.children if c.dep_ == "xcomp")
        elif child.dep_ == "prep" and _lemma(clause) == "be":  # not "rallied behind him"
            words.append(child)
            words.extend(c for c in child.children if c.dep_ == "pobj")
    return words


def _quoted_between(speech: Token, clause: Token) -> bool:
    """A quotation mark between a verb of saying and what it reports: the words
    are quoted, and a pronoun in them is not the speaker told of."""
    start, end = sorted((speech.i, clause.left_edge.i if clause.i > speech.i else clause.right_edge.i))
    return any(t.is_quote for t in speech.doc[start:end + 1])


def _phrase_head(span: Span) -> Token:
    """The phrase word whose head lies outside it; a verb if there is one."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    verbs = [t for t in outside if t.pos_ == "VERB"]
    return (verbs or outside or [span[-1]])[-1]


def _carrier(noun: Token) -> Optional[Token]:
    """The verb whose object (or passive subject) the noun is, or whose
    under-phrase it is ("came under attack")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    governor = noun.head.head
    if _in_state_phrase(noun) and governor.pos_ in ("VERB", "AUX"):
        return governor if _lemma(governor) in _UNDER_VERBS else None
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass", "conj"):
        return _carrier(noun.head)  # "launched artillery, mortar and rocket fire"
    measure = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if measure is not None and (_lemma(measure) in _MEASURE_NOUNS or measure.ent_type_ == "DATE"):
        return _carrier(measure)  # "launched ten days of war games", "a series of raids"
    return None


def _governed_by(noun: Token, verbs: frozenset[str]) -> bool:
    """The noun is the object, predicate or passive subject of one of the
    verbs ("is a threat", "posed a threat"), or one of them as a participle
    modifies it ("the threat posed by")."""
    governed = noun.dep_ in ("dobj", "attr", "nsubjpass") and _lemma(noun.head) in verbs
    return governed or any(c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in verbs for c in noun.children)


def _has_particle(verb: Token, particle: str) -> bool:
    """The particle or preposition after the verb, or the mark of a clause it
    introduces ("pushed for the US to back the plan")."""
    return any(
        c.dep_ in ("prt", "prep", "agent") and c.lower_ == particle and c.i > verb.i
        for c in verb.children
    ) or (particle == "for" and bool(_for_clauses(verb)))


# particles that make an intransitive phrasal verb ("give in", "back down",
# "walk out"); as prepositions with objects of their own they only place the act
_ADVERB_PARTICLES = {"in", "out", "up", "down", "back", "off", "away"}


def _particle_heads_a_phrase(verb: Token, entry: Entry) -> bool:
    """The entry's adverb particle is found only as a preposition with its own
    object ("gave birth in a car", "walked out the door"), which is neither the
    entry's object ("hold in custody") nor its recipient ("arrive in Paris")."""
    particle = entry.particle
    if particle not in _ADVERB_PARTICLES or entry.objects or particle in entry.recipient:
        return False
    found = [c for c in verb.children if c.lower_ == particle and c.i > verb.i and c.dep_ in ("prt", "prep", "agent")]
    return bool(found) and all(c.dep_ != "prt" and any(g.dep_ == "pobj" for g in c.children) for c in found)


def _has_prep(noun: Token, prep: str) -> bool:
    """A preposition on the noun, or right after it when the parser attached
    it elsewhere ("Schumer's call last week for an election")."""
    if any(c.dep_ == "prep" and c.lower_ == prep for c in noun.children):
        return True
    following = _following_prep(noun)
    return following is not None and following.lower_ == prep


# nouns that frame an event named by their compound modifier: "a mediation effort"
_FRAME_NOUNS = {"effort", "bid", "attempt", "campaign", "mission"}


# nouns that measure out a series of events: "a wave of strikes", "ten days of exercises"
_MEASURE_NOUNS = {"series", "wave", "round", "spate", "string", "day", "week", "month", "hour"}


def _objects(verb: Token, particle: Optional[str], clauses: bool = False, compounds: bool = False) -> list[Token]:
    """Objects of the verb; "part of X" counts as X, and a relative pronoun the
    noun it stands for. With `clauses`, the verb of an infinitive complement
    counts too: what "declined to comment" declines is commenting, and what
    "offered to mediate" offers is mediating, and an adjective complement
    tells the verb's sense ("pleaded guilty" is a plea in court). An event
    noun's object is its of-phrase or its possessor ("the release of the
    hostages", "their release") or whom it is for ("a rally for the
    candidate"); with `compounds`, a noun compounded with it too, which may
    stand for a possessor ("a Trump rally"), and for a participle or a relative
    clause with no object the noun it modifies ("a dinner hosted by the mayor",
    "the deal she struck") -- enough to rule a sense out, not
    to rule one in ("the Nice attack" names a place)."""
    if verb.pos_ in ("NOUN", "PROPN"):
        kinds = ("poss", "compound") if compounds else ("poss",)
        objects = [c for c in verb.children if c.dep_ in kinds]
        objects += [p for c in verb.children if c.lower_ in ("of", "for") for p in _pobjects(c)]
        return [_antecedent(o) for o in objects]
    kinds = ("dobj", "nsubjpass", "attr", "oprd") + (("xcomp", "acomp") if clauses else ())
    objects = [c for c in verb.children if c.dep_ in kinds]
    if compounds and verb.dep_ == "acl" and verb.tag_ == "VBN" and not objects:
        objects.append(verb.head)  # "a dinner hosted by the mayor": the noun it modifies is what is hosted
    if compounds and verb.dep_ == "relcl" and not objects:
        objects.append(verb.head)  # strikes15: "the deal she had struck": the clause's gap is its object
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "photographs and intelligence"
    objects += [
        p for o in objects if _lemma(o) in _QUANTITY_NOUNS
        for c in o.children if c.lower_ == "of" for p in _pobjects(c)
    ]
    if particle:
        for child in verb.children:
            if child.lower_ == particle:
                # "someone they can talk to": a stranded particle's object is the noun the clause modifies
                stranded = not _pobjects(child) and verb.dep_ == "relcl"
                objects += [verb.head] if stranded else _pobjects(child)
                # "described as reckless": the parser hangs the adjective on the preposition
                objects += [c for c in child.children if c.dep_ == "amod"]
    return [_antecedent(o) for o in objects]


def _object_matches(verb: Token, lemmas: frozenset[str], particle: Optional[str], clauses: bool = False,
                    compounds: bool = False) -> bool:
    """The object, one of its modifiers ("access points", "tear gas and pepper
    spray") or its of-phrase ("state of emergency") is one of the lemmas; its
    entity label counts as one ("PERSON")."""
    for obj in _objects(verb, particle, clauses, compounds):
        words = {*_lemma_forms(obj), obj.lower_, obj.ent_type_}
        if _names_a_person(obj):
            words.add("PERSON")
        words |= {_lemma(c) for c in obj.children if c.dep_ in ("compound", "amod", "nmod")}
        words |= {_lemma(p) for c in obj.children if c.lower_ == "of" for p in _pobjects(c)}
        if words & lemmas:
            return True
    return False


# adjuncts that only date the trigger ("beaten after the election", "after the votes were
# counted"): they do not tell its sense
_TIME_PREPS = {"after", "before", "since", "following", "during", "ahead"}


def _phrase_names(verb: Token, lemmas: frozenset[str]) -> bool:
    """A word of the verb's own phrase (its subtree, without adjuncts that only
    date it) is one of the lemmas, or its entity label is ("PERCENT")."""
    dating = {
        t.i for c in verb.children
        if (c.dep_ == "prep" and c.lower_ in _TIME_PREPS)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TIME_PREPS for m in c.children))
        for t in c.subtree
    }
    return any(
        {*_lemma_forms(t), t.lower_, t.ent_type_} & lemmas
        for t in verb.subtree if t.i not in dating and t is not verb
    )


def _names_a_person(token: Token) -> bool:
    """A name the article gives a person elsewhere, though spaCy labels it
    otherwise here ("a Trump rally" tagged ORG, "Mr. Trump said" PERSON)."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("PERSON", ""):
        return False
    texts = token_texts(token.doc)
    return any(token.text in texts[ent.start:ent.end] for ent in doc_ents(token.doc) if ent.label_ == "PERSON")


def _subject_matches(verb: Token, lemmas: frozenset[str], armed: frozenset[str] = frozenset()) -> bool:
    """The verb's subject, passive agent ("destroyed by the flood") or the noun
    its -ing participle modifies, or a compound in it ("a gas explosion"), is one of the lemmas; with none,
    who controls the verb ("resorted to firing", "began to shoot"); a relative
    pronoun stands for its noun ("the rain that battered the coast"); a name's entity label counts as one ("PERSON").
    An -ing clause with no subject of its own is done by its main clause's doer
    ("a storm battered the coast, killing four"), or is part of the main verb's
    happening when that verb is one of the lemmas and has no object ("a bus
    plunged into a gorge, killing 12"). With `armed`, a doer with a possessor,
    a nationality or one of these words as modifier is someone's ("artillery
    fire", "Israeli fire", "their fire"), whatever its own word."""
    doers = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
    doers += [_antecedent(p) for c in verb.children if c.dep_ == "agent" for p in _pobjects(c)]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "police firing on the crowd": the noun does it
        doers.append(verb.head)
    if verb.dep_ == "conj" and not doers and verb.head.pos_ in ("VERB", "AUX"):
        # "the tanker overturned and exploded": coordinated verbs share their subject
        doers += [_antecedent(c) for c in verb.head.children if c.dep_ == "nsubj"]
    if not doers and verb.pos_ == "VERB":  # ipe5 (issue #17): "police resorted to firing": the controller
        doers = [_antecedent(c) for c in _controllers(verb)]
    if _subjectless_participle(verb):
        main = verb.head
        if _lemma(main) in lemmas and not any(c.dep_ == "dobj" for c in main.children):
            return True
        if _subject_matches(main, lemmas, armed):
            return True
    return any(_names_one_of(d, lemmas, armed) for d in doers)


def _doer_matches(noun: Token, carrier: Optional[Token], lemmas: frozenset[str]) -> bool:
    """strikes15 (issue #17): who does what a noun names is one of the lemmas: its
    possessor or a noun compounded with it ("the teachers' strike", "an army raid"),
    its by-phrase ("raids by helicopters", "a raid led by soldiers"), or the subject
    of the verb carrying it ("nurses began a strike", "militants carried out a raid")."""
    doers = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    doers += [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in _pobjects(c)]
    doers += [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"  # "a raid conducted by the army"
              for a in c.children if a.dep_ == "agent" for p in _pobjects(a)]
    doers += [c for d in doers for c in d.children if c.dep_ == "conj"]  # "teachers and nurses"
    if any(_names_one_of(_antecedent(d), lemmas, frozenset()) for d in doers):
        return True
    return carrier is not None and _subject_matches(carrier, lemmas)


def _modified_by(noun: Token, lemmas: frozenset[str]) -> bool:
    """strikes15 (issue #17): an adjective or noun modifying the noun, or a word
    inside one ("a 24-hour strike", "a week-long strike"), is one of the lemmas."""
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    modifiers += [g for m in modifiers for g in m.children if g.dep_ in ("compound", "npadvmod", "amod", "conj")]
    return any({*_lemma_forms(m), m.lower_} & lemmas for m in modifiers)


def _told_to_cause(noun: Token, lemmas: frozenset[str]) -> bool:
    """strikes15 (issue #17): the act the noun names is told to have caused one of the
    lemmas: a clause on it ("the raid that killed", "a raid leaving two dead") or the
    verb whose in- or during-phrase it is ("killed in a raid", "died during the raid")."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    words = [t for c in clauses for t in [c] + [g for g in c.children if g.dep_ in ("oprd", "dobj", "amod")]]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during"):
        words.append(noun.head.head)
    return any(_lemma(w) in lemmas for w in words)


def _governs_clause(verb: Token) -> bool:
    """A passive, or a verb whose subject is 'it', with a that-clause or a by-phrase
    that is a question clause ("I was struck that ...", "struck by how calm he was",
    "it struck me that ..."): a verb of impression, not of a blow."""
    children = list(verb.children)
    impressed = any(c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ in ("nsubj", "expl") and c.lower_ == "it")
                    for c in children)
    if not impressed:
        return False
    return any(c.dep_ == "ccomp" for c in children) or any(
        p.dep_ == "pcomp" or p.tag_ in ("WRB", "WP") for c in children if c.dep_ == "agent" for p in c.children)


def _subjectless_participle(verb: Token) -> bool:
    """An -ing clause after a main clause, with no subject of its own ("..., killing four")."""
    return (verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.i < verb.i
            and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _names_one_of(noun: Token, lemmas: frozenset[str], armed: frozenset[str]) -> bool:
    if armed and any(_is_armed_modifier(c, armed) for c in noun.children):
        return False
    return (_lemma(noun) in lemmas or (noun.pos_ == "PROPN" and noun.ent_type_ in lemmas)
            or any(_lemma(c) in lemmas for c in noun.children if c.dep_ == "compound"))


def _participle_stem(token: Token) -> str:
    """The noun an -ed adjective is made of, which the tagger leaves whole ("flooded" -> "flood")."""
    word = token.lower_
    return word[:-2] if token.tag_ in ("JJ", "VBN") and word.endswith("ed") else ""


def _is_armed_modifier(modifier: Token, armed: frozenset[str]) -> bool:
    return modifier.dep_ == "poss" or (
        modifier.dep_ in ("compound", "amod", "nmod") and (_lemma(modifier) in armed or modifier.ent_type_ == "NORP"))


def _asks_a_question(verb: Token, lex: Lexicon) -> bool:
    """The verb governs an indirect question ("why ...", "whether ...", "about
    X") and nothing that says what is wanted ("to leave", "for aid"); or it is a
    verb of asking (`question_verbs`) that says nothing of what is wanted."""
    children = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children):
        return False
    for child in children:
        if child.dep_ == "prep" and child.lower_ in lex.question_words:
            return True
        if child.dep_ in ("ccomp", "advcl") and child.i > verb.i:
            opener = child.left_edge
            if opener.lower_ in lex.question_words or any(
                c.lower_ in lex.question_words for c in child.children if c.dep_ in ("mark", "advmod") and c.i < child.i
            ):
                return True
    if _lemma(verb) not in lex.question_verbs:
        return False
    wanted = [c for c in children if (c.dep_ in ("ccomp", "advcl") and c.i > verb.i and _is_clause(c))
              or (c.dep_ == "dobj" and (not _asked_one(c, lex.asked_nouns) or _asks_for(c)))]
    return not wanted


def _shares_an_opinion(verb: Token, lex: Lexicon) -> bool:
    """A verb of agreeing that says nothing of what is agreed to: no
    to-infinitive, object, passive subject or agreed-to preposition."""
    return not any(
        c.dep_ in ("xcomp", "dobj", "nsubjpass", "auxpass")
        or (c.dep_ in ("prep", "prt") and c.lower_ in lex.agreed_preps)
        for c in verb.children
    )


_PARTY_PRONOUNS = {"i", "we", "you", "he", "she", "they"}


def _takes_something(verb: Token, particle: Optional[str]) -> bool:
    """The verb has an object or a clause ("declined the offer", "declined at
    first to criticize him"), or a named party or a person as its doer, who may
    leave unsaid what was put to it ("asked to speak there, Trump declined")."""
    if _objects(verb, particle, clauses=True):
        return True
    if any(c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
           for c in verb.children):
        return True
    return any(c.dep_ == "nsubj" and (c.lower_ in _PARTY_PRONOUNS or (c.pos_ == "PROPN" and c.ent_type_ in _PARTY_ENTS))
               for c in verb.children)


_SELF_WORDS = {"i", "we"}  # a speaker naming its own side
_ITS_OWN = {"it", "they"}  # a country or body naming itself
_PERSONAL = {"he", "she", "him", "her"}
_CONDITIONS = {"if", "unless"}
_WARNED_OF = {"of", "about", "against"}


def _promises(verb: Token, parties: frozenset[str]) -> bool:
    """recall16 (issue #17): an assurance is a promise (PLOVER AGREE) when the
    assurer, in the active voice, says what will be done: its that-clause is
    future or conditional, and either passive ("assured them the supply would not
    be cut") or about the assurer's own side or a party of these classes
    ("assured them he would help", "assured him that Kenya would not join").
    Else it reassures or asserts ("assured of winning", "assured voters the
    plan was sound", "I can guarantee this will be in an ad")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    assurer = _speaker(verb)
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX for a in clause.children):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
            return True
        if any(c.dep_ == "nsubj" and (_own_side(c, assurer) or _names_one_of(c, parties, frozenset()))
               for c in clause.children):
            return True
    return False


_FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll", "'d", "’d", "wo"}


def _threatens(verb: Token, reprisals: frozenset[str]) -> bool:
    """A warning is a threat (PLOVER THREATEN: a coercive warning) when what
    it warns of names a reprisal ("warned of consequences", "warned they would
    face sanctions") or is the warner's own act: "warned that it would
    retaliate", "'we will respond,' he warned", a condition followed by what a
    state will do ("if they raise tariffs, so will China"). Else it cautions
    or predicts ("warned the deficit would grow", "warned swimmers to stay out")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    warned = clauses + [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _WARNED_OF for p in _pobjects(c)]
    if any(_lemma(t) in reprisals for w in warned for t in w.subtree):
        return True
    warner = _speaker(verb)
    for clause in clauses:
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            if _own_side(subject, warner):
                return True
            conditional = any(m.lower_ in _CONDITIONS for c in clause.children if c.dep_ == "advcl"
                              for m in c.children if m.dep_ == "mark")
            if conditional and subject.ent_type_ in ("GPE", "NORP", "ORG"):
                return True
    return False


def _own_side(subject: Token, speaker: Optional[Token]) -> bool:
    """The subject of a reported clause names the speaker's own side: "we", the speaker
    again, "it"/"they" for a body, "he"/"she" for a person ("Trump said he would")."""
    word = subject.lower_
    if word in _SELF_WORDS or (speaker is not None and _lemma(subject) == _lemma(speaker)):
        return True
    if word in _ITS_OWN and speaker is not None and speaker.lower_ not in _PERSONAL and speaker.ent_type_ != "PERSON":
        return True
    return word in _PERSONAL and speaker is not None and (
        speaker.lower_ in _PERSONAL or speaker.ent_type_ == "PERSON" or _names_a_person(speaker))


def _speaker(verb: Token) -> Optional[Token]:
    """Who warns or assures: the verb's subject, or its head's for a participle ("..., warning that")."""
    for head in (verb, verb.head):
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _antecedent(subject)
    return None


def _is_clause(head: Token) -> bool:
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ == "mark" and c.lower_ in ("that", "for") for c in head.children)


def _asks_for(asked: Token) -> bool:
    """What is wanted hangs on whom it asks, as the parser may attach it ("asked donors
    for blankets", "asking anyone who saw the dogs to call"): a for-phrase or an infinitive."""
    return any((t.dep_ == "prep" and t.lower_ == "for") or t.dep_ == "xcomp"
               or (t.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
               for t in asked.subtree if t is not asked)


def _asked_one(obj: Token, asked_nouns: frozenset[str]) -> bool:
    """The object of a question verb is whom it asks, or the question ("asked the boy", "asked questions")."""
    return obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in _PARTY_ENTS or (
        _lemma(obj) in asked_nouns)


def _harmed_in(verb: Token, lemmas: frozenset[str], armed: frozenset[str] = frozenset()) -> bool:
    """A passive with no doer whose harm came in one of the lemmas ("injured in
    the accident", "killed in crashes") or when one of them happened on its own
    ("killed when the helicopter crashed", "when the roof collapsed"). A bare
    participle is a passive too ("man, 87, killed in traffic accident");
    `armed` as in _subject_matches ("killed in artillery fire" is an act)."""
    children = list(verb.children)
    bare = verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in children)
    if not (bare or any(c.dep_ in ("nsubjpass", "auxpass") for c in children)) or any(c.dep_ == "agent" for c in children):
        return False
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _HARM_PREPS:
            if any(_names_one_of(p, lemmas, armed) for p in _pobjects(child)):
                return True
        if child.dep_ == "advcl" and not any(c.dep_ in ("dobj", "nsubjpass") for c in child.children):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if _lemma(child) in lemmas or any(_lemma(s) in lemmas for s in subjects):
                return True
    return False


def _scare_quotes(text: str) -> list[tuple[int, int]]:
    """Short quoted phrases ('an "immediate ceasefire"'): a word the writer
    quotes, not an event someone reports."""
    return [
        (m.start(), m.end())
        for m in _QUOTE_RE.finditer(text)
        if len(m.group()[1:-1].split()) <= _SCARE_QUOTE_WORDS
    ]
