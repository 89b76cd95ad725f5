"""One happening, many mentions: whether two event mentions report the same real-world event.

The one home of that decision, used within an article (`link_happenings`, which fills
`Event.happening`) and across articles (the store's fusion, `dragoman.store.fusion`).
It weighs what a careful analyst weighs, and says which evidence joined two mentions:

- type: the same PLOVER type; two types of one quad class only when both sides' parties
  agree too. A verbal and a material event (or cooperation and conflict) never merge.
- parties: per side, the same actor (by id within an article, by full name across
  articles), else the same country and sector, else the same country. Two sides that
  both name parties, with no country or name in common, are different happenings.
- dates: each mention's span (a day, or the week/month its precision allows; an undated
  one the week before its publication) must overlap the other's.
- places: the same place, or one inside the other (a place in a country named as the
  other's place, or a street `within` the town); two different named places in one
  country, or places in two countries, are different happenings.
- words: the content words of the trigger's sentence, and the trigger word itself.

Across articles a join needs a party in common and enough support overall
(`JOIN_SCORE`); within an article (where the same actor has one id), less, but an
article names two acts as readily as one act twice: there one happening has one type,
two different sums of money or shares ('donated $5,000 that year' and 'has donated
$38,000 since 2010') are two acts, and two triggers of one sentence are two acts
('arrested and deported', 'protests at Trump rallies') unless the same known actor does
both ('back up Putin, support Putin') or one word is repeated of the same party. A
later event noun that points back ('the arrest', 'her arrest', 'this raid') or repeats
the word of an earlier mention of its type names that one again (`_refers_back`), when
the two share an actor; and a harm told again in its word to the same named party is one
(`_same_harm`: 'was kidnapped ... when he was kidnapped'), while two verbs of harm of one
sentence are two acts (`_two_harms`: 'kidnapped and killed').

Linked mentions then share a stated day (`date_from_mentions`): one that no words date
takes the day another mention of the happening names for it. That rule (`lends_its_day`,
`day_of_mention`) is the one home of dating a mention by another; an event no words date
and no linked mention dates keeps its "on or before publication" bound.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

import msgspec

from ..records import HAPPENED, MATERIAL_QUADS, VERBAL_QUADS, Actor, Claim, DateMention, Event, Party
from .timex import mention_bounds

# what a join needs: the parties' score plus the support of dates, places and words
JOIN_SCORE = 4
WITHIN_ARTICLE_SCORE = 4
SAME_WORDS = 0.5  # Jaccard of two sentences that repeat one report (a quote, a wire paragraph)
WORD_OVERLAP = 0.2  # Jaccard of two sentences' content words that counts as the same context
UNDATED_WINDOW_DAYS = 7  # an undated mention: its publication day and the week before
LONGEST_SPAN_DAYS = 45  # a date vaguer than this (a year) does not place the happening

# the words before an event noun that make it point back to a happening already told
POINTING_BACK = frozenset("the this that these those his her its their".split())
# the words that make it a new one ('a protest', 'another raid')
INTRODUCING = frozenset("a an some any no another other new".split())
NOUN_PHRASE_REACH = 3  # how many words before the noun its determiner may stand
STEM = 5  # two trigger words sharing this many first letters are one word ('arrest', 'arrests')

HEADLINE = 0  # the start of an article's first sentence (its headline, or its lede)
HARM = 4  # the quad of material conflict: what is done to a person (killed, kidnapped, arrested)
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # held by both sides alike

FIGURE_KINDS = frozenset({"money", "percent"})  # the claims that are what an act gives or wins

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
# function words long enough to pass _WORD; content words are what is left
_STOPWORDS = frozenset(
    "about after again against also among around because been before being between both could during each"
    " from have having into last more most other over said says since some than that their them then there"
    " these they this those through under until very were what when where which while will with would year"
    " years week month today yesterday told according".split()
)


@dataclass(frozen=True)
class Mention:
    """What comparing needs from one event mention (build it with `mention_of`)."""

    article_id: str
    event_id: str
    event: str
    quad: Optional[int]
    status: str  # occurred and historical both report what happened; the others never merge with them
    actor: frozenset[str]  # party keys: "id:ART/A1", "name:benjamin netanyahu", "cs:ISR:GOV", "c:ISR"
    recipient: frozenset[str]
    first: Optional[str]  # the span the mention's date allows, YYYY-MM-DD, inclusive
    last: Optional[str]
    dated: bool  # whether the span comes from the event's own date (not its publication)
    place: Optional[str]  # lower-cased place name
    place_country: Optional[str]
    place_feature: Optional[str]
    place_within: Optional[str]
    trigger: str  # lower-cased trigger word
    sentence: int  # the start of its sentence (mentions in one sentence may be one coded twice)
    words: frozenset[str]
    figures: frozenset[str] = frozenset()  # its sentence's sums of money and shares (`figures`)
    historical: bool = False  # told as past background (an old happening) rather than as news
    noun: bool = False  # whether its trigger is an event noun ('the arrest', 'a protest')
    points_back: bool = False  # whether a definite or possessive word leads its noun (`_points_back`)


def party_keys(article_id: str, parties: Sequence[Party], actors: Mapping[str, Actor]) -> frozenset[str]:
    """The keys one side's parties can be matched by (see `Mention.actor`)."""
    keys: set[str] = set()
    for party in parties:
        if party.actor_id:
            keys.add(f"id:{article_id}/{party.actor_id}")
            actor = actors.get(party.actor_id)
            if actor is not None and actor.name and actor.kind != "country":
                keys.add("name:" + " ".join(actor.name.lower().split()))
        if party.country:
            keys.add(f"c:{party.country}")
            if party.sector:
                keys.add(f"cs:{party.country}:{party.sector}")
    return frozenset(keys)


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(sentence)) if w not in _STOPWORDS)


def figures(claims: Iterable[Claim], start: int, end: int) -> frozenset[str]:
    """The sums of money and shares the claims step found between `start` and `end` (a
    sentence), written alike whatever the wording ("USD 38000" for "$38,000" and "38,000
    dollars", "percent 64" for "64%" and "64 per cent"): what an act gives or wins, so two
    different ones in one article are two acts."""
    return frozenset(f"{claim.unit} {claim.value:g}" for claim in claims
                     if claim.kind in FIGURE_KINDS and claim.value is not None and start <= claim.start < end)


def mention_of(article_id: str, event: Event, *, sentence: str, actors: Mapping[str, Actor],
               published: Optional[str], claims: Iterable[Claim] = ()) -> Mention:
    """The comparable view of `event` in article `article_id` (its sentence's text, the
    article's actors and figures, its publication day)."""
    first, last, dated = _span(event, published)
    place = event.place
    return Mention(
        article_id=article_id, event_id=event.id, event=event.event, quad=event.quad,
        status="happened" if event.status in HAPPENED else event.status,
        actor=party_keys(article_id, event.actor, actors), recipient=party_keys(article_id, event.recipient, actors),
        first=first, last=last, dated=dated,
        place=(place.name or place.text).lower() if place else None,
        place_country=place.country if place else None,
        place_feature=place.feature if place else None,
        place_within=place.within.lower() if place and place.within else None,
        trigger=event.trigger.text.lower(), sentence=event.sentence.start, words=content_words(sentence),
        figures=figures(claims, event.sentence.start, event.sentence.end),
        historical=event.status == "historical",
        noun=event.rule.startswith("noun:"),
        points_back=_points_back(sentence[:max(0, event.trigger.start - event.sentence.start)]),
    )


def _points_back(before: str) -> bool:
    """Whether the noun phrase ending where `before` ends is definite: 'the', a
    demonstrative or a possessive ('her', 'the city's') among its last few words, before
    any indefinite one ('a protest', 'some arrests')."""
    words = re.findall(r"[\w']+", before.lower().replace("\u2019", "'"))[-NOUN_PHRASE_REACH:]
    for word in reversed(words):
        if word in POINTING_BACK or word.endswith("'s"):
            return True
        if word in INTRODUCING:
            return False
    return False


def _span(event: Event, published: Optional[str]) -> tuple[Optional[str], Optional[str], bool]:
    date = event.date
    if date is not None:
        first, last = mention_bounds(date)
        if first and last and _days(first, last) <= LONGEST_SPAN_DAYS:
            return first, last, True
    if published:
        try:
            day = dt.date.fromisoformat(published[:10])
        except ValueError:
            return None, None, False
        return (day - dt.timedelta(days=UNDATED_WINDOW_DAYS)).isoformat(), day.isoformat(), False
    return None, None, False


def _days(first: str, last: str) -> int:
    try:
        return (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    except ValueError:
        return LONGEST_SPAN_DAYS + 1


def _side(a: frozenset[str], b: frozenset[str]) -> tuple[int, Optional[str]]:
    """(score, evidence) of one side's parties; score -1 when they are different parties:
    both are actors of one article and none is shared (an article gives one actor one id,
    so a shared country does not make them one: 'backed Ron Paul and supported Cruz'),
    both name countries and none is shared, or (with no countries to compare) both name
    actors and none is shared."""
    if not a or not b:
        return 0, None
    ids_a, ids_b = _ids(a), _ids(b)
    if ids_a and ids_b and not ids_a & ids_b and _article_of(ids_a) == _article_of(ids_b):
        return -1, None
    for prefix, score in (("id:", 2), ("name:", 2), ("cs:", 1), ("c:", 1)):
        common = sorted(k for k in a & b if k.startswith(prefix))
        if common:
            return score, common[0]
    for prefix in ("c:", "name:"):
        mine, theirs = {k for k in a if k.startswith(prefix)}, {k for k in b if k.startswith(prefix)}
        if mine and theirs:
            return -1, None
    return 0, None


def _identities(keys: frozenset[str]) -> set[str]:
    """The keys that name one actor (an article's actor id, a full name), not a country."""
    return {k for k in keys if k.startswith(("id:", "name:"))}


def _other_figures(a: Mention, b: Mention) -> bool:
    """Whether both sentences state sums of money or shares and none is the same."""
    return bool(a.figures) and bool(b.figures) and not a.figures & b.figures


def _ids(keys: frozenset[str]) -> set[str]:
    """The actor-id keys among a side's party keys."""
    return {k for k in keys if k.startswith("id:")}


def _article_of(ids: set[str]) -> set[str]:
    return {key[3:].rsplit("/", 1)[0] for key in ids}


def _both_sides(a: Mention, b: Mention) -> list[tuple[int, Optional[str]]]:
    """Each side's (score, evidence). Talks and agreements are held by both parties alike,
    so for them the parties of both sides are compared as one set, and two meetings of
    different sets of countries are different happenings."""
    sides = [_side(a.actor, b.actor), _side(a.recipient, b.recipient)]
    if a.event not in SYMMETRIC or b.event not in SYMMETRIC:
        return sides
    countries_a = {k for k in a.actor | a.recipient if k.startswith("c:")}
    countries_b = {k for k in b.actor | b.recipient if k.startswith("c:")}
    if len(countries_a) >= 2 and len(countries_b) >= 2 and countries_a != countries_b:
        return [(-1, None)]
    ids_a, ids_b = _ids(a.actor | a.recipient), _ids(b.actor | b.recipient)
    if ids_a - ids_b and ids_b - ids_a and _article_of(ids_a) == _article_of(ids_b):
        return [(-1, None)]  # one article, each with a party the other lacks: two meetings
    together = _side(a.actor | a.recipient, b.actor | b.recipient)
    if together[0] > 0 and len(countries_a & countries_b) >= 2:
        return [together, (1, "parties:" + "+".join(sorted(countries_a & countries_b)))]
    if a.article_id != b.article_id:
        # across articles a name is better evidence than countries, and two names (both
        # parties: 'Ryan will meet Trump', 'Trump is to meet Ryan') better than one
        names = sorted({k for k in a.actor | a.recipient if k.startswith("name:")}
                       & {k for k in b.actor | b.recipient if k.startswith("name:")})
        if together[0] > 0 and len(names) >= 2:
            return [(4, "+".join(names[:2]))]
        if together[0] == sum(s for s, _ in sides) and together[1] and together[1].startswith("name:"):
            return [together]
    return sides if sum(s for s, _ in sides) >= together[0] else [together]


def _dates(a: Mention, b: Mention) -> tuple[Optional[bool], Optional[str]]:
    """Whether the spans overlap (None when one has none), and the evidence when both are dated."""
    if not (a.first and a.last and b.first and b.last):
        return None, None
    if a.first > b.last or b.first > a.last:
        return False, None
    if a.dated and b.dated:
        return True, f"date:{max(a.first, b.first)}..{min(a.last, b.last)}"
    return True, None


def _places(a: Mention, b: Mention) -> tuple[Optional[bool], Optional[str]]:
    """Whether the places agree (None when one has none), with the evidence."""
    if not a.place or not b.place:
        return None, None
    if a.place == b.place:
        return True, f"place:{a.place}"
    for outer, inner in ((a, b), (b, a)):
        if inner.place_within == outer.place:
            return True, f"place:{inner.place} in {outer.place}"
        if outer.place_feature == "country" and inner.place_country and inner.place_country == outer.place_country:
            return True, f"place:{inner.place} in {outer.place}"
    return False, None


def compare(a: Mention, b: Mention) -> Optional[tuple[str, ...]]:
    """The evidence that `a` and `b` report the same happening, or None if they do not
    (the thresholds are in `_enough`)."""
    if a.status != b.status or not _compatible_quads(a, b):
        return None
    sides = _both_sides(a, b)
    if any(score < 0 for score, _ in sides):
        return None
    if a.event != b.event and not all(score >= 2 for score, _ in sides):
        return None
    dates, date_evidence = _dates(a, b)
    places, place_evidence = _places(a, b)
    if dates is False or places is False:
        return None
    evidence = [f"type:{a.event}" if a.event == b.event else f"type:{a.event}~{b.event}"]
    party_score = identity_score = 0
    for name, (score, key) in zip(("actor", "recipient") if len(sides) == 2 else ("parties",), sides):
        if key:
            evidence.append(f"{name}:{key}")
            party_score += score
            identity_score += score if key.startswith(("id:", "name:")) else 0
    for found in (date_evidence, place_evidence):
        if found:
            evidence.append(found)
    overlap = _jaccard(a.words, b.words)
    if overlap >= WORD_OVERLAP:
        evidence.append(f"words:{overlap:.2f}")
    if a.trigger == b.trigger:
        evidence.append(f"trigger:{a.trigger}")
    support = sum(map(bool, (date_evidence, place_evidence, overlap >= WORD_OVERLAP, a.trigger == b.trigger)))
    recipient_agrees = len(sides) == 1 or sides[1][0] > 0
    doer_known = len(sides) == 1 or bool(sides[0][1] and sides[0][1].startswith(("id:", "name:")))
    return tuple(evidence) if _enough(a, b, party_score, identity_score, support, date_evidence, place_evidence,
                                      overlap, recipient_agrees, doer_known) else None


def _enough(a: Mention, b: Mention, party_score: int, identity_score: int, support: int, date_evidence,
            place_evidence, overlap: float, recipient_agrees: bool, doer_known: bool) -> bool:
    """Whether the evidence is what an analyst would join on. A country or a sector is
    shared by many happenings (every US politician is USA, every party GOV or PTY): it
    counts only with the day and the place, or within one sentence."""
    if party_score == 0:
        return False
    if a.article_id == b.article_id:
        if a.event != b.event or _other_figures(a, b):
            return False  # an article names one act by one type, and by the sum it states
        if a.sentence == b.sentence:
            # one happening coded twice in a sentence: one done to the same party, not two acts
            # of one doer ('calling for A ... and called for B', 'support Clinton ... support
            # Sanders'), and by the same known doer or in the same word ('was charged ... He is
            # charged'): two acts of one sentence share its place and words ('her parents were
            # arrested and deported', 'marched against the mayor at a city rally'), and so are two
            # verbs of harm of one doer ('was kidnapped and killed by', `_two_harms`)
            same_doer = bool(_identities(a.actor) & _identities(b.actor)) and not _two_harms(a, b)
            same_word = a.trigger == b.trigger and bool(_identities(a.recipient) & _identities(b.recipient))
            return recipient_agrees and (same_doer or same_word) and party_score + support >= 3
        # in one article most parties share a country: only the same actor counts; and one
        # done to someone is not one done to no one named ('support Ryan ... support his
        # re-election')
        recipients_alike = recipient_agrees or (not a.recipient and not b.recipient)
        if recipients_alike and _refers_back(a, b, identity_score, doer_known, date_evidence):
            return True
        if not (recipients_alike and identity_score > 0):
            return False
        if not doer_known and HEADLINE not in (a.sentence, b.sentence):
            # the one known party is the recipient: an article's subject has many things done
            # to it by many ('Ann Lee was accused of fraud ... a rival accused Lee of lying'),
            # on one day ('Lee was accused on Monday of lying ... Price also accused Lee on
            # Monday of ...'), so with the doer unnamed on a side it needs the report repeated
            # (`_said_alike`); but a headline names the article's own happening, in words too short
            # to name its doer ('Party apologises to Lee'); and a harm told in the same word
            # befalls one person once (`_same_harm`)
            return _said_alike(a, b) or _same_harm(a, b)
        return identity_score + support >= WITHIN_ARTICLE_SCORE
    if not (date_evidence or overlap >= SAME_WORDS):
        return False  # across articles the day must agree (or the very words be repeated)
    if identity_score and (doer_known or _said_alike(a, b)):
        return party_score + support >= JOIN_SCORE + 1
    # countries alone are shared by a country's whole day of news, and a named recipient
    # alone (the doer unnamed on a side, the report not repeated) by everyone who acted on
    # them that day: the place, the day and the words (or the trigger) must all agree
    return (bool(date_evidence) and bool(place_evidence) and (overlap >= WORD_OVERLAP or a.trigger == b.trigger)
            and party_score + support >= JOIN_SCORE)


def _refers_back(earlier: Mention, later: Mention, identity_score: int, doer_known: bool, date_evidence) -> bool:
    """Whether `later`, an event noun of a later sentence, names `earlier` again: it
    points back ('the arrest', 'her arrest') or repeats the word ('a protest ... the
    protest'), both told as news or both as past background; an actor in common (the
    doer, but for a material act, which befalls its target once, and a meeting, which its
    parties hold alike: 'was arrested ... her arrest', 'met X ... the meeting'; a public
    figure draws words from many: 'was attacked by A ... B's attacks'). A noun with its
    own date must share it ('a raid on Monday' after a raid on Friday is another)."""
    if not (later.noun and later.sentence > earlier.sentence and later.historical == earlier.historical):
        return False
    if not (later.points_back or _same_word(earlier, later)):
        return False
    if later.dated and not date_evidence:
        return False
    return identity_score > 0 and (doer_known or later.quad in MATERIAL_QUADS or later.event in SYMMETRIC)


def _same_harm(a: Mention, b: Mention) -> bool:
    """Whether `a` and `b` tell one material act in the same word done to the same named
    party ('he was kidnapped by gunmen ... when he was kidnapped, his family'; 'was
    killed on Friday ... police said he was killed by'): a person is killed, kidnapped or
    arrested once in a story, while the words around each telling differ."""
    return (a.quad == HARM and _same_word(a, b)
            and bool(_identities(a.recipient) & _identities(b.recipient)))


def _two_harms(a: Mention, b: Mention) -> bool:
    """Whether `a` and `b` are two verbs of harm in other words ('was kidnapped and
    killed', 'convicted and sentenced'): two acts, even of one doer on one party."""
    return a.quad == b.quad == HARM and not (a.noun or b.noun) and not _same_word(a, b)


def _same_word(a: Mention, b: Mention) -> bool:
    return a.trigger[:STEM] == b.trigger[:STEM] and min(len(a.trigger), len(b.trigger)) >= STEM - 1


def _said_alike(a: Mention, b: Mention) -> bool:
    """Whether the two sentences repeat one report (`SAME_WORDS`) beyond the parties'
    names, which reports of two acts on one party share too ('Lee was accused on Monday
    of lying about the contract', '... of hiding a gap in the budget')."""
    names = {word for key in a.actor | a.recipient | b.actor | b.recipient if key.startswith("name:")
             for word in key[5:].split()}
    return _jaccard(a.words - names, b.words - names) >= SAME_WORDS


def conflicting(a: Mention, b: Mention) -> bool:
    """Whether `a` and `b` are certainly different happenings (not merely unproven):
    incompatible types or statuses, different parties, dates or places."""
    if a.status != b.status or not _compatible_quads(a, b):
        return True
    if a.article_id == b.article_id and (a.event != b.event or _other_figures(a, b)):
        return True  # see `_enough`: in one article, two types or two sums are two acts
    if any(score < 0 for score, _ in _both_sides(a, b)):
        return True
    return _dates(a, b)[0] is False or _places(a, b)[0] is False


def _compatible_quads(a: Mention, b: Mention) -> bool:
    if a.quad is None or b.quad is None:
        return True
    return (a.quad in VERBAL_QUADS) == (b.quad in VERBAL_QUADS) and (a.quad <= 2) == (b.quad <= 2)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def happening_groups(mentions: Sequence[Mention]) -> list[int]:
    """For each mention, the index of the first mention of its happening: it joins the
    group of the first earlier mention it matches, unless it is certainly another happening
    than one of that group's (no chaining of a CONSULT through a SUPPORT to another CONSULT)."""
    heads = list(range(len(mentions)))
    for j, later in enumerate(mentions):
        for i in range(j):
            if compare(mentions[i], later) is None:
                continue
            group = [k for k in range(j) if heads[k] == heads[i]]
            if not any(conflicting(mentions[k], later) for k in group):
                heads[j] = heads[i]
                break
    return heads


def link_happenings(article_id: str, events: Sequence[Event], *, text: str, actors: Iterable[Actor],
                    published: Optional[str], claims: Sequence[Claim] = ()) -> list[Event]:
    """`events` with `happening` set: the id of the first event of the article reporting the
    same happening (its own id when it is the first)."""
    by_id = {actor.id: actor for actor in actors}
    mentions = [
        mention_of(article_id, e, sentence=text[e.sentence.start:e.sentence.end], actors=by_id, published=published,
                   claims=claims)
        for e in events
    ]
    heads = happening_groups(mentions)
    linked = [msgspec.structs.replace(e, happening=events[head].id) for e, head in zip(events, heads)]
    return date_from_mentions(linked)


# event date sources whose words name the event's own time (records.DateMention.source)
STATED_SOURCES = frozenset({"clause", "sentence", "context", "narrative", "lede"})


def lends_its_day(status: str, date: Optional[DateMention]) -> bool:
    """Whether a mention can lend its date to another mention of its happening: told as
    having happened, with a day its own words state (`STATED_SOURCES`); a month or a year
    holds many acts of one kind ('backed Walker last year ... a group backing Kasich'), and
    a date taken from another mention or from no words ("published") lends nothing."""
    return (status in HAPPENED and date is not None and date.source in STATED_SOURCES and bool(date.value)
            and date.precision == "day")


def day_of_mention(donor: DateMention, date: Optional[DateMention], at: int) -> Optional[DateMention]:
    """The day `donor` states, for a mention at offset `at` that no words date (`date` only
    "on or before publication", or a bound, or no days at all), with source "mention"; None
    when its own words state a date, or its bound leaves the day out."""
    if date is None or date.value:
        return None
    if (date.first and donor.first < date.first) or (date.last and donor.last > date.last):
        return None
    return msgspec.structs.replace(donor, text="", start=at, end=at, source="mention")


def date_from_mentions(events: Sequence[Event]) -> list[Event]:
    """`events` where one told as having happened that no words date takes the day the
    nearest other mention of its happening states (`lends_its_day`, `day_of_mention`:
    'troops shelled the town on Monday ... the shelling killed six')."""
    lenders: dict[str, list[Event]] = {}
    for event in events:
        if lends_its_day(event.status, event.date):
            lenders.setdefault(event.happening or event.id, []).append(event)
    out = []
    for event in events:
        others = [e for e in lenders.get(event.happening or event.id, ()) if e.id != event.id]
        day = None
        if others and event.status in HAPPENED:
            donor = min(others, key=lambda e: abs(e.trigger.start - event.trigger.start))
            day = day_of_mention(donor.date, event.date, event.trigger.start)
        out.append(event if day is None else msgspec.structs.replace(event, date=day))
    return out
