"""Views of a parsed Doc that stay fast on long documents.

spaCy's `Doc.text`, `Doc.sents` and `Token.sent` rebuild their answer from
every token on each call, which made them the largest cost of the pipeline.
Each is computed once per Doc here and cached in `doc.user_data`.

The cached sentences are Spans, which refer back to their Doc: a reference cycle
that only Python's full garbage collection frees, and that runs rarely in a process
holding the gazetteer. `release` drops the views once a Doc is done with.
"""

from __future__ import annotations

import bisect
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "dragoman_sentences"
_TEXT_KEY = "dragoman_text"
_LOWER_KEY = "dragoman_lower_words"
_LEMMAS_KEY = "dragoman_lower_lemmas"
_TEXTS_KEY = "dragoman_token_texts"
_TOKENS_KEY = "dragoman_tokens"
_SPANS_KEY = "dragoman_spans_at"
_ENTS_KEY = "dragoman_ents"
_POS_KEY = "dragoman_pos"
_ENT_TYPES_KEY = "dragoman_ent_types"
_STORY_KEY = "dragoman_story_sentences"


def doc_text(doc: "Doc") -> str:
    """The document's text (same as `doc.text`, which joins the tokens it builds anew)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(token.text_with_ws for token in doc_tokens(doc))
    return text


def keep_text(doc: "Doc", text: str) -> None:
    """Give `doc_text` the text the Doc was parsed from: spaCy's tokens keep every
    character, so it is the same string, and joining the tokens again cost 3% of
    the steps' time (bench/throughput.py texts)."""
    doc.user_data[_TEXT_KEY] = text


def doc_tokens(doc: "Doc") -> list["Token"]:
    """The doc's tokens, by index (same as `list(doc)`): `for token in doc` and `doc[i]`
    build a new Token object each time, and the steps walking the whole doc built
    ~1.8M of them per 60 articles."""
    cached = doc.user_data.get(_TOKENS_KEY)
    if cached is None:
        cached = doc.user_data[_TOKENS_KEY] = list(doc)
    return cached


def span_tokens(span: "Span") -> list["Token"]:
    """The span's tokens (same as `list(span)`), from the doc's cached ones."""
    return doc_tokens(span.doc)[span.start : span.end]


def _token_column(doc: "Doc", key: str, read: Callable[["Token"], str]) -> list[str]:
    """One value per token, by token index, read once per Doc and kept under `key`."""
    column = doc.user_data.get(key)
    if column is None:
        column = doc.user_data[key] = [read(token) for token in doc_tokens(doc)]
    return column


def lower_words(doc: "Doc") -> list[str]:
    """Every token's `lower_`, by token index: reading them through `doc[i]` builds a
    Token object each time, which phrase look-ups at every token made costly."""
    return _token_column(doc, _LOWER_KEY, attrgetter("lower_"))


def lower_lemmas(doc: "Doc") -> list[str]:
    """Every token's lemma in lower case, by token index: the event coder reads each
    token's again for triggers, then a sentence's for every event's context cues."""
    return _token_column(doc, _LEMMAS_KEY, lambda token: token.lemma_.lower())


def token_texts(doc: "Doc") -> list[str]:
    """Every token's text, by token index (see `lower_words`)."""
    return _token_column(doc, _TEXTS_KEY, attrgetter("text"))


def pos_tags(doc: "Doc") -> list[str]:
    """Every token's `pos_`, by token index (see `lower_words`): a filter on the part of
    speech over every sentence's tokens reads it from here, not through a Token each time."""
    return _token_column(doc, _POS_KEY, attrgetter("pos_"))


def ent_types(doc: "Doc") -> list[str]:
    """Every token's `ent_type_` ("" outside an entity), by token index (see `pos_tags`)."""
    return _token_column(doc, _ENT_TYPES_KEY, attrgetter("ent_type_"))


def span_at(doc: "Doc", start: int, end: int) -> Optional["Span"]:
    """The tokens covering characters [start, end), widened to whole tokens (same as
    `doc.char_span(start, end, alignment_mode="expand")`), kept per Doc: the steps ask
    again for the same entities, dates and places (the events step at every trigger)."""
    spans = doc.user_data.get(_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[_SPANS_KEY] = {}
    key = (start, end)
    if key not in spans:
        spans[key] = doc.char_span(start, end, alignment_mode="expand")
    return spans[key]


def doc_ents(doc: "Doc") -> tuple["Span", ...]:
    """spaCy's entities (same as `doc.ents`, which builds every entity's Span anew on
    each reading): the steps read them again per article, and per token looked at."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = doc.ents
    return ents


def sentences(doc: "Doc") -> list["Span"]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = list(doc.sents)
    return cached


def story_sentences(doc: "Doc") -> list["Span"]:
    """The sentences, each with the dateline the parse cut off before it on its line
    ("ROME (AP) - " in "ROME (AP) - Police said ..."): the story tells one sentence there,
    whose scene the dateline's place may set."""
    from ..resolve.dateline import dateline_end

    cached = doc.user_data.get(_STORY_KEY)
    if cached is None:
        text, stories = doc_text(doc), []
        for sent in sentences(doc):
            before = stories[-1] if stories else None
            if before is not None and _dateline_alone(before, dateline_end(text, before.start_char)) and (
                    "\n" not in text[before.end_char:sent.start_char]):
                stories[-1] = doc[before.start:sent.end]
            else:
                stories.append(sent)
        cached = doc.user_data[_STORY_KEY] = (stories, [s.start for s in stories])
    return cached[0]


def _dateline_alone(sent: "Span", dateline_ends: int) -> bool:
    """Whether the sentence holds nothing but a dateline ending at `dateline_ends` (spaces
    and dashes aside: "COLUMBIA ---", "MOSCOW (AP)_")."""
    from ..resolve.dateline import DASHES

    return dateline_ends > sent.start_char and all(
        t.idx < dateline_ends or t.is_space or not t.text.strip(DASHES) for t in sent)


def with_dateline(sent: "Span") -> "Span":
    """The story sentence holding a parse sentence: itself, or it with its dateline."""
    stories = story_sentences(sent.doc)
    starts = sent.doc.user_data[_STORY_KEY][1]
    return stories[bisect.bisect_right(starts, sent.start) - 1]


def sentence_number(doc: "Doc", start: int) -> int:
    """The place (1 for the first) of the sentence starting at character `start`, among the
    document's story sentences each cut at its line breaks (a headline line is a sentence of
    its own, even when the parser runs it into the paragraph); lines of spaces only count none."""
    starts = doc.user_data.get(_KEY + "_lines")
    if starts is None:
        text = doc_text(doc)
        starts = []
        for sent in story_sentences(doc):
            piece = sent.start_char
            for line in text[sent.start_char:sent.end_char].split("\n"):
                if line.strip():
                    starts.append(piece)
                piece += len(line) + 1
        doc.user_data[_KEY + "_lines"] = starts
    return max(bisect.bisect_right(starts, start), 1)


def sentence_of(token: "Token") -> "Span":
    """The sentence holding a token (same result as `token.sent`)."""
    sents = sentences(token.doc)
    starts = token.doc.user_data.get(_KEY + "_starts")
    if starts is None:
        starts = token.doc.user_data[_KEY + "_starts"] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, token.i) - 1]


def release(doc: "Doc") -> None:
    """Drop the cached views, so that the Doc (its arrays and tensor) is freed as soon
    as the last reference to it goes, not at the next full garbage collection: a long
    run otherwise held hundreds of MB of finished Docs (bench/memory.py)."""
    for key in (_KEY, _KEY + "_starts", _TEXT_KEY, _LOWER_KEY, _LEMMAS_KEY, _TEXTS_KEY, _TOKENS_KEY, _SPANS_KEY, _ENTS_KEY,
                _POS_KEY, _ENT_TYPES_KEY, _STORY_KEY):
        doc.user_data.pop(key, None)
