"""The fault report: each fault test records what it measured (requests made,
500s, work lost, work duplicated, seconds to recover after the service returned);
the terminal summary prints the table and writes it to `.fault-report.txt`.

Records are files (one per fault) so that xdist workers and the controller, which
prints the summary, share them."""

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
RECORDS = REPO / ".fault-report"
REPORT = REPO / ".fault-report.txt"


@dataclass
class FaultFigures:
    fault: str
    requests: int
    errors_500: int
    lost: int
    duplicated: int
    recovery_seconds: float
    note: str = ""


def record(figures: FaultFigures) -> None:
    RECORDS.mkdir(exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", figures.fault.lower()).strip("-")
    (RECORDS / f"{name}.json").write_text(json.dumps(asdict(figures)))


def records_clear() -> None:
    if RECORDS.exists():
        for path in RECORDS.glob("*.json"):
            path.unlink()


def table() -> str:
    rows = (
        [
            FaultFigures(**json.loads(path.read_text()))
            for path in sorted(RECORDS.glob("*.json"))
        ]
        if RECORDS.exists()
        else []
    )
    if not rows:
        return ""
    head = ("fault", "requests", "500s", "lost", "duplicated", "recovery (s)")
    lines = [
        (
            r.fault,
            str(r.requests),
            str(r.errors_500),
            str(r.lost),
            str(r.duplicated),
            f"{r.recovery_seconds:.1f}",
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [head, *lines]) for i in range(len(head))]

    def line(cells) -> str:
        return (
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
            + " |"
        )

    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(cells) for cells in lines]
    notes = [f"- {r.fault}: {r.note}" for r in rows if r.note]
    return "\n".join(out + ([""] + notes if notes else [])) + "\n"
