"""`dragoman eval KIND PATH`: the evaluation command (registered by dragoman.cli)."""

from __future__ import annotations

import sys
from typing import Optional

import click

from ..safe_text import encode_json, terminal_safe
from . import TASKS

EXIT_BAD_GOLD = 2


@click.command("eval")
@click.argument("kind", type=click.Choice(list(TASKS)), metavar="KIND")
@click.argument("path", type=click.Path(), metavar="PATH")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", "errors", type=click.IntRange(min=0), default=0, metavar="N",
              help="Also show the N worst misses, with context.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Score only the first N documents (records) of the gold data.")
def eval_command(kind: str, path: str, as_json: bool, errors: int, limit: Optional[int]) -> None:
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

    \b
    Examples:
      dragoman eval dates ../shared/eval/timeml/TimeBank --limit 20
      dragoman eval places ../shared/eval/geo/lgl.xml --errors 10
      dragoman eval actors ../shared/eval/actors/dev.jsonl --json
    """
    from .gold import GoldFormatError
    from .results import render_text

    try:
        report = TASKS[kind](path, limit)
    except GoldFormatError as exc:
        click.echo(terminal_safe(f"dragoman eval: cannot read gold data: {exc}"), err=True)
        sys.exit(EXIT_BAD_GOLD)
    if as_json:
        click.echo(encode_json(report.to_dict(errors), indent=2))
    else:
        click.echo(terminal_safe(render_text(report, errors)))
