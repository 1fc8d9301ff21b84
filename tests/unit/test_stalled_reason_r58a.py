"""The reason staff read when the recovery sweep gives up: since blind probe r58a an outage the task's retries left to
the sweep ends there too (a storage volume, the database or a provider away), so the reason names it beside a killed
worker."""

from __future__ import annotations

from screening.services import stalled_reason


def test_the_sweeps_last_reason_names_an_outage_beside_a_killed_worker() -> None:
    reason = stalled_reason(3)
    assert reason.startswith("O processamento parou 4 vezes sem terminar")
    assert (
        "trabalhador interrompido" in reason
        and "armazenamento, base de dados ou serviço externo indisponíveis" in reason
    )
    assert reason.endswith("Pode reprocessar a candidatura.")
