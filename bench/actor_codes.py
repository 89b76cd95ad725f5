"""Cost of coding actor strings (`dragoman actor`), after the tables are loaded.

Codes N actor phrases built from role words, demonyms, place names and organisation
heads of our own (no evaluation data), all distinct so no cache helps, and prints the
load time and the coding time. The issue's bar: 1,000 strings in under 2 s of work.

    python bench/actor_codes.py [--count N]
"""

from __future__ import annotations

import argparse
import itertools
import time

_MODIFIERS = ["", "Kenyan ", "Peruvian ", "the Lagos State ", "three ", "former ", "Basra ", "opposition "]
_HEADS = ["soldiers", "police chief", "magistrate", "Oil Company", "Assembly", "smugglers", "archdeacon",
          "Liberation Front", "spokesman for the army", "Foreign Minister Ana Ruiz", "dockworkers", "He Lin"]
_TAILS = ["", " in Kano", " of the Ministry of Health", " from Aleppo"]


def phrases(count: int) -> list[str]:
    """`count` distinct actor phrases (numbered once the combinations run out)."""
    combos = [f"{m}{h}{t}".strip() for m, h, t in itertools.product(_MODIFIERS, _HEADS, _TAILS)]
    return [combos[i % len(combos)] + (f" {i // len(combos)}" if i >= len(combos) else "") for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    started = time.perf_counter()
    from dragoman.resolve.actor_codes import code_actor

    code_actor("Shanghai authorities")  # the gazetteer loads on first use of a place name
    loaded = time.perf_counter() - started
    texts = phrases(args.count)
    started = time.perf_counter()
    coded = sum(code_actor(text).sector is not None for text in texts)
    work = time.perf_counter() - started
    print(f"load {loaded:.2f} s; {len(texts)} phrases coded in {work:.2f} s ({coded} with a sector)")


if __name__ == "__main__":
    main()
