"""Income the blind probe of round 48A counted that should not count, or lost: a cancelled fatura-recibo whose
watermark the text layer glued to a footer line, a Segurança Social IRS declaration of several pensions read as
its first row, an Anexo A table read in part or not at all, the Portal's listing of faturas read as one, and a
letter refusing a pension read as a pension of 0,00 €."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

RECEIPT = """Glória Estêvão Pacheco
NIF 278288316 - Consultoria e serviços
FATURA-RECIBO FR 2026/58
Data: 2026-10-14 Original
Cliente: Quinta do Lago Azul - Eventos, Lda. NIF cliente: 543674525
Descrição Qtd. Preço unit. IVA Total
Design gráfico - convites e sinalética 1 980,00 23% 980,00
Total ilíquido 980,00 €
IVA (23%) 225,40 €
Total do documento 1 205,40 €
Retenção IRS (25,0%) 245,00 €
Total recebido 960,40 €
{footer}"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize(
    "footer",
    [
        "Processado por programa certificado n.º 2417/AT - ContaFácil 7.2 ATCUD: JF7K2M-58 ANULADA",
        "ANULADO Processado por programa certificado n.º 2417/AT ATCUD: JF7K2M-58",
    ],
)
def test_a_watermark_glued_to_a_footer_line_cancels_the_receipt(footer: str) -> None:
    """Round 48A (N04): the rotated "ANULADA" watermark came last on the ATCUD footer line, and the cancelled
    receipt's 960,40 was income with no warning."""
    kind, fields, warnings = read(RECEIPT.format(footer=footer))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["amount_received"] == Decimal("960.40")
    assert "document_cancelled" in warnings


@pytest.mark.parametrize(
    "footer",
    [
        "Processado por programa certificado n.º 2417/AT ATCUD: JF7K2M-58",
        "Em caso de devolução a fatura será ANULADA",
        "Serviço prestado no âmbito do processo anulado",
        "Os valores podem ser anulados por nota de crédito.",
    ],
)
def test_a_line_mentioning_cancelling_is_no_watermark(footer: str) -> None:
    _, _, warnings = read(RECEIPT.format(footer=footer))
    assert "document_cancelled" not in warnings


SS_YEAR = """SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P. - Centro Nacional de Pensões
DECLARAÇÃO DE RENDIMENTOS - ANO 2025
(para efeitos de IRS - Modelo 3, Anexo A, Quadro 4)
Nome: Rosa Maria Antunes Teixeira
NIF: 257171959
Entidade pagadora: Instituto da Segurança Social, I.P. - NIF 505 305 500
Prestação Código Rendimento bruto Retenção IRS
{rows}
Declara-se, para os devidos efeitos, que no ano de 2025 foram pagos ao beneficiário os
rendimentos acima, incluindo os subsídios de férias e de Natal.
Lisboa, 2 de fevereiro de 2026"""
ROWS = """Pensão de velhice 401 8 400,00 € 380,00 €
Pensão de sobrevivência 401 2 940,00 € 0,00 €
Complemento por dependência 401 1 215,20 € 0,00 €"""


def test_a_year_declaration_of_several_pensions_is_its_total_row() -> None:
    """Round 48A (P06): three pensions' rows and a "Total" row: the first row was the year's amount, a third of
    the income lost, no warning."""
    kind, fields, warnings = read(SS_YEAR.format(rows=ROWS + "\nTotal 12 555,20 € 380,00 €"))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("12555.20")
    assert "derived:annual_amount" not in warnings


def test_a_year_declaration_of_several_pensions_without_a_total_is_their_sum() -> None:
    kind, fields, warnings = read(SS_YEAR.format(rows=ROWS))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("12555.20")
    assert "derived:annual_amount" in warnings


def test_a_year_declaration_of_rows_whose_columns_disagree_is_not_read() -> None:
    """A row with an amount missing (a scan's smudge): which amount is the gross is not known, nor is the sum."""
    rows = ROWS.replace("2 940,00 € 0,00 €", "2 940,00 €")
    _, fields, _ = read(SS_YEAR.format(rows=rows))
    assert fields.get("annual_amount") is None


ANNEX_A = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3 - ROSTO
Quadro 2 - Ano dos rendimentos: 2025
Quadro 3 - Sujeito passivo A: Henrique Bastos Valadares
NIF: 238958957
Anexos entregues: A
ANEXO A - Trabalho dependente e pensões
{table}
Código 401: Rendimentos do trabalho dependente."""


@pytest.mark.parametrize("dues", ["Quot. sindicais", "Quotas sindicais", "Quotizações sindicais"])
def test_an_annex_a_table_with_a_union_dues_column_is_read(dues: str) -> None:
    """Round 48A (T02): Quadro 4A's 7th column "Quot. sindicais" was no column to the reader, the rows held one
    amount too many, and the return's gross, withholdings and employment income were all lost."""
    table = f"""NIF entidade Código Titular Rendimentos Retenções IRS Contribuições {dues}
503504564 401 A 26 310,00 3 870,00 2 894,10 105,00
Soma 26 310,00 3 870,00 2 894,10 105,00"""
    kind, fields, _ = read(ANNEX_A.format(table=table))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["gross_income"] == Decimal("26310.00")
    assert fields["employment_income"] == Decimal("26310.00")
    assert fields["withholdings"] == Decimal("3870.00")


PENSION_TABLE = """NIF entidade Código Titular Rendimentos Retenções Contribuições
{first}
600084779 404 A 4 980,00 0,00 0,00
{soma}"""


def test_a_payer_row_lost_above_an_unreadable_soma_is_no_total() -> None:
    """Round 48A (T08): on a photo the first payer's row was lost (read as the header's run-on) and the "Soma"
    row's amounts were specks; the second payer's row alone was given as the return's gross and pension income."""
    table = PENSION_TABLE.format(first="“ S0S3OSSOO “O4 A II ZOO,OO I.O34,OO O,OO", soma="É Soma DO somam rt E")
    _, fields, warnings = read(ANNEX_A.format(table=table))
    assert fields["gross_income"] is None
    assert fields["pension_income"] is None
    assert "missing:gross_income" in warnings


def test_a_soma_printing_the_income_alone_still_checks_the_rows() -> None:
    table = PENSION_TABLE.format(first="505305500 404 A 10 450,00 962,00 0,00", soma="Soma 15 430,00")
    _, fields, _ = read(ANNEX_A.format(table=table))
    assert fields["gross_income"] == Decimal("15430.00")
    assert fields["pension_income"] == Decimal("15430.00")


REFUSAL_LETTER = """INSTITUTO DA SEGURANÇA SOCIAL, I.P.
Centro Nacional de Pensões
Destinatário: Joaquim Pestana Arruda
NIF: 180830945
Data: 2026-09-14
Assunto: Pensão de velhice - {subject}
Informa-se que o requerimento de pensão de velhice apresentado em 2026-03-02 foi {decision},
por não se verificar o prazo de garantia exigido.
Valor da pensão: {amount} €. Da presente decisão pode reclamar no prazo de 15 dias úteis."""


def test_a_letter_refusing_a_pension_is_refused_saying_so() -> None:
    """Round 48A (N06): a letter refusing an invalidity pension ("foi INDEFERIDO ... Valor da pensão: 0,00 €") was
    read as a pension statement of 0,00 €."""
    from documents.extraction.local import PENSION_REFUSED, refusal
    from documents.extraction.reader import Line, ReadDocument

    text = REFUSAL_LETTER.format(subject="decisão de indeferimento", decision="INDEFERIDO", amount="0,00")
    kind, _, _ = read(text)
    assert kind == DocumentKind.UNKNOWN
    page = ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")
    assert refusal(page, "PROOF_OF_INCOME", []) == PENSION_REFUSED


def test_a_letter_granting_a_pension_is_still_read() -> None:
    text = REFUSAL_LETTER.format(subject="decisão de deferimento", decision="DEFERIDO", amount="612,40").replace(
        "por não se verificar o prazo de garantia exigido.", "sendo pago 14 vezes por ano."
    )
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("612.40")


LISTING = """Portal das Finanças > Faturas e Recibos > Consultar
Faturas e Recibos - Consultar
NIF: 213456780
Nome: Beatriz Toscano Frazão
Período: 2026-01-01 a 2026-11-30 Tipo: Emitidas
Documento Data Adquirente (NIF) Valor base IVA Ret. IRS Situação
FR 1/2026 2026-02-03 509442013 720,00 165,60 180,00 Emitido
FR 2/2026 2026-04-06 514330771 800,00 184,00 200,00 Emitido
FR 3/2026 2026-06-02 509442013 720,00 165,60 180,00 Anulado
FR 4/2026 2026-09-01 514330771 850,00 195,50 212,50 Emitido
Total valor base 3 090,00
Consulta efetuada em 2026-12-01 10:42"""


@pytest.mark.parametrize("title", [None, "Listagem de faturas emitidas", ""])
def test_a_listing_of_faturas_recibo_is_refused_asking_for_them(title: str | None) -> None:
    """Round 48A (I07): the Portal's "Consultar faturas e recibos" listing of 11 faturas-recibo was read as one,
    its first row's amounts, the page's title as the issuer, no warning. It is refused (see
    classify.invoice_listing): it prints no amount received nor client, and a row may be cancelled."""
    from documents.extraction.local import INVOICE_LISTING_REFUSED, refusal
    from documents.extraction.reader import Line, ReadDocument

    text = LISTING
    if title is not None:
        # A program's list, no Portal's title: the "Situação" column says it is a listing.
        text = "\n".join([title, *LISTING.splitlines()[2:]])
    kind, _, _ = read(text)
    assert kind == DocumentKind.UNKNOWN
    page = ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")
    assert refusal(page, "PROOF_OF_INCOME", []) == INVOICE_LISTING_REFUSED


def test_a_receipt_listing_its_services_is_no_listing() -> None:
    """A fatura-recibo whose lines name earlier documents is still one fatura-recibo."""
    text = RECEIPT.format(footer="Processado por programa certificado n.º 2417/AT ATCUD: JF7K2M-58").replace(
        "Design gráfico - convites e sinalética 1 980,00 23% 980,00",
        "FT 12/2026 2026-08-01 Adiantamento 300,00 0,00\nFT 13/2026 2026-09-01 Adiantamento 300,00 0,00",
    )
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["amount_received"] == Decimal("960.40")
