"""Reported clauses: what a cue verb, a statement noun or a label attributes without
quotation marks, and how those indirect attributions meet the direct quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from ...annotate.views import doc_text, doc_tokens, sentence_of
from .cues import _VERBAL, Cue, _is_source_cue, clause_cue, cue_lexicon, cue_positions
from .direct import _clause_start, _Found, _label_head
from .marks import (
    _DOUBLE_MARK,
    _QUOTE_TOKENS,
    _inside,
    _inside_merged,
    _merged,
    _paragraph_index,
    _tokens_between,
    paragraphs,
)
from .speakers import _NOMINATIVE, _subject

_ADJACENT_RULES = ("direct:cue-after", "direct:cue-before")
_SAME_AS_DIRECT = 0.6  # share of a reported clause inside quotation marks that makes it the direct quote
# subordinators of a clause that is the reporter's comment, not the speaker's words
_CONCESSIVE = {"although", "though", "while", "whereas"}
# plans, demands and beliefs inside someone's reported words belong to those
# words: "she said she plans to go" is one attribution, not two
_NESTED_RULES = {"indirect:intention", "indirect:xcomp"}


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
    tokens = doc_tokens(doc)
    for i in cue_positions(doc):
        token = tokens[i]
        cue = clause_cue(token)  # None at most words, so tested before the quotations
        if cue is not None and not _inside_merged(token, merged):
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


def _names_speaker(attribution: _Attribution) -> bool:
    """A cue verb whose subject is a name or a personal pronoun: "Smith said"."""
    subject = attribution.subject
    return (
        subject is not None
        and attribution.cue.entry in cue_lexicon().speech
        and (subject.pos_ == "PROPN" or subject.lower_ in _NOMINATIVE)
    )
