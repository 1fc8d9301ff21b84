"""A recognised document's kind, how it was read, its fields and warnings, in words (the admin's lists and pages, the
report's evidence, the PDF).

The extraction stores codes ("CARTAO_CIDADAO", "ocr"); staff read words in their language (blind probe C31). The
words are in European Portuguese and marked for translation; the English ones are in ``locale/en``. A code not
named here is shown as stored.
"""

from __future__ import annotations

from typing import Any

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
    # Every kind the extraction recognises (documents.extraction.schema.DocumentKind): the readable copy of a
    # person's data printed "DECLARACAO_ENTIDADE_PATRONAL" for the ones missing here (ADR 047).
    "NOTA_LIQUIDACAO": _("Nota de liquidação de IRS"),
    "DECLARACAO_INICIO_ATIVIDADE": _("Declaração de início de atividade"),
    "CERTIDAO_AT": _("Certidão das Finanças"),
    "DECLARACAO_SS": _("Declaração da Segurança Social"),
    "DECLARACAO_ENTIDADE_PATRONAL": _("Declaração da entidade patronal"),
    "UNKNOWN": _("Documento não reconhecido"),
}

METHOD_LABELS = {
    "text": _("texto do PDF"),
    "ocr": _("leitura ótica (OCR)"),
    "remote": _("serviço externo"),
}


# A file's type as people name it: the documents list printed "image/png" (blind probe r69a).
CONTENT_TYPE_LABELS = {
    "application/pdf": _("PDF"),
    "image/jpeg": _("imagem JPEG"),
    "image/png": _("imagem PNG"),
}


def content_type_label(content_type: str) -> str:
    return str(CONTENT_TYPE_LABELS.get(content_type, content_type))


def kind_label(code: str) -> str:
    return str(DOCUMENT_KIND_LABELS.get(code, code))


def method_label(code: str) -> str:
    return str(METHOD_LABELS.get(code, code))


# What the extraction read, by its field's name in the report and in ``documents.extraction.schema`` (every kind's
# fields: blind probe r69a read "given names", "issuing state", "employee nif" on the applicant's page).
FIELD_LABELS = {
    "full_name": _("Nome"),
    "name": _("Nome"),
    "surname": _("Apelido"),
    "given_names": _("Nomes próprios"),
    "nif": _("NIF"),
    "document_number": _("Número do documento"),
    "date_of_birth": _("Data de nascimento"),
    "expiry_date": _("Validade"),
    "issue_date": _("Data de emissão"),
    "nationality": _("Nacionalidade"),
    "sex": _("Sexo"),
    "side": _("Lado"),
    "issuing_state": _("Estado emissor"),
    "kind": _("Tipo de documento"),
    # The fields only checks name: the authenticity check's, the ratio's.
    "authenticity": _("Autenticidade"),
    "dti_ratio": _("Taxa de esforço"),
    "mrz": _("Zona de leitura ótica"),
    "mrz_valid": _("Zona de leitura ótica válida"),
    "mrz_printed": _("Tem zona de leitura ótica"),
    "employee_name": _("Nome do trabalhador"),
    "employee_nif": _("NIF do trabalhador"),
    "employer_name": _("Entidade patronal"),
    "employer_nif": _("NIF da entidade patronal"),
    "period": _("Mês"),
    "base_salary": _("Vencimento base"),
    "gross_pay": _("Ilíquido"),
    "deductions": _("Descontos"),
    "net_pay": _("Líquido"),
    "regular_net_pay": _("Líquido regular"),
    "variable_net_pay": _("Líquido de trabalho suplementar e ajudas de custo"),
    "irs_withholding": _("Retenção de IRS"),
    "social_security": _("Segurança Social"),
    "subsidy_amount": _("Subsídio pago no mês"),
    "subsidy_twelfths_amount": _("Duodécimos de subsídios"),
    "pay_frequency": _("Periodicidade do pagamento"),
    "period_start": _("Início do período"),
    "period_end": _("Fim do período"),
    "payment_date": _("Data de pagamento"),
    "period_to_come": _("Mês ainda por vir"),
    "taxpayer_name": _("Nome do contribuinte"),
    "taxpayer_nif": _("NIF do contribuinte"),
    "year": _("Ano"),
    "gross_income": _("Rendimento bruto"),
    "tax_paid": _("Imposto pago"),
    "taxable_income": _("Rendimento coletável"),
    "withholdings": _("Retenções na fonte"),
    "payments_on_account": _("Pagamentos por conta"),
    "amount_payable": _("Valor a pagar"),
    "amount_refundable": _("Valor a reembolsar"),
    "annexes": _("Anexos"),
    "employment_income": _("Rendimentos do trabalho dependente"),
    "pension_income": _("Rendimentos de pensões"),
    "self_employment_income": _("Rendimentos empresariais e profissionais"),
    "joint_return": _("Declaração conjunta"),
    "spouse_name": _("Nome do cônjuge"),
    "spouse_nif": _("NIF do cônjuge"),
    "taxpayer_gross_income": _("Rendimento bruto do contribuinte"),
    "spouse_gross_income": _("Rendimento bruto do cônjuge"),
    "issuer_name": _("Nome do emitente"),
    "issuer_nif": _("NIF do emitente"),
    "acquirer_name": _("Nome do adquirente"),
    "acquirer_nif": _("NIF do adquirente"),
    "invoice_number": _("Número da fatura-recibo"),
    "base_amount": _("Valor base"),
    "vat_amount": _("IVA"),
    "amount_received": _("Valor recebido"),
    "start_date": _("Data de início"),
    "end_date": _("Data de fim"),
    "activity_code": _("Código da atividade"),
    "activity_description": _("Atividade"),
    "pensioner_name": _("Nome do pensionista"),
    "pensioner_nif": _("NIF do pensionista"),
    "issuer": _("Entidade emissora"),
    "pension_type": _("Tipo de pensão"),
    "pension_types": _("Tipos de pensão"),
    "gross_monthly_amount": _("Valor mensal ilíquido"),
    "net_monthly_amount": _("Valor mensal líquido"),
    "payments_per_year": _("Pagamentos por ano"),
    "annual_amount": _("Valor anual"),
    "holder_name": _("Nome do titular"),
    "holder_nif": _("NIF do titular"),
    "status": _("Situação"),
    "valid_until": _("Válida até"),
    "validation_code": _("Código de validação"),
    "contract_type": _("Tipo de contrato"),
    "monthly_gross_salary": _("Salário mensal ilíquido"),
    "monthly_net_salary": _("Salário mensal líquido"),
    "probation_days": _("Dias de período experimental"),
    "probation_end_date": _("Fim do período experimental"),
}

# The codes some fields hold, in words ("front", "FIXED_TERM", "SEMI_MONTHLY").
FIELD_VALUE_LABELS: dict[str, dict[str, Any]] = {
    "side": {"front": _("frente"), "back": _("verso"), "both": _("frente e verso")},
    "sex": {"M": _("masculino"), "F": _("feminino"), "X": _("não especificado")},
    "contract_type": {"PERMANENT": _("sem termo"), "FIXED_TERM": _("a termo")},
    "pay_frequency": {"WEEKLY": _("semanal"), "FORTNIGHTLY": _("quinzenal"), "SEMI_MONTHLY": _("duas vezes por mês")},
    "status": {"REGULAR": _("regularizada"), "IRREGULAR": _("não regularizada")},
    # Two documents hold an issuer: the tax status certificate (AT, SS) and the pension statement (blind probe r70a
    # F28: "SEGURANCA_SOCIAL" on the admin's fields).
    "issuer": {
        "AT": _("Autoridade Tributária"),
        "SS": _("Segurança Social"),
        "SEGURANCA_SOCIAL": _("Segurança Social"),
        "CGA": _("Caixa Geral de Aposentações"),
    },
}

# What the extraction warns of (``warnings`` of a document and of each part), in words: the page printed
# "nif checksum invalid" (blind probe r69a).
WARNING_LABELS = {
    "arithmetic_mismatch": _("ilíquido menos descontos não dá o líquido"),
    "base_salary_implausible": _("vencimento base improvável"),
    "currency_not_eur": _("valores noutra moeda que não o euro"),
    "date_of_birth_implausible": _("data de nascimento impossível"),
    "document_cancelled": _("documento anulado"),
    "document_expired": _("documento fora da validade"),
    "document_number_check_invalid": _("número do documento com dígito de controlo inválido"),
    "document_number_implausible": _("número do documento improvável"),
    "document_number_unreadable": _("número do documento ilegível"),
    "document_type_mismatch": _("documento de outro tipo do que o indicado"),
    "expiry_date_implausible": _("data de validade impossível"),
    "foreign_payslip": _("recibo de outro país"),
    "foreign_vat_check_invalid": _("número de IVA estrangeiro inválido"),
    "garnishment": _("penhora descontada"),
    "invoice_not_receipt": _("fatura sem recibo (não prova pagamento)"),
    "issue_date_implausible": _("data de emissão impossível"),
    "issuer_is_acquirer": _("emitente igual ao adquirente"),
    "issuer_is_company": _("emitida por uma empresa"),
    "leave_paid_apart": _("licença paga pela Segurança Social"),
    "leave_withheld": _("dias de licença ou faltas descontados"),
    "mrz_check_invalid": _("zona de leitura ótica com dígito de controlo inválido"),
    "mrz_name_truncated": _("nome cortado na zona de leitura ótica"),
    "mrz_unread": _("zona de leitura ótica não lida"),
    "multiple_employees": _("vários trabalhadores no ficheiro"),
    "multiple_identity_documents": _("vários documentos de identificação no ficheiro"),
    "multiple_invoices": _("várias faturas-recibo no ficheiro"),
    "multiple_payslips": _("vários recibos no ficheiro"),
    "net_negative": _("líquido negativo"),
    "nif_ambiguous": _("mais de um NIF possível"),
    "nif_checksum_invalid": _("NIF com dígito de controlo inválido"),
    "nif_unread": _("NIF ilegível"),
    "nothing_paid": _("nada pago"),
    "one_off_act": _("ato isolado"),
    "other_documents_in_file": _("outros documentos no ficheiro"),
    "payments_per_year_implausible": _("número de pagamentos por ano improvável"),
    "payslip_corrected": _("recibo corrigido"),
    "payslip_pages_missing": _("só parte das páginas do recibo"),
    "pension_subsidy_month": _("mês de subsídio da pensão"),
    "period_implausible": _("mês improvável"),
    "period_in_future": _("mês ainda por vir"),
    "proof_of_filing_only": _("apenas comprovativo de entrega"),
    "salary_implausible": _("salário improvável"),
    "specimen": _("espécime"),
    "started_within_month": _("emprego iniciado a meio do mês"),
    "subsidy_implausible": _("subsídio improvável"),
    "subsidy_unread": _("subsídio no recibo sem valor lido"),
    "termination_pay": _("último recibo do contrato (compensação ou férias por gozar)"),
    "valid_until_implausible": _("data de validade impossível"),
    "year_implausible": _("ano improvável"),
}


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name.replace("_", " ")))


# Warnings about one field, written "<kind>:<field>" (documents.extraction.validation): the field in words.
FIELD_WARNING_LABELS = {
    "missing": _("não lido: %(field)s"),
    "derived": _("calculado a partir dos outros valores: %(field)s"),
    "mrz_viz_mismatch": _("a zona de leitura ótica diz outro valor: %(field)s"),
    "mrz_viz_name_kept": _("mantido o valor impresso, que a zona de leitura ótica válida contradiz: %(field)s"),
}
# ``<field>_unknown``: a country code no list holds, dropped.
UNKNOWN_SUFFIX = "_unknown"


def warning_label(code: str) -> str:
    kind, _colon, field = code.partition(":")
    if field and kind in FIELD_WARNING_LABELS:
        return str(FIELD_WARNING_LABELS[kind]) % {"field": field_label(field)}
    if code.endswith(UNKNOWN_SUFFIX) and code.removesuffix(UNKNOWN_SUFFIX) in FIELD_LABELS:
        return str(_("desconhecido: %(field)s")) % {"field": field_label(code.removesuffix(UNKNOWN_SUFFIX))}
    return str(WARNING_LABELS.get(code, code.replace("_", " ")))


def warnings_text(codes: Any) -> str:
    """A document's warnings in words, joined; "—" when none."""
    return ", ".join(warning_label(str(code)) for code in codes or ()) or "—"


def confidence_text(value: Any) -> str:
    """A reading's confidence (0 to 1) as a whole percentage ("100 %", "85 %"); none as "—"."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float | str):
        return "—"
    try:
        return f"{round(float(value) * 100)} %"
    except ValueError:
        return "—"


def confidence_summary(confidence: dict[str, Any]) -> str:
    """Each field's confidence in words ("Líquido: 100 %; NIF: 90 %"), not the stored JSON (blind probe r69a)."""
    return "; ".join(f"{field_label(name)}: {confidence_text(value)}" for name, value in (confidence or {}).items())
