"""The report's justification, written from fixed pt-PT templates."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

from screening.rules.affordability import effort_sentences, uncounted_income_stated
from screening.rules.authenticity import CHECK_NAME as AUTHENTICITY_CHECK
from screening.rules.common import format_date, format_eur, format_percent, money
from screening.rules.identity import (
    NO_IDENTITY_DOCUMENT_SENT,
    identity_refusals_of,
    name_difference,
    names_words,
    quoted_words,
    sentence_inside,
)
from screening.rules.income import (
    INVOICE_READ_BY_OCR,
    INVOICE_SEND_AGAIN,
    OWNER_CHECKS,
    REFUSED_WARNING,
    UNREADABLE_WARNING,
    invoice_amount_unread,
    misread_invoice,
    refusal_of,
    refusals_in,
    refused_documents_words,
)

# Lowercase inside a sentence ("Risco alto."), as the tables write the level "Alto" (blind probe r70a F26).
RISK_WORDS = {"LOW": "baixo", "MEDIUM": "médio", "HIGH": "alto"}
REASON_TEXT = {
    "identity_not_verified": "a identidade não foi confirmada pelos documentos",
    "no_attributable_income": "não há comprovativos de rendimentos em nome do candidato",
    "own_income_other_nif": "os comprovativos de rendimentos em nome do candidato têm outro NIF que não o indicado "
    "(e que o do documento de identificação) e não foram contados: um erro do emissor ou documentos de outra pessoa "
    "com o mesmo nome",
    # "O seu" read as the reader's own (blind probe r70a, F30): the candidate is named.
    "owner_name_differs": "um comprovativo de rendimentos mostra o NIF do candidato, mas um nome que não é o do "
    "candidato "
    "(nenhum apelido em comum): contado, mas pode ser de outra pessoa com o NIF alterado ou ter um erro do emissor; "
    "confirmar com o emissor",
    "owner_nif_invalid": "um comprovativo de rendimentos imprime um NIF do seu titular que não é válido (dígito de "
    "controlo errado: o do trabalhador num recibo de vencimento, o do emitente numa fatura-recibo), o que um programa "
    "de processamento salarial ou de faturação certificado não emite: confirmar com a entidade patronal, ou pedir a "
    "fatura-recibo do Portal das Finanças",
    "income_unknown": "não foi possível apurar o rendimento mensal",
    "dti_above_high": "a taxa de esforço excede o limite máximo da agência",
    "dti_above_medium": "a taxa de esforço está acima do limite recomendado",
    "partial_income_months": "os rendimentos só estão comprovados para parte dos meses exigidos",
    "income_documents_unreadable": "há comprovativos de rendimentos enviados que não foram contados por não se "
    "conseguirem ler (ilegíveis ou corrompidos): pedir que sejam enviados de novo, conforme o motivo de cada um",
    "income_documents_refused": "há comprovativos de rendimentos enviados que não foram contados por terem sido "
    "recusados pelo que são (um rascunho, uma simulação ou um documento de outro tipo): pedir o documento que o "
    "motivo de cada um indica, não o mesmo de novo",
    "nif_differs_from_documents": "o NIF indicado difere do NIF dos comprovativos de rendimentos em nome do "
    "candidato: um erro no NIF indicado, a corrigir nos dados do candidato (retificação), ou documentos de outra "
    "pessoa",
    "id_expiring_soon": "o documento de identificação caduca em breve",
    # The proof's kind is named from the failed check (``arithmetic_mismatch_words``); these words are for a report
    # whose checks do not say it.
    "arithmetic_mismatch": "um comprovativo de rendimentos tem valores que não batem certo (ilíquido, descontos e "
    "líquido)",
    # Not "valores que não batem certo": no figure unread can disagree (blind probe r75a, D4).
    "payslip_net_unread": "um recibo de vencimento não foi contado por não se ter lido o líquido (fotografia pouco "
    "nítida, um carimbo ou uma página em falta): pedir uma fotografia nítida do recibo inteiro, ou o PDF",
    "pension_amount_unread": "uma declaração de pensão não foi contada por não se ter lido o valor da pensão (nem o "
    "ilíquido nem o líquido): confirmar o valor no documento, ou pedir uma cópia nítida da declaração inteira ou o PDF",
    "invoice_amount_unread": "uma fatura-recibo não foi contada por não se ter lido a base ou a importância recebida: "
    "confirmar os valores no documento, ou pedir o PDF do Portal das Finanças",
    "document_cancelled": "uma fatura-recibo apresentada está anulada e não foi contada como rendimento",
    "invoice_not_receipt": "uma fatura apresentada não tem recibo (pagamento não comprovado) e não foi contada como rendimento",
    "one_off_act": "uma fatura-recibo é de um ato isolado, um rendimento pontual que não foi contado como mensal",
    "payslip_contract_ended": "um recibo de vencimento é o último de um contrato que terminou (compensação pela "
    "cessação ou férias não gozadas): o rendimento desse emprego pode não continuar",
    "latest_payslip_old": "o recibo de vencimento mais recente tem mais de dois meses: os meses seguintes não estão "
    "comprovados (pedir o último recibo)",
    "latest_invoice_old": "a fatura-recibo mais recente tem mais de dois meses: os meses seguintes não têm "
    "faturas-recibo e contam como meses sem rendimento (pedir a última fatura-recibo)",
    "currency_not_eur": "um rendimento (recibo ou pensão) é pago noutra moeda e não foi contado; "
    "o valor em euros fica para quem decide",
    "fuzzy_name_match": "o nome só coincide aproximadamente com o dos documentos",
    "page_surname_not_mrz": "o apelido impresso no documento de identificação não é o da sua zona de leitura ótica "
    "(MRZ), válida: confirmar no original se a página foi alterada ou o apelido mal lido",
    "page_date_not_mrz": "uma data impressa no documento de identificação (nascimento ou validade) não é a da sua zona "
    "de leitura ótica (MRZ), válida: confirmar no original se a página foi alterada",
    "llm_consistency_concern": "a análise automática assinalou incoerências nos documentos",
    "guarantor_covers": "um fiador com rendimento suficiente garante a renda (risco baixado um nível)",
    "guarantor_does_not_cover": "o fiador não tem rendimento suficiente para garantir a renda",
    "guarantor_income_not_proven": "o rendimento do fiador não está comprovado (comprovativos em falta, "
    "ilegíveis, de outra pessoa ou noutra moeda)",
    "guarantor_identity_not_verified": "a identidade do fiador não está confirmada",
    "guarantor_income_partial": "o rendimento do fiador só está comprovado em parte: não garante a renda até o estar",
    "guarantor_covers_but_not_applied": "o fiador cobriria a renda, mas isso não compensa os outros motivos",
    "authenticity_concern": "um documento tem sinais de possível adulteração ou reutilização; "
    "sugere-se pedir o original ao emissor antes de decidir",
    # Stated, never a rejection (screening.rules.certificates).
    "certificate_irregular": "uma certidão indica situação tributária ou contributiva não regularizada",
    "certificate_expired": "uma certidão de situação tributária ou contributiva já caducou",
    "certificate_not_owned": "uma certidão de situação tributária ou contributiva é de outra pessoa",
    # Stated, never a rejection (screening.rules.employment).
    "employment_declaration_not_owned": "a declaração da entidade patronal é de outro trabalhador",
    "employment_declaration_outdated": "a declaração da entidade patronal foi emitida há mais de três meses",
    "employment_contract_ended": "o contrato declarado pela entidade patronal já terminou: o rendimento desse "
    "emprego pode não continuar",
    "employment_contract_ending_soon": "o contrato a termo declarado termina nos próximos seis meses",
    "employment_declaration_other_employer": "a declaração da entidade patronal é de outra entidade que não a dos recibos",
    "employment_declaration_salary_differs": "o vencimento declarado pela entidade patronal difere do dos recibos",
    # Stated, never a rejection (screening.rules.garnishment).
    "income_garnished": "há penhora descontada no rendimento (uma dívida em cobrança)",
}


def generate_report(state: dict[str, Any]) -> dict[str, Any]:
    """Node: risk, identity, income, ratio and reasons in a few sentences; a recommendation, never a decision."""
    identity, income, affordability = state["identity"], state["income"], state["affordability"]
    parts = [f"Risco {RISK_WORDS[affordability['risk_level']]}."]
    if identity["verified"]:
        parts.append("Identidade confirmada pelo documento de identificação.")
    elif identity.get("nif_conflict"):
        parts.append(nif_conflict_sentence(identity))
    else:
        parts.append("Identidade não confirmada.")
    parts.append(income_sentence(income, nif_conflict=bool(identity.get("nif_conflict"))))
    parts.extend(effort_sentences(affordability, state))
    thresholds = state.get("thresholds")
    reasons = [
        text
        for text in (reason_words(r, identity, income, thresholds=thresholds) for r in affordability["reasons"])
        if text
    ]
    if reasons:
        parts.append("Motivos: " + "; ".join(dict.fromkeys(reasons)) + ".")
    stated_reasons = [
        *(income.get("stated") or ()),
        *uncounted_income_stated(income.get("warnings") or [], affordability["reasons"]),
    ]
    # A declared contract that has ended is stated, and is a reason for the risk when no later payslip was sent: said
    # once, as the reason.
    stated = [REASON_TEXT.get(reason, reason) for reason in stated_reasons if reason not in affordability["reasons"]]
    if stated:
        parts.append("A ponderar (não altera o risco): " + "; ".join(dict.fromkeys(stated)) + ".")
    left_out = not_submitted_sentence(state.get("not_submitted") or [], role_words(state))
    if left_out:
        parts.append(left_out)
    parts.append(ADVICE_SENTENCE)
    return {"justification": " ".join(parts), "language": "pt-PT", "english": None}


# A report's last sentence. The API's justification keeps it (its consumers read that text alone); the report PDF and
# the admin's pages print their own line saying so, and show the justification without it (blind probe r76a, F4).
ADVICE_SENTENCE = "Este relatório é uma recomendação: a decisão cabe a um colaborador da agência."


def justification_without_advice(justification: str) -> str:
    """A justification as a page that says itself that the report is advice prints it: without its closing sentence
    (reports stored before read the same: their sentence was this one)."""
    return justification.removesuffix(ADVICE_SENTENCE).rstrip()


def reason_words(
    reason: str, identity: dict[str, Any], income: dict[str, Any], *, thresholds: dict[str, Any] | None = None
) -> str:
    """A reason of the risk in words; for the two whose code alone said less than, or other than, what happened, from
    the person's own identity and income results (blind probe r70a, F12 and F25). "" when another reason already says
    it all (docs/adr/042-reasons-say-what-happened.md). A ratio's reason names its limit from ``thresholds``."""
    if reason == "identity_not_verified":
        return identity_not_verified_words(identity)
    if reason == "no_attributable_income":
        return no_attributable_income_words(income)
    if reason == "arithmetic_mismatch":
        return arithmetic_mismatch_words(income)
    if reason == REFUSED_WARNING:
        return refused_words(income)
    if reason == FUZZY_NAME_WARNING:
        return fuzzy_name_words(identity)
    return reason_with_limit(reason, thresholds)


# The agency's limit each ratio reason is about (thresholds' keys).
DTI_LIMIT_OF = {"dti_above_high": "dti_high", "dti_above_medium": "dti_medium"}


def reason_with_limit(reason: str, thresholds: dict[str, Any] | None) -> str:
    """A reason in words; a ratio's with its limit's figure ("... acima do limite recomendado (35 %)"): staff reading
    the justification alone did not see which limit (blind probe r78b)."""
    text = REASON_TEXT.get(reason, reason)
    key = DTI_LIMIT_OF.get(reason)
    if key and thresholds and thresholds.get(key) is not None:
        text += f" ({format_percent(Decimal(str(thresholds[key])))})"
    return text


FUZZY_NAME_WARNING = "fuzzy_name_match"


def fuzzy_name_words(identity: dict[str, Any]) -> str:
    """A name that matched only roughly as its check says it: which word was left out or added, where a word was
    (blind probe r75d, F3 and F4: "o nome só coincide aproximadamente" of a surname left out); the letters differing
    otherwise."""
    name_check = next((c for c in identity.get("checks") or [] if c["name"] == "identity.name_match"), None)
    difference = name_difference(name_check)
    if difference is None:
        return REASON_TEXT[FUZZY_NAME_WARNING]
    how, words = difference
    if how == "surname":
        return f"o nome indicado não tem o último apelido do documento de identificação, {quoted_words(words)}"
    if how == "left_out":
        return f"o nome indicado não tem {names_words(words)} do documento de identificação"
    if how == "unread":
        # The document's name was read in part: the word may be printed there (blind probe r78d, cause 2).
        return f"o nome indicado tem {names_words(words)}, que não se leu no documento de identificação"
    return f"o nome indicado tem {names_words(words)}, que o documento de identificação não tem"


def refused_words(income: dict[str, Any]) -> str:
    """The proofs refused for what they are, by what each was taken for, as their own reasons say ("1 documento que
    é um certificado de matrícula ou de inscrição"): "um rascunho, uma simulação ou um documento de outro tipo" said
    of an enrolment certificate let staff suspect a forgery (blind probe r74c, F5)."""
    refusals = refusals_in(income.get("checks") or [])
    if not refusals:
        return REASON_TEXT[REFUSED_WARNING]
    return (
        "há comprovativos de rendimentos enviados que não foram contados por terem sido recusados pelo que são, "
        f"{refused_documents_words(refusals)}: pedir o documento que o motivo de cada um indica, não o mesmo de novo"
    )


def not_counted_words(income: dict[str, Any]) -> str:
    """The proofs of income read and not counted, by kind and why ("1 declaração de pensão (sem data lida)"), and the
    files not read or refused for what they are that no reason of the risk names (it does while the income is not
    proven); "" when there are none. The applicant's explanation lists them; staff's text said
    "Rendimentos verificados: Sim" and nothing of a pension not counted (blind probe r74c, F3; docs/adr/042)."""
    checks = income.get("checks") or []
    warnings = income.get("warnings") or []
    said = [str(income["not_counted"])] if income.get("not_counted") else []
    unread = sum(1 for c in checks if c["name"] == "income.document_read" and not c["passed"] and not refusal_of(c))
    if unread and UNREADABLE_WARNING not in warnings:
        said.append(
            "1 ficheiro que não se conseguiu ler" if unread == 1 else f"{unread} ficheiros que não se conseguiram ler"
        )
    refusals = refusals_in(checks)
    if refusals and REFUSED_WARNING not in warnings:
        said.append(refused_documents_words(refusals))
    return "; ".join(said)


# Each proof whose figures do not add up, by its failed check: one kind, one, and several of it.
ARITHMETIC_WORDS = {
    "income.payslip_arithmetic": (
        "um recibo de vencimento tem valores que não batem certo (ilíquido, descontos e líquido)",
        "{count} recibos de vencimento têm valores que não batem certo (ilíquido, descontos e líquido)",
    ),
    "income.pension_arithmetic": (
        "uma declaração de pensão tem valores que não batem certo (ilíquido, descontos e líquido)",
        "{count} declarações de pensão têm valores que não batem certo (ilíquido, descontos e líquido)",
    ),
    "income.invoice_arithmetic": (
        "uma fatura-recibo tem valores que não batem certo (valor, IVA, retenção na fonte e valor recebido)",
        "{count} faturas-recibo têm valores que não batem certo (valor, IVA, retenção na fonte e valor recebido)",
    ),
}


def arithmetic_mismatch_words(income: dict[str, Any]) -> str:
    """Which proofs do not add up, by their failed checks: a pension statement is no "recibo" (blind probe r73b, F1:
    a German pension's mismatch read "um recibo tem valores que não batem certo")."""
    checks = income.get("checks") or []
    misread = [invoice for c in checks if (invoice := misread_invoice(c))]
    failed = Counter(
        c["name"]
        for c in checks
        if c["name"] in ARITHMETIC_WORDS and not c["passed"] and not misread_invoice(c) and not amount_unread(c)
    )
    said = [
        ARITHMETIC_WORDS[name][0] if count == 1 else ARITHMETIC_WORDS[name][1].format(count=count)
        for name, count in failed.items()
    ]
    if misread:
        # Read off a photo or a scan, named: the invoice adds up on the Portal, its reading failed (blind probe r75a).
        one = len(misread) == 1
        read = INVOICE_READ_BY_OCR if one else "lidas de fotografias ou digitalizações"
        said.append(
            f"{' e '.join(invoice_words(*invoice) for invoice in misread)}, {read}, não se "
            f"{'conseguiu' if one else 'conseguiram'} ler bem (valor, IVA, retenção na fonte e valor recebido não "
            f"batem certo): {INVOICE_SEND_AGAIN}"
        )
    return "; ".join(said) or REASON_TEXT["arithmetic_mismatch"]


# The checks that fail with no amount read, a reading's failure said by a reason of its own (``payslip_net_unread``,
# ``pension_amount_unread``), not as figures that disagree.
UNREAD_WHEN_VALUELESS = frozenset(
    {"income.payslip_arithmetic", "income.pension_arithmetic", "income.invoice_arithmetic"}
)


def amount_unread(check: dict[str, Any]) -> bool:
    if check["name"] == "income.invoice_arithmetic":
        return invoice_amount_unread(check)
    return check["name"] in UNREAD_WHEN_VALUELESS and check.get("value") is None


def invoice_words(number: str | None, issued: str) -> str:
    """An invoice named inside a sentence: "a fatura-recibo FR A/42 de 31/07/2026"."""
    return f"a fatura-recibo {number} de {issued}" if number else f"a fatura-recibo de {issued}"


# Failed identity checks another part of the report says: the expiry margin is a warning of its own, a NIF the
# documents contradict has its own sentence and reason (nif_differs_from_documents).
IDENTITY_SAID_APART = frozenset({"identity.expiry_margin", "identity.nif_documents"})


def identity_not_verified_words(identity: dict[str, Any]) -> str:
    """Why the identity was not confirmed, as its failed checks say it: none sent, none read, or which check of the
    document failed ("a identidade não foi confirmada (documento caducado em 31/08/2026)"), not "pelos documentos"
    alone (C07: an expired card read as no document at all)."""
    failed = failed_identity_checks(identity)
    if any(c["name"] == "identity.document_read" for c in failed):
        return identity_failure_words(identity)
    if not failed:
        return REASON_TEXT["identity_not_verified"]
    return f"a identidade não foi confirmada ({identity_failure_words(identity)})"


def failed_identity_checks(identity: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in identity.get("checks") or [] if not c["passed"] and c["name"] not in IDENTITY_SAID_APART]


def identity_failure_words(identity: dict[str, Any]) -> str:
    """What kept an identity from being confirmed, as a clause: none sent, none read, the kinds refused, or the
    failed checks of the document ("documento caducado em 31/10/2026"); "" when no check says."""
    failed = failed_identity_checks(identity)
    read = next((c for c in failed if c["name"] == "identity.document_read"), None)
    if read is not None:
        if read.get("evidence") == NO_IDENTITY_DOCUMENT_SENT:
            return "não foi enviado nenhum documento de identificação"
        refused = identity_refusals_of(read)
        if refused:
            return refused_identity_words(refused)
        return "nenhum dos documentos de identificação enviados se conseguiu ler"
    return "; ".join(sentence_inside(c["evidence"]) for c in failed)


# What each identity document refused was taken for: the extraction's reason names it first ("Este documento é uma
# carta de condução, que ...").
TAKEN_FOR = re.compile(r"Este documento é ([^,:;(]+)")
ACCEPTED_IDENTITY_DOCUMENTS = (
    "o Cartão de Cidadão (frente e verso), a página de dados do passaporte, o título de residência ou o cartão de "
    "identidade do país do candidato"
)


def refused_identity_words(reasons: list[str]) -> str:
    """Identity documents sent, none of a kind accepted: what they were taken for and what to ask for instead, not
    "none could be read" (blind probe r74a, F6: a driving licence, an EU citizen's registration certificate)."""
    taken_for = [match.group(1).strip() for match in map(TAKEN_FOR.match, reasons) if match]
    what = f" ({'; '.join(taken_for)})" if taken_for else ""
    if len(reasons) > 1:
        sent = f"os documentos enviados como identificação não são documentos de identificação aceites{what}"
    else:
        sent = f"o documento enviado como identificação não é um documento de identificação aceite{what}"
    return f"{sent}: peça {ACCEPTED_IDENTITY_DOCUMENTS}"


def no_attributable_income_words(income: dict[str, Any]) -> str:
    """No income put to the person, said as what happened to the proofs sent: another person's ("não há
    comprovativos de rendimentos em nome do candidato"), none sent, or "" when every proof sent was unread or refused
    for what it is, which their own reasons say (C03, C13: "em nome do candidato" of files nobody could read)."""
    checks = income.get("checks") or []
    # An IRS document counts as the person's whatever its year: failed here, it is another person's.
    if any(c["name"] in OWNER_CHECKS | {"income.tax_document"} and not c["passed"] for c in checks):
        return REASON_TEXT["no_attributable_income"]
    warnings = income.get("warnings") or []
    if UNREADABLE_WARNING in warnings or REFUSED_WARNING in warnings:
        return ""
    if not proofs_of_income_sent(income):
        return "não foi enviado nenhum comprovativo de rendimentos"
    return REASON_TEXT["no_attributable_income"]


def proofs_of_income_sent(income: dict[str, Any]) -> bool:
    """Whether the person sent any proof of income for this application, from the files they sent as such
    (``proofs_sent``). The checks' documents said it before: an authenticity signal on the identity document (the same
    card sent before, for another room: students apply for several) read as a proof sent, and a student who sent none
    read "não há comprovativos de rendimentos em nome do candidato", another person's documents to staff (blind probe
    r77d, F1). A result counted before the field was kept says it from its checks but the authenticity ones."""
    if "proofs_sent" in income:
        return bool(income["proofs_sent"])
    return any(c.get("document_id") for c in income.get("checks") or [] if c["name"] != AUTHENTICITY_CHECK)


def guarantor_income_words(income: dict[str, Any]) -> str:
    """Why the guarantor's income is not proven, as their proofs' own checks say: each sent and not counted by kind
    and why ("1 declaração de pensão (com mais de um ano)"), files not read, proofs refused for what they are; or none
    sent. "Comprovativos em falta, ilegíveis, de outra pessoa ou noutra moeda" said of a pension letter too old was
    none of these (blind probe r75c, S15; docs/adr/042-reasons-say-what-happened.md)."""
    checks = income.get("checks") or []
    said = [str(income["not_counted"])] if income.get("not_counted") else []
    unread = sum(1 for c in checks if c["name"] == "income.document_read" and not c["passed"] and not refusal_of(c))
    if unread:
        said.append(
            "1 ficheiro que não se conseguiu ler" if unread == 1 else f"{unread} ficheiros que não se conseguiram ler"
        )
    refusals = refusals_in(checks)
    if refusals:
        said.append(refused_documents_words(refusals))
    if said:
        return (
            "o rendimento do fiador não está comprovado, por não terem sido contados os comprovativos enviados: "
            + "; ".join(said)
        )
    if checks and not proofs_of_income_sent(income):
        return "o rendimento do fiador não está comprovado: não enviou nenhum comprovativo de rendimentos"
    return REASON_TEXT["guarantor_income_not_proven"]


ROLE_WORDS = {"TENANT": "arrendatário principal", "CO_TENANT": "coarrendatário", "GUARANTOR": "fiador"}
# A couple buying together are buyers, not tenants (cases probe 7: a sale's report called them "arrendatários").
BUYER_ROLE_WORDS = {"TENANT": "comprador principal", "CO_TENANT": "cocomprador", "GUARANTOR": "fiador"}


def role_words(state: dict[str, Any]) -> dict[str, str]:
    return BUYER_ROLE_WORDS if selling(state) else ROLE_WORDS


def selling(state: dict[str, Any]) -> bool:
    return (state.get("property") or {}).get("listing_type") == "VENDA"


def not_submitted_sentence(roles: list[str], words: dict[str, str]) -> str:
    """'Convidados que não submeteram (fora desta análise): fiador.', or '' when everyone invited submitted."""
    if not roles:
        return ""
    return "Convidados que não submeteram (fora desta análise): " + ", ".join(words.get(r, r) for r in roles) + "."


def nif_conflict_sentence(identity: dict[str, Any]) -> str:
    """Which documents contradict the NIF typed: the proofs of income in the person's name, and the identity document
    too when it prints another NIF (cases probe 15, K05: a Cartão de Cidadão and payslips with one NIF, typed with a
    typo)."""
    card = any(c["name"] == "identity.nif_match" and not c["passed"] for c in identity.get("checks") or [])
    which = "do documento de identificação e dos comprovativos" if card else "dos comprovativos"
    return f"Identidade não confirmada: o NIF indicado difere do NIF {which} de rendimentos em nome do candidato."


# The proofs of income in the person's name with another NIF are not counted; they are not missing either. A NIF typed
# in error is corrected by staff on the person's data (rectification, PATCH /api/v1/applicants/{id}), which screens
# again with the proofs sent: no new application is needed (blind probe r74a, F7).
NIF_CONFLICT_INCOME = (
    "Os comprovativos de rendimentos em nome do candidato com outro NIF que não o indicado não foram contados; "
    "se o NIF indicado foi um erro, corrija-o nos dados do candidato (retificação): a análise é refeita e esses "
    "comprovativos passam a contar."
)


def income_sentence(income: dict[str, Any], *, nif_conflict: bool = False) -> str:
    """The income and how it was counted (``method``, from the income rules), then what is missing; with the NIF in
    conflict, the proofs it left uncounted instead of a list of documents "missing" that were sent."""
    sentence = income_amount_sentence(income)
    if nif_conflict:
        return sentence + " " + NIF_CONFLICT_INCOME
    not_counted = not_counted_words(income)
    if not_counted:
        sentence += f" {UNCOUNTED_PROOFS_LEAD_IN}: {not_counted}."
    if income.get("missing"):
        sentence += " Em falta para o perfil declarado: " + " ".join(income["missing"]) + "."
    return sentence


# How the report introduces the proofs sent and not counted, a person's or, by role, a household's.
UNCOUNTED_PROOFS_LEAD_IN = "Comprovativos de rendimentos enviados e não contados"


def income_amount_sentence(income: dict[str, Any]) -> str:
    if income["source"] == "none" or income["average_monthly_income"] is None:
        return "Rendimento não comprovado."
    average = format_eur(money(income["average_monthly_income"]))
    partial = ", apenas parcialmente comprovado" if income.get("partial") else ""
    # An amount the documents do not state as net (a pension's one unlabelled amount, a year's gross) is not called so.
    net = " líquido" if income.get("net_stated", True) else ""
    return f"Rendimento médio mensal{net} de {average}{partial}; método: {income['method']}."


def changes_sentence(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What a report written after new documents changed against the one before them: the risk, the identity, the
    income proven and the ratio, each "before → now", only those that changed (cases probe 15, K04: a manager had
    to set two reports side by side). ``before`` and ``after`` hold ``risk_level``, ``identity_verified``,
    ``average_monthly_income`` and ``dti_ratio``, and may hold ``income_verified``; ``before`` also the day it was
    written (``created_at``)."""
    changes = []
    if before["risk_level"] != after["risk_level"]:
        changes.append(f"risco {RISK_WORDS[before['risk_level']]} → {RISK_WORDS[after['risk_level']]}")
    if bool(before["identity_verified"]) != bool(after["identity_verified"]):
        words = {True: "confirmada", False: "não confirmada"}
        changes.append(
            f"identidade {words[bool(before['identity_verified'])]} → {words[bool(after['identity_verified'])]}"
        )
    income_before, income_after = money(before["average_monthly_income"]), money(after["average_monthly_income"])
    partly_before, partly_after = partly_proven(before, income_before), partly_proven(after, income_after)
    if income_before != income_after or partly_before != partly_after:
        # Partly proven → proven is a change too, the amount the same or not (cases probe 16: "risco médio →
        # baixo" alone, the income having become proven).
        changes.append(
            f"rendimento mensal {eur_or_none(income_before)}{PARTLY[partly_before]} → "
            f"{eur_or_none(income_after)}{PARTLY[partly_after]}"
        )
    dti_before, dti_after = money(before["dti_ratio"]), money(after["dti_ratio"])
    if dti_before != dti_after:
        changes.append(f"taxa de esforço {format_percent(dti_before)} → {format_percent(dti_after)}")
    guarantor_before, guarantor_after = (
        guarantor_words(before.get("guarantor")),
        guarantor_words(after.get("guarantor")),
    )
    if guarantor_before != guarantor_after:
        # A fiador's new documents can be the whole change (end-to-end probe 17: "risco médio → baixo" alone).
        changes.append(f"fiador: {guarantor_before} → {guarantor_after}")
    since = f"Desde o relatório anterior ({format_date(before['created_at'])}), com os documentos novos"
    if not changes:
        return f"{since}: sem alterações no risco, na identidade, no rendimento nem na taxa de esforço."
    return f"{since}: " + "; ".join(changes) + "."


PARTLY = {True: " (parcialmente comprovado)", False: ""}


def guarantor_words(verdict: dict[str, Any] | None) -> str:
    """The guarantor verdict as the "what changed" sentence says it: covers, or not and by how much, or with no
    income counted (a report before 2026-12-07 stored its income needed as the shortfall: "faltam" all of it, blind
    probe r75c, S15)."""
    if verdict is None:
        return "nenhum"
    if verdict.get("covers"):
        return "cobre a renda"
    if (
        verdict.get("income_verified") is False
        and verdict.get("dti_ratio") is not None
        and not verdict.get("shortfall")
    ):
        return "não cobre (rendimento comprovado só em parte)"
    if verdict.get("dti_ratio") is None:
        return "não cobre (sem rendimento comprovado)"
    shortfall = money(verdict.get("shortfall"))
    return f"não cobre (faltam {format_eur(shortfall)})" if shortfall else "não cobre"


def partly_proven(report: dict[str, Any], income: Decimal | None) -> bool:
    """An income counted but not proven in full (``income_verified`` false), when the report says."""
    return income is not None and report.get("income_verified") is False


def eur_or_none(value: Decimal | None) -> str:
    return "não comprovado" if value is None else format_eur(value)
