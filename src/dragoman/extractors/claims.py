"""Figures the article states: "more than a million Gazans", "$10bn", "100% of the population".

A number is read from the tokens (digits, number words, scale words, vague
plurals such as "dozens"), then its neighbours say what it is: a currency
symbol or word makes it money, "%" a share, a hedge before it a bound or an
estimate, and the noun it counts (its head through `nummod`, or the object of
"of") gives unit and subject. Numbers that are dates, clock times, ages, list
markers or parts of names ("G7", "Resolution 2334") are not figures.

The word tables live in data/numbers.yaml, data/units.yaml and
data/casualties.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator, Optional

import yaml

from ..analysis import Analysis
from ..annotate.views import doc_ents, lower_words, span_at, token_texts
from ..pipeline import component
from ..records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# entity labels that are themselves figures; DATE and TIME may hold durations
_FIGURE_LABELS = {"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_TIME_LABELS = {"DATE", "TIME"}
# dependency relations by which a number modifies the noun it counts
_COUNTING_DEPS = {"nummod", "amod", "compound", "quantmod", "nmod", "det", "npadvmod"}
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_YEAR_RANGE = range(1800, 2101)
_MEASURED = {"money", "percent", "duration", "quantity"}


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, float]
    scales: dict[str, float]
    abbreviations: dict[str, float]
    vague: dict[str, float]
    fractions: dict[str, float]
    ordinals: dict[str, int]
    hedges_before: list[tuple[tuple[str, ...], str]]  # longest first
    hedges_after: list[tuple[tuple[str, ...], str]]
    not_durations: list[tuple[tuple[str, ...]]]
    labels_before: frozenset[str]
    idioms: frozenset[str]
    person: frozenset[str]
    # phrase (tuple of lower-cased words) -> (kind, unit), longest first
    unit_phrases: list[tuple[tuple[str, ...], str, str]]
    currency_symbols: dict[str, str]  # lower case: "$", "us$"
    currency_codes: frozenset[str]  # upper case only: "TRY" is not "try"
    casualties: dict[str, str]  # lemma -> dead | injured | arrested
    # lower-cased words that may begin a number or an ordinal (a figure begins with a digit)
    starts: frozenset[str]


def _read_yaml(name: str) -> dict:
    return yaml.safe_load(resources.files("dragoman.data").joinpath(name).read_text("utf-8"))


def _phrases(groups: dict[str, list[str]]) -> list[tuple[tuple[str, ...], str]]:
    """{kind: [phrase, ...]} -> [(words, kind)], longest phrase first."""
    pairs = [(tuple(p.lower().split()), kind) for kind, items in groups.items() for p in items]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    numbers, units, casualties = (
        _read_yaml("numbers.yaml"), _read_yaml("units.yaml"), _read_yaml("casualties.yaml")
    )
    unit_phrases: list[tuple[tuple[str, ...], str, str]] = []
    for kind in ("duration", "quantity", "percent"):
        for unit, spellings in units[kind].items():
            unit_phrases += [(tuple(s.lower().split()), kind, unit) for s in spellings]
    currency = units["currency"]
    unit_phrases += [((word,), "money", code) for word, code in currency["words"].items()]
    fractions = {word: 1 / denominator for word, denominator in numbers["fractions"].items()}
    starts = {"a", "an"}.union(numbers["words"], numbers["scales"], numbers["vague_scales"], fractions,
                               numbers["ordinals"])
    return _Lexicon(
        words=numbers["words"],
        scales=numbers["scales"],
        abbreviations=numbers["scale_abbreviations"],
        vague=numbers["vague_scales"],
        fractions=fractions,
        ordinals=numbers["ordinals"],
        hedges_before=_phrases(numbers["hedges_before"]),
        hedges_after=_phrases(numbers["hedges_after"]),
        not_durations=[(tuple(p.split()),) for p in numbers["not_durations"]],
        labels_before=frozenset(numbers["labels_before"]),
        idioms=frozenset(numbers["idioms"]),
        person=frozenset(units["person"]),
        unit_phrases=sorted(unit_phrases, key=lambda item: -len(item[0])),
        currency_symbols=currency["symbols"],
        currency_codes=frozenset(currency["codes"]),
        casualties={lemma: what for what, lemmas in casualties.items() for lemma in lemmas},
        starts=frozenset(starts),
    )


# -- reading the number itself -----------------------------------------------


@dataclass
class _Number:
    """A run of tokens [start, end) that spells one number."""

    start: int
    end: int
    value: float
    vague: bool = False
    ordinal: bool = False
    share: bool = False  # a bare fraction, "half (of)": reported in percent
    digits: bool = False


def _digits(text: str, lex: _Lexicon) -> Optional[float]:
    """'3,000' -> 3000; '10bn' -> 1e10; None if the token is not a plain figure."""
    match = _DIGITS.match(text.lower())
    if not match:
        return None
    whole, decimals, suffix = match.groups()
    if suffix and suffix not in lex.abbreviations:
        return None
    value = float(whole.replace(",", "") + (decimals or ""))
    return value * lex.abbreviations.get(suffix, 1)


def _next_lower(doc: "Doc", i: int) -> str:
    lowers = lower_words(doc)
    return lowers[i] if i < len(lowers) else ""


def _joins(doc: "Doc", j: int, start: int, lex: _Lexicon) -> bool:
    """Whether doc[j] continues the number begun at `start` ("and", "-", "a", "of")."""
    lowers = lower_words(doc)
    low, prev, nxt = lowers[j], lowers[j - 1] if j else "", _next_lower(doc, j + 1)
    number_next = nxt in lex.words or nxt in lex.fractions
    if low in ("a", "an"):
        return nxt in lex.scales or nxt in lex.fractions
    if j == start:
        return False
    if low == "and":  # "one hundred and fifty", "two and a half"
        half_next = nxt in ("a", "an") and _next_lower(doc, j + 2) in lex.fractions
        return (prev in lex.scales and nxt in lex.words) or half_next
    if low == "-":  # "twenty-five", "two-thirds", glued only
        glued = not doc[j - 1].whitespace_ and not doc[j].whitespace_
        return glued and prev in lex.words and number_next
    if low == "of":  # "tens of thousands"
        return prev in lex.vague and (nxt in lex.vague or nxt in lex.scales)
    return False


def _takes(doc: "Doc", j: int, start: int, lex: _Lexicon) -> bool:
    """Whether doc[j] is part of the number that begins at `start`."""
    lowers, texts = lower_words(doc), token_texts(doc)
    low = lowers[j]
    prev = lowers[j - 1] if j > start else ""
    if _digits(texts[j], lex) is not None:
        return j == start
    if low in lex.abbreviations and low not in lex.words:
        return j > start and _digits(texts[j - 1], lex) is not None
    if low in lex.fractions:  # "third" alone is an ordinal unless a share follows
        return j > start or _next_lower(doc, j + 1) in ("of", "a", "an")
    if low in lex.words:  # two number words only in "twenty five" order
        return j == start or prev in lex.scales or prev in ("and", "-") or (
            prev in lex.words and lex.words[prev] >= 20 and lex.words[low] < 10
        )
    if low in lex.scales or low in lex.vague:
        return True
    return _joins(doc, j, start, lex)


def _evaluate(words: list[str], lex: _Lexicon) -> tuple[float, bool]:
    """Value of a run of number words; also whether a vague plural was used."""
    total, current, article, vague = 0.0, 0.0, False, False
    for word in words:
        if word in ("a", "an"):
            article = True
            continue
        digits = _digits(word, lex)
        if digits is not None:
            current += digits
        elif word in lex.words:
            current += lex.words[word]
        elif word in lex.fractions:
            fraction = lex.fractions[word]
            current = current + fraction if article else (current * fraction if current else fraction)
        elif word in lex.scales or word in lex.abbreviations or word in lex.vague:
            vague = vague or word in lex.vague
            scale = lex.scales.get(word) or lex.abbreviations.get(word) or lex.vague[word]
            least = 2 if word in lex.vague else 1  # "dozens" is at least two dozen
            if scale >= 1000:
                total, current = total + (current or least) * scale, 0.0
            else:
                current = (current or least) * scale
        article = False
    return total + current, vague


def _read_number(doc: "Doc", start: int, lex: _Lexicon) -> Optional[_Number]:
    lowers, texts = lower_words(doc), token_texts(doc)
    end = start
    while end < len(lowers) and _takes(doc, end, start, lex):
        end += 1
    while end > start and lowers[end - 1] in ("and", "-", "of", "a", "an"):
        end -= 1
    if end == start:
        return None
    words = [lower if _digits(text, lex) is None else text
             for lower, text in zip(lowers[start:end], texts[start:end])]
    counting = [w for w in words if w not in ("a", "an", "and", "-", "of")]
    if not counting:
        return None
    value, vague = _evaluate(words, lex)
    scaled = any(w in lex.scales or w in lex.vague or _digits(w, lex) for w in counting)
    share = value < 1 and not scaled  # "half", "a quarter", "two-thirds"
    return _Number(start, end, value, vague=vague, share=share,
                   digits=_digits(texts[start], lex) is not None)


def _read_ordinal(doc: "Doc", i: int, lex: _Lexicon) -> Optional[_Number]:
    lower = lower_words(doc)[i]
    match = _ORDINAL_DIGITS.match(lower)
    if match:
        return _Number(i, i + 1, float(match.group(1)), ordinal=True)
    if lower in lex.ordinals:
        tok = doc[i]
        if tok.pos_ in ("ADJ", "NUM") and tok.dep_ == "amod":
            return _Number(i, i + 1, float(lex.ordinals[lower]), ordinal=True)
    return None


def _numbers(doc: "Doc", lex: _Lexicon) -> Iterator[_Number]:
    """The numbers of the doc, left to right. Only a digit or a word of `lex.starts`
    can begin one, so the other tokens (most of them) are passed over unread."""
    lowers, texts = lower_words(doc), token_texts(doc)
    i = 0
    while i < len(lowers):
        could_start = lowers[i] in lex.starts or texts[i][:1].isdecimal()
        number = (_read_number(doc, i, lex) or _read_ordinal(doc, i, lex)) if could_start else None
        if number is None:
            i += 1
            continue
        yield number
        i = number.end


# -- what the number counts ------------------------------------------------


@dataclass
class _Reading:
    """A number with its context: where the claim starts/ends and what it means."""

    number: _Number
    start: int  # token span of the whole claim
    end: int
    kind: str = "cardinal"
    unit: Optional[str] = None
    bound: Optional[str] = None
    approximate: bool = False
    noun: Optional["Token"] = None  # the counted noun, or the object of "of"
    via_of: bool = False
    after: int = 0  # first token after number, unit word and trailing hedge
    fired: list[str] = field(default_factory=list)  # lexicon entries used: "hedge:at least"


def _match_phrase(doc: "Doc", i: int, phrases) -> Optional[tuple]:
    """The longest phrase of `phrases` whose words start at doc[i]. A phrase whose first
    word is not doc[i]'s is passed over before its words are sliced (most are)."""
    lowers = lower_words(doc)
    first = lowers[i] if 0 <= i < len(lowers) else None
    for item in phrases:
        words = item[0]
        if words and words[0] != first:
            continue
        if i + len(words) <= len(lowers) and tuple(lowers[i:i + len(words)]) == words:
            return item
    return None


def _match_phrase_before(doc: "Doc", end: int, phrases) -> Optional[tuple]:
    """The longest phrase of `phrases` whose words end just before doc[end]."""
    lowers = lower_words(doc)
    for item in phrases:
        words = item[0]
        start = end - len(words)
        if start >= 0 and tuple(lowers[start:end]) == words:
            return item
    return None


def _skip_hyphen(doc: "Doc", i: int) -> int:
    return i + 1 if i < len(doc) and doc[i].text == "-" else i


def _read_currency_and_hedges(doc: "Doc", reading: _Reading, lex: _Lexicon) -> None:
    """Currency symbol and hedge before the number; unit word and hedge after it."""
    start = reading.number.start
    currency = _currency(doc[start - 1], lex) if start else None
    if currency:
        start -= 1
        reading.kind, reading.unit = "money", currency
        reading.fired.append(f"currency:{doc[start].text}")
    hedge = _match_phrase_before(doc, start, lex.hedges_before)
    if hedge:
        start -= len(hedge[0])
        _apply_hedge(reading, hedge)
    reading.start = start
    after = reading.number.end
    hedge = _match_phrase(doc, _skip_hyphen(doc, after), lex.hedges_after)
    if hedge:
        after = _skip_hyphen(doc, after) + len(hedge[0])
        _apply_hedge(reading, hedge)
    if reading.kind != "money" and not reading.number.ordinal:
        after = _read_unit_after(doc, _skip_hyphen(doc, after), reading, lex) or after
    reading.after = reading.end = after


def _currency(tok: "Token", lex: _Lexicon) -> Optional[str]:
    return lex.currency_symbols.get(tok.lower_) or (tok.text if tok.text in lex.currency_codes else None)


def _read_unit_after(doc: "Doc", i: int, reading: _Reading, lex: _Lexicon) -> Optional[int]:
    """A unit word at doc[i] ("hours", "per cent", "euros", "USD"); the index after it."""
    if i < len(doc) and doc[i].text in lex.currency_codes:
        reading.kind, reading.unit = "money", doc[i].text
        reading.fired.append(f"currency:{doc[i].text}")
        return i + 1
    unit = _match_phrase(doc, i, lex.unit_phrases)
    if unit is None:
        return None
    reading.kind, reading.unit = unit[1], unit[2]
    reading.fired.append(f"unit:{' '.join(unit[0])}")
    return i + len(unit[0])


def _apply_hedge(reading: _Reading, hedge: tuple[tuple[str, ...], str]) -> None:
    words, kind = hedge
    if kind == "approximate":
        reading.approximate = True
    else:
        reading.bound = kind
    reading.fired.append(f"hedge:{' '.join(words)}")


def _run_root(doc: "Doc", number: _Number) -> "Token":
    """The token of the number whose head lies outside it."""
    for tok in doc[number.start:number.end]:
        if not number.start <= tok.head.i < number.end or tok.head == tok:
            return tok
    return doc[number.end - 1]


def _of_object(doc: "Doc", i: int) -> Optional["Token"]:
    if i < len(doc) and doc[i].lower_ == "of":
        return next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    return None


def _find_noun(doc: "Doc", reading: _Reading) -> None:
    """The noun the number counts: its syntactic head, else the next plural noun;
    for measures ("500 tonnes of food") and bare counts ("dozens of protesters")
    the object of a following "of"."""
    if reading.kind not in _MEASURED:
        reading.noun = _counted_noun(doc, reading.number, reading.after)
    if reading.noun is None:
        reading.noun = _of_object(doc, reading.after)
        reading.via_of = reading.noun is not None
    if reading.noun is not None:
        reading.end = max(reading.end, reading.noun.i + 1)


def _counted_noun(doc: "Doc", number: _Number, after: int) -> Optional["Token"]:
    root = _run_root(doc, number)
    head = root.head
    if root.dep_ in _COUNTING_DEPS and head.pos_ in ("NOUN", "PROPN") and after <= head.i <= after + 4:
        return head
    if not number.vague and after < len(doc) and doc[after].tag_ == "NNS" and doc[after].is_alpha:
        return doc[after]  # the parser missed the nummod
    return None


def _noun_unit(noun: "Token", lex: _Lexicon) -> str:
    """'people' -> person, 'Gazans' (NORP) -> person, 'crossings' -> crossing."""
    lemma, low = noun.lemma_.lower(), noun.lower_
    compounds = " ".join(c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound")
    if {lemma, low, f"{compounds} {lemma}"} & lex.person or noun.ent_type_ == "NORP":
        return "person"
    return lemma


def _subject(doc: "Doc", reading: _Reading) -> Optional[str]:
    """The counted noun phrase without number, unit and hedge: "additional crossing"."""
    noun = reading.noun
    if noun is None:
        return None
    keep = {"amod", "compound", "nmod", "poss", "case"} | ({"det"} if reading.via_of else set())
    left = min((c.i for c in noun.lefts if c.dep_ in keep and c.i >= reading.after), default=noun.i)
    return doc[left:noun.i + 1].text


def _classify(reading: _Reading, lex: _Lexicon) -> None:
    """Kind and unit from what was read: shares become percent, counted nouns units."""
    number = reading.number
    if number.ordinal:
        reading.kind = "ordinal"
    if number.share and reading.via_of and reading.kind == "cardinal":
        reading.kind, reading.unit = "percent", "percent"
        number.value *= 100
        reading.fired.append("share:of")
    if number.vague:
        reading.approximate = True
        reading.fired.append("vague-number")
    if reading.noun is not None and reading.unit is None:
        reading.unit = _noun_unit(reading.noun, lex)
        reading.fired.append(f"counted:{reading.unit}")
    if reading.kind == "cardinal" and reading.unit is not None:
        reading.kind = _unit_kind(reading.unit, lex)


def _unit_kind(unit: str, lex: _Lexicon) -> str:
    """A counted noun that is itself a unit of time or measure ("hours" parsed as head)."""
    for _words, kind, name in lex.unit_phrases:
        if name == unit and kind in ("duration", "quantity"):
            return kind
    return "cardinal"


# -- numbers that are not figures --------------------------------------------


def _entity_labels(analysis: Analysis) -> list[Optional[str]]:
    """Entity label covering each token (None outside entities)."""
    doc = analysis.doc
    labels: list[Optional[str]] = [None] * len(doc)
    spans = [(e.start, e.end, e.label) for e in analysis.entities] or [
        (e.start_char, e.end_char, e.label_) for e in doc_ents(doc)
    ]
    for start, end, label in spans:
        span = span_at(doc, start, end)
        if span is not None:
            labels[span.start:span.end] = [label] * len(span)
    return labels


def _is_label(doc: "Doc", reading: _Reading, lex: _Lexicon) -> bool:
    """Numbers that name rather than count: "Resolution 2334", "F-16", "No. 10", list "1."."""
    number = reading.number
    start, root = number.start, _run_root(doc, number)
    head = root.head
    if head.i < start and reading.kind != "money" and head.pos_ in ("NOUN", "PROPN") and (
        root.dep_ in ("nummod", "compound") or (root.dep_ == "appos" and head.ent_type_ == "PERSON")
    ):
        return True  # "Resolution 2334", "John Smith, 45"
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and doc[start - 2].is_alpha:
        return True
    if start and doc[start - 1].lower_ in lex.labels_before:
        return True
    if _in_code(doc, number):
        return True
    bare = reading.noun is None and reading.unit is None
    if bare and start and doc[start - 1].pos_ == "PROPN":
        return True  # "Task Force 50", "HotBird 8"
    line_start = start == 0 or "\n" in doc[start - 1].text_with_ws
    return doc[start].tag_ == "LS" or (
        line_start and number.end < len(doc) and doc[number.end].text in (".", ")")
    )


def _in_code(doc: "Doc", number: _Number) -> bool:
    """Digits glued by hyphens to other digits or to degree signs: phone numbers,
    scores, coordinates ("910-432-3383", "13-2", "33°47′N"); and decimals too
    fine-grained for a news figure ("33.783")."""
    first, last = doc[number.start], doc[number.end - 1]
    before = doc[number.start - 2: number.start] if number.start >= 2 else []
    after = doc[number.end: number.end + 2]
    glued_before = len(before) == 2 and before[1].text == "-" and not before[0].whitespace_ \
        and not before[1].whitespace_ and before[0].is_digit
    glued_after = len(after) == 2 and after[0].text == "-" and not last.whitespace_ \
        and not after[0].whitespace_ and after[1].is_digit
    degree = not last.whitespace_ and number.end < len(doc) and doc[number.end].text[:1] in ("°", "′", "″")
    fine = re.search(r"\.\d{3,}$", first.text) is not None and number.end - number.start == 1
    return glued_before or glued_after or degree or fine


def _is_figure(doc: "Doc", reading: _Reading, labels: list[Optional[str]], lex: _Lexicon) -> bool:
    """Whether a number is a figure the article states, not a date, name, idiom or pronoun."""
    return not (
        _in_name_or_date(doc, reading, labels, lex)
        or _is_label(doc, reading, lex)
        or _is_year(doc, reading)
        or _is_idiom(doc, reading, lex)
        or _is_pronoun(doc, reading)
    )


def _in_name_or_date(doc: "Doc", reading: _Reading, labels: list[Optional[str]], lex: _Lexicon) -> bool:
    number = reading.number
    covering = {labels[i] for i in range(number.start, number.end)} - {None}
    if covering - _FIGURE_LABELS - _TIME_LABELS:
        return True  # part of a name: "G7", "COVID-19"
    if reading.kind == "duration":  # "two years ago", "a 45-year-old"
        return _match_phrase(doc, _skip_hyphen(doc, reading.after), lex.not_durations) is not None
    # "October 7", "10 a.m.", but not money or people the tagger took for a date
    return bool(covering & _TIME_LABELS) and reading.kind in ("cardinal", "ordinal") \
        and reading.unit != "person"


def _is_idiom(doc: "Doc", reading: _Reading, lex: _Lexicon) -> bool:
    if reading.noun is None:
        return False
    number = doc[reading.number.start:reading.number.end].text.lower()
    return f"{number} {reading.noun.lemma_.lower()}" in lex.idioms


def _is_pronoun(doc: "Doc", reading: _Reading) -> bool:
    """"the two met", "one of the hostages": a number word that stands for a noun."""
    number = reading.number
    if reading.via_of and number.value == 1 and not number.share:
        return True  # "one of" picks one, it does not count
    if reading.noun is None and reading.kind in ("cardinal", "ordinal"):
        if number.ordinal:
            return True
        # a bare object still counts: "killing three", "two were arrested"
        counted = _run_root(doc, number).dep_ in ("dobj", "nsubjpass")
        return not (number.digits or number.vague or counted)
    return False


def _is_year(doc: "Doc", reading: _Reading) -> bool:
    number = reading.number
    text = doc[number.start].text
    year_like = number.end - number.start == 1 and text.isdigit() and int(text) in _YEAR_RANGE
    return year_like and reading.kind not in ("money", "percent") and reading.unit != "person"


# -- the component -----------------------------------------------------------


def _read(doc: "Doc", number: _Number, lex: _Lexicon) -> _Reading:
    reading = _Reading(number=number, start=number.start, end=number.end)
    _read_currency_and_hedges(doc, reading, lex)
    _find_noun(doc, reading)
    _classify(reading, lex)
    return reading


def _claim(doc: "Doc", reading: _Reading) -> Claim:
    span = doc[reading.start:reading.end]
    return Claim(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=round(reading.number.value, 4),
        unit=reading.unit,
        approximate=reading.approximate,
        bound=reading.bound,
        subject=_subject(doc, reading),
        kind=reading.kind,
        rule="+".join(reading.fired) or ("ordinal" if reading.number.ordinal else "number"),
    )


@component("claims")
def find_claims(analysis: Analysis) -> None:
    doc, lex = analysis.doc, _lexicon()
    labels = _entity_labels(analysis)
    readings = (_read(doc, number, lex) for number in _numbers(doc, lex))
    analysis.claims = [_claim(doc, r) for r in readings if _is_figure(doc, r, labels, lex)]


# -- casualty figures for events ---------------------------------------------


def casualty_counts(analysis: Analysis, start: int, end: int) -> dict[str, Optional[int]]:
    """Dead, injured and arrested counts stated between two character offsets.

    A count of people is a casualty figure when the word governing or
    modifying it says so ("killing at least 156 people", "40 were wounded",
    "the death toll rose to 156"); the largest figure per category wins, since
    totals come with their breakdowns ("156 people, including 40 children").
    """
    counts: dict[str, Optional[int]] = {"dead": None, "injured": None, "arrested": None}
    lex = _lexicon()
    for claim in analysis.claims:
        if claim.start < start or claim.end > end or claim.value is None or claim.kind != "cardinal":
            continue
        span = span_at(analysis.doc, claim.start, claim.end)
        category = _casualty_category(span.root, lex) if span is not None else None
        if category:
            counts[category] = max(counts[category] or 0, int(claim.value))
    return counts


def _casualty_category(anchor: "Token", lex: _Lexicon) -> Optional[str]:
    """Walk from the counted noun up to its verb, checking the words met on the way."""
    for word in _casualty_context(anchor):
        category = lex.casualties.get(word.lemma_.lower()) or lex.casualties.get(word.lower_)
        if category:
            return category
    return None


def _casualty_context(anchor: "Token") -> Iterator["Token"]:
    yield anchor
    yield from (c for c in anchor.children if c.dep_ in ("amod", "acl", "relcl", "acomp"))
    nxt = anchor.nbor(1) if anchor.i + 1 < len(anchor.doc) else None
    if nxt is not None and nxt.pos_ in ("ADJ", "VERB"):
        yield nxt  # "40 dead", "156 killed"
    tok = anchor
    for _ in range(4):
        if tok.head == tok:
            break
        tok = tok.head
        yield tok
        if tok.pos_ in ("VERB", "AUX"):
            yield from (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "attr"))
            yield from (c for c in tok.children if c.dep_ == "acomp")
            break
