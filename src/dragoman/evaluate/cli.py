"""`dragoman eval KIND PATH`: the evaluation command (registered by dragoman.cli)."""

from __future__ import annotations

import sys
from typing import Optional

import click

from ..output import echo
from ..safe_text import encode_json, terminal_safe
from . import HALVED, PREDICTED, TASKS
from .halves import CHOICES as HALF_CHOICES

EXIT_BAD_GOLD = 2


@click.command("eval")
@click.argument("kind", type=click.Choice(list(TASKS)), metavar="KIND")
@click.argument("path", type=click.Path(), metavar="PATH")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", "errors", type=click.IntRange(min=0), default=0, metavar="N",
              help="Also show the N worst misses, with context.")
@click.option("--only", default=None, metavar="KIND",
              help="With --errors: show only the misses whose kind contains KIND "
                   "(rne: 'actor country', 'recipient country', 'status', 'missed', 'false alarm', 'date', 'link').")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Score only the first N documents (records) of the gold data.")
@click.option("--half", type=click.Choice(HALF_CHOICES), default="all", show_default=True,
              help="Event sets and actors only: score the tune or the blind half (split by a hash of each item's id).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None, metavar="OUT.jsonl",
              help="Event sets only: score this saved `dragoman extract` output instead of running the pipeline.")
def eval_command(
    kind: str, path: str, as_json: bool, errors: int, only: Optional[str], limit: Optional[int], half: str,
    predictions: Optional[str]
) -> None:
    """Score one extraction step against gold data, with a baseline alongside.

    \b
    KIND and the gold format PATH must be in:
      events          PLOVER gold-standard records (JSON array)
      quotes          brat attribution standoff dir (text/ + attributions/)
      places          GeoNames-tagged toponym XML (GeoWebNews, LGL, GeoVirus), or a dir of them
      dates           TimeML .tml file or dir (TIMEX3 + DCT)
      entities        re3d-style dir (documents.json + entities.json, or subdirs)
      claims          the same re3d-style dir (recall of its Quantity and Money spans)
      actors          JSON Lines {"text", "country", "sector"}
      event-location  Prodigy JSON Lines with VERB and LOCATION spans
      rne             real-news events: JSON Lines, one annotated article per line
      case2021        CASE 2021 task 2 TSV (id, EventSnippet, SubType)
      ipe             IndiaPoliceEvents dir (docs.jsonl + sents.jsonl)
      fusion          reports of happenings (YAML; ours: src/dragoman/data/samples/fusion_set.yaml)
      stories         the same reports, scored by story line

    \b
    The event sets (events, rne, case2021, ipe) and the actor strings split
    into a tune and a blind half by a stable hash of each item's id; --half
    picks one.

    \b
    Examples:
      dragoman eval dates ../shared/eval/timeml/TimeBank --limit 20
      dragoman eval places ../shared/eval/geo/lgl.xml --errors 10
      dragoman eval actors ../shared/eval/actors/dev.jsonl --json
      dragoman eval rne ../shared/eval/rne/dev.jsonl --half tune --errors 10
      dragoman eval rne ../shared/eval/rne/dev.jsonl --errors 500 --only "actor country"
      dragoman extract in.jsonl > out.jsonl && dragoman eval ipe ../shared/eval/ipe --predictions out.jsonl
    """
    from .gold import GoldFormatError
    from .results import render_text

    from .common import PredictionFormatError

    options: dict = {}
    if kind in HALVED:
        options["half"] = half
    elif half != "all":
        raise click.UsageError(f"--half applies to these sets only: {', '.join(sorted(HALVED))}")
    if kind in PREDICTED:
        options["predictions"] = predictions
    elif predictions:
        raise click.UsageError(f"--predictions applies to the event sets only ({', '.join(sorted(PREDICTED))})")
    try:
        report = TASKS[kind](path, limit, **options)
    except PredictionFormatError as exc:
        click.echo(terminal_safe(f"dragoman eval: cannot read the predictions: {exc}"), err=True)
        sys.exit(EXIT_BAD_GOLD)
    except GoldFormatError as exc:
        click.echo(terminal_safe(f"dragoman eval: cannot read gold data: {exc}"), err=True)
        sys.exit(EXIT_BAD_GOLD)
    if as_json:
        echo(encode_json(report.to_dict(errors, only), indent=2))
    else:
        echo(terminal_safe(render_text(report, errors, only)))
