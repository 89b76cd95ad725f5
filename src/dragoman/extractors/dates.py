"""Time expressions in the article, resolved against the publication date.

Candidates come from spaCy's DATE entities, TIME entities that name a day
("Friday morning", "last night"), and patterns the small model misses. Each is
resolved by `resolve.timex`, which drops durations ("approximately two and a
half hours" is tagged DATE by spaCy but dates nothing). The tense of the
governing verb decides whether a bare "Friday" looks back or ahead. In an
article reporting a quarter, "a year earlier" and "the year-ago period" mean
that quarter a year before.

"The following year" and "a month later" count from the date named before them,
and a day word inside a quotation from the day it was said ('"...today," the
mayor said Monday'). An article without a publication date is read from the day
its dateline names (`Analysis.published`).

`event_date` then dates an event from its trigger: the nearest date in the
trigger's own clause, else in its sentence, else the time the narrative is at
(the main-clause date of the previous sentence of the paragraph, or for an event
told in the simple past the day of one of the few sentences before; only as a
bound when the event is told as earlier than that date), else on or before the
publication day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

import msgspec
from dateutil.relativedelta import relativedelta

from ..analysis import Analysis
from ..pipeline import component
from ..records import DateMention
from ..resolve.dateline import dateline_span
from ..resolve.timex import calendar_value, lexicon, parse_published, resolve
from ..annotate.views import doc_ents, doc_text, doc_tokens, sentence_of, span_at
from .quotes.cues import cue_lexicon
from .quotes.marks import quoted_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# dependency labels that open a clause of their own: a date inside one of these
# dates that clause's verb, not the verb above it
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "conj", "acl", "xcomp"}
VERBAL = {"VERB", "AUX"}


# -- detection ------------------------------------------------------------------


def _names(section: str) -> str:
    """Capitalised full names: lower-case "march" and "may" are verbs."""
    return "|".join(name.capitalize() for name in lexicon()[section])


def _month_abbreviations() -> str:
    return "|".join(a.capitalize() for aliases in lexicon()["months"].values() for a in aliases)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """Shapes spaCy's small model often misses or cuts short ("Friday morning")."""
    lex = lexicon()
    wd, season = _names("weekdays"), "|".join(lex["seasons"])
    month = rf"(?:{_names('months')}|(?:{_month_abbreviations()})\.)"
    # beside a day or a year an abbreviation needs no full stop ("1st Oct 2017", "Sept 3"):
    # alone, "Jan" and "Mar" are as often names
    numbered_month = rf"(?:{_names('months')}|(?:{_month_abbreviations()})\.?)"
    part = "|".join(lex["parts_of_day"])
    days = "|".join(sorted(lex["day_words"], key=len, reverse=True))
    num = r"\d+|" + "|".join(sorted(lex["numbers"], key=len, reverse=True))
    rel = r"(?i:last|next|this|coming|previous|earlier this|later this)"
    forms = [
        rf"(?:{rel} )?(?:{wd})(?: (?i:{part}))?",
        rf"{numbered_month} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?(?: (?i:{part}))?",
        rf"\d{{1,2}}(?:st|nd|rd|th)? {numbered_month}(?:,? \d{{4}})?",
        rf"{numbered_month},? \d{{4}}",
        rf"{rel} (?:{month}|(?i:week|weekend|month|year|{season}))",
        rf"(?i:(?:{days})(?: (?:{part}))?)",
        r"\d{4}-\d{2}-\d{2}",
        r"(?i:recent (?:days|weeks|months|years))",
        rf"(?i:(?:the )?(?:past|last) (?:(?:{num}) )?(?:days|weeks|months|years))",
        rf"(?i:(?:{num}) (?:days?|weeks?|months?|years?) ago)",
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])")


def _is_day_time(ent: "Span") -> bool:
    """TIME entities that still name a day: "Friday night", "last night", "tonight"."""
    return resolve(ent.text, date(2000, 1, 1)) is not None and not re.search(r"\d", ent.text)


Group = list[tuple[int, int]]


def _candidate_groups(doc: "Doc") -> list[Group]:
    ents = doc_ents(doc)
    spans = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
    spans += [(e.start_char, e.end_char) for e in ents if e.label_ == "TIME" and _is_day_time(e)]
    spans += [m.span() for m in _pattern().finditer(doc_text(doc))]
    return _group(spans)


def _group(spans: Iterable[tuple[int, int]]) -> list[Group]:
    """Overlapping or touching candidates, each group led by their union: "Friday" and
    "Friday morning" are one mention; the parts stay as fallbacks when the union
    does not resolve (spaCy's "d'etat last year")."""
    groups: list[Group] = []
    for start, end in sorted(set(spans)):
        if groups and start <= groups[-1][0][1]:
            union = (groups[-1][0][0], max(end, groups[-1][0][1]))
            groups[-1] = [union, *groups[-1][1:], (start, end)]
        else:
            groups.append([(start, end), (start, end)])
    return [[g[0], *sorted(set(g[1:]) - {g[0]}, key=lambda s: s[0] - s[1])] for g in groups]


_TRAILING = re.compile(r"(?:['’]s|['’])$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive ("last week's") and stray punctuation from the span."""
    piece = text[start:end]
    stripped = _TRAILING.sub("", piece.rstrip(" ,.;:")).rstrip()
    lead = len(piece) - len(piece.lstrip(" ,;:"))
    return start + lead, start + len(stripped)


# -- tense ------------------------------------------------------------------------


def governing_verb(token: "Token") -> Optional["Token"]:
    """The nearest verb above a token (itself included)."""
    while True:
        if token.pos_ in VERBAL and (token.pos_ == "VERB" or token.dep_ == "ROOT"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head


def tense(verb: Optional["Token"]) -> Optional[str]:
    """"future" | "past" | "present" | None, from auxiliaries, governors and morphology."""
    if verb is None:
        return None
    lex = lexicon()
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex["future_auxiliaries"] for c in verb.children):
        return "future"
    if _under_future_governor(verb, set(lex["future_governors"])):
        return "future"
    for word in [*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb]:
        found = word.morph.get("Tense")
        if found:
            return "past" if found[0] == "Past" else "present"
    if "Inf" in verb.morph.get("VerbForm") and verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
        return tense(governing_verb(verb.head))  # "to meet" looks where its governor looks
    return None


def _under_future_governor(verb: "Token", governors: set[str]) -> bool:
    """"is expected to travel", "is set to meet": a present-tense governor of an xcomp."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_ in governors or (head.pos_ == "ADJ" and head.lower_ in governors):
            # the finite word carries the tense: "is" in "is expected", else the governor
            finite = [c for c in head.children if c.dep_ in ("aux", "auxpass")] or [head]
            if not any("Past" in w.morph.get("Tense") for w in finite):
                return True
        verb = head
    return False


# -- component ---------------------------------------------------------------------


def _mention(doc: "Doc", start: int, end: int, published: Optional[date]) -> Optional[DateMention]:
    start, end = _trim(doc_text(doc), start, end)
    span = span_at(doc, start, end)
    if span is None or start >= end:
        return None
    resolved = resolve(doc_text(doc)[start:end], published, tense=tense(governing_verb(span.root)))
    if resolved is None:
        return None
    return DateMention(
        text=doc_text(doc)[start:end], start=start, end=end, value=resolved.value,
        first=resolved.first, last=resolved.last, precision=resolved.precision, unresolved=resolved.unresolved,
    )


@component("dates")
def find_dates(analysis: Analysis) -> None:
    doc, published = analysis.doc, parse_published(analysis.published)
    mentions = []
    for union, *parts in _candidate_groups(doc):
        best = _mention(doc, *union, published)
        if best is None or best.first is None:  # try the parts, longest first
            resolved_parts = [m for m in (_mention(doc, *p, published) for p in parts) if m]
            anchored = [m for m in resolved_parts if m.first is not None]
            best = (anchored or resolved_parts or [best])[0]
        if best is not None:
            mentions.append(best)
    analysis.dates = _from_the_day_said(doc, _after_previous_date(doc, _year_back_from_reported_quarter(mentions)))


def _in_quotation(offset: int, quotations: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in quotations)


def _from_the_day_said(doc: "Doc", mentions: list[DateMention]) -> list[DateMention]:
    """'"I talked to him today," the mayor said Monday': a day word inside a
    quotation counts from the day the sentence says it was spoken (a day date of
    a verb of speech outside the quotation), not from publication."""
    text, offsets, speech = doc_text(doc), lexicon()["day_words"], cue_lexicon().speech
    quotations: Optional[list[tuple[int, int]]] = None  # read only when a day word is met
    resolved = []
    for mention in mentions:
        days = offsets.get(mention.text.lower())
        span = span_at(doc, mention.start, mention.end) if days is not None else None
        said = None
        if span is not None:
            sentence = sentence_of(span[0])
            if quotations is None:
                quotations = quoted_spans(text)
            if _in_quotation(mention.start, quotations):
                said = next((d for d in mentions if d.value and d.precision == "day" and d is not mention
                             and sentence.start_char <= d.start < sentence.end_char
                             and not _in_quotation(d.start, quotations)
                             and _times_speech(doc, d, speech)), None)
        if said is not None:
            day = (date.fromisoformat(said.value) + relativedelta(days=days)).isoformat()
            mention = msgspec.structs.replace(mention, value=day, first=day, last=day, precision="day",
                                              unresolved=None)
        resolved.append(mention)
    return resolved


def _times_speech(doc: "Doc", mention: DateMention, speech: frozenset[str]) -> bool:
    span = span_at(doc, mention.start, mention.end)
    verb = governing_verb(span.root) if span is not None else None
    return verb is not None and verb.lemma_ in speech


_FOLLOWING_UNIT = re.compile(r"(?:the )?(?:following|subsequent) (?P<unit>year|month)|a (?P<later>year|month) later", re.I)
_DAY_BESIDE = re.compile(
    r"(?P<after>the (?:next|following) day|(?:a|one) day later|the day after)"
    r"|(?P<before>the (?:previous|preceding) (?:day|night)|the day before|(?:a|one) day earlier)", re.I
)


def _after_previous_date(doc: "Doc", mentions: list[DateMention]) -> list[DateMention]:
    """"In 2015 ... the following year": the year after the date the text
    named last, not after publication. "Arrested on Thursday ... charged the
    next day", "remarks made the previous night": the day after (before) the
    day the text named just before, when that mention is a day of the same
    sentence or the one before (farther back, the story has moved on). With no
    such date before, the mention stays unanchored; beside a day that has no
    date itself, it keeps that day's reason."""
    previous: Optional[DateMention] = None
    just_before: Optional[DateMention] = None  # the mention before, anchored or not
    resolved = []
    for mention in mentions:
        beside = _DAY_BESIDE.fullmatch(mention.text.strip())
        if beside and mention.first is None and just_before is not None and just_before.precision == "day" \
                and just_before.start >= _previous_sentence_start(doc, mention):
            if just_before.value:
                day = date.fromisoformat(just_before.value) + relativedelta(days=1 if beside["after"] else -1)
                mention = msgspec.structs.replace(mention, value=day.isoformat(), first=day.isoformat(),
                                                  last=day.isoformat(), precision="day", unresolved=None)
            else:  # "on Friday ... the next day" with no publication date: the day before says why
                mention = msgspec.structs.replace(mention, unresolved=just_before.unresolved)
        just_before = mention
        found = _FOLLOWING_UNIT.fullmatch(mention.text.strip())
        if found and mention.first is None and previous is not None:
            unit = found["unit"] or found["later"]
            anchor = date.fromisoformat(previous.first)
            if unit == "year":
                first = date(anchor.year + 1, 1, 1)
                last = date(anchor.year + 1, 12, 31)
            else:
                first = date(anchor.year, anchor.month, 1) + relativedelta(months=1)
                last = first + relativedelta(months=1, days=-1)
            mention = msgspec.structs.replace(
                mention, value=calendar_value(first, last), first=first.isoformat(), last=last.isoformat(),
                precision=unit, unresolved=None,
            )
        if mention.first is not None:
            previous = mention
        resolved.append(mention)
    return resolved


def _previous_sentence_start(doc: "Doc", mention: DateMention) -> int:
    """Where the sentence before the mention's own starts (its own, for the first)."""
    span = span_at(doc, mention.start, mention.end)
    if span is None:
        return mention.start
    sent = sentence_of(span[0])
    return sentence_of(doc_tokens(doc)[sent.start - 1]).start_char if sent.start > 0 else sent.start_char


def _is_quarter(mention: DateMention) -> bool:
    if not (mention.first and mention.last):
        return False
    first, last = date.fromisoformat(mention.first), date.fromisoformat(mention.last)
    return first.day == 1 and first.month % 3 == 1 and last == first + relativedelta(months=3, days=-1)


def _year_back_from_reported_quarter(mentions: list[DateMention]) -> list[DateMention]:
    """"profit rose from $5 million a year earlier": in an article reporting a quarter,
    "a year earlier", "the year-ago period" and the like mean that quarter a year
    before, not the whole previous year. Without a quarter named before, they keep
    their own reading."""
    pattern = _year_back_pattern()
    reported: Optional[DateMention] = None
    resolved = []
    for mention in mentions:
        if reported is not None and pattern.fullmatch(mention.text.strip()):
            first = date.fromisoformat(reported.first) - relativedelta(years=1)
            last = date.fromisoformat(reported.last) - relativedelta(years=1)
            mention = msgspec.structs.replace(
                mention, value=None, first=first.isoformat(), last=last.isoformat(), precision=reported.precision,
                unresolved=None,
            )
        elif _is_quarter(mention):
            reported = mention
        resolved.append(mention)
    return resolved


@lru_cache(maxsize=1)
def _year_back_pattern() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon()["year_back_phrases"])
    return re.compile(rf"(?i:(?:the\s+)?(?:{words})(?:\s+(?:quarter|period))?)")


# -- dating events -------------------------------------------------------------------


def clause_tokens(trigger: "Token") -> set[int]:
    """Token indices of the trigger's clause: its verb's subtree, without embedded
    clauses that do not contain the trigger."""
    head = governing_verb(trigger) or trigger
    path = {t.i for t in trigger.ancestors} | {trigger.i}
    inside: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        inside.add(token.i)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS and child.i not in path:
                continue
            stack.append(child)
    return inside


def _clause_verb_index(span: "Span") -> Optional[int]:
    verb = governing_verb(span.root)
    return verb.i if verb is not None else None


def _nearest(dates: list[DateMention], trigger: "Token") -> Optional[DateMention]:
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - trigger.idx))


def _line_break_between(previous: "Span", sent: "Span") -> bool:
    """Whether a line break (a new paragraph) separates two adjacent sentences."""
    text = doc_text(sent.doc)
    previous_text = text[previous.start_char : previous.end_char]  # previous.text, without rebuilding it
    sent_text = text[sent.start_char : sent.end_char]
    # spaCy may hang the blank line on either sentence: look from the end of
    # the previous sentence's words to the start of this one's
    gap_start = previous.start_char + len(previous_text.rstrip())
    gap_end = sent.start_char + len(sent_text) - len(sent_text.lstrip())
    return "\n" in text[gap_start:gap_end] or "\n" in previous_text.strip()


NARRATIVE_REACH = 3  # sentences back that a story's day carries to an event told in the past


def _context_dates(trigger: "Token", located, told_in_past: bool) -> tuple[str, list[DateMention]]:
    """The source and dates of the time the narrative is at before the trigger's
    sentence: those timing the main verb of the nearest earlier sentence that names
    a time. Any event takes it from the previous sentence of its paragraph
    ("context"). News tells the day's happening over several one-sentence
    paragraphs ("The driver was shot on Friday ... ¶ He was taken to hospital and died"), so
    an event told in the simple past also takes, from up to `NARRATIVE_REACH`
    sentences back, a day that the nearest time named is ("narrative"). A year or a
    month named farther back is background ("In 1991 the rebels took the capital
    ... ¶ Police shot 41 protesters"), and a day farther back has moved on to
    other things; neither dates the event. A nearest time that dates a noun or a
    bound ("the October 7 attack", "since March") dates nothing after it."""
    doc = trigger.doc
    sent = sentence_of(trigger)
    tokens = doc_tokens(doc)
    farther = False  # beyond the previous sentence of the paragraph
    for _ in range(NARRATIVE_REACH):
        if sent.start == 0:
            break
        previous = sentence_of(tokens[sent.start - 1])
        farther = farther or _line_break_between(previous, sent)
        if farther and not told_in_past:
            break
        named = _within(located, previous.start_char, previous.end_char)
        if named:
            timing = [d for d, span in named if _dates_main_clause(span)]
            if not farther:
                return "context", timing
            return "narrative", [d for d in timing if d.precision == "day" and d.value]
        sent, farther = previous, True
    return "context", []


LEDE_SENTENCES = 3  # the headline, a dateline and the first sentence of the story


def _lede_dates(trigger: "Token", located) -> list[DateMention]:
    """The day the next sentence names for its main verb, when the trigger's
    sentence is the story's lede: among the first `LEDE_SENTENCES`, naming no
    time, not telling a state in the present, and no sentence before it timing
    its main verb (a dateline's day times none). A lede sums up the day's news
    undated and the sentence after it says when ("The governor criticized the
    plan. ¶ At the rally on Monday, he said ..."); not when that sentence tells
    what came earlier still ("had criticized him on Monday")."""
    sent = sentence_of(trigger)
    tokens = doc_tokens(trigger.doc)
    if sent.end >= len(tokens):
        return []
    start, count = sent.start, 1
    while start > 0 and count <= LEDE_SENTENCES:  # where the sentence stands first: most are past the lede
        start, count = sentence_of(tokens[start - 1]).start, count + 1
    if count > LEDE_SENTENCES:
        return []
    before = _within(located, 0, sent.start_char)
    if (_within(located, sent.start_char, sent.end_char)
            or any(_dates_main_clause(span) for _, span in before) or _present_simple(sent.root)):
        return []
    following = sentence_of(tokens[sent.end])
    if past_perfect(following.root):
        return []
    named = _within(located, following.start_char, following.end_char)
    return [d for d, span in named if _dates_main_clause(span) and d.precision == "day" and d.value]


def _dates_main_clause(span: "Span") -> bool:
    """A date that times its sentence's main verb directly ("met ... on Friday") or
    the occasion a phrase of that verb names, the date following the occasion
    ("On the show on Tuesday, she criticized", "At a summit Wednesday, they
    agreed"); not a noun the date names ("the October 7 attack", "denied a role
    in the Sept. 11 attacks") or belongs to ("the law of 1998"), nor a boundary
    ("since March")."""
    bounds = {word for side in lexicon()["bound_prepositions"].values() for word in side}
    head = span.root.head
    if head.pos_ == "ADP":
        if head.lower_ in bounds or head.lower_ == "of":
            return False
        head = head.head
    elif span.root.dep_ != "npadvmod":
        return head.pos_ in VERBAL and head.dep_ == "ROOT"
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ not in bounds:
        head = head.head.head  # the occasion's phrase hangs on the verb
    return head.pos_ in VERBAL and head.dep_ == "ROOT"


def past_perfect(verb: "Token") -> bool:
    """"had met", "had been killed": told as before the time the text is at."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)


def _present_simple(verb: "Token") -> bool:
    """"denies", "does not grant", "is held": a state or habit at the time of
    writing, whose finite word (the first auxiliary, else the verb) is a present
    tense other than the perfect's "has". The previous sentence's time is
    another event's ("On Monday the court ruled ... The state denies it")."""
    finite = min([c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb], key=lambda t: t.i)
    return finite.tag_ in ("VBZ", "VBP") and finite.lemma_ != "have"


def _finite_past(verb: "Token") -> bool:
    """"shelled", "was detained": a past tense of the verb itself, not a participle
    ("kidnapped two years ago"), an infinitive ("was willing to withdraw") or a
    progressive, which tells what was going on at the time ("was conducting")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _told_as_earlier(verb: "Token", dated: Optional["Token"]) -> bool:
    """A past event that a sentence dated by another clause (its verb `dated`, or
    None for the previous sentence) tells as earlier than that date: a past
    perfect ("in January, police concluded he had been killed"), the act a
    judgement names as its reason (`_judged_act`), or a past event
    reported by a verb of speech or thought between it and the dated verb ("said
    Thursday that Trump lashed out"). Such a date bounds the event; it does not
    date it."""
    if past_perfect(verb) or _judged_act(verb, dated):
        return True
    if not _finite_past(verb):
        return False
    cues = cue_lexicon()
    token = verb
    while token.head.i != token.i and token != dated:
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_ in cues.speech | cues.thought:
            return True
        token = token.head
    return False


def _judged_act(verb: "Token", dated: Optional["Token"]) -> bool:
    """An act that a judgement of someone names as its reason ("criticized the
    officer on Tuesday for shooting a man", "was sentenced last year for leaking
    files", "found guilty in 1989 of killing"): it came before the judgement."""
    from .events.parse import _lemma_in  # read here: the event coder imports this module

    judging = frozenset(lexicon()["judgement_words"])
    token = verb
    while token.head.i != token.i and token != dated:
        preposition = token.head
        judge = preposition.head  # a verb or a verdict: "in charge of rebuilding" is no judgement
        if token.dep_ == "pcomp" and preposition.lower_ in ("for", "of") and judge.pos_ in ("VERB", "ADJ") \
                and _lemma_in(judge, judging):
            return True
        token = preposition
    return False


def _relative_clause_between(verb: "Token", date: "Span") -> Optional["Token"]:
    """The verb of a relative clause that holds `verb` below the clause `date`
    times ("In May the council paid victims who were tortured in the 1970s",
    "Since 2000 the state has had a law which bars such marriages"), if any. A
    relative clause has its own time: a state or habit it tells in the present
    is not dated by the clause above at all, a past act (`_told_in_a_past`) only
    bounded by it; what it tells with a modal keeps the date above. Not
    a clause that tells what happened at the date itself ("in 2014, when the
    ministers urged", "the 2014 crisis in which the embassy was stormed")."""
    dated = governing_verb(date.root)
    token = verb
    while token.head.i != token.i and token != dated:
        if token.dep_ == "relcl":
            head = token.head  # the noun the clause describes: the date, or one it names
            return None if date.start <= head.i < date.end or date.root.head == head else token
        token = token.head
    return None


def _told_in_a_past(verb: "Token") -> bool:
    """A finite past ("backed", "were attacked") or a perfect ("has endorsed")."""
    return _finite_past(verb) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _on_or_before(found: DateMention, source: str, published: Optional[date]) -> DateMention:
    """The event happened on or before the date found, and being told in a past
    tense, on or before publication: a range with no start."""
    last = min(found.last, published.isoformat()) if published else found.last
    return msgspec.structs.replace(found, value=None, first=None, last=last, precision="unknown", source=source)


NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "poss"}
NOMINAL = {"NOUN", "PROPN"}


def _dated_noun(span: "Span") -> Optional["Token"]:
    """The noun phrase a date belongs to, if it is a noun's modifier: "its 2011
    deal", "the 1997 currency crisis", "a 1987 Volvo", "the border of 1949",
    "the 2010 fraud lawsuit" (up to the phrase's head: "lawsuit"). Not a word of
    the time itself ("Friday afternoon")."""
    root = span.root
    if root.dep_ in NOUN_MODIFIER_DEPS and root.head.pos_ in NOMINAL:
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in NOMINAL:
        noun = root.head.head
    else:
        return None
    if noun.ent_type_ == "TIME" or noun.lower_ in lexicon()["parts_of_day"]:
        return None
    while noun.dep_ in ("compound", "poss") and noun.head.pos_ in NOMINAL:
        noun = noun.head
    return noun


def _names_an_occasion(noun: "Token") -> bool:
    """Whether the noun is (inside) the occasion a verb happens at: "In the 1952
    campaign, he criticized", "At a March meeting, she argued", "In a visit to the
    capital on 1 May, the envoy criticised"."""
    occasion = lexicon()["occasion_prepositions"]
    token = noun
    while token.dep_ == "pobj" and token.head.dep_ == "prep":
        preposition = token.head
        if preposition.lower_ in occasion and preposition.head.pos_ in VERBAL:
            return True
        token = preposition.head
    return False


def _dates_only_a_noun(span: "Span", trigger: "Token", event_noun: Optional["Token"]) -> bool:
    """A date that times a noun other than the event ("violated its 2011 deal",
    "opposed the 1999 bombing campaign", "redraw the border of 1949", "a 1987 Volvo was
    traveling"): it dates that noun, not the event. Not when the noun is the
    event's trigger, the noun a verb carries it by (`event_noun`: "filed a 2010
    lawsuit") or holds the trigger ("the 2014 raid", "the 2014 crisis in which the
    embassy was stormed"), nor when the noun is the occasion the verb happens
    at (`_names_an_occasion`), nor when a common noun is the subject doing what
    the event's verb tells ("a May 3 letter warns", "the 1990 resolution calls
    for", "Monday's program includes talks"): the act is the thing dated."""
    noun = _dated_noun(span)
    if noun is None or noun in (trigger, event_noun) or noun.is_ancestor(trigger):
        return False
    acting = noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") and noun.head == governing_verb(trigger)
    return not (acting or _names_an_occasion(noun))


def _bound_side(span: "Span", trigger: "Token") -> Optional[str]:
    """"end" for a date that a deadline or limit puts after the event ("by May
    2019", "before the end of the year", "until 2020"), "start" for one it is at
    or after ("since 2014", "a dip from March", "after Saturday"), else None. A
    date whose own words tell the event ("since January, when the group
    launched") dates it."""
    head = span.root.head
    if span.root.dep_ != "pobj" or head.dep_ != "prep" or any(t.is_ancestor(trigger) for t in span):
        return None
    bounds = lexicon()["bound_prepositions"]
    if head.lower_ in bounds["end"]:
        return "end"
    if head.lower_ in bounds["start"]:
        return "start"
    return None


def _bounded(found: DateMention, side: str, source: str, published: Optional[date], verb_tense) -> DateMention:
    """The range a bound gives: ending on the deadline's last day (and no later
    than publication for an event told in the past: "By Wednesday they had
    left"; "could keep her pledge by 2023" is not), or starting on the start's
    first day and, unless the event is to come, ending at publication."""
    if side == "end":
        if verb_tense == "past":
            return _on_or_before(found, source, published)
        return msgspec.structs.replace(found, value=None, first=None, precision="unknown", source=source)
    last = None if verb_tense == "future" or published is None else published.isoformat()
    return msgspec.structs.replace(found, value=None, last=last, precision="unknown", source=source)


def _within(located, start: int, end: int):
    return [(d, span) for d, span in located if d.start >= start and d.end <= end]


def event_date(analysis: Analysis, trigger: "Token", event_noun: Optional["Token"] = None) -> Optional[DateMention]:
    """The date of the event triggered by `trigger`, with `source` saying where it
    came from; `event_noun` is the noun naming the event when `trigger` is the verb
    carrying it ("filed a lawsuit").

    1. clause: the nearest date in the trigger's own clause; in 1 and 2 a date
       that belongs to another noun ("broke its 2011 pledge") is none
       (`_dates_only_a_noun`), and one a deadline or a starting point names
       ("by May", "since 2014") gives a range, not a day (`_bound_side`);
    2. sentence: a date of a clause above it ("on Friday police fired as the crowd marched"),
       though not across a relative clause that tells a state or habit in the
       present ("upheld on Monday a law that bans rallies", `_relative_clause_between`);
    3. context (not for a state or habit told in the present, `_present_simple`):
       a date timing the main verb of the previous sentence of the
       paragraph, or narrative: for an event told in the simple past, the day
       timing the main verb of the nearest of the few sentences before that names
       a time (`_context_dates`); a date of 2 or 3 only bounds an event told as
       earlier than it, a past perfect, a past event reported by a verb of
       speech or thought, the act a judgement names as its reason ("criticized
       him on Monday for shooting"), or (from 2) a past act of a relative clause below the
       dated one: the range ends on that date's last day and has no start;
    4. published: no words date it, so it happened on or before publication:
       a range that ends on the publication day and has no start (`value`
       null, precision "unknown"), with `text` "" and a zero-length span at the
       trigger's start. Never the publication day itself: most undated past
       events in news happened earlier. In an article without a publication
       date the same record has no days and says why (`unresolved`
       "no_publication_date"). Not used for a trigger in a future
       clause ("will travel"): that event is not dated at all; the event
       coder drops it too once the status says future or hypothetical
       ("plans a visit", "could meet"), which this tense does not see.
    """
    doc = analysis.doc
    published = parse_published(analysis.published)
    # a mention that names no time we can place ("the 11th century", "the fourth
    # straight day") dates nothing: the next source is tried instead. An
    # unanchored "that day", or "Friday" in an article without a publication
    # date, still says when, in words
    telling = [d for d in analysis.dates if d.unresolved != "unplaced"]
    # the day of a dateline is when the story was filed: it dates none of its events
    filed = dateline_span(doc_text(doc))
    telling = [d for d in telling if filed is None or not filed[0] <= d.start < filed[1]]
    located = [(d, span_at(doc, d.start, d.end)) for d in telling]
    located = [(d, span) for d, span in located if span is not None]
    clause = clause_tokens(trigger)
    verb = governing_verb(trigger) or trigger
    above = {verb.i} | {t.i for t in verb.ancestors}
    sent = sentence_of(trigger)
    in_sentence = [(d, span) for d, span in _within(located, sent.start_char, sent.end_char)
                   if not _dates_only_a_noun(span, trigger, event_noun)]
    verb_tense = tense(verb)
    told_in_past = verb_tense == "past" and not past_perfect(verb)
    above_dates = [(d, span) for d, span in in_sentence if _clause_verb_index(span) in above]
    relatives = {d.start: _relative_clause_between(verb, span) for d, span in above_dates}
    candidates = (
        ("clause", [d for d, span in in_sentence if span.root.i in clause]),
        ("sentence", [d for d, _ in above_dates
                      if relatives[d.start] is None or not _present_simple(relatives[d.start])]),
        _context_dates(trigger, located, told_in_past) if not _present_simple(verb) else ("context", []),
        ("lede", _lede_dates(trigger, located) if told_in_past else []),
    )
    dated_verbs = {d.start: governing_verb(span.root) for d, span in in_sentence}
    bound_sides = {d.start: _bound_side(span, trigger) for d, span in in_sentence}
    future = verb_tense == "future"
    for source, dates in candidates:
        if future and published is not None:  # "will travel" is not dated by a past "Wednesday"
            dates = [d for d in dates if d.last is None or d.last >= published.isoformat()]
        if source in ("context", "narrative", "lede") and told_in_past and published is not None:  # nor "met" by a coming one
            dates = [d for d in dates if d.first is None or d.first <= published.isoformat()]
        found = _nearest(dates, trigger)
        if found is None:
            continue
        side = bound_sides.get(found.start)
        if side is not None:
            return _bounded(found, side, source, published, verb_tense)
        relative = relatives.get(found.start)
        earlier = (relative is not None and _told_in_a_past(relative)) or _told_as_earlier(
            verb, dated_verbs.get(found.start))
        if source != "clause" and found.last and earlier:
            return _on_or_before(found, source, published)
        return msgspec.structs.replace(found, source=source)
    if future:
        return None
    return DateMention(
        text="", start=trigger.idx, end=trigger.idx, last=published and published.isoformat(), source="published",
        unresolved=None if published else "no_publication_date",
    )
