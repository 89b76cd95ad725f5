"""The event lexicon: trigger entries and cue lists, loaded and checked once.

The data lives in `dragoman/data/lexicon/` (events.yaml, noun_classes.yaml,
event_modes.yaml, event_contexts.yaml, event_status.yaml) so that linguists can extend it without
touching code. Loading validates every entry against the PLOVER types, modes and
CAMEO roots and fails with the file and line of the offending entry, because a
typo in a lexicon should stop the build, not silently drop events. Each entry
keeps an id "events.yaml:LINE" that events carry as evidence (`Event.lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import yaml

from ..records import PLOVER_TYPES

EVENTS_FILE = "events.yaml"
MODES_FILE = "event_modes.yaml"
CONTEXTS_FILE = "event_contexts.yaml"
STATUS_FILE = "event_status.yaml"
CLASSES_FILE = "noun_classes.yaml"

_ENTRY_KEYS = {
    "lemma", "phrase", "pos", "particle", "object", "prep", "light", "event", "mode",
    "cameo", "context", "recipient", "embed", "visit", "negated", "object_class",
    "not_object_class", "not_particle", "not_subject_class", "subject_class", "intransitive",
    "transitive", "not_phrase_class", "warns_of", "not_light", "modifier_class", "not_clause", "outcome_class",
    "promises",
}
_CAMEO_RE = re.compile(r"^\d{2,4}$")
_EMBEDS = {"absorb", "intent"}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Recoding:
    """What a trigger codes when it is negated ("did not support" -> REJECT)."""

    event: str
    cameo: str
    mode: Optional[str] = None


@dataclass(frozen=True)
class Entry:
    id: str  # "events.yaml:123"
    event: str
    cameo: str
    pos: str = "verb"  # verb, noun, or "state" for the classes of `evaluative_states`
    lemma: Optional[str] = None
    phrase: tuple[str, ...] = ()
    particle: Optional[str] = None
    objects: frozenset[str] = frozenset()  # the object lemmas and classes' lemmas
    not_objects: frozenset[str] = frozenset()  # objects that make it another sense
    not_particles: frozenset[str] = frozenset()  # particles that do ("hail from")
    not_subjects: frozenset[str] = frozenset()  # doers that make it no act ("a flood killed")
    subjects: frozenset[str] = frozenset()  # doers the entry requires ("rioters clashed")
    not_phrase: frozenset[str] = frozenset()  # words in the trigger's phrase that make it a contest ("beat him by 5 points")
    modifiers: frozenset[str] = frozenset()  # a noun's kind, told by its modifiers ("a general strike")
    outcomes: frozenset[str] = frozenset()  # harm an act noun is told to cause ("the raid that killed")
    not_clause: bool = False  # a verb governing a clause is another sense ("was struck that ...")
    intransitive: bool = False  # the sense with no object ("police fired in the air")
    transitive: bool = False  # the sense with an object or complement ("declined the offer", not "sales declined")
    warns_of: frozenset[str] = frozenset()  # a warning codes only as a threat: of these, or of the warner's own act
    promises: frozenset[str] = frozenset()  # an assurance codes only as a promise: what its side or these will do
    prep: Optional[str] = None
    light: frozenset[str] = frozenset()
    not_light: frozenset[str] = frozenset()  # verbs under which the noun is no act ("poses a threat")
    mode: Optional[str] = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    embed: Optional[str] = None
    visit: bool = False
    negated: Optional[Recoding] = None

    @property
    def specificity(self) -> int:
        """Narrower entries win over general ones for the same trigger word."""
        return (
            2 * len(self.phrase)
            + 2 * bool(self.particle)
            + 2 * bool(self.objects)
            + 2 * bool(self.subjects)
            + 2 * bool(self.modifiers)
            + 2 * bool(self.outcomes)
            + bool(self.prep)
            + bool(self.light)
        )


@dataclass(frozen=True)
class IntentRule:
    """How a promise codes: AGREE for promised cooperation, THREATEN for force."""

    cooperation: Recoding
    conflict: Recoding
    threat_modes: dict[str, str]


@dataclass(frozen=True)
class StatusCues:
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    intent_governors: frozenset[str]
    negating_governors: frozenset[str]
    negating_prepositions: frozenset[str]
    negation_words: frozenset[str]
    hypothetical_marks: frozenset[str]
    factual_marks: frozenset[str]
    historical_preps: frozenset[str]
    reported_future_aux: frozenset[str]
    threat_marks: frozenset[str]
    historical_days: int


@dataclass(frozen=True)
class VerbalAttacks:
    """When an attack is one in words (events.yaml, `verbal_attacks`)."""

    lemmas: frozenset[str] = frozenset()  # entry lemmas with a sense of attacking in words
    speakers: frozenset[str] = frozenset()  # the people whose attacks may be in words
    not_parties: frozenset[str] = frozenset()  # parties only force is used on
    assailants: frozenset[str] = frozenset()  # doers who attack in deeds unless also speakers
    harm: frozenset[str] = frozenset()  # words of harm done: the attack is physical
    recoding: Optional[Recoding] = None


@dataclass(frozen=True)
class EvaluativeStates:
    """states15 (issue #17): a party's state of alarm, anger or approval as its
    stance (events.yaml, `evaluative_states`)."""

    codes: dict[str, Entry] = field(default_factory=dict)  # adjective or participle -> its class's entry
    causes: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> prepositions naming its cause
    linking_verbs: frozenset[str] = frozenset()  # "was/remained/felt alarmed"
    acts: frozenset[str] = frozenset()  # nouns of acts a stance may be about, besides event and act nouns
    not_causes: frozenset[str] = frozenset()  # causes that make it no stance: disasters, accidents


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    by_word: dict[tuple[str, str], tuple[Entry, ...]]  # (pos, lemma) -> entries
    by_phrase_start: dict[str, tuple[Entry, ...]]  # first phrase word -> entries
    quad: dict[str, int]
    default_recipient: dict[str, tuple[str, ...]]  # pos -> recipient slots
    light_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    outsider_words: frozenset[str]  # "foreign leaders": not of the scene's country
    custody_words: frozenset[str]  # "released on bail": a release from the authorities' custody
    tied_people: frozenset[str]  # "his wife", "her rivals": not the possessor
    act_nouns: frozenset[str]
    document_nouns: frozenset[str]
    sponsor_words: frozenset[str]
    topic_preps: frozenset[str]  # "agreed on X": X is what the event is about
    circumstance_words: frozenset[str]  # "because of X": X is background
    sequence_words: frozenset[str]  # "after X": X took place, an event of its own
    speech_verbs: frozenset[str]
    requires_recipient: frozenset[str]
    place_recipient: frozenset[str]
    locative_prepositions: frozenset[str]  # "spoke in Paris": Paris is the venue
    locative_target: frozenset[str]  # "air strikes in the south": the venue is the target
    unclaimed_actor_at_place: frozenset[str]
    munition_doers: frozenset[str]  # "mortar rounds struck the camp": the munition stands for its unnamed users
    private_people: frozenset[str]  # "rang her aunt": kin and friends, whose acts are private life
    commerce_sectors: frozenset[str]  # an event among these sectors only is business, not politics
    occurrence_verbs: frozenset[str]  # "clashes erupted": the noun's event is reported
    phase_verbs: frozenset[str]  # "the fighting continued": the verb's status is the phase's, not the event's
    crowd_acts: frozenset[str]  # "three days of protests": a crowd's act, reported with no doer named
    question_words: frozenset[str]  # "asked why ...": a question, not a request
    question_verbs: frozenset[str]  # "'Why?' he asked": a request needs what is asked for
    asked_nouns: frozenset[str]  # whom a question verb asks ("asked the boy"), and what ("asked questions")
    opinion_verbs: frozenset[str]  # "agreed that ...": an opinion unless it says what is agreed to
    agreed_preps: frozenset[str]  # "agreed to/on X": what is agreed
    victims_of_place: frozenset[str]  # unaffiliated victims belong to the event's place
    domestic_recipient: frozenset[str]
    object_genitive: frozenset[str]  # noun events whose of-phrase names the target
    threat_when_planned: frozenset[str]
    adjunct_events: dict[str, frozenset[str]]  # preposition -> types done by the clause's subject
    future_recode: dict[str, Recoding]
    joint_recode: dict[str, Recoding]
    obligation: Entry  # "X said Y must ...": a request by X on Y
    obligation_modals: frozenset[str]
    allegation: Entry  # "X claimed that Y was lying": an accusation by X of Y
    allegation_verbs: frozenset[str]
    allegation_predicates: frozenset[str]  # the wrongs and words of censure alleged
    allegation_senses: dict[str, frozenset[str]]  # predicate -> the only prepositions of its wrong sense
    intent: IntentRule
    modes: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # event -> (mode, cues)
    contexts: dict[str, tuple[tuple[str, ...], ...]]  # context -> cue lemma sequences
    status: StatusCues
    valid_modes: dict[str, frozenset[str]] = field(default_factory=dict)
    # case5 (issue #17): measures against a disaster are no coercion ("imposed a
    # lockdown to contain the epidemic"): type -> the modes concerned (None: all)
    hazard_responses: dict[str, Optional[frozenset[str]]] = field(default_factory=dict)
    hazard_causes: frozenset[str] = frozenset()
    verbal_attacks: VerbalAttacks = VerbalAttacks()
    states: EvaluativeStates = EvaluativeStates()

    def candidates(self, pos: str, lemma: str) -> tuple[Entry, ...]:
        return self.by_word.get((pos, lemma), ())

    @cached_property
    def assault_means(self) -> frozenset[str]:
        """The ASSAULT mode cues (event_modes.yaml): weapons and other means of force."""
        return frozenset(cue for _mode, cues in self.modes.get("ASSAULT", ()) for cue in cues)

    @cached_property
    def force_words(self) -> frozenset[str]:
        """Words that make an attack one of force, not of words: harm done
        (`verbal_attacks.harm`) or a means of force named."""
        return self.verbal_attacks.harm | self.assault_means


# -- reading YAML with line numbers ------------------------------------------
def _compose(path: Path) -> yaml.Node:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path.name}: invalid YAML: {exc}") from exc
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{path.name}:1: expected a mapping at top level")
    return node


def _value(node: yaml.Node) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path.name}:{node.start_mark.line + 1}"


def _sections(path: Path) -> dict[str, yaml.Node]:
    return {k.value: v for k, v in _compose(path).value}


def _str_list(value: Any, where: str, what: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in items):
        raise LexiconError(f"{where}: {what} must be text (quote on/off/yes/no): {value!r}")
    return tuple(v.lower() for v in items)


# -- validation ---------------------------------------------------------------
def _check_code(
    event: Any, cameo: Any, mode: Any, where: str, roots: dict[str, list[str]],
    valid_modes: dict[str, frozenset[str]],
) -> None:
    if event not in PLOVER_TYPES:
        raise LexiconError(f"{where}: unknown PLOVER event type {event!r}")
    if not isinstance(cameo, str) or not _CAMEO_RE.match(cameo):
        raise LexiconError(f"{where}: bad CAMEO code {cameo!r} (2-4 digits, quoted)")
    if event not in roots.get(cameo[:2], []):
        raise LexiconError(f"{where}: CAMEO code {cameo} cannot code {event}")
    if mode is not None and mode not in valid_modes.get(event, frozenset()):
        raise LexiconError(f"{where}: unknown mode {mode!r} for {event}")


def _recoding(raw: Any, where: str, roots, valid_modes) -> Recoding:
    if not isinstance(raw, dict) or not {"event", "cameo"} <= raw.keys():
        raise LexiconError(f"{where}: expected {{event, cameo[, mode]}}, got {raw!r}")
    _check_code(raw["event"], raw["cameo"], raw.get("mode"), where, roots, valid_modes)
    return Recoding(event=raw["event"], cameo=raw["cameo"], mode=raw.get("mode"))


def _class_lemmas(
    raw: dict, key: str, where: str, classes: dict[str, frozenset[str]], used: set[str]
) -> frozenset[str]:
    """The lemmas of the noun classes an entry names under `key`."""
    names = _str_list(raw.get(key, []), where, key)
    unknown = [n for n in names if n not in classes]
    if unknown:
        raise LexiconError(f"{where}: unknown noun class(es) {unknown} (see {CLASSES_FILE})")
    used.update(names)
    return frozenset(lemma for n in names for lemma in classes[n])


def _entry(
    node: yaml.Node, path: Path, roots, valid_modes, contexts: set[str],
    classes: dict[str, frozenset[str]], used: set[str],
) -> Entry:
    where = _where(path, node)
    raw = _value(node)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: an entry must be a mapping")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    for required in ("event", "cameo"):
        if required not in raw:
            raise LexiconError(f"{where}: missing field {required!r}")
    if ("lemma" in raw) == ("phrase" in raw):
        raise LexiconError(f"{where}: give exactly one of 'lemma' or 'phrase'")
    _check_code(raw["event"], raw["cameo"], raw.get("mode"), where, roots, valid_modes)
    pos = raw.get("pos", "verb")
    if pos not in ("verb", "noun"):
        raise LexiconError(f"{where}: pos must be verb or noun, not {pos!r}")
    embed = raw.get("embed")
    if embed is not None and embed not in _EMBEDS:
        raise LexiconError(f"{where}: embed must be one of {sorted(_EMBEDS)}")
    context = _str_list(raw.get("context", []), where, "context")
    bad = [c for c in context if c not in contexts]
    if bad:
        raise LexiconError(f"{where}: unknown context(s) {bad}")
    one = lambda key: _str_list(raw[key], where, key)[0] if key in raw else None  # noqa: E731
    return Entry(
        id=where,
        event=raw["event"],
        cameo=raw["cameo"],
        pos=pos,
        lemma=one("lemma"),
        phrase=tuple(one("phrase").split()) if "phrase" in raw else (),
        particle=one("particle"),
        objects=frozenset(_str_list(raw.get("object", []), where, "object"))
        | _class_lemmas(raw, "object_class", where, classes, used),
        not_objects=_class_lemmas(raw, "not_object_class", where, classes, used),
        not_particles=frozenset(_str_list(raw.get("not_particle", []), where, "not_particle")),
        not_subjects=_class_lemmas(raw, "not_subject_class", where, classes, used),
        subjects=_class_lemmas(raw, "subject_class", where, classes, used),
        not_phrase=_class_lemmas(raw, "not_phrase_class", where, classes, used),
        modifiers=_class_lemmas(raw, "modifier_class", where, classes, used),
        not_clause=bool(raw.get("not_clause", False)),
        outcomes=_class_lemmas(raw, "outcome_class", where, classes, used),
        intransitive=bool(raw.get("intransitive", False)),
        transitive=bool(raw.get("transitive", False)),
        warns_of=_class_lemmas(raw, "warns_of", where, classes, used),
        promises=_class_lemmas(raw, "promises", where, classes, used),
        prep=one("prep"),
        light=frozenset(_str_list(raw.get("light", []), where, "light")),
        not_light=frozenset(_str_list(raw.get("not_light", []), where, "not_light")),
        mode=raw.get("mode"),
        context=context,
        recipient=_str_list(raw.get("recipient", []), where, "recipient"),
        embed=embed,
        visit=bool(raw.get("visit", False)),
        negated=_recoding(raw["negated"], where, roots, valid_modes) if "negated" in raw else None,
    )


def _adjunct_events(node: yaml.Node, path: Path) -> dict[str, frozenset[str]]:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{_where(path, node)}: adjunct_events must map prepositions to types")
    return {key.value.lower(): frozenset(_types(value, path)) for key, value in node.value}


def _types(node: yaml.Node, path: Path) -> list[str]:
    names = _value(node)
    bad = [n for n in names if n not in PLOVER_TYPES]
    if bad:
        raise LexiconError(f"{_where(path, node)}: unknown PLOVER event type(s) {bad}")
    return names


def _require(sections: dict[str, yaml.Node], path: Path, *names: str) -> None:
    missing = [n for n in names if n not in sections]
    if missing:
        raise LexiconError(f"{path.name}:1: missing section(s) {', '.join(missing)}")


# -- the cue files -------------------------------------------------------------
def _load_modes(path: Path, valid_modes: dict[str, frozenset[str]]):
    modes = {}
    for key, node in _compose(path).value:
        event = key.value
        if event not in PLOVER_TYPES:
            raise LexiconError(f"{_where(path, key)}: unknown PLOVER event type {event!r}")
        pairs = []
        for mode_key, cue_node in node.value:
            if mode_key.value not in valid_modes[event]:
                raise LexiconError(
                    f"{_where(path, mode_key)}: unknown mode {mode_key.value!r} for {event}"
                )
            cues = _str_list(_value(cue_node), _where(path, cue_node), "cue")
            pairs.append((mode_key.value, frozenset(cues)))
        modes[event] = tuple(pairs)
    return modes


def _load_contexts(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    contexts = {}
    for key, node in _compose(path).value:
        cues = _str_list(_value(node), _where(path, node), "cue")
        contexts[key.value] = tuple(tuple(c.split()) for c in cues)
    return contexts


def _load_status(path: Path) -> StatusCues:
    raw = {k.value: (v, _value(v)) for k, v in _compose(path).value}
    names = [f.name for f in StatusCues.__dataclass_fields__.values()]
    missing = [n for n in names if n not in raw]
    if missing:
        raise LexiconError(f"{path.name}:1: missing section(s) {', '.join(missing)}")
    days_node, days = raw["historical_days"]
    if not isinstance(days, int):
        raise LexiconError(f"{_where(path, days_node)}: historical_days must be a number")
    lists = {
        n: frozenset(_str_list(raw[n][1], _where(path, raw[n][0]), n))
        for n in names
        if n != "historical_days"
    }
    return StatusCues(historical_days=days, **lists)


def _load_classes(path: Path) -> dict[str, frozenset[str]]:
    """Noun class -> lemmas (noun_classes.yaml)."""
    classes = {}
    for key, node in _compose(path).value:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise LexiconError(f"{_where(path, key)}: class {key.value!r} must list lemmas")
        members = _value(node)
        lemmas = _str_list(members, _where(path, node), "lemma")
        # an upper-case member is a spaCy entity label ("PERSON"), kept as spaCy spells it
        classes[key.value] = frozenset(m if m.isupper() else lemma for m, lemma in zip(members, lemmas))
    return classes


def load_lexicon_from(directory: Path) -> Lexicon:
    """Load and validate the five lexicon files in `directory`."""
    path = directory / EVENTS_FILE
    sections = _sections(path)
    _require(sections, path, "quad", "modes", "cameo_roots", "recipient", "light_verbs",
             "agent_nouns", "outsider_words", "custody_words", "tied_people", "act_nouns", "document_nouns", "sponsor_words", "topic_preps", "circumstance_words",
             "sequence_words", "intent", "entries",
             "speech_verbs", "requires_recipient", "place_recipient", "locative_prepositions", "locative_target",
             "unclaimed_actor_at_place", "munition_doers", "private_people", "commerce_sectors",
             "occurrence_verbs", "phase_verbs", "crowd_acts", "question_words", "question_verbs", "opinion_verbs", "agreed_preps",
             "victims_of_place",
             "domestic_recipient", "object_genitive", "future_recode",
             "joint_recode", "obligation", "threat_when_planned", "adjunct_events", "hazard_responses",
             "verbal_attacks", "allegations", "evaluative_states")
    quad = _value(sections["quad"])
    if set(quad) != set(PLOVER_TYPES):
        raise LexiconError(f"{_where(path, sections['quad'])}: quad must list all 16 types")
    valid_modes = {k: frozenset(v or []) for k, v in _value(sections["modes"]).items()}
    roots = {str(k): v for k, v in _value(sections["cameo_roots"]).items()}
    contexts = _load_contexts(directory / CONTEXTS_FILE)
    entries_node = sections["entries"]
    if not isinstance(entries_node, yaml.SequenceNode):
        raise LexiconError(f"{_where(path, entries_node)}: entries must be a list")
    classes_path = directory / CLASSES_FILE
    classes = _load_classes(classes_path)
    used: set[str] = set()
    entries = tuple(
        _entry(n, path, roots, valid_modes, set(contexts), classes, used) for n in entries_node.value
    )
    questions_raw, questions_where = _value(sections["question_verbs"]), _where(path, sections["question_verbs"])
    asked_nouns = _class_lemmas(questions_raw, "asked", questions_where, classes, used) | frozenset(
        _str_list(questions_raw.get("questions", []), questions_where, "questions"))
    verbal_attacks = _verbal_attacks(sections["verbal_attacks"], path, classes, used, roots, valid_modes)
    allegations_raw, allegations_where = _value(sections["allegations"]), _where(path, sections["allegations"])
    allegation_predicates = _class_lemmas(allegations_raw, "predicates", allegations_where, classes, used)
    states = _evaluative_states(sections["evaluative_states"], path, classes, used, roots, valid_modes)
    munition_doers = _class_lemmas({"classes": _value(sections["munition_doers"])}, "classes",
                                   _where(path, sections["munition_doers"]), classes, used)
    private_people = _class_lemmas({"classes": _value(sections["private_people"])}, "classes",
                                   _where(path, sections["private_people"]), classes, used)
    unused = sorted(set(classes) - used)
    if unused:
        raise LexiconError(f"{classes_path.name}:1: no entry uses the class(es) {unused}")

    intent_raw = _value(sections["intent"])
    where = _where(path, sections["intent"])
    intent = IntentRule(
        cooperation=_recoding(intent_raw.get("cooperation"), where, roots, valid_modes),
        conflict=_recoding(intent_raw.get("conflict"), where, roots, valid_modes),
        threat_modes=dict(intent_raw.get("threat_modes") or {}),
    )
    words = lambda name: frozenset(  # noqa: E731
        _str_list(_value(sections[name]), _where(path, sections[name]), name)
    )
    by_word: dict[tuple[str, str], list[Entry]] = {}
    by_phrase: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.phrase:
            by_phrase.setdefault(entry.phrase[0], []).append(entry)
        else:
            by_word.setdefault((entry.pos, entry.lemma), []).append(entry)
    types = lambda name: frozenset(_types(sections[name], path))  # noqa: E731
    future_node = sections["future_recode"]
    future_recode = {
        k.value: _recoding(_value(v), _where(path, v), roots, valid_modes)
        for k, v in future_node.value
    }
    joint_recode = {
        k.value: _recoding(_value(v), _where(path, v), roots, valid_modes)
        for k, v in sections["joint_recode"].value
    }
    obligation_node = sections["obligation"]
    obligation_raw = _value(obligation_node)
    where = _where(path, obligation_node)
    request = _recoding(obligation_raw.get("request"), where, roots, valid_modes)
    obligation = Entry(id=where, event=request.event, cameo=request.cameo,
                       recipient=("ccomp-subject",), embed="absorb")
    accusation = _recoding(allegations_raw.get("recoding"), allegations_where, roots, valid_modes)
    allegation = Entry(id=allegations_where, event=accusation.event, cameo=accusation.cameo,
                       mode=accusation.mode, recipient=("ccomp-subject",))
    hazards_raw, hazards_where = _value(sections["hazard_responses"]), _where(path, sections["hazard_responses"])
    order = lambda es: tuple(sorted(es, key=lambda e: -e.specificity))  # noqa: E731
    recipient = _value(sections["recipient"])
    return Lexicon(
        entries=entries,
        by_word={k: order(v) for k, v in by_word.items()},
        by_phrase_start={k: order(v) for k, v in by_phrase.items()},
        quad=quad,
        default_recipient={pos: tuple(_str_list(v, path.name, "recipient"))
                           for pos, v in recipient.items()},
        light_verbs=words("light_verbs"),
        agent_nouns=words("agent_nouns"),
        outsider_words=words("outsider_words"),
        custody_words=words("custody_words"),
        tied_people=words("tied_people"),
        act_nouns=words("act_nouns"),
        document_nouns=words("document_nouns"),
        sponsor_words=words("sponsor_words"),
        topic_preps=words("topic_preps"),
        circumstance_words=words("circumstance_words"),
        sequence_words=words("sequence_words"),
        speech_verbs=words("speech_verbs"),
        requires_recipient=types("requires_recipient"),
        place_recipient=types("place_recipient"),
        locative_prepositions=words("locative_prepositions"),
        locative_target=types("locative_target"),
        unclaimed_actor_at_place=types("unclaimed_actor_at_place"),
        munition_doers=munition_doers,
        private_people=private_people,
        commerce_sectors=frozenset(code.upper() for code in words("commerce_sectors")),  # sector codes are upper case
        occurrence_verbs=words("occurrence_verbs"),
        phase_verbs=words("phase_verbs"),
        crowd_acts=words("crowd_acts"),
        question_words=words("question_words"),
        question_verbs=frozenset(_str_list(questions_raw.get("verbs", []), questions_where, "verbs")),
        asked_nouns=asked_nouns | words("agent_nouns"),
        opinion_verbs=words("opinion_verbs"),
        agreed_preps=words("agreed_preps"),
        victims_of_place=types("victims_of_place"),
        domestic_recipient=types("domestic_recipient"),
        object_genitive=types("object_genitive"),
        threat_when_planned=types("threat_when_planned"),
        adjunct_events=_adjunct_events(sections["adjunct_events"], path),
        future_recode=future_recode,
        joint_recode=joint_recode,
        obligation=obligation,
        obligation_modals=frozenset(_str_list(obligation_raw.get("modals", []), where, "modals")),
        allegation=allegation,
        allegation_verbs=frozenset(_str_list(allegations_raw.get("verbs", []), allegations_where, "verbs")),
        allegation_predicates=allegation_predicates,
        allegation_senses={str(k): frozenset(_str_list(v, allegations_where, "only_with"))
                           for k, v in (allegations_raw.get("only_with") or {}).items()},
        intent=intent,
        modes=_load_modes(directory / MODES_FILE, valid_modes),
        contexts=contexts,
        status=_load_status(directory / STATUS_FILE),
        valid_modes=valid_modes,
        hazard_responses=_hazard_responses(hazards_raw.get("events"), hazards_where, valid_modes),
        hazard_causes=frozenset(_str_list(hazards_raw.get("causes", []), hazards_where, "causes")),
        verbal_attacks=verbal_attacks,
        states=states,
    )


def _verbal_attacks(node: yaml.Node, path: Path, classes: dict[str, frozenset[str]], used: set[str],
                    roots, valid_modes) -> VerbalAttacks:
    raw, where = _value(node), _where(path, node)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: verbal_attacks must be a mapping")
    return VerbalAttacks(
        lemmas=frozenset(_str_list(raw.get("lemmas", []), where, "lemmas")),
        speakers=_class_lemmas(raw, "speakers", where, classes, used),
        not_parties=_class_lemmas(raw, "not_parties", where, classes, used),
        assailants=_class_lemmas(raw, "assailants", where, classes, used),
        harm=frozenset(_str_list(raw.get("harm", []), where, "harm")),
        recoding=_recoding(raw.get("recoding"), where, roots, valid_modes),
    )


def _evaluative_states(node: yaml.Node, path: Path, classes: dict[str, frozenset[str]], used: set[str],
                       roots, valid_modes) -> EvaluativeStates:
    """One entry per class of state words, its code checked like an entry's."""
    raw, where = _value(node), _where(path, node)
    if not isinstance(raw, dict) or not isinstance(raw.get("classes"), list):
        raise LexiconError(f"{where}: evaluative_states must map `classes` to a list")
    shared = frozenset(_str_list(raw.get("causes", []), where, "causes"))
    codes: dict[str, Entry] = {}
    causes: dict[str, frozenset[str]] = {}
    for class_node in next(v for k, v in node.value if k.value == "classes").value:
        class_raw, class_where = _value(class_node), _where(path, class_node)
        code = _recoding(class_raw.get("code"), class_where, roots, valid_modes)
        negated = class_raw.get("negated")
        entry = Entry(id=class_where, event=code.event, cameo=code.cameo, mode=code.mode, pos="state",
                      negated=_recoding(negated, class_where, roots, valid_modes) if negated else None)
        own = frozenset(_str_list(class_raw["causes"], class_where, "causes")) if "causes" in class_raw else shared
        for word in _str_list(class_raw.get("words", []), class_where, "words"):
            codes[word], causes[word] = entry, own
    return EvaluativeStates(
        codes=codes,
        causes=causes,
        linking_verbs=frozenset(_str_list(raw.get("linking_verbs", []), where, "linking_verbs")),
        acts=_class_lemmas(raw, "cause_class", where, classes, used),
        not_causes=_class_lemmas(raw, "not_cause_class", where, classes, used),
    )


def _hazard_responses(raw: Any, where: str, valid_modes: dict[str, frozenset[str]]) -> dict[str, Optional[frozenset[str]]]:
    """"TYPE" or "TYPE:mode|mode" -> {TYPE: modes or None}."""
    responses: dict[str, Optional[frozenset[str]]] = {}
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise LexiconError(f"{where}: events must be a list of \"TYPE\" or \"TYPE:mode|mode\"")
    for text in raw:
        event, _, modes = text.partition(":")
        if event not in PLOVER_TYPES:
            raise LexiconError(f"{where}: unknown PLOVER event type {event!r}")
        chosen = frozenset(modes.split("|")) if modes else None
        if chosen and not chosen <= valid_modes.get(event, frozenset()):
            raise LexiconError(f"{where}: unknown mode(s) in {text!r}")
        responses[event] = chosen
    return responses


def lexicon_directory() -> Path:
    return Path(str(resources.files("dragoman") / "data" / "lexicon"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon_from(lexicon_directory())


def entry_source(entry_id: str, directory: Optional[Path] = None) -> Optional[str]:
    """The text of the lexicon line an entry id ("events.yaml:123") points at."""
    name, _, line = entry_id.rpartition(":")
    path = (directory or lexicon_directory()) / name
    if not line.isdigit() or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    number = int(line)
    return lines[number - 1].strip() if 0 < number <= len(lines) else None
