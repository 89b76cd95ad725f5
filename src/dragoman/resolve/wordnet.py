"""A reader of the WordNet 3.0 database files, for build-time aids only.

Debian's `wordnet-base` installs the database in /usr/share/wordnet: for each part of
speech a `data.POS` file of synsets (their lemmas and pointers to other synsets) and an
`index.POS` file listing each lemma's senses, most frequent first; `noun.exc` holds the
irregular plurals. Nothing here runs when dragoman reads articles: role_nouns_build
generates data/role_nouns.yaml with it, and its command line drafts the noun classes of
data/lexicon/noun_classes.yaml, which are then reviewed by hand and committed as data:

    python -m dragoman.resolve.wordnet weapon.n.01 military_unit.n.01
    python -m dragoman.resolve.wordnet --first weapon.n.01   # only words whose
                                                            # commonest sense is there
    python -m dragoman.resolve.wordnet --derived v:withdraw  # nouns derived from a verb

(`--wordnet DIR` reads another database directory.)
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

DEFAULT_WORDNET = Path("/usr/share/wordnet")
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}  # part of speech -> file suffix
_HYPONYM = ("~", "~i")  # kinds of the synset, and its instances
_DERIVED = "+"  # derivationally related form ("withdraw" -> "withdrawal")
_DOTTED = re.compile(r"(.+)\.([nvar])\.(\d+)")  # "weapon.n.01"


@dataclass(frozen=True)
class Synset:
    """One synset of data.POS: its lexicographer file, lemmas as written (case kept,
    words joined by "_"), and pointers as (symbol, target offset, target part of speech)."""

    lexfile: int
    lemmas: tuple[str, ...]
    pointers: tuple[tuple[str, str, str], ...]


class WordNet:
    """A WordNet 3.0 database directory; each part of speech is read on first use."""

    def __init__(self, directory: Path = DEFAULT_WORDNET) -> None:
        self.directory = Path(directory)
        self._synsets: dict[str, dict[str, Synset]] = {}
        self._senses: dict[str, dict[str, list[str]]] = {}
        self._plurals: dict[str, list[str]] | None = None

    def synsets(self, pos: str = "n") -> dict[str, Synset]:
        """offset -> synset for a part of speech ("n", "v", "a", "r")."""
        if pos not in self._synsets:
            self._synsets[pos] = dict(_parse_synset(line) for line in self._lines(f"data.{_FILES[pos]}"))
        return self._synsets[pos]

    def senses(self, lemma: str, pos: str = "n") -> list[str]:
        """The synset offsets of lemma ("police_officer"), most frequent first; [] if unknown."""
        if pos not in self._senses:
            self._senses[pos] = dict(_parse_index(line) for line in self._lines(f"index.{_FILES[pos]}"))
        return self._senses[pos].get(lemma, [])

    def first_sense(self, lemma: str, pos: str = "n") -> str | None:
        """The offset of lemma's most frequent sense (WordNet lists senses by frequency)."""
        senses = self.senses(lemma, pos)
        return senses[0] if senses else None

    def sense(self, spec: str, pos: str = "n") -> str:
        """The offset of "lemma#N" (the N-th most frequent sense; plain "lemma" is the first)
        or of "lemma.p.NN" (the NN-th sense, as in "weapon.n.01"), a sense of part of speech pos."""
        dotted = _DOTTED.fullmatch(spec)
        lemma, _, number = dotted.groups() if dotted and dotted[2] == pos else spec.partition("#")
        try:
            index = int(number or 1) - 1
            if index < 0:
                raise ValueError
            return self.senses(lemma.replace(" ", "_"), pos)[index]
        except (IndexError, ValueError):
            kind = _FILES[pos]
            raise ValueError(f"no WordNet {kind} sense {spec!r} (write lemma#N or lemma.{pos}.NN)") from None

    def tree(self, offset: str, pos: str = "n") -> set[str]:
        """The synset and all its hyponyms and instances, however deep."""
        synsets = self.synsets(pos)
        seen: set[str] = set()
        stack = [offset]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(target for symbol, target, target_pos in synsets[current].pointers
                             if symbol in _HYPONYM and target_pos == pos)
        return seen

    def derived(self, offset: str, pos: str, target_pos: str) -> list[str]:
        """Offsets of the target_pos synsets the synset links to by derivation ('+')."""
        return [target for symbol, target, to in self.synsets(pos)[offset].pointers
                if symbol == _DERIVED and to == target_pos]

    def plurals(self, singular: str) -> list[str]:
        """The irregular plurals noun.exc gives for a noun lemma ("thief" -> ["thieves"])."""
        if self._plurals is None:
            self._plurals = {}
            for line in self._lines("noun.exc"):
                plural, singular_form = line.split()[:2]
                self._plurals.setdefault(singular_form, []).append(plural)
        return self._plurals.get(singular, [])

    def _lines(self, name: str) -> Iterable[str]:
        path = self.directory / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: not a WordNet 3.0 database file (install Debian's wordnet-base)")
        with path.open(encoding="latin-1") as handle:
            yield from (line for line in handle if not line.startswith(" "))  # licence header lines


def _parse_synset(line: str) -> tuple[str, Synset]:
    """offset lexfile pos word_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]... | gloss"""
    fields = line.partition(" | ")[0].split()
    count = int(fields[3], 16)
    lemmas = tuple(fields[4 + 2 * i] for i in range(count))
    at = 4 + 2 * count
    pointers = tuple(tuple(fields[at + 1 + 4 * i: at + 4 + 4 * i]) for i in range(int(fields[at])))
    return fields[0], Synset(int(fields[1]), lemmas, pointers)


def _parse_index(line: str) -> tuple[str, list[str]]:
    """lemma pos synset_cnt p_cnt [symbol]... sense_cnt tagsense_cnt [offset]... (by frequency)"""
    fields = line.split()
    count, pointers = int(fields[2]), int(fields[3])
    return fields[0], fields[6 + pointers: 6 + pointers + count]


def nouns_under(wordnet: WordNet, names: list[str], first_only: bool) -> list[str]:
    """The single-word nouns filed under the named synsets (lower case); with first_only,
    only those whose commonest sense is there."""
    inside: set[str] = set()
    for name in names:
        inside |= wordnet.tree(wordnet.sense(name))
    synsets = wordnet.synsets("n")
    words = {w.lower() for o in inside for w in synsets[o].lemmas if w.isalpha()}
    if first_only:
        words = {w for w in words if wordnet.first_sense(w) in inside}
    return sorted(words)


def derived_nouns(wordnet: WordNet, verb: str) -> list[str]:
    """Single-word nouns WordNet links to any sense of the verb by derivation ('+'), lower case."""
    nouns = wordnet.synsets("n")
    return sorted({w.lower() for offset in wordnet.senses(verb, "v") for target in wordnet.derived(offset, "v", "n")
                   for w in nouns[target].lemmas if w.isalpha()})


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Print the single-word nouns WordNet files under given synsets.")
    parser.add_argument("names", nargs="+", help="synsets (weapon.n.01) or v:VERB with --derived")
    parser.add_argument("--first", action="store_true", help="commonest sense only")
    parser.add_argument("--derived", action="store_true", help="nouns derived from verbs")
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET, help="database directory")
    args = parser.parse_args(argv)
    wordnet = WordNet(args.wordnet)
    try:
        if args.derived:
            for name in args.names:
                print(name.removeprefix("v:"), " ".join(derived_nouns(wordnet, name.removeprefix("v:"))))
        else:
            print(" ".join(nouns_under(wordnet, args.names, args.first)))
    except (ValueError, FileNotFoundError) as error:
        parser.error(str(error))


if __name__ == "__main__":
    main(sys.argv[1:])
