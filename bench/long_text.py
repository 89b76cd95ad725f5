"""Time and peak memory of one very long article through the whole pipeline.

Builds an invented transcript-like text of --chars characters (paragraphs of
made-up council and ministry news, varied by number) and runs the pipeline on
it, so the cost of parsing in pieces (`annotate.nlp.PIECE_CHARS`) can be seen.
--single-line joins the paragraphs with spaces into one line. --parse-only times
spaCy alone; with --whole too, in one piece (nlp.max_length raised) to compare.
The text goes to the pipeline as an Article built directly, past the readers'
MAX_TEXT_CHARS, since measuring past that limit is the point.

    python bench/long_text.py [--chars 1000000] [--single-line] [--parse-only [--whole]]
"""

from __future__ import annotations

import argparse
import resource
import time

PARAGRAPHS = (
    "The harbour council of Valdoria met on Tuesday to discuss the dredging contract number {n}. "
    "Its chair, Marta Ellison, said the vote would be delayed by {k} weeks.",
    "Ministers from Norway and Chile signed a fisheries agreement in Santiago, pledging {n} million dollars "
    "to monitor quotas over the next {k} years.",
    "\"We will not accept another postponement,\" a spokesman for the dock workers' union told reporters "
    "outside the port authority building.",
    "Police in Lyon arrested {k} protesters after a march against the closure of rail depot {n} turned violent "
    "late on Friday evening.",
    "The United Nations envoy, Samuel Achebe, arrived in Nairobi on {k} March to mediate between the two "
    "parties, whose talks broke down last year.",
    "Speaker {k}: Thank you. Let me turn to item {n} on the agenda, the budget for flood defences in the "
    "eastern districts, which has grown by {k} percent.",
)


def long_text(chars: int, single_line: bool) -> str:
    parts, size, n = [], 0, 0
    while size < chars:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)].format(n=n, k=n % 17 + 2)
        parts.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    return (" " if single_line else "\n\n").join(parts)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--single-line", action="store_true")
    parser.add_argument("--parse-only", action="store_true")
    parser.add_argument("--whole", action="store_true", help="with --parse-only: one piece, not several")
    args = parser.parse_args()
    if args.parse_only:
        return parse_only(long_text(args.chars, args.single_line), args.whole)

    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    pipeline = Pipeline()
    pipeline.analyse(Article(id="warm", text=PARAGRAPHS[0].format(n=1, k=2), published="2024-03-22"))  # tables
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    article = Article(id="long", text=long_text(args.chars, args.single_line), published="2024-03-22")
    start = time.perf_counter()
    record = pipeline.analyse(article).to_record()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{len(article.text):,} chars: {seconds:.1f} s, peak RSS {peak / 1024:.0f} MB "
          f"(warm process {before / 1024:.0f} MB); {len(record.events)} events, {len(record.quotes)} quotes, "
          f"{len(record.actors)} actors, {len(record.places)} places")


def parse_only(text: str, whole: bool) -> None:
    from dragoman.annotate import nlp

    nlp.load_nlp()
    if whole:
        nlp.PIECE_CHARS = nlp.load_nlp().max_length = len(text) + 1
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    doc = next(nlp.parse([text]))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pieces = len(nlp.split_text(text, nlp.PIECE_CHARS))
    print(f"parse {len(text):,} chars in {pieces} piece(s): {seconds:.1f} s, peak RSS {peak / 1024:.0f} MB "
          f"(loaded model {before / 1024:.0f} MB); {len(doc):,} tokens, {len(doc.ents):,} entities")


if __name__ == "__main__":
    main()
