"""A penhora on pay or a pension: warned by the extractor, stated by the screening, never counted against the
income nor a risk level by itself (blind probe r48a: a pension seized in part read as any other deduction)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.garnishment import garnished
from documents.extraction.local import LocalExtractor
from documents.extraction.reader import Line
from documents.extraction.schema import GARNISHMENT
from screening.rules.garnishment import verify_garnishment
from screening.rules.report import generate_report

PAYSLIP = [
    "RECIBO DE VENCIMENTO",
    "Entidade patronal: Metalurgia do Vouga, Lda. NIF 509442013",
    "Trabalhador: Rosa Maria Teixeira NIF 245718931",
    "Período: Outubro 2026",
    "Vencimento base 1 450,00",
    "Total ilíquido 1 450,00",
    "Segurança Social (11%) 159,50",
    "Retenção IRS 130,50",
    "{row}",
    "Total descontos {deductions}",
    "Líquido a receber {net}",
]


def payslip_pdf(row: str, *, deductions: str, net: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    for index, text in enumerate(PAYSLIP):
        pdf.drawString(60, 780 - 22 * index, text.format(row=row, deductions=deductions, net=net))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_payslip_withholding_a_penhora_is_warned_and_its_net_still_read() -> None:
    data = payslip_pdf("Penhora de vencimento (proc. 1234/25.0T8LSB) 250,00", deductions="540,00", net="910,00")
    result = LocalExtractor().extract(data, document_type="PROOF_OF_INCOME")
    assert GARNISHMENT in result.warnings
    assert str(result.fields["net_pay"]) == "910.00"


def test_a_payslip_without_one_is_not_warned() -> None:
    data = payslip_pdf("Quotização sindical 14,50", deductions="304,50", net="1 145,50")
    assert GARNISHMENT not in LocalExtractor().extract(data, document_type="PROOF_OF_INCOME").warnings


@pytest.mark.parametrize(
    "row",
    [
        "Penhora AT - Execução fiscal 3456/2025 180,00",
        "Desconto judicial 95,40",
        "Attachment of earnings order 120.00",
        "Saisie sur pension 88,20",
    ],
)
def test_garnishments_as_payers_caption_them_are_found(row: str) -> None:
    assert garnished([Line("Pensão 812,30"), Line(row)])


@pytest.mark.parametrize(
    "row",
    [
        "Penhora 0,00",
        "Sem penhoras registadas",
        "Valor impenhorável: 870,00",
        "Limite de penhorabilidade (art. 738.º CPC) 870,00",
        "Penhora",
    ],
)
def test_no_garnishment_where_none_is_withheld(row: str) -> None:
    assert not garnished([Line("Vencimento base 1 450,00"), Line(row)])


def document(kind: str, warnings: list[str], **fields: Any) -> dict[str, Any]:
    return {"document_id": f"d-{kind}", "status": "EXTRACTED", "kind": kind, "fields": fields, "warnings": warnings}


def test_the_screening_states_it_with_a_failed_check_and_no_risk() -> None:
    state = {
        "documents": [
            document("RECIBO_VENCIMENTO", [GARNISHMENT], period="2026-10"),
            document("RECIBO_VENCIMENTO", [], period="2026-09"),
            document("DECLARACAO_IRS", [GARNISHMENT]),
        ]
    }
    result = verify_garnishment(state)
    [check] = result["checks"]
    assert (check["name"], check["passed"], check["document_id"]) == (
        "income.garnishment",
        False,
        "d-RECIBO_VENCIMENTO",
    )
    assert check["evidence"].startswith("O recibo de vencimento de 10/2026 indica uma penhora")
    assert result["reasons"] == ["income_garnished"]
    assert verify_garnishment({"documents": [document("DECLARACAO_PENSAO", [])]}) == {"checks": [], "reasons": []}


def test_the_report_words_it_among_what_to_weigh() -> None:
    state = {
        "identity": {"verified": True},
        "income": {"verified": True, "average_monthly_income": "1061.67", "stated": ["income_garnished"],
                   "source": "payslips", "months": [], "method": "3 recibos"},
        "affordability": {"risk_level": "LOW", "dti_ratio": "0.3000", "monthly_cost": "318.50",
                          "cost_label": "renda mensal", "reasons": []},
    }  # fmt: skip
    text = generate_report(state)["justification"]
    assert "A ponderar (não altera o risco): há penhora descontada no rendimento" in text
    assert text.startswith("Risco baixo.")
