"""bench/report.py: goals checked from the table's cells, and latest.json keeping the previous run's figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import report


@pytest.mark.parametrize(
    ("goal", "measured", "met"),
    [
        (">= 98%", "97.2%", False),
        (">= 98%", "100.0%", True),
        ("<= 1.10x", "1.27x time", False),
        ("<= 1.05x", "0.95x", True),
        ("0", "0 of 12", True),
        ("0", "2 of 12", False),
        ("<= 400", "324", True),
        (">= 1.8x", "1.82x", True),
        ("each >= 0.8", "0.85 / 0.79 / 0.90", False),
        ("each >= 0.8", "0.85 / 0.81 / 0.90", True),
        ("", "12.5", None),
        ("passes", "138", None),
        (">= 0.5", "", None),
    ],
)
def test_goal_met(goal: str, measured: str, met: bool | None) -> None:
    assert report.goal_met(goal, measured) is met


def test_the_goal_is_checked_against_the_ratio_when_there_is_one() -> None:
    [ratio, value, explicit] = report.figures(
        [
            ("SQS time", "103.5", "in-process 130.6", "1.26x time", "<= 1.10x"),
            ("accuracy", "97.2%", "", "", ">= 95%"),
            ("lost or duplicated", "0 of 150", "", "", "0 of >= 200", False),
        ]
    )
    assert ratio["pass"] is False
    assert value["pass"] is True
    assert explicit["pass"] is False  # a row's own verdict wins over the parsed goal


def rows(lost: str, rss: str) -> list[tuple[Any, ...]]:
    return [
        ("lost or duplicated", lost, "", "", "0", None),
        ("worker peak RSS, MB", rss, "", "", "<= 400"),
    ]


def test_each_run_keeps_the_previous_runs_figures_beside_its_own(tmp_path: Path) -> None:
    path = tmp_path / "var" / "bench" / "latest.json"
    first = report.write(path, {"started_at": "run-1"}, rows("0 of 200", "324"))
    assert first["previous"] == {}
    second = report.write(path, {"started_at": "run-2"}, rows("1 of 200", "410"))
    assert second["previous"]["worker peak RSS, MB"] == {"value": "324", "pass": True, "goal": "<= 400", "at": "run-1"}
    assert [f["pass"] for f in second["figures"]] == [None, False]
    assert json.loads(path.read_text())["figures"][1]["value"] == "410"
    table = report.render(second)
    header, lost, rss = table.splitlines()
    assert header.split() == [
        "figure",
        "this",
        "run",
        "baseline",
        "(same",
        "run)",
        "ratio",
        "previous",
        "goal",
        "pass/fail",
    ]
    assert "410" in rss and "324" in rss and rss.endswith("FAIL")
    assert "0 of 200" in lost  # previous value shown beside this run's


def test_a_partial_run_leaves_the_figures_it_did_not_measure_in_previous(tmp_path: Path) -> None:
    path = tmp_path / "latest.json"
    report.write(path, {"started_at": "full"}, [*rows("0 of 200", "324"), ("accuracy", "98.1%", "", "", ">= 98%")])
    report.write(path, {"started_at": "production-only"}, rows("0 of 200", "330"))
    third = report.write(path, {"started_at": "again"}, rows("0 of 200", "331"))
    assert third["previous"]["accuracy"]["value"] == "98.1%"
    assert third["previous"]["accuracy"]["at"] == "full"
    assert third["previous"]["worker peak RSS, MB"]["at"] == "production-only"


def test_an_older_file_without_figures_gives_its_previous_values_through_figures_of(tmp_path: Path) -> None:
    path = tmp_path / "latest.json"
    path.write_text(json.dumps({"started_at": "old", "ocr": {"ratio": 0.95}}))

    def figures_of(old: dict[str, Any]) -> list[dict[str, Any]]:
        return report.figures([("OCR path", "299", "", f"{old['ocr']['ratio']:.2f}x", "<= 1.05x")])

    written = report.write(path, {"started_at": "new"}, [("OCR path", "310", "", "1.01x", "<= 1.05x")], figures_of)
    assert written["previous"]["OCR path"] == {"value": "0.95x", "pass": True, "goal": "<= 1.05x", "at": "old"}


def test_an_unreadable_previous_file_is_no_previous_figures(tmp_path: Path) -> None:
    path = tmp_path / "latest.json"
    path.write_text("{not json")
    assert report.write(path, {}, rows("0 of 200", "300"))["previous"] == {}


def test_a_run_written_after_each_part_keeps_the_previous_run_as_its_previous(tmp_path: Path) -> None:
    path = tmp_path / "latest.json"
    report.write(path, {"started_at": "last-run"}, rows("0 of 200", "324"))
    previous = report.previous_figures(report.load(path))
    report.write(path, {"started_at": "this-run"}, rows("0 of 200", "390")[1:], previous=previous)
    final = report.write(path, {"started_at": "this-run"}, rows("2 of 200", "390"), previous=previous)
    assert final["previous"]["worker peak RSS, MB"]["value"] == "324"
    assert final["previous"]["worker peak RSS, MB"]["at"] == "last-run"
    assert json.loads(path.read_text())["figures"][0]["value"] == "2 of 200"
