"""Cases probe 16: income documents sent and read but not counted were reported only as missing ("Em falta:
recibos de vencimento de 3 meses distintos" beside three payslips under a NIF typed with a typo)."""

from __future__ import annotations

from typing import Any

from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen

OTHER_NIF = "253829712"


def profile_evidence(result: dict[str, Any]) -> str:
    [check] = [c for c in result["income"]["checks"] if c["name"] == "income.profile_documents"]
    return str(check["evidence"])


def test_payslips_of_another_nif_are_said_sent_and_not_counted_beside_what_is_missing() -> None:
    # In her name with another NIF: said in the owner checks' words (blind probe r57b), not "another person's".
    result = screen([id_document(), *(payslip(p, employee_nif=OTHER_NIF) for p in THREE_MONTHS)])
    evidence = profile_evidence(result)
    assert (
        "Enviados mas não contados: 3 recibos de vencimento (em nome do candidato, mas com outro NIF que não o "
        "indicado)." in evidence
    )
    # Another name and another NIF: another person's.
    others = [payslip(p, employee_nif=OTHER_NIF, employee_name="Rui Costa") for p in THREE_MONTHS]
    evidence = profile_evidence(screen([id_document(), *others]))
    assert "Enviados mas não contados: 3 recibos de vencimento (de outra pessoa, pelo nome ou pelo NIF)." in evidence


def test_a_payslip_whose_sums_fail_is_said_not_counted_and_why() -> None:
    broken = {**payslip(THREE_MONTHS[0]), "warnings": ["arithmetic_mismatch"]}
    result = screen([id_document(), broken, payslip(THREE_MONTHS[1])])
    evidence = profile_evidence(result)
    assert "Enviados mas não contados: 1 recibo de vencimento (com contas que não batem certo)." in evidence


def test_nothing_is_said_not_counted_when_every_document_counts() -> None:
    result = screen([id_document(), *(payslip(p) for p in THREE_MONTHS)])
    assert "não contados" not in profile_evidence(result)
