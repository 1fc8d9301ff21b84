"""Proofs of income the blind probe of round 27 misread: a pension fund's letter whose body addresses the pensioner
as "V. Exa." (the form of address read as the name; the name is in the addressee block over the address), a
declaration naming the pensioner after "o(a) Dr.(a)" (the name not read), and a fatura-recibo whose acquirer, an
association, has a comma in its name (the comma dropped). The texts are shaped as the reader hands them over, with
names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def fund_letter(salutation: str, address_form: str) -> str:
    return f"""Atlântico Previdência - Sociedade Gestora de Fundos de Pensões, S.A.
Fundo de Pensões Aberto Futuro Sereno
{salutation}
Celestino Augusto Valadares Pimentel
Travessa do Moinho, 9, 4700-321 Braga
Assunto: Declaração de pensão — ano 2026
Declaramos que {address_form}, contribuinte n.º 157029387, é beneficiário de uma pensão complementar de reforma
paga por este Fundo, com as seguintes características:
Tipo de pensão Complementar de velhice
Periodicidade Mensal (12 prestações/ano)
Pensão mensal bruta 845,30 €
Retenção IRS 0,00 €
Pensão mensal líquida 845,30 €
Braga, 9 de outubro de 2026"""


@pytest.mark.parametrize("address_form", ["V. Exa.", "V. Ex.ª", "Vossa Excelência"])
@pytest.mark.parametrize("salutation", ["Exmo. Senhor", "Exmo(a). Senhor(a)"])
def test_a_form_of_address_is_no_name_the_addressee_block_names_the_pensioner(
    salutation: str, address_form: str
) -> None:
    kind, fields, _ = read(fund_letter(salutation, address_form))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Celestino Augusto Valadares Pimentel"
    assert fields["pensioner_nif"] == "157029387"
    assert fields["net_monthly_amount"] == Decimal("845.30")


def test_a_form_of_address_alone_gives_no_name() -> None:
    """With no addressee block, "V. Exa." leaves the name unread rather than giving the form of address."""
    text = fund_letter("", "V. Exa.").replace("Celestino Augusto Valadares Pimentel\nTravessa do Moinho, 9, ", "")
    _, fields, _ = read(text)
    assert fields.get("pensioner_name") is None


def declaration(subject: str) -> str:
    return f"""CAIXA DE PREVIDÊNCIA DOS ENGENHEIROS DO NORTE
Rua do Almada, 210 - 4050-031 Porto
DECLARAÇÃO
Para os devidos efeitos se declara que {subject} Leonor Beatriz de Almeida e Vasconcelos,
beneficiário n.º 28.554, contribuinte fiscal n.º 218765436, é pensionista desta Caixa, auferindo
uma pensão de reforma por velhice no montante mensal ilíquido de 1.932,40 € (mil novecentos e
trinta e dois euros e quarenta cêntimos), paga catorze vezes por ano.
Porto, 20 de outubro de 2026
A Direção"""


@pytest.mark.parametrize("subject", ["o(a) Dr.(a)", "o(a) Eng.(a)", "o(a) Sr.(a)", "a Prof.(a)"])
def test_a_title_and_its_gender_marks_before_the_declared_name_are_skipped(subject: str) -> None:
    kind, fields, _ = read(declaration(subject))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Leonor Beatriz de Almeida e Vasconcelos"
    assert fields["gross_monthly_amount"] == Decimal("1932.40")


@pytest.mark.parametrize("subject", ["a Dra.", "a Eng.ª", "a Prof.ª"])
def test_a_title_without_gender_marks_is_still_skipped(subject: str) -> None:
    """Guard (passes before and after the fix): a title without a bracket was skipped already."""
    _, fields, _ = read(declaration(subject))
    assert fields["pensioner_name"] == "Leonor Beatriz de Almeida e Vasconcelos"


def test_a_gender_marked_label_gives_the_name() -> None:
    """Guard (passes before and after the fix): "Aposentado(a):" was already read; reading gender marks away keeps
    it."""
    text = """Caixa Geral de Aposentações
Aposentado(a): Rodrigo Manuel Teixeira Lobo
NIF 135792460
Pensão mensal ilíquida 1.210,00 €
Data de emissão: 02-11-2026"""
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Rodrigo Manuel Teixeira Lobo"


def fatura_recibo(acquirer: str) -> str:
    return f"""FATURA-RECIBO N.º FR ATSIRE01FR/12
Original
Prestador de serviços
Marta Sofia Quintela Rebelo
NIF 123456789
Atividade: Professora — código 2320 (art. 151.º CIRS)
Adquirente
{acquirer}
NIF 506123774
Portugal
Data de emissão: 15-09-2026 Data de recebimento: idem Meio: Transferência bancária
Descrição Valor
Aulas de piano — setembro de 2026 600,00
Valor Base 600,00 €
IVA (0%) 0,00 €
Retenção na fonte de IRS (23%) 138,00 €
Importância recebida 462,00 €
IVA - regime de isenção (art. 53.º do CIVA)"""


@pytest.mark.parametrize(
    "acquirer",
    ["Conservatório Popular de Alfama, Associação Cultural", "Agrupamento de Escolas Vale do Sousa, Lousada"],
)
def test_a_body_acquirer_keeps_the_comma_in_its_name(acquirer: str) -> None:
    kind, fields, _ = read(fatura_recibo(acquirer))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"] == acquirer
    assert fields["acquirer_nif"] == "506123774"


def test_a_company_acquirer_keeps_its_form() -> None:
    """Guard (passes before and after the fix): a company's ", Lda." was kept already."""
    _, fields, _ = read(fatura_recibo("Oficina Criativa do Bonfim, Lda."))
    assert fields["acquirer_name"] == "Oficina Criativa do Bonfim, Lda."
