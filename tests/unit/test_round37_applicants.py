"""Blind probe r37a, a month of applicants' files: a passport photo whose MRZ went unread, its issue date read as
the expiry under a row of date captions OCR misread ("pata de emissão | pate of issue válido até | Date of expiry"
over "09 FEB 2023 og FEB 2033": a valid passport said expired); a residence permit's caption "APELIDO | SURNAME",
the slash read as a bar, its English word taken for the surname; and a payslip's employee named under their box's
caption beside the employer's box ("Entidade empregadora  Colaborador"), the name left unread; an employer's
declaration naming its employee "Sá", read as the legal form "SA". Texts of our own in the probe's layouts."""

from __future__ import annotations

from documents.extraction.parsers import parse_document
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text
from tests.unit.test_payslip_round36 import scanned


def identity(texts: list[str], kind: DocumentKind) -> dict[str, object]:
    return parse_document(kind, [Line(text, 0.9) for text in texts]).fields


def test_one_date_under_a_row_of_date_captions_is_no_expiry() -> None:
    fields = identity(
        [
            "REPUBLIC OF INDIA PASSAPORTE PASSPORT",
            "Apelido / Surname",
            "SHARMA",
            "Nome próprio / Given names",
            "RAVI",
            "pata de nascimento | Date of birth",
            "14 MAR 1985",
            "pata de emissão | pate of issue válido até | Date of expiry",
            "02 JUN 2022 og JUN 2032",
        ],
        DocumentKind.PASSAPORTE,
    )
    assert fields.get("expiry_date") is None
    # Both dates read: each its column's.
    fields = identity(
        [
            "REPUBLIC OF INDIA PASSAPORTE PASSPORT",
            "Apelido / Surname",
            "SHARMA",
            "pata de emissão | pate of issue válido até | Date of expiry",
            "02 JUN 2022 01 JUN 2032",
        ],
        DocumentKind.PASSAPORTE,
    )
    assert str(fields["expiry_date"]) == "2032-06-01"


def test_a_captions_translation_after_a_bar_is_no_surname() -> None:
    fields = identity(
        [
            "PORTUGAL TÍTULO DE RESIDÊNCIA",
            "APELIDO | SURNAME À",
            "PEREIRA DA COSTA",
            "NOME / NAME",
            "MARIANA",
        ],
        DocumentKind.TITULO_RESIDENCIA,
    )
    assert fields["surname"] == "Pereira da Costa"


def test_the_employees_name_under_their_boxs_caption_beside_the_employers() -> None:
    lines = [
        scanned((170, "Recibo de Remunerações")),
        scanned((170, "Período: Outubro de 2026")),
        scanned((170, "Entidade empregadora"), (1300, "Colaborador")),
        scanned((170, "Alfama Digital, Unipessoal Lda."), (1300, "Sofia Marques Teixeira")),
        scanned((170, "Contribuinte n.º 503504564"), (1300, "NIF 245718931")),
        scanned((170, "Vencimento base 1.500,00")),
        scanned((170, "Total Bruto 1.500,00")),
        scanned((170, "Segurança Social 165,00")),
        scanned((170, "Total Descontos 165,00")),
        scanned((170, "Líquido a receber 1.335,00")),
    ]
    parsed = parse_payslip(lines)
    assert parsed.fields["employee_name"] == "Sofia Marques Teixeira"
    assert parsed.fields["employer_name"] == "Alfama Digital, Unipessoal Lda."


def test_an_employees_surname_sa_is_no_legal_form() -> None:
    text = """Lusofone Atendimento, S.A.
NIPC 503504564
DECLARAÇÃO
Lusofone Atendimento, S.A., pessoa coletiva n.º 503504564, com sede em Lisboa, declara, para os devidos efeitos, que
Rui Manuel Sá Pereira, NIF 245718931, é seu trabalhador
desde 03/02/2025, com contrato de trabalho sem termo, exercendo as funções de operador,
auferindo a remuneração base mensal ilíquida de 950,00 €.
Lisboa, 1 de dezembro de 2026"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=None)
    assert fields["employee_name"] == "Rui Manuel Sá Pereira"
