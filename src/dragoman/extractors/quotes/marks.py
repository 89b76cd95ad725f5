"""Quotation marks in the text: where quotes open and close, paragraphs, and offset look-ups."""

from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...annotate.views import span_at, span_tokens

_OPEN_DOUBLES, _CLOSE_DOUBLE = {"“", "``"}, "”"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘", "’"
# double quotation marks; '' and `` are the typewriter pairs some wires still use
_DOUBLE_MARK = re.compile(r"[“”\"]|''|``")
_QUOTE_TOKENS = {"“", "”", '"', "‘", "’", "``", "''"}
_SENTENCE_FINAL = {".", "!", "?"}
_DASHES = {"—", "–", "―", "-", "--"}


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


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = span_at(doc, start, end) if end > start else None
    if span is None:
        return []
    return [t for t in span_tokens(span) if not t.is_space and t.idx >= start and t.idx + len(t) <= end]


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


def _paragraph_index(text: str):
    starts = [s for s, _ in paragraphs(text)]
    return lambda offset: bisect.bisect_right(starts, offset)
