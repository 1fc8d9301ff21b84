"""Refusals that say what the document is (blind probe r41a): a salary simulation and a certificate of temporary
protection were told only "not recognised", the second against what docs/api.md promises."""

from __future__ import annotations

import pytest

from documents.extraction.local import NO_IDENTITY_PROVED, SALARY_NOT_PAID, UNRECOGNISED, refusal
from documents.extraction.reader import Line, ReadDocument


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


SALARY_SIMULATION = """Recursos Humanos — Proposta de contratação
SIMULAÇÃO DE VENCIMENTO
Vencimento base 1.850,00
Segurança Social (11%) 203,50
IRS 222,00
Líquido estimado 1.424,50
Valores meramente indicativos, sem valor de recibo."""

TEMPORARY_PROTECTION_CERTIFICATE = """REPÚBLICA PORTUGUESA
AGÊNCIA PARA A INTEGRAÇÃO, MIGRAÇÕES E ASILO
CERTIFICADO DE CONCESSÃO DE AUTORIZAÇÃO DE RESIDÊNCIA
AO ABRIGO DA PROTEÇÃO TEMPORÁRIA
Nome: Olena Kovalenko
Data de nascimento: 12/03/1988
Válido até 04/03/2027"""


def test_a_salary_simulation_is_told_it_proves_no_month_paid() -> None:
    assert refusal(read_page(SALARY_SIMULATION), "PROOF_OF_INCOME", []) == SALARY_NOT_PAID


def test_a_temporary_protection_certificate_is_told_it_proves_no_identity() -> None:
    assert refusal(read_page(TEMPORARY_PROTECTION_CERTIFICATE), "ID_DOCUMENT", []) == NO_IDENTITY_PROVED


@pytest.mark.parametrize(
    ("text", "document_type"),
    [
        # Each reason belongs to its declared type: the certificate sent as income, a simulation sent as an ID.
        (TEMPORARY_PROTECTION_CERTIFICATE, "PROOF_OF_INCOME"),
        (SALARY_SIMULATION, "ID_DOCUMENT"),
        (
            "EDP Comercial\nFatura de eletricidade\nTotal a pagar 64,20 €\nPeríodo de faturação novembro 2026",
            "PROOF_OF_INCOME",
        ),
    ],
)
def test_other_refused_files_keep_the_general_reason(text: str, document_type: str) -> None:
    assert refusal(read_page(text), document_type, []) == UNRECOGNISED[document_type]
