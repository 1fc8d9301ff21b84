"""The authenticity signals' codes in a few words, and how the authenticity check's evidence lists them.

The check's evidence is a sentence for people, in every surface: the API's ``checks[].evidence`` said
"Sinais de autenticidade: PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD (LOW); ..." while the PDF and the admin wrote
"os mesmos valores noutro mês (Baixo)" (blind probe r70a F03). The codes stay where a client keys on them, in
``authenticity[].signals[].code`` (docs/api.md: never renamed).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from screening.models import RiskLevel

# The authenticity signals' codes (screening/rules/authenticity.py, documents/extraction/forensics.py, the reuse in
# screening/selectors.py) in a few words: the check's evidence lists them, and the admin and the PDF printed the codes
# ("PAYSLIP_EMPLOYER_NIF_INVALID (MEDIUM)", blind probe r69a). The API keeps the codes: a client may key on them.
SIGNAL_WORDS = {
    "CERTIFICATE_VALIDITY_TOO_LONG": _("certidão válida por mais tempo do que o emissor permite"),
    "DOCUMENT_REUSED": _("documento enviado por outra pessoa"),
    "DOCUMENT_SEEN_IN_OTHER_AGENCY": _("documento já enviado a outra agência"),
    "DOCUMENT_SENT_BEFORE": _("documento já enviado antes pela mesma pessoa"),
    "DOCUMENT_SENT_BY_SPOUSE": _("declaração conjunta enviada pelo cônjuge"),
    "IMAGE_EDITOR_SOFTWARE": _("imagem gravada por um editor de imagem"),
    "INVOICE_ISSUER_CHANGED": _("faturas-recibo de emitentes diferentes"),
    "INVOICE_NUMBER_OUT_OF_ORDER": _("faturas-recibo numeradas fora da ordem das datas"),
    "INVOICE_NUMBER_REUSED": _("número de fatura-recibo repetido"),
    "ISSUE_DATE_IN_FUTURE": _("data de emissão futura"),
    "PAYSLIP_EMPLOYEE_NIF_AMBIGUOUS": _("recibo com dois NIF do trabalhador"),
    "PAYSLIP_EMPLOYER_CHANGED": _("recibos de entidades patronais diferentes"),
    "PAYSLIP_EMPLOYER_NIF_INVALID": _("NIF da entidade patronal inválido"),
    "PAYSLIP_IRS_IMPLAUSIBLE": _("retenção de IRS impossível"),
    "PAYSLIP_PAYMENT_DATE": _("data de pagamento fora do período do recibo"),
    "PAYSLIP_PERIODS_NOT_CONSECUTIVE": _("meses dos recibos não seguidos"),
    "PAYSLIP_PERIOD_TWICE": _("o mesmo mês em dois recibos diferentes"),
    "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD": _("os mesmos valores noutro mês"),
    "PAYSLIP_SS_ABOVE_RATE": _("Segurança Social acima de 11 % do ilíquido"),
    "PAYSLIP_SS_BELOW_RATE": _("Segurança Social muito abaixo de 11 % do ilíquido"),
    "PERIOD_IN_FUTURE": _("mês do recibo ainda por vir"),
    "PDF_ACTIVE_CONTENT": _("PDF com anexos ou ações"),
    "PDF_AMOUNT_AS_IMAGE": _("valor colado como imagem"),
    "PDF_ANNOTATED_AMOUNT": _("valor escrito numa anotação"),
    "PDF_COVERED_AMOUNT": _("valor tapado por um retângulo"),
    "PDF_FONT_OUTLIER": _("valor num tipo de letra diferente"),
    "PDF_FOREIGN_DATA": _("dados fora do PDF"),
    "PDF_INCREMENTAL_PAGE_EDIT": _("página alterada depois de criada"),
    "PDF_INCREMENTAL_UPDATE": _("revisões posteriores à criação"),
    "PDF_INVISIBLE_TEXT": _("texto invisível"),
    "PDF_JAVASCRIPT": _("código JavaScript no PDF"),
    "PDF_METADATA_WIPED": _("PDF sem metadados"),
    "PDF_MODIFIED_AFTER_CREATION": _("PDF modificado depois de criado"),
    "PDF_PRODUCER_EDITOR": _("PDF gravado por um editor"),
    "PDF_PRODUCER_OFFICE": _("PDF produzido por um programa de escritório"),
    "PDF_TEXT_LAYER_MISMATCH": _("texto invisível diferente da imagem"),
    "PDF_TEXT_OVER_PICTURE": _("valores escritos sobre uma imagem"),
}


def signals_in_words(signals: list[dict[str, Any]]) -> str:
    """'os mesmos valores noutro mês (Baixo), PDF sem metadados (Médio)': each signal and its level in pt-PT, the
    language of the report's sentences whatever the worker's; a code not named here is kept as it is."""
    with translation.override("pt-pt"):
        return ", ".join(f"{SIGNAL_WORDS.get(s['code'], s['code'])} ({severity_words(s['severity'])})" for s in signals)


def severity_words(code: str) -> str:
    """A signal's severity in the risk's words ("MEDIUM" -> "Médio")."""
    return str(RiskLevel(code).label) if code in RiskLevel.values else str(code)
