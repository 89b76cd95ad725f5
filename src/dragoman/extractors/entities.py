"""Named-entity mentions: spaCy's NER with the corrections that matter for actors.

The small English model makes a few systematic mistakes on news text that would
otherwise poison actor coding: the same surname labelled PERSON in one sentence
and GPE in the next ("Blinken's"), the "State" of "Secretary of State" tagged as
an organisation, a name stopping before the noun that makes it an organisation
("the [Biden] administration", "[Iraqi] forces"), known groups taken for
nationalities or places ("ISIL" as NORP, "Daesh" as GPE) and institutions not
tagged at all ("the Security Council"). We fix those by article-level voting,
by dropping entities that are part of an official title, and by asking the
actor coder (its institution table and body/group nouns) what a name is.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Span

from ..analysis import Analysis
from ..annotate.views import doc_ents, doc_text, doc_tokens, sentence_of, span_tokens
from ..pipeline import component
from ..records import Entity
from ..resolve.actor_codes import code_actor, looks_like_institution
from ..resolve.countries import country_code
from ..resolve.dateline import dateline_end

# entity words that are really the tail of a title: "Secretary of State",
# "Secretary of Defense", "Minister of State"
_TITLE_TAILS = {"state", "defense", "defence", "homeland security", "the interior", "interior"}
_TITLE_HEADS = {"secretary", "minister", "ministry", "department", "secretaries", "ministers"}

# labels whose votes we reconcile across an article; others (DATE, MONEY, ...)
# are about the span, not the name, and stay as tagged
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_MAX_HEAD_WORDS = 3  # nouns after a name that can complete it: "Iraqi security forces"


def _is_title_tail(ent) -> bool:
    if ent.text.lower() not in _TITLE_TAILS or ent.start < 2:
        return False
    doc = ent.doc
    return doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _TITLE_HEADS


def _name_key(ent) -> str:
    """The bare name, without possessive or leading article: "Blinken's" -> "Blinken"."""
    words = [t for t in span_tokens(ent) if t.tag_ != "POS" and t.lower_ not in {"'s", "’s", "the"}]
    return " ".join(t.text for t in words)


def _split_institution_and_name(ent) -> list:
    """"the UN Linda Thomas-Greenfield" tagged as one ORG -> ORG "the UN" + PERSON.

    The small model often swallows a person's name into the organisation of
    their title. When an ORG is a known institution followed by two or three
    capitalised words that code as nothing, the words are a name.
    """
    if ent.label_ != "ORG" or len(ent) < 3:
        return [ent]
    for cut in range(ent.start + 1, ent.end - 1):
        head, tail = ent.doc[ent.start : cut], ent.doc[cut : ent.end]
        if _is_bare_name(tail) and (code_actor(head.text).rule or "").startswith("institution"):
            return [Span(ent.doc, ent.start, cut, label="ORG"), Span(ent.doc, cut, ent.end, label="PERSON")]
    return [ent]


def _is_bare_name(span) -> bool:
    """Two or three capitalised proper nouns that code as no body or role: a person's name."""
    return (
        2 <= len(span) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
        and not code_actor(span.text).sector
        and not looks_like_institution(span.text)
    )


def _without_dateline(ent):
    """"ROME - Jane Doe" tagged as one name -> "Jane Doe": the tagger glues the place a
    story is filed from to the name that opens its first sentence, which then makes a
    second actor beside the "Doe" of later sentences."""
    doc = ent.doc
    text = doc_text(doc)  # `Doc.text` joins every token anew on each read
    end = dateline_end(text, sentence_of(ent[0]).start_char)
    if not ent.start_char < end < ent.end_char:
        return ent
    rest = next(t for t in ent if t.idx >= end)
    if text[end : rest.idx].strip() or not rest.text[:1].isupper():
        return ent  # 'FAREWELL—"The' as one token: no name starts where the dateline ends
    name = Span(doc, rest.i, ent.end, label=ent.label_)
    # the label was given to the glued whole ("ROME - Jane Doe" as ORG): a bare name is a person
    return Span(doc, rest.i, ent.end, label="PERSON") if _is_bare_name(name) else name


def _dateline_taken_for_a_name(ent) -> bool:
    """"TEGA CAY \x97" tagged a person: the place a dateline opens with is where the story
    was filed, no person or body; the place finder reads it (`resolve.dateline`). The
    agency after it ("(Reuters)") stays a name."""
    if ent.label_ not in ("PERSON", "ORG"):
        return False
    sent = sentence_of(ent[0])
    opening = all(t.is_punct or t.is_space for t in ent.doc[sent.start:ent.start])  # "(NEW YORK) -"
    return opening and ent.end_char <= dateline_end(doc_text(ent.doc), sent.start_char)


def _institution_label(ent) -> str:
    """ORG for a name the institution table knows ("ISIL" tagged NORP), else the label."""
    if ent.label_ in {"NORP", "GPE", "LOC", "FAC", "PERSON"}:
        code = code_actor(_name_key(ent))
        if code.kind == "organization" and (code.rule or "").startswith("institution"):
            return "ORG"
    return ent.label_


def _with_head_noun(ent):
    """A name followed by the noun it modifies, when that noun names a body
    (the actor coder's organisation nouns): [Biden] administration -> ORG
    "Biden administration"; "UN Security Council resolution" stays as it is."""
    if ent.label_ not in {"PERSON", "GPE", "ORG"}:
        return ent
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.end < _MAX_HEAD_WORDS and doc[end].pos_ in {"NOUN", "ADJ"} and doc[end].is_lower:
        end += 1
    while end > ent.end:
        head = doc[end - 1]
        if any(t.head.i == head.i for t in ent) and code_actor(doc[ent.end : end].text).kind == "organization":
            return Span(doc, ent.start, end, label="ORG")
        end -= 1
    return ent


def _untagged_institutions(doc, ents) -> list:
    """Runs of proper nouns the tagger left out that name a known institution:
    "the Security Council"."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    words = doc_tokens(doc)
    found, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].pos_ == "PROPN" and j not in covered:
            j += 1
        if j > i:
            code = code_actor(doc[i:j].text)
            if code.kind == "organization" and (code.rule or "").startswith("institution"):
                found.append(Span(doc, i, j, label="ORG"))
        i = j + 1
    return found


def _corrected_spans(doc) -> list:
    """spaCy's entities with titles' tails and datelines dropped, fused names split, heads added
    and known institutions labelled ORG, plus the institutions it missed."""
    ents = []
    for e in doc_ents(doc):
        if _is_title_tail(e) or _dateline_taken_for_a_name(e):
            continue
        for part in _split_institution_and_name(_without_dateline(e)):
            part = _with_head_noun(part)
            label = _institution_label(part)
            ents.append(part if label == part.label_ else Span(doc, part.start, part.end, label=label))
    ents += _untagged_institutions(doc, ents)
    return sorted(ents, key=lambda e: e.start)


@component("entities")
def find_entities(analysis: Analysis) -> None:
    ents = _corrected_spans(analysis.doc)
    keyed = [(ent, ent.label_, _name_key(ent)) for ent in ents]  # read once, for the three passes below
    votes: dict[str, Counter] = defaultdict(Counter)
    for _ent, label, key in keyed:
        if label in _NAME_LABELS:
            votes[key][label] += 1
    # a name seen as the tail of a longer PERSON name is a person ("Netanyahu" in "Benjamin Netanyahu")
    person_parts = {part for _ent, label, key in keyed if label == "PERSON" for part in key.split()[1:]}
    entities = []
    for ent, label, key in keyed:
        if label in _NAME_LABELS:
            counts = votes[key]
            if key in person_parts and label in {"GPE", "ORG", "NORP"} and not _is_known_name(key):
                label = "PERSON"  # "said Caddell": the surname of "Pat Caddell", not an organisation
            elif counts and counts.most_common(1)[0][1] > counts[label]:
                label = counts.most_common(1)[0][0]
        entities.append(Entity(text=ent.text, label=label, start=ent.start_char, end=ent.end_char))
    analysis.entities = entities


def _is_known_name(name: str) -> bool:
    """A country, demonym or institution, which no surname overrides."""
    return country_code(name) is not None or code_actor(name).rule is not None
