"""Which articles are not in English: dragoman's lexicons and model read English only.

The identifier is py3langid (langid.py's model of 97 languages, shipped inside the
package: nothing is downloaded). An article is set aside only when another language is
clearly identified: probability at least `MIN_CONFIDENCE` over the first `SAMPLE_CHARS`
characters, which hold at least `MIN_LETTERS` letters. When in doubt (a short note, a
table of figures, mixed text) the article is kept: extracting a foreign text costs a
little noise, skipping an English one loses it.

Measured (bench/ingest_screen.py): all 840 English PolNeAR training articles are kept
(lowest English probability 0.93), and so are the 597 IPE documents (lowercased Indian
news), 513 CASE 2021 snippets and the 428 texts of the actors, event_location and rne
sets; 1.2-2.4 ms per article on the first 2,000 characters; the model loads once, in
about 0.7 s, on the first article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

ENGLISH = "en"
SAMPLE_CHARS = 2_000  # longer samples were no more accurate on news text and cost twice the time
MIN_LETTERS = 40  # fewer letters than a sentence: too little to tell
MIN_CONFIDENCE = 0.9


class Language(NamedTuple):
    code: str  # ISO 639-1, as py3langid names it ("fr", "de")
    probability: float


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> Language:
    """The most probable language of the start of `text`."""
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return Language(code, float(probability))


def foreign_language(text: str) -> Optional[Language]:
    """The language of a text clearly not in English, or None to keep the text."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    found = identify(sample)
    if found.code == ENGLISH or found.probability < MIN_CONFIDENCE:
        return None
    return found
