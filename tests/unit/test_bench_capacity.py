"""bench/capacity.py: the README's capacity model computed from a run's figures."""

from __future__ import annotations

from typing import Any

from bench import capacity


def run_with(document_seconds: dict[str, float]) -> dict[str, Any]:
    """A latest.json with one document of each group taking the given seconds; 10 applicants on the queue."""
    return {
        "started_at": "2026-12-02T12:33:00+00:00",
        "extraction": {"groups": {name: {"docs": 2, "seconds": 2 * s} for name, s in document_seconds.items()}},
        "orchestration": {
            "applicants": 10,
            "rounds": {"embedded_seconds": [8.0, 7.5], "in_process_seconds": [7.2, 7.0]},
            "embedded_per_min": 80.0,
        },
    }


PHONE = {"CARTAO_CIDADAO / photo": 0.8, "RECIBO_VENCIMENTO / photo": 0.7, "DECLARACAO_IRS / text": 0.004}
PAPER = {
    "CARTAO_CIDADAO / scan": 0.5,
    "RECIBO_VENCIMENTO / scan": 0.7,
    "RECIBO_VENCIMENTO / text": 0.004,
    "NOTA_LIQUIDACAO / scan": 0.4,
    "CERTIDAO_AT / scan": 0.45,
    "FATURA_RECIBO / scan": 0.5,
    "DECLARACAO_SS / scan": 0.5,
}


def test_the_planning_mix_adds_both_card_sides_three_payslips_the_irs_and_the_overhead() -> None:
    lines = capacity.model(run_with(PHONE | PAPER), graph=0.01)
    # worker's share: best embedded 7.5 s - best in-process 7.0 s over 10 applicants = 0.05 s
    assert any("costs 0.060 s" in line for line in lines)
    phone = next(line for line in lines if "planning mix" in line)
    expected = 2 * 0.8 + 3 * 0.7 + 0.004 + 0.06  # 3.764 s
    assert f"| 6 | {expected:.2f} | {3600 / expected:,.0f} |" in phone


def test_the_daily_arithmetic_follows_the_planning_mix() -> None:
    lines = capacity.model(run_with(PHONE | PAPER), graph=0.01)
    daily = lines[-1]
    # 100,000 x 3.764 s = 104.6 core-hours; the peak hour 2.78/s x 3.764 = 10.5 cores: 6 pods of 2
    assert "105 core-hours" in daily
    assert "10.5 cores busy: 6 extraction pods" in daily
    # a document 3.704 / 6 = 0.617 s: 2 + 30 x 2 / 0.617 = 99 messages
    assert "= 99 messages" in daily


def test_a_kind_missing_from_the_run_leaves_its_cell_empty() -> None:
    lines = capacity.model(run_with(PHONE | PAPER), graph=0.01)
    passport = next(line for line in lines if line.startswith("| passport"))
    assert passport == "| passport |  |  |  |"
