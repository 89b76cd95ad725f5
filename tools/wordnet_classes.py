"""Print the single-word nouns WordNet files under given synsets (build-time aid).

Reads the WordNet 3.0 database that Debian's `wordnet-base` installs in
/usr/share/wordnet; nothing here runs inside dragoman. Used to draft the noun
classes of src/dragoman/data/lexicon/noun_classes.yaml, which are then reviewed
by hand and committed as data:

    python3 tools/wordnet_classes.py weapon.n.01 military_unit.n.01
    python3 tools/wordnet_classes.py --first weapon.n.01   # only words whose
                                                          # commonest sense is there
    python3 tools/wordnet_classes.py --derived v:withdraw  # nouns derived from a verb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")


def _read(pos: str) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(lemma -> synset offsets by frequency, offset -> synset) for 'noun' or 'verb'."""
    index: dict[str, list[str]] = {}
    for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        n_senses, n_ptrs = int(parts[2]), int(parts[3])
        index[parts[0]] = parts[6 + n_ptrs: 6 + n_ptrs + n_senses]
    synsets: dict[str, dict] = {}
    for line in (WORDNET / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        n_words = int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        n_ptrs = int(parts[at])
        ptrs = [tuple(parts[at + 1 + 4 * i: at + 5 + 4 * i]) for i in range(n_ptrs)]
        synsets[parts[0]] = {"words": words, "ptrs": ptrs, "gloss": gloss}
    return index, synsets


def _synset(name: str, index: dict[str, list[str]]) -> str:
    lemma, _, number = name.rsplit(".", 2)
    return index[lemma][int(number) - 1]


def _below(offset: str, synsets: dict[str, dict]) -> set[str]:
    """The synset and every hyponym (and instance) under it."""
    seen, todo = set(), [offset]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo += [p[1] for p in synsets[current]["ptrs"] if p[0] in ("~", "~i") and p[2] == "n"]
    return seen


def nouns_under(names: list[str], first_only: bool) -> list[str]:
    index, synsets = _read("noun")
    inside: set[str] = set()
    for name in names:
        inside |= _below(_synset(name, index), synsets)
    words = {w for o in inside for w in synsets[o]["words"] if w.isalpha()}
    if first_only:  # the word's commonest sense must be in the class
        words = {w for w in words if index.get(w, [None])[0] in inside}
    return sorted(words)


def derived_nouns(verb: str) -> list[str]:
    """Nouns WordNet links to any sense of the verb by derivation ('+')."""
    v_index, v_synsets = _read("verb")
    _, n_synsets = _read("noun")
    found = set()
    for offset in v_index.get(verb, []):
        for symbol, target, pos, _ in v_synsets[offset]["ptrs"]:
            if symbol == "+" and pos == "n":
                found.update(w for w in n_synsets[target]["words"] if w.isalpha())
    return sorted(found)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="synsets (weapon.n.01) or v:VERB with --derived")
    parser.add_argument("--first", action="store_true", help="commonest sense only")
    parser.add_argument("--derived", action="store_true", help="nouns derived from verbs")
    args = parser.parse_args(argv)
    if args.derived:
        for name in args.names:
            print(name.removeprefix("v:"), " ".join(derived_nouns(name.removeprefix("v:"))))
    else:
        print(" ".join(nouns_under(args.names, args.first)))


if __name__ == "__main__":
    main(sys.argv[1:])
