"""The figures of a bench run, kept beside the previous run's in var/bench/latest.json.

A figure is one row of the table: its label, this run's value (with its same-run
baseline and ratio when it has one), the goal, and whether the goal is met. The
file keeps, beside this run's figures, the last value measured for every figure
before this run ("previous"), with when it was measured: a partial run
(``--only production``) leaves the other figures' previous values in place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_GOAL = re.compile(r"^\s*(>=|<=|<|>|==|=)?\s*(-?\d+(?:\.\d+)?)\s*(%|x|s|ms|MB)?\s*$")


def first_number(text: str) -> float | None:
    """The first number in a cell: '97.2%' -> 97.2, '1.27x time' -> 1.27, '0 of 12' -> 0, '1,234.5' -> 1234.5."""
    match = _NUMBER.search(text.replace(",", ""))
    return float(match.group()) if match else None


def goal_met(goal: str, measured: str) -> bool | None:
    """Whether ``measured`` meets a goal written '>= 98%', '<= 1.10x', '0', '<= 400 MB', or 'each >= 0.8' (every
    number in ``measured``); None when the goal or the measure holds no number."""
    every = goal.strip().startswith("each ")
    match = _GOAL.match(goal.strip().removeprefix("each "))
    values = [float(n) for n in _NUMBER.findall(measured.replace(",", ""))]
    if match is None or not values:
        return None
    operator, target = match.group(1) or "==", float(match.group(2))
    compare = {
        ">=": lambda value: value >= target,
        "<=": lambda value: value <= target,
        ">": lambda value: value > target,
        "<": lambda value: value < target,
        "==": lambda value: value == target,
        "=": lambda value: value == target,
    }[operator]
    return all(compare(value) for value in values) if every else compare(values[0])


def figures(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Table rows ``(figure, value, baseline, ratio, goal[, passed])`` as figures; ``passed`` is derived when absent.

    The goal is checked against the ratio when the row has one (a figure relative to its same-run
    baseline), else against the value.
    """
    result = []
    for row in rows:
        label, value, baseline, ratio, goal = (str(cell) for cell in row[:5])
        passed = row[5] if len(row) > 5 else goal_met(goal, ratio or value)
        result.append(
            {
                "figure": label,
                "value": value,
                "baseline": baseline,
                "ratio": ratio,
                "goal": goal,
                "pass": None if passed is None else bool(passed),
            }
        )
    return result


def measured(figure: dict[str, Any]) -> str:
    """What the goal is checked against, and what 'previous' shows: the ratio when there is one, else the value."""
    return str(figure.get("ratio") or figure.get("value") or "")


def previous_figures(
    old: dict[str, Any] | None, figures_of: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None
) -> dict[str, dict[str, Any]]:
    """The last value of every figure measured before this run, by label, from the previous latest.json.

    ``old["figures"]`` (the previous run) wins over ``old["previous"]`` (earlier runs). A file written
    before figures were kept has only raw results: ``figures_of`` turns those into figures.
    """
    if not old:
        return {}
    kept: dict[str, dict[str, Any]] = dict(old.get("previous") or {})
    last = old.get("figures")
    if last is None and figures_of is not None:
        try:
            last = figures_of(old)
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            last = []
    for figure in last or []:
        kept[figure["figure"]] = {
            "value": measured(figure),
            "pass": figure.get("pass"),
            "goal": figure.get("goal", ""),
            "at": old.get("started_at", ""),
        }
    return kept


def load(path: Path) -> dict[str, Any] | None:
    try:
        loaded = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def write(
    path: Path,
    results: dict[str, Any],
    rows: Iterable[Sequence[Any]],
    figures_of: Any = None,
    previous: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Write this run's results with its figures and the previous ones beside them; return what was written.

    ``previous`` is the file's figures as they were before this run: a run that writes after each of
    its parts passes what it read at its start, so its own first parts never become its "previous".
    Read from the file when not given.
    """
    if previous is None:
        previous = previous_figures(load(path), figures_of)
    document = {**results, "figures": figures(rows), "previous": previous}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, default=str))
    return document


def render(document: dict[str, Any]) -> str:
    """The printed table: figure, this run (with its same-run baseline and ratio), previous, goal, pass/fail."""
    previous = document.get("previous") or {}
    header = ("figure", "this run", "baseline (same run)", "ratio", "previous", "goal", "pass/fail")
    lines: list[tuple[str, ...]] = [header]
    for figure in document.get("figures") or []:
        before = previous.get(figure["figure"])
        verdict = {True: "pass", False: "FAIL", None: ""}[figure.get("pass")]
        lines.append(
            (
                figure["figure"],
                figure["value"],
                figure["baseline"],
                figure["ratio"],
                before["value"] if before else "-",
                figure["goal"],
                verdict,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in lines)
