"""Cached views of a parsed Doc: the same answers as spaCy's own attributes."""

from __future__ import annotations

from dragoman.annotate.nlp import parse
from dragoman.annotate.views import doc_text, doc_tokens, lower_words, sentence_of, sentences, span_tokens, token_texts


def test_views_answer_as_spacy_does():
    doc = next(parse(["The Minister said TWO hundred people left.\n\nA second paragraph follows here."]))
    assert doc_text(doc) == doc.text
    assert lower_words(doc) == [t.lower_ for t in doc]
    assert token_texts(doc) == [t.text for t in doc]
    assert doc_tokens(doc) == list(doc) and [t.idx for t in doc_tokens(doc)] == [t.idx for t in doc]
    assert all(span_tokens(s) == list(s) for s in doc.sents)
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert all(sentence_of(t) == t.sent for t in doc)


def test_the_parsed_text_is_the_docs_text_whitespace_and_pieces_alike(monkeypatch):
    """`parse` hands its text to `doc_text` rather than joining the tokens again:
    both must be the same string, with odd spacing and for a text parsed in pieces."""
    import dragoman.annotate.nlp as nlp

    spaced = "  Talks  resumed\t on Friday .\n\n\nThe envoy   left.  "
    long = " ".join(f"Delegates met in the capital on day {i}." for i in range(40))
    monkeypatch.setattr(nlp, "PIECE_CHARS", 300)
    for text, doc in zip([spaced, long], parse([spaced, long])):
        assert doc_text(doc) == text == doc.text == "".join(t.text_with_ws for t in doc)


def test_views_are_kept_per_doc():
    first, second = parse(["One text here.", "Another, different one."])
    assert lower_words(first) is lower_words(first)
    assert lower_words(second) == [t.lower_ for t in second]


def test_records_leave_no_parsed_doc_for_the_garbage_collector():
    """Cached sentence Spans refer back to their Doc; `records` releases the views, so a
    finished Doc is freed at once rather than at a rare full collection (a long run held
    hundreds of MB of them)."""
    import gc

    from spacy.tokens import Doc

    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    pipeline = Pipeline()
    texts = ["The minister said on Monday that talks in Geneva would resume.",
             "Police in Lagos arrested two men after the protest, officials said."]
    articles = [Article(id=f"a{i}", text=t, published="2024-03-22") for i, t in enumerate(texts)]

    def live_docs() -> int:
        return sum(isinstance(o, Doc) for o in gc.get_objects())

    gc.collect()
    gc.disable()
    try:
        before = live_docs()
        records = list(pipeline.records(articles))
        assert live_docs() == before
    finally:
        gc.enable()
    assert [r.id for r in records] == ["a0", "a1"]
