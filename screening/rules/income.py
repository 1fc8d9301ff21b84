"""Income: one check per function, composed by ``verify_income`` (the graph's second node).

Three monthly sources, each proven by its own documents, and the IRS documents that prove a whole year:

- employment: payslips, the latest ``REQUIRED_PAYSLIP_MONTHS`` distinct months within
  ``PAYSLIP_WINDOW_MONTHS``. The regular net pay (a subsidy month without its lump) is annualised over
  the 14 payments of a Portuguese salary (x 14 / 12) unless the payslip shows the subsidies paid monthly
  in duodécimos (then it already holds them);
- independent work: faturas-recibo of the last ``INVOICE_WINDOW_MONTHS``, at least
  ``REQUIRED_INVOICE_MONTHS`` distinct months; base value less IRS withheld, averaged over the span of
  months they cover;
- pensions: a statement from the Segurança Social or the CGA, the monthly amount x payments a year / 12.

The sources proven are added up; with none proven, a recent IRS document stands in; with neither, the
sources partly proven give a partial income. The declared income profile (``profiles``) says which
sources are expected and what is missing. Every number is computed here and the method is written in
the report (docs/adr/013-income-profiles.md).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import ngettext

from applicants.text import fold
from documents.extraction.schema import (
    ACTIVITY_KINDS,
    FOREIGN_PAYSLIP,
    INVOICE_KINDS,
    LEAVE_PAID_APART_WARNING,
    LEAVE_WITHHELD,
    PAYSLIP_KINDS,
    PAYSLIP_PAGES_MISSING,
    PENSION_KINDS,
    PROOF_OF_FILING_ONLY,
    STARTED_WITHIN_MONTH,
    SUBSIDY_UNREAD,
    TAX_KINDS,
    TERMINATION_PAY,
    DocumentKind,
)
from screening.rules.common import (
    check,
    extracted,
    format_date,
    format_eur,
    format_month,
    format_months,
    format_percent,
    money,
    parse_date,
    quantize,
    reading_key,
)
from screening.rules.names import aligned_tokens, mrz_word_fits, name_match, names_the_applicant
from screening.rules.profiles import MIXED, MIXED_SOURCES_REQUIRED, PROFILE_LABELS, SOURCES_BY_PROFILE

# The documents that prove one person's own income, unlike a joint IRS return, which may be a couple's.
OWN_INCOME_KINDS = PAYSLIP_KINDS | INVOICE_KINDS | PENSION_KINDS
PAYSLIP_WINDOW_MONTHS = 6
REQUIRED_PAYSLIP_MONTHS = 3
# How many months before the screening's the newest payslip counted may be: a month's payslip is issued at its end and
# may not be paid yet, so on 6 December October's is as recent as can be asked; September's leaves two months unseen.
LATEST_PAYSLIP_MONTHS = 2
INVOICE_WINDOW_MONTHS = 12
REQUIRED_INVOICE_MONTHS = 6
# How many months before the screening's the newest fatura-recibo counted may be, as the newest payslip: the months
# since hold no invoice and count in the average as months without income, and the activity may have stopped (blind
# probe r70b, F05: Jan-Jun invoices screened in December, nothing said). Stated, as the payslips' is.
LATEST_INVOICE_MONTHS = LATEST_PAYSLIP_MONTHS
# How far after the screening's day a fatura-recibo may be dated and still be taken as issued by then (a time zone, an
# issuer dating it the next day): the payslips' tolerance for a document dated ahead. Later, it is dated in the future:
# not counted, stated (income.invoice_not_future) and an authenticity signal (ISSUE_DATE_IN_FUTURE). The same as
# documents.extraction.validation.PAYSLIP_ISSUED_AHEAD (a test holds them equal; imported, it closes an import cycle).
INVOICE_DATED_AHEAD = dt.timedelta(days=7)
# A document dated after the screening's day, in the words its check says it with (the explanation tells it apart).
DATED_AHEAD = "com data posterior ao dia da análise"
# Why an IRS document is not usable, in the check's words, which the applicant's explanation tells apart (blind probe
# r70b, T02: "de outra pessoa ou que não é do último ano" told of the applicant's own return of 2023).
TAX_NOT_THE_APPLICANTS = "não é do candidato"
TAX_NOT_LAST_YEAR = "não é do último ano"
# An IRS document whose income year was not read is not "of an earlier year": its reading failed (blind probe r78c, F4:
# a scanned nota's year unread, dropped as "não é do último ano").
TAX_YEAR_UNREAD = "ano dos rendimentos não lido"
# Its income not read, its totals not what their parts make, or the AT's receipt of a return filed and nothing more:
# each told as it is, not as one of three (blind probe r80c, cause 1).
TAX_INCOME_UNREAD = "sem rendimento lido"
TAX_TOTALS_WRONG = "os totais não batem certo"
TAX_FILING_ONLY = "é só o comprovativo de entrega"
# A pension statement older than this no longer says what is paid now.
PENSION_STATEMENT_MAX_AGE_DAYS = 365
# Twelve salaries, the subsídio de férias and the subsídio de Natal (Código do Trabalho, arts. 263.º, 264.º).
SALARY_PAYMENTS_PER_YEAR = 14

Document = dict[str, Any]
Check = dict[str, Any]

SOURCE_WORDS = {
    "payslips": "recibos de vencimento",
    "invoices": "faturas-recibo",
    "pension": "declaração de pensão",
}


@dataclass
class Source:
    """One monthly income source as the documents prove it."""

    name: str  # payslips, invoices, pension
    verified: bool
    monthly: Decimal | None
    method: str
    months: list[str] = field(default_factory=list)
    missing: str | None = None
    # Whether the amount counted is a net one: a pension statement's one unlabelled monthly amount, or a year's
    # gross, is counted as printed, and the report does not call it net.
    net_stated: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "verified": self.verified,
            "average_monthly_income": None if self.monthly is None else str(self.monthly),
            "method": self.method,
            "months": self.months,
            "missing": self.missing,
            "net_stated": self.net_stated,
        }


def verify_income(state: dict[str, Any]) -> dict[str, Any]:
    """Node: every income document checked, then the monthly income, where it came from and how it was counted."""
    applicant = state["applicant"]
    today = dt.date.fromisoformat(state["today"])
    documents = state["documents"]
    payslips = [(d, payslip_checks(d, applicant, today=today)) for d in extracted(documents, PAYSLIP_KINDS)]
    invoices = [(d, invoice_checks(d, applicant, today=today)) for d in extracted(documents, INVOICE_KINDS)]
    pensions = [(d, pension_checks(d, applicant, today=today)) for d in extracted(documents, PENSION_KINDS)]
    activities = [activity_check(d, applicant) for d in extracted(documents, ACTIVITY_KINDS)]
    own_income = bool(extracted(documents, OWN_INCOME_KINDS))
    taxes, shares = tax_documents_checked(state, today=today, own_income_documents=own_income)
    tax_document_used, share_used = tax_document_counted(shares)
    tax_income = (
        tax_monthly_income(tax_document_used, share_used)
        if tax_document_used is not None and share_used is not None
        else None
    )

    sources = [
        source
        for source in (
            employment_source(payslips) if payslips else None,
            independent_source(invoices, today=today) if invoices else None,
            pension_source(pensions) if pensions else None,
        )
        if source is not None
    ]
    joint_checks = [
        joint_share_check(d, share, own_income_proven=any(s.verified for s in sources))
        for d, share in shares
        if share.joint
    ]
    average, source_name, method, partial = income_total(
        sources,
        tax_income,
        tax_method(tax_document_used, share_used) if tax_document_used is not None and share_used is not None else "",
    )
    profile = applicant.get("income_profile") or ""
    unread, replaced = unreadable_documents(documents)
    answered = replaced_at_request(
        income_proofs(payslips, invoices, pensions, taxes, shares, applicant=applicant, today=today), documents
    )
    still_refused = [(d, cs) for d, cs in [*payslips, *invoices, *pensions] if id(cs[-1]) not in answered]
    documents_not_counted = "; ".join(
        filter(
            None,
            [
                not_counted(still_refused),
                taxes_not_counted([c for _, c in taxes if id(c) not in answered]),
                joint_not_counted(joint_checks),
            ],
        )
    )
    profile_check, missing = profile_documents(
        profile,
        sources,
        tax_usable=tax_income is not None,
        unreadable=sum(not refused_document(d) for d in unread),
        refused=[str(d.get("failure_reason") or "").strip() for d in unread if refused_document(d)],
        not_counted=documents_not_counted,
        joint_unsplit=any(not c["passed"] for c in joint_checks),
    )
    payslip_results = [c for _, checks in payslips for c in checks]
    checks = [
        *payslip_results,
        *payslip_files_combined(payslips),
        *owner_names_differ([*payslips, *invoices, *pensions]),
        *owner_nifs_impossible([*payslips, *invoices]),
        *payslip_contracts_ended(payslips),
        *payslips_not_latest(payslips, today=today),
        *payslips_repeated(payslips),
        *payslips_of_another_job(payslips),
        *(
            [payslip_months(len(monthly_net_income(payslips)))]
            if payslips_expected(profile, payslips, invoices, pensions)
            else []
        ),
        *(c for _, invoice_results in invoices for c in invoice_results),
        *invoices_repeated(invoices),
        *invoices_not_latest(invoices, today=today),
        *([invoice_months(independent_months(invoices))] if invoices else []),
        *(c for _, pension_results in pensions for c in pension_results),
        *activities,
        *(tax_check for _, tax_check in taxes),
        *joint_checks,
        *(document_read(d) for d in unread),
        *(document_replaced(d) for d in replaced),
        income_method(average, method, verified=source_name not in {"none"} and not partial),
        profile_check,
    ]
    # Only the report's line changes: the same check objects sit in the lists the income was counted from, where the
    # proof replaced still counts for nothing.
    checks = [answered.get(id(c), c) for c in checks]
    payslip_months_found = sorted(monthly_net_income(payslips), reverse=True)
    invoice_months_found = sorted(independent_months(invoices), reverse=True)
    counted = [m for s in sources if s.verified or partial for m in s.months]
    return {
        "verified": source_name != "none" and not partial,
        "attributable": any(checks[0]["passed"] for _, checks in payslips + invoices + pensions)
        or any(tax_owned(d, applicant) for d, _ in taxes),
        # Proofs in the applicant's name with another NIF than the one typed, not counted: the report says so rather
        # than "none in the applicant's name" (blind probe r69b, F6).
        "own_name_other_nif": any(
            not checks[0]["passed"] and OWN_NAME_OTHER_NIF in checks[0]["evidence"]
            for _, checks in payslips + invoices + pensions
        ),
        # How many files the person sent as proofs of income for this application, read or not: whether any was sent
        # is said from them, never from the checks, where a signal on the identity document (the same card sent
        # before, for another room) names a document too (blind probe r77d, F1).
        "proofs_sent": sum(1 for d in documents if d.get("document_type") == "PROOF_OF_INCOME"),
        "months_verified": max(len(payslip_months_found), len(invoice_months_found)),
        "months": sorted(set(counted), reverse=True),
        "average_monthly_income": None if average is None else str(average),
        "source": source_name,
        "method": method,
        "partial": partial,
        # The income counted holds an amount the documents do not state as net (the report then does not say
        # "líquido").
        "net_stated": all(s.net_stated for s in sources if s.monthly is not None and (s.verified or partial)),
        "profile": profile,
        "missing": missing,
        # The proofs read and not counted, by kind and why ("1 declaração de pensão (sem data lida)"): the report
        # says them whether or not the income is proven, as the applicant's explanation does (blind probe r74c, F3).
        "not_counted": documents_not_counted,
        "sources": [s.as_dict() for s in sources],
        "checks": checks,
        # One per document whose amounts do not add up, that was cancelled or is paid in another currency:
        # affordability lists it as a reason.
        "warnings": failed_check_warnings(checks),
    }


def payslips_expected(profile: str, payslips: list[Any], invoices: list[Any], pensions: list[Any]) -> bool:
    """Whether the payslip months are a line of the report: payslips were sent, or nothing else was and the
    person did not declare a profile without them (an independent worker proving income by IRS alone read a
    failed "0 meses de recibos" beside a passing profile check: cases probe 4)."""
    if payslips:
        return True
    return not (invoices or pensions) and "payslips" in SOURCES_BY_PROFILE.get(profile, ("payslips",))


# The extraction's word for an "ato isolado": one service by someone with no activity open, no month of an income.
ONE_OFF_ACT = "one_off_act"
# The extraction's word for a fatura that is no receipt: billed, not shown paid.
NOT_A_RECEIPT = "invoice_not_receipt"
# The checks whose failure is a reason to look again, and the warning each gives.
CHECK_WARNINGS = {
    "income.payslip_arithmetic": "arithmetic_mismatch",
    "income.invoice_arithmetic": "arithmetic_mismatch",
    "income.pension_arithmetic": "arithmetic_mismatch",
    "income.invoice_in_force": "document_cancelled",
    "income.invoice_paid": NOT_A_RECEIPT,
    "income.invoice_recurring": ONE_OFF_ACT,
    "income.pension_in_euros": "currency_not_eur",
    "income.payslip_in_euros": "currency_not_eur",
    "income.payslip_contract_ongoing": "payslip_contract_ended",
    "income.payslip_latest": "latest_payslip_old",
    "income.invoice_latest": "latest_invoice_old",
    # An employer's declaration of a contract that has ended (screening.rules.employment): read back from the checks.
    "employment.contract_ongoing": "employment_contract_ended",
    # A proof counted by the applicant's NIF printed beside another person's name, or by the name beside a NIF that
    # cannot exist (docs/adr/041).
    "income.owner_name": "owner_name_differs",
    "income.owner_nif_valid": "owner_nif_invalid",
}


def failed_check_warning(check_: Check) -> str:
    """The warning a failed check gives: ``CHECK_WARNINGS``'s, but a payslip whose net was not read, whose figures
    cannot disagree (``PAYSLIP_NET_UNREAD``)."""
    if check_["name"] == "income.payslip_arithmetic" and check_.get("value") is None:
        return PAYSLIP_NET_UNREAD
    if check_["name"] == "income.pension_arithmetic" and check_.get("value") is None:
        return PENSION_AMOUNT_UNREAD
    if invoice_amount_unread(check_):
        return INVOICE_AMOUNT_UNREAD
    return CHECK_WARNINGS[check_["name"]]


def invoice_amount_unread(check_: Check) -> bool:
    """A failed ``income.invoice_arithmetic`` of a fatura-recibo whose base or amount received was not read off its
    text layer (no sum to fail); off a photo or a scan it is said misread (``INVOICE_MISREAD``), as before."""
    return (
        check_["name"] == "income.invoice_arithmetic"
        and not check_["passed"]
        and check_.get("value") is None
        and INVOICE_MISREAD not in str(check_.get("evidence") or "")
    )


# A payslip read without its net pay (a photo's figures lost under a stamp, in the blur, or on a page not sent): a
# reading's failure, not an arithmetic one, which only figures read can show (blind probe r75a, D4 and D5: "ilíquido
# menos descontos diferente do líquido" and "valores que não batem certo" of slips whose net was never read).
PAYSLIP_NET_UNREAD = "payslip_net_unread"
# Likewise a pension statement on which no amount was read, gross nor net (blind probe r78c, F3: a French statement's
# captions unread, said as "valores que não batem certo", which reads like a document altered).
PENSION_AMOUNT_UNREAD = "pension_amount_unread"
# Likewise a fatura-recibo read off its text layer whose base or amount received was not read (a layout whose captions
# the reader does not know): no sum to fail, so not "valores que não batem certo" (off a photo, ``INVOICE_MISREAD``).
INVOICE_AMOUNT_UNREAD = "invoice_amount_unread"
# A proof of income sent that could not be read, while the income is not proven: the file may be what would prove it.
UNREADABLE_WARNING = "income_documents_unreadable"
# A proof of income sent that was read and refused for what it is (a draft, a simulation, a document of another kind),
# while the income is not proven: the same file sent again would not help, what its reason names would (blind probe
# r66c, F5: a draft payslip lumped with the unreadable files, "send it again").
REFUSED_WARNING = "income_documents_refused"
# The extraction's refusals of a document read for what it is all say so first ("Este documento é um rascunho ...",
# documents.extraction.local.DOCUMENTS_THAT_SAY_WHAT_THEY_ARE); its other reasons are a file it could not read.
REFUSED_FOR_WHAT_IT_IS = "Este documento é "
# A legible proof of income of no kind accepted was refused before 2026-12-07 in these words, which are stored with its
# document: refused for what it is too, never "ilegível ou corrompido" (blind probe r73b, F3).
REFUSED_BEFORE = ("Documento não reconhecido como comprovativo de rendimentos",)
# A proof of income not counted's evidence: this lead-in, then the extraction's own reason as a clause, its first
# letter lowercase ("...não contado: este documento é ...", blind probe r70a, F23: "não contado — Este documento").
NOT_COUNTED_LEAD_IN = "Comprovativo de rendimentos enviado e não contado"
REASON_SEPARATOR = ": "
# The separator of the reports written before 2026-12-07, whose reason kept its capital letter.
OLD_REASON_SEPARATOR = " — "


def failed_check_warnings(checks: list[Check]) -> list[str]:
    warnings = [failed_check_warning(c) for c in checks if c["name"] in CHECK_WARNINGS and not c["passed"]]
    proven = any(c["name"] == "income.monthly_income" and c["passed"] for c in checks)
    not_read = [c for c in checks if c["name"] == "income.document_read" and not c["passed"]]
    if not proven and any(not refusal_of(c) for c in not_read):
        warnings.append(UNREADABLE_WARNING)
    if not proven and any(refusal_of(c) for c in not_read):
        warnings.append(REFUSED_WARNING)
    return warnings


def refusal_of(check: Check) -> str:
    """The extraction's reason a failed ``income.document_read`` gives when the document was read and refused for
    what it is (it says what to send instead); "" for a file that could not be read."""
    if check["name"] != "income.document_read" or check["passed"]:
        return ""
    reason = stored_reason(str(check.get("evidence") or ""))
    return reason if refused_for_what_it_is(reason) else ""


def refused_for_what_it_is(reason: str) -> bool:
    """Whether the extraction's reason refuses a document read for what it is, rather than a file it could not read."""
    return reason.startswith((REFUSED_FOR_WHAT_IT_IS, *REFUSED_BEFORE))


# Where what a refused document was taken for ends in its reason: before what it does not prove (", que não é ..."),
# what to send (": envie ...") or a second sentence.
TAKEN_FOR_ENDS = re.compile(r":|\.\s|\.$|,\s+que\s")


def refused_as(reason: str) -> str:
    """What a document refused for what it is was taken for, as its own reason says, after "documento": "que é um
    certificado de matrícula ou de inscrição", "que é de uma prestação temporária da Segurança Social (...)" (blind
    probe r74c, F5: "um rascunho, uma simulação ou um documento de outro tipo" said of an enrolment certificate let
    staff suspect a forgery). A reason stored before 2026-12-07 ("Documento não reconhecido ...") says its own."""
    if not reason.startswith(REFUSED_FOR_WHAT_IT_IS):
        return "não reconhecido como comprovativo de rendimentos"
    taken_for = reason.removeprefix(REFUSED_FOR_WHAT_IT_IS)
    end = TAKEN_FOR_ENDS.search(taken_for)
    return "que é " + (taken_for[: end.start()] if end else taken_for).strip()


def refused_documents_words(reasons: list[str]) -> str:
    """The documents refused for what they are, by what each was taken for: "1 documento que é um certificado de
    matrícula ou de inscrição e 2 documentos, cada um deles ..."."""
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[refused_as(reason)] = counts.get(refused_as(reason), 0) + 1
    said = [
        f"1 documento {taken_for}" if count == 1 else f"{count} documentos{taken_for_plural(taken_for)}"
        for taken_for, count in counts.items()
    ]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " e " + said[-1]


def taken_for_plural(taken_for: str) -> str:
    """'que é um recibo de renda' -> ', cada um deles um recibo de renda' ("2 documentos que são um recibo de renda"
    read as one receipt in two files); 'não reconhecido' -> 'não reconhecidos'."""
    if taken_for.startswith("que é "):
        return ", cada um deles " + taken_for.removeprefix("que é ")
    return " " + taken_for.replace("não reconhecido ", "não reconhecidos ", 1)


def refusals_in(checks: list[Check]) -> list[str]:
    """The extraction's reasons of the proofs of income refused for what they are, one per document, from the
    income checks."""
    return [reason for reason in (refusal_of(c) for c in checks) if reason]


def stored_reason(evidence: str) -> str:
    """The extraction's reason as it stored it (the text its translation is keyed on), out of a ``document_read``
    evidence of either form; "" when the evidence has none."""
    if OLD_REASON_SEPARATOR in evidence:
        return evidence.partition(OLD_REASON_SEPARATOR)[2].strip()
    lead_in, separator, clause = evidence.partition(REASON_SEPARATOR)
    if lead_in != NOT_COUNTED_LEAD_IN or not separator:
        return ""
    clause = clause.strip()
    return clause[:1].upper() + clause[1:]


def reason_as_clause(reason: str) -> str:
    """A reason sentence as a clause after a colon: "Este documento é ..." -> "este documento é ..."; an initialism
    stays as it is ("PDF protegido ...")."""
    return reason if reason[1:2].isupper() else reason[:1].lower() + reason[1:]


def unreadable_documents(documents: list[Document]) -> tuple[list[Document], list[Document]]:
    """The proofs of income sent whose reading failed (a corrupt or unreadable file): sent, not missing; and apart,
    those the agency has since asked for again, answered by a later round's proof of income that was read.

    The agency saw the file fail and asked for more; once it is answered, the failed file is no longer something to
    ask for again (blind probe r62b: the second round's report still listed the replaced photo as not counted, and
    told the applicant the agency might ask for it again). ``documents`` come in the order they were sent."""
    failed = [d for d in documents if d.get("status") == "FAILED" and d.get("document_type") == "PROOF_OF_INCOME"]
    replaced = [d for d in failed if answered_later(d, documents)]
    return [d for d in failed if d not in replaced], replaced


def refused_document(document: Document) -> bool:
    """A proof of income the extraction read and refused for what it is (its reason says so), not one it could not
    read."""
    return refused_for_what_it_is(str(document.get("failure_reason") or "").strip())


def answered_later(failed: Document, documents: list[Document]) -> bool:
    """A proof of income read, sent after ``failed`` in answer to another request for documents than its own."""
    later = documents[documents.index(failed) + 1 :]
    return any(
        d.get("info_request_id")
        and d.get("info_request_id") != failed.get("info_request_id")
        and d.get("document_type") == "PROOF_OF_INCOME"
        and d.get("status") == "EXTRACTED"
        for d in later
    )


# A proof of income of an earlier round not counted for its age, answered at the agency's request by a later round's
# proof of the same kind that counted, is said replaced in these words, which the applicant's explanation keys on to
# tell its passed check from a proof counted (blind probe r71b, C05, C06, C08: the IRS nota of 2021 answered with 2025's
# still failed "não é do último ano" in the new report and in "Documentos não contados").
AT_THE_AGENCYS_REQUEST = "a pedido da agência"
# Each kind's words for "replaced by the ... sent later": the proof replaced, then the answer(s), agreeing in gender.
REPLACED_WORDS = {
    "payslip": ("substituído", "recibo de vencimento", "recibos de vencimento"),
    "invoice": ("substituída", "fatura-recibo", "faturas-recibo"),
    "pension": ("substituída", "declaração de pensão", "declarações de pensão"),
    "tax": ("substituído", "documento de IRS", "documentos de IRS"),
}


@dataclass(frozen=True)
class Proof:
    """One reading of a proof of income, for ``replaced_at_request``: its kind (a key of ``REPLACED_WORDS``), the
    check its counting stopped at (its last), whether it counted, and whether it was refused for its age alone."""

    kind: str
    document: Document
    last_check: Check
    counted: bool
    too_old: bool


def replaced_at_request(proofs: list[Proof], documents: list[Document]) -> dict[int, Check]:
    """The checks of the proofs refused for their age alone that a later request's answer of the same kind, read and
    counted, replaced: each by a passed check saying so, keyed by the failed check's ``id``.

    The agency saw the old proof refused and asked for another; once it came and counted, the old one is no longer a
    document not counted, as an unread file answered is not (``unreadable_documents``). Another person's proof, or one
    whose answer was itself not counted, keeps its failure. ``documents`` come in the order they were sent."""
    order = {str(d.get("document_id")): at for at, d in enumerate(documents)}
    replaced = {}
    for proof in proofs:
        answers = [
            answer
            for answer in proofs
            if answer.kind == proof.kind and answer.counted and answered_after(answer.document, proof.document, order)
        ]
        if proof.too_old and not proof.counted and answers:
            replaced[id(proof.last_check)] = proof_replaced(proof, [a.document for a in answers])
    return replaced


def answered_after(answer: Document, earlier: Document, order: dict[str, int]) -> bool:
    """``answer`` was sent after ``earlier`` in answer to another request for documents than the one ``earlier``
    answered (the submission's own documents answered none)."""
    request = answer.get("info_request_id")
    sent, earlier_sent = order.get(str(answer.get("document_id"))), order.get(str(earlier.get("document_id")))
    if not request or request == earlier.get("info_request_id") or sent is None or earlier_sent is None:
        return False
    return sent > earlier_sent


def income_proofs(
    payslips: list[tuple[Document, list[Check]]],
    invoices: list[tuple[Document, list[Check]]],
    pensions: list[tuple[Document, list[Check]]],
    taxes: list[tuple[Document, Check]],
    shares: list[tuple[Document, TaxShare]],
    *,
    applicant: dict[str, Any],
    today: dt.date,
) -> list[Proof]:
    """Every proof of income read, for ``replaced_at_request``: whether it counted, and whether its age alone kept it
    from counting (a payslip or fatura-recibo older than its window, a pension statement over a year old, the
    applicant's own IRS document of an earlier year than the latest); a month not yet paid or a date still to come is
    not its age."""
    counted_taxes = [d for d, share in shares if share.usable]
    return [
        *(Proof("payslip", d, cs[-1], passed_all(cs, "income.payslip_recent"), payslip_too_old(d, cs[-1], today))
          for d, cs in payslips),
        *(Proof("invoice", d, cs[-1], passed_all(cs, "income.invoice_recent"), invoice_too_old(d, cs[-1], today))
          for d, cs in invoices),
        *(Proof("pension", d, cs[-1], passed_all(cs, "income.pension_recent"), pension_too_old(d, cs[-1], today))
          for d, cs in pensions),
        *(Proof("tax", d, c, any(d is t for t in counted_taxes), tax_too_old(d, applicant, today=today))
          for d, c in taxes),
    ]  # fmt: skip


def payslip_too_old(document: Document, last: Check, today: dt.date) -> bool:
    period = document["fields"].get("period")
    return (
        last["name"] == "income.payslip_recent"
        and not last["passed"]
        and bool(period)
        and NOT_YET_PAID not in last["evidence"]
        and months_ago(str(period), today) > PAYSLIP_WINDOW_MONTHS
    )


def invoice_too_old(document: Document, last: Check, today: dt.date) -> bool:
    issued = parse_date(document["fields"].get("issue_date"))
    return (
        last["name"] == "income.invoice_recent"
        and not last["passed"]
        and issued is not None
        and months_ago(month_of(issued), today) > INVOICE_WINDOW_MONTHS
    )


def pension_too_old(document: Document, last: Check, today: dt.date) -> bool:
    issued = parse_date(document["fields"].get("issue_date"))
    return (
        last["name"] == "income.pension_recent"
        and not last["passed"]
        and issued is not None
        and (today - issued).days > PENSION_STATEMENT_MAX_AGE_DAYS
    )


def tax_too_old(document: Document, applicant: dict[str, Any], *, today: dt.date) -> bool:
    """The applicant's own IRS document, usable but for its year, which is before the latest (not one still to come)."""
    year = str(document["fields"].get("year") or "")
    return (
        tax_problems(document, applicant, today=today) == [TAX_NOT_LAST_YEAR]
        and year.isdigit()
        and int(year) < min(tax_years_accepted(today))
    )


def proof_replaced(proof: Proof, answers: list[Document]) -> Check:
    """The proof's check, passed, its evidence saying why it was not counted and what replaced it."""
    replaced_word, noun, nouns = REPLACED_WORDS[proof.kind]
    masculine = replaced_word.endswith("o")
    several = len({reading_key(a) for a in answers}) > 1
    by = ("pelo" if masculine else "pela") + ("s" if several else "")
    sent = ("enviado" if masculine else "enviada") + ("s" if several else "")
    names = ", ".join(dict.fromkeys(answer_name(proof.kind, a) for a in answers))
    stem = (
        f"Documento de IRS de {proof.document['fields'].get('year')}: {TAX_NOT_LAST_YEAR}"
        if proof.kind == "tax"
        else str(proof.last_check["evidence"]).rstrip(".")
    )
    return {
        **proof.last_check,
        "passed": True,
        "evidence": f"{stem}; {replaced_word} {by} {nouns if several else noun} de {names}, {sent} depois, "
        f"{AT_THE_AGENCYS_REQUEST}.",
    }


def answer_name(kind: str, answer: Document) -> str:
    """An answer by what tells it apart: a payslip's month, an IRS document's year, a statement's or invoice's date."""
    fields = answer["fields"]
    if kind == "payslip":
        return format_month(fields.get("period"))
    if kind == "tax":
        return str(fields.get("year"))
    return format_date(fields.get("issue_date"))


def replaced_check(check: Check) -> bool:
    """A proof's check passed because a later round's answer replaced it, not because the proof counted."""
    return bool(check["passed"]) and AT_THE_AGENCYS_REQUEST in str(check.get("evidence") or "")


def document_read(document: Document) -> Check:
    """A proof of income that could not be read: said as such, so it is asked for again, not taken for never sent;
    with the reading's own reason, which says what to send instead (a PDF without its password, a smaller image),
    when there is one (cases probe 16: every unread file was "ilegível ou corrompido")."""
    reason = str(document.get("failure_reason") or "").strip()
    evidence = (
        # "Not read" would be untrue of a file read and refused (a temporary benefit's letter: blind probe r62b); the
        # reason says which it was.
        f"{NOT_COUNTED_LEAD_IN}{REASON_SEPARATOR}{reason_as_clause(reason)}"
        if reason
        else "Comprovativo de rendimentos enviado mas não lido (ficheiro ilegível ou corrompido): "
        "não foi contado; peça que seja enviado de novo."
    )
    return check("income.document_read", False, evidence, document_id=document.get("document_id"))


def document_replaced(document: Document) -> Check:
    """A proof of income that could not be read, since answered by the documents the agency asked for: passed, and
    still listed, so whoever reads the report knows the file was there."""
    return check(
        "income.document_read",
        True,
        "Comprovativo de rendimentos enviado e não contado (ilegível, corrompido ou não aceite), substituído pelos "
        "documentos enviados depois, a pedido da agência.",
        document_id=document.get("document_id"),
    )


# How an IRS document's monthly income is worked out, when its figures are not at hand to print.
TAX_METHOD = "declaração de IRS: (rendimento - imposto) / 12"


def income_total(
    sources: list[Source], tax_income: Decimal | None, tax_income_method: str = ""
) -> tuple[Decimal | None, str, str, bool]:
    """The monthly income, its source, the method in pt-PT, and whether it is only partly proven.

    The proven sources add up; else a usable IRS document; else the partly proven sources (partial).
    """
    proven = [s for s in sources if s.verified and s.monthly is not None]
    if proven:
        total = quantize(sum((s.monthly for s in proven if s.monthly is not None), Decimal(0)))
        name = proven[0].name if len(proven) == 1 else "mixed"
        method = (
            " + ".join(f"{s.method} ({format_eur(s.monthly)})" for s in proven) if len(proven) > 1 else proven[0].method
        )
        return total, name, method, False
    if tax_income is not None:
        return tax_income, "tax", tax_income_method or TAX_METHOD, False
    partial = [s for s in sources if s.monthly is not None]
    if partial:
        total = quantize(sum((s.monthly for s in partial if s.monthly is not None), Decimal(0)))
        name = f"partial_{partial[0].name}" if len(partial) == 1 else "partial"
        return total, name, " + ".join(s.method for s in partial), True
    return None, "none", "sem documento de rendimentos utilizável", False


def income_method(average: Decimal | None, method: str, *, verified: bool) -> Check:
    """How the monthly income was counted: the report's one line on the method."""
    return check(
        "income.monthly_income",
        average is not None and verified,
        f"Rendimento mensal {format_eur(average)}: {method}."
        if average is not None
        else f"Rendimento mensal: {method}.",
        value=average,
    )


def profile_documents(
    profile: str,
    sources: list[Source],
    *,
    tax_usable: bool,
    unreadable: int = 0,
    refused: list[str] | None = None,
    not_counted: str = "",
    joint_unsplit: bool = False,
) -> tuple[Check, list[str]]:
    """Whether the documents prove the declared profile's income; what is missing, in pt-PT (and the files sent that
    could not be read, which are not missing: they are to be sent again; and those read but not counted, and why)."""
    # The applicant's own proofs printing another NIF than the one typed are sent: missing only for the NIF typed
    # (blind probe r57b: "Em falta: recibos de vencimento de mais 3 meses" beside the three sent).
    missing_words = "Em falta com o NIF indicado" if OWN_NAME_OTHER_NIF in not_counted else "Em falta"
    check_, missing = profile_documents_read(
        profile, sources, tax_usable=tax_usable, joint_unsplit=joint_unsplit, missing_words=missing_words
    )
    if unreadable and not check_["passed"]:
        files = "1 ficheiro" if unreadable == 1 else f"{unreadable} ficheiros"
        check_["evidence"] += (
            f" Enviados e não lidos (ilegíveis ou corrompidos): {files} de comprovativos de rendimentos, a enviar de "
            "novo conforme o motivo de cada um."
        )
    if refused and not check_["passed"]:
        # What each was taken for, not "a draft, a simulation or a document of another kind" (blind probe r74c, F5).
        check_["evidence"] += (
            " Enviados e recusados pelo que são, a substituir pelo que o motivo de cada um indica: "
            f"{refused_documents_words(refused)}."
        )
    if not_counted and not check_["passed"]:
        check_["evidence"] += f" Enviados mas não contados: {not_counted}."
    return check_, missing


# Why a document read was not counted, by the first of its checks that failed.
NOT_COUNTED_BECAUSE = {
    "owner": "de outra pessoa, pelo nome ou pelo NIF",
    # Failed for want of the figures, not for figures that disagree (``payslip_arithmetic``).
    "arithmetic_unread": "sem o líquido lido",
    "pension_amount_unread": "sem o valor da pensão lido",
    "invoice_amount_unread": "sem a base ou a importância recebida lidas",
    # Neither name nor NIF read: nobody's, not another person's (blind probe r75a, D5).
    "owner_unread": "sem o nome nem o NIF do titular lidos",
    "in_euros": "noutra moeda",
    "arithmetic": "com contas que não batem certo",
    "recent": "fora do período pedido",
    "not_future": "com data ainda por vir",
    "in_force": "documento anulado",
    "recurring": "ato isolado",
}
MISREAD_WORDS = "lida de uma fotografia ou digitalização com contas que não batem certo"
# A pension statement is asked for within a year, not for a period: one not counted for its age is said so, as the
# applicant's explanation says it ("fora do período pedido" of the one letter sent: blind probe r75c, S15).
PENSION_TOO_OLD = "com mais de um ano"
# A document not counted as recent because no date of it was read: a payslip's month, another document's date.
NOT_DATED = "sem data lida"
MONTH_NOT_READ = "sem o mês lido"
DOCUMENT_WORDS = {
    "payslip": ("recibo de vencimento", "recibos de vencimento"),
    "invoice": ("fatura-recibo", "faturas-recibo"),
    "pension": ("declaração de pensão", "declarações de pensão"),
}


def not_counted(documents: list[tuple[Document, list[Check]]]) -> str:
    """The income documents read whose own checks failed, counted by kind and reason ("3 recibos de vencimento
    (de outra pessoa, pelo nome ou pelo NIF)"): sent, so not to be reported as missing alone (cases probe 16: a NIF
    typed with a typo left "Em falta: recibos de vencimento de 3 meses" beside the three payslips sent)."""
    counts: dict[tuple[str, str], int] = {}
    unpaid: dict[str, list[str]] = {}
    for _, checks in documents:
        failed = next((c for c in checks if not c["passed"]), None)
        if failed is None:
            continue
        kind, _, which = failed["name"].removeprefix("income.").partition("_")
        if which == "recent" and NOT_YET_PAID in failed["evidence"]:
            # Its month named, not "fora do período pedido" (blind probe r70b).
            unpaid.setdefault(kind, []).append(format_month(str(failed["value"])))
            continue
        reason = NOT_COUNTED_BECAUSE.get(which)
        if which == "recent" and failed.get("value") is None:
            # No date or month read: not "fora do período pedido", which a date read would have to show (blind probe
            # r73b, F2).
            reason = MONTH_NOT_READ if kind == "payslip" else NOT_DATED
        elif which == "recent" and kind == "pension":
            reason = NOT_COUNTED_BECAUSE["not_future"] if DATED_AHEAD in failed["evidence"] else PENSION_TOO_OLD
        if which == "owner" and OWN_NAME_OTHER_NIF in failed["evidence"]:
            # The applicant's own, but for the NIF typed: not "another person's" (blind probe r57b).
            reason = OWN_NAME_OTHER_NIF
        elif which == "owner" and OTHER_MEMBER_S in failed["evidence"]:
            reason = OTHER_MEMBER_S
        elif which == "owner" and OWNER_NOT_READ in failed["evidence"]:
            reason = NOT_COUNTED_BECAUSE["owner_unread"]
        elif misread_invoice(failed):
            # Its figures misread off a photo or a scan, as likely as figures that do not add up (blind probe r75a).
            reason = MISREAD_WORDS
        if which == "arithmetic" and kind == "payslip" and failed.get("value") is None:
            reason = NOT_COUNTED_BECAUSE["arithmetic_unread"]
        elif which == "arithmetic" and kind == "pension" and failed.get("value") is None:
            reason = NOT_COUNTED_BECAUSE["pension_amount_unread"]
        elif which == "arithmetic" and kind == "invoice" and invoice_amount_unread(failed):
            reason = NOT_COUNTED_BECAUSE["invoice_amount_unread"]
        if kind in DOCUMENT_WORDS and reason:
            counts[(kind, reason)] = counts.get((kind, reason), 0) + 1
    said = [f"{count} {DOCUMENT_WORDS[kind][count > 1]} ({reason})" for (kind, reason), count in counts.items()]
    said += [
        f"{len(months)} {DOCUMENT_WORDS[kind][len(months) > 1]} (de {', '.join(sorted(months, key=month_order))}: "
        f"{'mês' if len(months) == 1 else 'meses'} {NOT_YET_PAID}{'' if len(months) == 1 else 's'})"
        for kind, months in unpaid.items()
        if kind in DOCUMENT_WORDS
    ]
    return "; ".join(said)


def month_order(month: str) -> str:
    """'01/2027' -> '2027/01': months as the report writes them, in calendar order."""
    return "/".join(reversed(month.split("/")))


# The IRS document that would prove the income when the others do not; after a joint return that does not show
# each spouse's part, the one that does (e2e probe c24: "Em falta: ... ou a nota de liquidação" beside the nota).
TAX_ALTERNATIVE = "ou a declaração / nota de liquidação de IRS do último ano"
JOINT_TAX_ALTERNATIVE = (
    "ou a declaração de IRS do último ano que mostre a sua parte dos rendimentos do casal (o Anexo A com o titular de "
    "cada rendimento)"
)


def profile_documents_read(
    profile: str,
    sources: list[Source],
    *,
    tax_usable: bool,
    joint_unsplit: bool = False,
    missing_words: str = "Em falta",
) -> tuple[Check, list[str]]:
    """Whether the documents read prove the declared profile's income; what is missing (``missing_words``: how the
    list is introduced), in pt-PT."""
    proven = [s.name for s in sources if s.verified]
    by_name = {s.name: s for s in sources}
    expected = SOURCES_BY_PROFILE.get(profile)
    label = PROFILE_LABELS.get(profile)
    if expected is None:
        found = ", ".join(SOURCE_WORDS[name] for name in proven) or ("IRS" if tax_usable else "nenhum documento")
        passed = bool(proven) or tax_usable
        evidence = f"Perfil de rendimentos não declarado; comprovados por: {found}."
        return check("income.profile_documents", passed, evidence), [] if passed else [no_income_missing()]
    needed = MIXED_SOURCES_REQUIRED if profile == MIXED else 1
    proven_expected = [name for name in expected if name in proven]
    passed = len(proven_expected) >= needed or tax_usable
    missing: list[str] = []
    if not passed:
        for name in expected:
            if name not in proven:
                source = by_name.get(name)
                missing.append(source.missing if source is not None and source.missing else MISSING_TEXT[name])
        if profile == MIXED:
            missing = [f"pelo menos {needed} fontes de rendimento comprovadas: " + "; ou ".join(missing)]
        missing.append(JOINT_TAX_ALTERNATIVE if joint_unsplit else TAX_ALTERNATIVE)
    outside = [SOURCE_WORDS[name] for name in proven if name not in expected]
    evidence = f"Perfil declarado: {label}. " + (
        "Rendimento comprovado pelos documentos do perfil."
        if passed
        else f"{missing_words}: " + " ".join(missing) + "."
    )
    if outside:
        evidence += f" Documentos fora do perfil declarado também contados: {', '.join(outside)}."
    return check("income.profile_documents", passed, evidence, value=profile), missing


MISSING_TEXT = {
    "payslips": f"recibos de vencimento de {REQUIRED_PAYSLIP_MONTHS} meses distintos",
    "invoices": f"faturas-recibo de {REQUIRED_INVOICE_MONTHS} meses distintos dos últimos {INVOICE_WINDOW_MONTHS}",
    # Whoever pays it: a fund's or another country's pension counts as the Segurança Social's does (blind probe r73b:
    # a pensioner paid from Germany read "Em falta: declaração de pensão da Segurança Social ou da CGA").
    "pension": "declaração de pensão (da Segurança Social, da CGA, de um fundo de pensões ou de outro país)",
}


def no_income_missing() -> str:
    return "um comprovativo de rendimentos (recibos, faturas-recibo, declaração de pensão ou IRS)"


# --- Payslips ------------------------------------------------------------------------------


def payslip_checks(document: Document, applicant: dict[str, Any], *, today: dt.date) -> list[Check]:
    """Owner, then currency, then arithmetic, then recency, stopping at the first that fails."""
    checks = [payslip_owner(document, applicant)]
    if checks[-1]["passed"]:
        checks.append(payslip_in_euros(document))
    if checks[-1]["passed"]:
        checks.append(payslip_arithmetic(document))
    if checks[-1]["passed"]:
        checks.append(payslip_recent(document, today=today))
    return checks


# The extraction's warning on a file holding several payslips (documents.extraction.local): the latest month is the
# document's reading; one worker's other months are its parts, each counted as its month (``rules.common.extracted``).
MULTIPLE_PAYSLIPS = "multiple_payslips"
# ... when they are more than one worker's (two employee NIFs, or two names): the others are someone else's.
MULTIPLE_EMPLOYEES = "multiple_employees"
ONE_FILE_PER_MONTH = "cada mês num ficheiro à parte: de um ficheiro com vários recibos só se lê o mais recente"


def payslip_files_combined(payslips: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One failed check per file of the applicant's that held several payslips of which only the latest month was
    read (another worker's slips beside them, or the other months' too incomplete to read apart), so the other
    months sent in it count for nothing, and the person must be told to send each month as its own file rather than
    asked for months they believe they sent (cases probe 15, K13). It changes no risk by itself: the months counted
    do. A file whose one payslip read is someone else's says so in its owner check. A file whose other months were
    each read (its ``parts``) needs no check: each month is counted, and its own checks say so."""
    return [
        check(
            "income.payslip_file_combined",
            False,
            f"{payslip_label(document)}: " + combined_file_evidence(document),
            document_id=document["document_id"],
            field="period",
            value=document["fields"].get("period"),
        )
        for document, checks in payslips
        if checks[0]["passed"] and MULTIPLE_PAYSLIPS in (document.get("warnings") or []) and not document.get("parts")
    ]


def combined_file_evidence(document: Document) -> str:
    """Why the file's other payslips were not counted: other months of the person's, or another worker's too (blind
    probe r46b: two people's slips in one PDF were told apart from one person's months by the extraction only)."""
    if MULTIPLE_EMPLOYEES in (document.get("warnings") or []):
        return (
            "o ficheiro tinha recibos de vencimento de mais de uma pessoa e só o mais recente foi lido; os de outra "
            "pessoa não contam: envie só os seus recibos, cada mês num ficheiro à parte."
        )
    return (
        "o ficheiro tinha vários recibos de vencimento e só o mais recente foi lido; os outros meses desse ficheiro "
        "não foram contados: envie cada mês num ficheiro à parte."
    )


def payslip_contracts_ended(payslips: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One check per payslip of the applicant's that ends a contract (``termination_pay``): its month counts at its
    regular net, the one-off amounts left out, but the job it ends may pay no more, which a person must confirm
    (blind probe r33a: such a month was counted at twice the salary, and nothing said the job had ended). Failed, it
    makes the report at least MEDIUM, as the other stated checks do.

    A payslip of a later month that paid, of the same employer (the contract renewed, or a new one) or of a job taken
    up after (ADR 027, amended 2026-12-08: blind probe r80c, a new employer's November beside October's last payslip
    read MEDIUM, staff and applicant asked for the payslip sent), shows the person working: the check passes, the end
    stated. A later month of a job held beside the ended one does not: that job's pay was there already, and the
    ended one's is what may not go on."""
    valid = [
        document
        for document, checks in payslips
        if passed_all(checks, "income.payslip_recent") and (payslip_net(document) or Decimal(0)) > 0
    ]
    results = []
    for document, checks in payslips:
        if not checks[0]["passed"] or TERMINATION_PAY not in (document.get("warnings") or []):
            continue
        later = work_after_the_end(document, valid)
        evidence = (
            f"{payslip_label(document)}: último recibo de um contrato que terminou (compensação pela cessação ou "
            "férias não gozadas pagas); contado pelo vencimento regular, sem esses montantes"
        )
        if later is None:
            evidence += ", mas este rendimento pode não continuar: confirme a situação profissional atual."
        else:
            whose = "da mesma entidade patronal" if same_employer(later, document) else "de outra entidade patronal"
            evidence += (
                f". O recibo de {format_month(later['fields']['period'])}, {whose}, mostra trabalho pago depois do fim "
                "desse contrato: fica registado, não é motivo de risco."
            )
        results.append(
            check(
                "income.payslip_contract_ongoing",
                later is not None,
                evidence,
                document_id=document["document_id"],
                field="regular_net_pay",
                value=payslip_net(document),
            )
        )
    return results


def work_after_the_end(ended: Document, valid: list[Document]) -> Document | None:
    """The oldest payslip that paid for a month after ``ended``'s (a contract's last), of its employer or of a job
    taken up after it; ``None`` when there is none, or when every later one is of a job held beside it: another
    employer's payslip of an earlier month, or of the same month not the first of a job begun within it
    (``started_within_month``). Of ``valid``, payslips that passed their checks and paid."""
    period = str(ended["fields"].get("period") or "")
    if not period:
        return None

    def held_beside(document: Document) -> bool:
        return any(
            same_employer(document, other) and not same_employer(other, ended)
            for other in valid
            if str(other["fields"].get("period") or "") < period
            or (other["fields"].get("period") == period and not started_within_month(other))
        )

    later = sorted(
        (d for d in valid if str(d["fields"].get("period") or "") > period),
        key=lambda d: str(d["fields"]["period"]),
    )
    return next((d for d in later if same_employer(d, ended) or not held_beside(d)), None)


def payslips_not_latest(payslips: list[tuple[Document, list[Check]]], *, today: dt.date) -> list[Check]:
    """A failed check when the newest payslip counted is older than ``LATEST_PAYSLIP_MONTHS`` before the screening's
    month: its months are within the window and count, but the months since are unseen and the job may have ended
    (blind probe r60a: screened in December on June to August, LOW with nothing said). Makes the report at least
    MEDIUM, as the other stated checks do; the person's latest payslip lifts it."""
    counted = counted_payslips(payslips)
    if not counted:
        return []
    newest = max(counted)
    if months_ago(newest, today) <= LATEST_PAYSLIP_MONTHS:
        return []
    year, month = divmod(today.year * 12 + today.month - 1 - LATEST_PAYSLIP_MONTHS, 12)
    oldest_accepted = f"{year:04d}-{month + 1:02d}"
    return [
        check(
            "income.payslip_latest",
            False,
            f"O recibo de vencimento mais recente é de {format_month(newest)}: os meses seguintes não foram "
            "comprovados e o emprego pode ter mudado. Peça o último recibo.",
            field="period",
            value=newest,
            expected=f">= {oldest_accepted}",
        )
    ]


def payslips_repeated(payslips: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One check per payslip that repeats one already counted (the same month, the same employer or the same
    amounts: the same file sent twice, or a copy): it is counted once, which the report says rather than leaving the
    month's checks listed twice for staff to puzzle out (cases probe 15, K12). Not a failure, and not a reuse signal:
    it is the person's own document."""
    counted = {
        reading_key(stub) for month in counted_payslips(payslips).values() for d in month for stub in stubs_of(d)
    }
    seen: dict[str, list[Document]] = {}
    repeated = []
    for document, checks in payslips:
        if not passed_all(checks, "income.payslip_recent") or payslip_net(document) is None:
            continue
        earlier = seen.setdefault(document["fields"]["period"], [])
        if reading_key(document) not in counted and any(same_job(document, other) for other in earlier):
            repeated.append(
                check(
                    "income.payslip_repeated",
                    True,
                    f"{payslip_label(document)}: recibo repetido, o mesmo de um recibo já contado (o mesmo mês, do "
                    "mesmo empregador ou com os mesmos valores: o mesmo ficheiro enviado duas vezes ou uma cópia); "
                    "contado uma vez.",
                    document_id=document["document_id"],
                    field="period",
                    value=document["fields"].get("period"),
                )
            )
        earlier.append(document)
    return repeated


def payslips_of_another_job(payslips: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One check per payslip of a second employer not counted beside the first (``counted_payslips``: it pays in fewer
    than ``CONCURRENT_JOB_MIN_MONTHS`` of the months sent, a job started or left within them), saying so rather than
    dropping a proof sent in silence (blind probe r68b: a new job's November read nowhere). Not a failure: the rule
    keeps one month's pay of a job from counting as a lasting second income; the job's next months make it count."""
    counted = counted_payslips(payslips)
    counted_keys = {reading_key(stub) for month in counted.values() for d in month for stub in stubs_of(d)}
    newest = max(counted, default=None)
    seen: dict[str, list[Document]] = {}
    checks = []
    for document, results in payslips:
        if not passed_all(results, "income.payslip_recent") or payslip_net(document) is None:
            continue
        period = document["fields"]["period"]
        earlier = seen.setdefault(period, [])
        earlier.append(document)
        if stub_frequency(document) or reading_key(document) in counted_keys or period not in counted:
            continue
        if any(same_job(document, other) for other in earlier[:-1]):
            continue  # a copy: ``payslips_repeated`` says so
        checks.append(
            check(
                "income.payslip_other_job",
                True,
                f"{payslip_label(document)}: de outro empregador, com recibos em menos de {CONCURRENT_JOB_MIN_MONTHS} "
                "dos meses enviados; "
                + (
                    "um emprego começado no último mês enviado não é somado como segundo rendimento (não contado); "
                    "com o recibo do mês seguinte deste emprego passa a contar."
                    if period == newest
                    else "um emprego deixado ou pontual nesses meses não é um segundo rendimento (não contado)."
                ),
                document_id=document["document_id"],
                field="period",
                value=period,
            )
        )
    return checks


def payslip_label(document: Document) -> str:
    """'Recibo 10/2026': the month read, or the month still to come the extraction withheld (``period_to_come``:
    printed, so not "não lido", blind probe r70b)."""
    period = document["fields"].get("period") or document["fields"].get("period_to_come")
    return f"Recibo {format_month(period) if period else '(período não lido)'}"


def payslip_owner(document: Document, applicant: dict[str, Any]) -> Check:
    """The payslip is the applicant's: by NIF when printed, else by name."""
    return owner_check("income.payslip_owner", payslip_label(document), document, applicant, "employee")


def payslip_in_euros(document: Document) -> Check:
    """Paid in euros: a payslip in pounds, dollars or reais (a remote worker's, a job abroad) is not so many euros,
    nor paid 14 times a year."""
    return in_euros_check("income.payslip_in_euros", payslip_label(document), document, feminine=False)


def in_euros_check(name: str, label: str, document: Document, *, feminine: bool) -> Check:
    """Paid in euros (no ``currency_not_eur``): no exchange rate is ours to pick; a person converts it."""
    foreign = "currency_not_eur" in document.get("warnings", [])
    paid, counted = ("paga", "contada") if feminine else ("pago", "contado")
    said = f"{paid} noutra moeda (não {counted}; o valor em euros fica para quem decide)" if foreign else "em euros"
    return check(name, not foreign, f"{label}: {said}.", document_id=document["document_id"])


def payslip_arithmetic(document: Document) -> Check:
    """Net pay was read and extraction found gross minus deductions equal to it (no ``arithmetic_mismatch``). A net not
    read fails too, said as the reading's failure it is (``net_unread_evidence``), never as figures that disagree."""
    net = money(document["fields"].get("net_pay"))
    consistent = "arithmetic_mismatch" not in document.get("warnings", []) and net is not None
    said = f"ilíquido menos descontos {'igual ao' if consistent else 'diferente do'} líquido"
    return check(
        "income.payslip_arithmetic",
        consistent,
        f"{payslip_label(document)}: {said if net is not None else net_unread_evidence(document)}.",
        document_id=document["document_id"],
        field="net_pay",
        value=net,
    )


# What a payslip read without its net says, in its check's evidence; and what to send instead.
NET_NOT_READ = "o líquido não foi lido, pelo que as contas do recibo não se puderam confirmar"
SHARPER_COPY = "pedir uma fotografia nítida, direita e com boa luz do recibo inteiro, ou o PDF"
WHOLE_PAYSLIP = "é só uma página de um recibo com mais: pedir o recibo inteiro (todas as páginas) num só ficheiro"


def net_unread_evidence(document: Document) -> str:
    """Why a payslip's net is not known, and what would give it: the slip's other page when the page read says it
    has more (``payslip_pages_missing``), else a sharper copy (blind probe r75a, D4: a stamp across the totals)."""
    pages_missing = PAYSLIP_PAGES_MISSING in (document.get("warnings") or [])
    return f"{NET_NOT_READ} ({WHOLE_PAYSLIP if pages_missing else SHARPER_COPY})"


def payslip_recent(document: Document, *, today: dt.date) -> Check:
    """The payslip's month is this month or one of the previous ``PAYSLIP_WINDOW_MONTHS``, and its pay is paid by the
    screening day (``month_not_yet_paid``)."""
    unpaid = month_not_yet_paid(document, today=today)
    if unpaid is not None:
        return payslip_not_yet_paid(document, unpaid, today=today)
    period = document["fields"].get("period")
    recent = period is not None and 0 <= months_ago(period, today) <= PAYSLIP_WINDOW_MONTHS
    return check(
        "income.payslip_recent",
        recent,
        f"{payslip_label(document)}: {'dentro' if recent else 'fora'} dos últimos {PAYSLIP_WINDOW_MONTHS} meses."
        if period is not None
        else f"{payslip_label(document)}: sem o mês lido, não conta como dos últimos {PAYSLIP_WINDOW_MONTHS} meses.",
        document_id=document["document_id"],
        field="period",
        value=period,
    )


# What a payslip withheld as not yet paid says, in its check's evidence: the report's and the applicant's words key on it.
NOT_YET_PAID = "ainda não pago"
# How many days before its period begins a month's pay may be paid and still be that month's (an advance, a month paid
# before a holiday), and how many after the period ends (pay due at the period's end is often paid in the next month's
# first days, and some employers run late): beyond either, the date contradicts the period (docs/adr/044).
PAID_BEFORE_PERIOD_DAYS = 7
PAID_AFTER_PERIOD_DAYS = 62


def month_not_yet_paid(document: Document, *, today: dt.date) -> str | None:
    """The month (``YYYY-MM``) of a payslip whose pay is not yet paid on the screening day, else None: a month still
    to come (withheld at extraction, ``period_to_come``); a printed payment date after the day; or a period that ends
    after the day without a payment date on or before it that fits the period (a month not over is no month's pay:
    blind probe r70b, December's slip counted on 7 December). A stub printing no pay period is judged by its payment
    date alone: its month says nothing of which week it paid. docs/adr/044-a-month-counts-once-paid.md."""
    fields = document["fields"]
    if fields.get("period_to_come"):
        return str(fields["period_to_come"])
    period = fields.get("period")
    if not period:
        return None
    paid = parse_date(fields.get("payment_date"))
    if paid is not None and paid > today:
        return str(period)
    start, end = pay_period(fields)
    if end is None or end <= today:
        return None
    paid_in_time = paid is not None and start is not None and payment_date_fits(paid, start, end)
    return None if paid_in_time else str(period)


def pay_period(fields: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """A payslip's pay period: a stub's printed days, else its month's first and last days; (None, None) for a stub
    that prints none, or a month not read."""
    start, end = parse_date(fields.get("period_start")), parse_date(fields.get("period_end"))
    if start is not None and end is not None:
        return start, end
    period = fields.get("period")
    if fields.get("pay_frequency") or not period:
        return None, None
    first = dt.date.fromisoformat(f"{period}-01")
    return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


def payment_date_fits(paid: dt.date, start: dt.date, end: dt.date) -> bool:
    """Whether a payment date can be the pay of the period ``start`` to ``end``: not more than
    ``PAID_BEFORE_PERIOD_DAYS`` before it begins, nor more than ``PAID_AFTER_PERIOD_DAYS`` after it ends."""
    return start - dt.timedelta(days=PAID_BEFORE_PERIOD_DAYS) <= paid <= end + dt.timedelta(days=PAID_AFTER_PERIOD_DAYS)


def payslip_not_yet_paid(document: Document, month: str, *, today: dt.date) -> Check:
    """``income.payslip_recent`` failed for a month whose pay is not yet paid, naming the month and why."""
    fields = document["fields"]
    paid = parse_date(fields.get("payment_date"))
    label = f"Recibo {format_month(month)}"
    if month > month_of(today):
        why = "mês ainda por vir"
    elif paid is not None and paid > today:
        why = f"pagamento a {format_date(paid)}, depois do dia desta análise"
    else:
        why = "o mês ainda não terminou e o recibo não mostra o pagamento feito até hoje"
    return check(
        "income.payslip_recent",
        False,
        f"{label}: {why}; mês {NOT_YET_PAID}, não contado (conta numa análise feita depois de pago).",
        document_id=document["document_id"],
        field="period",
        value=month,
    )


def distinct_months(count: int) -> str:
    """'1 mês distinto', '2 meses distintos' (the report's words, agreeing with the number)."""
    return "1 mês distinto" if count == 1 else f"{count} meses distintos"


def payslip_months(months_verified: int) -> Check:
    """Enough distinct months of payslips that passed every check."""
    return check(
        "income.payslip_months",
        months_verified >= REQUIRED_PAYSLIP_MONTHS,
        f"{distinct_months(months_verified)} de recibos válidos (necessários {REQUIRED_PAYSLIP_MONTHS}).",
        value=months_verified,
        expected=REQUIRED_PAYSLIP_MONTHS,
    )


def passed_all(checks: list[Check], last: str) -> bool:
    # Each document's checks stop at the first failure: the last one ran only if the others passed.
    return checks[-1]["name"] == last and checks[-1]["passed"]


def payslip_net(document: Document, *, with_variable: bool = False) -> Decimal | None:
    """The payslip's regular net pay: a June or December payslip carrying a lump *subsídio* counts at its regular
    net (``regular_net_pay``, read without the subsidy), so a subsidy month never inflates the average.
    ``with_variable``: its overtime and per diems too (``variable_net_pay``), when they recur (``recurring_jobs``),
    never above the printed net. Never below zero: a net printed negative (``net_negative``: an advance or a debt took
    more than the month paid) is a month that paid nothing, counted as 0 as a ``nothing_paid`` month is, not an
    income taken off the other months' (blind probe r54b). A payslip captioning a subsidy whose amount was not read
    (``subsidy_unread``) has no regular net known: its month is not counted, rather than at a net holding the subsidy
    (blind probe r81b, F1: a Natal month counted whole, the income 29,6 % over)."""
    if SUBSIDY_UNREAD in (document.get("warnings") or []):
        return None
    net = net_as_read(document["fields"], with_variable=with_variable)
    return None if net is None else max(net, Decimal(0))


def net_as_read(fields: dict[str, Any], *, with_variable: bool) -> Decimal | None:
    regular = money(fields.get("regular_net_pay"))
    if regular is None:
        return money(fields.get("net_pay"))
    variable, printed = money(fields.get("variable_net_pay")), money(fields.get("net_pay"))
    if with_variable and variable is not None and variable > 0:
        # Never above the printed net, or above the regular net where that adds back an advance the slip deducts.
        return regular + variable if printed is None else min(regular + variable, max(printed, regular))
    return regular


def counted_payslips(
    payslips: list[tuple[Document, list[Check]]], *, stubs_covering: int | None = None
) -> dict[str, list[Document]]:
    """By month (``YYYY-MM``), the payslips that passed all their checks and count: one per employer.

    Two jobs held together (a cleaning job and a restaurant's, a call centre's and deliveries) are two payslips a
    month from two employers, and both count. A month's second payslip from the same employer (a copy, a
    correction) does not, nor one whose employer cannot be told apart from the first's, nor one with the same
    amounts. An employer counts beside another only when it pays in two months or more of those sent: a job left or
    started within a month (its final settlement, its first pay) is not a second income.

    A job paid by the week or the fortnight counts in a month its stubs cover (``STUBS_COVERING_A_MONTH``), as one
    month's payslip: its stubs' monthly equivalent (``stubs_month``); a month they do not cover is not counted.
    """
    by_month: dict[str, list[Document]] = {}
    for document, checks in payslips:
        if not passed_all(checks, "income.payslip_recent") or payslip_net(document) is None:
            continue
        month = by_month.setdefault(document["fields"]["period"], [])
        if not any(same_job(document, other) for other in month):
            month.append(document)
    jobs = {
        period: jobs
        for period, documents in by_month.items()
        if (jobs := months_jobs(documents, stubs_covering=stubs_covering))
    }
    return {
        period: [first, *(d for d in others if employer_months(d, jobs) >= CONCURRENT_JOB_MIN_MONTHS)]
        for period, (first, *others) in ((period, main_job_first(month, jobs)) for period, month in jobs.items())
    }


def main_job_first(month: list[Document], jobs: dict[str, list[Document]]) -> list[Document]:
    """A month's payslips, the employer paying in most of the months sent first (the order sent among equals): the
    month's first always counts, so a job started in the newest month, sent before the main job's payslip, would
    count in its place beside it (blind probe r68b, the files read in another order: 1 101,53 € for 963,08 €)."""
    return sorted(month, key=lambda document: -employer_months(document, jobs))


# --- Stubs for less than a month (docs/adr/037-pay-for-less-than-a-month.md) -----------------------------------
#
# Pay may fall due by the week, the fortnight or the calendar month (Código do Trabalho, art. 278.º). A stub gives
# its own period's figures (``pay_frequency``): counted as a month's, a weekly-paid worker's income came out at a
# quarter of the truth. A month of such a job counts when its stubs cover it; its income is the mean stub net times
# the stubs a year, over 12, then the 14 payments of a Portuguese salary as any other's (subsídios de férias and de
# Natal are due to a weekly-paid worker too): never a month's 4 or 5 weekly nets added up as printed.
STUBS_PER_YEAR = {"WEEKLY": 52, "FORTNIGHTLY": 26, "SEMI_MONTHLY": 24}
# Distinct stubs starting in a month that cover it.
STUBS_COVERING_A_MONTH = {"WEEKLY": 4, "FORTNIGHTLY": 2, "SEMI_MONTHLY": 2}
STUB_WORDS = {
    "WEEKLY": "recibos semanais",
    "FORTNIGHTLY": "recibos de duas em duas semanas",
    "SEMI_MONTHLY": "recibos quinzenais",
}


def stub_frequency(document: Document) -> str | None:
    """The stub's frequency (``WEEKLY``...), None for a month's payslip."""
    frequency = document["fields"].get("pay_frequency")
    return frequency if frequency in STUBS_PER_YEAR else None


def stubs_of_different_pay_periods(document: Document, other: Document) -> bool:
    """Two stubs that pay different periods, not one sent twice: by the start of their pay periods when both print
    it, else by their amounts (a fixed wage's weeks print the same amounts, but then their periods tell them apart)."""
    if not (stub_frequency(document) and stub_frequency(other)):
        return False
    starts = [d["fields"].get("period_start") for d in (document, other)]
    if all(starts):
        return str(starts[0]) != str(starts[1])
    return not same_amounts(document, other)


def months_jobs(documents: list[Document], *, stubs_covering: int | None = None) -> list[Document]:
    """A month's payslips, one per job: a month's payslip as it is, a stub-paid job's stubs as one ``stubs_month``
    when they cover the month (``stubs_covering`` of them, else ``STUBS_COVERING_A_MONTH``), left out when not."""
    stub_jobs = by_stub_job([d for d in documents if stub_frequency(d)])
    covering = [
        stubs
        for stubs in stub_jobs
        if len(stubs) >= (stubs_covering or STUBS_COVERING_A_MONTH[str(stub_frequency(stubs[0]))])
    ]
    # Each job where its first payslip stands: the month's first counts beside the others (``counted_payslips``).
    covering_from = {id(stubs[0]): stubs for stubs in covering}
    return [
        stubs_month(covering_from[id(d)]) if stub_frequency(d) else d
        for d in documents
        if not stub_frequency(d) or id(d) in covering_from
    ]


def same_stub_job(document: Document, other: Document) -> bool:
    return stub_frequency(document) == stub_frequency(other) and same_employer(document, other)


def stubs_month(stubs: list[Document]) -> Document:
    """A month of a stub-paid job as one payslip: the first stub's, its net the stubs' mean regular net times the
    stubs a year over 12 (``employment_source`` takes the mean over every month counted), the stubs kept."""
    monthly = stub_job([], stubs).monthly
    fields = {**stubs[0]["fields"], "net_pay": monthly, "regular_net_pay": monthly, "variable_net_pay": None}
    return {**stubs[0], "fields": fields, "stubs": stubs}


def stubs_of(document: Document) -> list[Document]:
    """The stubs a counted month of a stub-paid job stands for; a month's payslip stands for itself."""
    stubs: list[Document] = document.get("stubs") or [document]
    return stubs


# Months an employer must pay in, of those sent, to count beside another employer.
CONCURRENT_JOB_MIN_MONTHS = 2


def employer_months(document: Document, by_month: dict[str, list[Document]]) -> int:
    return sum(any(same_employer(document, other) for other in month) for month in by_month.values())


def same_job(document: Document, other: Document) -> bool:
    """The same employer's pay, or the same amounts (one payslip sent twice, its employer read differently); not two
    stubs of different pay periods (two weeks of one job)."""
    if stubs_of_different_pay_periods(document, other):
        return False
    return same_amounts(document, other) or same_employer(document, other)


def same_amounts(document: Document, other: Document) -> bool:
    return all(
        money(document["fields"].get(name)) == money(other["fields"].get(name)) for name in ("gross_pay", "net_pay")
    )


def same_employer(document: Document, other: Document) -> bool:
    """By NIF when both print one, else by name (its legal form and punctuation aside); when neither pair can be
    compared, assumed the same: an income is never counted twice on a guess."""
    nifs = [digits_only(d["fields"].get("employer_nif")) for d in (document, other)]
    if all(nifs):
        return nifs[0] == nifs[1]
    names = [employer_key(d["fields"].get("employer_name")) for d in (document, other)]
    if all(names):
        return names[0] == names[1]
    return True


def digits_only(value: Any) -> str:
    return "".join(char for char in str(value or "") if char.isdigit())


LEGAL_FORMS = re.compile(r"(?<![a-z])(?:lda|limitada|s\s*a|unipessoal|sociedade\s+anonima|sgps|crl)(?![a-z])")


def employer_key(name: Any) -> str:
    """An employer's name as compared across payslips: folded, without its legal form, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", LEGAL_FORMS.sub(" ", fold(str(name or "")).replace(".", " ")))


# The method's words when overtime or per diems come in every month counted and count (ADR 030, amended
# 2026-12-05); the applicant's explanation reads them too.
RECURRING_VARIABLE_PAY = "trabalho suplementar ou ajudas de custo em todos os meses: contados"


def recurring_jobs(counted: dict[str, list[Document]], months: list[str]) -> list[Document]:
    """The payslips whose overtime and per diems count: those of an employer that pays some (``variable_net_pay``
    above zero) in every month counted, at least the months required, one payslip each. One month cannot show whether
    such money recurs; three can (round 47B's construction worker and TIR driver). Decided per employer: one job's
    overtime every month says nothing of another job's, and overtime at one employer in some months and at the
    other in the rest is no pay that recurs."""
    if len(months) < REQUIRED_PAYSLIP_MONTHS:
        return []
    recurring: list[Document] = []
    for first in counted[months[0]]:
        job = [next((d for d in counted[m] if same_employer(first, d)), None) for m in months]
        if all(d is not None and (money(d["fields"].get("variable_net_pay")) or 0) > 0 for d in job):
            recurring += [d for d in job if d is not None]
    return recurring


def monthly_net_income(payslips: list[tuple[Document, list[Check]]]) -> dict[str, Decimal]:
    """Regular net pay by month (``YYYY-MM``) of the payslips that count (``counted_payslips``), each employer's
    added up."""
    return {
        period: sum((payslip_net(d) or Decimal(0) for d in documents), Decimal(0))
        for period, documents in counted_payslips(payslips).items()
    }


def salary_payments_per_year(document: Document) -> int:
    """12 when the payslip pays the subsidies monthly in duodécimos (its net already holds them) or is another
    country's (``foreign_payslip``: the 14 payments are a Portuguese salary's, not a French or a German one's),
    else 14."""
    twelfths = money(document["fields"].get("subsidy_twelfths_amount"))
    if foreign_payslip(document) or (twelfths is not None and twelfths > 0):
        return 12
    return SALARY_PAYMENTS_PER_YEAR


def foreign_payslip(document: Document) -> bool:
    return FOREIGN_PAYSLIP in document.get("warnings", [])


def employment_source(payslips: list[tuple[Document, list[Check]]]) -> Source:
    """The latest required months' regular net, each payslip's times its payments a year, over 12 months each."""
    counted = counted_payslips(payslips)
    months = sorted(counted, reverse=True)[:REQUIRED_PAYSLIP_MONTHS]
    verified = len(months) >= REQUIRED_PAYSLIP_MONTHS
    missing = None if verified else payslips_missing(payslips, len(months))
    if not months:
        return stubs_estimate(payslips, missing) or Source(
            "payslips", False, None, "nenhum recibo de vencimento válido", [], missing
        )
    cut = pay_cut(counted, months)
    averaged = cut.months if cut else months
    used = [d for m in averaged for d in counted[m]]
    recurring = recurring_jobs(counted, averaged)
    with_variable = {id(d) for d in recurring}
    stub_jobs = stub_jobs_counted(used)
    stub_nets = {id(d): job.monthly for job in stub_jobs for d in job.months}
    # One division at the end: the hand-computed figure in the tests is exactly this.
    yearly = {
        id(d): (
            stub_nets[id(d)]
            if id(d) in stub_nets
            else payslip_net(d, with_variable=id(d) in with_variable) or Decimal(0)
        )
        * salary_payments_per_year(d)
        for d in used
    }
    paid = sum(yearly.values(), Decimal(0))
    average = quantize(paid / (12 * len(averaged)))
    counts = {salary_payments_per_year(d) for d in used if not foreign_payslip(d)}
    how = (
        "vencimento regular x 14 / 12"
        if counts == {SALARY_PAYMENTS_PER_YEAR}
        else "vencimento regular (subsídios pagos em duodécimos, já incluídos)"
        if counts == {12}
        else "vencimento regular x 14 / 12, ou tal como pago nos meses com duodécimos"
        if counts
        else "vencimento regular de recibos de outro país, 12 pagamentos por ano"
    )
    if counts and any(foreign_payslip(d) for d in used):
        how += "; recibos de outro país a 12 pagamentos por ano"
    jobs = max(len(counted[m]) for m in averaged)
    shares = job_shares_note(used, yearly, months=len(averaged), average=average)
    employers = (
        f", somando {jobs} empregadores (recibos do mesmo mês de entidades diferentes){shares}" if jobs > 1 else ""
    )
    recurring_note = ""
    if recurring:
        # An employer in every month counted has one payslip in each.
        of_jobs = len(recurring) // len(averaged)
        recurring_note = f"; {RECURRING_VARIABLE_PAY}" + (
            f" (de {of_jobs} dos {jobs} empregadores)" if of_jobs < jobs else ""
        )
    method = (
        f"{stub_jobs_note(stub_jobs)}{how}{employers}, média dos recibos de {format_months(sorted(averaged))}"
        f"{pay_cut_note(cut)}"
        f"{recurring_note}"
        f"{subsidy_months_note(used, with_variable=recurring)}"
        f"{first_months_note(used)}"
    )
    return Source("payslips", verified, average, method, sorted(months), missing)


def job_shares_note(used: list[Document], yearly: dict[int, Decimal], *, months: int, average: Decimal) -> str:
    """Each job's share of the average (": 751,92 € + 651,47 €"), so the sum can be redone by hand from the jobs and
    not only read whole (blind probe r76b, N4: "1 403,38 € (somando 2 empregadores)"). A job's share is its payslips'
    regular net times their payments a year, over 12 months each, to the cent; where those cents do not add up to the
    average worked out in one division, that is said. ``yearly`` holds each payslip's net times its payments."""
    jobs: list[list[Document]] = []
    for document in used:
        job = next((job for job in jobs if same_job_other_month(job, document)), None)
        if job is None:
            jobs.append([document])
        else:
            job.append(document)
    if len(jobs) < 2:
        return ""
    shares = [quantize(sum((yearly[id(d)] for d in job), Decimal(0)) / (12 * months)) for job in jobs]
    rounded = "" if sum(shares, Decimal(0)) == average else " (cada parte arredondada ao cêntimo)"
    return f": {' + '.join(format_eur(share) for share in shares)}{rounded}"


def same_job_other_month(job: list[Document], document: Document) -> bool:
    """Whether a payslip is another month of the job: its employer's, in a month the job has no payslip of yet (two
    payslips of one month counted are two employers')."""
    periods = {d["fields"].get("period") for d in job}
    return same_employer(job[0], document) and document["fields"].get("period") not in periods


# --- A job's first month (docs/adr/030-a-months-regular-pay.md, amended 2026-12-07) ----------------------------
#
# A payslip printing an admission within its month (``started_within_month``) paid the days since: the job's first
# month, with no payslip of the job before it. It counts at what it paid, named in the method: it is the oldest month
# of the job, so it is among the months averaged only while the job's whole months are fewer than those required, and
# the figure it gives then is the lower, the safer one (blind probe r68b: 21 days of 1.200,00 € averaged as a month
# with no word, and payslips of the months before the admission asked for).
# --- A lasting pay cut (docs/adr/039-a-lasting-pay-cut.md) ------------------------------------------------------
#
# Three months averaged hide a base salary that fell in the newest of them (hours reduced to part-time, a lower
# category, a reduced-pay arrangement): the average is a level the person no longer earns (blind probe r68b, c18: 1
# 500,00 € for two months and 1 000,00 € in November averaged to a ratio the person cannot keep). When the newest
# month's base salary and regular net are both lower than every earlier month's of the same employer, the income is
# the average of the months since the fall, and the report says so. A month that paid less for a reason of its own
# (a leave, an admission or a contract's end within it) is no new level; a raise is left averaged, the lower figure.
PAY_CUT_SHARE = Decimal("0.95")
# The method's words for it, which the applicant's explanation tells apart as it does RECURRING_VARIABLE_PAY.
PAY_CUT_LEVEL = "contado só o nível desde então, não a média dos meses antes"
PAY_CUT_NOT_A_LEVEL = frozenset({LEAVE_WITHHELD, STARTED_WITHIN_MONTH, TERMINATION_PAY})


@dataclass(frozen=True)
class PayCut:
    months: list[str]  # the months since the fall, newest first: the ones averaged
    before: Decimal  # the base salary before it
    after: Decimal  # the base salary since


def pay_cut(counted: dict[str, list[Document]], months: list[str]) -> PayCut | None:
    """The newest months' lower level, when one employer's base salary fell in them (``months`` newest first)."""
    if len(months) < 2 or any(len(counted[m]) != 1 for m in months):
        return None
    slips = [counted[m][0] for m in months]
    if any(stub_frequency(d) or PAY_CUT_NOT_A_LEVEL & set(d.get("warnings") or []) for d in slips):
        return None
    if not all(same_employer(slips[0], d) for d in slips[1:]):
        return None
    levels = [level for d in slips if (level := pay_level(d))]
    if len(levels) < len(slips):
        return None
    bases, nets = [base for base, _ in levels], [net for _, net in levels]
    since = next((i for i, base in enumerate(bases) if base != bases[0]), len(bases))
    if since == len(bases):
        return None
    after, before = bases[0], min(bases[since:])
    if after > before * PAY_CUT_SHARE or max(nets[:since]) > min(nets[since:]) * PAY_CUT_SHARE:
        return None
    return PayCut(months[:since], before, after)


def pay_level(document: Document) -> tuple[Decimal, Decimal] | None:
    """A payslip's base salary and regular net, when both were read (a base of zero is none)."""
    base, net = money(document["fields"].get("base_salary")), payslip_net(document)
    return (base, net) if base is not None and base > 0 and net is not None else None


def pay_cut_note(cut: PayCut | None) -> str:
    if cut is None:
        return ""
    since = sorted(cut.months)[0]
    return (
        f"; o vencimento base baixou de {format_eur(cut.before)} para {format_eur(cut.after)} em {format_month(since)}"
        f": {PAY_CUT_LEVEL}"
    )


FIRST_MONTHS = "; mês incompleto, o da admissão no emprego (contado pelo que pagou, só os dias desde a admissão): "


def started_within_month(document: Document) -> bool:
    return STARTED_WITHIN_MONTH in (document.get("warnings") or [])


def first_months_note(used: list[Document]) -> str:
    months = sorted({str(d["fields"].get("period")) for d in used if started_within_month(d)} - {"None"})
    return FIRST_MONTHS + ", ".join(format_month(m) for m in months) if months else ""


def job_started(payslips: list[tuple[Document, list[Check]]]) -> str | None:
    """The month the applicant's current job started, when the oldest month counted is its first (an admission within
    it): the months before hold no payslip of this job, so they are not what to ask for."""
    counted = counted_payslips(payslips)
    if not counted:
        return None
    oldest = min(counted)
    return oldest if any(started_within_month(d) for d in counted[oldest]) else None


def payslips_missing(payslips: list[tuple[Document, list[Check]]], months_counted: int) -> str:
    """The payslips still to send for ``REQUIRED_PAYSLIP_MONTHS`` months: months of payslips, or of a stub-paid job,
    stubs that cover more months (``STUBS_COVERING_A_MONTH`` each). When the current job started within the oldest
    month counted (``job_started``), the next months' payslips of it, not the months before the admission."""
    short = distinct_months(REQUIRED_PAYSLIP_MONTHS - months_counted)
    started = job_started(payslips)
    if started is not None:
        return (
            f"recibos de vencimento de mais {short}: os dos próximos meses do emprego atual, que começou em "
            f"{format_month(started)} (de antes da admissão, só os de um emprego anterior, se o houve; necessários "
            f"{REQUIRED_PAYSLIP_MONTHS} dos últimos {PAYSLIP_WINDOW_MONTHS})"
        )
    frequency = next(
        (
            stub_frequency(d)
            for d, checks in payslips
            if passed_all(checks, "income.payslip_recent") and stub_frequency(d)
        ),
        None,
    )
    what = (
        f"recibos de vencimento de mais {short} "
        if frequency is None
        else f"{STUB_WORDS[frequency]} que cubram mais {short} ({STUBS_COVERING_A_MONTH[frequency]} por mês; "
    )
    return (
        f"{what}{'(' if frequency is None else ''}necessários {REQUIRED_PAYSLIP_MONTHS} dos últimos "
        f"{PAYSLIP_WINDOW_MONTHS}" + (f"; {ONE_FILE_PER_MONTH}" if payslip_files_combined(payslips) else "") + ")"
    )


@dataclass
class StubJob:
    """One stub-paid job's months counted (``stubs_month``), and its monthly net over all their stubs."""

    frequency: str
    months: list[Document]
    stubs: list[Document]
    mean: Decimal
    monthly: Decimal


def stub_jobs_counted(used: list[Document]) -> list[StubJob]:
    """The stub-paid jobs among the months counted, each with its mean stub net over every stub counted (a month of
    5 weeks weighs its 5), times the stubs a year over 12."""
    return [
        stub_job(months, [stub for month in months for stub in stubs_of(month)])
        for months in by_stub_job([d for d in used if stub_frequency(d)])
    ]


def by_stub_job(stubs: list[Document]) -> list[list[Document]]:
    """The stubs grouped by job: one employer's, at one frequency, in the order sent."""
    groups: list[list[Document]] = []
    for stub in stubs:
        group = next((g for g in groups if same_stub_job(stub, g[0])), None)
        if group is None:
            groups.append([stub])
        else:
            group.append(stub)
    return groups


def stub_job(months: list[Document], stubs: list[Document]) -> StubJob:
    frequency = str(stub_frequency(stubs[0]))
    mean = sum((payslip_net(stub) or Decimal(0) for stub in stubs), Decimal(0)) / len(stubs)
    return StubJob(frequency, months, stubs, mean, mean * STUBS_PER_YEAR[frequency] / 12)


def stub_jobs_note(jobs: list[StubJob]) -> str:
    """The method's words for each stub-paid job ("recibos semanais: média de 13 recibos (213,60 €) x 52 / 12 =
    925,60 € por mês; "), before the words every payslip counted shares."""
    return "".join(
        f"{STUB_WORDS[job.frequency]}: média de {len(job.stubs)} recibos ({format_eur(job.mean)}) x "
        f"{STUBS_PER_YEAR[job.frequency]} / 12 = {format_eur(job.monthly)} por mês; "
        for job in jobs
    )


def stubs_estimate(payslips: list[tuple[Document, list[Check]]], missing: str | None) -> Source | None:
    """With no month covered, the stubs sent still give an estimate, not verified, as one month's payslip does: each
    job's mean stub net times the stubs a year over 12, then its payments a year. None when none was sent."""
    stubs = [
        stub
        for month in counted_payslips(payslips, stubs_covering=1).values()
        for document in month
        for stub in stubs_of(document)
        if stub_frequency(stub)
    ]
    if not stubs:
        return None
    jobs = [stub_job(group, group) for group in by_stub_job(stubs)]
    paid = sum((job.monthly * salary_payments_per_year(job.stubs[0]) for job in jobs), Decimal(0))
    frequency, payments = jobs[0].frequency, salary_payments_per_year(jobs[0].stubs[0])
    method = (
        f"estimativa: {stub_jobs_note(jobs)}vencimento regular x {payments} / 12; os recibos enviados não cobrem um "
        f"mês ({STUBS_COVERING_A_MONTH[frequency]} {STUB_WORDS[frequency]} com início no mesmo mês)"
    )
    return Source("payslips", False, quantize(paid / 12), method, [], missing)


def subsidy_months_note(used: list[Document], *, with_variable: list[Document] | None = None) -> str:
    """The months counted at an estimate, not at their printed net: a lump holiday or Christmas subsidy's month counts
    at its net less the subsidy's own net (``regular_net_pay``), so whoever averages the printed nets by hand finds
    another figure unless the report says what was counted (cases probe 14: an analyst would have overridden it).
    A payslip in ``with_variable`` counts its overtime and per diems too: at its printed net, it is no such month."""
    counted_variable = {id(d) for d in with_variable or []}
    notes: list[str] = []
    # Months counted above their printed net: a salary advance the slip deducts was paid in the month, and is added
    # back (``regular_net_pay``; blind probe r54b); a net printed below zero counts as 0. Not one-off pay left out.
    advances: list[str] = []
    negatives: list[str] = []
    # A contract's last month is no month of a subsidy or a bonus: its one-off pay is named for what it is.
    endings: list[str] = []
    for document in sorted(used, key=lambda d: str(d["fields"].get("period"))):
        fields = document["fields"]
        counted = payslip_net(document, with_variable=id(document) in counted_variable)
        printed = money(fields.get("net_pay"))
        regular = money(fields.get("regular_net_pay"))
        if regular is None or counted == printed or counted is None or printed is None:
            continue
        note = f"{format_month(fields.get('period'))} contado {format_eur(counted)} em vez dos {format_eur(printed)} impressos"
        if regular > printed:
            advances.append(note)
        elif printed < 0:
            negatives.append(note)
        elif TERMINATION_PAY in (document.get("warnings") or []):
            endings.append(note)
        else:
            # The amount left out, beside the two figures: "contados" of the per diems every month said before it
            # does not leave the reader to guess what the month was counted without (blind probe r81b F3: a
            # "Subsídio de deslocação (não sujeito)" left out beside per diems counted).
            notes.append(f"{note} ({format_eur(printed - counted)} deixados de fora)")
    advance_note = ADVANCE_MONTHS + ", ".join(advances) if advances else ""
    negative_note = NEGATIVE_MONTHS + ", ".join(negatives) if negatives else ""
    return (
        one_off_months_note(notes, used, counted_variable)
        + (TERMINATION_MONTHS + ", ".join(endings) if endings else "")
        + advance_note
        + negative_note
        + leave_months_note(used)
    )


def leave_months_note(used: list[Document]) -> str:
    """The months counted that withheld pay for a leave or an absence (``leave_withheld``): counted at what they paid,
    and the report says so rather than leaving a low month to read as the person's lasting pay (blind probe r62b: a
    parental leave's November). A sick or a parental leave's days the Segurança Social pays apart, a benefit not
    added (``leave_paid_apart``), which is said of those months only: nobody pays unpaid leave or an unjustified
    absence (blind probe r68b)."""
    leave_months = {str(d["fields"].get("period")): d for d in used if LEAVE_WITHHELD in (d.get("warnings") or [])}
    leave_months.pop("None", None)
    paid_apart = sorted(m for m, d in leave_months.items() if LEAVE_PAID_APART_WARNING in (d.get("warnings") or []))
    unpaid = sorted(m for m in leave_months if m not in paid_apart)
    return "".join(
        note + ", ".join(month_counted(m, leave_months[m]) for m in months)
        for note, months in ((LEAVE_PAID_APART_MONTHS, paid_apart), (LEAVE_MONTHS, unpaid))
        if months
    ) + nothing_paid_months_note(used, leave_months)


def month_counted(month: str, document: Document) -> str:
    """A month the method names, with the 0,00 € it counted where it paid nothing: "contado pelo que pagou" alone
    left whoever averages the nets to find that the month counted nothing (blind probe r76c, a sick leave's month
    paid 0,00 €)."""
    return f"{format_month(month)} ({NOTHING_PAID_WORDS})" if payslip_net(document) == 0 else format_month(month)


def nothing_paid_months_note(used: list[Document], leave_months: dict[str, Document]) -> str:
    """The months counted at 0,00 € that printed a net of nothing and named no leave: said as counted so. A net
    printed below zero has its own note (``NEGATIVE_MONTHS``), a leave's month its own (``leave_months_note``)."""
    months = sorted(
        str(period)
        for d in used
        if (period := d["fields"].get("period"))
        and money(d["fields"].get("net_pay")) == 0
        and str(period) not in leave_months
    )
    return NOTHING_PAID_MONTHS + ", ".join(format_month(m) for m in months) if months else ""


ADVANCE_MONTHS = "; mês com adiantamento de vencimento descontado (contado com o adiantamento, pago no próprio mês): "
NEGATIVE_MONTHS = "; mês com líquido negativo (contado como 0): "
NOTHING_PAID_WORDS = "nada pago: contado como 0,00 €"
NOTHING_PAID_MONTHS = "; mês em que nada foi pago (contado como 0,00 €): "
LEAVE_MONTHS = "; mês com licença ou ausência descontada (contado pelo que pagou): "
LEAVE_PAID_APART_MONTHS = (
    "; mês com licença ou ausência descontada (contado pelo que pagou; numa baixa, numa licença parental ou de "
    "assistência a filho, a Segurança Social paga esses dias à parte, um subsídio temporário não contado): "
)
# A contract's last month counted (``termination_pay``): what it paid once, left out (ADR 030, amended 2026-12-07).
TERMINATION_MONTHS = (
    "; último mês de um contrato que terminou (compensação pela cessação, férias não gozadas e proporcionais de "
    "férias e de Natal pagos uma vez; estimativa: o líquido sem eles): "
)


def one_off_months_note(notes: list[str], used: list[Document], counted_variable: set[int]) -> str:
    if not notes:
        return ""
    # Since blind probe r50a the regular net also leaves out a bonus, back pay, overtime and costs paid back: the note
    # names them all, not a subsidy alone. When every month's overtime and per diems count, what is left out is the
    # rest: a subsidy, a bonus, back pay, mileage, travel or refunds.
    left_out = (
        "subsídio de férias ou de Natal, prémio, retroativos, quilómetros, deslocações ou despesas pagas de volta"
        if counted_variable and all(id(d) in counted_variable for d in used)
        else "subsídio de férias ou de Natal, prémio, retroativos, trabalho suplementar, ajudas de custo ou despesas"
    )
    return f"; mês com pagamentos pontuais ({left_out}; estimativa: o líquido sem eles): " + ", ".join(notes)


def months_ago(period: str, today: dt.date) -> int:
    year, month = (int(part) for part in period.split("-"))
    return (today.year * 12 + today.month) - (year * 12 + month)


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# --- Faturas-recibo (independent workers) ------------------------------------------------------


def invoice_label(document: Document) -> str:
    issued = document["fields"].get("issue_date")
    return f"Fatura-recibo {format_date(issued) if parse_date(issued) else issued or '(data não lida)'}"


def invoice_named(document: Document) -> str:
    """ "Fatura-recibo FR A/42 de 31/07/2026": the invoice by its number, where read, and its date."""
    number = document["fields"].get("invoice_number")
    label = invoice_label(document)
    return label.replace("Fatura-recibo ", f"Fatura-recibo {number} de ", 1) if number else label


# The invoice a failed check names by ``invoice_named``: its number, where read, and its date.
NAMED_INVOICE = re.compile(r"^Fatura-recibo (?:(?P<number>.+?) de )?(?P<date>\d{2}/\d{2}/\d{4}|.+?): ")


def misread_invoice(check: Check) -> tuple[str | None, str] | None:
    """The number (None where unread) and date of the invoice a failed ``income.invoice_arithmetic`` names where it
    was read off a photo or a scan (``INVOICE_MISREAD``); None otherwise."""
    evidence = str(check.get("evidence") or "")
    if check["name"] != "income.invoice_arithmetic" or check["passed"] or INVOICE_MISREAD not in evidence:
        return None
    named = NAMED_INVOICE.match(evidence)
    return (named.group("number"), named.group("date")) if named else (None, "(data não lida)")


def invoice_checks(document: Document, applicant: dict[str, Any], *, today: dt.date) -> list[Check]:
    """Issued by the applicant, not cancelled, amounts that add up, within the last ``INVOICE_WINDOW_MONTHS``;
    stops at the first failure."""
    checks = [owner_check("income.invoice_owner", invoice_label(document), document, applicant, "issuer")]
    if checks[-1]["passed"]:
        checks.append(invoice_in_force(document))
    if checks[-1]["passed"] and NOT_A_RECEIPT in document.get("warnings", []):
        checks.append(invoice_paid(document))
    if checks[-1]["passed"]:
        checks.append(invoice_recurring(document))
    if checks[-1]["passed"]:
        checks.append(invoice_arithmetic(document))
    if checks[-1]["passed"] and invoice_dated_ahead(document, today=today):
        checks.append(invoice_not_future(document, today=today))
    elif checks[-1]["passed"]:
        checks.append(invoice_recent(document, today=today))
    if "multiple_invoices" in document.get("warnings", []) and not document.get("parts"):
        # A PDF of several months' faturas-recibo whose others could not be read apart (ADR 031): its latest was
        # read, and each other month counts only as an upload of its own; whoever reads the report learns why.
        checks[-1]["evidence"] = (
            checks[-1]["evidence"].rstrip(".")
            + "; o ficheiro tem mais de uma fatura-recibo e só a mais recente foi lida: envie cada uma à parte."
        )
    return checks


def invoice_in_force(document: Document) -> Check:
    """Not cancelled (no ``document_cancelled``): a fatura-recibo annulled on the Portal ("ANULADO", "Documento
    anulado em ...") was never income, whatever amounts it still shows."""
    cancelled = "document_cancelled" in document.get("warnings", [])
    return check(
        "income.invoice_in_force",
        not cancelled,
        f"{invoice_label(document)}: {'anulada (não conta como rendimento)' if cancelled else 'não anulada'}.",
        document_id=document["document_id"],
    )


def invoice_paid(document: Document) -> Check:
    """A fatura with no receipt (``invoice_not_receipt``): billed, its payment not shown, so not counted. Said only
    of such a fatura: a fatura-recibo is its own receipt."""
    return check(
        "income.invoice_paid",
        False,
        f"{invoice_label(document).replace('Fatura-recibo', 'Fatura')}: fatura sem recibo, o pagamento não está "
        "comprovado (não conta como rendimento; envie a fatura-recibo ou o recibo).",
        document_id=document["document_id"],
    )


def invoice_recurring(document: Document) -> Check:
    """Not an "ato isolado" (``one_off_act``): a one-off act's income happened once and is no month of an activity,
    so it is shown and not averaged into the monthly income."""
    one_off = ONE_OFF_ACT in document.get("warnings", [])
    return check(
        "income.invoice_recurring",
        not one_off,
        f"{invoice_label(document)}: "
        + ("ato isolado, um rendimento pontual (não conta como mês de atividade)." if one_off else "de atividade."),
        document_id=document["document_id"],
    )


# What a fatura-recibo read off a photo or a scan whose sum fails asks for: the invoice adds up on the Portal, its
# reading failed (blind probe r75a, D2: "uma fatura-recibo tem valores que não batem certo" of a figure misread).
INVOICE_READ_BY_OCR = "lida de uma fotografia ou digitalização"
INVOICE_SEND_AGAIN = "peça uma fotografia mais nítida ou o PDF do Portal das Finanças"
INVOICE_MISREAD = f"{INVOICE_READ_BY_OCR}: {INVOICE_SEND_AGAIN}"


def invoice_arithmetic(document: Document) -> Check:
    """Base and amount received read, and base + VAT - IRS withheld = amount received (no ``arithmetic_mismatch``).
    Failed on an invoice read by OCR, the evidence names it by number and date and asks for a sharper photo or the
    Portal's PDF (``INVOICE_MISREAD``): a figure misread is as likely as an invoice that does not add up."""
    fields = document["fields"]
    consistent = (
        "arithmetic_mismatch" not in document.get("warnings", [])
        and money(fields.get("base_amount")) is not None
        and money(fields.get("amount_received")) is not None
    )
    unread = [
        words
        for name, words in (("base_amount", "a base"), ("amount_received", "a importância recebida"))
        if money(fields.get(name)) is None
    ]
    if not consistent and document.get("method") == "ocr":
        evidence = (
            f"{invoice_named(document)}: base + IVA - retenção diferente da importância recebida, {INVOICE_MISREAD}."
        )
    elif unread and "arithmetic_mismatch" not in document.get("warnings", []):
        # No sum to fail: the reading's failure, said as one (its value None, ``INVOICE_AMOUNT_UNREAD``).
        evidence = f"{invoice_label(document)}: não se {'leram' if len(unread) > 1 else 'leu'} {' nem '.join(unread)}."
        return check(
            "income.invoice_arithmetic",
            False,
            evidence,
            document_id=document["document_id"],
            field="amount_received",
            value=None,
        )
    else:
        said, gives = ("igual à", invoice_gives(document)) if consistent else ("diferente da", "")
        evidence = f"{invoice_label(document)}: base + IVA - retenção {said} importância recebida{gives}."
    return check(
        "income.invoice_arithmetic",
        consistent,
        evidence,
        document_id=document["document_id"],
        field="amount_received",
        value=money(fields.get("amount_received")),
    )


def invoice_gives(document: Document) -> str:
    """What one invoice gives the average, with the figures it is worked from ("; dá 924,00 € de rendimento: base
    1 200,00 € - retenção de IRS 276,00 €"), so a person can redo the method's sum by hand from each invoice's check:
    the check's value is the amount received, base + VAT - IRS, which is not what counts (blind probe r76b, N1)."""
    income = invoice_income(document)
    if income is None:
        return ""
    base, withheld = money(document["fields"].get("base_amount")), money(document["fields"].get("irs_withholding"))
    return (
        f"; dá {format_eur(income)} de rendimento: base {format_eur(base)} - retenção de IRS "
        f"{format_eur(withheld or Decimal(0))}"
    )


def invoice_dated_ahead(document: Document, *, today: dt.date) -> bool:
    """Dated later than ``INVOICE_DATED_AHEAD`` after the screening's day: a date still to come, no receipt yet."""
    issued = parse_date(document["fields"].get("issue_date"))
    return issued is not None and issued > today + INVOICE_DATED_AHEAD


def invoice_not_future(document: Document, *, today: dt.date) -> Check:
    """A failed check for a fatura-recibo dated in the future (``invoice_dated_ahead``): it receipts a payment that,
    by its date, has not been made, so it is not counted; said as such, not as a date unread or too old (blind probe
    r70b, F04). Only written when it fails, in place of ``income.invoice_recent``."""
    issued = parse_date(document["fields"].get("issue_date"))
    return check(
        "income.invoice_not_future",
        False,
        f"{invoice_label(document)}: {DATED_AHEAD} ({format_date(today)}), uma data ainda por "
        "vir; não conta como rendimento.",
        document_id=document["document_id"],
        field="issue_date",
        value=issued,
        expected=f"<= {(today + INVOICE_DATED_AHEAD).isoformat()}",
    )


def invoice_recent(document: Document, *, today: dt.date) -> Check:
    issued = parse_date(document["fields"].get("issue_date"))
    # A date within the tolerance after the screening's day is taken as of that day (its month may be the next).
    recent = issued is not None and 0 <= months_ago(month_of(min(issued, today)), today) <= INVOICE_WINDOW_MONTHS
    return check(
        "income.invoice_recent",
        recent,
        f"{invoice_label(document)}: {'dentro' if recent else 'fora'} dos últimos {INVOICE_WINDOW_MONTHS} meses.",
        document_id=document["document_id"],
        field="issue_date",
        value=issued,
    )


def invoice_income(document: Document) -> Decimal | None:
    """What the worker keeps of one invoice: the base less the IRS withheld (the VAT is the State's)."""
    fields = document["fields"]
    base = money(fields.get("base_amount"))
    if base is None:
        return None
    return base - (money(fields.get("irs_withholding")) or Decimal(0))


def invoice_identity(document: Document) -> str:
    """What makes two uploads one invoice: the same number, date and amount (numbers alone are short and may repeat
    across series); without a number, the reading itself."""
    number = document["fields"].get("invoice_number")
    issued = parse_date(document["fields"].get("issue_date"))
    if number:
        return f"{number}|{issued}|{document['fields'].get('amount_received')}"
    return "|".join(str(part) for part in reading_key(document))


def countable_invoices(invoices: list[tuple[Document, list[Check]]]) -> list[tuple[Document, str, Decimal]]:
    """(invoice, month, income) of each invoice that passed every check, with an income and a date of issue, in
    upload order."""
    countable = []
    for document, checks in invoices:
        income = invoice_income(document)
        issued = parse_date(document["fields"].get("issue_date"))
        if passed_all(checks, "income.invoice_recent") and income is not None and issued is not None:
            countable.append((document, month_of(issued), income))
    return countable


def counted_invoices(invoices: list[tuple[Document, list[Check]]]) -> list[tuple[str, Decimal]]:
    """(month, income) of each invoice that passed every check; an invoice sent twice counts once."""
    counted: dict[str, tuple[str, Decimal]] = {}
    for document, month, income in countable_invoices(invoices):
        counted.setdefault(invoice_identity(document), (month, income))
    return list(counted.values())


def invoices_repeated(invoices: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One check per fatura-recibo that repeats one already counted (the same number, date and amount: the same
    invoice sent twice, as another file): counted once, which the report says, as it does of a repeated payslip
    (blind probe r55a: a second round's copy changed nothing and nothing said why). Not a failure."""
    seen: set[str] = set()
    repeated = []
    for document, _, _ in countable_invoices(invoices):
        identity = invoice_identity(document)
        if identity in seen:
            repeated.append(
                check(
                    "income.invoice_repeated",
                    True,
                    f"{invoice_label(document)}: fatura-recibo repetida, a mesma de uma já contada (o mesmo número, "
                    "data e valor: o mesmo documento enviado duas vezes); contada uma vez.",
                    document_id=document["document_id"],
                    field="invoice_number",
                    value=document["fields"].get("invoice_number"),
                )
            )
        seen.add(identity)
    return repeated


def independent_months(invoices: list[tuple[Document, list[Check]]]) -> dict[str, Decimal]:
    """Income by month (``YYYY-MM``): the invoices of one month add up."""
    monthly: dict[str, Decimal] = {}
    for month, income in counted_invoices(invoices):
        monthly[month] = monthly.get(month, Decimal(0)) + income
    return monthly


def invoices_not_latest(invoices: list[tuple[Document, list[Check]]], *, today: dt.date) -> list[Check]:
    """A failed check when the newest fatura-recibo counted is from more than ``LATEST_INVOICE_MONTHS`` before the
    screening's month, as ``payslips_not_latest`` states of payslips: the months since hold no invoice, count as
    months without income in the average, and the activity may have stopped (blind probe r70b, F05: five months
    without one, nothing said). Makes the report at least MEDIUM; the person's latest fatura-recibo lifts it."""
    counted = countable_invoices(invoices)
    if not counted:
        return []
    newest = max(parse_date(document["fields"].get("issue_date")) or dt.date.min for document, _, _ in counted)
    newest_month = month_of(newest)
    since = months_ago(newest_month, today)
    if since <= LATEST_INVOICE_MONTHS:
        return []
    year, month = divmod(today.year * 12 + today.month - 1 - LATEST_INVOICE_MONTHS, 12)
    first_unseen = month_of(dt.date(newest.year, newest.month, 28) + dt.timedelta(days=4))
    last_unseen = month_of(today.replace(day=1) - dt.timedelta(days=1))
    return [
        check(
            "income.invoice_latest",
            False,
            f"A fatura-recibo mais recente é de {format_date(newest)}: nenhuma nos {since - 1} meses seguintes "
            f"({format_month(first_unseen)} a {format_month(last_unseen)}), que contam na média como meses sem "
            "rendimento, e a atividade pode ter parado. Peça a última fatura-recibo.",
            field="issue_date",
            value=newest_month,
            expected=f">= {year:04d}-{month + 1:02d}",
        )
    ]


def month_span(first: str, last: str) -> int:
    first_year, first_month = (int(part) for part in first.split("-"))
    last_year, last_month = (int(part) for part in last.split("-"))
    return (last_year * 12 + last_month) - (first_year * 12 + first_month) + 1


def independent_source(invoices: list[tuple[Document, list[Check]]], *, today: dt.date) -> Source:
    """The invoices' income over every month from the first invoice to the last one or last month, whichever is later.

    A month without an invoice counts as a month without income: an irregular
    earner is averaged over the time the invoices cover, not only the good months.
    """
    monthly = independent_months(invoices)
    months = sorted(monthly)
    verified = len(months) >= REQUIRED_INVOICE_MONTHS
    missing = (
        None
        if verified
        else f"faturas-recibo de mais {distinct_months(REQUIRED_INVOICE_MONTHS - len(months))} "
        f"(necessários {REQUIRED_INVOICE_MONTHS} dos últimos {INVOICE_WINDOW_MONTHS})"
    )
    if not months:
        return Source("invoices", False, None, "nenhuma fatura-recibo válida", [], missing)
    last_month = month_of(today.replace(day=1) - dt.timedelta(days=1))
    span = month_span(months[0], max(months[-1], last_month))
    total = sum(monthly.values(), Decimal(0))
    count = len(counted_invoices(invoices))
    method = (
        f"média de {invoices_counted(count)}, valor base - retenção de IRS: {format_eur(total)} "
        f"em {span} meses ({format_month(months[0])} a {format_month(max(months[-1], last_month))})"
    )
    return Source("invoices", verified, quantize(total / span), method, months, missing)


def invoices_counted(count: int) -> str:
    """'1 fatura-recibo', '8 faturas-recibo': the report's words in pt-PT whatever the language of the request that
    screened, agreeing with the number (blind probe r74c: "média de 1 faturas-recibo")."""
    with translation.override("pt-pt"):
        return ngettext("%(count)d fatura-recibo", "%(count)d faturas-recibo", count) % {"count": count}


def invoice_months(monthly: dict[str, Decimal]) -> Check:
    return check(
        "income.invoice_months",
        len(monthly) >= REQUIRED_INVOICE_MONTHS,
        f"{distinct_months(len(monthly))} de faturas-recibo válidas "
        f"(necessários {REQUIRED_INVOICE_MONTHS} dos últimos {INVOICE_WINDOW_MONTHS}).",
        value=len(monthly),
        expected=REQUIRED_INVOICE_MONTHS,
    )


def activity_check(document: Document, applicant: dict[str, Any]) -> Check:
    """The declaração de início de atividade is the applicant's and says when the activity started (informative)."""
    fields = document["fields"]
    owner, how = attributable(applicant, fields.get("taxpayer_nif"), fields.get("taxpayer_name"))
    started = fields.get("start_date")
    passed = owner and started is not None
    evidence = (
        f"Declaração de início de atividade: atividade aberta desde {format_date(started) if parse_date(started) else started}."
        if passed
        else "Declaração de início de atividade: não pertence ao candidato ou sem data de início."
    )
    return check(
        "income.activity_start",
        passed,
        evidence,
        document_id=document["document_id"],
        field="taxpayer_nif" if how == "nif" else "taxpayer_name",
        value=started,
    )


# --- Pensions --------------------------------------------------------------------------------


# A pension's kind by the type its statement prints. One's own retirement (velhice, aposentação, reforma) is the
# pension a pensioner has; a survivor's or an invalidity pension beside it is a second income from the same payer
# (blind probe c25: the CGA's retirement and survivor's pensions, one counted and both called "a declaração de
# pensão").
PENSION_KIND_OF_TYPE = {
    "velhice": "velhice",
    "aposentacao": "velhice",
    "reforma": "velhice",
    "sobrevivencia": "sobrevivencia",
    "invalidez": "invalidez",
    # A complementary fund's pension beside the state's (Agirc-Arrco, a Betriebsrente, a 2nd pillar): another pension.
    "complementar": "complementar",
}
# How the report names a pension's kind, where it names it: only a kind that says nothing of the pensioner's health.
# An invalidity pension (or any kind not named here) is a "pensão" in the checks, the method and the descriptions:
# health data is of RGPD art. 9.º's special categories, and the kind changes nothing in the figure (blind probe
# r68a: "pensão de invalidez x 14 / 12" of the Segurança Social's, while the CGA's and the Prestação Social para a
# Inclusão read "pensão"). The extracted fields keep the type printed, for staff who may see the document.
PENSION_KIND_WORDS = {"sobrevivencia": " de sobrevivência", "complementar": " complementar"}
# Each type in its printed word, to name the pensions of a statement of several ("pensões de aposentação e
# sobrevivência"); the same kinds only.
PENSION_TYPE_WORDS = {
    "velhice": "velhice",
    "aposentacao": "aposentação",
    "reforma": "reforma",
    "sobrevivencia": "sobrevivência",
}


def pension_kinds(fields: dict[str, Any]) -> dict[str, str]:
    """Each kind of pension (``velhice``, ``sobrevivencia``, ``invalidez``) a statement's amount is, in printed order,
    with the type it prints for it: each of ``pension_types`` (a statement of several pensions, its amount their
    total: blind probe r54a), else its ``pension_type``'s; none when it prints no type."""
    for printed_types in (fields.get("pension_types") or [], [fields.get("pension_type")]):
        kinds: dict[str, str] = {}
        for printed in printed_types:
            kind = PENSION_KIND_OF_TYPE.get(str(printed or ""))
            if kind is not None:
                kinds.setdefault(kind, str(printed))
        if kinds:
            return kinds
    return {}


def pension_words(fields: dict[str, Any]) -> str:
    """What a statement is of, as the report names it: "pensão" (one's own retirement, an invalidity pension),
    "pensão de sobrevivência"; a statement of several pensions names each as it prints it ("pensões de velhice e
    sobrevivência"), not as its first one's (blind probe r54a), or is "pensões" when one of them is of a kind the
    report does not name (``PENSION_KIND_WORDS``)."""
    kinds = pension_kinds(fields)
    if len(kinds) < 2:
        return "pensão" + PENSION_KIND_WORDS.get(next(iter(kinds), ""), "")
    if not all(printed in PENSION_TYPE_WORDS for printed in kinds.values()):
        return "pensões"
    words = [PENSION_TYPE_WORDS[printed] for printed in kinds.values()]
    return f"pensões de {', '.join(words[:-1])} e {words[-1]}"


def several_pensions(fields: dict[str, Any]) -> bool:
    return len(pension_kinds(fields)) > 1


ISSUER_WORDS = {"CGA": "CGA", "SEGURANCA_SOCIAL": "Segurança Social"}


def pension_label(document: Document) -> str:
    fields = document["fields"]
    issuer = ISSUER_WORDS.get(fields.get("issuer") or "")
    return f"Declaração de {pension_words(fields)}{f' ({issuer})' if issuer else ''}"


def pension_checks(document: Document, applicant: dict[str, Any], *, today: dt.date) -> list[Check]:
    """The applicant's, paid in euros, amounts that add up, issued within ``PENSION_STATEMENT_MAX_AGE_DAYS``; stops
    at the first failure."""
    checks = [owner_check("income.pension_owner", pension_label(document), document, applicant, "pensioner")]
    if checks[-1]["passed"]:
        checks.append(pension_in_euros(document))
    if checks[-1]["passed"]:
        checks.append(pension_arithmetic(document))
    if checks[-1]["passed"]:
        checks.append(pension_recent(document, today=today))
    return checks


def pension_in_euros(document: Document) -> Check:
    """Paid in euros: a foreign pension paid in francs, pounds or reais is not so many euros."""
    return in_euros_check("income.pension_in_euros", pension_label(document), document, feminine=True)


def pension_arithmetic(document: Document) -> Check:
    """A monthly amount was read and nothing contradicts it (no ``arithmetic_mismatch``); the evidence names only
    the sums the statement printed the amounts for (blind probe r70a F24: "valores coerentes (ilíquido - descontos
    = líquido; mensal x prestações = anual)" of a statement printing one amount)."""
    fields = document["fields"]
    monthly = pension_monthly_amount(fields)
    consistent = "arithmetic_mismatch" not in document.get("warnings", []) and monthly is not None
    return check(
        "income.pension_arithmetic",
        consistent,
        f"{pension_label(document)}: {pension_arithmetic_words(fields, consistent=consistent, read=monthly is not None)}.",
        document_id=document["document_id"],
        field="net_monthly_amount",
        value=monthly,
    )


def pension_arithmetic_words(fields: dict[str, Any], *, consistent: bool, read: bool) -> str:
    """'valores coerentes (ilíquido - descontos = líquido)', or what the statement printed when there was nothing to
    add up: 'só indica o valor mensal ilíquido; não há descontos nem total anual para conferir'."""
    if not read:
        return "nenhum valor da pensão lido"
    sums = pension_sums_printed(fields)
    if sums:
        return f"valores {'coerentes' if consistent else 'incoerentes'} ({'; '.join(sums)})"
    if not consistent:
        return "valores incoerentes"
    absent = [
        words
        for name, words in (("deductions", "descontos"), ("annual_amount", "total anual"))
        if money(fields.get(name)) is None
    ]
    missing = f"não há {' nem '.join(absent)} para conferir" if absent else "sem valores que se confiram entre si"
    if money(fields.get("deductions")) is not None and money(fields.get("gross_monthly_amount")) is None:
        # Deductions read beside the net and no gross: not "only the net" (blind probe r75a, D3, a scan's gross
        # unread): what is missing to check them against is the gross.
        missing = "o valor ilíquido não foi lido, e os descontos não se conferem"
        return f"indica {pension_amount_printed(fields)} e os descontos; {missing}"
    return f"só indica {pension_amount_printed(fields)}; {missing}"


def pension_sums_printed(fields: dict[str, Any]) -> list[str]:
    """The sums a statement's printed amounts let one check: gross less deductions, a month times the payments."""
    printed = {name for name in PENSION_AMOUNT_NAMES if fields.get(name) is not None}
    sums = []
    if {"gross_monthly_amount", "deductions", "net_monthly_amount"} <= printed:
        sums.append("ilíquido - descontos = líquido")
    if {"payments_per_year", "annual_amount"} <= printed and printed & {"gross_monthly_amount", "net_monthly_amount"}:
        sums.append("mensal x prestações = anual")
    return sums


PENSION_AMOUNT_NAMES = (
    "gross_monthly_amount",
    "deductions",
    "net_monthly_amount",
    "payments_per_year",
    "annual_amount",
)


def pension_amount_printed(fields: dict[str, Any]) -> str:
    if money(fields.get("net_monthly_amount")) is not None:
        return "o valor mensal líquido"
    if money(fields.get("gross_monthly_amount")) is not None:
        return "o valor mensal ilíquido"
    return "o valor anual"


def pension_recent(document: Document, *, today: dt.date) -> Check:
    """Issued within a year of the screening; the evidence says which of the three it is when not (blind probe
    r70b, P02: "sem data lida ou há mais de um ano" of a statement whose date was read)."""
    issued = parse_date(document["fields"].get("issue_date"))
    recent = issued is not None and 0 <= (today - issued).days <= PENSION_STATEMENT_MAX_AGE_DAYS
    if issued is None:
        when = "sem data de emissão lida"
    elif recent:
        when = "emitida há menos de um ano"
    elif issued > today:
        when = f"emitida {DATED_AHEAD} ({format_date(issued)})"
    else:
        when = f"emitida há mais de um ano ({format_date(issued)})"
    return check(
        "income.pension_recent",
        recent,
        f"{pension_label(document)}: {when}.",
        document_id=document["document_id"],
        field="issue_date",
        value=issued,
    )


def pension_monthly_amount(fields: dict[str, Any]) -> Decimal | None:
    """The net monthly pension: as printed, else gross less deductions, else gross; a year's declaration
    printing no month (the one a pensioner is sent for the IRS return): its annual amount / 12."""
    net, gross, deductions, annual = (
        money(fields.get(name))
        for name in ("net_monthly_amount", "gross_monthly_amount", "deductions", "annual_amount")
    )
    if net is not None:
        return net
    if gross is not None:
        return gross - (deductions or Decimal(0))
    if annual is not None:
        return annual / 12
    return None


def pension_from_year_only(fields: dict[str, Any]) -> bool:
    return all(money(fields.get(name)) is None for name in ("net_monthly_amount", "gross_monthly_amount")) and (
        money(fields.get("annual_amount")) is not None
    )


def pension_source(pensions: list[tuple[Document, list[Check]]]) -> Source:
    """Each pension once (``pensions_counted``): monthly amount x payments a year / 12, summed. Payments a year not
    read count as 12: the lower figure, and the method says so."""
    usable = [
        document["fields"]
        for document, checks in pensions
        if passed_all(checks, "income.pension_recent") and pension_monthly_amount(document["fields"]) is not None
    ]
    counted = [usable[at] for at in pensions_counted(usable)]
    if not counted:
        return Source("pension", False, None, "nenhuma declaração de pensão válida", [], MISSING_TEXT["pension"])
    # Two payers' pensions each say whose they are (e2e probe c30: "pensão x 14 / 12 (720,40 €) + pensão x 12 / 12
    # (609,15 €)" left the auditor matching the figures to the letters); one payer's need no name.
    payers = len({fields.get("issuer") or "" for fields in counted}) > 1
    parts = [pension_part(fields, pension_monthly_amount(fields) or Decimal(0), payer=payers) for fields in counted]
    total = sum((monthly * count for monthly, count, _, _ in parts), Decimal(0)) / 12
    method = " + ".join(part for _, _, part, _ in parts)
    net_stated = all(net for _, _, _, net in parts)
    return Source("pension", True, quantize(total), method, net_stated=net_stated)


# The kind of a statement printing no type, among an issuer's kinds counted: one such statement stands for all.
UNTYPED = ""


def pensions_counted(statements: list[dict[str, Any]]) -> list[int]:
    """Which of the usable statements are counted, by their place among them, in that order.

    A pension is an issuer's pension of one kind (``pension_kinds``), counted once: two statements of one kind from
    one issuer are the same pension sent twice (the month's statement and the year's declaration), two of different
    kinds are two pensions (a survivor's beside one's own retirement). A statement of several pensions, its amount
    their total (``pension_types``), is each of them: another of the issuer's statements of any of them is not added
    (blind probe r54a: the survivor's pension counted twice, once in the total), whatever order they came in, since
    the statements covering more pensions are weighed first. A statement sharing some pensions with one counted
    before it is not added either: counting it would count those twice, and the lower figure stands. A statement
    printing no type is its issuer's pension only when no statement of that issuer prints one: it may be any
    (docs/adr/013-income-profiles.md)."""
    typed_issuers = {fields.get("issuer") or "" for fields in statements if pension_kinds(fields)}
    weighed = sorted(range(len(statements)), key=lambda at: -len(pension_kinds(statements[at])))
    kinds_counted: dict[str, set[str]] = {}
    chosen = []
    for at in weighed:
        issuer = statements[at].get("issuer") or ""
        kinds = set(pension_kinds(statements[at])) or {UNTYPED}
        issuers_kinds = kinds_counted.setdefault(issuer, set())
        if (kinds == {UNTYPED} and issuer in typed_issuers) or kinds & issuers_kinds:
            continue
        issuers_kinds |= kinds
        chosen.append(at)
    return sorted(chosen)


# The method's words for what a pension counted: a net amount, an amount printed without saying net, a year's gross.
# The applicant's explanation says which from them (blind probe r70a, F11: "conta o valor líquido" of an amount the
# statement did not give as net).
PENSION_NET = "€ líquidos"
PENSION_NOT_NET = "não indicado como líquido"
PENSION_YEAR_GROSS = "ilíquidos no ano"


def pension_part(fields: dict[str, Any], monthly: Decimal, *, payer: bool = False) -> tuple[Decimal, int, str, bool]:
    """One issuer's pension as (monthly amount, payments a year, how it was counted, whether the amount is net);
    ``payer``: the method names the issuer ("pensão da CGA", "pensão de outra entidade").

    Net when the statement prints a net amount, or a gross and its deductions; a single monthly amount printed
    without saying net or gross ("Valor mensal da pensão") is counted as printed and said to be so, as a
    year's gross is (cases probe 14: it read "líquidos")."""
    words, several = pension_words(fields), several_pensions(fields)
    if payer:
        issuer = ISSUER_WORDS.get(fields.get("issuer") or "")
        words += f" da {issuer}" if issuer else " de outra entidade"
    if pension_from_year_only(fields):
        # A year's declaration prints the year's gross only: the tax withheld from it is not read, so this is
        # the gross, and the method says so.
        annual = format_eur(money(fields["annual_amount"]))
        return monthly, 12, f"{words} {'anuais' if several else 'anual'} / 12 ({annual} {PENSION_YEAR_GROSS})", False
    count = fields.get("payments_per_year")
    read = "" if count is not None else ", n.º de prestações não lido"
    net = money(fields.get("net_monthly_amount")) is not None or money(fields.get("deductions")) is not None
    amount = (
        f"{format_eur(monthly)} líquidos"
        if net
        else f"valor {'das pensões' if several else 'da pensão'} de {format_eur(monthly)}, {PENSION_NOT_NET}"
    )
    return monthly, int(count or 12), f"{words} x {count or 12} / 12 ({amount}{read})", net


# --- Tax documents -------------------------------------------------------------------------


def tax_document(document: Document, applicant: dict[str, Any], *, today: dt.date) -> Check:
    """Usable IRS document: the applicant's (either taxpayer of a joint return), of an accepted year, with the gross
    income read."""
    fields = document["fields"]
    holder, how = tax_holder(applicant, fields)
    year = fields.get("year")
    problems = tax_problems(document, applicant, today=today)
    usable = not problems
    return check(
        "income.tax_document",
        usable,
        # With no year read, the problems say so ("ano dos rendimentos não lido"): not twice (r78c, F4).
        (f"Documento de IRS de {year}: " if year else "Documento de IRS: ")
        + ("identifica o candidato e é do último ano." if usable else "não utilizável (" + "; ".join(problems) + ")."),
        document_id=document["document_id"],
        field=("spouse" if holder == "B" else "taxpayer") + ("_nif" if how == "nif" else "_name"),
        value=year,
        expected=sorted(tax_years_accepted(today)),
    )


def tax_problems(document: Document, applicant: dict[str, Any], *, today: dt.date) -> list[str]:
    """Why an IRS document is not usable, in the check's words; [] when it is."""
    fields = document["fields"]
    if PROOF_OF_FILING_ONLY in document.get("warnings", []):
        # The AT's proof that a return was filed prints no income: it cannot stand for the return.
        return [f"{TAX_FILING_ONLY}, sem rendimentos: envie a declaração ou a nota de liquidação"]
    return [
        *([] if tax_holder(applicant, fields)[0] is not None else [TAX_NOT_THE_APPLICANTS]),
        *(
            []
            if fields.get("year") in tax_years_accepted(today)
            else [TAX_NOT_LAST_YEAR if fields.get("year") else TAX_YEAR_UNREAD]
        ),
        *([] if money(fields.get("gross_income")) is not None else [TAX_INCOME_UNREAD]),
        # Totals that are not their parts, as a payslip's: not counted, whichever amount is the wrong one (blind
        # probe r56b: a nota's rendimento coletável above its gross less the dedução específica still counted).
        *([TAX_TOTALS_WRONG] if "arithmetic_mismatch" in document.get("warnings", []) else []),
    ]


def tax_owned(document: Document, applicant: dict[str, Any]) -> bool:
    """The IRS document is the applicant's, whatever its year: income is then attributable."""
    return tax_holder(applicant, document["fields"])[0] is not None


def tax_holder(applicant: dict[str, Any], fields: dict[str, Any]) -> tuple[str | None, str]:
    """Which taxpayer of an IRS document the applicant is, and how that is known (nif, name, none): "A", the one
    it is filed under, "B", the second taxpayer of a joint return, or None. A separate return's spouse is named
    on it but is no taxpayer of it."""
    owner, how = attributable(applicant, fields.get("taxpayer_nif"), fields.get("taxpayer_name"))
    if owner:
        return "A", how
    if fields.get("joint_return"):
        spouse, spouse_how = attributable(applicant, fields.get("spouse_nif"), fields.get("spouse_name"))
        if spouse:
            return "B", spouse_how
    return None, how


# --- A couple's joint IRS return -------------------------------------------------------------


@dataclass(frozen=True)
class TaxShare:
    """How much of an IRS document's income is the applicant's: all of it on their own return; on a joint return,
    their own part where the document says whose each income is; else, when the spouse stands beside them in the
    same application (a co-tenant of a tenant, a guarantor with a guarantor) and neither sent income documents of
    their own, the couple's income once, in sujeito passivo A (B then counts none of it); else none, and
    ``usable`` is False (docs/adr/029-joint-irs-returns.md)."""

    holder: str
    joint: bool
    share: Decimal
    usable: bool
    own_gross: Decimal | None = None
    counted_in_partner: bool = False
    # The spouse's role in the application, in words, when the couple's income counts once.
    partner_role: str = ""


def tax_documents_checked(
    state: dict[str, Any], *, today: dt.date, own_income_documents: bool
) -> tuple[list[tuple[Document, Check]], list[tuple[Document, TaxShare]]]:
    """The applicant's IRS documents with their checks, and the share of each usable one that is theirs.

    A joint return their spouse sent in the same application is theirs too (``shared_documents``,
    screening.rules.household), unless they sent the same return themselves; it is checked only where it counts:
    one that does not is the sender's to answer for, not a document this person is told of (e2e probe c24: a
    co-tenant who sent only payslips was told his wife's nota was not counted)."""
    applicant = state["applicant"]
    own = extracted(state["documents"], TAX_KINDS)
    taxes = [(d, tax_document(d, applicant, today=today)) for d in own]
    shares = [
        (d, tax_share(d, applicant, own_income_documents=own_income_documents))
        for d, tax_check in taxes
        if tax_check["passed"]
    ]
    for document in extracted(state.get("shared_documents") or [], TAX_KINDS):
        if any(same_return(document, mine) for mine in own):
            continue
        tax_check = tax_document(document, applicant, today=today)
        share = tax_share(document, applicant, own_income_documents=own_income_documents)
        if tax_check["passed"] and share.usable:
            taxes.append((document, tax_check))
            shares.append((document, share))
    return taxes, shares


def same_return(first: Document, second: Document) -> bool:
    """The same couple's IRS document of the same year and kind (each spouse may upload a copy)."""
    names = ("taxpayer_nif", "spouse_nif", "year")
    return first.get("kind") == second.get("kind") and all(
        first["fields"].get(name) == second["fields"].get(name) for name in names
    )


def tax_share(document: Document, applicant: dict[str, Any], *, own_income_documents: bool = False) -> TaxShare:
    """The applicant's share of an IRS document's income (``TaxShare``); ``own_income_documents``: whether they sent
    payslips, faturas-recibo or a pension statement of their own."""
    fields = document["fields"]
    holder = tax_holder(applicant, fields)[0] or "A"
    gross = money(fields.get("gross_income"))
    if not fields.get("joint_return") or gross is None:
        return TaxShare(holder, joint=False, share=Decimal(1), usable=True)
    own = money(fields.get("taxpayer_gross_income" if holder == "A" else "spouse_gross_income"))
    if own is not None and gross > 0:
        return TaxShare(holder, joint=True, share=own / gross, usable=True, own_gross=own)
    partner = fields.get("spouse_nif" if holder == "A" else "taxpayer_nif")
    beside = next((m for m in applicant.get("co_members") or () if partner and m.get("nif") == partner), None)
    # The couple's income once, in A, only when neither proves an income of their own: else A's part is unknown
    # (B's payslips are in it), and B's income is theirs, not a part of A's.
    if beside is not None and not beside.get("own_income_documents") and not own_income_documents:
        whole = holder == "A"
        return TaxShare(
            holder,
            joint=True,
            share=Decimal(whole),
            usable=True,
            counted_in_partner=not whole,
            partner_role=beside.get("role") or "",
        )
    return TaxShare(holder, joint=True, share=Decimal(0), usable=False)


# Why an IRS document was not counted, in the words of the proofs sent and not counted, by its check's first problem.
TAX_NOT_COUNTED_BECAUSE = {
    TAX_NOT_THE_APPLICANTS: "de outra pessoa",
    TAX_NOT_LAST_YEAR: TAX_NOT_LAST_YEAR,
    TAX_YEAR_UNREAD: TAX_YEAR_UNREAD,
    TAX_INCOME_UNREAD: TAX_INCOME_UNREAD,
    TAX_TOTALS_WRONG: "com totais que não batem certo",
}
TAX_PROOF_OF_FILING = "só o comprovativo de entrega"


def taxes_not_counted(tax_checks: list[Check]) -> str:
    """The applicant's IRS documents read whose check failed, by why ("1 documento de IRS (ano dos rendimentos não
    lido)"): every proof sent and not counted is named to staff, an IRS document too (blind probe r78c, F4: a scanned
    nota dropped for its year unread was in no list). The first problem a check states names it."""
    counts: dict[str, int] = {}
    for tax_check in tax_checks:
        if tax_check["passed"]:
            continue
        evidence = str(tax_check.get("evidence") or "")
        reason = next((words for said, words in TAX_NOT_COUNTED_BECAUSE.items() if f"({said}" in evidence), None)
        if reason is None:
            reason = TAX_PROOF_OF_FILING if "comprovativo de entrega" in evidence else "não utilizável"
        counts[reason] = counts.get(reason, 0) + 1
    return "; ".join(
        f"{count} {'documento de IRS' if count == 1 else 'documentos de IRS'} ({reason})"
        for reason, count in counts.items()
    )


def joint_not_counted(joint_checks: list[Check]) -> str:
    """The joint returns sent but not counted, for the profile check's "Enviados mas não contados"."""
    count = sum(not c["passed"] for c in joint_checks)
    if not count:
        return ""
    noun = "declaração de IRS conjunta" if count == 1 else "declarações de IRS conjuntas"
    return f"{count} {noun} (sem a parte de cada cônjuge nos rendimentos do casal)"


# The joint share check's ``field`` when the couple's income counted once in the other taxpayer: the applicant's
# explanation says so, rather than "verified: 0,00 €" (e2e probe c24).
COUNTED_IN_SPOUSE = "counted_in_spouse"


def joint_share_check(document: Document, share: TaxShare, *, own_income_proven: bool = False) -> Check:
    """A joint return counts the applicant's own part only: said how, or why it was not counted, and, when their
    income is not proven otherwise, what to send."""
    fields = document["fields"]
    gross = money(fields.get("gross_income"))
    taxpayer = f"sujeito passivo {share.holder}"
    if share.own_gross is not None:
        evidence = (
            f"Declaração de IRS conjunta: conta a parte do candidato ({taxpayer}), {format_eur(share.own_gross)} "
            f"dos {format_eur(gross)} de rendimentos do casal."
        )
    elif share.usable and share.counted_in_partner:
        evidence = (
            f"Declaração de IRS conjunta ({taxpayer}): os rendimentos do casal, {format_eur(gross)}, contam uma vez, "
            f"no sujeito passivo A, {share.partner_role} desta candidatura."
        )
    elif share.usable:
        evidence = (
            f"Declaração de IRS conjunta ({taxpayer}): os rendimentos do casal, {format_eur(gross)}, contam uma vez, "
            f"aqui: o cônjuge, {share.partner_role} desta candidatura, não enviou rendimentos seus."
        )
    else:
        evidence = (
            f"Declaração de IRS conjunta ({taxpayer}): os {format_eur(gross)} são os rendimentos do casal e o "
            "documento não mostra a parte de cada um; não contada."
        )
        if not own_income_proven:
            evidence += (
                " Envie os comprovativos dos seus rendimentos (recibos, faturas-recibo ou declaração de pensão), ou "
                "a declaração com o Anexo A que indica o titular de cada rendimento."
            )
    own_field = "taxpayer_gross_income" if share.holder == "A" else "spouse_gross_income"
    return check(
        "income.tax_joint_share",
        share.usable,
        evidence,
        document_id=document["document_id"],
        field=COUNTED_IN_SPOUSE if share.counted_in_partner else own_field,
        value=share.own_gross,
        expected=gross,
    )


def tax_document_counted(
    shares: list[tuple[Document, TaxShare]],
) -> tuple[Document, TaxShare] | tuple[None, None]:
    """The IRS document the income is worked out from: the latest year's, and of that year one that prints the
    settled tax (a nota's) over one that prints only what was withheld (the return's).

    The first usable one was taken: a return sent before its own nota gave the income less the withholdings, a
    refund included, and the nota sent first gave it less the settled tax, so the verdict hung on the upload order
    (e2e probe c30: 1 925,00 € MEDIUM against 2 150,00 € LOW for the same two documents).
    """
    usable = [(document, share) for document, share in shares if share.usable]
    if not usable:
        return None, None

    def preference(item: tuple[Document, TaxShare]) -> tuple[int, bool]:
        fields = item[0]["fields"]
        year = fields.get("year")
        return (int(year) if str(year or "").isdigit() else 0, money(fields.get("tax_paid")) is not None)

    # max() keeps the first of equals: upload order still decides between two of the same standing.
    return max(usable, key=preference)


def tax_years_accepted(today: dt.date) -> set[int]:
    # IRS is filed April-June: until July, the year before last is the latest one a person can have.
    return {today.year - 1} | ({today.year - 2} if today.month < 7 else set())


def tax_monthly_income(document: Document, share: TaxShare | None = None) -> Decimal | None:
    """Gross income minus tax, over twelve months (the year's income already holds every payment). The tax is
    the settled tax (a nota's coleta líquida); a return, which prints no settled tax, gives the IRS withheld
    over the year instead (cases probe 5: a pensioner's return counted its gross as net)."""
    fields = document["fields"]
    gross = money(fields.get("gross_income"))
    tax = money(fields.get("tax_paid"))
    if tax is None:
        tax = money(fields.get("withholdings"))
    if gross is None:
        return None
    # A joint return's tax is the couple's: the applicant's part of it is taken in proportion to their income.
    part = share.share if share is not None else Decimal(1)
    return quantize((gross - (tax or Decimal(0))) * part / 12)


def tax_method(document: Document, share: TaxShare | None = None) -> str:
    """How an IRS document's monthly income was worked out, with its figures, as the other methods print theirs
    (e2e probe 19: "(rendimento - imposto) / 12" alone)."""
    fields = document["fields"]
    gross = money(fields.get("gross_income"))
    tax = money(fields.get("tax_paid"))
    tax_name = "imposto liquidado"
    if tax is None:
        tax, tax_name = money(fields.get("withholdings")), "retenções"
    if gross is None:
        return TAX_METHOD
    whole = f"(rendimento {format_eur(gross)} - {tax_name} {format_eur(tax or Decimal(0))}) / 12"
    # The document by its own name (blind probe r57b: a nota called "declaração de IRS").
    noun = "nota de liquidação de IRS" if document.get("kind") == DocumentKind.NOTA_LIQUIDACAO else "declaração de IRS"
    if share is None or not share.joint:
        return f"{noun}: {whole}"
    if share.own_gross is None:
        counted = "contados no sujeito passivo A" if share.counted_in_partner else "contados uma vez"
        return f"{noun} conjunta, rendimentos do casal {counted}: {whole}"
    return (
        f"{noun} conjunta, parte do sujeito passivo {share.holder} "
        f"({format_eur(share.own_gross)} de {format_eur(gross)}, o imposto na mesma proporção): {whole} x "
        f"{format_percent(share.share)}"
    )


# --- All -----------------------------------------------------------------------------------


def attributable(applicant: dict[str, Any], nif: str | None, name: str | None) -> tuple[bool, str]:
    """By NIF when printed, else by name; returns (attributable, how)."""
    if nif:
        return nif == applicant["nif"], "nif"
    if name:
        return name_match(applicant["name"], name) != "none", "name"
    return False, "none"


# How an owner check says a document is in the applicant's name with another NIF than the one typed; the applicant's
# explanation reads it (screening.explanation) so it does not call the document another person's.
OWN_NAME_OTHER_NIF = "em nome do candidato, mas com outro NIF que não o indicado"


def owner_check(name: str, label: str, document: Document, applicant: dict[str, Any], party: str) -> Check:
    """The document is the applicant's: by ``<party>_nif`` when printed, else by ``<party>_name``."""
    fields = document["fields"]
    owner, how = attributable(applicant, fields.get(f"{party}_nif"), fields.get(f"{party}_name"))
    by_nif = how == "nif"
    printed = fields.get(f"{party}_name")
    member = co_member_of(applicant, fields.get(f"{party}_nif")) if by_nif and not owner else None
    if how == "none":
        said = owner_not_read(fields, applicant, party)
        if PAYSLIP_PAGES_MISSING in (document.get("warnings") or []):
            said += f"; {WHOLE_PAYSLIP}"
    elif by_nif and not owner and names_the_applicant(applicant["name"], printed):
        # The applicant's name with another NIF is not "another person's": a typo in the NIF typed, a namesake, or
        # someone else's document; the identity checks say which (identity.nif_documents; cases probe 15, K05).
        said = f"{OWN_NAME_OTHER_NIF}: não contado"
    elif member is not None:
        # Uploaded in the wrong person's slot of the same application (blind probe r69b, H01: a couple each sending
        # the other's payslips): said by role, never by name, and counted for neither (docs/adr/041).
        said = f"não pertence ao candidato: é {OTHER_MEMBER_S} ({member}, pelo NIF); não contado"
    else:
        said = f"{'pertence' if owner else 'não pertence'} ao candidato (por {'NIF' if by_nif else 'nome'})"
    if owner and by_nif and printed and not shares_a_surname(applicant["name"], printed):
        # The NIF is the applicant's, the name another person's (blind probe r69b, F5): counted, with a stated check
        # that raises the risk (``owner_names_differ``; docs/adr/041).
        said += f", mas {NAME_NOT_THE_APPLICANT_S}"
    elif owner and printed and not names_the_applicant(applicant["name"], printed):
        # Counted, matched by the NIF or by a name only similar, but written otherwise than the applicant's: said to
        # staff (blind probe C32: "Alexandr Gritsenko" by NIF for "Oleksandr Hrytsenko", "Ana Lúcia Sousa" by name for
        # "Ana Lúcia de Sousa Ferreira", both counted without a word). Probably the same person, so still counted.
        # Order, accents, ICAO's transliterations and middle names left out are not "otherwise".
        said += f"; nome no {'recibo' if party == 'employee' else 'documento'} escrito de outra forma"
    if owner and not by_nif and impossible_nif_printed(document, party):
        said += f"; {IMPOSSIBLE_NIF_WORDS[party]}"
    if not owner and MULTIPLE_PAYSLIPS in document.get("warnings", []):
        # Two people's slips on one sheet: only one is read, and it may be the colleague's.
        said += "; o ficheiro tem mais de um recibo e só um foi lido: envie o seu num ficheiro à parte"
    return check(
        name,
        owner,
        f"{label}: {said}.",
        document_id=document["document_id"],
        field=f"{party}_nif" if by_nif else f"{party}_name",
        value=fields.get(f"{party}_nif") if by_nif else fields.get(f"{party}_name"),
        expected=applicant["nif"] if by_nif else applicant["name"],
    )


# How an owner check says a document shows neither whose it is: not another person's (blind probe r75a, D5). Every
# such check's evidence opens so (``owner_not_read``); the reasons and the explanation look for it.
OWNER_NOT_READ = "não mostra de quem é"
# The parties a document names, in the words its owner check uses (``owner_not_read``).
PARTY_WORDS = {
    "issuer": "do prestador",
    "acquirer": "do adquirente",
    "employee": "do trabalhador",
    "employer": "da entidade patronal",
    "pensioner": "do pensionista",
}


def owner_not_read(fields: dict[str, Any], applicant: dict[str, Any], party: str) -> str:
    """What an owner check says of a document whose ``party`` shows no NIF and no name: that nothing was read, or,
    where the applicant's NIF or name was read as another party's (a scan's two boxes side by side read as one, the
    owner's NIF in the client's field: blind probe r78c, F2), that it was, and where: not "nem NIF nem nome lidos"
    of a document that shows the applicant's NIF."""
    for other, words in PARTY_WORDS.items():
        if other == party:
            continue
        nif_read = bool(fields.get(f"{other}_nif")) and fields.get(f"{other}_nif") == applicant["nif"]
        name = fields.get(f"{other}_name")
        name_read = bool(name) and names_the_applicant(applicant["name"], str(name))
        if not nif_read and not name_read:
            continue
        what = "o NIF e o nome" if nif_read and name_read else "o NIF" if nif_read else "o nome"
        read = "lidos como os" if nif_read and name_read else "lido como o"
        return (
            f"{OWNER_NOT_READ} (NIF e nome {PARTY_WORDS.get(party, 'do titular')} não lidos; {what} do candidato "
            f"{read} {words})"
        )
    return f"{OWNER_NOT_READ} (nem NIF nem nome lidos)"


# How an owner check says a document is another member's of the same application; ``not_counted`` and the household's
# report read it.
OTHER_MEMBER_S = "de outra pessoa da mesma candidatura"


# The checks that say whose a proof of income is.
OWNER_CHECKS = frozenset({"income.payslip_owner", "income.invoice_owner", "income.pension_owner"})


def co_member_of(applicant: dict[str, Any], nif: str | None) -> str | None:
    """The role, in words, of the member beside the applicant in the same application whose NIF ``nif`` is
    (``applicant["application_members"]``, screening.rules.household.person_state); None for anyone else's."""
    if not nif:
        return None
    members = applicant.get("application_members") or ()
    return next((str(m.get("role") or "") for m in members if m.get("nif") == nif), None)


# A document printing the applicant's NIF and a name that is not theirs (docs/adr/041).
NAME_NOT_THE_APPLICANT_S = "o nome impresso não é o do candidato (nenhum apelido em comum)"


def shares_a_surname(applicant_name: str, printed: str) -> bool:
    """Whether the printed name holds a word of the applicant's name other than its first (their surnames, and any
    second given name): the same word in some spelling (``aligned_tokens``), a start of it cut at a field's width
    ("Albuqu" for "Albuquerque"), or an initial for it when the name prints no other word past the first. A word only
    similar (OCR's slips, a transliteration: "Gritsenko" for "Hrytsenko", ``mrz_word_fits``) counts only when no other
    word printed, but the one for their first name, is unlike all their surnames: "Joana Martins Ferreira" for "Joana
    Pereira Lopes" shares no surname, though Ferreira is within OCR's slips of Pereira (blind probe r69a, a3).

    A payroll program prints the worker's own name: one that shares no surname with the applicant's (another first
    name and surnames, or the first name alone) is not a way of writing theirs (blind probe r69b, F5)."""
    typed, read = aligned_tokens(applicant_name, printed)
    surnames = typed[1:] or typed
    if not surnames or not read:
        return False
    words = [w for w in read if len(w) > 1]
    if len(words) <= 1:
        words = read
    if any(
        word == surname
        or (len(word) >= CUT_SURNAME_MIN_LETTERS and surname.startswith(word))
        or (len(word) == 1 and surname.startswith(word))
        for word in words
        for surname in surnames
    ):
        return True
    # The printed word nearest the applicant's first name stands for it, however spelt; one other is a spelling of
    # one of their surnames, and none is a word unlike all of theirs (a surname of someone else's).
    given = max(words, key=lambda word: likeness(word, typed[0]))
    others = [word for word in words if word is not given]
    return any(similar_words(word, surname) for word in others for surname in surnames) and all(
        max(likeness(word, surname) for surname in surnames) >= LIKE_A_SPELLING for word in others
    )


# A surname printed cut at a field's width stands for the whole one from this many letters ("Albuqu", not "Sa").
CUT_SURNAME_MIN_LETTERS = 4
# Beside a surname only similar, every other printed word at least this like one of the applicant's: a spelling from
# another alphabet ("Zhoao" for "João", 0.67) is; another surname ("Martins" for "Pereira" or "Lopes", under 0.4) is not.
LIKE_A_SPELLING = 0.6


def likeness(word: str, other: str) -> float:
    return difflib.SequenceMatcher(None, word, other).ratio()


def similar_words(word: str, other: str) -> bool:
    """One word another's spelling within OCR's slips or a transliteration (``mrz_word_fits``), both of 3 letters or
    more."""
    return min(len(word), len(other)) > 2 and (mrz_word_fits(word, other) or mrz_word_fits(other, word))


def owner_names_differ(documents: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One failed check per proof of income counted by its printed NIF, the applicant's, whose printed name shares no
    surname with theirs (``shares_a_surname``): another person's document with the NIF edited, or an error of its
    issuer. Counted, since a NIF is strong evidence and a payroll typo should not make a genuine person HIGH; the
    check makes the report at least MEDIUM, and a person decides (blind probe r69b, F5; docs/adr/041). The
    evidence names neither name: the applicant's explanation reads these checks."""
    return [
        check(
            OWNER_NAME_CHECK,
            False,
            f"{first_words(owner['evidence'])}: o NIF é o do candidato, mas {NAME_NOT_THE_APPLICANT_S}: documento de "
            "outra pessoa com o NIF alterado, ou um erro do emissor. Contado; confirme com o emissor antes de decidir.",
            document_id=document["document_id"],
            field=party_name_field(owner),
        )
        for document, checks in documents
        if (owner := checks[0])["passed"] and NAME_NOT_THE_APPLICANT_S in owner["evidence"]
    ]


# The party whose NIF a proof of income is matched by, and the party beside it whose valid NIF read shows the impossible
# one is not theirs: a payslip's worker beside its employer, a fatura-recibo's (or recibo's) issuer beside its client.
OTHER_PARTY = {"employee": "employer", "issuer": "acquirer"}


def impossible_nif_printed(document: Document, party: str) -> bool:
    """A proof without its owner's NIF read (a payslip's worker, a fatura-recibo's issuer), the other party's NIF read
    (its employer's; its client's, or a client abroad's VAT number), and a NIF printed on its text layer that fails the
    check digit (the extraction's ``nif_checksum_invalid``; off an image a misread digit gives ``nif_unread`` instead,
    and a document read by OCR is never taken here): the owner's NIF printed is one no payroll program, no Portal das
    Finanças and no certified invoicing program issues (blind probes r69b, T07, and r78c, F1; docs/adr/041). With no
    client's NIF read (a final consumer's receipt) whose NIF failed cannot be told, and nothing is said."""
    fields = document["fields"]
    other = OTHER_PARTY.get(party)
    return (
        other is not None
        and not fields.get(f"{party}_nif")
        and bool(fields.get(f"{other}_nif"))
        and NIF_CHECKSUM_INVALID in (document.get("warnings") or [])
        and document.get("method") != "ocr"
    )


# How an owner check says the owner's NIF printed cannot exist, by party; ``owner_nifs_impossible`` reads it.
IMPOSSIBLE_NIF_WORDS = {
    "employee": "o NIF do trabalhador impresso não é válido (dígito de controlo errado), por isso reconhecido só pelo "
    "nome",
    "issuer": "o NIF do emitente impresso não é válido (dígito de controlo errado), por isso reconhecido só pelo nome",
}
# The stated check's words, by party: who prints the NIF, and what staff do about it.
IMPOSSIBLE_NIF_CHECK_WORDS = {
    "employee": "o NIF do trabalhador impresso não é válido (dígito de controlo errado), o que um programa de "
    "processamento salarial não emite: confirme com a entidade patronal.",
    "issuer": "o NIF do emitente impresso não é válido (dígito de controlo errado), o que o Portal das Finanças e os "
    "programas de faturação certificados não emitem: contado; peça a fatura-recibo do Portal das Finanças ou "
    "confirme-a no e-fatura antes de decidir.",
}


def owner_nifs_impossible(documents: list[tuple[Document, list[Check]]]) -> list[Check]:
    """One failed check per proof counted by the name whose text layer prints its owner's NIF that cannot exist
    (``impossible_nif_printed``): a payslip's worker's (payroll software validates NIFs), a fatura-recibo's issuer's
    (the Portal and certified invoicing programs print the issuer's own, valid, NIF), so such a document was made or
    edited by hand, or typed in a program that checks nothing. Counted, as a document named by a NIF not the person's
    name is (``owner_names_differ``); the check makes the report at least MEDIUM, as the other stated checks do, and a
    person decides (blind probes r69b, T07, and r78c, F1; docs/adr/041)."""
    return [
        check(
            OWNER_NIF_CHECK,
            False,
            f"{first_words(owner['evidence'])}: {IMPOSSIBLE_NIF_CHECK_WORDS[party]}",
            document_id=document["document_id"],
            field=f"{party}_nif",
        )
        for document, checks in documents
        for party, words in IMPOSSIBLE_NIF_WORDS.items()
        if (owner := checks[0])["passed"] and words in owner["evidence"]
    ]


OWNER_NAME_CHECK = "income.owner_name"
OWNER_NIF_CHECK = "income.owner_nif_valid"
NIF_CHECKSUM_INVALID = "nif_checksum_invalid"


def first_words(evidence: str) -> str:
    """An owner check's label ("Recibo 09/2026"), the words before its first colon."""
    return str(evidence).partition(":")[0]


def party_name_field(owner: Check) -> str:
    return str(owner.get("field") or "").removesuffix("_nif").removesuffix("_name") + "_name"
