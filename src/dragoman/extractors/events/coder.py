"""Assembly: the event coder runs trigger matching, arguments, assertion and
status over one article and builds the `Event` records, with mode, context,
date, place, sizes and confidence.
"""

from __future__ import annotations

from typing import Callable, Optional

from msgspec.structs import replace
from spacy.tokens import Doc, Span, Token

from ...analysis import Analysis
from ...annotate.views import lower_lemmas, lower_words, sentence_number, sentence_of, with_dateline
from ...records import Event, Offsets, Party, Place, Trigger
from ..claims import casualty_counts
from ..dates import event_date
from ..event_place import event_place
from ..lexicon import Lexicon, Recoding
from .arguments import ArgumentReader, _answered_parties, _borrow_purpose_recipients
from .assertion import embeddings, private_act, standing_position, unasserted
from .drafts import Draft
from .parse import _QUANTITY_NOUNS, _complement_tokens, _lemma, _pobjects
from .parties import PartyFinder
from .states import held_by_a_party
from .status import StatusReader, force_named
from .triggers import TriggerMatcher


_TEXT_DATES = frozenset({"clause", "sentence", "context", "mention"})  # dates the text states
# statuses of an event told as still to come or as only possible: the fallback
# "on or before publication" cannot date it (an announced threat, recoded as
# occurred, is dated as the statement it is)
_NOT_YET = frozenset({"future", "hypothetical"})
# Events whose modes name the means (event_modes.yaml): a means named anywhere
# in the sentence is the event's ("killed when troops used chlorine gas"), and
# a more specific means outranks the entry's own ("suicide bombers blew up").
_MEANS_EVENTS = frozenset({"ASSAULT"})
_MEANS_POS = frozenset({"NOUN", "ADJ", "PROPN"})
# acts of force whose passive reports the act without a doer ("shells were fired")
_FORCE_EVENTS = frozenset({"ASSAULT", "COERCE"})
# recall12 (issue #17): the CAMEO code of accusing someone of a crime ("charged
# with", "indicted on"), whose passive names the suspect and not the accuser
_CRIME_ACCUSATION = "112"
# ... and, with protests and shows of force, acts named by a noun whose light verb is
# passive ("arrests were made", "security was tightened")
_PASSIVE_REPORTED = _FORCE_EVENTS | {"PROTEST", "MOBILIZE"}
# ... and, with sanctions, acts a noun names as the subject of the main verb ("the raid left
# two dead", "the rally denounced the ban"): PLOVER's material event types
_SUBJECT_REPORTED = _PASSIVE_REPORTED | {"SANCTION"}
# Events whose mode is who is moved: police or arms named in what is moved
# outrank the entry's own 'troops' ("rushed police to the town"); with none
# named, the doer's own units are moved (manual, MOBILIZE modes)
_MOVED_EVENTS = frozenset({"MOBILIZE"})
# sectors of private life (PLOVER sector codes): no host of a visit
_PRIVATE_SECTORS = frozenset({"CVL", "UNK", "CRM", "BUS", "EDU", "MED", "JRN"})
_REGIONS = frozenset({"GPE", "LOC"})  # entity labels of places a visit may go to
# the ASSAULT modes that name a weapon, not a kind of act (abduct, torture, ...)
_WEAPON_MODES = frozenset({"suicide-attack", "unconventional", "crowd-control", "drone", "aerial",
                           "heavy-weapons", "explosives", "firearms", "primitive"})


class EventCoder:
    """Codes the events of one analysed article."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = lexicon
        self.doc: Doc = analysis.doc
        self.parties = PartyFinder(analysis, lexicon)
        self.triggers = TriggerMatcher(self.doc, analysis.text, lexicon)
        self.arguments = ArgumentReader(analysis, lexicon, self.parties)
        self.statuses = StatusReader(lexicon, analysis.published)
        self.longest_context_cue = max((len(cue) for cues in lexicon.contexts.values() for cue in cues), default=1)
        self.traces: Optional[dict[tuple[int, str], dict]] = None  # filled for `explain_event`
        self._said_contexts: dict[int, list[str]] = {}  # `_sentence_contexts`, by the sentence's first token

    def code(self) -> list[Event]:
        # states15: a state held by no party is dropped before it can frame the sentence's other events
        matches = {i: m for i, m in self.triggers.matches().items()
                   if m.entry.pos != "state" or held_by_a_party(self.arguments.draft(m), _political)}
        absorbed, embedded = embeddings(matches, self.lex)
        drafts = {i: self.arguments.draft(m) for i, m in matches.items()}
        for draft in drafts.values():
            self.arguments.resolve_act_recipients(draft, drafts)
        for i, inner in embedded.items():
            self._apply_embedding(drafts[i], [drafts[j] for j in inner])
        for draft in drafts.values():
            _borrow_purpose_recipients(draft, drafts)
        absorbed = unasserted(drafts, absorbed, self.lex)
        kept = [d for i, d in sorted(drafts.items()) if i not in absorbed]
        events: list[Event] = []
        history: list[Draft] = []  # finished, in text order
        for draft in kept:
            event = self._finish(draft, history)
            if event is not None:
                history.append(draft)
                events.append(event)
        events = _drop_repeated_headline(events, self._title_end())
        return [replace(e, id=f"E{k}") for k, e in enumerate(events, 1)]

    def _apply_embedding(self, draft: Draft, inner: list[Draft]) -> None:
        """The embedded event lends its recipient ("threatened to attack X");
        a promise also codes by what is promised: AGREE, CONCEDE or THREATEN."""
        if not inner:
            if not draft.recipients:
                draft.recipients = self.arguments.content_recipients(draft)
            return
        promised = inner[0]
        if not draft.recipients:
            draft.recipients = (
                _answered_parties(draft, promised)
                or promised.recipients
                or self.arguments.place_parties(promised)
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

    def _finish(self, draft: Draft, history: list[Draft]) -> Optional[Event]:
        draft.happening = _occurrence_verb(draft, self.lex.occurrence_verbs)
        if not any(self.parties.is_agentive(t, p) for t, p in draft.actors + draft.recipients):
            if not (_counted_patients(draft) or _reported_occurrence(draft)
                    or _patient_tells_the_act(draft) or _crowd_act(draft, self.lex.crowd_acts)
                    or _munition_does_it(draft, self.lex.munition_doers)):
                if not self._main_subject_act(draft):
                    return None
                draft.rule += "+reported:main-subject"
        entry = draft.match.entry
        named = draft.recipients
        draft.actors = [(t, p) for t, p in draft.actors if self.parties.is_agentive(t, p)]
        named = [m for t, p in named for m in self.arguments.stand_ins(t, p)]
        draft.recipients = [
            (t, p) for t, p in named if self.parties.is_agentive(t, p) and not _is_reflexive(t)
        ]
        if entry.particle in entry.recipient and named and not draft.recipients:
            return None  # "speak with one voice": the particle names no one
        visit = entry.visit
        draft.actors = [(t, self.parties.facing(t, p, draft.recipients, visit)) for t, p in draft.actors]
        trigger_date = event_date(self.analysis, draft.match.carrier or draft.head, event_noun=draft.head)
        draft.status = self.statuses.status(draft, trigger_date)
        self.statuses.recode(draft)
        if entry.pos == "state" and draft.status == "negated":
            return None  # "was not concerned": no stance (a negated approval is recoded above)
        if trigger_date is not None and trigger_date.source == "published" and draft.status in _NOT_YET:
            trigger_date = None  # "would travel", "plans a visit": no words date it, and it has not happened
        draft.date = trigger_date
        if not draft.recipients and draft.rule != "noun:between":  # reciprocal: no one else is the target
            self.arguments.fill_recipient(draft, history)
        if standing_position(draft, self.lex) and (trigger_date is None or trigger_date.source not in _TEXT_DATES):
            return None  # "she supports drilling": a position held, not an act
        if private_act(draft, self.lex, _political):
            return None  # "rang her aunt": private life
        place = event_place(self.analysis, draft.head)
        if not draft.actors and draft.event == "ASSAULT":  # ipe5 (issue #17): "killed in the firing"
            self.arguments.resume_doers(draft, history, self._mode(draft, place))
        if not draft.actors and draft.event in self.lex.unclaimed_actor_at_place:
            self.arguments.unidentified_attackers(draft, place)
        if draft.match.entry.visit and not _hosted(draft):
            return None
        others = _other_than_actors(draft.recipients, draft.actors, self.parties.agentive_word)
        if len(others) < len(draft.recipients):
            draft.recipients = others
            draft.rule += "+recipient:not-the-actor"
        if draft.match.entry.mode != "visit" and _commerce_only(draft, self.lex.commerce_sectors):
            return None  # a host's visitor may be named outside the parse ("a forum hosted by the chamber")
        draft.mode = self._mode(draft, place)
        head = draft.head
        sentence = _sentence_offsets(self.analysis.text, with_dateline(sentence_of(head)), draft.match.tokens[0].idx)
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
            sentence_number=sentence_number(head.doc, sentence.start),
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

    def _main_subject_act(self, draft: Draft) -> bool:
        """'The raid left two men dead', 'the rally denounced the ban', 'these
        deployments upended the plan': a noun of a material act that is the
        subject of the sentence's main verb reports the act, though no doer is
        named. Not a bare plural, which speaks of a kind ('mass shootings are
        becoming common'), nor a verb of being ('a raid is a military tactic');
        violence also needs force or harm named in its sentence, as an attack
        or clash without them is one of words or trade (the criticism rule's
        cues, `status.force_named`)."""
        noun, verb = draft.head, draft.head.head
        if draft.match.verbal or draft.match.carrier is not None or draft.event not in _SUBJECT_REPORTED:
            return False
        if noun.dep_ != "nsubj" or verb.dep_ != "ROOT" or _lemma(verb) == "be":
            return False
        if noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children):
            return False
        if draft.event != "ASSAULT":
            return True
        return force_named(sentence_of(noun), self.lex, besides=noun)

    def _sizes(self, event_type: str, sentence: Offsets) -> dict[str, Optional[int]]:
        """PLOVER's size fields from the figures of the sentence: dead and
        injured for violence, arrested for coercion."""
        if event_type not in ("ASSAULT", "COERCE"):
            return {}
        counts = casualty_counts(self.analysis, sentence.start, sentence.end)
        if event_type == "COERCE":
            return {"arrested": counts["arrested"]}
        return {"dead": counts["dead"], "injured": counts["injured"]}

    def _mode(self, draft: Draft, place: Optional[Place]) -> Optional[str]:
        valid = self.lex.valid_modes.get(draft.event, frozenset())
        ranked = self.lex.modes.get(draft.event, ())
        if draft.event in _MEANS_EVENTS and draft.mode in _WEAPON_MODES:
            # the entry's weapon, unless its doer or object names a more specific one
            named = _first_cued(ranked, _means_cues(draft))
            return named if named in _WEAPON_MODES and _ranks_before(ranked, named, draft.mode) else draft.mode
        cued = _first_cued(ranked, _near_cues(draft))
        if draft.event in _MOVED_EVENTS:
            if draft.mode in valid:
                return cued if cued and _ranks_before(ranked, cued, draft.mode) else draft.mode
            return cued or _own_units(draft)
        if draft.mode in valid:  # a kind of act ("abducted"), whatever the weapon
            return draft.mode
        if draft.event not in _MEANS_EVENTS:
            return cued
        return cued or _first_cued(ranked, _sentence_means(draft.head))

    def _contexts(self, draft: Draft) -> list[str]:
        contexts = list(draft.match.entry.context)
        for note in draft.notes:
            if note.startswith("context:"):
                contexts.extend(note.split(":", 1)[1].split(","))
        contexts.extend(self._sentence_contexts(sentence_of(draft.head)))
        return list(dict.fromkeys(contexts))

    def _sentence_contexts(self, sentence: Span) -> list[str]:
        """The contexts whose cues the sentence says, kept per sentence: its events share them."""
        found = self._said_contexts.get(sentence.start)
        if found is None:
            doc, start, end = sentence.doc, sentence.start, sentence.end
            said = _word_runs(lower_lemmas(doc)[start:end], lower_words(doc)[start:end], longest=self.longest_context_cue)
            found = self._said_contexts[sentence.start] = [
                context for context, cues in self.lex.contexts.items() if any(cue in said for cue in cues)
            ]
        return found

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

    # -- helpers ---------------------------------------------------------
    def _title_end(self) -> int:
        text = self.analysis.text
        newline = text.find("\n")
        return newline if newline > 0 else 0


def _near_cues(draft: Draft) -> set[str]:
    """Lemmas of what the trigger governs, its modifiers, its subject and
    passive agent: the words that name what was asked, threatened or used."""
    head = draft.head
    cues = {_lemma(t) for t in _complement_tokens(head)} | {_lemma(head)}
    if draft.match.carrier is not None:
        cues |= {_lemma(t) for t in _complement_tokens(draft.match.carrier)}
    cues |= {_lemma(c) for c in head.children if c.dep_ in ("compound", "amod")}
    # the means as subject or agent: "a suicide bombing killed", "hit by a missile"
    cues |= {_lemma(t) for c in head.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    if draft.event not in _MEANS_EVENTS:  # what was moved or asked: "police were deployed"
        cues |= {_lemma(t) for c in head.children if c.dep_ == "nsubjpass" for t in c.subtree}
    return cues


def _own_units(draft: Draft) -> Optional[str]:
    """A show of force naming no units moves the doer's own: "police stepped up
    patrols", "officers increased their patrols" (police); soldiers' (troops)."""
    sectors = {party.sector for _, party in draft.actors}
    return "police" if "COP" in sectors else "troops" if "MIL" in sectors else None


def _means_cues(draft: Draft) -> set[str]:
    """Lemmas of the trigger's modifiers and of the words naming its doer and
    object, with their own modifiers ("suicide bombers blew up", "dropped a
    chlorine bomb"), not of prepositional phrases ("rounds in the air")."""
    verbs = [draft.head] + ([draft.match.carrier] if draft.match.carrier is not None else [])
    nouns = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    nouns += [p for v in verbs for c in v.children if c.dep_ == "agent" for p in _pobjects(c)]
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]
    words = [draft.head] + nouns
    return {_lemma(t) for t in words} | {
        _lemma(c) for t in words for c in t.children if c.dep_ in ("compound", "amod", "nmod")
    }


def _sentence_means(head: Token) -> set[str]:
    """The nouns and adjectives of the trigger's sentence."""
    return {_lemma(t) for t in sentence_of(head) if t.pos_ in _MEANS_POS}


def _first_cued(ranked: tuple[tuple[str, frozenset[str]], ...], cues: set[str]) -> Optional[str]:
    return next((mode for mode, words in ranked if cues & words), None)


def _ranks_before(ranked: tuple[tuple[str, frozenset[str]], ...], mode: str, other: str) -> bool:
    order = [m for m, _ in ranked]
    return mode in order and (other not in order or order.index(mode) < order.index(other))


def _counted_patients(draft: Draft) -> bool:
    """'Dozens were detained', 'three were killed', '22 persons were arrested':
    a passive with no agent whose patients are counted still reports the
    event, with no actor."""
    patients = [c for c in draft.head.children if c.dep_ == "nsubjpass"]
    return draft.rule.startswith("verb:passive") and any(_counted(t) for t in patients)


def _counted(token: Token) -> bool:
    return _is_count(token) or _lemma(token) in _QUANTITY_NOUNS or any(
        c.dep_ == "nummod" and _is_count(c) for c in token.children)


def _patient_tells_the_act(draft: Draft) -> bool:
    """'Mortar shells were fired', 'rifles were seized', 'the leaders were
    arrested', 'a 19-year-old was stabbed', 'both were charged with theft': a
    passive of force whose patient is the kind of thing its entry acts on (its
    object class), or anyone at all for an arrest, or a person for any act of
    force or accusation of crime (CAMEO 112, which police and prosecutors
    make), or anyone counted for violence, reports the act although no doer is
    named."""
    if not draft.rule.startswith("verb:passive"):
        return False
    entry = draft.match.entry
    if entry.mode == "arrest":
        return bool(draft.recipients)
    if draft.event not in _FORCE_EVENTS and entry.cameo != _CRIME_ACCUSATION:
        return False
    patients = [t for t, _ in draft.recipients] + [c for c in draft.head.children if c.dep_ == "nsubjpass"]
    if any(_names_someone(t) for t in patients):
        return True
    if draft.event == "ASSAULT" and any(_counted(t) and _lemma(t) not in _QUANTITY_NOUNS for t, _ in draft.recipients):
        return True  # "three more were wounded", "40 people killed in the raid"; not "the toll rose"
    return bool(entry.objects) and any(_lemma(t) in entry.objects for t, _ in draft.recipients)


def _names_someone(token: Token) -> bool:
    """A person, though no party: a name, a personal pronoun, "both" or "each",
    or someone told by age ("a 28-year-old", "the 40-year-old driver"); not a
    thing ("the policy was blamed", "the hill posts seized")."""
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    return (token.lower_ in ("both", "each") or token.ent_type_ == "PERSON" or _is_age(token)
            or any(_is_age(c) for c in token.children))


def _is_age(token: Token) -> bool:
    """'a 19-year-old', 'the 40-year-old driver' (parsed 'old' <- 'year')."""
    return token.lower_.endswith("-old") or (
        token.lower_ == "old" and any(_lemma(c) in ("year", "month") for c in token.children))


def _is_count(token: Token) -> bool:
    return token.like_num or token.pos_ == "NUM"


def _reported_occurrence(draft: Draft) -> bool:
    """'Clashes erupted overnight', 'protests broke out', 'the attack took
    place at dawn': an event noun that is the subject of a verb of happening
    reports the event although nobody is named in it; so does a noun of force
    or protest whose light verb is passive ('arrests were made')."""
    noun = draft.head
    carried = draft.match.carrier is not None and draft.match.carrier.i == noun.head.i
    if noun.dep_ == "nsubjpass" and carried and draft.event in _PASSIVE_REPORTED:
        return True  # "arrests were made", "the attack was carried out", "a rally was held"
    return draft.happening is not None


def _occurrence_verb(draft: Draft, occurrence_verbs: frozenset[str]) -> Optional[Token]:
    """The verb of happening whose subject the event noun is ("clashes
    erupted", "the protest took place"), if any: "take" only with "place",
    "break" only with "out"."""
    noun = draft.head
    verb = noun.head
    if draft.match.verbal or noun.dep_ != "nsubj" or _lemma(verb) not in occurrence_verbs:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "dobj")}
    if _lemma(verb) == "break" and "out" not in particles:
        return None
    if _lemma(verb) == "take" and "place" not in particles:
        return None
    return verb


def _munition_does_it(draft: Draft, munitions: frozenset[str]) -> bool:
    """'Mortar rounds struck the camp', 'shells landed in the market, killing
    five': an attack whose doer is a munition fired or thrown reports the
    attack; whoever fired it is not named."""
    return draft.event == "ASSAULT" and any(
        _lemma(w) in munitions for t, _ in draft.actors
        for w in (t, *(c for c in t.children if c.dep_ == "compound")))  # "mortar rounds"


def _crowd_act(draft: Draft, crowd_acts: frozenset[str]) -> bool:
    """'Three days of protests', 'a walkout over pay', 'many turned to rioting':
    a noun of an act only a crowd does reports it with no doer named. Not
    "a demonstration of strength": with an of-phrase the noun is a show."""
    noun = draft.head
    return (not draft.match.verbal and draft.event == "PROTEST" and _lemma(noun) in crowd_acts
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children))


def _hosted(draft: Draft) -> bool:
    """A visit has a host (PLOVER CONSULT 'visit': the visitor is the actor,
    the host the recipient): a political party ("visited the troops",
    "a trip to the Capitol") or a place abroad ("flew to Riyadh"). A trip
    home or within the visitor's own country to a mere place ("visited the
    state", "their trip to the stadium") or to private people, and a verb of
    going with no destination ("was travelling east", "passengers
    travelled"), visit no one. A visit noun naming no destination refers to
    one told before ("the minister's visit will help") and stands when its
    visitor is a political party; so does a place abroad for an envoy whose
    own country is not named, and a region beyond one country for an official."""
    if not draft.recipients:
        return not draft.match.verbal and any(_political(p) for _, p in draft.actors)
    homes = {p.country for _, p in draft.actors if p.country}
    # the entries of going ("left for", "arrived in") already admit office holders only
    official = bool(draft.match.entry.subjects) or any(_political(p) for _, p in draft.actors)
    return any(
        _political(p)
        or (p.country is not None and (homes or official) and p.country not in homes)
        or (p.country is None and official and t.ent_type_ in _REGIONS)  # "flew on to Asia"
        for t, p in draft.recipients
    )


def _commerce_only(draft: Draft, commerce: frozenset[str]) -> bool:
    """Business among private parties ("employers are offering higher pay"):
    every actor is a business and no recipient names a country or a sector of
    public life, so no political or social party takes part."""
    return bool(draft.actors) and all(p.sector in commerce for _, p in draft.actors) and not any(
        p.country or _political(p) for _, p in draft.recipients
    )


def _political(party: Party) -> bool:
    """A party with a sector of public life: not private people or an unknown sector."""
    return party.sector is not None and party.sector not in _PRIVATE_SECTORS


def _is_reflexive(token: Token) -> bool:
    """'blew themselves up': the actor itself, never a recipient."""
    return token.pos_ == "PRON" and token.lower_.endswith(("self", "selves"))


def _other_than_actors(
    recipients: list[tuple[Token, Party]], actors: list[tuple[Token, Party]], names_player: Callable[[Token], bool]
) -> list[tuple[Token, Party]]:
    """recip7 (issue #17/#18): the words that name the actor never name its
    recipient too: 'a town hall hosted by the network' (the hall stands in for
    its host), 'a rally in the city' (the scene taken for the actor and the
    target alike). recipients13 (issue #17/#18): nor is a thing the actor owns,
    coded as the actor through its possessor ('defended her own plan', 'complained
    about their costs'), its recipient. Another mention of the same one ('he ...
    him') is a different player's word and stays: when both are linked to one
    actor, either link may be the wrong one."""
    own = {(p.start, p.end) for _, p in actors} | {(t.idx, t.idx + len(t)) for t, _ in actors}
    own_ids = {p.actor_id for _, p in actors if p.actor_id}
    return [(t, p) for t, p in recipients if (p.start, p.end) not in own
            and not (p.actor_id in own_ids and not names_player(t))]


def _word_runs(*sequences: list[str], longest: int) -> set[tuple[str, ...]]:
    """Every run of up to `longest` consecutive words of each sequence: a context cue
    is found by one set lookup instead of a scan of the sentence per cue."""
    return {
        tuple(words[i : i + n]) for words in sequences for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


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
