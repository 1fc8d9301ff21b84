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
