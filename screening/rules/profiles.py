"""Income profiles: which documents prove whose income, with their pt-PT labels.

The applicant declares a profile (``applicants.models.IncomeProfile``: employee, independent worker,
pensioner, mixed, or none). The intake lists ``documents_for_profile(profile)``; the income rules read
``SOURCES_BY_PROFILE`` to say what is missing (docs/adr/013-income-profiles.md).
"""

from __future__ import annotations

from documents.extraction.schema import DocumentKind

EMPLOYEE, INDEPENDENT, PENSIONER, MIXED = "EMPLOYEE", "INDEPENDENT", "PENSIONER", "MIXED"

PROFILE_LABELS = {
    EMPLOYEE: "trabalhador por conta de outrem",
    INDEPENDENT: "trabalhador independente",
    PENSIONER: "pensionista",
    MIXED: "rendimentos de mais de uma fonte",
}
KIND_LABELS = {
    DocumentKind.RECIBO_VENCIMENTO: "Recibos de vencimento dos últimos 3 meses",
    DocumentKind.FATURA_RECIBO: "Faturas-recibo dos últimos 6 a 12 meses (Portal das Finanças)",
    DocumentKind.DECLARACAO_INICIO_ATIVIDADE: "Declaração de início de atividade",
    # A pension from a fund or another country is read and counted too (docs/api.md, Income; blind probe r73b).
    DocumentKind.DECLARACAO_PENSAO: (
        "Declaração de pensão (da Segurança Social, da Caixa Geral de Aposentações, de um fundo de pensões ou de "
        "outro país)"
    ),
    DocumentKind.DECLARACAO_IRS: "Declaração de IRS (Modelo 3) do último ano",
    DocumentKind.NOTA_LIQUIDACAO: "Nota de liquidação de IRS do último ano",
}
KIND_LABELS_EN = {
    DocumentKind.RECIBO_VENCIMENTO: "Payslips for the last 3 months",
    DocumentKind.FATURA_RECIBO: "Invoice-receipts (faturas-recibo) for the last 6 to 12 months (Portal das Finanças)",
    DocumentKind.DECLARACAO_INICIO_ATIVIDADE: "Declaration of start of activity (início de atividade)",
    DocumentKind.DECLARACAO_PENSAO: (
        "Pension statement (from Segurança Social, Caixa Geral de Aposentações, a pension fund or another country)"
    ),
    DocumentKind.DECLARACAO_IRS: "IRS return (Modelo 3) for the last year",
    DocumentKind.NOTA_LIQUIDACAO: "IRS assessment (nota de liquidação) for the last year",
}
TAX_DOCUMENTS = (DocumentKind.DECLARACAO_IRS, DocumentKind.NOTA_LIQUIDACAO)
KINDS_BY_PROFILE: dict[str, tuple[DocumentKind, ...]] = {
    EMPLOYEE: (DocumentKind.RECIBO_VENCIMENTO, *TAX_DOCUMENTS),
    INDEPENDENT: (DocumentKind.FATURA_RECIBO, DocumentKind.DECLARACAO_INICIO_ATIVIDADE, *TAX_DOCUMENTS),
    PENSIONER: (DocumentKind.DECLARACAO_PENSAO, *TAX_DOCUMENTS),
    MIXED: (
        DocumentKind.RECIBO_VENCIMENTO,
        DocumentKind.FATURA_RECIBO,
        DocumentKind.DECLARACAO_INICIO_ATIVIDADE,
        DocumentKind.DECLARACAO_PENSAO,
        *TAX_DOCUMENTS,
    ),
}
# The monthly income sources each profile is proven by (besides a recent IRS document, which proves any).
SOURCES_BY_PROFILE: dict[str, tuple[str, ...]] = {
    EMPLOYEE: ("payslips",),
    INDEPENDENT: ("invoices",),
    PENSIONER: ("pension",),
    MIXED: ("payslips", "invoices", "pension"),
}
# A mixed profile has at least this many sources proven, else the other one is missing.
MIXED_SOURCES_REQUIRED = 2


def documents_for_profile(profile: str, language: str = "pt-PT") -> list[dict[str, str]]:
    """The income documents accepted for a profile, in the order to ask for them: ``[{"kind", "label"}]``.

    An empty or unknown profile (not declared) accepts every income document. ``language`` "en" gives
    English labels, anything else pt-PT.
    """
    kinds = KINDS_BY_PROFILE.get(profile, KINDS_BY_PROFILE[MIXED])
    labels = KIND_LABELS_EN if language.lower().startswith("en") else KIND_LABELS
    return [{"kind": kind.value, "label": labels[kind]} for kind in kinds]
