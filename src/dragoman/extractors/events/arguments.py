"""Arguments: which words of the sentence are an event's actor and recipient.

Subject and object of an active verb, `by`-agent and subject of a passive,
the possessor/compound/name modifier or the light verb's subject of a
nominal event, the controller of an infinitive; an act noun as the actor of
the act; a place the trigger governs, the sentence's scene or an earlier
event of the same type as the recipient when none is named.
"""

from __future__ import annotations

from typing import Optional

from msgspec.structs import replace
from spacy.tokens import Token

from ...analysis import Analysis
from ...annotate.views import sentence_of, sentences, span_at
from ...records import Party, Place
from ...resolve.countries import is_state
from ..lexicon import Lexicon
from ..event_place import named_scene, town_at
from .drafts import Draft, Match
from .parse import (
    _NAME_ENTS,
    _NOMINAL,
    _UNDERGOING_VERBS,
    _complement_tokens,
    _controllers,
    _following_prep,
    _for_clauses,
    _is_geographic,
    _is_passive,
    _is_reduced_passive,
    _lemma,
    _pobjects,
    _subjects,
    _undergoes,
)
from .parties import PartyFinder
from .states import state_arguments

_CONTENT_SLOTS = ("dative", "to")
_DISCOURSE_SENTENCES = 6
# PLOVER modes of acts done to a person (event_modes.yaml): the possessor of such
# a noun, or the subject of a verb that undergoes it, is the target, not the actor.
_PERSON_PATIENT_MODES = frozenset({"arrest", "expel", "abduct", "targeted", "torture", "sexual"})
_COMBAT_VERBS = frozenset({"fight", "battle", "combat"})  # WordNet fight.v.02 "fight against"
# Modes only a state's authorities carry out (courts convict): with no actor named ("she was
# arrested"), the actor is the authorities of where it happened.
_STATE_MODES = frozenset({"arrest", "expel", "convict"})
# Accusations only a state's authorities bring as such (WordNet charge.v.02/indict.v.01, a formal
# legal charge): "she was charged with arson" is the prosecutors' or police's act, where "was
# accused of lying" may be anyone's.
_STATE_ACCUSATIONS = frozenset({"charge", "indict"})
# ipe5 (issue #17): the arm of those authorities each such act is the work of (sectors as in
# actor_roles.yaml): arrests are made by the police (PLOVER COERCE 'arrest', CAMEO 173),
# convictions by the courts, expulsions by the government.
_STATE_MODE_SECTORS = {"arrest": "COP", "convict": "JUD", "expel": "GOV"}
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})  # "the talks": talks told before
_PLACE_ENTS = ("GPE", "LOC", "FAC")  # where an act was, never who did it
# ipe5 (issue #17): acts done to a target, whose passive tells who underwent them ("were
# arrested", "were shot"; not "were met with opposition")
_DONE_TO_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# ipe5 (issue #17): means of force whose later mentions with no doer ("rounds were fired",
# "injured in the firing") go on telling the same act, and how far back it may be
_RESUMED_MODES = frozenset({"firearms", "crowd-control"})
_RESUMED_SENTENCES = 2
# recip5 (issue #18): events that judge an act (PLOVER ACCUSE, SUPPORT, REJECT)
_STANCE_EVENTS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


class ArgumentReader:
    """Finds the actor and recipient words of each trigger and codes them."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon, parties: PartyFinder):
        self.analysis = analysis
        self.lex = lexicon
        self.doc = analysis.doc
        self.parties = parties

    def draft(self, match: Match) -> Draft:
        """The event a trigger starts, with its actor and recipient arguments."""
        if match.entry.pos == "state":
            actor_tokens, recipient_tokens, rule = state_arguments(match, self.lex)
        elif match.verbal:
            actor_tokens, recipient_tokens, rule = self._verb_arguments(match)
        else:
            actor_tokens, recipient_tokens, rule = self._noun_arguments(match)
        entry = match.entry
        actors = self.parties.expand(actor_tokens, "actor")
        recipients = self.parties.expand(recipient_tokens, "recipient")
        charged = _is_legal_charge(match) and any(self.parties.is_agentive(t, p) for t, p in recipients)
        if not actor_tokens and (entry.mode in _STATE_MODES or charged or self._ends_custody(match)):
            authorities = self.parties.authorities(match.head)
            if authorities is not None:
                # a charge (the police's or the prosecutors') or a release from custody (the
                # jail's or the court's): no arm is named for it
                sector = _STATE_MODE_SECTORS.get(entry.mode, authorities.sector)
                actors = [(match.head, replace(authorities, sector=sector))]
                rule += "+actor:unnamed-authorities"
        if any(t.i in self.parties.article_scened for t, _ in actors + recipients):
            rule += "+article-scene"
        return Draft(
            match=match,
            actors=actors,
            recipients=recipients,
            rule=rule,
            event=entry.event,
            cameo=entry.cameo,
            mode=entry.mode,
        )

    def _ends_custody(self, match: Match) -> bool:
        """'was released on bail', 'freed from jail', 'released without charge':
        a release that ends someone's custody is the authorities' who held them
        (not 'hostages were released', nor 'footage was released')."""
        return match.entry.mode == "release" and any(
            _lemma(o) in self.lex.custody_words
            for c in match.head.children if c.dep_ == "prep" and c.lower_ in ("on", "from", "without")
            for o in _pobjects(c))

    def resolve_act_recipients(self, draft: Draft, drafts: dict[int, Draft]) -> None:
        """'a move condemned by X': the move is the act of the clause it hangs on
        (not one of the event's own actors: protesters protest others' acts).
        'blamed police shootings on bias', 'criticized the army raids': an act
        judged, naming no party, stands for its doers (not an act undone: 'lifted
        the ban on rallies' is aimed at those banned, not at whoever banned)."""
        resolved = []
        own = {t.i for t, _ in draft.actors}
        for token, party in draft.recipients:
            act = _governing_draft(token, drafts, draft) if _lemma(token) in self.lex.act_nouns else None
            deed = drafts.get(token.i)
            if (act is None and deed is not None and deed is not draft and draft.event in _STANCE_EVENTS
                    and not (party.country or party.actor_id)):
                act = deed
            if act is not None and act.actors and not own & {t.i for t, _ in act.actors}:
                resolved.extend(act.actors)
                draft.rule += "+act-noun"
            else:
                resolved.append((token, party))
        draft.recipients = resolved

    def _verb_arguments(self, match: Match) -> tuple[list[Token], list[Token], str]:
        verb = match.head
        slots = match.entry.recipient or self.lex.default_recipient["verb"]
        if _is_passive(verb):
            actors = [p for c in verb.children if c.dep_ == "agent" for p in _pobjects(c)] or _shared_agents(verb)
            recipients = [c for c in verb.children if c.dep_ == "nsubjpass"
                          or c.dep_ == "nsubj" and _is_reduced_passive(verb)]
            if not recipients and verb.dep_ in ("acl", "amod"):
                recipients = [verb.head]
            if not recipients and verb.dep_ == "conj":  # "was arrested and charged"
                recipients = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            if not recipients and verb.dep_ == "conj" and match.entry.event in _DONE_TO_TARGET:
                # ipe5 (issue #17): "the marchers left the office and were arrested": a
                # passive act of force coordinated with an active verb shares its subject
                recipients = [c for c in verb.head.children if c.dep_ == "nsubj"]
            if not any(self.parties.agentive_word(a) for a in actors):  # none, or "by a buried bomb"
                doers = self._framing_doers(verb)
                if doers:
                    return doers, recipients, "verb:passive+frame-doer"
            return actors, recipients, "verb:passive"
        actors = [c for c in verb.children if c.dep_ == "nsubj"] or _controllers(verb)
        # "police lathi-charged the crowd": a subject the hyphen split into the trigger stands
        # for its compound ("police")
        trigger = {t.i for t in match.tokens}
        actors = [a for s in actors
                  for a in ([c for c in s.children if c.dep_ == "compound"] if s.i in trigger else [s])]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        recipients = (
            self._requested_agents(match, objects)
            or _slot_tokens([verb], slots)
            or (objects if "dobj" in slots else [])
            or _slot_tokens(objects, _prepositions(slots))
        )
        rule = "verb:active" if any(c.dep_ == "nsubj" for c in verb.children) else "verb:controlled"
        return actors, recipients, rule

    def _framing_doers(self, verb: Token) -> list[Token]:
        """'killed in police firing', 'wounded in an army raid', 'died in
        Israeli air strikes': a passive with no agent whose in-phrase names
        the act by its doer takes that doer. A place naming the act ("the
        Benghazi attacks") says where it was, not who did it. Victims who
        fell fighting someone fell to them."""
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")]
        for frame in (f for c in preps for f in c.children if f.dep_ in ("pobj", "pcomp")):
            if frame.dep_ == "pcomp":  # "in police firing" parsed as a gerund clause
                doers = [c for c in frame.children if c.dep_ in ("nsubj", "compound")]
            elif any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i == frame.i + 1 for c in frame.children):
                doers = [frame]  # "in police firing" parsed as "police" + a participle
            else:
                doers, rule = _nominal_actors(frame, set(), self.lex.agent_nouns)
                doers = doers if rule == "noun:compound" else []
            doers = [d for d in doers if d.ent_type_ not in _PLACE_ENTS]
            if doers:
                return doers
        return [e for e in _fought_enemies(verb) if self.parties.agentive_word(e)]

    def _requested_agents(self, match: Match, objects: list[Token]) -> list[Token]:
        """'demanded an admission by Moscow', 'demanded the withdrawal of
        Serbian forces': who is to do the act asked for is the recipient."""
        if match.entry.event != "REQUEST":
            return []
        found = _clause_subjects(match.head)
        for obj in objects:
            found += [p for c in obj.children if c.lower_ == "by" for p in _pobjects(c)]
            movers = any(e.event == "RETREAT" for e in self.lex.candidates("noun", _lemma(obj)))
            if movers:
                found += [p for c in obj.children if c.lower_ == "of" for p in _pobjects(c)]
        return found

    def _noun_arguments(self, match: Match) -> tuple[list[Token], list[Token], str]:
        noun, carrier = match.head, match.carrier
        slots = match.entry.recipient or self.lex.default_recipient["noun"]
        heads = [noun] + ([carrier] if carrier is not None else [])
        targets = self._object_genitive(match)
        recipients = targets or _slot_tokens(heads, slots)
        between = [] if match.entry.recipient else _slot_tokens([noun], ("between",))
        if not recipients and match.entry.event == "REQUEST":
            recipients = _clause_subjects(noun)
        if not recipients and carrier is not None:  # "granted asylum to five officers"
            recipients = _slot_tokens([carrier], ("dative",))
        named_targets = [t for t in recipients if t.ent_type_ not in ("DATE", "TIME")]
        done_to_person = match.entry.mode in _PERSON_PATIENT_MODES and not named_targets
        undergone = carrier is not None and (
            (done_to_person and _lemma(carrier) in _UNDERGOING_VERBS)
            or _undergoes(carrier, noun)
        )
        if undergone:
            undergoers = _subjects(carrier, 0)
            if undergoers:  # "he has prior arrests", "she faced deportation", "faced censure from X"
                doers, _ = _nominal_actors(noun, {t.i for t in match.tokens}, self.lex.agent_nouns)
                # "drew criticism from X", "came under attack by X": the parser may hang the doer on the verb
                doers = doers or [
                    p for c in carrier.children if c.lower_ in ("from", "by") for p in _pobjects(c) if p.pos_ in _NOMINAL
                ]
                return doers, undergoers, "noun:undergone"
        if carrier is not None:
            if _is_passive(carrier):
                actors = [p for c in carrier.children if c.dep_ == "agent" for p in _pobjects(c)]
            else:
                actors = [c for c in carrier.children if c.dep_ == "nsubj"] or _controllers(carrier)
            if actors:
                return actors, recipients or between, "noun:light-verb"
        own, rule = _nominal_actors(noun, {t.i for t in match.tokens}, self.lex.agent_nouns)
        if rule == "noun:compound":  # "the Fresno protest": the town is where (see `event_place`)
            own = [t for t in own if town_at(self.analysis, t) is None]
        if rule == "noun:possessive" and done_to_person:
            if all(_is_person(t) for t in own):  # "her arrest", "his abduction": the one it was done to
                return [], own, "noun:possessive-patient"
        if not own and not between and self._is_adjunct_event(match):  # "after talks between A and B": theirs
            return _subjects(noun.head.head, 0), recipients or between, "noun:adjunct"
        if not own and between:  # "talks between A and B": both take part (PLOVER compound actors)
            return between, recipients, "noun:between"
        return own, recipients or between, rule

    def _object_genitive(self, match: Match) -> list[Token]:
        """'the blockade of Serbia', 'the bombing of Belgrade': an act noun's
        of-phrase names its target (types listed in the lexicon)."""
        if match.verbal or match.entry.recipient or match.entry.event not in self.lex.object_genitive:
            return []
        return [p for p in _slot_tokens([match.head], ("of",)) if p.pos_ in ("NOUN", "PROPN", "PRON")]

    def _is_adjunct_event(self, match: Match) -> bool:
        """'staged a strike in protest', 'returned for talks', 'remained on
        alert': a nominal event in a prepositional phrase of an active verb is
        done by that verb's subject (prepositions per type in the lexicon)."""
        noun = match.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            return False
        allowed = self.lex.adjunct_events.get(prep.lower_, ())
        return match.entry.event in allowed and not _is_passive(prep.head)

    def content_recipients(self, draft: Draft) -> list[tuple[Token, Party]]:
        """'offered to hand over the suspects to Britain': when what is offered
        or promised is no event of its own, its dative or 'to' object is the
        recipient."""
        if draft.match.entry.embed is None or not draft.match.verbal:
            return []
        contents = [c for c in draft.head.children if c.dep_ in ("xcomp", "ccomp")]
        found = self.parties.expand(_slot_tokens(contents, _CONTENT_SLOTS), "recipient")
        return [(t, p) for t, p in found if p.country or p.actor_id]

    def unidentified_attackers(self, draft: Draft, place: Optional[Place]) -> None:
        """'a roadside bomb near Samarra killed two soldiers': with no one
        named, the attackers are unidentified forces of the country where it
        happened (the event's place, else the sentence's first place that is
        not part of a victim's phrase, else the article's one country). A place
        in the target's phrase ("the bombardment of a town in northern Iraq") is
        where the target lies: it names the victims' side, never the attackers';
        one in another player's phrase ("British police said he was killed")
        is that player's home."""
        taken = [(p.start, p.end) for _, p in draft.recipients]
        targets = _target_tokens(draft)
        sentence = sentence_of(draft.head)
        candidates = [place] + self.analysis.places_within(sentence.start_char, sentence.end_char)
        target_placed = False
        for where in candidates:
            if where is None or not is_state(where.country) or self.parties.scenes.place_in_dateline(where):
                continue
            span = span_at(self.doc, where.start, where.end)
            if any(a < where.end and where.start < b for a, b in taken) or (
                    span is not None and span.root.i in targets):
                target_placed = True  # "the bombardment of a town in northern Iraq": where the target lies
                continue
            if span is not None and self.parties.describes_player(span.root, draft.head):
                continue  # "British police officers concluded he was killed": their home, not the scene
            draft.actors = [(draft.head, Party(text=where.text, start=where.start, end=where.end,
                                               country=where.country))]
            draft.rule += "+actor:unidentified-at-place"
            return
        article = None if target_placed else self.parties.scenes.article_party()
        if article is not None:  # nothing says where it was, in a story about one country: there
            draft.actors = [(draft.head, article)]
            draft.rule += "+actor:unidentified-at-place+article-scene"

    def stand_ins(self, token: Token, party: Party) -> list[tuple[Token, Party]]:
        """A recipient that is an act or thing ("Serbia's suppression of
        unrest", "calls by Belarus") stands for whoever owns or did it. A
        thing coded by a word in its phrase ("Palestinian homes") keeps that
        code unless a possessor or by-phrase names its owner; a passive
        participle's by-agent ("homes demolished by troops") is the doer, not
        the owner."""
        if token.pos_ != "NOUN" or self.parties.agentive_word(token):
            return [(token, party)]
        coded = self.parties.is_agentive(token, party)
        if coded and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):
            return [(token, party)]  # "a British expert kidnapped by guerrillas": the one it was done to
        owners, rule = _nominal_actors(token, {token.i})
        if coded and rule == "noun:compound":
            return [(token, party)]
        if owners and all(o.pos_ == "PRON" for o in owners):  # "opened its borders": the actor's own
            return [(token, party)] if coded else []
        return self.parties.expand(owners, "recipient") or [(token, party)]

    def place_parties(self, draft: Draft) -> list[tuple[Token, Party]]:
        """The first country-coded place the trigger governs, with the places
        coordinated with it ("to the United States and Israel")."""
        if draft.event not in self.lex.place_recipient:
            return []
        actor_spans = [(p.start, p.end) for _, p in draft.actors]
        governed = [
            (p, t) for p, t in self._governed_places(draft)
            if p.country and not any(a < p.end and p.start < b for a, b in actor_spans)
        ]
        if not governed:
            return []
        first_token = governed[0][1]
        partners = {first_token.i} | {t.i for t in first_token.conjuncts}
        return [
            (token, Party(text=place.text, start=place.start, end=place.end, country=place.country))
            for place, token in governed if token.i in partners
        ]

    def _scene_party(self, draft: Draft) -> list[tuple[Token, Party]]:
        """'Sudan's government lifted the state of emergency', 'reneged on his
        commitment to the Zambian people': a territorial event that names no
        target is aimed at the one country the sentence is set in (as a
        governed place would be) when the actor is of that country: a domestic
        act. Marked 'scene' and scored lower."""
        if draft.event not in self.lex.domestic_recipient:
            return []
        scene = self.parties.scene(draft.head)
        scene = self.parties.scenes.undated(scene) if scene is not None else None
        if scene is None or {p.country for _, p in draft.actors} != {scene.country}:
            return []
        place = span_at(self.doc, scene.start, scene.end)
        if place is not None and place.root.i in self._venue_tokens(draft):
            return []  # "urged reform at a forum in Ohio": where it was said, not to whom
        draft.notes.append("scene")
        return [(draft.head, scene)]

    def fill_recipient(self, draft: Draft, history: list[Draft]) -> None:
        """The parties of the earlier event a definite event noun refers back
        to, else a place the trigger governs, else the sentence's scene, else
        the recipient of an earlier event of the same type a few sentences
        before (`history`: the finished events, in text order)."""
        referred = _referred_event_recipients(draft, history)
        if referred:
            draft.recipients = referred
            draft.rule += "+recipient:antecedent"
            draft.notes.append("discourse")
            return
        places = self.place_parties(draft) or self._scene_party(draft)
        if places:
            draft.recipients = places
            draft.rule += "+recipient:place"
            return
        if draft.event not in self.lex.requires_recipient:
            return
        for earlier in reversed(history):
            if _sentences_between(earlier.head, draft.head) > _DISCOURSE_SENTENCES:
                break
            if earlier.event == draft.event and any(p.country for _, p in earlier.recipients):
                draft.recipients = list(earlier.recipients)
                draft.rule += "+recipient:discourse"
                draft.notes.append("discourse")
                return

    def resume_doers(self, draft: Draft, history: list[Draft], mode: Optional[str]) -> None:
        """ipe5 (issue #17): 'Police opened fire on the mob. One man was killed in
        the firing.' Shooting or crowd control told with no doer, a sentence or two
        after the same means was used by someone named, is that one's: the article
        is still on that act. 'killed in a shooting' brings up another one."""
        if mode not in _RESUMED_MODES or _in_a_new_act(draft.head):
            return
        for earlier in reversed(history):
            if _sentences_between(earlier.head, draft.head) > _RESUMED_SENTENCES:
                return
            if earlier.event == draft.event and earlier.mode == mode and earlier.actors:
                draft.actors = list(earlier.actors)
                draft.rule += "+actor:discourse"
                draft.notes.append("discourse")
                return

    def _governed_places(self, draft: Draft) -> list[tuple[Place, Token]]:
        """Places inside what the trigger governs, plus a prepositional phrase
        that the parser attached elsewhere but follows the trigger directly."""
        circumstances = self.lex.circumstance_words
        tokens = {t.i for t in _complement_tokens(draft.head, circumstances)}
        if _is_passive(draft.head):  # "a camp for Congolese refugees was attacked": the patient
            tokens |= {t.i for c in draft.head.children if c.dep_ == "nsubjpass" for t in c.subtree}
        if draft.match.carrier is not None:
            tokens |= {t.i for t in _complement_tokens(draft.match.carrier, circumstances)}
        following = _following_prep(draft.head)
        if following is not None and following.lower_ not in circumstances:
            tokens |= {t.i for t in following.subtree}
        tokens -= self._venue_tokens(draft)
        scene = named_scene(self.analysis, draft.head)
        if scene is not None and draft.event in self.lex.locative_target:  # "the Fresno protest": "a protest in Fresno"
            tokens |= {t.i for t in span_at(self.doc, scene.start, scene.end) or ()}
        found = []
        for place in self.analysis.places:
            span = span_at(self.doc, place.start, place.end)
            if (span is not None and span.root.i in tokens and _is_geographic(span)
                    and not self.parties.scenes.in_dateline(span[0])):  # where the story was filed, not a target
                found.append((place, span.root))
        return sorted(found, key=lambda pair: pair[0].start)

    def _venue_tokens(self, draft: Draft) -> set[int]:
        """Where the act took place: the locative phrases ("in", "at") of the
        trigger, of its light verb, or directly after it ("an appeal made in
        Geneva", "at a forum in Ohio, the senator urged ..."), not what a
        clause inside one is aimed at ("in a letter addressed to the Kenyan
        envoy"). A venue is the target only of the acts in `locative_target`."""
        if draft.event in self.lex.locative_target:
            return set()
        anchors = [draft.head] + ([draft.match.carrier] if draft.match.carrier is not None else [])
        locative = self.lex.locative_prepositions
        venues = [c for a in anchors for c in a.children if c.dep_ == "prep" and c.lower_ in locative]
        following = _following_prep(draft.head)
        if following is not None and following.lower_ in locative:
            venues.append(following)
        return {t.i for v in venues for t in v.subtree if not _clause_between(t, v, locative)}


def _clause_between(token: Token, top: Token, locative: frozenset[str]) -> bool:
    """Whether a verb stands between a token and an ancestor of it, the token
    not in a locative phrase of that verb's clause ("a letter addressed to the
    envoy", not "a hall located in the old town")."""
    first_prep = None
    while token.i != top.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX"):
            return first_prep is None or first_prep.lower_ not in locative
        if token.dep_ == "prep" and first_prep is None:
            first_prep = token
        token = token.head
    return False


def _is_legal_charge(match: Match) -> bool:
    """'he was charged with murder', 'indicted on fraud charges': a passive
    charge or indictment names an offence the authorities charge (of someone:
    not "the price charged for a good")."""
    return match.verbal and _lemma(match.head) in _STATE_ACCUSATIONS and _is_passive(match.head)


def _fought_enemies(verb: Token) -> list[Token]:
    """'soldiers killed fighting Hezbollah', 'wounded while battling ISIS':
    the victims fell to the enemy they were fighting."""
    return [
        o for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and _lemma(c) in _COMBAT_VERBS
        for o in c.children if o.dep_ == "dobj"
    ]


def _shared_agents(verb: Token) -> list[Token]:
    """'was shot and killed by a police officer', 'kidnapped and presumed killed
    by guerrillas': coordinated passives share the by-agent the parser gave
    only one of them."""
    partners = [c for c in verb.conjuncts if c.tag_ == "VBN"]
    partners += [x for c in verb.conjuncts for x in c.children if x.dep_ in ("xcomp", "oprd") and x.tag_ == "VBN"]
    if verb.dep_ == "acl":  # "a worker kidnapped and presumed killed by": the parser hangs both on the noun
        partners += [c for c in verb.head.children
                     if c.dep_ == "acl" and c.tag_ == "VBN" and 0 < c.i - verb.right_edge.i <= 2]
    return [p for c in partners for a in c.children if a.dep_ == "agent" for p in _pobjects(a)]


def _answered_parties(draft: Draft, inner: Draft) -> list[tuple[Token, Party]]:
    """'rejected a demand from the US', 'accepted Egypt's offer': the one
    whose request or offer is answered is the recipient."""
    if inner.match.verbal or not inner.actors:
        return []
    own = {t.i for t, _ in draft.actors}
    own |= {c.i for c in draft.head.children if c.dep_ == "poss"}  # "its readiness to resume talks"
    return [(t, p) for t, p in inner.actors if t.i not in own]


def _nominal_actors(
    noun: Token, trigger: set[int], agent_nouns: frozenset[str] = frozenset()
) -> tuple[list[Token], str]:
    """Possessor, by-/from-phrase, or a name, a nationality or one of the
    `agent_nouns` as a noun compound ("rebel attacks", "army shelling"; not
    the adjective of "a terrorist attack", which names a kind of attack)."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss, "noun:possessive"
    for prep in ("by", "from"):
        objects = [p for c in noun.children if c.lower_ == prep for p in _pobjects(c)]
        if objects:
            return objects, f"noun:{prep}"
    agents = [  # "the demonstration staged by students"
        p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
        for a in c.children if a.dep_ == "agent" for p in _pobjects(a)
    ]
    if agents:
        return agents, "noun:by"
    modifiers = [
        c for c in noun.children
        if c.i not in trigger
        and c.dep_ in ("compound", "amod", "nmod")
        and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
        and (c.ent_type_ in _NAME_ENTS or c.pos_ == "PROPN" or (c.dep_ == "compound" and _lemma(c) in agent_nouns))
    ]
    return modifiers, "noun:compound"


def _slot_tokens(heads: list[Token], slots: tuple[str, ...]) -> list[Token]:
    """Recipient tokens: dependency slots (dobj, dative, nsubjpass) or the
    objects of the listed prepositions, on the trigger or its light verb."""
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "dobj" and "dobj" in slots and child.pos_ in _NOMINAL:
                found.append(child)
            elif child.dep_ == "dative" and ("dative" in slots or child.lower_ in slots):  # "paid
                # tribute to X": the parser may call a listed preposition a dative
                found.extend(_pobjects(child) if child.pos_ == "ADP" else [child])
            elif child.dep_ == "ccomp" and "ccomp-subject" in slots:
                found.extend(c for c in child.children if c.dep_ == "nsubj")
            elif child.dep_ in ("prep", "prt") and child.lower_ in slots:
                found.extend(p for p in _pobjects(child) if p.pos_ in _NOMINAL)
    return found


def _clause_subjects(head: Token) -> list[Token]:
    """'demanded that Israel ease the restrictions', 'its demand that Chad
    open the border': who is asked is the subject of the that-clause."""
    clauses = [c for c in head.children if c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children)]
    clauses += _for_clauses(head)
    return [s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.pos_ in _NOMINAL]


def _prepositions(slots: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositional slots only ("aid to X" may hang on the object)."""
    return tuple(s for s in slots if s not in ("dobj", "dative", "nsubjpass"))


def _borrow_purpose_recipients(draft: Draft, drafts: dict[int, Draft]) -> None:
    """'opened fire to disperse the demonstrators': an act done for the sake of
    another, by the same actor, is aimed at that one's recipient."""
    if draft.recipients:
        return
    for child in draft.head.children:
        purpose = drafts.get(child.i) if child.dep_ in ("advcl", "xcomp") else None
        if purpose is not None and purpose.recipients and not purpose.match.entry.embed:
            same_actor = {t.i for t, _ in purpose.actors} <= {t.i for t, _ in draft.actors}
            if same_actor:
                draft.recipients = list(purpose.recipients)
                draft.rule += "+purpose"
                return


def _referred_event_recipients(draft: Draft, history: list[Draft]) -> list[tuple[Token, Party]]:
    """recip7 (issue #17/#18): 'Gunmen shot a driver ... The shooting took
    place at night': a definite event noun naming no target refers back to the
    earlier event of the same type and kind (entry mode) and takes its
    recipients, when every such event a few sentences back was aimed at the
    same ones and its own actor, if named, is that event's actor too."""
    noun = draft.head
    if draft.match.verbal or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return []
    candidates = [
        e for e in history
        if e.event == draft.event and e.match.entry.mode == draft.match.entry.mode
        and _sentences_between(e.head, noun) <= _DISCOURSE_SENTENCES
        and "recipient:place" not in e.rule and any(p.country or p.actor_id for _, p in e.recipients)
    ]
    if not candidates or len({frozenset(party_keys(e.recipients)) for e in candidates}) > 1:
        return []
    earlier = candidates[-1]
    if draft.actors and not party_keys(draft.actors) & party_keys(earlier.actors):
        return []
    return list(earlier.recipients)


def party_keys(parties: list[tuple[Token, Party]]) -> set[str]:
    """The codes that say who the parties are: actor ids and countries."""
    return {code for _, p in parties for code in (p.actor_id, p.country) if code}


def _governing_draft(token: Token, drafts: dict[int, Draft], own: Draft) -> Optional[Draft]:
    """The nearest event whose trigger governs this token."""
    for ancestor in token.ancestors:
        draft = drafts.get(ancestor.i)
        if draft is not None and draft is not own:
            return draft
    return None


def _sentences_between(earlier: Token, later: Token) -> int:
    """How many sentences `later`'s lies after `earlier`'s."""
    starts = [s.start for s in sentences(later.doc)]
    return starts.index(sentence_of(later).start) - starts.index(sentence_of(earlier).start)


def _in_a_new_act(trigger: Token) -> bool:
    """'killed in a shooting', 'hurt during an attack': the harm came in an act
    the indefinite article brings in as new."""
    return any(d.dep_ == "det" and d.lower_ in ("a", "an")
               for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
               for p in _pobjects(c) for d in p.children)


def _target_tokens(draft: Draft) -> set[int]:
    """The words of the phrases that name who or what the event is aimed at:
    its recipients' phrases and the trigger's object or of-phrase."""
    roots = [t for t, _ in draft.recipients]
    roots += [c for c in draft.head.children if c.dep_ in ("dobj", "nsubjpass")]
    roots += [p for c in draft.head.children if c.lower_ == "of" for p in _pobjects(c)]
    return {t.i for root in roots for t in root.subtree}


def _is_person(token: Token) -> bool:
    """A person: a personal possessive pronoun or a name tagged PERSON."""
    return token.lower_ in _PERSONAL_POSSESSIVES or token.ent_type_ == "PERSON"
