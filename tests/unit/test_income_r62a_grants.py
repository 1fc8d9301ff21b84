"""Kinds of blind probe r62a. A research fellowship's documents (an institution's declaration, a monthly payment note,
a receipt shaped like a payslip) and a student's certificate of enrolment were told only "not recognised ... send
payslips", which neither sender has. The lines are shaped as the reader gives them, with names and figures of their
own."""

from __future__ import annotations

import pytest
from django.utils import translation

from applicants.text import fold
from documents.extraction.local import ENROLMENT_CERTIFICATE_REFUSED, RESEARCH_GRANT_REFUSED, UNRECOGNISED, refusal
from documents.extraction.parsers.classify import classify, enrolment_certificate, research_grant
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from intake.status import reason_in_language


def read_page(text: str, method: str = "text") -> ReadDocument:
    lines = [Line(line, 1.0) for line in text.splitlines() if line.strip()]
    return ReadDocument(lines=lines, pages=1, method=method)


GRANT_DECLARATION = """Universidade da Beira Interior
Divisão de Recursos Financeiros · NIPC 502083514 · Convento de Santo António, 6201-001 Covilhã
DECLARAÇÃO
Para os devidos efeitos, declara-se que Tomás Valente Queirós, NIF 241198765, é bolseiro de investigação
desta Universidade, ao abrigo do contrato de bolsa n.º 2024.11873.BD, no âmbito do Estatuto do Bolseiro
de Investigação. A bolsa de doutoramento teve início em 01/01/2025 e termina em 31/12/2028, sendo paga
mensalmente no valor de 1.259,64 €, 12 vezes por ano, isenta de IRS (art. 12.º do Código do IRS).
Covilhã, 3 de novembro de 2026"""

GRANT_PAYMENT_NOTE = """Centro de Estudos Sociais — NIPC 501617582
Aviso de pagamento de bolsa — setembro 2026
Bolseiro: Inês Marçal Ventura NIF 236654120
Tipo de bolsa: Bolsa de investigação (BI) — licenciado
Descrição Valor (€)
Subsídio mensal de manutenção — setembro 2026 990,98
Retenção IRS (isento) 0,00
Valor transferido 990,98"""

# A fellow's receipt laid out as a payslip: a title with "recibo", the fellow's caption, "Abonos", "Descontos",
# "Valor líquido". No payslip: no Segurança Social deducted, no IRS, no employer.
GRANT_RECEIPT_AS_A_PAYSLIP = """Instituto de Ciência Aplicada — NIF 508112233
Recibo de bolsa — Março 2026
Bolseira: Marta Isabel Quintas Leal NIF: 227301456
Bolsa de investigação n.º BI/2025/0412 (FCT) Início: 01/09/2025
Cód. Descrição Abonos Descontos
001 Subsídio mensal de manutenção 1.199,64
Valor líquido a transferir: 1.199,64 €
Bolsa isenta de IRS. Não há descontos para a Segurança Social."""

# A grant processed by the institution's payroll program, under its "Folha de pagamento" title, which a payslip
# prints too: the grant's captions say what it pays.
GRANT_ON_A_PAY_SHEET = """FOLHA DE PAGAMENTO — BOLSAS
Entidade: Instituto de Ciência Aplicada NIF 508112233 Mês: Abril 2026
Bolseiro: Vasco Ramalho Tavares NIF 232187650
Contrato de bolsa n.º BD/2024/0318 — Estatuto do Bolseiro de Investigação
Abonos Descontos
Subsídio de manutenção 1.309,64
IRS 0,00
Líquido 1.309,64"""

ENROLMENT_CERTIFICATE = """Instituto Politécnico de Viana do Castelo
Escola Superior de Tecnologia e Gestão
CERTIFICADO DE MATRÍCULA
Certifica-se que Duarte Seixas Amorim, estudante n.º 31045, se encontra matriculado no ano letivo
de 2026/2027 no 2.º ano da licenciatura em Engenharia Civil, em regime diurno.
Propinas: 697,00 € (anuidade).
Viana do Castelo, 9 de outubro de 2026"""


@pytest.mark.parametrize(
    ("text", "method", "reason"),
    [
        (GRANT_DECLARATION, "text", RESEARCH_GRANT_REFUSED),
        (GRANT_PAYMENT_NOTE, "ocr", RESEARCH_GRANT_REFUSED),
        (GRANT_RECEIPT_AS_A_PAYSLIP, "ocr", RESEARCH_GRANT_REFUSED),
        (GRANT_ON_A_PAY_SHEET, "ocr", RESEARCH_GRANT_REFUSED),
        (ENROLMENT_CERTIFICATE, "ocr", ENROLMENT_CERTIFICATE_REFUSED),
    ],
    ids=[
        "grant-declaration",
        "grant-payment-note",
        "grant-receipt-as-a-payslip",
        "grant-on-a-pay-sheet",
        "enrolment-certificate",
    ],
)
def test_a_grant_or_an_enrolment_is_refused_saying_what_it_is_and_what_helps(
    text: str, method: str, reason: str
) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text, method), "PROOF_OF_INCOME", []) == reason
    with translation.override("en"):
        assert reason_in_language(reason) != reason


def test_the_grant_reason_names_the_grant_the_agency_and_a_guarantor() -> None:
    assert "bolsa de investigação" in RESEARCH_GRANT_REFUSED
    assert "valor mensal" in RESEARCH_GRANT_REFUSED and "data de fim" in RESEARCH_GRANT_REFUSED
    assert "agência" in RESEARCH_GRANT_REFUSED and "fiador" in RESEARCH_GRANT_REFUSED
    assert "fiador" in ENROLMENT_CERTIFICATE_REFUSED


# Guards (they pass with or without the fix): an internship's payslip pays a "Bolsa de estágio" as its base; a
# payslip may name a scholarship once; neither is a research grant.
INTERNSHIP_PAYSLIP = """RECIBO DE VENCIMENTO
Empresa: Oficina Digital Mondego, Lda. NIF 514220987
Trabalhador: Rodrigo Faria Moura NIF 248812093 Período: Outubro 2026
Estágio profissional IEFP (Medida ATIVAR.PT)
Descrição Abonos Descontos
Bolsa de estágio 1.044,60
Subsídio de refeição 6,00 x 22 132,00
Segurança Social (11%) 114,91
Líquido a receber 1.061,69"""

PAYSLIP_NAMING_A_SCHOLARSHIP = """RECIBO DE VENCIMENTO
Entidade: Universidade do Algarve NIF 505387271
Trabalhador: Sofia Brandão Ruivo NIF 219775302 Período: Setembro 2026
Categoria: Técnica superior (gestão de bolsas de investigação)
Vencimento base 1.632,82
Segurança Social (11%) 179,61
IRS 245,00
Líquido a receber 1.208,21"""


@pytest.mark.parametrize("text", [INTERNSHIP_PAYSLIP, PAYSLIP_NAMING_A_SCHOLARSHIP], ids=["internship", "mention"])
def test_a_payslip_paying_or_naming_a_grant_stays_a_payslip(text: str) -> None:
    assert not research_grant(fold(text))
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


# Guards: a vehicle's "certificado de matrícula" and the Segurança Social's "declaração de inscrição" are no student's.
VEHICLE_REGISTRATION = """CERTIFICADO DE MATRÍCULA
Matrícula: 45-XZ-12 Data da 1.ª matrícula: 2019-04-02
Marca: Renault Modelo: Clio Categoria: Ligeiro de passageiros
Proprietário: Carla Beatriz Nunes"""

SS_REGISTRATION = """Segurança Social
DECLARAÇÃO DE INSCRIÇÃO
Declara-se que Carla Beatriz Nunes, NISS 12098765432, se encontra inscrita no regime geral de segurança social."""


@pytest.mark.parametrize("text", [VEHICLE_REGISTRATION, SS_REGISTRATION], ids=["vehicle", "social-security"])
def test_a_registration_that_names_no_studies_is_no_enrolment(text: str) -> None:
    assert not enrolment_certificate(fold(text))
    assert refusal(read_page(text, "ocr"), "PROOF_OF_INCOME", []) != ENROLMENT_CERTIFICATE_REFUSED


def test_unrecognised_is_still_the_default_reason() -> None:
    assert (
        refusal(read_page("Nota qualquer\nsem nada que a identifique\nLisboa, 2026"), "PROOF_OF_INCOME", [])
        == (UNRECOGNISED["PROOF_OF_INCOME"])
    )
