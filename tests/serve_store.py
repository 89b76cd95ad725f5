"""The demo store the workbench tests browse: the bundled samples plus one hostile article."""

import json
from pathlib import Path

from click.testing import CliRunner

from dragoman.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "samples"

# article text is untrusted: markup, handlers and script URLs must come back as text
HOSTILE = {
    "id": "hostile",
    "title": "<script>alert('title')</script> Ministers meet <img src=x onerror=alert(1)>",
    "published": "2024-04-02",
    "source": "<b onmouseover=alert(2)>Wire</b>",
    "url": "javascript:alert('url')",
    "text": (
        "<script>alert('text')</script> Ministers meet <img src=x onerror=alert(1)>\n\n"
        "French Foreign Minister Catherine Colonna met with German Chancellor Olaf Scholz in Berlin on Tuesday. "
        "<a href=\"javascript:alert(3)\">details</a>\n\n"
        "\"We reject <script>alert('quote')</script> any delay,\" Colonna said after the talks."
    ),
}


# another outlet's report of the seed article's first meeting (our own words): one fused
# event of two sources
COURIER = {
    "id": "courier",
    "title": "Blinken and Netanyahu hold talks in Tel Aviv",
    "published": "2024-03-22",
    "source": "Evening Courier",
    "text": (
        "Blinken and Netanyahu hold talks in Tel Aviv\n\n"
        "US Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Tel Aviv on Friday "
        "to press for a ceasefire in Gaza."
    ),
}


def build(path: Path, target: str | None = None) -> Path | str:
    """Ingest the samples, the hostile article and a second report into an SQLite store at
    `path`, or into the store at `target` (a PostgreSQL URL) with `path` for the inputs."""
    hostile = path.parent / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(COURIER) + "\n", encoding="utf-8")
    runner = CliRunner()
    for source in (SAMPLES, hostile):
        result = runner.invoke(main, ["ingest", str(source), "--db", target or str(path)])
        assert result.exit_code == 0, result.output
    return target or path
