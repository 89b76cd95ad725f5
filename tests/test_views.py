"""Cached views of a parsed Doc: the same answers as spaCy's own attributes."""

from __future__ import annotations

from dragoman.annotate.nlp import parse
from dragoman.annotate.views import doc_text, lower_words, sentence_of, sentences, token_texts


def test_views_answer_as_spacy_does():
    doc = next(parse(["The Minister said TWO hundred people left.\n\nA second paragraph follows here."]))
    assert doc_text(doc) == doc.text
    assert lower_words(doc) == [t.lower_ for t in doc]
    assert token_texts(doc) == [t.text for t in doc]
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert all(sentence_of(t) == t.sent for t in doc)


def test_views_are_kept_per_doc():
    first, second = parse(["One text here.", "Another, different one."])
    assert lower_words(first) is lower_words(first)
    assert lower_words(second) == [t.lower_ for t in second]
