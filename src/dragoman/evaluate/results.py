"""What a scorer returns: metric rows with their counts, baselines alongside, worst misses.

A `Report` is plain data: the CLI prints it as a table or JSON and
`dragoman.evaluate.report` writes it into docs/evaluation.md, so every figure the
project claims comes out of the same structure.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Optional

from .metrics import PRF, Ratio

SYSTEM = "dragoman"


@dataclass
class Row:
    system: str  # "dragoman" or "baseline: <what>"
    metric: str
    value: Optional[float]  # None when nothing could be measured
    counts: dict[str, int] = field(default_factory=dict)
    unit: str = ""  # "" for ratios, "km" for distances

    def formatted(self) -> str:
        if self.value is None:
            return "n/a"
        return f"{self.value:.1f} km" if self.unit == "km" else f"{self.value:.3f}"

    def formatted_counts(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.counts.items())


@dataclass
class Miss:
    """One error worth reading: what gold said, what we said, where."""

    doc_id: str
    kind: str  # "missed", "spurious", "wrong value", ...
    gold: str
    predicted: str
    context: str
    severity: float = 0.0  # larger = worse; misses are listed worst first


@dataclass
class Report:
    task: str
    gold: str  # path scored
    documents: int = 0
    rows: list[Row] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add_prf(self, system: str, label: str, prf: PRF) -> None:
        """Precision, recall and F1 rows for one detection count."""
        self.rows.append(Row(system, f"{label} precision", prf.precision, {"tp": prf.tp, "fp": prf.fp}))
        self.rows.append(Row(system, f"{label} recall", prf.recall, {"tp": prf.tp, "fn": prf.fn}))
        self.rows.append(
            Row(system, f"{label} F1", prf.f1, {"tp": prf.tp, "fp": prf.fp, "fn": prf.fn})
        )

    def add_ratio(self, system: str, label: str, ratio: Ratio) -> None:
        value = ratio.value if ratio.total else None
        self.rows.append(Row(system, label, value, {"correct": ratio.correct, "total": ratio.total}))

    def worst(self, n: int, only: Optional[str] = None) -> list[Miss]:
        """The n worst misses, of the kinds that contain `only` when it is given."""
        chosen = [m for m in self.misses if only is None or only.lower() in m.kind.lower()]
        return sorted(chosen, key=lambda m: -m.severity)[:n]

    def systems(self) -> list[str]:
        return list(dict.fromkeys(row.system for row in self.rows))

    def metrics(self) -> list[str]:
        return list(dict.fromkeys(row.metric for row in self.rows))

    def cell(self, system: str, metric: str) -> Optional[Row]:
        return next((r for r in self.rows if r.system == system and r.metric == metric), None)

    def to_dict(self, errors: int = 0, only: Optional[str] = None) -> dict:
        return {
            "task": self.task,
            "gold": self.gold,
            "documents": self.documents,
            "notes": self.notes,
            "rows": [asdict(r) for r in self.rows],
            "misses": [asdict(m) for m in self.worst(errors, only)],
        }


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """The span in [[brackets]] with some text on each side, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}[[{text[start:end]}]]{right}"
    return re.sub(r"\s+", " ", snippet).strip()


def render_text(report: Report, errors: int = 0, only: Optional[str] = None) -> str:
    """A fixed-width table: one line per metric, one value+counts column pair per system."""
    systems = report.systems()
    header = ["metric"] + [part for s in systems for part in (s, "counts")]
    lines = [header]
    for metric in report.metrics():
        line = [metric]
        for system in systems:
            row = report.cell(system, metric)
            line += [row.formatted(), row.formatted_counts()] if row else ["", ""]
        lines.append(line)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [f"{report.task}: {report.gold} ({report.documents} documents)"]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines]
    out += [f"note: {note}" for note in report.notes]
    worst = report.worst(errors, only)
    if worst:
        out.append(f"\n{len(worst)} worst misses:")
        for miss in worst:
            out.append(
                f"- {miss.doc_id} {miss.kind}: gold={miss.gold!r} predicted={miss.predicted!r}\n"
                f"    {miss.context}"
            )
    return "\n".join(out)


def render_markdown(report: Report) -> str:
    """The same table for docs/evaluation.md."""
    systems = report.systems()
    header = ["metric"] + [part for s in systems for part in (s, "counts")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for metric in report.metrics():
        cells = [metric]
        for system in systems:
            row = report.cell(system, metric)
            cells += [row.formatted(), row.formatted_counts()] if row else ["", ""]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [f"- {note}" for note in report.notes]
    return "\n".join(lines + ([""] + notes if notes else []))
