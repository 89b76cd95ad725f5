"""Who said what: direct quotations and reported clauses, with speaker and cue.

Direct quotes are found from the quotation marks themselves (curly, straight and
single marks, a paragraph left open continuing into the next one), then
attributed by the reporting clause around them:

* *cue after* — the first verb after the closing mark is a cue verb:
  "“...,” Blinken said", "“...,” said Thomas-Greenfield";
* *cue before* — the last verb before the opening mark is a cue verb with only
  its object or a colon in between: "X told CNN “...”", "He said: “...”";
* *credit after* — a name after a dash: "“...” — Jane Doe";
* *label* — a name before a colon, in headline, transcript or digest style:
  "Lynch: “...”", "... - Jane Doe: “...”"; *colon clause* / *colon before* —
  a clause ending in a colon, in the same paragraph ("Okafor went further:
  “...”") or the one before ("The minister released this statement:");
* a bare reporting clause with any verb of manner: "“...,” the senator shot back";
* *cue governs* / *in reported clause* — the quote sits inside a clause
  reported by a cue verb: "The paper reports that her team acted to “keep it
  quiet.”";
* *continuation* — a quote standing as its own sentence, with no cue, goes on
  from the speaker named last (by a quote or a "Smith said") in the same or
  the previous paragraph.

A short verbless phrase in quotation marks embedded in a noun phrase ("a
“flood” of aid") is a scare quote, not a statement, unless a cue verb
introduces it directly; a quoted title (“Women in Power”) is not a quote. A
*partial* quote — a fragment inside the reporter's own sentence ("X said the
plan would “do nothing for farmers.”", "what she called “a stunt”") — is not
given as a direct quote: the attribution is the reported clause that holds it,
an indirect quote whose rule ends in "+quote" (or "indirect:partial-quote").
Indirect attributions are clauses governed by a cue verb ("X said (that) ...",
"according to X, ...", "..., X said", "X, as Y noted, ..."), a statement after
"X added:" without quotation marks, an intention ("X wants to ..."), the object
of a speech act ("denied any involvement", "called for an inquiry", "called the
ruling a win"), a "that" clause of a statement noun ("her claim that ..."), a
finding stated by a poll ("a new poll shows a close race"), and an unquoted
statement after a label ("Lynch: No outside influence on the inquiry"). A
quotation the reporter's sentence runs on from ("said “the door is open”
despite ...") is partial too. A reported clause nested inside another is not
given twice.
A plan or belief inside someone's reported words, and anything in a question,
is not an attribution of its own. Speakers are the cue verb's subject;
pronouns resolve through the actor layer. The addressee is the object of
"told CNN"-type cues or of "to" after a cue. The cue words live in
`data/cue_verbs.yaml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

import yaml
from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..pipeline import component
from ..records import Quote, Speaker, Trigger
from ..annotate.views import doc_text, doc_tokens, sentence_of, span_tokens

_OPEN_DOUBLES, _CLOSE_DOUBLE = {"“", "``"}, "”"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘", "’"
# double quotation marks; '' and `` are the typewriter pairs some wires still use
_DOUBLE_MARK = re.compile(r"[“”\"]|''|``")
_QUOTE_TOKENS = {"“", "”", '"', "‘", "’", "``", "''"}
_SENTENCE_FINAL = {".", "!", "?"}
_VERBAL = {"VERB", "AUX"}
# parts of speech that may stand between a cue verb and the quote it introduces
# ("told CNN “...”", "called on Israel “...”", "said in a statement: “...”")
_BRIDGE_POS = {"PROPN", "NOUN", "PRON", "DET", "ADP", "ADJ", "NUM", "PART", "ADV", "PUNCT", "CCONJ", "SPACE"}
# a quote right after one of these is inside a noun phrase: "an “immediate ceasefire”",
# or coordinated with an earlier one: "as “too loud” or “too shrill”"
_NOUN_PHRASE_POS = {"DET", "ADP", "ADJ", "NUM", "CCONJ"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_PERSON_PRONOUNS = {"he", "she", "i"}
_SCARE_MAX_WORDS = 5
_ADJACENT_RULES = ("direct:cue-after", "direct:cue-before")
_SAME_AS_DIRECT = 0.6  # share of a reported clause inside quotation marks that makes it the direct quote
_MAX_SPEAKER_GAP = 25  # tokens between a closing mark and a cue verb after it
_DASHES = {"—", "–", "―", "-", "--"}
_NOMINATIVE = {"he", "she", "they", "we", "i"}
# dependencies of words inside a speaker's apposition or relative clause
_MODIFIER_DEPS = {"acl", "relcl", "amod", "appos"}
# subordinators of a clause that is the reporter's comment, not the speaker's words
_CONCESSIVE = {"although", "though", "while", "whereas"}
# plans, demands and beliefs inside someone's reported words belong to those
# words: "she said she plans to go" is one attribution, not two
_NESTED_RULES = {"indirect:intention", "indirect:xcomp"}


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    thought: frozenset[str]
    phrases: frozenset[tuple[str, str]]  # (verb lemma, particle)
    sources: frozenset[tuple[str, str]]  # ("according", "to")
    addressed: frozenset[str]  # cues whose object is the addressee: "told CNN"
    intention: frozenset[str]  # "wants to ...", "declined to ...": the infinitive is attributed
    objects: frozenset[str]  # "denied any involvement", "called for a ban": the object is attributed
    nouns: frozenset[str]  # "her claim that ...": the clause is attributed
    naming: frozenset[str]  # "called X a Y": the object counts only with its predicate
    aspectual: frozenset[str]  # "...," he continued / a sign that read “...”: a cue for quotes, never for clauses
    # thought | intention | objects: cues for reported clauses only, never for quotations;
    # without a subject they attribute nothing ("anyone wanting to ...")
    clause_only: frozenset[str]
    not_speakers: frozenset[str]  # "Update:", "Editor's note:": labels that name no speaker
    findings: frozenset[str]  # "shows", "found": their object is attributed when an evidence noun is the subject
    evidence: frozenset[str]  # "poll", "survey", "study": subjects whose findings are attributions
    # what a clause cue can begin with: a lemma (of an entry, or of a phrase's first words) ...
    cue_lemmas: frozenset[str]
    # ... or a word of a source phrase ("according" to)
    source_words: frozenset[str]


def _first_words(entries: frozenset[str]) -> set[str]:
    """Each entry's words before each space: "call for" -> "call"."""
    return {entry[:i] for entry in entries for i, char in enumerate(entry) if char == " "}


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    text = resources.files("dragoman.data").joinpath("cue_verbs.yaml").read_text("utf-8")
    data = yaml.safe_load(text)

    def pairs(key: str) -> frozenset[tuple[str, str]]:
        return frozenset(tuple(entry.split(maxsplit=1)) for entry in data.get(key, []))

    thought, intention, objects = (frozenset(data.get(key, [])) for key in ("thought", "intention", "objects"))
    speech = frozenset(data.get("speech", []) + data.get("inscriptions", []))
    nouns, phrases = frozenset(data.get("nouns", [])), pairs("phrases")
    clause_only = thought | intention | objects
    return CueLexicon(
        speech=speech,
        thought=thought,
        phrases=phrases,
        sources=pairs("sources"),
        addressed=frozenset(data.get("addressed", [])),
        intention=intention,
        objects=objects,
        nouns=nouns,
        naming=frozenset(data.get("naming", [])),
        aspectual=frozenset(data.get("aspectual", []) + data.get("inscriptions", [])),
        clause_only=clause_only,
        not_speakers=frozenset(data.get("not_speakers", [])),
        findings=frozenset(data.get("findings", [])),
        evidence=frozenset(data.get("evidence", [])),
        cue_lemmas=frozenset(speech | nouns | clause_only | _first_words(objects) | {verb for verb, _ in phrases}),
        source_words=frozenset(word for word, _ in pairs("sources")),
    )


# -- cue words ------------------------------------------------------------------
@dataclass(frozen=True)
class Cue:
    token: Token  # the verb (or "according")
    end: Token  # last token of the cue phrase
    entry: str  # lexicon entry that matched: "say", "call on", "according to"

    @property
    def trigger(self) -> Trigger:
        doc = self.token.doc
        span = doc[self.token.i : self.end.i + 1]
        return Trigger(text=span.text, start=span.start_char, end=span.end_char)


def _next_token(token: Token) -> Optional[Token]:
    """The token after this one (`token.nbor()`, without building it anew), or None at the end."""
    words = doc_tokens(token.doc)
    return words[token.i + 1] if token.i + 1 < len(words) else None


def speech_cue(token: Token) -> Optional[Cue]:
    """A cue that can introduce speech (quotes and reported clauses)."""
    lex = cue_lexicon()
    nxt = _next_token(token)
    if nxt is not None and (token.lower_, nxt.lower_) in lex.sources:
        return Cue(token, nxt, f"{token.lower_} {nxt.lower_}")
    if token.pos_ not in _VERBAL:
        return None
    lemma = token.lemma_.lower()
    if nxt is not None and (lemma, nxt.lower_) in lex.phrases:
        return Cue(token, nxt, f"{lemma} {nxt.lower_}")
    if lemma in lex.speech and token.pos_ == "VERB":
        return Cue(token, token, lemma)
    return None


def clause_cue(token: Token) -> Optional[Cue]:
    """A cue for a reported clause: speech, a verb of belief ("X believes that"),
    of intention ("X wants to"), or a speech act with its object ("X called for")."""
    lex = cue_lexicon()
    lemma = token.lemma_.lower()
    if lemma not in lex.cue_lemmas and token.lower_ not in lex.source_words:
        return None  # no cue begins with this word (most words)
    nxt = _next_token(token)
    if token.pos_ == "VERB" and nxt is not None and f"{lemma} {nxt.lower_}" in lex.objects:
        return Cue(token, nxt, f"{lemma} {nxt.lower_}")
    cue = speech_cue(token)
    if cue is None and token.pos_ == "VERB" and lemma in lex.clause_only:
        cue = Cue(token, token, lemma)
    if cue is None and token.pos_ == "NOUN" and lemma in lex.nouns:
        cue = Cue(token, token, lemma)
    return cue


# -- quotation marks ------------------------------------------------------------
def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines: news paragraphs are lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:[^\n]*\S)?", text)]


def _opens_here(text: str, i: int, j: int) -> bool:
    """A straight mark text[i:j] opens when it follows a space or bracket and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _single_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """‘...’ pairs; a ’ inside a word or after s ("Clintons’ ") is an apostrophe."""
    spans = []
    i = start
    while True:
        i = text.find(_OPEN_SINGLE, i, end)
        if i < 0:
            return spans
        if i > start and not (text[i - 1].isspace() or text[i - 1] in "(“—"):
            i += 1
            continue
        close = i + 1
        while True:
            close = text.find(_CLOSE_SINGLE, close, end)
            if close < 0:
                break
            after = text[close + 1] if close + 1 < end else " "
            if not after.isalnum():
                spans.append((i, close + 1))
                break
            close += 1
        i = (close + 1) if close > 0 else i + 1


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included.

    A paragraph that ends inside a quotation and a next paragraph that opens
    with a quotation mark make one quotation (the newspaper convention for a
    quote running over several paragraphs).
    """
    spans: list[tuple[int, int]] = []
    pending: Optional[int] = None  # start of a quote left open at a paragraph end
    prev_end = 0
    for p_start, p_end in paragraphs(text):
        marks = list(_DOUBLE_MARK.finditer(text, p_start, p_end))
        open_at: Optional[int] = None
        if pending is not None:
            if marks and marks[0].start() == p_start and _is_opening(text, marks[0], None):
                open_at, marks = pending, marks[1:]
            else:
                spans.append((pending, prev_end))
            pending = None
        for mark in marks:
            if _is_opening(text, mark, open_at):
                open_at = mark.start()
            elif open_at is not None:
                spans.append((open_at, mark.end()))
                open_at = None
        pending = open_at
        if not marks:
            spans.extend(_single_quote_spans(text, p_start, p_end))
        prev_end = p_end
    if pending is not None:
        spans.append((pending, prev_end))
    return spans


def _is_opening(text: str, mark: re.Match, open_at: Optional[int]) -> bool:
    """Curly marks say which they are; a straight one opens only when no quote is
    open and it stands before a word."""
    if mark.group() in _OPEN_DOUBLES:
        return open_at is None
    if mark.group() == _CLOSE_DOUBLE:
        return False
    return open_at is None and _opens_here(text, mark.start(), mark.end())


# -- one direct quote ------------------------------------------------------------
@dataclass
class _Found:
    """A quote being built; `rule` is "standalone"/"embedded" until attributed."""

    start: int
    end: int
    kind: str
    rule: str
    cue: Optional[Cue] = None
    speaker_head: Optional[Token] = None
    addressee_head: Optional[Token] = None
    sentence_start: Optional[int] = None  # where the reporter's sentence begins, when it begins before the mark


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span_tokens(span) if not t.is_space and t.idx >= start and t.idx + len(t) <= end]


def _segment_before(doc: Doc, start: int, floor: int) -> list[Token]:
    """Tokens of the clause before an opening mark, back to a sentence end or `floor`."""
    tokens = _tokens_between(doc, floor, start)
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in _SENTENCE_FINAL:
            return tokens[k + 1 :]
    return tokens


def _segment_after(doc: Doc, end: int, ceiling: int) -> list[Token]:
    """Tokens of the clause after a closing mark, up to a sentence end or `ceiling`."""
    tokens = _tokens_between(doc, end, ceiling)
    for k, token in enumerate(tokens):
        if token.text in _SENTENCE_FINAL:
            return tokens[:k]
    return tokens


def _in_modifier(token: Token, segment: list[Token]) -> bool:
    """A verb inside an apposition or relative clause of the speaker: "X, one of
    the cities opposing the plan, said"."""
    first, last = segment[0].i, segment[-1].i
    chain = [token] + [a for a in token.ancestors if first <= a.i <= last]
    return any(t.dep_ in _MODIFIER_DEPS for t in chain)


def _cue_after(tokens: list[Token]) -> Optional[Cue]:
    """The first verb after the closing mark, when it is a cue: "“...,” he said"."""
    for token in tokens[:_MAX_SPEAKER_GAP]:
        if token.text in _QUOTE_TOKENS:
            return None
        if token.lower_ == "according":
            return speech_cue(token)
        if token.pos_ in _VERBAL and not _in_modifier(token, tokens):
            return speech_cue(token) or _manner_of_speaking(token, tokens)
    return None


# what a verb of manner may not govern in "“...,” she sighed": anything that would be its own object
_OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prep", "advcl"}


def _manner_of_speaking(verb: Token, after: list[Token]) -> Optional[Cue]:
    """Any verb in a bare reporting clause right after a quotation: "“We will
    win,” the senator shot back", "“Enough,” she sighed". With only its subject
    around it and no object of its own, the quotation is what the verb utters."""
    words = [t for t in after if not (t.is_punct or t.is_space)]
    own = [c for c in verb.children if words and c.i >= words[0].i]  # the quotation itself may hang on the verb
    if verb.pos_ != "VERB" or any(c.dep_ in _OBJECT_DEPS for c in own):
        return None
    subject = next((c for c in own if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    lead = [t for t in words if t.i < verb.i]
    if subject.i < verb.i and any(t.i not in range(subject.left_edge.i, subject.i + 1) for t in lead):
        return None  # more than the subject before the verb: not a reporting clause
    if subject.i > verb.i and lead:
        return None
    return Cue(verb, verb, verb.lemma_.lower())


def _credit_after(tokens: list[Token]) -> Optional[Token]:
    """A name credited after a dash: "“...” — Jane Doe"."""
    if len(tokens) < 2 or tokens[0].text not in _DASHES or tokens[1].pos_ != "PROPN":
        return None
    head = tokens[1]
    while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
        head = head.head
    return head


_LABEL_MAX_WORDS = 5
_NAME_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}


def _label_head(tokens: list[Token]) -> Optional[Token]:
    """The speaker a colon credits in headline or transcript style: "Lynch: No
    outside influence ...", "... - Jane Doe: “...”". The label is a short run of
    words without a verb that starts its paragraph (or follows a dash), names
    someone, and ends at the colon; its head is its last name word."""
    if not tokens or tokens[-1].text != ":":
        return None
    label = tokens[:-1]
    dash = next((k for k in range(len(label) - 1, -1, -1) if label[k].text in _DASHES and label[k].whitespace_), None)
    if dash is not None:
        label = label[dash + 1 :]
    elif not _starts_paragraph(tokens[0]):
        return None
    words = [t for t in label if not t.is_punct]
    if not words or len(words) > _LABEL_MAX_WORDS or not words[0].text[:1].isupper():
        return None
    if any(t.pos_ in _VERBAL for t in words) or any(t.lower_ in cue_lexicon().not_speakers for t in words):
        return None
    names = [t for t in words if t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTITIES]
    if not names and not (len(words) == 1 and words[0].pos_ == "NOUN"):
        return None
    return (names or words)[-1]


def _starts_paragraph(token: Token) -> bool:
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    return not text[line_start : token.idx].strip()


def _cue_before(tokens: list[Token]) -> tuple[Optional[Cue], Optional[Token]]:
    """The last verb before the opening mark when only its object lies between.

    Returns the cue and the token right before the mark.
    """
    words = [t for t in tokens if t.text not in _QUOTE_TOKENS]
    last = words[-1] if words else None
    for token in reversed(words):
        if token.pos_ in _VERBAL or token.lower_ == "according":
            cue = speech_cue(token)
            if cue is None and token.i >= 1:  # "called on", "according to": the verb is one back
                cue = speech_cue(token.doc[token.i - 1])
            return cue, last
        if token.pos_ not in _BRIDGE_POS:
            return None, last
    return None, last


def _quote_root(doc: Doc, start: int, end: int) -> Optional[Token]:
    """The word of a quotation highest in the parse: the head of what it says."""
    words = [t for t in _tokens_between(doc, start, end) if not (t.is_punct or t.is_space)]
    return min(words, key=lambda t: len(list(t.ancestors))) if words else None


def _cue_governing(doc: Doc, start: int, end: int) -> Optional[Cue]:
    """A cue verb outside the quote whose clause contains it: "reports that ... “...”"."""
    root = _quote_root(doc, start, end)
    if root is None:
        return None
    for ancestor in root.ancestors:
        if start <= ancestor.idx < end:
            continue
        cue = speech_cue(ancestor)
        if cue is not None:
            return cue
    return None


def _reporting_clause_may_follow(quote: str, after: list[Token]) -> bool:
    """A quote ending in a comma (or ?, !, dash) hands over to a reporting
    clause; one ending in a period only to a bare "X said." right after it."""
    last = quote.rstrip("”\"’' ")[-1:]
    if last in {",", "?", "!"} | _DASHES or (after and after[0].text in {","} | _DASHES):
        return True
    return last == "." and 0 < len(after) <= 4


def _is_scare_quote(inside: list[Token], before: Optional[Token], cue_adjacent: bool) -> bool:
    """A short verbless phrase used as part of a noun phrase: "an “immediate ceasefire”"."""
    words = [t for t in inside if not t.is_punct]
    if len(words) > _SCARE_MAX_WORDS or any(t.pos_ in _VERBAL for t in words) or cue_adjacent:
        return False
    return before is None or before.pos_ in _NOUN_PHRASE_POS | _VERBAL or before.tag_ in {"POS", "PRP$"}


def _attribute_direct(
    doc: Doc, start: int, end: int, floor: int, ceiling: int, after_quote: bool
) -> Optional[_Found]:
    """Find the cue of one quotation from the clause around it; None for a scare quote
    or a title.

    A quote with no cue around it is marked `standalone` (its own sentence) or
    `embedded` (inside a sentence) for the second pass. `after_quote` says the
    floor is the end of an earlier quote in the paragraph."""
    inside = [t for t in _tokens_between(doc, start, end) if t.text not in _QUOTE_TOKENS]
    if _is_title(inside):
        return None
    before = _segment_before(doc, start, floor)
    after = _segment_after(doc, end, ceiling)
    cue_b, token_before = _cue_before(before)
    cue_a = _cue_after(after) if _reporting_clause_may_follow(doc_text(doc)[start:end], after) else None
    credit = _credit_after(after)
    adjacent_before = cue_b is not None and token_before is not None and (
        token_before.i <= cue_b.end.i or token_before.text in {":", ","}
    )
    if _is_scare_quote(inside, token_before, adjacent_before or cue_a is not None or credit is not None):
        return None
    words_before = [t for t in before if not (t.is_punct or t.is_space)]
    split = (  # "“A,” he said, “b.”": the words between are the reporting clause
        after_quote and len(before) == len(_tokens_between(doc, floor, start)) and _cue_after(before) is not None
    )
    sentence_start = words_before[0].idx if words_before and not split else None
    if cue_a is not None:
        found = _Found(start, end, "direct", f"direct:cue-after:{cue_a.entry}", cue=cue_a)
    elif credit is not None:
        found = _Found(start, end, "direct", "direct:credit-after", speaker_head=credit)
    elif cue_b is not None:
        found = _Found(start, end, "direct", f"direct:cue-before:{cue_b.entry}", cue=cue_b)
    elif (label := _label_head(before)) is not None:
        return _Found(start, end, "direct", "direct:label", speaker_head=label)
    elif (subject := _colon_clause_subject(before)) is not None and _opens_sentence(inside):
        return _Found(start, end, "direct", "direct:colon-clause", speaker_head=subject)
    elif words_before:
        cue_g = _cue_governing(doc, start, end)
        rule = f"direct:cue-governs:{cue_g.entry}" if cue_g is not None else "embedded"
        found = _Found(start, end, "direct", rule, cue=cue_g)
    else:
        found = _introduced_by_colon(doc, start, end) or _Found(start, end, "direct", "standalone")
    found.sentence_start = sentence_start
    return found


def _introduced_by_colon(doc: Doc, start: int, end: int) -> Optional[_Found]:
    """A quotation opening its paragraph after one that ends in a colon takes its
    speaker from there: "The minister released the following statement:" /
    "“We mourn ...”"."""
    text = doc_text(doc)
    lead_end = start
    while lead_end > 0 and text[lead_end - 1].isspace():
        lead_end -= 1
    if lead_end == 0 or text[lead_end - 1] != ":":
        return None
    lead_start = text.rfind("\n", 0, lead_end) + 1
    lead = _segment_before(doc, lead_end, lead_start)
    cue, _ = _cue_before(lead)
    if cue is not None:
        return _Found(start, end, "direct", f"direct:cue-before:{cue.entry}", cue=cue)
    speaker = _label_head(lead) or _colon_clause_subject(lead, nouns=True)
    return _Found(start, end, "direct", "direct:colon-before", speaker_head=speaker) if speaker is not None else None


def _opens_sentence(inside: list[Token]) -> bool:
    """A quotation that is a whole statement: it opens with a capital letter."""
    first = next((t for t in inside if t.is_alpha), None)
    return first is not None and first.text[0].isupper()


def _colon_clause_subject(before: list[Token], nouns: bool = False) -> Optional[Token]:
    """Who speaks in "Trump went even further: “...”": a clause of the reporter's
    ending in a colon, whose verb's subject is a name or a personal pronoun (or,
    with `nouns`, any noun: "the president released this statement:")."""
    if not before or before[-1].text != ":":
        return None
    verbs = [t for t in before if t.pos_ in _VERBAL and t.dep_ in {"ROOT", "conj"}]
    for verb in reversed(verbs):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.pos_ == "PROPN" or subject.lower_ in _NOMINATIVE or nouns and subject.pos_ == "NOUN"
        ):
            return subject
    return None


def _is_title(inside: list[Token]) -> bool:
    """A quoted title or name, every word capitalised: “Women in Power”, “Larry King Now”."""
    words = [t for t in inside if t.is_alpha]
    content = [t for t in words if not t.is_stop]
    return len(words) >= 2 and bool(content) and all(t.text[0].isupper() for t in content) and (
        sum(t.text[0].isupper() for t in words) > len(words) / 2
    ) and not any(t.text in _SENTENCE_FINAL for t in inside[:-1])


# -- speakers ----------------------------------------------------------------------
def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans' union as sorted disjoint (starts, ends), for `_inside_merged`."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if start >= end:
            continue  # an empty span holds nothing
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside_merged(token: Token, merged: tuple[list[int], list[int]]) -> bool:
    """`_inside` by bisection, for a test at every token of the article."""
    starts, ends = merged
    k = bisect.bisect_right(starts, token.idx) - 1
    return k >= 0 and token.idx < ends[k]


def _subject(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """Who performs the cue: its subject, the object of "according to", or an
    inverted name ("said Thomas-Greenfield"); climbs coordinated verbs ("...
    voiced optimism but conceded ..."). Never a word inside a quotation."""
    if _is_source_cue(cue):
        pobj = next((c for c in cue.end.children if c.dep_ == "pobj"), None)
        return pobj if pobj is not None and not _inside(pobj, quoted) else None
    token = cue.token
    for _ in range(5):
        subject = next((c for c in token.children if c.dep_ == "nsubj" and not _inside(c, quoted)), None)
        if subject is not None:
            if subject.tag_ in {"WP", "WDT"} and token.dep_ == "relcl":
                return token.head  # "Smith, who said ..."
            return subject
        if token is cue.token and token.dep_ != "conj":  # "and criticized Obama": Obama is the object
            inverted = _inverted_subject(cue, quoted)
            if inverted is not None:
                return inverted
        if token.head.i == token.i:
            return None
        token = token.head
        if cue.token.tag_ == "VBG" and cue.token.dep_ == "advcl":
            token = _out_of_reported_clause(token)
    return None


def _out_of_reported_clause(token: Token) -> Token:
    """The cue reporting the clause a token heads, if any: "X said the talks had
    stalled, arguing ..." — the arguing is X's, though the parser hangs it on
    "stalled"."""
    while token.dep_ == "ccomp" and clause_cue(token.head) is not None:
        token = token.head
    return token


def _inverted_subject(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """The name right after the cue: "said Thomas-Greenfield", "Said Ellis:"."""
    doc = cue.end.doc
    k = cue.end.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or _inside(doc[k], quoted):
        return None
    token = doc[k]
    if token.pos_ == "PROPN" or token.lower_ in _NOMINATIVE:
        while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
            token = token.head
        return token
    return None


def _is_source_cue(cue: Cue) -> bool:
    return tuple(cue.entry.split()) in cue_lexicon().sources


def _speaker_span(head: Token) -> tuple[int, int]:
    """The subject's noun phrase up to its head: appositions and clauses after it are left out."""
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = head
    for child in head.rights:
        if child.dep_ in {"compound", "flat"} and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right)


def _entity_name(analysis: Analysis, start: int, end: int) -> Optional[str]:
    for ent in analysis.entities:
        if ent.start >= start and ent.end <= end and ent.label in {"PERSON", "ORG", "GPE", "NORP"}:
            return ent.text
    return None


def _antecedent(analysis: Analysis, pronoun: Token) -> Optional[tuple[str, Optional[str]]]:
    """Fallback for a pronoun the actor layer did not link: the nearest earlier
    compatible name. Returns (name, actor id)."""
    labels = {"PERSON"} if pronoun.lower_ in _PERSON_PRONOUNS else {"ORG", "GPE", "NORP", "PERSON"}
    candidates = [e for e in analysis.entities if e.end <= pronoun.idx and e.label in labels]
    if not candidates:
        return None
    ent = candidates[-1]
    actor = analysis.actor_at(ent.start, ent.end)
    return (actor.name, actor.id) if actor else (ent.text, None)


def _addressee(cue: Cue, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """Who the words were addressed to: the object of "told CNN", "briefed
    reporters", "called on Israel", or "to" after any cue ("said to reporters")."""
    if _is_source_cue(cue):
        return None
    objects = cue.end.children if cue.end.i != cue.token.i else cue.token.children
    for child in objects:
        if _inside(child, quoted) or child.pos_ not in {"PROPN", "NOUN", "PRON"}:
            continue
        if child.dep_ == "pobj" or (child.dep_ in {"dobj", "dative"} and cue.entry in cue_lexicon().addressed):
            return child
    for prep in cue.token.children:
        if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to" and prep.i > cue.token.i:
            target = next((c for c in prep.children if c.dep_ == "pobj" and not _inside(c, quoted)), None)
            if target is not None and target.pos_ in {"PROPN", "NOUN", "PRON"}:
                return target
    return None


def make_speaker(analysis: Analysis, head: Token) -> Speaker:
    """The speaker record for a subject token, named through the actor layer."""
    start, end = _speaker_span(head)
    text = analysis.text[start:end]
    actor = analysis.actor_at(head.idx, head.idx + len(head)) or analysis.actor_at(start, end)
    if actor is not None:
        return Speaker(text=text, start=start, end=end, actor_id=actor.id, name=actor.name)
    if head.lower_ in _PRONOUNS:
        found = _antecedent(analysis, head)
        if found is not None:
            return Speaker(text=text, start=start, end=end, actor_id=found[1], name=found[0])
        return Speaker(text=text, start=start, end=end)
    return Speaker(text=text, start=start, end=end, name=_entity_name(analysis, start, end))


# -- indirect attributions ------------------------------------------------------
def _content_bounds(tokens: Iterable[Token], cue: Token) -> Optional[tuple[int, int]]:
    """First to last word of a reported clause, kept within the cue's paragraph
    (the parser's sentences sometimes run over a paragraph break)."""
    text = doc_text(cue.doc)
    p_start = text.rfind("\n", 0, cue.idx) + 1
    p_end = text.find("\n", cue.idx)
    p_end = len(text) if p_end < 0 else p_end
    words = [t for t in tokens if not (t.is_punct or t.is_space) and p_start <= t.idx < p_end]
    while words and words[-1].pos_ in {"CCONJ", "SCONJ"}:
        words.pop()
    if len(words) < 3 or not any(t.pos_ in _VERBAL for t in words):
        return None
    first, last = words[0], words[-1]
    return first.idx, last.idx + len(last)


def _is_aside(token: Token) -> bool:
    """A clause hung after a reported clause or object that the reporter adds:
    "..., arguing that ...", "..., although he refused ...", "... and warned ...",
    "..., who ..."."""
    if token.dep_ == "advcl":
        mark = next((c for c in token.children if c.dep_ == "mark"), None)
        return token.tag_ == "VBG" or (mark is not None and mark.lower_ in _CONCESSIVE)
    if token.dep_ == "relcl":  # non-restrictive: "criticism of Lauer, who took heat for ..."
        return token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
    return token.dep_ == "conj" and token.pos_ == "VERB" and clause_cue(token) is not None


def _clause_tokens(root: Token) -> list[Token]:
    """The words of a reported clause up to the first aside hung after its head."""
    asides = [c.left_edge.i for c in root.rights if _is_aside(c)]
    cut = min(asides, default=root.right_edge.i + 1)
    return [t for t in root.subtree if t.i < cut]


def _object_bounds(cue: Cue) -> Optional[tuple[int, int]]:
    """The noun phrase a speech act states, with the "as/of/for/on" complement that
    completes it ("accused the party of lying", "blamed it on X"); pronouns
    ("denied it") say nothing."""
    token, lex = cue.token, cue_lexicon()
    if cue.end.i != token.i and cue.end.dep_ == "mark":  # "called for Israel to stop": the clause is the demand
        return _content_bounds((t for t in _clause_tokens(cue.end.head) if t.i > cue.end.i), token)
    if cue.end.i != token.i:  # "called for X": the object of the particle
        objects = [c for c in cue.end.children if c.dep_ in {"pobj", "pcomp"}]
    else:
        objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return None
    obj = objects[0]
    tokens = _clause_tokens(obj) + [  # "accused X of Y", "described X as Y", "called X a disgrace"
        t for c in token.children
        if (c.dep_ == "prep" and c.lower_ in {"as", "of", "for", "on"} or c.dep_ == "oprd") and c.i > obj.i
        for t in c.subtree
    ]
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    bare = len(tokens) == len(_clause_tokens(obj))
    if len(words) < 2 or (bare and (obj.pos_ == "PRON" or cue.entry in lex.naming)):
        return None
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _after_comma(cue: Cue) -> list[Token]:
    """The sentence's words after the comma that closes "according to X,"."""
    sentence = sentence_of(cue.token)
    comma = next((t for t in sentence if t.i > cue.end.i and t.text == ","), None)
    return [t for t in sentence if comma is not None and t.i > comma.i]


def _colon_statement(cue: Cue) -> Optional[tuple[int, int]]:
    """Unquoted words after "X added:" up to the paragraph end: a statement
    introduced by a colon is what the cue reports, quotation marks or not."""
    doc = cue.token.doc
    k = cue.end.i + 1
    if k + 1 >= len(doc) or doc[k].text != ":" or doc[k + 1].text in _QUOTE_TOKENS:
        return None
    text = doc_text(doc)
    start = doc[k + 1].idx
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    content = text[start:end].rstrip()
    if len(content.split()) < 3 or _DOUBLE_MARK.search(content[:1]):
        return None
    return start, start + len(content)


def _is_as_aside(cue: Token) -> bool:
    """A cue in an "as X said" aside: "Hawaii, as one adviser pointed out, rarely ...".
    A cue with its own object is a temporal "as" ("as officials stress the need")."""
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in cue.children)
    )


def _complement(cue: Token) -> Optional[Token]:
    """The clause a cue verb reports: the complement after it ("says she'll go")
    rather than a clause before it ("It's unlikely; the team says ..."), and an
    unmarked clause with its own subject that the parser took for an adverbial
    ("said after the vote he would resign")."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    clauses += [
        c for c in cue.children
        if c.dep_ == "advcl" and c.i > cue.i and any(k.dep_ in {"nsubj", "nsubjpass"} for k in c.children)
        and not any(k.dep_ == "mark" or k.dep_ == "advmod" and k.tag_ == "WRB" for k in c.children)
    ]
    after = [c for c in clauses if c.i > cue.i]
    if not clauses:  # "told reporters at a briefing that she might delay": the parser hangs the clause on the noun
        after = [
            r for prep in cue.children if prep.dep_ == "prep" and prep.i > cue.i
            for obj in prep.children if obj.dep_ == "pobj"
            for r in obj.children if r.dep_ in {"relcl", "acl"} and _marked_by_that(r)
        ]
    return min(after, key=lambda c: c.i) if after else (clauses[0] if clauses else None)


def _marked_by_that(clause: Token) -> bool:
    """A clause introduced by the conjunction "that" (a complement), not by the
    relative pronoun (which would be its subject or object)."""
    return any(k.dep_ == "mark" and k.lower_ == "that" for k in clause.children)


def _reported_clause(cue: Cue) -> Optional[tuple[tuple[int, int], str]]:
    """The clause a cue reports, and the rule that found it."""
    token = cue.token
    lex = cue_lexicon()
    if cue.entry in lex.aspectual:
        return None
    if token.pos_ == "NOUN":
        clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp"}
                       and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
        bounds = _content_bounds(clause.subtree, token) if clause is not None else None
        return (bounds, "indirect:noun") if bounds else None
    if cue.entry in lex.intention:
        directive = next((c for c in token.children if c.dep_ == "xcomp"), None)
        bounds = _content_bounds(_clause_tokens(directive), token) if directive is not None else None
        if bounds or cue.entry not in lex.objects:  # "want a ceasefire": the wish is the object
            return (bounds, "indirect:intention") if bounds else None
    if _is_source_cue(cue):
        excluded = {t.i for t in token.subtree}
        head = token.head
        if head.i == token.i:  # the parser made "According" the root: take the words after its comma
            bounds = _content_bounds(_after_comma(cue), token)
        else:
            bounds = _content_bounds((t for t in head.subtree if t.i not in excluded), token)
        return (bounds, "indirect:according-to") if bounds else None
    colon = _colon_statement(cue)
    if colon is not None:
        return colon, "indirect:colon"
    complement = _complement(token)
    if complement is not None:
        bounds = _content_bounds(_clause_tokens(complement), token)
        return (bounds, "indirect:ccomp") if bounds else None
    directive = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if directive is not None and cue.entry not in cue_lexicon().thought:
        # "urged Congress to act", "vowed to retaliate": the object joins the clause
        addressee = [t for c in token.children if c.dep_ == "dobj" and c.i < directive.i for t in c.subtree]
        bounds = _content_bounds(addressee + _clause_tokens(directive), token)
        return (bounds, "indirect:xcomp") if bounds else None
    if token.dep_ == "parataxis" or _is_as_aside(token):
        excluded = {t.i for t in token.subtree}
        bounds = _content_bounds((t for t in token.head.subtree if t.i not in excluded), token)
        return (bounds, "indirect:parenthetical") if bounds else None
    if cue.entry in lex.objects or cue.entry in lex.findings and _cites_evidence(token):
        bounds = _object_bounds(cue)
        return (bounds, "indirect:object") if bounds else None
    return None


def _cites_evidence(cue: Token) -> bool:
    """The cue's subject is a poll, study or record: "a new poll shows a close race"."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in cue_lexicon().evidence for c in cue.children)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class _Attribution:
    """A cue verb outside quotations, its subject, and the clause it reports if any."""

    cue: Cue
    subject: Optional[Token]
    clause: Optional[tuple[tuple[int, int], str]]


def _attributions(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Attribution]:
    found = []
    merged = _merged(quoted)
    for token in doc_tokens(doc):
        if _inside_merged(token, merged):
            continue
        cue = clause_cue(token)
        if cue is not None:
            subject = _holder(token, quoted) if token.pos_ == "NOUN" else _subject(cue, quoted)
            found.append(_Attribution(cue, subject, _reported_clause(cue)))
    return found


def _holder(noun: Token, quoted: list[tuple[int, int]]) -> Optional[Token]:
    """Whose statement a noun cue names: its possessor ("Trump's claim") or the
    object of "by"/"from" ("a statement from the ministry")."""
    for child in noun.children:
        if child.dep_ == "poss" and not _inside(child, quoted):
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and not _inside(pobj, quoted):
                return pobj
    return None


def _reports(attribution: _Attribution, token: Token) -> bool:
    """The attribution's reported clause holds the token: "she said she [plans] to"."""
    if attribution.clause is None or attribution.cue.token.i == token.i:
        return False
    (start, end), _ = attribution.clause
    return start <= token.idx < end


def _in_question(token: Token) -> bool:
    """A cue in a question ("Do you think ...?") attributes nothing: it asks."""
    sentence = sentence_of(token)
    last = next((t for t in reversed(sentence) if not (t.is_space or t.text in _QUOTE_TOKENS)), None)
    return last is not None and last.text == "?"


def _stands_alone(att: _Attribution, attributions: list[_Attribution]) -> bool:
    """An attribution of its own: someone holds it, it is not a plan or belief
    inside another's reported words, and it is not asked in a question."""
    lex = cue_lexicon()
    if att.subject is None and att.cue.entry in lex.clause_only:
        return False
    rule = att.clause[1] if att.clause else ""
    nestable = rule in _NESTED_RULES or att.cue.entry in lex.thought
    if nestable and any(_reports(other, att.cue.token) for other in attributions):
        return False
    return not _in_question(att.cue.token)


def _indirect(attributions: list[_Attribution], direct: list[_Found]) -> list[_Found]:
    """Reported clauses that are not already direct quotes.

    A cue that introduces a quotation right next to it ("“...,” she said")
    reports that quotation, and a clause mostly made of quotation is the direct
    quote itself; a clause that only embeds a quoted phrase is kept as well."""
    spans = [(f.start, f.end) for f in direct]
    adjacent_cues = {f.cue.token.i for f in direct if f.cue is not None and f.rule.startswith(_ADJACENT_RULES)}
    found = []
    for att in attributions:
        if att.clause is None:
            continue
        (start, end), rule = att.clause
        if att.cue.token.i in adjacent_cues and start < att.cue.token.idx:
            continue  # the clause before "“...,” she said" is the quote; one after it is new: "adding that ..."
        if sum(_overlap((start, end), s) for s in spans) >= _SAME_AS_DIRECT * (end - start):
            continue
        if not _stands_alone(att, attributions):
            continue
        found.append(_Found(start, end, "indirect", f"{rule}:{att.cue.entry}", cue=att.cue, speaker_head=att.subject))
    return found


_LABEL_SEARCH_CHARS = 80  # a label and its colon lie within this many characters of the paragraph start


def _label_statements(doc: Doc) -> list[_Found]:
    """Unquoted statements credited by a label at the head of a paragraph, in
    headline and transcript style: "Lynch: No outside influence on the inquiry"."""
    text = doc_text(doc)
    found = []
    for p_start, p_end in paragraphs(text):
        head_tokens = _tokens_between(doc, p_start, min(p_end, p_start + _LABEL_SEARCH_CHARS))
        colon = next((k for k, t in enumerate(head_tokens) if t.text == ":"), None)
        speaker = _label_head(head_tokens[: colon + 1]) if colon is not None else None
        if speaker is None:
            continue
        start = head_tokens[colon].idx + 1
        while start < p_end and text[start].isspace():
            start += 1
        if start >= p_end or _DOUBLE_MARK.match(text, start):
            continue  # a quotation: the direct pass credits it
        words = [t for t in _tokens_between(doc, start, p_end) if not t.is_punct]
        if len(words) >= 3 and any(t.pos_ in _VERBAL for t in words):
            found.append(_Found(start, p_end, "indirect", "indirect:label", speaker_head=speaker))
    return found


def _outermost(found: list[_Found]) -> list[_Found]:
    """Reported clauses not nested in a longer one: "she said the plan, which he
    called a failure, would pass" is one attribution whose words include the
    nested call; a reader cites the outer clause."""
    return [
        f for f in found
        if not any(g is not f and g.start <= f.start and f.end <= g.end and g.end - g.start > f.end - f.start for g in found)
    ]


# -- the component ------------------------------------------------------------------
def _direct_candidates(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Found]:
    """Pass one: each quotation with the cue found in the clause around it."""
    paras = paragraphs(doc_text(doc))
    found = []
    for k, (start, end) in enumerate(quoted):
        p_start = next((s for s, e in paras if s <= start < e), 0)
        p_end = next((e for s, e in paras if s < end <= e), len(doc_text(doc)))
        floor = max([p_start] + [e for s, e in quoted[:k] if e <= start])
        ceiling = min([p_end] + [s for s, e in quoted[k + 1 :] if s >= end])
        quote = _attribute_direct(doc, start, end, floor, ceiling, after_quote=floor > p_start)
        if quote is not None:
            found.append(quote)
    return found


def _resolve_uncued(doc: Doc, direct: list[_Found], attributions: list[_Attribution]) -> None:
    """Pass two, in reading order: a quote inside a reported clause takes that
    clause's speaker; a quote standing alone continues the speaker named last
    (by a quote or a cue verb) in its paragraph or the one before."""
    para_of = _paragraph_index(doc_text(doc))
    for quote in direct:
        if quote.rule == "embedded":
            host = next(
                (a for a in attributions if a.clause and a.subject is not None
                 and _overlap(a.clause[0], (quote.start, quote.end)) * 2 >= quote.end - quote.start),
                None,
            )
            if host is not None:
                quote.cue, quote.speaker_head = host.cue, host.subject
                quote.rule = f"direct:in-reported-clause:{host.cue.entry}"
            else:
                quote.rule = "direct:unattributed"
        elif quote.rule == "standalone":
            earlier = [(f.end, f.speaker_head) for f in direct if f.end <= quote.start and f.speaker_head is not None]
            earlier += [(a.cue.end.idx, a.subject) for a in attributions if a.cue.end.idx < quote.start and _names_speaker(a)]
            last = max(earlier, key=lambda pair: pair[0], default=None)
            if last is not None and para_of(quote.start) - para_of(last[0]) <= 1:
                quote.speaker_head = last[1]
                quote.rule = "direct:continuation"
            else:
                quote.rule = "direct:unattributed"


# -- partial quotes --------------------------------------------------------------
def _is_partial(doc: Doc, quote: _Found) -> bool:
    """A quoted fragment inside the reporter's own sentence: "X said the plan
    would “do nothing for the economy.”", "what she called a “charade”". It is
    not a statement on its own; the attribution is the reported clause that
    holds it. A quote that is the whole of what the cue reports ("conceded
    “there’s still work”") stays direct."""
    if quote.rule.startswith(("direct:cue-governs", "direct:in-reported-clause")):
        return True
    if quote.rule == "direct:unattributed" and quote.sentence_start is not None:
        return True  # inside a sentence, with no cue anywhere
    if _sentence_goes_on(doc_text(doc), quote.start, quote.end):
        return True  # the reporter's sentence goes on: called it “a sad day” in a post on ...
    if quote.sentence_start is None:
        return False
    text = doc_text(doc)
    first_letter = next((c for c in text[quote.start : quote.end] if c.isalpha()), "")
    if first_letter.isupper() and _right_after_cue(text, quote):
        return False  # the whole of what was said: declared “What a night!”, a sign that read “No entry”
    root = _quote_root(doc, quote.start, quote.end)
    if root is not None and root.pos_ not in _VERBAL and text[: quote.start].rstrip()[-1:] not in {":", ","}:
        return True  # a verbless phrase in the reporter's sentence: what she called “a charade”
    return first_letter.islower() and _clause_start(doc, quote) < quote.start


_CLOSING_PUNCT = set(".,;:!?…") | _DASHES


def _right_after_cue(text: str, quote: _Found) -> bool:
    """The opening mark follows the cue word itself, with at most a comma or colon between."""
    if quote.cue is None or not quote.rule.startswith("direct:cue-before"):
        return False
    cue_end = quote.cue.end.idx + len(quote.cue.end)
    return cue_end <= quote.start and not text[cue_end : quote.start].strip(" ,:\xa0\n")


def _sentence_goes_on(text: str, start: int, end: int) -> bool:
    """The words after a closing mark carry on the clause the quotation is part
    of ("said “we have the momentum” after the vote"): the quotation ends
    without punctuation and a lower-case word follows."""
    inner = text[start:end].rstrip("”\"’' ")
    after = text[end : end + 40].lstrip(" \xa0")
    return bool(inner) and inner[-1] not in _CLOSING_PUNCT and after[:1].isalpha() and after[:1].islower()


def _partial_attributions(doc: Doc, partial: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """Fold each partial quote into the reported clause that holds it, or make
    that clause from the quote and the words of its clause before the mark
    ("Both parties “saw Burma as a buffer,” said Cha"). A fragment nobody is
    said to have spoken is dropped."""
    added: list[_Found] = []
    for quote in partial:
        host = next((f for f in indirect + added if _overlap((f.start, f.end), (quote.start, quote.end)) * 2 >= quote.end - quote.start), None)
        if host is not None:
            host.start, host.end = min(host.start, quote.start), max(host.end, quote.end)
            if not host.rule.endswith("+quote"):
                host.rule += "+quote"
            continue
        if quote.cue is None and quote.speaker_head is None:
            continue
        start = _clause_start(doc, quote)
        entry = quote.cue.entry if quote.cue else quote.rule.split(":", 1)[-1]
        added.append(_Found(start, quote.end, "indirect", f"indirect:partial-quote:{entry}", cue=quote.cue, speaker_head=quote.speaker_head))
    return added


def _clause_start(doc: Doc, quote: _Found) -> int:
    """Where the clause holding the quote begins before its opening mark: the
    left edge of the quote's head word, climbing to the words it completes
    ("The summit achieved “too little,” he said"), within the sentence and after
    a cue that precedes it."""
    root = _quote_root(doc, quote.start, quote.end)
    if root is None or quote.sentence_start is None:
        return quote.start
    cue_at = quote.cue.token.i if quote.cue is not None else -1
    while root.head.i not in (root.i, cue_at) and quote.sentence_start <= root.head.idx < quote.start:
        root = root.head
    left = root.left_edge
    while left.i < root.i and (left.is_punct or left.is_space or left.text in _QUOTE_TOKENS):
        left = doc[left.i + 1]
    if quote.cue is not None and quote.cue.end.idx < quote.start and left.i <= quote.cue.end.i:
        return quote.start
    return left.idx if quote.sentence_start <= left.idx < quote.start else quote.start


def _names_speaker(attribution: _Attribution) -> bool:
    """A cue verb whose subject is a name or a personal pronoun: "Smith said"."""
    subject = attribution.subject
    return (
        subject is not None
        and attribution.cue.entry in cue_lexicon().speech
        and (subject.pos_ == "PROPN" or subject.lower_ in _NOMINATIVE)
    )


def _paragraph_index(text: str):
    starts = [s for s, _ in paragraphs(text)]
    return lambda offset: bisect.bisect_right(starts, offset)


@component("quotes")
def find_quotes(analysis: Analysis) -> None:
    doc = analysis.doc
    quoted = quoted_spans(analysis.text)
    direct = _direct_candidates(doc, quoted)
    for quote in direct:
        if quote.cue is not None:
            quote.speaker_head = _subject(quote.cue, quoted)
    attributions = _attributions(doc, quoted)
    _resolve_uncued(doc, direct, attributions)
    partial = [q for q in direct if _is_partial(doc, q)]
    direct = [q for q in direct if all(q is not p for p in partial)]
    indirect = _indirect(attributions, direct)
    indirect += _partial_attributions(doc, partial, indirect)
    indirect = _outermost(indirect + _label_statements(doc))
    found = sorted(direct + indirect, key=lambda f: (f.start, f.end))
    for quote in found:
        if quote.cue is not None:
            quote.addressee_head = _addressee(quote.cue, quoted)
    analysis.quotes = [_record(analysis, n, f) for n, f in enumerate(found, 1)]


def _record(analysis: Analysis, n: int, found: _Found) -> Quote:
    return Quote(
        id=f"Q{n}",
        kind=found.kind,
        text=analysis.text[found.start : found.end],
        start=found.start,
        end=found.end,
        speaker=make_speaker(analysis, found.speaker_head) if found.speaker_head is not None else None,
        cue=found.cue.trigger if found.cue else None,
        addressee=make_speaker(analysis, found.addressee_head) if found.addressee_head is not None else None,
        rule=found.rule,
    )
