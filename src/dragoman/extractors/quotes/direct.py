"""Direct quotes: attributing a span in quotation marks by the clause around it, and
telling a partial quote (a fragment in the reporter's sentence) from a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ...annotate.views import doc_text
from .cues import _VERBAL, Cue, cue_lexicon, speech_cue
from .marks import _DASHES, _QUOTE_TOKENS, _SENTENCE_FINAL, _tokens_between, paragraphs
from .speakers import _NOMINATIVE

# parts of speech that may stand between a cue verb and the quote it introduces
# ("told CNN “...”", "called on Israel “...”", "said in a statement: “...”")
_BRIDGE_POS = {"PROPN", "NOUN", "PRON", "DET", "ADP", "ADJ", "NUM", "PART", "ADV", "PUNCT", "CCONJ", "SPACE"}
# a quote right after one of these is inside a noun phrase: "an “immediate ceasefire”",
# or coordinated with an earlier one: "as “too loud” or “too shrill”"
_NOUN_PHRASE_POS = {"DET", "ADP", "ADJ", "NUM", "CCONJ"}
_SCARE_MAX_WORDS = 5
_MAX_SPEAKER_GAP = 25  # tokens between a closing mark and a cue verb after it
# dependencies of words inside a speaker's apposition or relative clause
_MODIFIER_DEPS = {"acl", "relcl", "amod", "appos"}


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
