"""Authenticity: signals that a document may have been edited, copied or borrowed. Advice, never a rejection.

Three sources, one shape (``code``, ``severity``, ``evidence``, pt-PT ``explanation``, ``source``):

- ``file``: what the file says about its making, read at extraction (documents/extraction/forensics.py);
- ``reuse``: the same file or the same numbers under another applicant (screening.selectors adds them);
- ``content``: numbers that cannot all be true, checked here (social security near 11 %, IRS withheld
  within reach of the gross, one employer NIF, periods consecutive and not in the future, the same amounts
  in two months, faturas-recibo numbered in date order, certificates valid no longer than their issuer
  allows).

A signal at or above the agency's ``authenticity_raise_severity`` (HIGH by default) makes the person's
income warnings carry ``authenticity_concern``: the risk is then at least MEDIUM, with the reason and the
proposal to ask the issuer for the original. LOW signals only inform. docs/adr/018-authenticity-signals.md.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from applicants.identifiers import nif_has_valid_checksum
from documents.extraction.schema import (
    CERTIFICATE_KINDS,
    FOREIGN_PAYSLIP,
    INVOICE_KINDS,
    PAYSLIP_KINDS,
    PERIOD_IN_FUTURE,
)
from screening.rules.common import check, extracted, format_month, money, parse_date
from screening.rules.income import (
    PAID_AFTER_PERIOD_DAYS,
    PAID_BEFORE_PERIOD_DAYS,
    invoice_dated_ahead,
    pay_period,
    pension_words,
    same_employer,
    stubs_of_different_pay_periods,
    verify_income,
)
from screening.rules.signal_words import signals_in_words

Document = dict[str, Any]
Signal = dict[str, Any]

SEVERITY_RANK = {"LOW": 1, "MEDIUM": 2, "HIGH": 3}
REASON = "authenticity_concern"
CHECK_NAME = "authenticity.document"
# Employee social security in the general regime is 11 % of the contribution base (Código Contributivo,
# art. 53.º). The base is at most the gross and, past exempt allowances (meal, travel), rarely under
# 55 % of it (6 % of the gross); outside that band the amounts were not computed from one another.
SS_RATE = Decimal("0.11")
SS_SHARE_OF_GROSS_MIN = Decimal("0.06")
# The top IRS withholding rates stay under half the income (tabelas de retenção na fonte).
IRS_SHARE_OF_GROSS_MAX = Decimal("0.50")
# How long each issuer's certificate is valid (AT: 3 months; SS: 4 months), with a few days of slack
# for the date printed as the last day of the month.
CERTIFICATE_VALIDITY_DAYS = {"AT": 92 + 5, "SS": 123 + 5}


def signal(code: str, severity: str, explanation: str, **evidence: Any) -> Signal:
    return {"code": code, "severity": severity, "evidence": evidence, "explanation": explanation, "source": "content"}


def verify_authenticity(state: dict[str, Any]) -> dict[str, Any]:
    """Per document, its file, reuse and content signals; a check per document with any; the warning.

    ``state`` is one person's (documents with their ``authenticity`` and ``reuse`` lists) and carries
    the agency's ``thresholds``.
    """
    thresholds = state["thresholds"]
    today = dt.date.fromisoformat(state["today"])
    raise_at = SEVERITY_RANK[str(thresholds.get("authenticity_raise_severity") or "HIGH")]
    modified_days = int(thresholds.get("authenticity_modified_after_days") or 30)
    documents = state["documents"]
    found = content_signals(documents, today=today)
    sections = []
    for document in documents:
        signals = [
            *(s for s in document.get("authenticity") or () if kept(s, modified_days=modified_days)),
            *(document.get("reuse") or ()),
            *found.get(document["document_id"], ()),
        ]
        if signals:
            sections.append(document_section(document, signals, raise_at=raise_at))
    return {
        "documents": sections,
        "checks": [section_check(section) for section in sections],
        "warnings": [REASON] if any(section["raises"] for section in sections) else [],
    }


def kept(signal_: Signal, *, modified_days: int) -> bool:
    """A file signal the agency wants: a modification only past its threshold of days."""
    if signal_.get("code") == "PDF_MODIFIED_AFTER_CREATION":
        return int((signal_.get("evidence") or {}).get("days") or 0) >= modified_days
    return True


def document_section(document: Document, signals: list[Signal], *, raise_at: int) -> dict[str, Any]:
    ordered = sorted(signals, key=lambda s: -SEVERITY_RANK.get(s["severity"], 0))
    highest = ordered[0]["severity"]
    return {
        "document_id": document["document_id"],
        "document_type": document.get("document_type"),
        "kind": document.get("kind"),
        "highest": highest,
        "raises": SEVERITY_RANK[highest] >= raise_at,
        "signals": ordered,
        "description": described(document),
    }


def described(document: Document) -> str:
    """Which document, in the words the applicant will read ("o recibo de vencimento de 10/2026"): the proposed
    request names what to send again, not only its type (blind probe c21: the applicant re-sends everything)."""
    fields = document.get("fields") or {}
    kind = document.get("kind")
    if kind in PAYSLIP_KINDS:
        # A month still to come was printed, and withheld apart (``period_to_come``): named, not "sem mês lido" (r70b).
        period = fields.get("period") or fields.get("period_to_come")
        return f"o recibo de vencimento de {format_month(period)}" if period else "o recibo de vencimento sem mês lido"
    if kind in INVOICE_KINDS:
        issued = parse_date(fields.get("issue_date"))
        return f"a fatura-recibo de {issued:%d/%m/%Y}" if issued else "a fatura-recibo"
    if document.get("document_type") == "ID_DOCUMENT":
        return "o documento de identificação"
    if kind == "DECLARACAO_PENSAO":
        # A pensioner may send two: the survivor's pension named apart from their own (blind probe c25).
        return f"a declaração de {pension_words(fields)}"
    return DESCRIBED_KINDS.get(str(kind), "o comprovativo de rendimentos")


DESCRIBED_KINDS = {
    "DECLARACAO_IRS": "a declaração de IRS",
    "NOTA_LIQUIDACAO": "a nota de liquidação de IRS",
    "CERTIDAO_AT": "a certidão das Finanças",
    "DECLARACAO_SS": "a declaração da Segurança Social",
    "DECLARACAO_ENTIDADE_PATRONAL": "a declaração da entidade patronal",
    "DECLARACAO_INICIO_ATIVIDADE": "a declaração de início de atividade",
}


def section_check(section: dict[str, Any]) -> dict[str, Any]:
    """Passes unless a signal reaches the agency's level; the evidence lists every signal in words (the codes are
    the section's ``signals[].code``), the value is the highest severity's code."""
    verdict = (
        "pedir o original ao emissor antes de decidir"
        if section["raises"]
        else "a ponderar, abaixo do nível que altera o risco"
    )
    return check(
        CHECK_NAME,
        not section["raises"],
        f"Sinais de autenticidade: {signals_in_words(section['signals'])}; {verdict}.",
        document_id=section["document_id"],
        field="authenticity",
        value=section["highest"],
    )


def income_with_authenticity(state: dict[str, Any]) -> dict[str, Any]:
    """A person's income with their documents' authenticity signals: a concern is one more income warning."""
    income = verify_income(state)
    authenticity = verify_authenticity(state)
    return {
        **income,
        "checks": [*income["checks"], *authenticity["checks"]],
        "warnings": [*income["warnings"], *authenticity["warnings"]],
        "authenticity": authenticity["documents"],
    }


# --- Content checks: numbers that cannot all be true -----------------------------------------------


def content_signals(documents: list[Document], *, today: dt.date) -> dict[str, list[Signal]]:
    """Document id -> the content signals found on it, over one person's documents."""
    found: dict[str, list[Signal]] = defaultdict(list)
    payslips = extracted(documents, PAYSLIP_KINDS)
    for document in payslips:
        found[document["document_id"]] += payslip_signals(document, today=today)
    for document_id, signal_ in payslip_series_signals(payslips):
        found[document_id].append(signal_)
    for document_id, signal_ in invoice_series_signals(extracted(documents, INVOICE_KINDS), today=today):
        found[document_id].append(signal_)
    for document in extracted(documents, CERTIFICATE_KINDS):
        found[document["document_id"]] += certificate_signals(document, today=today)
    return {document_id: signals for document_id, signals in found.items() if signals}


NIF_CHECKSUM_INVALID = "nif_checksum_invalid"
NIF_AMBIGUOUS = "nif_ambiguous"


def payslip_signals(document: Document, *, today: dt.date) -> list[Signal]:
    fields = document.get("fields") or {}
    gross, ss, irs = (
        money(fields.get("gross_pay")),
        money(fields.get("social_security")),
        money(fields.get("irs_withholding")),
    )
    signals = []
    # The 11 % band is Portugal's general regime: another country's social insurance is its own law's (a French
    # slip's cotisations are 20-23 % of the gross, a US stub's FICA 7.65 %; blind probe r66c: every genuine French and
    # German payslip called impossible).
    portuguese = FOREIGN_PAYSLIP not in document.get("warnings", [])
    severity, misread = amounts_severity(document)
    if portuguese and gross and gross > 0 and ss and ss > 0:
        if ss > gross * SS_RATE + Decimal("0.50"):
            signals.append(
                signal(
                    "PAYSLIP_SS_ABOVE_RATE",
                    severity,
                    "A Segurança Social descontada excede 11 % do ilíquido: não pode ter sido calculada sobre este "
                    f"ilíquido{misread}.",
                    share=f"{ss / gross:.4f}",
                )
            )
        elif ss < gross * SS_SHARE_OF_GROSS_MIN:
            signals.append(
                signal(
                    "PAYSLIP_SS_BELOW_RATE",
                    severity,
                    f"A Segurança Social descontada é muito inferior a 11 % do ilíquido (ilíquido aumentado?){misread}.",
                    share=f"{ss / gross:.4f}",
                )
            )
    if gross and gross > 0 and irs is not None and irs > gross * IRS_SHARE_OF_GROSS_MAX:
        signals.append(
            signal(
                "PAYSLIP_IRS_IMPLAUSIBLE",
                severity,
                "A retenção de IRS excede metade do ilíquido, acima de qualquer taxa das tabelas de retenção"
                f"{misread}.",
                share=f"{irs / gross:.4f}",
            )
        )
    employer = fields.get("employer_nif")
    if employer and not nif_has_valid_checksum(str(employer)):
        signals.append(
            signal(
                "PAYSLIP_EMPLOYER_NIF_INVALID",
                "MEDIUM",
                "O NIF da entidade patronal não é válido (dígito de controlo).",
            )
        )
    elif not employer and NIF_CHECKSUM_INVALID in document.get("warnings", []):
        # The local parsers keep no invalid NIF in a field: a printed one that fails its check digit, with no
        # valid employer NIF read, is said by the warning (round 22's D01 passed without a word).
        signals.append(
            signal(
                "PAYSLIP_EMPLOYER_NIF_INVALID",
                "MEDIUM",
                "O recibo imprime um NIF que não é válido (dígito de controlo) e nenhum NIF válido da entidade "
                "patronal.",
            )
        )
    if NIF_AMBIGUOUS in document.get("warnings", []):
        # Two different workers' NIFs on one payslip: the extraction took neither (round 24's N02).
        signals.append(
            signal(
                "PAYSLIP_EMPLOYEE_NIF_AMBIGUOUS",
                "MEDIUM",
                "O recibo imprime dois NIF de trabalhador diferentes: não se sabe a quem pertence.",
            )
        )
    period = fields.get("period")
    if PERIOD_IN_FUTURE in document.get("warnings", []):
        # A month further ahead than a slip is ever issued: the extraction left the period out, never counted.
        to_come = {"period": fields["period_to_come"]} if fields.get("period_to_come") else {}
        signals.append(
            signal("PERIOD_IN_FUTURE", "HIGH", "O recibo refere-se a um mês que ainda não começou.", **to_come)
        )
    elif period and period > f"{today.year:04d}-{today.month:02d}":
        signals.append(
            signal("PERIOD_IN_FUTURE", "HIGH", "O recibo refere-se a um mês que ainda não terminou.", period=period)
        )
    signals += payment_date_signals(fields)
    return signals


# What a payslip's amounts signal says when they were read off a photo or a scan whose sums fail: a figure misread
# gives the same numbers as a forged one, and the month is not counted either way (``income.payslip_arithmetic``).
AMOUNTS_MAYBE_MISREAD = (
    "; lido de uma fotografia ou digitalização cujas contas não batem certo, pode ser um valor mal lido: peça uma "
    "fotografia mais nítida ou o PDF"
)


def amounts_severity(document: Document) -> tuple[str, str]:
    """The severity of a payslip's signals drawn from its amounts (social security off its rate, IRS beyond any), and
    what the explanation adds. ``MEDIUM``; ``LOW`` on a slip read by OCR whose arithmetic fails, where one misread
    figure makes both the failed sum and the signal, and the month already goes uncounted (blind probe r78a: a
    Christmas subsidy's row read as the social security on a genuine photo, a forgery hint raising the risk). A photo
    whose figures all hold, or a text layer, keeps ``MEDIUM``: there the numbers are the document's own."""
    if document.get("method") == "ocr" and "arithmetic_mismatch" in document.get("warnings", []):
        return "LOW", AMOUNTS_MAYBE_MISREAD
    return "MEDIUM", ""


def payment_date_signals(fields: dict[str, Any]) -> list[Signal]:
    """A payment date the pay period cannot have: more than ``PAID_BEFORE_PERIOD_DAYS`` before the period begins (an
    advance is a row of its own, and a December slip paid in September is a template's date left unchanged), MEDIUM;
    or more than ``PAID_AFTER_PERIOD_DAYS`` after it ends, LOW (pay in arrears exists: it informs). Blind probe r70b:
    October's slip paid 15/09/2026, or 31/10/2025, said nothing. docs/adr/044-a-month-counts-once-paid.md."""
    paid = parse_date(fields.get("payment_date"))
    start, end = pay_period(fields)
    if paid is None or start is None or end is None:
        return []
    if paid < start - dt.timedelta(days=PAID_BEFORE_PERIOD_DAYS):
        return [
            signal(
                "PAYSLIP_PAYMENT_DATE",
                "MEDIUM",
                "A data de pagamento impressa é anterior ao início do período que o recibo paga.",
                payment_date=paid.isoformat(),
                period_start=start.isoformat(),
            )
        ]
    if paid > end + dt.timedelta(days=PAID_AFTER_PERIOD_DAYS):
        return [
            signal(
                "PAYSLIP_PAYMENT_DATE",
                "LOW",
                "A data de pagamento impressa é muito posterior ao fim do período que o recibo paga (salário em "
                "atraso, ou uma data que não é deste recibo).",
                payment_date=paid.isoformat(),
                period_end=end.isoformat(),
            )
        ]
    return []


AMOUNT_FIELDS = ("base_salary", "gross_pay", "social_security", "irs_withholding", "net_pay")


def payslip_series_signals(payslips: list[Document]) -> list[tuple[str, Signal]]:
    """Across one person's payslips: one employer NIF, and no two months with every amount equal."""
    out: list[tuple[str, Signal]] = []
    employers = {str(d["fields"].get("employer_nif")) for d in payslips if d["fields"].get("employer_nif")}
    if len(employers) > 1:
        for document in payslips[1:]:
            if str(document["fields"].get("employer_nif")) != str(payslips[0]["fields"].get("employer_nif")) and not (
                held_together(document, payslips[0], payslips)
            ):
                out.append(
                    (
                        document["document_id"],
                        signal(
                            "PAYSLIP_EMPLOYER_CHANGED",
                            "LOW",
                            "Os recibos não têm todos o mesmo NIF de entidade patronal (mudança de emprego?).",
                            employers=len(employers),
                        ),
                    )
                )
    out += period_gaps(payslips)
    seen: dict[tuple[str, ...], Document] = {}
    for document in payslips:
        fields = document["fields"]
        amounts = tuple(str(money(fields.get(name))) for name in AMOUNT_FIELDS if fields.get(name) is not None)
        # Three amounts at least, or a short payslip would match by chance.
        if len(amounts) < 3 or not fields.get("period"):
            continue
        key = (str(fields.get("employer_nif") or ""), *amounts)
        earlier = seen.setdefault(key, document)
        if earlier is not document and earlier["fields"].get("period") != fields.get("period"):
            out.append(
                (
                    document["document_id"],
                    # LOW, a note: a fixed salary repeats its amounts to the cent every month, as a copy with the
                    # month changed does, and nothing read tells them apart (blind probe r57b: 8 of 9 honest
                    # employees were flagged MEDIUM, which taught staff to pass over MEDIUM signals).
                    signal(
                        "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD",
                        "LOW",
                        # The other payslip by its month, as staff name documents (blind probe r70a F29).
                        f"Tem os mesmos valores ao cêntimo que o recibo de {format_month(earlier['fields']['period'])}: "
                        "é normal num salário fixo, mas "
                        "também numa cópia com o mês alterado; em caso de dúvida, compare as datas de pagamento e os "
                        "acumulados do ano.",
                        same_as_document_id=earlier["document_id"],
                    ),
                )
            )
    return out


def held_together(document: Document, other: Document, payslips: list[Document]) -> bool:
    """Whether two payslips' employers both pay in one month of those sent: two jobs held together (ADR 025), no
    change of employer. Blind probe r60a: a worker's two part-time jobs were flagged "mudança de emprego?" on every
    payslip, and "recibo complementar ou corrigido?" on every month."""
    months: dict[str, list[Document]] = defaultdict(list)
    for payslip in payslips:
        if payslip["fields"].get("period"):
            months[str(payslip["fields"]["period"])].append(payslip)
    return any(
        any(same_employer(document, mine) for mine in month) and any(same_employer(other, theirs) for theirs in month)
        for month in months.values()
        if len(month) > 1
    )


def period_gaps(payslips: list[Document]) -> list[tuple[str, Signal]]:
    """Months missing between the payslips sent, or a month sent twice with other amounts: LOW notes."""
    by_period: dict[str, list[Document]] = defaultdict(list)
    for document in payslips:
        period = document["fields"].get("period")
        if period:
            by_period[str(period)].append(document)
    out: list[tuple[str, Signal]] = []
    periods = sorted(by_period)
    for earlier, later in itertools.pairwise(periods):
        missing = month_index(later) - month_index(earlier) - 1
        if missing > 0:
            out.append(
                (
                    by_period[later][0]["document_id"],
                    signal(
                        "PAYSLIP_PERIODS_NOT_CONSECUTIVE",
                        "LOW",
                        "Faltam recibos de meses intermédios entre os enviados.",
                        missing_months=missing,
                    ),
                )
            )
    for documents in by_period.values():
        for index, document in enumerate(documents[1:], start=1):
            # Of the same employer only (by NIF, else by name; assumed the same when neither reads): another
            # employer's payslip of the month is another job's pay, not a correction; nor is another week's stub
            # (ADR 037).
            same_job_before = [
                d
                for d in documents[:index]
                if same_employer(d, document) and not stubs_of_different_pay_periods(d, document)
            ]
            nets = {str(money(d["fields"].get("net_pay"))) for d in [*same_job_before, document]}
            if same_job_before and len(nets) > 1:
                out.append(
                    (
                        document["document_id"],
                        signal(
                            "PAYSLIP_PERIOD_TWICE",
                            "LOW",
                            "Dois recibos do mesmo mês com valores diferentes (recibo complementar ou corrigido?).",
                        ),
                    )
                )
    return out


def month_index(period: str) -> int:
    year, month = period.split("-")
    return int(year) * 12 + int(month)


def invoice_series_signals(invoices: list[Document], *, today: dt.date) -> list[tuple[str, Signal]]:
    """Faturas-recibo: one issuer, numbers that grow with the date, no number used twice, none in the future."""
    out: list[tuple[str, Signal]] = []
    issuers = {str(d["fields"].get("issuer_nif")) for d in invoices if d["fields"].get("issuer_nif")}
    for document in invoices:
        if invoice_dated_ahead(document, today=today):
            # Past the tolerance a payslip has for a date ahead (a time zone, an issuer dating the next day): the
            # receipt of a payment still to come, as a payslip of a month to come is (PERIOD_IN_FUTURE).
            out.append(
                (
                    document["document_id"],
                    signal(
                        "ISSUE_DATE_IN_FUTURE",
                        "HIGH",
                        "A fatura-recibo tem data posterior ao dia da análise: recibo de um pagamento ainda por vir.",
                        issue_date=document["fields"].get("issue_date"),
                    ),
                )
            )
        if len(issuers) > 1 and str(document["fields"].get("issuer_nif")) != str(
            invoices[0]["fields"].get("issuer_nif")
        ):
            out.append(
                (
                    document["document_id"],
                    signal(
                        "INVOICE_ISSUER_CHANGED", "MEDIUM", "As faturas-recibo não foram todas emitidas pelo mesmo NIF."
                    ),
                )
            )
    numbered = sorted(
        (
            (parse_date(d["fields"].get("issue_date")), invoice_sequence(d["fields"].get("invoice_number")), d)
            for d in invoices
            if number_read_surely(d)
        ),
        key=lambda item: (item[0] or dt.date.min, item[1][1] if item[1] else -1),
    )
    by_number: dict[tuple[str, int], Document] = {}
    # Per series and year (a series may start again at 1 in a new year), the last invoice's number and document:
    # each series is compared with itself, whatever other series' invoices fall between.
    last: dict[tuple[str, int], tuple[int, Document]] = {}
    for issued, sequence, document in numbered:
        if sequence is None or issued is None:
            continue
        twin = by_number.setdefault(sequence, document)
        before = last.get((sequence[0], issued.year))
        if twin is not document and not same_invoice(twin, document):
            out.append(
                (
                    document["document_id"],
                    signal(
                        "INVOICE_NUMBER_REUSED",
                        "HIGH",
                        "Duas faturas-recibo diferentes com o mesmo número: a numeração de uma série não se repete.",
                        same_as_document_id=twin["document_id"],
                        **compared(document, twin),
                    ),
                )
            )
        elif before is not None and sequence[1] < before[0]:
            out.append(
                (
                    document["document_id"],
                    signal(
                        "INVOICE_NUMBER_OUT_OF_ORDER",
                        "MEDIUM",
                        "Uma fatura-recibo mais recente tem número inferior ao de uma anterior da mesma série.",
                        earlier_document_id=before[1]["document_id"],
                        **compared(document, before[1]),
                    ),
                )
            )
        last[(sequence[0], issued.year)] = (sequence[1], document)
    return out


# How sure OCR must be of an invoice number's own word for the number to be compared with another's: a photo's
# "/11" read "/1" (at 0.35) went "backwards" after the "/10" of a text PDF (blind probe r81a, F3). A text layer reads at
# 1.0; a number with no confidence given (another backend's) is compared as before.
SURE_INVOICE_NUMBER_CONFIDENCE = 0.8


def number_read_surely(document: Document) -> bool:
    confidence = (document.get("confidence") or {}).get("invoice_number")
    return confidence is None or float(confidence) >= SURE_INVOICE_NUMBER_CONFIDENCE


def compared(document: Document, other: Document) -> dict[str, Any]:
    """What a numbering signal compared, for staff to check against the files: both numbers and dates."""
    return {
        "invoice_number": document["fields"].get("invoice_number"),
        "issue_date": document["fields"].get("issue_date"),
        "earlier_invoice_number": other["fields"].get("invoice_number"),
        "earlier_issue_date": other["fields"].get("issue_date"),
    }


def invoice_sequence(number: Any) -> tuple[str, int] | None:
    """A fatura-recibo number as (series, sequence): "FR ATSIRE01FR/12" -> ("FRATSIRE01FR", 12), and a type and
    sequence joined by a dash or a space, with no series, "FR-008" -> ("FR", 8), "FR 40" -> ("FR", 40) (doc probes
    29 and 30: such numbers took no part in the sequence rule)."""
    if not number:
        return None
    text = "".join(str(number).split())
    series, _, sequence = text.rpartition("/")
    if not series and not sequence.isdigit():
        # The type and the sequence joined by a dash or printed a space apart ("FR-008", "FR 40").
        typed = re.fullmatch(r"([A-Z]+)-?(\d+)", text)
        series, sequence = typed.groups() if typed else ("", "")
    return (series, int(sequence)) if sequence.isdigit() else None


def same_invoice(first: Document, second: Document) -> bool:
    """The same fatura-recibo sent twice (same date and amounts): counted once, not a signal."""
    return all(first["fields"].get(name) == second["fields"].get(name) for name in ("issue_date", "base_amount"))


def certificate_signals(document: Document, *, today: dt.date) -> list[Signal]:
    fields = document.get("fields") or {}
    issued, valid_until = parse_date(fields.get("issue_date")), parse_date(fields.get("valid_until"))
    signals = []
    if issued is not None and issued > today:
        signals.append(signal("ISSUE_DATE_IN_FUTURE", "HIGH", "A certidão tem data de emissão futura."))
    allowed = CERTIFICATE_VALIDITY_DAYS.get(str(fields.get("issuer")))
    if issued is not None and valid_until is not None and allowed and (valid_until - issued).days > allowed:
        signals.append(
            signal(
                "CERTIFICATE_VALIDITY_TOO_LONG",
                "MEDIUM",
                "A validade impressa excede a que o emissor concede (AT: 3 meses; Segurança Social: 4 meses).",
                days=(valid_until - issued).days,
            )
        )
    return signals


ORIGINAL_NOTE = (
    "Pedimos o documento original, tal como foi emitido pela entidade (por exemplo descarregado do portal "
    "do empregador, das Finanças ou da Segurança Social), sem alterações."
)


def proposed_request(sections: list[dict[str, Any]], *, applicant_id: str) -> dict[str, Any] | None:
    """What staff may send with one click when a signal raised the risk: ask for the original from the issuer.

    A proposal in the shape of ``POST /applicants/{id}/decision`` with ``MORE_INFO``; nothing is sent by itself.
    """
    raising = [section for section in sections if section.get("raises")]
    if not raising:
        return None
    requested: dict[tuple[str, str], list[str]] = defaultdict(list)
    for section in raising:
        key = (section.get("applicant_id") or applicant_id, section.get("document_type") or "PROOF_OF_INCOME")
        if section.get("description") and section["description"] not in requested[key]:
            requested[key].append(section["description"])
    return {
        "decision": "MORE_INFO",
        "requested_documents": [
            {
                "applicant_id": person,
                "document_type": document_type,
                "note": original_note(requested[person, document_type]),
            }
            for person, document_type in sorted(requested)
        ],
    }


# The longest note a requested document takes (``POST /applicants/{id}/decision`` validates it so).
NOTE_MAX_LENGTH = 300


def original_note(descriptions: list[str]) -> str:
    """The note asking for the originals, naming the documents ("do recibo de vencimento de 10/2026 e da
    fatura-recibo de 28/10/2026") as far as the note's length allows; the general words when none fits."""
    for count in range(len(descriptions), 0, -1):
        named = [f"d{description}" for description in descriptions[:count]]  # "de o recibo" is "do recibo"
        rest = len(descriptions) - count
        if rest:
            named.append(f"de mais {rest} {'documento' if rest == 1 else 'documentos'}")
        items = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} e {named[-1]}"
        several = len(descriptions) > 1
        note = (
            f"Pedimos {'os originais' if several else 'o original'} {items}, tal como "
            f"{'foram emitidos' if several else 'foi emitido'} pela entidade (por exemplo "
            f"{'descarregados' if several else 'descarregado'} do portal do "
            "empregador, das Finanças ou da Segurança Social), sem alterações."
        )
        if len(note) <= NOTE_MAX_LENGTH:
            return note
    return ORIGINAL_NOTE
