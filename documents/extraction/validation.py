"""The checks every extraction backend applies to what it read.

Whichever backend read a document (the local parsers, Reducto), its typed
fields go through ``fields_revalidate`` before they are stored, so the same
fields give the same warning codes. An identifier that fails its check digit
and a date that cannot be right are dropped and flagged, never passed on as
valid; amounts that contradict each other are flagged.

The local parsers also use check digits while reading, to choose among the
numbers printed on a page; that is reading, and stays in ``parsers``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from applicants.identifiers import cc_number_holds, nif_has_valid_checksum, nif_is_personal, nif_normalize
from documents.extraction.mrz import COUNTRY_CODES
from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.invoice import NOT_A_RECEIPT, foreign_vat_number
from documents.extraction.schema import (
    ACTIVITY_KINDS,
    CERTIFICATE_KINDS,
    FOREIGN_PAYSLIP,
    IDENTITY_KINDS,
    INVOICE_KINDS,
    KINDS_BY_DOCUMENT_TYPE,
    PAYSLIP_KINDS,
    PENSION_KINDS,
    PERIOD_IN_FUTURE,
    SPECIMEN,
    TAX_KINDS,
    DocumentKind,
)
from documents.extraction.specimen import SPECIMEN_STATE_CODE, specimen_marked

NIF_FIELDS = ("nif", "employee_nif", "employer_nif", "taxpayer_nif", "issuer_nif", "acquirer_nif", "pensioner_nif",
              "holder_nif", "spouse_nif")  # fmt: skip
# Every side of an identity document prints its number (a card's back in its MRZ): one unread is warned
# ``missing:document_number`` unless a warning of its own says why (``NUMBER_UNREAD_SAID``).
REQUIRED_IDENTITY = ("full_name", "document_number", "date_of_birth", "expiry_date")
# A payslip of a Portuguese employer always prints the worker's social security (11%, the CGA's for a civil
# servant), so one unread is a row the read lost (blind probe r52a: base, SS and IRS unread, only gross and net
# warned). The IRS withholding is not: a wage under the withholding table's floor has none, and programs then
# print no row; nor is the base salary, not printed as such on an hourly or a daily wage.
# Every payslip names its employee: docs/api.md said so, yet no name read raised nothing (blind probe r56a F7).
# And its employer (Código do Trabalho, art. 276.º n.º 3: the payslip states the employer's name and NIPC): an
# employer's name unread went unsaid while the worker's was warned (blind probe r67b F6).
REQUIRED_PAYSLIP = ("net_pay", "gross_pay", "social_security", "period", "employee_name", "employer_name")
REQUIRED_TAX = ("gross_income", "year", "taxpayer_nif")
REQUIRED_INVOICE = ("issuer_nif", "issue_date", "base_amount", "amount_received")
REQUIRED_PENSION = ("pensioner_nif", "gross_monthly_amount", "payments_per_year")
# A year's declaration for the IRS return prints the year's gross and no month: its annual amount is what it must give.
REQUIRED_YEAR_PENSION = ("pensioner_nif", "annual_amount")
REQUIRED_ACTIVITY = ("taxpayer_nif", "start_date")
PAYMENT_COUNTS = (12, 13, 14)
REQUIRED_CERTIFICATE = ("holder_nif", "status", "issue_date", "validation_code")
# How long each issuer's certificate is valid from its issue date (AT 3 months, SS 4).
CERTIFICATE_VALIDITY_MONTHS = {"AT": 3, "SS": 4}
CENT = Decimal("0.01")
OLDEST_AGE, YOUNGEST_AGE = 120, 14


def fields_revalidate(
    kind: DocumentKind,
    fields: dict[str, Any],
    *,
    document_type: str,
    total_deductions: Decimal | None = None,
    unpaid_absence: Decimal = Decimal(0),
    advance_deducted: Decimal = Decimal(0),
    settlement_interest: Decimal = Decimal(0),
    not_a_receipt: bool = False,
    foreign_payslip: bool = False,
    today: dt.date | None = None,
) -> list[str]:
    """Validate a backend's typed fields in place and return the warning codes, each once.

    ``fields`` is the output of ``schema.fields_validate``; a value that fails is set
    to None. ``total_deductions`` is a payslip's printed total when the backend read
    one (it checks the arithmetic but is not an output field); ``unpaid_absence`` the pay it withheld for
    absence, which puts the base salary above the gross; ``advance_deducted`` a salary advance it deducted, which
    the regular net adds back above the printed net; ``settlement_interest`` the interest a nota de
    liquidação charges, part of its settlement; ``not_a_receipt`` that the parser read a plain fatura, no receipt
    (``invoice_not_receipt``), whose amount received is left null by design; ``foreign_payslip`` that it read
    another country's payslip, which need print no social security row of its own (``payslip_required``).
    """
    today = today or dt.date.today()
    warnings = nifs_revalidate(fields)
    required: tuple[str, ...] = ()
    if kind in IDENTITY_KINDS:
        warnings += identity_revalidate(kind, fields, today=today)
        required = identity_required(kind, fields)
    elif kind in PAYSLIP_KINDS:
        payslip_warnings = payslip_revalidate(
            fields,
            total_deductions=total_deductions,
            unpaid_absence=unpaid_absence,
            advance_deducted=advance_deducted,
            foreign=foreign_payslip,
            today=today,
        )
        warnings += payslip_warnings
        required = payslip_required(payslip_warnings, foreign=foreign_payslip) + irs_withholding_required(
            fields, foreign=foreign_payslip
        )
    elif kind in TAX_KINDS:
        warnings += tax_revalidate(fields, settlement_interest=settlement_interest, today=today)
        required = REQUIRED_TAX
    elif kind in INVOICE_KINDS:
        warnings += invoice_revalidate(fields, today=today)
        # A plain fatura prints no amount received, and ``invoice_not_receipt`` says so: "missing" would say the read
        # lost it (blind probe r54a).
        required = tuple(name for name in REQUIRED_INVOICE if not (name == "amount_received" and not_a_receipt))
    elif kind in PENSION_KINDS:
        warnings += pension_revalidate(fields, today=today)
        required = pension_required(fields)
    elif kind in ACTIVITY_KINDS:
        warnings += activity_revalidate(fields, today=today)
        required = REQUIRED_ACTIVITY
    if kind in CERTIFICATE_KINDS:
        warnings += certificate_revalidate(fields, today=today)
        required = REQUIRED_CERTIFICATE
    if any(code.startswith(NUMBER_UNREAD_SAID) for code in warnings):
        required = tuple(name for name in required if name != "document_number")
    warnings += [f"missing:{name}" for name in required if fields.get(name) is None]
    expected_kinds = KINDS_BY_DOCUMENT_TYPE.get(document_type)
    if expected_kinds is not None and kind not in expected_kinds:
        warnings.append("document_type_mismatch")
    return list(dict.fromkeys(warnings))


def parsed_revalidate(
    kind: DocumentKind, fields: dict[str, Any], parsed: Parsed, *, document_type: str, today: dt.date | None = None
) -> list[str]:
    """``fields_revalidate`` with what our own parser read besides the fields: a payslip's printed total of
    deductions and the pay it withheld for absence, a nota's interest."""
    warnings = fields_revalidate(
        kind,
        fields,
        document_type=document_type,
        total_deductions=parsed.total_deductions,
        unpaid_absence=parsed.unpaid_absence,
        advance_deducted=parsed.advance_deducted,
        settlement_interest=parsed.settlement_interest,
        not_a_receipt=NOT_A_RECEIPT in parsed.warnings,
        foreign_payslip=FOREIGN_PAYSLIP in parsed.warnings,
        today=today,
    )
    if any(code.startswith(NUMBER_UNREAD_SAID) for code in [*parsed.warnings, *warnings]):
        warnings = [code for code in warnings if code != "missing:document_number"]
    return warnings


# The warnings that already say why a document's number was left out ("document_number_check_invalid",
# "document_number_implausible", "document_number_unreadable"): "missing" beside them would say the page printed none.
NUMBER_UNREAD_SAID = "document_number_"


def payslip_required(payslip_warnings: list[str], *, foreign: bool) -> tuple[str, ...]:
    """The payslip's fields warned ``missing:`` when unread. Not its period when read as a month still to come:
    ``period_in_future`` says so, and "missing" would say the page printed none (blind probe r46b). Not the social
    security of another country's payslip: the row every Portuguese payslip prints is Portugal's; another country's
    social insurance may be rows by its branches, paid by the employer alone, or none (a seafarer's wage account:
    blind probe r64a, a German slip's four insurance rows warned missing)."""
    return tuple(
        name
        for name in REQUIRED_PAYSLIP
        if not (name == "period" and PERIOD_IN_FUTURE in payslip_warnings)
        and not (name == "social_security" and foreign)
    )


def irs_withholding_required(fields: dict[str, Any], *, foreign: bool) -> tuple[str, ...]:
    """The IRS withheld, warned ``missing:`` when unread on a Portuguese payslip whose gross less its net is more than
    the social security read: something was withheld that no row read accounts for, and IRS is the likeliest. Not
    required of every payslip: a wage under the withholding floor prints no IRS row at all, and the parser then
    reads it as 0 (``none_withheld``). Blind probe r75a, D7: a coded table's photo lost its rows 901 and 902, and only
    ``missing:social_security`` was said."""
    gross, net = fields.get("gross_pay"), fields.get("net_pay")
    if foreign or fields.get("irs_withholding") is not None or gross is None or net is None:
        return ()
    return ("irs_withholding",) if gross - net > (fields.get("social_security") or 0) + CENT else ()


def foreign_vat(value: str) -> bool:
    """The whole value is an EU VAT number in its country's form ("SE556012579001")."""
    found = foreign_vat_number(value)
    return found is not None and found[0] == re.sub(r"[\s.-]", "", value.upper())


def nifs_revalidate(fields: dict[str, Any]) -> list[str]:
    """Normalize every NIF read ('PT 245 718 931' -> '245718931'); drop one whose check digit fails."""
    warnings = []
    for name in NIF_FIELDS:
        if fields.get(name) is None:
            continue
        if name == "acquirer_nif" and foreign_vat(str(fields[name])):
            # A client abroad: its own country's VAT number, no Portuguese NIF (the parser checked its form).
            continue
        nif = nif_normalize(str(fields[name]))
        fields[name] = nif if nif_has_valid_checksum(nif) else None
        if fields[name] is None:
            warnings.append("nif_checksum_invalid")
    return warnings


# What a card's side does not print, so is not missing from it: a residence permit in the EU's uniform format prints
# the birth date on its back (blind probe r45a: every permit's front said "missing:date_of_birth", read as a fault in
# the upload). The back, or both sides sent, still give it.
NOT_PRINTED_ON_SIDE = {(DocumentKind.TITULO_RESIDENCIA, "front"): frozenset({"date_of_birth"})}


def identity_required(kind: DocumentKind, fields: dict[str, Any]) -> tuple[str, ...]:
    """The identity fields a document's reading must give: those its side prints."""
    not_printed = NOT_PRINTED_ON_SIDE.get((kind, fields.get("side") or ""), frozenset())
    return tuple(name for name in REQUIRED_IDENTITY if name not in not_printed)


def identity_revalidate(kind: DocumentKind, fields: dict[str, Any], *, today: dt.date) -> list[str]:
    """The CC number's check character, plausible dates, known country codes; a document past its expiry
    date keeps that date, flagged ``document_expired``."""
    warnings = []
    number = fields.get("document_number")
    if kind == DocumentKind.CARTAO_CIDADAO and number and not cc_number_holds(number):
        fields["document_number"] = None
        warnings.append("document_number_check_invalid")
    birth = fields.get("date_of_birth")
    if birth is not None and not (years_before(today, OLDEST_AGE) <= birth <= years_before(today, YOUNGEST_AGE)):
        fields["date_of_birth"] = birth = None
        warnings.append("date_of_birth_implausible")
    expiry = fields.get("expiry_date")
    if expiry is not None and birth is not None and expiry <= birth:
        fields["expiry_date"] = expiry = None
        warnings.append("expiry_date_implausible")
    if expiry is not None and expiry < today:
        # The date stays (the screening fails the identity on it); the warning tells whoever reads the
        # extraction alone. Valid on its expiry day itself, as the screening counts it.
        warnings.append("document_expired")
    if specimen_named(fields):
        warnings.append(SPECIMEN)
    for name in ("nationality", "issuing_state"):
        if fields.get(name) is not None and fields[name] not in COUNTRY_CODES:
            fields[name] = None
            warnings.append(f"{name}_unknown")
    if fields.get("mrz_valid") is False:
        warnings.append("mrz_check_invalid")
    return warnings


def specimen_named(fields: dict[str, Any]) -> bool:
    """A holder named as a specimen's ("SPECIMEN", "Mustermann"), or ICAO's made-up state: whichever backend read the
    document (Reducto's fields too; the local reader also looks for the word and a stamp on the page itself)."""
    names = [str(fields.get(name) or "") for name in ("full_name", "surname", "given_names")]
    states = {fields.get("nationality"), fields.get("issuing_state")}
    return specimen_marked(names) or SPECIMEN_STATE_CODE in states


def payslip_revalidate(
    fields: dict[str, Any],
    *,
    total_deductions: Decimal | None,
    unpaid_absence: Decimal = Decimal(0),
    advance_deducted: Decimal = Decimal(0),
    foreign: bool = False,
    today: dt.date,
) -> list[str]:
    warnings = []
    if payslip_arithmetic_holds(fields, total_deductions=total_deductions, foreign=foreign) is False:
        warnings.append("arithmetic_mismatch")
    gross, net, regular = fields.get("gross_pay"), fields.get("net_pay"), fields.get("regular_net_pay")
    subsidy = fields.get("subsidy_amount")
    # A salary advance deducted from the net was the month's pay, paid earlier: the regular net adds it back.
    month_net = net + advance_deducted if net is not None else None
    if (regular is not None and month_net is not None and regular > month_net + CENT) or (
        subsidy is not None and gross is not None and subsidy > gross + CENT
    ):
        # A regular net above the month's net, or a subsidy above the gross: one of them was misread.
        fields["regular_net_pay"] = None
        warnings.append("subsidy_implausible")
    variable = fields.get("variable_net_pay")
    if variable is not None and (
        fields.get("regular_net_pay") is None
        or (month_net is not None and fields["regular_net_pay"] + variable > month_net + CENT)
    ):
        # Overtime and per diems are part of what the regular net leaves out of the net: without a regular net, or
        # beyond the net, they were misread (never counted on top of a month's whole net).
        fields["variable_net_pay"] = None
    base = fields.get("base_salary")
    if base is not None and gross is not None and base > gross + unpaid_absence + CENT:
        # The base salary is one of the earnings the gross adds up (less the pay the slip says it withheld: for an
        # absence, unpaid leave, the days before a contract started or after it ended): above it, a quantity column
        # was read into it.
        fields["base_salary"] = None
        warnings.append("base_salary_implausible")
    if net is not None and net == 0:
        # A month that paid nothing (a whole month of sick leave, paid by the Segurança Social, or of unpaid leave):
        # it counts as 0, rightly, and staff are told why the month is empty (blind probe r50a: no signal).
        warnings.append(NOTHING_PAID)
    if net is not None and net < 0:
        # A net printed with a minus: an advance paid earlier in the month, or a debt, took more than the month paid,
        # and the worker owes the rest (blind probe r54b: read as +170,26 and counted as a month's pay). The month
        # paid nothing: the screening counts it as 0, never as a negative income, and staff are told why.
        warnings.append(NET_NEGATIVE)
    period = fields.get("period")
    if period:
        year, month = (int(part) for part in period.split("-"))
        if not (1 <= month <= 12) or year < 2000 or dt.date(year, month, 1) > today + PAYSLIP_ISSUED_AHEAD:
            fields["period"] = None
            warnings.append("period_implausible")
            if 1 <= month <= 12 and 2000 <= year <= today.year + MONTH_TO_COME_YEARS:
                # A real month still to come: never counted, and the screening's authenticity rules say so
                # (blind probe c21: next month's slip dropped its period, and no signal was raised). Its month is
                # kept apart, so the report names it rather than "período não lido" (blind probe r70b).
                warnings.append(PERIOD_IN_FUTURE)
                fields["period_to_come"] = period
    return warnings


# A payslip whose net pay is 0,00: the month paid the worker nothing.
NOTHING_PAID = "nothing_paid"
# A payslip whose net pay is below zero: an advance or a debt took more than the month paid.
NET_NEGATIVE = "net_negative"


# How long before its month a payslip may be issued: the next month's slip in the last week of this one (paid before
# Christmas, before a holiday); earlier, a month to come is not a payslip yet. (31 days let January's slip through on
# 4 December: the round 28 probe's negative.)
PAYSLIP_ISSUED_AHEAD = dt.timedelta(days=7)
# How many years ahead a month may be one still to come: a slip dated next year is an early or a forged one; a year
# further on is a misread year ("2626" for "2026" on a photo, blind probe r57a: a genuine slip's month said to be in
# the future, a HIGH authenticity signal), withheld as implausible with nothing said of the future.
MONTH_TO_COME_YEARS = 1


def payslip_arithmetic_holds(
    fields: dict[str, Any], *, total_deductions: Decimal | None = None, foreign: bool = False
) -> bool | None:
    """Whether gross pay minus deductions is net pay, to the cent; None when too little was read to tell.

    Deductions are the printed total when read, else social security plus IRS
    withholding. With no deductions read, only net pay above gross pay is a
    contradiction. Portugal's 11 % share of the gross bounds the social security of a Portuguese payslip only:
    another country's (``foreign``) is another rate (Germany's four insurances come to some 21 %: blind probe
    r64a, a German slip that adds up said not to).
    """
    gross, net = fields.get("gross_pay"), fields.get("net_pay")
    social_security, withholding = fields.get("social_security"), fields.get("irs_withholding")
    if deductions_beyond_the_pay(gross, social_security, withholding, total_deductions=total_deductions):
        return False
    if not foreign and social_security_beyond_its_rate(gross, social_security):
        return False
    if gross is None or net is None:
        return None
    deductions = total_deductions
    if deductions is None and social_security is not None and withholding is not None:
        deductions = social_security + withholding
    if deductions is None:
        return False if net > gross else None
    return abs(gross - deductions - net) <= CENT


# Social security is 11% of a base at most the gross: rows read at many times the deductions' total are no refund
# of IRS the total nets off, but a figure from another column.
SS_SHARE_OF_GROSS = Decimal("0.11")


# Social security rounded to the cent on a base itself rounded: a few cents over 11% of the gross are no contradiction.
SS_ROUNDING_SLACK = Decimal("0.50")


def social_security_beyond_its_rate(gross: Decimal | None, social_security: Decimal | None) -> bool:
    """Whether the social security read is more than 11% of the gross read: the worker's contribution is 11% of a
    base that is at most the gross (less when an allowance is exempt), so one of the two is another row's figure.
    Blind probe r51a: a photo in perspective paired a payslip's rows with the next row's amounts, the net (edited
    by hand) given as the gross and the IRS as the social security, and nothing said the slip did not add up."""
    if gross is None or social_security is None or gross <= 0:
        return False
    return social_security > gross * SS_SHARE_OF_GROSS + SS_ROUNDING_SLACK


def deductions_beyond_the_pay(
    gross: Decimal | None,
    social_security: Decimal | None,
    withholding: Decimal | None,
    *,
    total_deductions: Decimal | None,
) -> bool:
    """Whether social security and IRS read take more than the slip pays: more than the gross, or far more than the
    deductions' total (twice it, and more than 11% of the gross beyond it). The total takes in every other
    deduction (a meal card, an advance, a penhora), so those only widen it; an IRS refund row netted off it stays
    within the margin. Blind probe r47b: a scan's social security and IRS both read as their incidence base
    (1.378,68 each against a total of 247,26), at full confidence, with no warning."""
    read = [part for part in (social_security, withholding) if part is not None]
    if not read:
        return False
    taken = sum(read, Decimal(0))
    if gross is not None and taken > gross + CENT:
        return True
    if total_deductions is None or total_deductions < 0:
        return False
    margin = max(total_deductions, gross * SS_SHARE_OF_GROSS if gross is not None else Decimal(0))
    return taken > total_deductions + margin + CENT


def tax_revalidate(fields: dict[str, Any], *, settlement_interest: Decimal = Decimal(0), today: dt.date) -> list[str]:
    warnings = []
    year = fields.get("year")
    if year is not None and not (2000 <= year <= today.year):
        fields["year"] = None
        warnings.append("year_implausible")
    gross, tax = fields.get("gross_income"), fields.get("tax_paid")
    if gross is not None and tax is not None and tax > gross:
        warnings.append("arithmetic_mismatch")
    if tax_settlement_holds(fields, interest=settlement_interest) is False or (
        gross is not None and fields.get("taxable_income") is not None and fields["taxable_income"] > gross + CENT
    ):
        warnings.append("arithmetic_mismatch")
    warnings += joint_parts_revalidate(fields)
    return warnings


JOINT_PARTS = ("taxpayer_gross_income", "spouse_gross_income")


def joint_parts_revalidate(fields: dict[str, Any]) -> list[str]:
    """Each spouse's part of a joint return, from any backend, only where the return is joint and the two parts make
    its gross income to the cent (docs/adr/029-joint-irs-returns.md): a part that cannot be checked is no part,
    and screening then counts the couple's income once or not at all, never a guess."""
    read = [fields.get(name) for name in JOINT_PARTS]
    if all(part is None for part in read):
        return []
    parts = [part for part in read if part is not None and part >= 0]
    gross = fields.get("gross_income")
    holds = (
        fields.get("joint_return") is True
        and gross is not None
        and len(parts) == len(JOINT_PARTS)
        and abs(sum(parts, Decimal(0)) - gross) <= CENT
    )
    if holds:
        return []
    for name in JOINT_PARTS:
        fields[name] = None
    return ["arithmetic_mismatch"]


def tax_settlement_holds(fields: dict[str, Any], *, interest: Decimal = Decimal(0)) -> bool | None:
    """A nota de liquidacao: coleta liquida less withholdings and payments on account, plus any interest charged,
    is the amount payable (or, negative, the refund), to the cent; None when too little was read to tell."""
    tax, withheld = fields.get("tax_paid"), fields.get("withholdings")
    payable, refundable = fields.get("amount_payable"), fields.get("amount_refundable")
    if tax is None or withheld is None or (payable is None and refundable is None):
        return None
    balance = tax - withheld - (fields.get("payments_on_account") or 0) + interest
    return abs(balance - ((payable or 0) - (refundable or 0))) <= CENT


def certificate_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    """Issued in the past; valid until no later than the issuer's validity allows (a longer printed validity
    is not believed: it is set back to the issuer's)."""
    warnings = []
    issued = fields.get("issue_date")
    if issued is not None and not (dt.date(2000, 1, 1) <= issued <= today + dt.timedelta(days=1)):
        fields["issue_date"] = issued = None
        warnings.append("issue_date_implausible")
    months = CERTIFICATE_VALIDITY_MONTHS.get(fields.get("issuer") or "")
    until = fields.get("valid_until")
    if issued is not None and months is not None:
        limit = months_after(issued, months)
        if until is None or until > limit or until <= issued:
            if until is not None:
                warnings.append("valid_until_implausible")
            fields["valid_until"] = limit
    elif until is not None and issued is None:
        fields["valid_until"] = None
    return warnings


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in sorted({day.day, min(day.day, 30), min(day.day, 29), min(day.day, 28)}, reverse=True):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    return dt.date(year, month, 28)


# The number the AT's invoicing rules give a buyer who asks for no NIF on the document: the final consumer's.
FINAL_CONSUMER_NIF = "999999990"


def invoice_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    """The amount received is the base plus VAT less the IRS withheld, to the cent; the date is one that may be
    printed (a date to come is kept, for the screening to say so)."""
    warnings = []
    issued = fields.get("issue_date")
    if issued is not None and not (dt.date(2000, 1, 1) <= issued and issued.year <= today.year + MONTH_TO_COME_YEARS):
        # A date after today was printed, and is kept: the screening, by its own day, does not count the invoice and
        # says it is dated in the future (ISSUE_DATE_IN_FUTURE). Nulled, it read as "data não lida" and "too old"
        # (blind probe r70b, F04). A year beyond the next is a misread year, as a payslip's month is.
        fields["issue_date"] = None
        warnings.append("issue_date_implausible")
    base, received = fields.get("base_amount"), fields.get("amount_received")
    if base is not None and received is not None:
        expected = base + (fields.get("vat_amount") or 0) - (fields.get("irs_withholding") or 0)
        if abs(expected - received) > CENT:
            warnings.append("arithmetic_mismatch")
    if base is not None and not invoice_taxes_plausible(base, fields.get("vat_amount"), fields.get("irs_withholding")):
        warnings.append("arithmetic_mismatch")
    if fields.get("acquirer_nif") == FINAL_CONSUMER_NIF:
        # The AT's number for a "Consumidor final" who gave none (blind probe r46a, returned as the buyer's NIF):
        # nobody's NIF, so no buyer's.
        fields["acquirer_nif"] = None
    issuer = fields.get("issuer_nif")
    if issuer and issuer == fields.get("acquirer_nif"):
        warnings.append("issuer_is_acquirer")
    if issuer and not nif_is_personal(issuer):
        # A self-employed worker's fatura-recibo is issued under a personal NIF; a company's (a shop's receipt
        # for a purchase, the applicant only its client) is no proof of the applicant's income. Here, not in
        # the parser, so that every backend's reading is checked.
        warnings.append("issuer_is_company")
    return warnings


# The highest rates the law sets: the VAT's normal rate on the mainland (the islands' are lower), and art. 101.º
# CIRS's withholding on a self-employed worker's fees.
HIGHEST_VAT_RATE = Decimal("0.23")
HIGHEST_WITHHOLDING_RATE = Decimal("0.25")


def invoice_taxes_plausible(base: Decimal, vat: Decimal | None, withholding: Decimal | None) -> bool:
    """Whether the VAT and the withholding read are each at most the highest rate the law sets of the base, to the
    cent: above it, the sum may still hold with a misread base (blind probe r51a), and one of them is no tax of it."""
    for tax, rate in ((vat, HIGHEST_VAT_RATE), (withholding, HIGHEST_WITHHOLDING_RATE)):
        if tax is not None and (tax < 0 or tax > (base * rate).quantize(CENT) + CENT):
            return False
    return True


def pension_required(fields: dict[str, Any]) -> tuple[str, ...]:
    """The pension fields a statement's reading must give, by the kind of statement: a month's amount and its
    payments a year, or, where only the year's amount is read and no month's (a year's declaration for the IRS
    return, counted as its annual amount / 12), that amount. Blind probe r46a: such a declaration, read right, was
    warned ``missing:gross_monthly_amount`` and ``missing:payments_per_year``, as if incomplete; it prints no month."""
    year_only = all(fields.get(name) is None for name in ("gross_monthly_amount", "net_monthly_amount"))
    return REQUIRED_YEAR_PENSION if year_only and fields.get("annual_amount") is not None else REQUIRED_PENSION


def pension_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    """Net is gross less deductions and annual is a monthly amount times the payments, to the cent; 12 to 14 payments."""
    warnings = []
    if fields.get("payments_per_year") is not None and fields["payments_per_year"] not in PAYMENT_COUNTS:
        fields["payments_per_year"] = None
        warnings.append("payments_per_year_implausible")
    issued = fields.get("issue_date")
    if issued is not None and not (dt.date(2000, 1, 1) <= issued <= today + dt.timedelta(days=1)):
        fields["issue_date"] = None
        warnings.append("issue_date_implausible")
    gross, net, deductions = (
        fields.get("gross_monthly_amount"),
        fields.get("net_monthly_amount"),
        fields.get("deductions"),
    )
    if (
        gross is not None
        and net is not None
        and (net > gross + CENT or (deductions is not None and abs(gross - deductions - net) > CENT))
    ):
        warnings.append("arithmetic_mismatch")
    annual, count = fields.get("annual_amount"), fields.get("payments_per_year")
    if annual is not None and count is not None:
        monthly = [value for value in (gross, net) if value is not None]
        if monthly and not any(abs(value * count - annual) <= CENT * count for value in monthly):
            warnings.append("arithmetic_mismatch")
    return warnings


def activity_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    started = fields.get("start_date")
    if started is not None and not (dt.date(1950, 1, 1) <= started <= today + dt.timedelta(days=1)):
        fields["start_date"] = None
        return ["start_date_implausible"]
    return []


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
