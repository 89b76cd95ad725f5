"""PLOVER events: who did what to whom, when, where, and how certain.

One module per part of the coder:

- `triggers`: where the lexicon's entries occur (`TriggerMatcher`);
- `arguments`: which words are each trigger's actor and recipient (`ArgumentReader`);
- `parties`: who those words stand for, coded (`PartyFinder`);
- `scenes`: the country a sentence is set in and the one country the article is
  about, which domestic players take (`Scenes`);
- `assertion`: which triggers name an event the sentence reports;
- `status`: occurred, future, hypothetical, negated or historical, and PLOVER's recodings;
- `coder`: the assembly of `Event` records (`EventCoder`); `drafts` and
  `parse` hold what they share.

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
  country that is itself the recipient never sets the actor's scene, nor does
  a sponsor ("Iranian-backed militias"); a passive with no agent whose
  patients are only counted ("dozens were detained") keeps its event with no actor,
  and so does a material act noun that is the main verb's subject ("the ambush
  left six dead", "the rally denounced the curfew");
  the subject of a verb of undergoing (face, suffer, survive, avoid, draw, evade, ...) is the
  target of the conflict noun it governs ("faced criticism from X", "faces charges"),
  and the subject of "receive" is whom any event noun it governs is aimed at
  ("received aid from X", "received a warning from X"),
  as is the subject of "come/be under" a verbal conflict ("came under scrutiny");
- background: events in relative clauses, in circumstance phrases or clauses
  ("because of", "after", "if", "without") of the reported event, and
  participles used as adjectives ("Western-funded militias") are dropped, and
  so is what a direct question asks about ("Do you support X?");
- status (PLOVER auxiliary modes): negation, modality, future and background
  cues on the trigger and the verbs that govern it (data/lexicon/event_status.yaml),
  with PLOVER's recodings (future cooperation is AGREE, future retreat CONCEDE;
  an attack between people with no force or harm in its sentence is criticism, ACCUSE);
- mode from the entry or from cue words (event_modes.yaml), context from the
  sentence (event_contexts.yaml), date from `dragoman.extractors.dates.event_date`
  (an undated mention of a happening the article dated before takes that date),
  place from the places layer.

Confidence is a plain score, not a probability: 0.5, plus 0.2 when the actor
is coded (an actor id or a country), plus 0.15 when the recipient is coded or
not needed, plus 0.1 for a verbal (rather than nominal) trigger, minus 0.15
for a recipient taken from an earlier sentence or from the sentence's scene; capped to [0.1, 0.95].
"""

from __future__ import annotations

from typing import Optional

from ...analysis import Analysis
from ...pipeline import component
from ...records import Event
from ...resolve.happenings import link_happenings
from ..lexicon import load_lexicon
from .coder import EventCoder, dependency_path

__all__ = ["EventCoder", "dependency_path", "explain_event", "explain_events", "find_events"]


@component("events")
def find_events(analysis: Analysis) -> None:
    if not analysis.text.strip():
        return
    coder = EventCoder(analysis, load_lexicon())
    analysis.events = link_happenings(
        analysis.article.id, coder.code(), text=analysis.text, actors=analysis.actors,
        published=analysis.published, claims=analysis.claims,
    )


def explain_event(analysis: Analysis, event: Event) -> Optional[dict]:
    """Why `event` was coded as it was: trigger, lexicon entry, rule, the
    dependency paths to its parties, and the cues behind its status and date.

    The trace is recomputed (not stored in the record), so it is always the
    one of the current lexicon and code; None when the event is not found.
    """
    return explain_events(analysis).get((event.trigger.start, event.event))


def explain_events(analysis: Analysis) -> dict[tuple[int, str], dict]:
    """The trace of every event of an analysed article, by (trigger start, event type):
    one coding pass for them all, for the workbench to keep."""
    if not analysis.text.strip():
        return {}
    coder = EventCoder(analysis, load_lexicon())
    coder.traces = {}
    coder.code()
    return coder.traces
