"""PLOVER events: who did what to whom, when, where, and how certain.

Triggers come from the lexicon (data/lexicon/events.yaml); everything else is
read off the dependency parse:

- actor and recipient: subject and object of an active verb, `by`-agent and
  subject of a passive, the possessor/compound/adjective or the light verb's
  subject of a nominal event ("Hamas's attack on Israel", "launched an
  attack"), the controller of an infinitive ("vowed to carry out", "is
  expected to travel"), coordinated parties as one list (PLOVER compound
  actors), "counterparts from A, B and C" as A, B and C, a document as its
  sponsors, an act noun ("a move condemned by X") as the actor of the act,
  "talks between A and B" as both, "the blockade of X" as its target; a
  country that is itself the recipient never sets the actor's scene;
- background: events in relative clauses and in circumstance phrases or
  clauses ("because of", "after", "if", "without") of the reported event are
  dropped, and "to protest" after a demonstration is that same protest;
- status (PLOVER auxiliary modes): negation, modality, future and background
  cues on the trigger and the verbs that govern it (data/lexicon/event_status.yaml),
  with PLOVER's recodings (future cooperation is AGREE, future retreat CONCEDE);
- mode from the entry or from cue words (event_modes.yaml), context from the
  sentence (event_contexts.yaml), date from `dragoman.extractors.dates.event_date`,
  place from the places layer.

Confidence is a plain score, not a probability: 0.5, plus 0.2 when the actor
is coded (an actor id or a country), plus 0.15 when the recipient is coded or
not needed, plus 0.1 for a verbal (rather than nominal) trigger, minus 0.15
for a recipient taken from an earlier sentence or from the sentence's scene; capped to [0.1, 0.95].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from msgspec.structs import replace
from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis
from ..pipeline import component
from ..records import Actor, DateMention, Event, Offsets, Party, Place, Trigger
from ..resolve.countries import country_code
from .claims import casualty_counts
from .dates import event_date
from .event_place import event_place
from .lexicon import Entry, Lexicon, Recoding, load_lexicon
from ..annotate.views import sentence_of, sentences

_NOMINAL = {"NOUN", "PROPN", "PRON"}
_VERBAL = {"VERB"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "ours"}
_PERSONAL_THIRD = {"he", "him", "his", "she", "her"}
_IMPERSONAL_THIRD = {"it", "its", "they", "them", "their"}
_RELATIVE = {"who", "whom", "which", "that", "whose"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_LOCATIVE_PREPS = {"in", "from", "throughout", "across", "inside"}
_PLACE_PREPS = _LOCATIVE_PREPS | {"at", "to", "into", "near", "within"}  # "returning to Kyrgyzstan"
_INTERNATIONAL_SECTORS = {"IGO", "NGO"}  # bodies that belong to no one country's scene
_NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_NOT_TRIGGER_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"}
_ARG_TRIM = {"relcl", "acl", "appos", "conj", "cc", "advmod", "punct", "prep"}
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "dative", "attr", "oprd", "acomp"}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"}
_GRIEVANCE_PREPS = {"over", "about"}
_DEED_QUADS = (2, 4)  # material cooperation and conflict: things done, not said
_CONTENT_SLOTS = ("dative", "to")
_SCARE_QUOTE_WORDS = 4
_DISCOURSE_SENTENCES = 6
_ANTECEDENT_SENTENCES = 4
_QUOTE_RE = re.compile(r"“[^”\n]{1,200}”|\"[^\"\n]{1,200}\"")


@dataclass
class Match:
    """A lexicon entry found in the text."""

    entry: Entry
    head: Token  # where arguments attach
    tokens: list[Token]  # the trigger words
    carrier: Optional[Token] = None  # light verb of a nominal trigger

    @property
    def verbal(self) -> bool:
        return self.head.pos_ in _VERBAL or self.head.tag_.startswith("VB")


@dataclass
class Draft:
    """An event under construction."""

    match: Match
    actors: list[tuple[Token, Party]]
    recipients: list[tuple[Token, Party]]
    rule: str
    event: str
    cameo: str
    mode: Optional[str] = None
    status: str = "occurred"
    notes: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why the status was chosen

    @property
    def head(self) -> Token:
        return self.match.head


# -- component ----------------------------------------------------------------
@component("events")
def find_events(analysis: Analysis) -> None:
    if not analysis.text.strip():
        return
    coder = EventCoder(analysis, load_lexicon())
    analysis.events = coder.code()


def explain_event(analysis: Analysis, event: Event) -> Optional[dict]:
    """Why `event` was coded as it was: trigger, lexicon entry, rule, the
    dependency paths to its parties, and the cues behind its status and date.

    The trace is recomputed (not stored in the record), so it is always the
    one of the current lexicon and code; None when the event is not found.
    """
    if not analysis.text.strip():
        return None
    coder = EventCoder(analysis, load_lexicon())
    coder.traces = {}
    coder.code()
    return coder.traces.get((event.trigger.start, event.event))


class EventCoder:
    """Codes the events of one analysed article."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = lexicon
        self.doc: Doc = analysis.doc
        self.parties = PartyFinder(analysis, lexicon)
        self.scare_quotes = _scare_quotes(analysis.text)
        self.sentence_index = {s.start: k for k, s in enumerate(sentences(self.doc))}
        self.longest_context_cue = max((len(cue) for cues in lexicon.contexts.values() for cue in cues), default=1)
        self.traces: Optional[dict[tuple[int, str], dict]] = None  # filled for `explain_event`

    def code(self) -> list[Event]:
        matches = self._matches()
        absorbed, embedded = self._embeddings(matches)
        drafts = {i: self._draft(m) for i, m in matches.items()}
        for draft in drafts.values():
            self._resolve_act_recipients(draft, drafts)
            self._take_grievance_recipients(draft, drafts)
        for i, inner in embedded.items():
            self._apply_embedding(drafts[i], [drafts[j] for j in inner])
        for draft in drafts.values():
            _borrow_purpose_recipients(draft, drafts)
        absorbed |= self._protest_topics(drafts)
        absorbed |= _protest_purposes(drafts)
        absorbed |= self._violence_outcomes(drafts)
        absorbed |= self._topic_events(drafts, absorbed)
        absorbed |= _noun_contents(drafts, absorbed)
        absorbed |= _framing_nouns(drafts, absorbed)
        absorbed |= _descriptive_participles(drafts)
        absorbed |= _background_clauses(drafts, absorbed)
        absorbed |= self._circumstances(drafts, absorbed)
        kept = [d for i, d in sorted(drafts.items()) if i not in absorbed]
        events: list[Event] = []
        history: list[tuple[int, Draft]] = []
        for draft in kept:
            event = self._finish(draft, history)
            if event is not None:
                history.append((self._sentence_of(draft.head), draft))
                events.append(event)
        events = _drop_repeated_headline(events, self._title_end())
        return [replace(e, id=f"E{k}") for k, e in enumerate(events, 1)]

    # -- triggers ----------------------------------------------------------
    def _matches(self) -> dict[int, Match]:
        """One match per head token: phrases first, then the most specific entry."""
        matches: dict[int, Match] = {}
        taken: set[int] = set()
        for token in self.doc:
            if self._in_scare_quote(token):
                continue
            match = self._phrase_match(token)
            if match and not taken & {t.i for t in match.tokens}:
                matches[match.head.i] = match
                taken |= {t.i for t in match.tokens}
        for token in self.doc:
            if token.i in taken or self._in_scare_quote(token):
                continue
            match = self._word_match(token)
            if match:
                matches[token.i] = match
        for token in self.doc:
            if token.i not in matches and _lemma(token) in self.lex.speech_verbs:
                match = self._obligation_match(token)
                if match:
                    matches[token.i] = match
        self._resolve_light_verbs(matches)
        return matches

    def _obligation_match(self, speech: Token) -> Optional[Match]:
        """'X said Y must do Z': a demand by X on Y, triggered by the modal."""
        for clause in speech.children:
            if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" for c in clause.children):
                continue
            for aux in clause.children:
                if aux.dep_ == "aux" and aux.lower_ in self.lex.obligation_modals:
                    return Match(entry=self.lex.obligation, head=speech, tokens=[aux])
        return None

    def _phrase_match(self, token: Token) -> Optional[Match]:
        for entry in self.lex.by_phrase_start.get(_lemma(token), ()):
            span = self.doc[token.i : token.i + len(entry.phrase)]
            if len(span) == len(entry.phrase) and all(
                _lemma(t) == w or t.lower_ == w for t, w in zip(span, entry.phrase)
            ):
                head = _phrase_head(span)
                carrier = _carrier(head) if head.pos_ == "NOUN" else None
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
            if entry.objects and not _object_matches(token, entry.objects, entry.particle):
                continue
            if entry.prep and not _has_prep(token, entry.prep):
                continue
            if entry.light and not (carrier is not None and _lemma_in(carrier, entry.light)):
                continue
            if carrier is not None and not entry.light and not _lemma_in(carrier, self.lex.light_verbs):
                carrier = None
            return Match(entry=entry, head=anchor, tokens=[token], carrier=carrier)
        return None

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
        return any(start < token.idx < end for start, end in self.scare_quotes)

    # -- embedding: "refused to meet", "vowed to attack" -------------------
    def _embeddings(self, matches: dict[int, Match]) -> tuple[set[int], dict[int, list[int]]]:
        """Triggers inside the complement of an absorbing or promising verb."""
        absorbed: set[int] = set()
        embedded: dict[int, list[int]] = {}
        for i, match in matches.items():
            if match.entry.embed is None:
                continue
            inside = {t.i for t in _embedded_tokens(match.head, self.lex.circumstance_words)} - {i}
            inner = sorted((j for j in matches if j in inside), key=lambda j: _depth(matches[j].head))
            absorbed.update(inner)
            embedded[i] = inner
        return absorbed, embedded

    @staticmethod
    def _protest_topics(drafts: dict[int, Draft]) -> set[int]:
        """What protesters demand is the protest's topic, not a separate
        request (manual, PROTEST ambiguities)."""
        protests = {
            t.i for d in drafts.values() if d.event == "PROTEST"
            for t in [d.head] + ([d.match.carrier] if d.match.carrier is not None else [])
        }
        topics = {
            i: d for i, d in drafts.items()
            if d.event == "REQUEST" and any(a.i in protests for a in d.head.ancestors)
        }
        for topic in topics.values():
            protest = next(
                (d for d in drafts.values() if d.event == "PROTEST" and not d.recipients
                 and any(a.i in (d.head.i, getattr(d.match.carrier, "i", -1)) for a in topic.head.ancestors)),
                None,
            )
            if protest is not None:
                protest.recipients = topic.recipients
        return set(topics)

    @staticmethod
    def _violence_outcomes(drafts: dict[int, Draft]) -> set[int]:
        """'shelled the town, killing 20', 'launched an attack, killing 20':
        the killing is the outcome of the shelling, one event, which takes the
        victims as recipient when it names none itself."""
        outcomes = set()
        by_carrier = {d.match.carrier.i: d for d in drafts.values() if d.match.carrier is not None}
        for i, draft in drafts.items():
            main = drafts.get(draft.head.head.i) or by_carrier.get(draft.head.head.i)
            if (
                draft.event == "ASSAULT" and draft.match.verbal and main is not None and main is not draft
                and main.event == "ASSAULT" and draft.head.dep_ in ("advcl", "conj")
            ):
                outcomes.add(i)
                if not main.recipients:
                    main.recipients = draft.recipients
        return outcomes

    def _topic_events(self, drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
        """'agreed on a ceasefire', 'discussed sanctions', 'accepted demands
        from the rebels': an event noun that is what another event's verb is
        about is that event's content, not a second event. A deed with a
        named doer ("discussed the Houthi attack") stays an event. When the
        main event names no recipient, the one whose demand or offer it
        answers becomes it ("accepted demands from the rebels")."""
        topics = set()
        for i, draft in drafts.items():
            if draft.match.verbal or draft.match.carrier is not None or i in absorbed:
                continue
            if self.lex.quad[draft.event] in _DEED_QUADS and draft.actors:
                continue
            main = drafts.get(_topic_governor(draft.head, self.lex.topic_preps).i)
            if main is None or main is draft or not main.match.verbal or main.head.i in absorbed:
                continue
            topics.add(i)
            if not main.recipients:
                main.recipients = self._answered_parties(main, draft)
        return topics

    def _circumstances(self, drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
        """'closed its borders because of fighting', 'expelled the inspectors
        after officials alleged ...', 'will meet him if he gives them a veto':
        an event in a circumstance phrase or clause of another event is
        background, dropped when that other event is reported."""
        found = set()
        for i, draft in drafts.items():
            cue = self._circumstance_cue(draft)
            if i in absorbed or cue is None:
                continue
            main = next((drafts[a.i] for a in cue.ancestors if a.i in drafts), None)
            if main is not None and main.head.i not in absorbed:
                found.add(i)
        return found

    def _circumstance_cue(self, draft: Draft) -> Optional[Token]:
        """Where the trigger's circumstance phrase hangs: the adverbial clause a
        circumstance word introduces, or the preposition ("after", "amid",
        "because of", "due to") whose object is a nominal trigger."""
        anchor = draft.match.carrier or draft.head
        for token in [anchor, *anchor.ancestors]:
            if token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.lex.circumstance_words for c in token.children
            ):
                return token
            if token.dep_ == "pcomp" and token.head.lower_ in self.lex.circumstance_words:
                return token.head  # "before allowing aid convoys in"
        if draft.match.verbal or draft.head.dep_ != "pobj":
            return None
        prep = draft.head.head
        cue = prep if prep.lower_ in self.lex.circumstance_words else prep.head  # "because of"
        return cue if cue.lower_ in self.lex.circumstance_words else None

    @staticmethod
    def _answered_parties(draft: Draft, inner: Draft) -> list[tuple[Token, Party]]:
        """'rejected a demand from the US', 'accepted Egypt's offer': the one
        whose request or offer is answered is the recipient."""
        if inner.match.verbal or not inner.actors:
            return []
        own = {t.i for t, _ in draft.actors}
        return [(t, p) for t, p in inner.actors if t.i not in own]

    def _apply_embedding(self, draft: Draft, inner: list[Draft]) -> None:
        """The embedded event lends its recipient ("threatened to attack X");
        a promise also codes by what is promised: AGREE, CONCEDE or THREATEN."""
        if not inner:
            if not draft.recipients:
                draft.recipients = self._content_recipients(draft)
            return
        promised = inner[0]
        if not draft.recipients:
            draft.recipients = (
                self._answered_parties(draft, promised)
                or promised.recipients
                or self._place_parties(promised)
            )
        if draft.match.entry.embed != "intent":
            return
        rule = self.lex.intent
        if promised.event in ("RETREAT", "CONCEDE"):
            recoding = self.lex.future_recode.get(promised.event) or Recoding(
                event=promised.event, cameo=promised.cameo
            )
        elif self.lex.quad[promised.event] <= 2:
            recoding = rule.cooperation
        else:
            mode = rule.threat_modes.get(promised.event)
            recoding = Recoding(event=rule.conflict.event, cameo=rule.conflict.cameo, mode=mode)
        draft.event, draft.cameo, draft.mode = recoding.event, recoding.cameo, recoding.mode
        if promised.match.entry.context:
            draft.notes.append("context:" + ",".join(promised.match.entry.context))
        draft.rule += "+intent"

    # -- arguments -----------------------------------------------------------
    def _draft(self, match: Match) -> Draft:
        if match.verbal:
            actor_tokens, recipient_tokens, rule = self._verb_arguments(match)
        else:
            actor_tokens, recipient_tokens, rule = self._noun_arguments(match)
        entry = match.entry
        return Draft(
            match=match,
            actors=self.parties.expand(actor_tokens, "actor"),
            recipients=self.parties.expand(recipient_tokens, "recipient"),
            rule=rule,
            event=entry.event,
            cameo=entry.cameo,
            mode=entry.mode,
        )

    def _verb_arguments(self, match: Match) -> tuple[list[Token], list[Token], str]:
        verb = match.head
        slots = match.entry.recipient or self.lex.default_recipient["verb"]
        if _is_passive(verb):
            actors = [p for c in verb.children if c.dep_ == "agent" for p in _pobjects(c)]
            recipients = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not recipients and verb.dep_ in ("acl", "amod"):
                recipients = [verb.head]
            return actors, recipients, "verb:passive"
        actors = [c for c in verb.children if c.dep_ == "nsubj"] or _controllers(verb)
        objects = [c for c in verb.children if c.dep_ == "dobj"] or _shifted_objects(verb)
        recipients = (
            self._requested_agents(match, objects)
            or _slot_tokens([verb], slots)
            or (objects if "dobj" in slots else [])
            or _slot_tokens(objects, _prepositions(slots))
        )
        rule = "verb:active" if any(c.dep_ == "nsubj" for c in verb.children) else "verb:controlled"
        return actors, recipients, rule

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
        if carrier is not None:
            if _is_passive(carrier):
                actors = [p for c in carrier.children if c.dep_ == "agent" for p in _pobjects(c)]
            else:
                actors = [c for c in carrier.children if c.dep_ == "nsubj"] or _controllers(carrier)
            if actors:
                return actors, recipients or between, "noun:light-verb"
        own, rule = _nominal_actors(noun, {t.i for t in match.tokens})
        if not own and self._is_adjunct_event(match):
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

    def _resolve_act_recipients(self, draft: Draft, drafts: dict[int, Draft]) -> None:
        """'a move condemned by X': the move is the act of the clause it hangs on
        (not one of the event's own actors: protesters protest others' acts)."""
        resolved = []
        own = {t.i for t, _ in draft.actors}
        for token, party in draft.recipients:
            act = _governing_draft(token, drafts, draft) if _lemma(token) in self.lex.act_nouns else None
            if act is not None and act.actors and not own & {t.i for t, _ in act.actors}:
                resolved.extend(act.actors)
                draft.rule += "+act-noun"
            else:
                resolved.append((token, party))
        draft.recipients = resolved

    def _take_grievance_recipients(self, draft: Draft, drafts: dict[int, Draft]) -> None:
        """'complained to the UN over Israeli air raids': a complaint or
        accusation is aimed at whoever did the act it is about, not at the body
        it is addressed to."""
        if draft.event != "ACCUSE":
            return
        heads = [draft.head] + ([draft.match.carrier] if draft.match.carrier is not None else [])
        for prep in (c for h in heads for c in h.children if c.lower_ in _GRIEVANCE_PREPS):
            for act in (d for p in _pobjects(prep) for d in (drafts.get(p.i),) if d is not None):
                doers = [(t, p) for t, p in act.actors if self.parties.is_agentive(t, p)]
                if doers:
                    draft.recipients = doers
                    draft.rule += "+grievance"
                    return

    def _content_recipients(self, draft: Draft) -> list[tuple[Token, Party]]:
        """'offered to hand over the suspects to Britain': when what is offered
        or promised is no event of its own, its dative or 'to' object is the
        recipient."""
        if draft.match.entry.embed is None or not draft.match.verbal:
            return []
        contents = [c for c in draft.head.children if c.dep_ in ("xcomp", "ccomp")]
        found = self.parties.expand(_slot_tokens(contents, _CONTENT_SLOTS), "recipient")
        return [(t, p) for t, p in found if p.country or p.actor_id]

    # -- finishing ---------------------------------------------------------
    def _finish(self, draft: Draft, history: list[tuple[int, Draft]]) -> Optional[Event]:
        if not any(self.parties.is_agentive(t, p) for t, p in draft.actors + draft.recipients):
            return None
        entry = draft.match.entry
        named = draft.recipients
        draft.actors = [(t, p) for t, p in draft.actors if self.parties.is_agentive(t, p)]
        named = [m for t, p in named for m in self._stand_ins(t, p)]
        draft.recipients = [
            (t, p) for t, p in named if self.parties.is_agentive(t, p) and not _is_reflexive(t)
        ]
        if entry.particle in entry.recipient and named and not draft.recipients:
            return None  # "speak with one voice": the particle names no one
        draft.actors = [(t, self.parties.facing(t, p, draft.recipients)) for t, p in draft.actors]
        trigger_date = event_date(self.analysis, draft.match.carrier or draft.head)
        draft.status = self._status(draft, trigger_date)
        self._recode(draft)
        if not draft.recipients and draft.rule != "noun:between":  # reciprocal: no one else is the target
            self._fill_recipient(draft, history)
        place = event_place(self.analysis, draft.head)
        if not draft.actors and draft.event in self.lex.unclaimed_actor_at_place:
            self._unidentified_attackers(draft, place)
        if draft.event in self.lex.victims_of_place and place is not None and place.country:
            self._victims_of_place(draft, place.country)
        draft.mode = self._mode(draft, place)
        head = draft.head
        sentence = _sentence_offsets(self.analysis.text, sentence_of(head), draft.match.tokens[0].idx)
        first, last = draft.match.tokens[0], draft.match.tokens[-1]
        event = Event(
            id="",
            event=draft.event,
            mode=draft.mode,
            context=self._contexts(draft),
            cameo=draft.cameo,
            quad=self.lex.quad[draft.event],
            actor=[p for _, p in draft.actors],
            recipient=[p for _, p in draft.recipients],
            status=draft.status,
            date=trigger_date,
            place=place,
            sentence=sentence,
            trigger=Trigger(
                text=self.analysis.text[first.idx : last.idx + len(last.text)],
                start=first.idx,
                end=last.idx + len(last.text),
            ),
            rule=draft.rule,
            lexicon=draft.match.entry.id,
            confidence=self._confidence(draft),
            **self._sizes(draft.event, sentence),
        )
        if self.traces is not None:
            self.traces[(event.trigger.start, event.event)] = _trace(draft, event)
        return event

    def _unidentified_attackers(self, draft: Draft, place: Optional[Place]) -> None:
        """'a roadside bomb near Samarra killed two soldiers': with no one
        named, the attackers are unidentified forces of the country where it
        happened (the event's place, else the sentence's first place that is
        not part of a victim's phrase)."""
        taken = [(p.start, p.end) for _, p in draft.recipients]
        sentence = sentence_of(draft.head)
        candidates = [place] + self.analysis.places_within(sentence.start_char, sentence.end_char)
        for where in candidates:
            if where is None or not where.country or where.country == "IGO":
                continue
            if any(a < where.end and where.start < b for a, b in taken):
                continue
            draft.actors = [(draft.head, Party(text=where.text, start=where.start, end=where.end,
                                               country=where.country))]
            draft.rule += "+actor:unidentified-at-place"
            return

    def _sizes(self, event_type: str, sentence: Offsets) -> dict[str, Optional[int]]:
        """PLOVER's size fields from the figures of the sentence: dead and
        injured for violence, arrested for coercion."""
        if event_type not in ("ASSAULT", "COERCE"):
            return {}
        counts = casualty_counts(self.analysis, sentence.start, sentence.end)
        if event_type == "COERCE":
            return {"arrested": counts["arrested"]}
        return {"dead": counts["dead"], "injured": counts["injured"]}

    @staticmethod
    def _victims_of_place(draft: Draft, country: str) -> None:
        """Victims named by a common noun and nothing else ("23 people",
        "students") are people of the country where the event happened."""
        if not draft.recipients or any(p.country or p.actor_id for _, p in draft.recipients):
            return
        if any(t.pos_ != "NOUN" for t, _ in draft.recipients):
            return
        draft.recipients = [(t, replace(p, country=country)) for t, p in draft.recipients]
        draft.rule += "+recipient:victims-at-place"

    def _stand_ins(self, token: Token, party: Party) -> list[tuple[Token, Party]]:
        """A recipient that is an act or thing ("Serbia's suppression of
        unrest", "calls by Belarus") stands for whoever owns or did it. A
        thing coded by a word in its phrase ("Palestinian homes") keeps that
        code unless a possessor or by-phrase names its owner."""
        if token.pos_ != "NOUN" or self.parties.agentive_word(token):
            return [(token, party)]
        owners, rule = _nominal_actors(token, {token.i})
        coded = self.parties.is_agentive(token, party)
        if coded and rule == "noun:compound":
            return [(token, party)]
        if owners and all(o.pos_ == "PRON" for o in owners):  # "opened its borders": the actor's own
            return [(token, party)] if coded else []
        return self.parties.expand(owners, "recipient") or [(token, party)]

    def _recode(self, draft: Draft) -> None:
        """PLOVER's folding of negation, threats and future tense into the
        event type, and of joint exercises into cooperation."""
        negated = draft.match.entry.negated
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
        elif draft.status == "future" and draft.event in self.lex.future_recode:
            recoding = self.lex.future_recode[draft.event]
            draft.event, draft.cameo, draft.mode = recoding.event, recoding.cameo, recoding.mode
            draft.rule += "+future-recode"

    @staticmethod
    def _joint(draft: Draft) -> bool:
        countries = {p.country for _, p in draft.actors if p.country}
        joint = any(_lemma(c) == "joint" for c in draft.head.children)
        return joint or len(countries) >= 2

    def _place_parties(self, draft: Draft) -> list[tuple[Token, Party]]:
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
        if scene is None or {p.country for _, p in draft.actors} != {scene.country}:
            return []
        draft.notes.append("scene")
        return [(draft.head, scene)]

    def _fill_recipient(self, draft: Draft, history: list[tuple[int, Draft]]) -> None:
        places = self._place_parties(draft) or self._scene_party(draft)
        if places:
            draft.recipients = places
            draft.rule += "+recipient:place"
            return
        if draft.event in self.lex.requires_recipient:
            here = self._sentence_of(draft.head)
            for index, earlier in reversed(history):
                if here - index > _DISCOURSE_SENTENCES:
                    break
                if earlier.event == draft.event and any(p.country for _, p in earlier.recipients):
                    draft.recipients = list(earlier.recipients)
                    draft.rule += "+recipient:discourse"
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
        found = []
        for place in self.analysis.places:
            span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and span.root.i in tokens and _is_geographic(span):
                found.append((place, span.root))
        found += self._governed_demonyms(tokens, {t.i for _, t in found})
        return sorted(found, key=lambda pair: pair[0].start)

    def _governed_demonyms(self, tokens: set[int], taken: set[int]) -> list[tuple[Place, Token]]:
        """'attacked a camp for Congolese refugees', 'fire against Kampuchean
        guerrilla camps': a nationality word on what the trigger governs
        stands for that country's side, as a place would."""
        found = []
        for i in sorted(tokens - taken):
            token = self.doc[i]
            if token.pos_ != "ADJ" and token.ent_type_ != "NORP":
                continue
            code = self.parties.country_code(token.text)
            if code and code != "IGO":
                end = token.idx + len(token.text)
                found.append((Place(text=token.text, start=token.idx, end=end, country=code), token))
        return found

    def _mode(self, draft: Draft, place: Optional[Place]) -> Optional[str]:
        valid = self.lex.valid_modes.get(draft.event, frozenset())
        if draft.mode in valid:
            return draft.mode
        if draft.event == "CONSULT" and self._is_visit(draft, place):
            return "visit"
        cues = {_lemma(t) for t in _complement_tokens(draft.head)} | {_lemma(draft.head)}
        if draft.match.carrier is not None:
            cues |= {_lemma(t) for t in _complement_tokens(draft.match.carrier)}
        cues |= {_lemma(c) for c in draft.head.children if c.dep_ in ("compound", "amod")}
        # the means as subject: "a suicide bombing killed", "artillery fire hit"
        cues |= {_lemma(t) for c in draft.head.children if c.dep_ == "nsubj" for t in c.subtree}
        for mode, words in self.lex.modes.get(draft.event, ()):
            if cues & words:
                return mode
        return None

    @staticmethod
    def _is_visit(draft: Draft, place: Optional[Place]) -> bool:
        """The actor meets the recipient in the recipient's country."""
        if place is None or not place.country:
            return False
        if any(p.start < place.end and place.start < p.end for _, p in draft.recipients):
            return False  # "mediation between the Emirates and ...": who, not where
        hosts = {p.country for _, p in draft.recipients}
        guests = {p.country for _, p in draft.actors}
        return place.country in hosts and place.country not in guests

    def _contexts(self, draft: Draft) -> list[str]:
        contexts = list(draft.match.entry.context)
        for note in draft.notes:
            if note.startswith("context:"):
                contexts.extend(note.split(":", 1)[1].split(","))
        sentence = sentence_of(draft.head)
        said = _word_runs([_lemma(t) for t in sentence], [t.lower_ for t in sentence], longest=self.longest_context_cue)
        for context, cues in self.lex.contexts.items():
            if any(cue in said for cue in cues):
                contexts.append(context)
        return list(dict.fromkeys(contexts))

    def _confidence(self, draft: Draft) -> float:
        score = 0.5
        if any(p.actor_id or p.country for _, p in draft.actors):
            score += 0.2
        coded = any(p.actor_id or p.country for _, p in draft.recipients)
        if coded or draft.event not in self.lex.requires_recipient:
            score += 0.15
        if draft.match.verbal:
            score += 0.1
        if "discourse" in draft.notes or "scene" in draft.notes:
            score -= 0.15
        return round(min(0.95, max(0.1, score)), 2)

    # -- status ----------------------------------------------------------
    def _status(self, draft: Draft, when: Optional[DateMention]) -> str:
        """The status, with the cue that decided it kept in `draft.reasons`."""
        cues = self.lex.status
        flags: dict[str, str] = {}
        start = draft.match.carrier or draft.head
        chain = _status_chain(start, self.lex.speech_verbs)
        reported = self._reported(chain[-1])
        for token in chain:
            found = _status_flags(token, cues, is_governor=token != start, reported=reported)
            for flag, reason in found.items():
                flags.setdefault(flag, reason)
        carrier = [draft.match.carrier] if draft.match.carrier is not None else []
        for word in [draft.match.tokens[0], *carrier]:
            if _negated_before(word, cues.negation_words):
                flags.setdefault("negated", f"negation word just before '{word.text}'")
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

    def _reported(self, top: Token) -> bool:
        """Is the clause what a verb of saying reports ("said it would ...")?"""
        return top.dep_ == "ccomp" and _lemma(top.head) in self.lex.speech_verbs

    def _threat(self, draft: Draft) -> bool:
        """An announced or conditional use of force, pressure or withdrawal
        is a threat: "said it would boycott", "will withdraw unless"."""
        if self.lex.quad[draft.event] != 4 and draft.event != "RETREAT":
            return False
        chain = _status_chain(draft.match.carrier or draft.head, self.lex.speech_verbs)
        conditional = any(
            m.dep_ == "mark" and m.lower_ in self.lex.status.threat_marks
            for token in chain for c in token.children if c.dep_ == "advcl" for m in c.children
        )
        if draft.event in self.lex.threat_when_planned:
            return conditional or draft.status == "future"
        announced = draft.status == "future" and self._reported(chain[-1])
        return conditional or (announced and draft.event != "RETREAT")

    def _date_flags(self, when: Optional[DateMention]) -> dict[str, str]:
        published = _parse_date(self.analysis.published)
        if when is None or published is None:
            return {}
        first = _parse_date(when.value or when.first)
        last = _parse_date(when.value or when.last)
        if first is not None and first > published:
            return {"future": f"event date '{when.text}' after publication {published}"}
        if last is not None and (published - last).days >= self.lex.status.historical_days:
            days = self.lex.status.historical_days
            return {"historical": f"event date '{when.text}' {days}+ days before publication {published}"}
        return {}

    # -- helpers ---------------------------------------------------------
    def _sentence_of(self, token: Token) -> int:
        return self.sentence_index.get(sentence_of(token).start, 0)

    def _title_end(self) -> int:
        text = self.analysis.text
        newline = text.find("\n")
        return newline if newline > 0 else 0


# -- parties ------------------------------------------------------------------
class PartyFinder:
    """Turns argument tokens into coded parties."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = lexicon
        self.doc = analysis.doc
        self.country_code = country_code
        self.actors_by_id: dict[str, Actor] = {a.id: a for a in analysis.actors}
        self._settings: dict[tuple[int, frozenset[int]], Optional[Party]] = {}
        self._facing: frozenset[int] = frozenset()  # the event's other side: never the actor's scene

    def facing(self, token: Token, party: Party, recipients: list[tuple[Token, Party]]) -> Party:
        """An actor's party recoded for an event aimed at these recipients: a
        country that is itself the recipient ("called for sanctions against
        Nigeria") is the other side, not the scene the actor is set in; a
        place the recipient only lies in ("attacked a town in Mali") or that
        locates the act ("postpone the rally in Baku") still is.
        Parties coded otherwise (a name, a split compound) stay as they are."""
        if not party.country or not recipients:
            return party
        if self.party(token) != party:
            return party
        self._facing = frozenset(
            _antecedent(t).i for t, _ in recipients if not (t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS)
        )
        try:
            return self.party(token)
        finally:
            self._facing = frozenset()

    def expand(self, tokens: list[Token], role: str) -> list[tuple[Token, Party]]:
        """Each argument with its coordinated partners, as coded parties."""
        out: list[tuple[Token, Party]] = []
        seen: set[int] = set()
        for token in _one_per_name([_counted(_misparsed_participle(t)) for t in tokens]):
            if token.ent_type_ in _NOT_PARTY_ENTS:
                continue
            for member in self._members(token, role):
                tok, party = member
                if tok.i not in seen:
                    seen.add(tok.i)
                    out.append(member)
        return out

    def _members(self, token: Token, role: str) -> list[tuple[Token, Party]]:
        token = _antecedent(token)
        if _lemma(token) in self.lex.document_nouns:
            sponsors = self._document_parties(token, role)
            if sponsors:
                return sponsors
        members = [token] + [c for c in token.conjuncts if c.pos_ in _NOMINAL and _coordinated(token)]
        out = []
        for member in sorted(members, key=lambda t: t.i):
            split = self._origin_parties(member) or self._coordinated_modifiers(member)
            out.extend(split or [(member, self.party(member))])
        return out

    def _coordinated_modifiers(self, token: Token) -> list[tuple[Token, Party]]:
        """'US and British forces', 'French and Egyptian warships': one party
        per coordinated country modifier (PLOVER compound actors)."""
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "nmod") or not child.conjuncts:
                continue
            modifiers = sorted([child, *child.conjuncts], key=lambda t: t.i)
            coded = [(m, self.country_code(m.text)) for m in modifiers]
            if len(coded) < 2 or not all(code for _, code in coded):
                return []
            base = self.party(token)
            return [(m, replace(base, country=code)) for m, code in coded]
        return []

    def _origin_parties(self, token: Token) -> list[tuple[Token, Party]]:
        """'counterparts from Israel, Qatar and Egypt': the countries they come from."""
        if _lemma(token) not in self.lex.agent_nouns:
            return []
        found = []
        for prep in token.children:
            if prep.lower_ in ("from", "of"):
                for obj in _pobjects(prep):
                    for member in [obj] + list(obj.conjuncts):
                        party = self.party(member)
                        if party.country:
                            found.append((member, party))
        return found

    def _document_parties(self, noun: Token, role: str) -> list[tuple[Token, Party]]:
        """A resolution's or plan's parties are its sponsors (and, as a
        recipient, also the body it was put to)."""
        sponsors, bodies = self._sponsors(noun)
        if not sponsors and not bodies and _is_definite(noun):
            antecedent = self._document_antecedent(noun)
            if antecedent is not None:
                sponsors, bodies = self._sponsors(antecedent)
        chosen = sponsors + bodies if role == "recipient" else (sponsors or bodies)
        return [(t, self.party(t)) for t in chosen]

    def _sponsors(self, noun: Token) -> tuple[list[Token], list[Token]]:
        sponsors, bodies = [], []
        for child in noun.children:
            if child.dep_ == "poss":
                sponsors.append(child)
            elif _lemma(child) in self.lex.sponsor_words:
                sponsors.extend(
                    g for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod", "poss")
                )
                sponsors.extend(p for g in child.children if g.dep_ == "agent" for p in _pobjects(g))
            elif child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_):
                bodies.append(child)
        if not sponsors and noun.dep_ == "dobj" and _lemma(noun.head) in self.lex.sponsor_words:
            sponsors = _subjects(noun.head, 0)  # "X issued a statement demanding ..."
        return sponsors, bodies

    def _document_antecedent(self, noun: Token) -> Optional[Token]:
        all_sentences = sentences(self.doc)
        here = all_sentences.index(sentence_of(noun))
        first = all_sentences[max(0, here - _ANTECEDENT_SENTENCES)].start
        for token in reversed(self.doc[first : noun.i]):
            if _lemma(token) in self.lex.document_nouns and any(self._sponsors(token)):
                return token
        return None

    def party(self, token: Token) -> Party:
        """The party for one argument token, coded through the actor layer,
        quotes (first person), reporting verbs and names (third person), and
        finally country words and places."""
        token = _antecedent(token)
        span = _whole_person_name(_noun_phrase(token))
        party = self.analysis.party(span)
        if party.country and _is_ethnic(span):
            home = self._located_country(token) or self._setting_country(token)
            if home:
                return replace(party, country=home)
        residence = self._residence_country(token) if party.country else None
        if residence:
            return replace(party, country=residence)
        if token.pos_ == "PRON" and not party.country:
            party = self._pronoun_party(token) or party
        if party.country:
            return party
        described = self._appositive_party(token)
        if described is not None:
            return replace(party, country=described.country, sector=party.sector or described.sector)
        country = self._country_of(span)
        if not country and self._is_domestic_player(token, party):
            country = self._setting_country(token)
        return replace(party, country=country) if country else party

    def _residence_country(self, token: Token) -> Optional[str]:
        """'the Albanians of southern Serbia', 'Kurds in northern Iraq': a
        people named by nationality and placed in a country belong to where
        they live (PLOVER codes residents by their state)."""
        if token.tag_ not in ("NNS", "NNPS") or not self.country_code(token.text):
            return None
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            end = prep.doc[prep.right_edge.i]
            for place in self.analysis.places_within(prep.idx, end.idx + len(end.text)):
                span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
                if place.country and place.country != "IGO" and span is not None and _is_geographic(span):
                    return place.country
        return None

    def _is_domestic_player(self, token: Token, party: Party) -> bool:
        """Whether an uncoded party may take the scene's country: a person,
        group or body, not a place name the coder could not read (its own
        country, not the scene's) nor an international organisation."""
        if token.ent_type_ in ("GPE", "LOC") or party.sector in _INTERNATIONAL_SECTORS:
            return False
        return bool(party.actor_id) or self.agentive_word(token)

    def _appositive_party(self, token: Token) -> Optional[Party]:
        """'Kenzo Oshima, the UN relief coordinator': the apposition says who he is."""
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ in _NOMINAL:
                described = self.analysis.party(_noun_phrase(child))
                if described.country:
                    return described
        return None

    def _pronoun_party(self, token: Token) -> Optional[Party]:
        low = token.lower_
        source: Optional[Party] = None
        if low in _FIRST_PERSON:
            source = self._speaker_party(token)
        elif low in _IMPERSONAL_THIRD:
            source = self._reporter_party(token) or self._possessor_subject(token)
        elif low in _PERSONAL_THIRD:
            source = self._preceding_person(token)
        if source is None or not (source.actor_id or source.country):
            return None
        return Party(
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            actor_id=source.actor_id,
            country=source.country,
            sector=source.sector,
        )

    def _speaker_party(self, token: Token) -> Optional[Party]:
        for quote in self.analysis.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker is not None:
                speaker = quote.speaker
                actor = self.actors_by_id.get(speaker.actor_id or "")
                if actor is not None:
                    return Party(text=speaker.text, start=speaker.start, end=speaker.end,
                                 actor_id=actor.id, country=actor.country, sector=actor.sector)
                span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
                if span is not None:
                    return self.analysis.party(span)
        return None

    def _reporter_party(self, token: Token) -> Optional[Party]:
        """'the US announced it was ...': 'it' is the one who announced."""
        clause = token.head
        while clause.dep_ in ("xcomp", "conj", "aux") and clause.head != clause:
            clause = clause.head
        speech = clause.head
        if clause.dep_ != "ccomp" or _lemma(speech) not in self.lex.speech_verbs:
            return None
        subjects = [c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return self.party(subjects[0]) if subjects else None

    def _possessor_subject(self, token: Token) -> Optional[Party]:
        """'the ILO reiterated its demand': a possessive 'its'/'their' is the
        subject of the clause it sits in."""
        if token.dep_ != "poss":
            return None
        clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            return None
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return self.party(subjects[0]) if subjects else None

    def _preceding_person(self, token: Token) -> Optional[Party]:
        """He/his/she/her: the nearest person named before, in this or the
        previous sentence."""
        sentence = sentence_of(token)
        start = sentence_of(self.doc[sentence.start - 1]).start_char if sentence.start > 0 else 0
        people = [
            e for e in self.analysis.entities
            if e.label == "PERSON" and start <= e.start and e.end <= token.idx
        ]
        if not people:
            return None
        person = people[-1]
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return self.analysis.party(span) if span is not None else None

    def _country_of(self, span: Span) -> Optional[str]:
        """A country word in the phrase ("the US", "Israeli officials"), or the
        country of a place it names."""
        words = [t for t in span if not _is_stance_target(t)]
        candidates = ([span.text] if len(words) == len(span) else []) + [
            t.text for t in words if t.pos_ in ("PROPN", "ADJ", "NOUN")
        ]
        for text in candidates:
            code = self.country_code(text)
            if code:
                return code
        if span.root.ent_type_ == "GPE" and span.root.pos_ == "PROPN":
            code = self.country_code(span.root.text, capitals=True)
            if code:
                return code
        located = self._located_country(span.root)
        if located:
            return located
        stances = {t.idx for t in span if _is_stance_target(t)}
        for place in self.analysis.places:
            if place.start < span.end_char and span.start_char < place.end and place.country:
                if place.start not in stances and self._names_seat(place):
                    return place.country
        return None

    def _names_seat(self, place: Place) -> bool:
        """Whether a place inside a party's phrase tells where the party is from.

        A place inside a person's name says nothing ("Kenzo Oshima"); inside an
        organisation's name only a country or capital counts ("Baghdad
        University"), not a town the gazetteer happens to know ("the Bush
        administration").
        """
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span):
            return False
        if any(t.ent_type_ == "ORG" for t in span):
            return self.country_code(place.text, capitals=True) is not None
        return True

    def _setting_country(self, token: Token) -> Optional[str]:
        """The one country a sentence is set in, for a party that shows none.

        PLOVER codes domestic players ("President Dos Sontas", "students",
        "rebels") with the country of the scene: the places the sentence is set
        in ("in Abidjan", "Haiti's elections") and its demonyms ("Chilean
        officials"). A country that is itself a clause argument ("the Taliban
        that controls Afghanistan") is another party, not the scene. Nothing is
        guessed when the scene names two countries.
        """
        scene = self.scene(token)
        return scene.country if scene is not None else None

    def scene(self, token: Token) -> Optional[Party]:
        """The first mention of the sentence's one scene country, as a party."""
        sentence = sentence_of(token)
        key = (sentence.start, self._facing)
        if key not in self._settings:
            self._settings[key] = self._scene_of(sentence, self._facing)
        return self._settings[key]

    def _scene_of(self, sentence: Span, facing: frozenset[int]) -> Optional[Party]:
        """The scene from the reported clause; a trailing reporter ("..., police
        in Nairobi said") only when the clause itself names no country. A
        source cited with "according to" never sets the scene, nor does the
        event's recipient (`facing`)."""
        cited = _cited_sources(sentence) | facing
        reporters = _trailing_reporters(sentence, self.lex.speech_verbs)
        found = self._scene_countries(sentence, cited | reporters)
        if not found:
            found = self._scene_countries(sentence, cited)
        return next(iter(found.values())) if len(found) == 1 else None

    def _scene_countries(self, sentence: Span, excluded: set[int]) -> dict[str, Party]:
        found: dict[str, Party] = {}
        for place in self.analysis.places_within(sentence.start_char, sentence.end_char):
            span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if (
                place.country and span is not None and span.root.i not in excluded
                and not _is_stance_target(span.root) and _is_scene(span.root) and self._names_seat(place)
            ):
                found.setdefault(place.country, Party(text=place.text, start=place.start, end=place.end,
                                                      country=place.country))
        for tok in sentence:
            if tok.i in excluded or _is_stance_target(tok):
                continue
            if (tok.pos_ == "ADJ" or tok.ent_type_ == "NORP") and not _is_ethnic(tok.doc[tok.i : tok.i + 1]):
                code = self.country_code(tok.text)
                if code and _is_scene(tok):
                    found.setdefault(code, Party(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                                 country=code))
        found.pop("IGO", None)
        return found

    def _located_country(self, head: Token) -> Optional[str]:
        """'rebels in the Ivory Coast', 'a newspaper based in Beirut', 'guerrillas
        operating in Macedonia': the country of a place the party's locative
        modifier names."""
        phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS]
        phrases += [
            p for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
            for p in c.children if p.dep_ == "prep" and p.lower_ in _LOCATIVE_PREPS
        ]
        if head.pos_ != "NOUN":
            return None  # a name ("the Red Cross operating in Iraq") keeps its own code
        for prep in phrases:
            start, end = prep.idx, prep.doc[prep.right_edge.i].idx + len(prep.right_edge.text)
            for place in self.analysis.places_within(start, end):
                place_span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
                if place.country and place_span is not None and _is_geographic(place_span):
                    return place.country
        return None

    def is_agentive(self, token: Token, party: Party) -> bool:
        """Can this party act in a political event (a coded actor, a name, a
        pronoun, or a group noun like 'officials')?"""
        return bool(party.actor_id or party.country) or self.agentive_word(token)

    def agentive_word(self, token: Token) -> bool:
        """A name, a personal pronoun or a group noun: a word that can stand for a player."""
        token = _antecedent(token)
        if token.ent_type_ in _NAME_ENTS or token.pos_ == "PROPN":
            return True
        if token.pos_ == "PRON":
            return token.lower_ in _FIRST_PERSON | _PERSONAL_THIRD | _IMPERSONAL_THIRD
        return _lemma(token) in self.lex.agent_nouns


# -- parse helpers ------------------------------------------------------------
def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _lemma_forms(token: Token) -> tuple[str, ...]:
    """The lemma, plus the stems a regular inflection gives, for verbs the
    tagger lemmatises wrongly ("staged" -> "stag")."""
    word, tag = token.lower_, token.tag_
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        return (_lemma(token), word[:-1], word[:-2])
    if tag == "VBZ" and word.endswith("s"):
        return (_lemma(token), word[:-1])
    if tag == "VBG" and word.endswith("ing"):
        return (_lemma(token), word[:-3], word[:-3] + "e")
    return (_lemma(token),)


def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
    return any(form in lemmas for form in _lemma_forms(token))


def _lexical_pos(token: Token) -> Optional[str]:
    if token.ent_type_ in _NOT_TRIGGER_ENTS:
        return None
    if token.pos_ == "VERB":
        return "verb"
    if token.pos_ == "NOUN" and (token.dep_ != "compound" or _lemma(token.head) in _FRAME_NOUNS):
        return "noun"
    return None


def _phrase_head(span: Span) -> Token:
    """The phrase word whose head lies outside it; a verb if there is one."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    verbs = [t for t in outside if t.pos_ == "VERB"]
    return (verbs or outside or [span[-1]])[-1]


def _carrier(noun: Token) -> Optional[Token]:
    """The verb whose object (or passive subject) the noun is."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass", "conj"):
        return _carrier(noun.head)  # "launched artillery, mortar and rocket fire"
    measure = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if measure is not None and (_lemma(measure) in _MEASURE_NOUNS or measure.ent_type_ == "DATE"):
        return _carrier(measure)  # "launched ten days of war games", "a series of raids"
    return None


def _has_particle(verb: Token, particle: str) -> bool:
    """The particle or preposition after the verb, or the mark of a clause it
    introduces ("pushed for the US to back the plan")."""
    return any(
        c.dep_ in ("prt", "prep", "agent") and c.lower_ == particle and c.i > verb.i
        for c in verb.children
    ) or (particle == "for" and bool(_for_clauses(verb)))


def _for_clauses(verb: Token) -> list[Token]:
    """'pushed for the US to back the plan': a for-to clause after the verb,
    which the parser hangs on it as an adverbial clause; it is its complement."""
    return [
        c for c in verb.children
        if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
    ]


def _has_prep(noun: Token, prep: str) -> bool:
    """A preposition on the noun, or right after it when the parser attached
    it elsewhere ("Schumer's call last week for an election")."""
    if any(c.dep_ == "prep" and c.lower_ == prep for c in noun.children):
        return True
    following = _following_prep(noun)
    return following is not None and following.lower_ == prep


def _following_prep(token: Token) -> Optional[Token]:
    """The preposition that follows the token, skipping a date or time."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].ent_type_ in ("DATE", "TIME")):
        i += 1
    if i < len(doc) and doc[i].dep_ == "prep" and i < sentence_of(token).end:
        return doc[i]
    return None


# nouns that frame an event named by their compound modifier: "a mediation effort"
_FRAME_NOUNS = {"effort", "bid", "attempt", "campaign", "mission"}
# nouns that measure out a series of events: "a wave of strikes", "ten days of exercises"
_MEASURE_NOUNS = {"series", "wave", "round", "spate", "string", "day", "week", "month", "hour"}
_QUANTITY_NOUNS = {"part", "some", "most", "much", "portion", "all", "rest", "half", "bulk", "third",
                   "quarter", "dozen", "hundred", "thousand", "score", "number", "majority", "many"}


def _objects(verb: Token, particle: Optional[str]) -> list[Token]:
    """Objects of the verb; "part of X" counts as X."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "photographs and intelligence"
    objects += [
        p for o in objects if _lemma(o) in _QUANTITY_NOUNS
        for c in o.children if c.lower_ == "of" for p in _pobjects(c)
    ]
    if particle:
        objects += [p for c in verb.children if c.lower_ == particle for p in _pobjects(c)]
    return objects


def _object_matches(verb: Token, lemmas: frozenset[str], particle: Optional[str]) -> bool:
    """The object, one of its modifiers ("access points") or its of-phrase
    ("state of emergency") is one of the lemmas."""
    for obj in _objects(verb, particle):
        words = {_lemma(obj), obj.lower_}
        words |= {_lemma(c) for c in obj.children if c.dep_ in ("compound", "amod")}
        words |= {_lemma(p) for c in obj.children if c.lower_ == "of" for p in _pobjects(c)}
        if words & lemmas:
            return True
    return False


def _nominal_actors(noun: Token, trigger: set[int]) -> tuple[list[Token], str]:
    """Possessor, by-/from-phrase, or a name or nationality modifying the noun."""
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
        and (c.ent_type_ in _NAME_ENTS or c.pos_ == "PROPN")
    ]
    return modifiers, "noun:compound"


def _pobjects(prep: Token) -> list[Token]:
    """The objects of a preposition; a stranded one shares the object of the
    preposition that closes the coordination ("ties with and an embassy in
    Tehran": both with Tehran)."""
    found = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if found or prep.i + 1 >= len(prep.doc) or prep.doc[prep.i + 1].dep_ != "cc":
        return found
    sentence_end = sentence_of(prep).end
    for later in prep.doc[prep.i + 2 : sentence_end]:
        if later.dep_ == "prep" and later.pos_ == "ADP":
            objects = [c for c in later.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects
    return []


def _slot_tokens(heads: list[Token], slots: tuple[str, ...]) -> list[Token]:
    """Recipient tokens: dependency slots (dobj, dative, nsubjpass) or the
    objects of the listed prepositions, on the trigger or its light verb."""
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "dobj" and "dobj" in slots and child.pos_ in _NOMINAL:
                found.append(child)
            elif child.dep_ == "prt" and child.lower_ == "up" and "dobj" in slots:
                # "kidnapped up to 16 advisers": the parser reads "up to" as particle + prep
                found.extend(p for c in child.children if c.lower_ == "to" for p in _pobjects(c))
            elif child.dep_ == "dative" and "dative" in slots:
                found.extend(_pobjects(child) if child.pos_ == "ADP" else [child])
            elif child.dep_ == "ccomp" and "ccomp-subject" in slots:
                found.extend(c for c in child.children if c.dep_ == "nsubj")
            elif child.dep_ in ("prep", "prt") and child.lower_ in slots:
                found.extend(p for p in _pobjects(child) if p.pos_ in _NOMINAL)
    return found


def _protest_purposes(drafts: dict[int, Draft]) -> set[int]:
    """'began a hunger strike to protest against X', 'a rally staged by
    students to protest the decision': protesting is what the demonstration
    is for, one PROTEST event, which takes the purpose's recipient when it
    names none (manual, PROTEST: the topic is no separate event)."""
    anchors = {
        t.i: d for d in drafts.values() if d.event == "PROTEST"
        for t in [d.head] + ([d.match.carrier] if d.match.carrier is not None else [])
    }
    found = set()
    for i, draft in drafts.items():
        if draft.event not in ("PROTEST", "ACCUSE") or draft.head.dep_ not in ("advcl", "xcomp"):
            continue
        governor = draft.head.head
        protest = anchors.get(governor.i) or (anchors.get(governor.head.i) if governor.dep_ == "acl" else None)
        if protest is None or protest is draft:
            continue
        found.add(i)
        if not protest.recipients:
            protest.recipients = list(draft.recipients)
    return found


def _shifted_objects(verb: Token) -> list[Token]:
    """'condemned as a grave provocation Turkey's violation of ...': a heavy
    object moved after the as-phrase is read by the parser as an apposition
    to it; it is the verb's object."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [
        a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
        for p in _pobjects(prep) for a in p.children if a.dep_ == "appos" and a.pos_ in _NOMINAL
    ]


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


def _topic_governor(noun: Token, preps: frozenset[str]) -> Token:
    """The verb a noun is the object of, directly or through a topic
    preposition ("agreed on", "talked about"); the noun itself otherwise."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass", "pobj"):
        return _topic_governor(noun.head, preps)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in preps:
        return noun.head.head
    return noun


def _noun_contents(drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
    """'its demand that Israel ease the restrictions', 'a threat to strike',
    'an offer to mediate': the clause of an event noun says what is demanded,
    threatened or offered, not a second event. The noun takes the clause's
    recipient when it names none."""
    contents = set()
    for i, draft in drafts.items():
        noun = drafts.get(draft.head.head.i) or _object_noun_of_clause(draft.head, drafts)
        if (
            i in absorbed or noun is None or noun is draft or noun.match.verbal
            or draft.head.dep_ not in ("acl", "ccomp") or not draft.match.verbal
        ):
            continue
        contents.add(i)
        if not noun.recipients:
            asked = noun.event == "REQUEST" and any(c.lower_ == "that" for c in draft.head.children)
            noun.recipients = draft.actors if asked else draft.recipients
    return contents


def _object_noun_of_clause(clause: Token, drafts: dict[int, Draft]) -> Optional[Draft]:
    """'reiterated its demand today that Israel ease ...': the parser hangs a
    that-clause separated from its noun on the verb; it still belongs to the
    event noun that is the verb's object, right before it."""
    if clause.dep_ != "ccomp" or not any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
        return None
    objects = [c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i]
    return drafts.get(objects[-1].i) if objects else None


def _framing_nouns(drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
    """'killed four in an attack on Basra', 'were arrested in a raid': a noun
    of the same type framing the verb's event in an in-phrase names that same
    event; it lends its recipient when the verb names none."""
    frames = set()
    for i, draft in drafts.items():
        prep = draft.head.head
        verb = drafts.get(prep.head.i) if draft.head.dep_ == "pobj" and prep.lower_ == "in" else None
        if i in absorbed or draft.match.verbal or verb is None:
            continue
        if not verb.match.verbal or verb.event != draft.event:
            continue
        frames.add(i)
        if not verb.recipients:
            verb.recipients = draft.recipients
    return frames


def _descriptive_participles(drafts: dict[int, Draft]) -> set[int]:
    """'the banned party', 'the besieged town': a participle used as an
    adjective describes a participant's state; it reports no event. The
    noun's determiner before the participle tells an adjective from a
    misparsed main verb ("Attackers stabbed villagers")."""
    return {
        i for i, d in drafts.items()
        if d.match.verbal and d.head.dep_ == "amod"
        and any(c.dep_ in ("det", "poss") and c.i < d.head.i for c in d.head.head.children)
    }


def _background_clauses(drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
    """'the rebels, who overran the town last month', 'Macedonia, which is
    preparing an offensive': a relative clause describes one of the
    participants of the sentence's own event; what it mentions is background,
    not an event the sentence reports. Kept when the sentence has no other."""
    def in_relative_clause(draft: Draft) -> bool:
        anchor = draft.match.carrier or draft.head
        return any(a.dep_ == "relcl" for a in [anchor, *anchor.ancestors])
    background = {i for i, d in drafts.items() if i not in absorbed and in_relative_clause(d)}
    sentences_with_main = {
        sentence_of(d.head).start for i, d in drafts.items() if i not in background | absorbed
    }
    return {i for i in background if sentence_of(drafts[i].head).start in sentences_with_main}


def _clause_subjects(head: Token) -> list[Token]:
    """'demanded that Israel ease the restrictions', 'its demand that Chad
    open the border': who is asked is the subject of the that-clause."""
    clauses = [c for c in head.children if c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children)]
    clauses += _for_clauses(head)
    return [s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.pos_ in _NOMINAL]


def _prepositions(slots: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositional slots only ("aid to X" may hang on the object)."""
    return tuple(s for s in slots if s not in ("dobj", "dative", "nsubjpass"))


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


def _controllers(verb: Token, depth: int = 0) -> list[Token]:
    """Who does an infinitive or participle with no subject of its own:
    object control ("urged Israel to act"), subject control ("vowed to carry
    out", "is expected to travel"), shared subjects of coordinated verbs, a
    noun's possessor ("his intention to invite") or the noun itself
    ("a resolution calling for")."""
    if depth > 5:
        return []
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj" and c.pos_ in _NOMINAL]
        return objects or _subjects(head, depth)
    if verb.dep_ == "advcl" and _is_passive(head):  # "a rally staged by students to protest"
        agents = [p for c in head.children if c.dep_ == "agent" for p in _pobjects(c)]
        if agents:
            return agents
    if verb.dep_ in ("advcl", "conj", "acomp"):
        return _subjects(head, depth)
    if verb.dep_ == "csubj" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "lodged a protest, charging its neighbor with ...": a participle set off
        # after a clause, misread as the subject of a later verb, is done by that clause's subject
        return _subjects(verb.doc[verb.i - 1].head, depth)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return _subjects(head.head, depth)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in _NOMINAL:
        if verb.tag_ == "VBG":
            return [head]
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return poss
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
            return _subjects(head.head, depth)
    return []


def _subjects(verb: Token, depth: int) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects or _controllers(verb, depth + 1)


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in _RELATIVE and token.tag_ in ("WP", "WDT", "WP$"):
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def _noun_phrase(token: Token) -> Span:
    """The token's phrase without relative clauses, appositions, coordinated
    partners or prepositional phrases other than 'of'."""
    kept = [token]
    for child in token.children:
        if child.dep_ in _ARG_TRIM and not (child.dep_ == "prep" and child.lower_ == "of"):
            continue
        kept.extend(child.subtree)
    start = min(t.i for t in kept)
    end = max(t.i for t in kept) + 1
    doc = token.doc
    while end - 1 > token.i and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    while start < token.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return doc[start:end]


def _complement_tokens(head: Token, circumstances: frozenset[str] = frozenset()) -> list[Token]:
    """What a trigger governs: objects, complements and prepositional phrases,
    not its subject, coordinated clauses, adverbial clauses or phrases headed
    by one of the `circumstances` ("before allowing ...", "resign without
    returning home")."""
    governed = [t for c in head.children if c.dep_ in _COMPLEMENT_DEPS for t in c.subtree]
    cut = {
        t.i for prep in governed if prep.dep_ == "prep" and prep.lower_ in circumstances for t in prep.subtree
    }
    return [t for t in governed if t.i not in cut]


def _embedded_tokens(head: Token, circumstances: frozenset[str]) -> list[Token]:
    """What an embedding verb governs. A to-infinitive right after it or its
    object is its complement even when parsed as an adverbial clause ("have
    sworn to fight", "offered troops to help"), and so is a for-to clause
    ("pushed for X to back"); other verbs keep such clauses as purposes
    ("resigned to allow"). Circumstance phrases ("before allowing") are not content.
    An apposition or a clause with a doer of its own ("vetoed the measure - a
    move condemned by X") is another event about the object, not its content."""
    adjacent = [
        c for c in head.children
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.left_edge.lower_ == "to" and _follows_directly(head, c)
    ]
    clauses = adjacent + _for_clauses(head)
    governed = _complement_tokens(head, circumstances) + [t for c in clauses for t in c.subtree]
    separate = {
        t.i
        for root in governed
        if root.dep_ == "appos"
        or (root.dep_ in ("acl", "relcl") and _has_own_doer(root) and not _is_content_clause(root))
        for t in root.subtree
    }
    return [t for t in governed if t.i not in separate]


def _follows_directly(head: Token, clause: Token) -> bool:
    """A to-infinitive right after the verb or after its object ("offered its
    troops to help him"), not one set off by a comma: what is offered,
    promised or asked for."""
    between = head.doc[head.i + 1 : clause.left_edge.i]
    objects = {t.i for c in head.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree}
    return all(t.i in objects and t.text != "," for t in between)


def _is_content_clause(clause: Token) -> bool:
    """'an admission that forces murdered ...': a that-clause saying what a
    noun is about (a complementizer, no relative pronoun) is its content."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _has_own_doer(clause: Token) -> bool:
    return any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in clause.children)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _coordinated(token: Token) -> bool:
    """Conjuncts joined by 'and'/'or' are partners; a conj chain without a
    conjunction is usually a misparsed name ("Sheikh Hamad bin Khalifa al-Thani")."""
    group = [token, *token.conjuncts]
    return any(c.dep_ == "cc" for member in group for c in member.children)


def _misparsed_participle(token: Token) -> Token:
    """'the Red Cross operating in Iraq said': the parser may make the
    participle the subject and the noun its own subject; the noun is the party."""
    if token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass"):
        nouns = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i and c.pos_ in ("NOUN", "PROPN")]
        if nouns:
            return nouns[0]
    return token


def _one_per_name(tokens: list[Token]) -> list[Token]:
    """'Sheikh Hamad bin Khalifa al-Thani launched': the parser may make each
    piece of a long name a subject of its own; one name is one party."""
    kept: list[Token] = []
    names: set[int] = set()
    for token in tokens:
        name = _name_start(token)
        if name is None or name not in names:
            kept.append(token)
        if name is not None:
            names.add(name)
    return kept


def _name_start(token: Token) -> Optional[int]:
    """Where the multi-word name entity a token lies in starts, if any."""
    if token.ent_type_ not in _NAME_ENTS or token.ent_iob_ not in ("B", "I"):
        return None
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _whole_person_name(span: Span) -> Span:
    """A phrase widened to the whole person's name the parser cut it from."""
    root = span.root
    if root.ent_type_ != "PERSON" or root.ent_iob_ not in ("B", "I"):
        return span
    doc, end = root.doc, root.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    start = _name_start(root)
    if end <= span.end or start is None:
        return span
    return doc[min(span.start, start) : end]


def _counted(token: Token) -> Token:
    """'one third of the guerrillas', 'dozens of students': the people counted."""
    if token.ent_type_ in _NOT_PARTY_ENTS or _lemma(token) in _QUANTITY_NOUNS or token.pos_ == "NUM":
        counted = [p for c in token.children if c.lower_ == "of" for p in _pobjects(c)]
        if counted:
            return counted[0]
    return token


def _is_geographic(span: Span) -> bool:
    """A place the tagger also reads as a location, not a word the gazetteer
    happens to know ("a ban", "UN")."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in span)


def _is_ethnic(span: Span) -> bool:
    """'ethnic Albanians', 'ethnic Turkish villagers': the nationality word names
    descent, not the state they belong to, which the scene tells."""
    doc = span.doc
    before = doc[span.start - 1 : span.start] if span.start > 0 else doc[0:0]
    return any(t.lower_ == "ethnic" for t in list(span) + list(before))


def _cited_sources(sentence: Span) -> set[int]:
    """Tokens of an 'according to ...' phrase: the source of the report."""
    return {
        t.i for tok in sentence if tok.lower_ == "according" and tok.dep_ == "prep" for t in tok.subtree
    }


def _trailing_reporters(sentence: Span, speech_verbs: frozenset[str]) -> set[int]:
    """The subject of a reporting verb that follows what it reports ("...,
    Thai military sources said"): who tells the news, not where it happens."""
    found: set[int] = set()
    for verb in sentence:
        if _lemma(verb) not in speech_verbs:
            continue
        reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
        if reported:
            found.update(t.i for c in verb.children if c.dep_ == "nsubj" and c.i > reported[0].i
                         for t in c.subtree)
    return found


def _is_stance_target(token: Token) -> bool:
    """'anti-Syria', 'pro-Western': the country is what the stance is about,
    not who holds it or where it is."""
    doc = token.doc
    return (
        token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")
    ) or token.lower_.startswith(("anti-", "pro-"))


def _is_scene(token: Token) -> bool:
    """A place or demonym that sets the scene (modifier, possessor, object of
    a preposition) rather than acting as a clause argument of its own."""
    return not (token.dep_ in _ARGUMENT_DEPS and token.head.pos_ in ("VERB", "AUX"))


def _is_reflexive(token: Token) -> bool:
    """'blew themselves up': the actor itself, never a recipient."""
    return token.pos_ == "PRON" and token.lower_.endswith(("self", "selves"))


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _governing_draft(token: Token, drafts: dict[int, Draft], own: Draft) -> Optional[Draft]:
    """The nearest event whose trigger governs this token."""
    for ancestor in token.ancestors:
        draft = drafts.get(ancestor.i)
        if draft is not None and draft is not own:
            return draft
    return None


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


def _status_flags(token: Token, cues, is_governor: bool, reported: bool) -> dict[str, str]:
    """Status cues on one token of the chain, each with the words that gave it."""
    flags: dict[str, str] = {}
    for child in token.children:
        word = child.lower_.replace("’", "'")
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
            flags.setdefault("negated", f"negation '{child.text}' on '{token.text}'")
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
    if is_governor:
        if _lemma(token) in cues.future_governors:
            flags.setdefault("future", f"governed by '{token.text}' (future governor)")
        if _lemma(token) in cues.negating_governors:
            flags.setdefault("negated", f"governed by '{token.text}' (negating governor)")
    return flags


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


def _word_runs(*sequences: list[str], longest: int) -> set[tuple[str, ...]]:
    """Every run of up to `longest` consecutive words of each sequence: a context cue
    is found by one set lookup instead of a scan of the sentence per cue."""
    return {
        tuple(words[i : i + n]) for words in sequences for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


def _scare_quotes(text: str) -> list[tuple[int, int]]:
    """Short quoted phrases ('an "immediate ceasefire"'): a word the writer
    quotes, not an event someone reports."""
    return [
        (m.start(), m.end())
        for m in _QUOTE_RE.finditer(text)
        if len(m.group()[1:-1].split()) <= _SCARE_QUOTE_WORDS
    ]


def _sentence_offsets(text: str, sentence: Span, anchor: int) -> Offsets:
    """The sentence, cut at line breaks: a headline is its own sentence even
    when the parser runs it into the first paragraph."""
    start = max(sentence.start_char, text.rfind("\n", 0, anchor) + 1)
    newline = text.find("\n", anchor)
    end = min(sentence.end_char, newline if newline >= 0 else len(text))
    while end > start and text[end - 1].isspace():
        end -= 1
    return Offsets(start=start, end=end)


def _drop_repeated_headline(events: list[Event], title_end: int) -> list[Event]:
    """An event of the headline counts once when the body reports it again."""

    def key(event: Event) -> tuple:
        party_key = lambda ps: frozenset(p.country or p.actor_id or p.text.lower() for p in ps)  # noqa: E731
        return event.event, party_key(event.actor), party_key(event.recipient)

    body = {key(e) for e in events if e.sentence.start >= title_end}
    return [e for e in events if e.sentence.start >= title_end or key(e) not in body]


def _parse_date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- explanation -------------------------------------------------------------------
def _trace(draft: Draft, event: Event) -> dict:
    """What `explain_event` reports for one finished draft."""
    head = draft.head
    return {
        "trigger": event.trigger.text,
        "head": head.text,
        "lexicon": draft.match.entry.id,
        "rule": draft.rule,
        "light_verb": draft.match.carrier.text if draft.match.carrier is not None else None,
        "actor_paths": [(p.text, dependency_path(head, t)) for t, p in draft.actors],
        "recipient_paths": [(p.text, dependency_path(head, t)) for t, p in draft.recipients],
        "status": event.status,
        "status_reasons": list(draft.reasons),
        "date": event.date.text if event.date else None,
        "date_value": (event.date.value or event.date.first) if event.date else None,
        "date_source": event.date.source if event.date else None,
    }


def dependency_path(start: Token, end: Token) -> str:
    """The parse path between two tokens: up (↑dep) to their lowest common
    ancestor, then down (↓dep): "withdraw ↑xcomp willing ↑acomp is ↓nsubj Syria"."""
    if start.doc is not end.doc:
        return f"{start.text} … {end.text}"
    up = [start] + list(start.ancestors)
    down = [end] + list(end.ancestors)
    common = next((t for t in up if t in down), None)
    if common is None:
        return f"{start.text} … {end.text} (different sentences)"
    parts = [start.text]
    for token in up[: up.index(common)]:
        parts.append(f"↑{token.dep_} {token.head.text}")
    for token in reversed(down[: down.index(common)]):
        parts.append(f"↓{token.dep_} {token.text}")
    return " ".join(parts)
