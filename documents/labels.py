"""A recognised document's kind and how it was read, in words (the admin's lists, the report's evidence, the PDF).

The extraction stores codes ("CARTAO_CIDADAO", "ocr"); staff read words in their language (blind probe C31). The
words are in European Portuguese and marked for translation; the English ones are in ``locale/en``. A code not
named here is shown as stored.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DOCUMENT_KIND_LABELS = {
    "CARTAO_CIDADAO": _("Cartão de Cidadão"),
    "TITULO_RESIDENCIA": _("Título de residência"),
    "PASSAPORTE": _("Passaporte"),
    "CARTAO_IDENTIDADE_ESTRANGEIRO": _("Cartão de identidade"),
    "RECIBO_VENCIMENTO": _("Recibo de vencimento"),
    "FATURA_RECIBO": _("Fatura-recibo"),
    "DECLARACAO_PENSAO": _("Declaração de pensão"),
    "DECLARACAO_IRS": _("Declaração de IRS"),
}

METHOD_LABELS = {
    "text": _("texto do PDF"),
    "ocr": _("leitura ótica (OCR)"),
    "remote": _("serviço externo"),
}


def kind_label(code: str) -> str:
    return str(DOCUMENT_KIND_LABELS.get(code, code))


def method_label(code: str) -> str:
    return str(METHOD_LABELS.get(code, code))
