"""Employer's declarations the blind probe of round 12 misread: a private household declaring in the first person
('Eu, <name>, contribuinte n.º ..., declaro ... que <worker> trabalha em minha casa'), whose name is the
employer's, and a phone photo that read a space into the worker's NIF."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


HOUSEHOLD = """DECLARAÇÃO
Eu, Gertrudes Isabel Menezes Valadares, contribuinte n.º 166131865, residente na Avenida da Boavista 820, 3.º Dto., 4100-112 Porto,
declaro, sob compromisso de honra, que Ivonete Aparecida dos Santos Lima, contribuinte n.º 296030821, trabalha em minha casa como
empregada doméstica desde 3 de março de 2021, com contrato de serviço doméstico sem termo, a tempo parcial
(20 horas semanais), auferindo a retribuição mensal ilíquida de 640,00 €, paga por transferência bancária.
Porto, 12 de fevereiro de 2026
(assinatura)"""


def test_the_household_declaring_is_the_employer() -> None:
    kind, fields, _ = read(HOUSEHOLD)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Gertrudes Isabel Menezes Valadares"
    assert fields["employer_nif"] == "166131865"
    assert fields["employee_name"] == "Ivonete Aparecida dos Santos Lima"
    assert fields["employee_nif"] == "296030821"


def test_someone_declaring_for_a_body_is_not_the_employer() -> None:
    """Guard: 'Eu, <name>, na qualidade de diretora de ...' declares for the body that employs."""
    text = HOUSEHOLD.replace(
        "residente na Avenida da Boavista 820, 3.º Dto., 4100-112 Porto,", "na qualidade de diretora técnica do lar,"
    ).replace("trabalha em minha casa como\nempregada doméstica", "trabalha no lar como\najudante")
    _, fields, _ = read(text)
    assert fields.get("employer_name") != "Gertrudes Isabel Menezes Valadares"


PHOTO = """Transportes Ribeira Alta, Lda.
NIF 518190935 - Braga
DECLARAÇÃO
Declaramos que a Sra. Leonor Patrícia Gomes Faria (NIF 2462819 44) trabalha nesta sociedade desde 02/05/2020, com contrato
de trabalho sem termo, auferindo a remuneração base mensal ilíquida de 1.240,00 €.
Braga, 9 de abril de 2026"""


def test_a_space_read_into_the_workers_nif() -> None:
    _, fields, _ = read(PHOTO)
    assert fields["employee_nif"] == "246281944"
    assert fields["employer_nif"] == "518190935"


def test_a_broken_number_that_fails_its_check_digit_is_no_nif() -> None:
    """Guard: the digits after the label joined only when the check digit holds."""
    _, fields, _ = read(PHOTO.replace("2462819 44", "2462819 45"))
    assert fields.get("employee_nif") is None
