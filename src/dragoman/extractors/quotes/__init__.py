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

from ...analysis import Analysis
from ...pipeline import component
from ...records import Quote
from .direct import _direct_candidates, _Found, _is_partial
from .marks import quoted_spans
from .reported import (
    _attributions,
    _indirect,
    _label_statements,
    _outermost,
    _partial_attributions,
    _resolve_uncued,
)
from .speakers import _addressee, _subject, make_speaker


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
