"""The default, offline extractor: pypdfium2 text layer, else Tesseract, then parsers."""

from __future__ import annotations

import difflib
import functools
import hashlib
import itertools
import re
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from applicants.text import fold, format_eur
from documents.extraction.errors import ExtractionFailed
from documents.extraction.garnishment import garnished
from documents.extraction.mrz import clean_line, looks_like_mrz, mrz_line_read_sharp, read_mrz, visa_zone
from documents.extraction.mrz_ocr import mrz_ocr_texts, mrz_read, own_size, page_images
from documents.extraction.parsers import Parsed, classify, kind_from_mrz, parse_document
from documents.extraction.parsers.classify import (
    BANK_MOVEMENTS_HEADER,
    BANK_STATEMENT,
    CC_BACK_SIGNS,
    DRIVING_LICENCE,
    EU_CITIZEN_REGISTRATION,
    EU_CITIZEN_REGISTRATION_REFUSED,
    FAMILY_ALLOWANCE,
    PAYSLIP_TITLE,
    RENT_RECEIPT,
    RESIDENCE_APPLICATION,
    RESIDENCE_APPLICATION_REFUSED,
    SALARY_ADVANCE,
    SIMULATION,
    SOCIAL_INSERTION_INCOME,
    SS_QUARTERLY_DECLARATION,
    SS_REMUNERATIONS_EXTRACT,
    TEMPORARY_BENEFIT,
    TEMPORARY_PROTECTION,
    draft_payslip,
    employment_contract,
    enrolment_certificate,
    expense_statement,
    invoice_listing,
    payers_yearly_declaration,
    payroll_summary,
    payslip_amounts_unread,
    pension_not_paid,
    pension_refused,
    pro_forma_or_quote,
    research_grant,
    study_grant,
    study_grant_monthly_amounts,
    tax_draft,
    tax_simulation,
)
from documents.extraction.parsers.common import COPY_MARK, MONEY, VALIDATED_CONFIDENCE
from documents.extraction.parsers.identity import (
    ADDRESS_CAPTION,
    ID_LABELS,
    MULTIPLE_IDENTITY_DOCUMENTS,
    TWO_SIDED_CARDS,
    accents_unread,
    checked_cc_numbers,
    mrz_line,
    names_accented_as_read_again,
)
from documents.extraction.parsers.payslip import MULTIPLE_EMPLOYEES, NIF_UNREAD, several_employees
from documents.extraction.reader import (
    ILLEGIBLE,
    Line,
    OcrRefused,
    ReadDocument,
    lines_from_tesseract,
    mrz_beside_a_gutter,
    open_image,
    prepare_for_ocr,
    read_cut_out,
    read_document,
    read_pdf,
    read_side_by_side,
    read_without_coloured_ink,
    tesseract_data,
    turn_page,
)
from documents.extraction.schema import (
    CERTIFICATE_KINDS,
    GARNISHED_KINDS,
    GARNISHMENT,
    IDENTITY_KINDS,
    KINDS_BY_DOCUMENT_TYPE,
    PAYSLIP_KINDS,
    PERIOD_IN_FUTURE,
    SPECIMEN,
    TAX_KINDS,
    DocumentKind,
    ExtractionPart,
    ExtractionResult,
    fields_validate,
)
from documents.extraction.specimen import specimen_document
from documents.extraction.validation import parsed_revalidate, payslip_arithmetic_holds
from documents.reasons import STUDY_GRANT_MONTHLY_REFUSED
from documents.sniff import sniff_content_type

MRZ_KINDS = frozenset(
    {DocumentKind.PASSAPORTE, DocumentKind.TITULO_RESIDENCIA, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO}
)


# What to upload instead, by what the applicant said the file was: the person reads this in their status.
UNRECOGNISED = {
    "ID_DOCUMENT": (
        "Documento não reconhecido como documento de identificação: envie o Cartão de Cidadão (frente e verso), "
        "o passaporte, o título de residência ou o cartão de identidade do seu país."
    ),
    # Read (a text layer, or a picture legible enough: ``illegible`` is told first), and of no kind accepted: said as
    # a refusal for what it is ("Este documento é ...", as DOCUMENTS_THAT_SAY_WHAT_THEY_ARE), so that staff and the
    # sender are not told to send the same file again (blind probe r73b, F3: an electricity bill and a bank's IBAN
    # proof, clean PDFs, reported "ilegíveis ou corrompidos").
    "PROOF_OF_INCOME": (
        "Este documento é legível, mas não foi reconhecido como comprovativo de rendimentos: envie recibos de "
        "vencimento, faturas-recibo, a declaração ou nota de liquidação de IRS, a declaração da pensão ou a "
        "declaração da entidade patronal."
    ),
}
# A picture OCR read fewer lines of with confidence than this is too blurred, dark or small to read: its sender is
# told so, not that the document is of a kind not accepted (cases probe 15: a blurred payslip photo gave 3 lines of
# noise, none at 0.6; the poorest real photos of the probes, a passport on a table, gave 6 or more).
LEGIBLE_LINES = 3
LEGIBLE_CONFIDENCE = 0.6
UNRECOGNISED_ANY = (
    "Documento não reconhecido: esperava um documento de identificação (Cartão de Cidadão, passaporte, título de "
    "residência) ou um comprovativo de rendimentos (recibo de vencimento, fatura-recibo, IRS, pensão)."
)


# The reader's release; what is stored with each extraction is this plus a digest of the code that read it.
RELEASE = "1.1.0"
EXTRACTION_SOURCE = Path(__file__).resolve().parent


@functools.cache
def source_version(release: str = RELEASE, source: Path = EXTRACTION_SOURCE) -> str:
    """``release+digest`` of every module of the reader and its parsers: which code read a document.

    The parsers change with every probe round and nobody remembered to bump the release (it stayed 1.1.0 through
    eight rounds), so a stored extraction's version told nothing. A digest of the sources changes by itself; ops
    find the documents an older reader read by it (admin, ``extractor_version``) and re-read them with ``rescreen
    --force --reextract``. 12 hex digits keep ``release+digest`` within the column's 20 characters.
    """
    digest = hashlib.sha256()
    for path in sorted(source.rglob("*.py")):
        digest.update(path.relative_to(source).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return f"{release}+{digest.hexdigest()[:12]}"


class LocalExtractor:
    name = "local"

    @property
    def version(self) -> str:
        return source_version()

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult:
        # A card's two sides photographed side by side are parted (ID only: a payslip's pages are not cards).
        read = read_side_by_side(data) if document_type == "ID_DOCUMENT" else read_document(data)
        if not read.text.strip():
            raise ExtractionFailed(
                "Não foi possível ler texto no documento (a digitalização pode estar ilegível): envie uma digitalização ou "
                "fotografia "
                "nítida e direita, ou o PDF original."
            )
        if document_type == "PROOF_OF_INCOME":
            read = without_pages_of_prose(read)
        kind = classify(read.text)
        read, kind, narrowed = pages_of_the_declared_type(read, kind, document_type)
        if not narrowed:
            read, narrowed = without_pages_of_other_documents(read, kind, document_type)
        read, kind, narrowed = amounts_from_the_pictures(data, document_type, read, kind, narrowed)
        read, kind, narrowed = identity_from_the_pictures(data, document_type, read, kind, narrowed)
        extra_mrz_texts = mrz_ocr_texts(data, turns=read.turns) if needs_mrz_pass(kind, read) else []
        if document_type == "ID_DOCUMENT" and a_visa(data, read, kind, extra_mrz_texts):
            raise ExtractionFailed(VISA)
        if kind == DocumentKind.UNKNOWN and extra_mrz_texts:
            kind = kind_from_mrz(read_mrz(extra_mrz_texts))
        if kind == DocumentKind.UNKNOWN and document_type == "ID_DOCUMENT" and read.method == "ocr":
            kind = card_by_its_number(read)
        if kind == DocumentKind.UNKNOWN and document_type == "ID_DOCUMENT" and read.method == "ocr":
            kind = foreign_card_by_its_captions(read)
        elif kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO and extra_mrz_texts:
            kind = portuguese_card_by_its_mrz(kind, extra_mrz_texts)
        if kind == DocumentKind.UNKNOWN:
            raise ExtractionFailed(refusal(read, document_type, extra_mrz_texts))
        parsed = parse_document(kind, read.lines, extra_mrz_texts=extra_mrz_texts, page_starts=read.page_starts)
        # The card cut out of the photo is read once, for its MRZ and its NIF both: read for each, a back whose
        # MRZ failed and whose NIF went unread was read twice over, at every turn when it read poorly (blind probe
        # r51a: a 600 px back in low light, 36 s, 21 of them the same cut-out read twice).
        cut_out = functools.cache(functools.partial(read_cut_out, data))
        if parsed.fields.get("mrz_valid") is False and read.method == "ocr":
            parsed = mrz_from_the_back_beside_the_front(data, kind, read, parsed)
        if parsed.fields.get("mrz_valid") is False and read.method == "ocr":
            parsed = mrz_from_the_card_cut_out(cut_out, kind, read, parsed, extra_mrz_texts)
        if nif_wanted(kind, parsed) and read.method == "ocr":
            nif_from_the_card_cut_out(cut_out, kind, parsed)
        if nif_wanted(kind, parsed) and read.method == "ocr":
            nif_from_a_laid_out_reading(data, kind, read, parsed)
        if kind in TWO_SIDED_CARDS and read.method == "ocr" and parsed.fields.get("side") == "back":
            parsed = both_sides_from_a_laid_out_reading(data, kind, read, parsed)
        if kind == DocumentKind.CARTAO_CIDADAO and read.method == "ocr" and parsed.fields.get("side") == "front":
            front_gaps_from_a_laid_out_reading(data, kind, read, parsed)
        if kind in PAYSLIP_KINDS and read.method == "ocr" and totals_unread(parsed):
            read, parsed = totals_from_under_coloured_ink(data, kind, read, parsed)
        if read.method == "ocr" and gaps_wanted(kind, parsed):
            gaps_from_a_laid_out_reading(data, kind, read, parsed)
        if kind in IDENTITY_KINDS and read.method == "ocr" and accents_unread(kind, parsed):
            accents_from_a_laid_out_reading(data, read, parsed)
        others = parsed.other_documents
        if kind in PAYSLIP_KINDS:
            parsed, others = one_payslip(kind, read, parsed)
        if narrowed:
            parsed.warnings.append(OTHER_DOCUMENTS_IN_FILE)
        if kind in GARNISHED_KINDS and garnished(read.lines):
            parsed.warnings.append(GARNISHMENT)
        if kind in IDENTITY_KINDS and specimen_document(data, [read.text, *extra_mrz_texts]):
            parsed.warnings.append(SPECIMEN)
        fields, confidence, warnings = validated(kind, parsed, document_type=document_type)
        if kind in IDENTITY_KINDS and nothing_of_the_holder(fields):
            raise ExtractionFailed(
                PASSPORT_COVER_REFUSED if passport_page_without_data(kind, read) else IDENTITY_DATA_UNREAD
            )
        if (
            kind in PAYSLIP_KINDS
            and read.method == "ocr"
            and not others
            and nobodys_payslip_of_no_month(fields, warnings)
        ):
            raise ExtractionFailed(PAYSLIP_WHOSE_AND_WHEN_UNREAD)
        return ExtractionResult(
            kind=kind,
            fields=fields,
            confidence=confidence,
            warnings=warnings,
            pages=read.pages,
            method="ocr" if read.method == "ocr" else "text",
            extractor=self.name,
            extractor_version=self.version,
            parts=[part_of_the_file(kind, other, document_type=document_type) for other in others],
        )


# The fields that name, number or date an identity document's holder. A card or a page recognised by its title and
# captions of which none of these was read (a blank template, a photo too blurred for its values) identifies no one:
# it is refused, telling the sender what to send, rather than kept as a document of its kind with every field missing
# (blind probe r55b: a blank Cartão de Cidadão read as a front with only its nationality, from the card's header).
# An MRZ read whose check digits fail is kept: that is a signal for staff, not a reading to ask again for.
HOLDER_FIELDS = ("full_name", "surname", "given_names", "nif", "document_number", "date_of_birth", "expiry_date")
IDENTITY_DATA_UNREAD = (
    "O documento de identificação foi reconhecido, mas não se leu nenhum dos dados do titular (nome, número, datas): "
    "envie uma fotografia ou digitalização nítida, direita e com boa luz, com o documento inteiro e preenchido."
)


# A passport recognised by its title ("PASSAPORTE", the state's name) on a picture of a few rows that prints none of a
# data page's captions (a name's, a date's, a number's): its cover, or another of its pages. Asked for "a sharper photo
# of the whole document", the sender would photograph the cover again (blind probe r74a, F8): the data page is what
# to send. A text layer naming a passport (an e-mail's "segue o meu passaporte") is no page of one.
PASSPORT_COVER_REFUSED = (
    "Este documento é a capa ou outra página de um passaporte, sem os dados do titular: envie a página de dados do "
    "passaporte (a da fotografia e das duas linhas da zona de leitura ótica, com «<<<»)."
)


def passport_page_without_data(kind: DocumentKind, read: ReadDocument) -> bool:
    """Whether a passport's picture, as short as a cover, prints none of a data page's captions."""
    folded = fold(read.text)
    return (
        kind == DocumentKind.PASSAPORTE
        and read.method == "ocr"
        and len(read.lines) <= CARD_SIDE_LINES
        and not any(label.search(folded) for label in ID_LABELS.values())
    )


def nothing_of_the_holder(fields: dict[str, Any]) -> bool:
    """Whether an identity document's reading holds none of its holder's fields and no MRZ."""
    return not any(fields.get(name) for name in HOLDER_FIELDS) and fields.get("mrz_valid") is None


# A payslip's picture of which neither the worker (name or NIF) nor the month was read: its amounts, if any read,
# can be no one's income of no month, and the screening could only leave it uncounted, telling the sender nothing of
# why. Refused instead, asking for what would let it be read (blind probe r57a: a photo of a monitor, the page a third
# of the frame, read as an employer and a net). Only a picture: a PDF's text layer reads the same however it is sent
# again. A month withheld as implausible or to come was printed, and says so itself.
PAYSLIP_WHOSE_AND_WHEN_UNREAD = (
    "Não foi possível ler neste recibo de vencimento de quem é nem de que mês é (a letra está pequena, desfocada ou "
    "cortada): envie uma fotografia mais próxima, nítida e direita do recibo inteiro, ou o PDF original."
)
PERIOD_PRINTED_WARNINGS = frozenset({"period_implausible", PERIOD_IN_FUTURE})


def nobodys_payslip_of_no_month(fields: dict[str, Any], warnings: list[str]) -> bool:
    """Whether a payslip's reading names no worker (no name, no NIF) and no month, nor warns of a month printed."""
    return (
        not fields.get("employee_name")
        and not fields.get("employee_nif")
        and not fields.get("period")
        and not PERIOD_PRINTED_WARNINGS.intersection(warnings)
    )


def validated(
    kind: DocumentKind, parsed: Parsed, *, document_type: str
) -> tuple[dict[str, Any], dict[str, float], list[str]]:
    """The fields through the kind's schema and the checks, their confidence, and every warning once."""
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type=document_type)
    # A field dropped by the checks has no confidence left to report.
    confidence = {name: value for name, value in parsed.confidence.items() if fields.get(name) is not None}
    return fields, confidence, list(dict.fromkeys([*parsed.warnings, *checked]))


def part_of_the_file(kind: DocumentKind, parsed: Parsed, *, document_type: str) -> ExtractionPart:
    fields, confidence, warnings = validated(kind, parsed, document_type=document_type)
    return ExtractionPart(fields=fields, confidence=confidence, warnings=warnings)


def amounts_from_the_pictures(
    data: bytes, document_type: str, read: ReadDocument, kind: DocumentKind, narrowed: bool
) -> tuple[ReadDocument, DocumentKind, bool]:
    """The document read again with its pages' pictures OCR'd, when its text layer gives none of the amounts an
    income document prints (or not enough to be known) and it draws pictures: the amounts may be pictures beside their
    text captions (a payroll portal's export; the payslip came back with no amount and no refusal: blind probe r52a,
    A06). That reading is kept when it gives the same kind of document with amounts; a text layer that gives an amount
    (a payslip with a logo) is not OCR'd at all."""
    if (
        document_type == "ID_DOCUMENT"
        or kind in IDENTITY_KINDS
        or read.method != "text"
        or sniff_content_type(data[:1024]) != "application/pdf"
    ):
        return read, kind, narrowed
    if kind != DocumentKind.UNKNOWN and any(
        isinstance(value, Decimal) for value in parse_document(kind, read.lines).fields.values()
    ):
        return read, kind, narrowed
    again = read_pdf(data, pictures_read=True)
    if again.method != "ocr":
        return read, kind, narrowed  # no page draws a picture, or OCR read nothing there
    if document_type == "PROOF_OF_INCOME":
        again = without_pages_of_prose(again)
    again_kind = classify(again.text)
    if again_kind == DocumentKind.UNKNOWN or kind not in {DocumentKind.UNKNOWN, again_kind}:
        return read, kind, narrowed
    again, again_kind, again_narrowed = pages_of_the_declared_type(again, again_kind, document_type)
    if not again_narrowed:
        again, again_narrowed = without_pages_of_other_documents(again, again_kind, document_type)
    if not any(isinstance(value, Decimal) for value in parse_document(again_kind, again.lines).fields.values()):
        return read, kind, narrowed
    return again, again_kind, again_narrowed


def identity_from_the_pictures(
    data: bytes, document_type: str, read: ReadDocument, kind: DocumentKind, narrowed: bool
) -> tuple[ReadDocument, DocumentKind, bool]:
    """A PDF sent as the identity document whose text layer gives no holder's field, read again with its pages'
    pictures OCR'd: an e-mail printed to PDF with the card's or the passport's photo inline (blind probe r57a, 22
    and 26). Its text layer is the e-mail's words, which name the kind ("envio o cartão de cidadão") or none ("see
    below"), and the photo was never read: the card came back empty, or refused as not recognised. That reading is
    kept when it gives an identity document (or an MRZ); pages that draw no picture are read as before, and a text
    layer that gives the holder (a digital card's PDF with its photo) is not OCR'd at all."""
    if (
        document_type != "ID_DOCUMENT"
        or read.method != "text"
        or sniff_content_type(data[:1024]) != "application/pdf"
        or text_layer_gives_the_holder(read, kind, document_type)
    ):
        return read, kind, narrowed
    again = read_pdf(data, pictures_read=True)
    if again.method != "ocr":
        return read, kind, narrowed  # no page draws a picture, or OCR read nothing there
    again_kind = classify(again.text)
    if again_kind not in IDENTITY_KINDS and not (
        again_kind == DocumentKind.UNKNOWN and read_mrz(line.text for line in again.lines) is not None
    ):
        return read, kind, narrowed
    again, again_kind, again_narrowed = pages_of_the_declared_type(again, again_kind, document_type)
    if not again_narrowed:
        again, again_narrowed = without_pages_of_other_documents(again, again_kind, document_type)
    return again, again_kind, again_narrowed


def text_layer_gives_the_holder(read: ReadDocument, kind: DocumentKind, document_type: str) -> bool:
    """Whether a reading is of an identity document with one of its holder's fields or an MRZ read."""
    if kind not in IDENTITY_KINDS:
        return False
    fields, _, _ = validated(kind, parse_document(kind, read.lines), document_type=document_type)
    return not nothing_of_the_holder(fields)


# A file holding more than the document it was sent as: its pages of that type were read, the others left.
OTHER_DOCUMENTS_IN_FILE = "other_documents_in_file"


# A page that can hold a proof of income prints an amount or a nine-digit number (a NIF, a NISS's start).
INCOME_PAGE_FIGURES = re.compile(rf"{MONEY.pattern}|(?<!\d)\d{{9}}(?!\d)")


def without_pages_of_prose(read: ReadDocument) -> ReadDocument:
    """A proof of income's file without its pages of prose alone, no amount nor any NIF on them: a bank's covering
    letter before the payslip ("remetemos em anexo cópia do recibo de vencimento"), a page of terms after it. Read
    whole, the letter's bank was taken for the employer (blind probe r34a, 3 of 3 such files). A file of such pages
    only is read whole, as before."""
    if len(read.page_starts) < 2:
        return read
    bounds = [*read.page_starts, len(read.lines)]
    pages = [read.lines[start:end] for start, end in itertools.pairwise(bounds)]
    kept = [lines for lines in pages if any(INCOME_PAGE_FIGURES.search(line.text) for line in lines)]
    if not kept or len(kept) == len(pages):
        return read
    return ReadDocument(
        lines=[line for lines in kept for line in lines],
        pages=read.pages,
        method=read.method,
        turns=read.turns,
        page_starts=tuple(itertools.accumulate((len(lines) for lines in kept[:-1]), initial=0)),
    )


def pages_of_the_declared_type(
    read: ReadDocument, kind: DocumentKind, document_type: str
) -> tuple[ReadDocument, DocumentKind, bool]:
    """A PDF of several documents (a CC's two sides and three payslips scanned together, sent once as the
    identity document and once as the proof of income) read whole as something else than it was sent as:
    only its pages of the declared type, when it has any, and whether it was so narrowed.

    Read whole, the payslips' words won, and the card sent as the identity document was not read at all
    (round 22). A page counts by its own kind, or, for an identity document, by an MRZ on it (a card's back
    whose captions OCR missed). A file holding no page of the declared type is read whole, as before.
    """
    expected = KINDS_BY_DOCUMENT_TYPE.get(document_type)
    if expected is None or kind in expected or len(read.page_starts) < 2:
        return read, kind, False
    bounds = [*read.page_starts, len(read.lines)]
    pages = [read.lines[start:end] for start, end in itertools.pairwise(bounds)]
    kept = [lines for lines in pages if page_of_type(lines, expected, identity=document_type == "ID_DOCUMENT")]
    if not kept:
        return read, kind, False
    starts = tuple(itertools.accumulate((len(lines) for lines in kept[:-1]), initial=0))
    narrowed = ReadDocument(
        lines=[line for lines in kept for line in lines],
        pages=read.pages,
        method=read.method,
        turns=read.turns,
        page_starts=starts,
    )
    narrowed_kind = classify(narrowed.text)
    if narrowed_kind not in expected:
        return read, kind, False
    return narrowed, narrowed_kind, True


def without_pages_of_other_documents(
    read: ReadDocument, kind: DocumentKind, document_type: str
) -> tuple[ReadDocument, bool]:
    """A file read as the type it was sent as, without its pages of another document (``page_of_another_document``)
    and whether any was left out.

    Read whole, the other page's words were read as the document's own (blind probe r49a: a CC scanned before the
    payslip gave the payslip the card's caption "Given Names" as the employee's name; a bank's transfer receipt after
    it gave its "Ordenante: <employer>" as the employer's name), and nobody was told the file held more. The pages
    left must still read as the same kind; a file of one page is read whole, as before.
    """
    expected = KINDS_BY_DOCUMENT_TYPE.get(document_type)
    if expected is None or kind not in expected or len(read.page_starts) < 2:
        return read, False
    bounds = [*read.page_starts, len(read.lines)]
    pages = [read.lines[start:end] for start, end in itertools.pairwise(bounds)]
    kept = [lines for lines in pages if not page_of_another_document(lines, expected)]
    if not kept or len(kept) == len(pages):
        return read, False
    narrowed = ReadDocument(
        lines=[line for lines in kept for line in lines],
        pages=read.pages,
        method=read.method,
        turns=read.turns,
        page_starts=tuple(itertools.accumulate((len(lines) for lines in kept[:-1]), initial=0)),
    )
    if classify(narrowed.text) != kind:
        return read, False
    return narrowed, True


# A bank's record of a transfer, by its title opening a line ("Comprovativo de transferência", "Comprovativo de
# operação", "Transfer confirmation") or by the payer's and the payee's captions each opening a line ("Ordenante:",
# "Beneficiário:"). A payslip says it was paid by transfer inside a sentence, never so.
BANK_TRANSFER = re.compile(
    r"^\W*(?:comprovativo\s+d[ea]\s+(?:transferencia|operacao|ordem\s+de\s+transferencia)"
    r"|(?:transfer|payment)\s+(?:receipt|confirmation))"
)
TRANSFER_PAYER = re.compile(r"^\W*(?:ordenante|ordering\s+(?:party|customer))\b", re.M)
TRANSFER_PAYEE = re.compile(r"^\W*(?:beneficiario|beneficiary|payee)\b", re.M)


def page_of_another_document(lines: list[Line], expected: frozenset[DocumentKind]) -> bool:
    """Whether a page is of a document of another type than the file was sent as: a page that reads by itself as a
    document of another kind (an identity card's scan in a proof of income), or a bank's record (a transfer's receipt,
    an account's statement), which proves no income by itself. A page of no kind (a payslip's second page, an
    e-mail's cover, a page of notes) is the document's own."""
    text = "\n".join(line.text for line in lines)
    page_kind = classify(text)
    if page_kind in expected:
        return False
    if page_kind != DocumentKind.UNKNOWN:
        return True
    folded = fold(text)
    transfer = any(BANK_TRANSFER.search(line) for line in folded.splitlines()) or bool(
        TRANSFER_PAYER.search(folded) and TRANSFER_PAYEE.search(folded)
    )
    return transfer or bool(BANK_STATEMENT.search(folded))


def page_of_type(lines: list[Line], expected: frozenset[DocumentKind], *, identity: bool) -> bool:
    text = "\n".join(line.text for line in lines)
    page_kind = classify(text)
    if page_kind in expected:
        return True
    if not identity:
        return False
    # A card's front whose title OCR lost counts by its Cartão de Cidadão number, the check character holding, as
    # ``card_by_its_number`` takes a photo of one (blind probe r42a: a front, a payslip and the back in one PDF sent
    # as the identity document; the front dropped, the card read as its back alone, named as its MRZ spells it and
    # without its number). A page of another kind printing its holder's number (a payslip's "CC n.º") stays out.
    front = page_kind == DocumentKind.UNKNOWN and next(checked_cc_numbers(text.upper()), None) is not None
    return front or read_mrz(line.text for line in lines) is not None


# An identity document whose MRZ lines were read but make no MRZ: a photocopy or a photo that cut its last line off,
# or a thumb over it (doc probe 31: told it was no identity document at all).
MRZ_CUT = (
    "A zona de leitura ótica do documento (as linhas com «<<<») está cortada ou ilegível: envie uma fotografia ou "
    "digitalização do documento inteiro, com essas linhas completas."
)
# MRZ-shaped lines read that made no MRZ: two of a card's three, or one of a passport's two.
MRZ_LINES_OF_A_CUT_ZONE = 1
# An identity document of whose MRZ lines some were read sharp (``mrz_line_read_sharp``: each character, its check
# digits holding) and the rest not at all: the zone is cut off at the photo's edge (or covered), which is what the
# sender can mend; never a blur the reading did not find (blind probe r80d, cause 4: a sharp card's back with its
# lower MRZ lines out of the frame told "a imagem está desfocada, escura ou pequena demais").
MRZ_CUT_OFF = (
    "A zona de leitura ótica do documento (as linhas com «<<<») está cortada: a imagem só mostra parte das suas "
    "linhas, e as que mostra leem-se bem. Envie uma fotografia ou digitalização do documento inteiro, com todas "
    "essas linhas completas."
)


def bank_statement(folded: str) -> bool:
    """A bank's account statement: titled so, or its movements' table under its header (blind probe r78c, F8)."""
    return bool(BANK_STATEMENT.search(folded) or BANK_MOVEMENTS_HEADER.search(folded))


def refusal(read: ReadDocument, document_type: str, mrz_texts: list[str]) -> str:
    """Why a file no parser recognised is refused, as the sender can act on it. An MRZ's line read sharp says the
    photo is no blur, whatever else it read: its zone is cut (``MRZ_CUT_OFF``), before any verdict of illegibility."""
    # A line of prose with brackets cleans up with fillers ("convocado(a) para ..."); an MRZ line is in capitals
    # (blind probe r33b: an appointment letter told its MRZ was cut).
    read_mrz_lines = [line.text for line in read.lines if mrz_line(line.text)]
    mrz_shaped = {clean_line(text) for text in [*read_mrz_lines, *mrz_texts]}
    if document_type == "ID_DOCUMENT" and any(mrz_line_read_sharp(text) for text in mrz_shaped):
        return MRZ_CUT_OFF
    if illegible(read):
        return ILLEGIBLE
    if document_type == "ID_DOCUMENT" and sum(looks_like_mrz(text) for text in mrz_shaped) >= MRZ_LINES_OF_A_CUT_ZONE:
        return MRZ_CUT
    folded = fold(read.text)
    for declared, says_so, reason in DOCUMENTS_THAT_SAY_WHAT_THEY_ARE:
        if document_type == declared and says_so(folded):
            return study_grant_reason(folded) if reason == STUDY_GRANT_REFUSED else reason
    return UNRECOGNISED.get(document_type, UNRECOGNISED_ANY)


def study_grant_reason(folded: str) -> str:
    """A student's grant's reason with what it pays a month, where read ("de 280,00 € + 250,00 € por mês": the grant
    and its housing supplement), for the student and the agency to weigh without opening the letter (blind probe
    r77d, F2); without an amount read, the reason of its own."""
    amounts = study_grant_monthly_amounts(folded)
    if not amounts:
        return STUDY_GRANT_REFUSED
    return STUDY_GRANT_MONTHLY_REFUSED % {"amounts": " + ".join(format_eur(amount) for amount in amounts)}


# A pension's simulation, or a claim for one not yet decided (blind probe r37b): no pension is paid yet. The sender
# is told what would prove one.
PENSION_NOT_PAID = (
    "Este documento é uma simulação ou um pedido de pensão ainda não decidido, não uma pensão paga: envie a "
    "declaração da pensão que recebe (da Segurança Social, da CGA ou do fundo de pensões) ou outro comprovativo "
    "de rendimentos."
)

# A decision refusing a pension (classify.PENSION_REFUSAL; blind probe r48a: read as a pension of 0,00 €): no pension
# is paid. The sender is told what would prove one, or another income.
PENSION_REFUSED = (
    "Este documento é uma decisão que indefere um pedido de pensão, não uma pensão paga: envie a declaração da "
    "pensão que recebe (da Segurança Social, da CGA ou do fundo de pensões) ou outro comprovativo de rendimentos."
)

# A pro-forma invoice or a quote (blind probe r38a): nothing was sold or paid yet. The sender is told what proves an
# independent worker's income.
NOT_BILLED_YET = (
    "Este documento é uma fatura pró-forma ou um orçamento, que não prova um pagamento recebido: envie as "
    "faturas-recibo (ou a fatura e o recibo) emitidas no Portal das Finanças ou no programa de faturação, ou outro "
    "comprovativo de rendimentos."
)

# A listing of faturas-recibo (classify.invoice_listing; blind probe r48a: the Portal's "Consultar faturas e recibos"
# read as one fatura-recibo, its first row): it prints no amount received, no client's name and rows that may be
# cancelled. The sender is told to send the faturas-recibo themselves.
INVOICE_LISTING_REFUSED = (
    "Este documento é uma lista de faturas-recibo (como a consulta do Portal das Finanças), não as faturas-recibo: "
    "envie as próprias faturas-recibo (o PDF de cada uma, emitido no Portal das Finanças ou no programa de "
    "faturação) ou outro comprovativo de rendimentos."
)

# A salary simulation or an offer's estimate (classify.SIMULATION; blind probe r41a: told only "not recognised"): no
# month was paid yet. The sender is told what would prove the pay.
SALARY_NOT_PAID = (
    "Este documento é uma simulação ou uma estimativa de vencimento, não um recibo de um mês pago: envie os recibos "
    "de vencimento dos últimos meses ou outro comprovativo de rendimentos."
)

# A payslip's draft or preview (classify.draft_payslip; blind probe r66a: read as a month paid): its amounts may
# change before payroll is approved, and it says it proves no payment. The sender is told to send the final one.
DRAFT_PAYSLIP_REFUSED = (
    "Este documento é um rascunho ou uma pré-visualização de recibo de vencimento, não o recibo final de um mês "
    "pago: envie o recibo de vencimento final emitido pela entidade patronal ou outro comprovativo de rendimentos."
)

# An IRS simulation (classify.tax_simulation; blind probe r43a: read as a return): its amounts are estimates of a
# return not filed. The sender is told what proves the income: the return as filed, or the nota de liquidação.
TAX_NOT_FILED = (
    "Este documento é uma simulação do IRS, não uma declaração entregue: envie a declaração de IRS (Modelo 3) "
    "entregue com o seu comprovativo, a nota de liquidação ou outro comprovativo de rendimentos."
)

# A return or a nota marked as a draft, not submitted, or a simulation's (classify.tax_draft; blind probe r73d: a
# Modelo 3 headed "RASCUNHO — declaração não submetida" counted as income): it declares nothing yet. The sender is
# told what proves the income, as for a simulation.
TAX_DRAFT_REFUSED = (
    "Este documento é um rascunho ou uma declaração de IRS por submeter (ou uma simulação), não uma declaração "
    "entregue: envie a declaração de IRS (Modelo 3) entregue com o seu comprovativo, a nota de liquidação ou outro "
    "comprovativo de rendimentos."
)

# A temporary Segurança Social benefit (classify.TEMPORARY_BENEFIT; blind probe r46a: an unemployment benefit's
# letter told only "not recognised"): docs/api.md refuses it, as it ends. The sender is told why, and what counts,
# worded for someone who has already sent their payslips too (blind probe r68b: a new job's first payslip beside
# the unemployment benefit that ended with it, told to "envie recibos de vencimento").
TEMPORARY_BENEFIT_REFUSED = (
    "Este documento é de uma prestação temporária da Segurança Social (subsídio de desemprego, de doença ou "
    "parental), que não é contada como rendimento por ter um fim. O rendimento conta pelos recibos de vencimento, "
    "pelas faturas-recibo ou pela declaração da pensão: se trabalha ou recebe uma pensão e ainda não os enviou, "
    "envie-os; os que já enviou contam."
)

# The Rendimento Social de Inserção (classify.SOCIAL_INSERTION_INCOME; blind probe r64a: told only "not
# recognised"): a means-tested support, granted for a year and renewed only while the household's means stay low, no
# lasting income a rent is paid from. The sender is told why, what counts, and that a guarantor can stand in.
SOCIAL_INSERTION_INCOME_REFUSED = (
    "Este documento é do Rendimento Social de Inserção (RSI), um apoio atribuído conforme os rendimentos do agregado "
    "e renovado todos os anos, que não é aceite como rendimento: envie recibos de vencimento, faturas-recibo, a "
    "declaração da pensão ou outro comprovativo de rendimentos do trabalho ou de pensão; se não os tem, um fiador "
    "pode enviar os seus próprios comprovativos de rendimentos."
)

# The abono de família (classify.FAMILY_ALLOWANCE; blind probe r64a: told only "not recognised"): paid for the
# children's keep, not the parent's income. The sender is told why and what counts.
FAMILY_ALLOWANCE_REFUSED = (
    "Este documento é do abono de família, uma prestação destinada aos filhos, que não é aceite como rendimento de "
    "quem arrenda: envie recibos de vencimento, faturas-recibo, a declaração da pensão ou outro comprovativo de "
    "rendimentos do trabalho ou de pensão."
)

# A rent receipt (classify.RENT_RECEIPT; blind probe r46a: told only "not recognised"): it proves the rent a
# landlord received from one tenant in one month, and no parser reads it. A landlord's rental income is proved
# by the year's IRS return, whose Anexo F declares it, or the nota de liquidação; a tenant's receipt proves
# no income of theirs at all.
RENT_RECEIPT_REFUSED = (
    "Este documento é um recibo de renda, que não é lido como comprovativo de rendimentos: se recebe rendas, envie "
    "a declaração de IRS com o Anexo F ou a nota de liquidação; senão, envie recibos de vencimento, faturas-recibo, "
    "a declaração da pensão ou outro comprovativo de rendimentos."
)

# A receipt for a salary advance (classify.SALARY_ADVANCE; blind probe r47b: told only "not recognised"): a sum
# paid ahead of a month, which that month's payslip deducts. The sender is told why, and that the payslip is what
# proves the month.
SALARY_ADVANCE_REFUSED = (
    "Este documento é um recibo de adiantamento por conta do vencimento, não o recibo de vencimento de um mês: "
    "envie os recibos de vencimento dos últimos meses (o adiantamento vem descontado no recibo desse mês)."
)

# A statement of travel expenses (classify.expense_statement: per diems and kilometres; blind probe r50a: read as a
# payslip with every amount null). It refunds what working away cost, it pays no work, and a rent is not paid from
# it. The sender is told why, and that the payslips are what prove the pay.
EXPENSE_STATEMENT_REFUSED = (
    "Este documento é um mapa de ajudas de custo ou de despesas de deslocação, que reembolsa despesas e não é "
    "vencimento: envie os recibos de vencimento dos últimos meses ou outro comprovativo de rendimentos."
)

# The Segurança Social's extract of remunerations (classify.SS_REMUNERATIONS_EXTRACT; blind probe r47b: told only
# "not recognised"): the gross amounts an employer declared for contributions, not the pay received, and no parser
# reads it. The sender is told what proves the pay.
SS_EXTRACT_REFUSED = (
    "Este documento é um extrato de remunerações da Segurança Social (carreira contributiva), que mostra os valores "
    "declarados para contribuições e não o vencimento recebido: envie os recibos de vencimento dos últimos meses "
    "ou outro comprovativo de rendimentos."
)

# An employer's yearly declaration of income and withholdings (classify.payers_yearly_declaration, art. 119.º
# CIRS; blind probe r47b: read as an IRS return with every amount null). It is no return and no kind reads it: a
# year's income stands in only from the AT's documents (docs/api.md), and the months from the payslips. The
# sender is told what to send instead.
PAYERS_DECLARATION_REFUSED = (
    "Este documento é a declaração anual de rendimentos e retenções da entidade patronal (art. 119.º do Código do "
    "IRS), que não é lida como comprovativo de rendimentos: envie os recibos de vencimento dos últimos meses, ou a "
    "declaração de IRS entregue ou a nota de liquidação desse ano."
)

# The Segurança Social's quarterly declaration of an independent worker (classify.SS_QUARTERLY_DECLARATION; blind
# probe r48a: told only "not recognised"): the amounts declared for contributions, not received. The sender is
# told what proves an independent worker's income (docs/api.md: faturas-recibo, the return, the nota).
SS_QUARTERLY_REFUSED = (
    "Este documento é a declaração trimestral de trabalhador independente da Segurança Social, com os valores "
    "declarados para contribuições e não os recebidos: envie as faturas-recibo (ou as faturas e os recibos) dos "
    "últimos meses, a declaração de IRS com o Anexo B ou a nota de liquidação."
)

# A bank's account statement (classify.BANK_STATEMENT; blind probe r48a: told only "not recognised"): a credit says
# an amount came in, not what it is nor its gross. The sender is told what proves the income it may be.
BANK_STATEMENT_REFUSED = (
    "Este documento é um extrato bancário, que mostra movimentos da conta mas não prova de onde vem nem o valor "
    "bruto de um rendimento: envie a declaração da pensão, os recibos de vencimento, as faturas-recibo ou outro "
    "comprovativo emitido por quem paga."
)

# A research fellowship's declaration, contract or monthly payment note (classify.research_grant; blind probe r62a:
# told only "not recognised ... send payslips", which a fellow has none of). The grant is exempt from IRS, so no
# return shows it either, and no rule counts it yet (docs/api.md). The sender is told what helps: the agency can weigh
# the grant beside the report from its contract or the institution's declaration, and a guarantor can cover the rent.
RESEARCH_GRANT_REFUSED = (
    "Este documento é de uma bolsa de investigação (Estatuto do Bolseiro de Investigação), que não tem recibo de "
    "vencimento nem entra na declaração de IRS e não é contada como rendimento: envie à agência o contrato de bolsa "
    "ou a declaração da instituição com o valor mensal e a data de fim da bolsa, para que a considere ao lado do "
    "relatório; um fiador também pode garantir a renda, enviando os seus próprios comprovativos de rendimentos."
)

# A student's certificate of enrolment (classify.enrolment_certificate; blind probe r62a: told only "not recognised
# ... send payslips"): it proves studies, not income. A student without income can have a guarantor, whose own
# proofs count (docs/api.md).
ENROLMENT_CERTIFICATE_REFUSED = (
    "Este documento é um certificado de matrícula ou de inscrição, que prova os estudos mas não um rendimento: se "
    "tem rendimentos, envie os seus comprovativos (recibos de vencimento, faturas-recibo ou outro); se não tem, um "
    "fiador pode enviar os seus próprios comprovativos de rendimentos."
)

# A student's grant for their studies or a mobility (classify.study_grant; blind probe r77d, F2: a DGES bolsa de estudo
# and an Erasmus+ grant agreement told only "not recognised ... send payslips"). Not counted as income: it is paid for
# the academic year's or the mobility's months only, decided year by year on the family's means and ends with the
# enrolment, as a research grant is not counted either (docs/adr/042-reasons-say-what-happened.md). The sender is told
# what it is, that the agency can weigh its monthly amount beside the report, and that a guarantor can cover the rent.
STUDY_GRANT_REFUSED = (
    "Este documento é de uma bolsa de estudo ou de mobilidade (da DGES, de uma universidade, de um município, de uma "
    "fundação ou do Erasmus+), que não é contada como rendimento por ser paga só nos meses do ano letivo ou da "
    "mobilidade e depender da matrícula: a agência pode considerar o valor mensal indicado no documento ao lado do "
    "relatório; um fiador pode garantir a renda, enviando os seus próprios comprovativos de rendimentos."
)

# A payslip by its title and its parties' captions whose amounts OCR could not read (classify.payslip_amounts_unread;
# blind probe r46a: a photo whose table was lost told to send payslips, which it was). The sender is told to send
# a better copy of the same payslip.
PAYSLIP_AMOUNTS_UNREAD = (
    "Não foi possível ler os valores deste recibo de vencimento (vencimentos, descontos e líquido): envie uma "
    "fotografia nítida, direita e com boa luz do recibo inteiro, ou o PDF original."
)

# A company's payroll summary (classify.payroll_summary, one table of several workers' pay; blind probe r46b: told
# only "not recognised ... send payslips"): it is no one's payslip. The sender is told why, and to send each
# person's own payslips.
PAYROLL_SUMMARY_REFUSED = (
    "Este documento é um mapa de remunerações da empresa, com o vencimento de várias pessoas, e não o recibo de "
    "vencimento de uma: envie os recibos de vencimento próprios de cada pessoa, um por mês."
)

# A contract of employment (classify.employment_contract; blind probe r46b: told only "not recognised"): it proves
# the job, not a month paid. The payslips are what the income counts; an employer's declaration is read and stated
# beside them (docs/api.md, DECLARACAO_ENTIDADE_PATRONAL).
EMPLOYMENT_CONTRACT_REFUSED = (
    "Este documento é um contrato de trabalho, que prova o emprego mas não um vencimento pago: envie os recibos de "
    "vencimento dos últimos meses; uma declaração da entidade patronal também é lida e indicada ao lado deles."
)

# A certificate of temporary protection (classify.TEMPORARY_PROTECTION): it grants residence but proves no identity,
# as docs/api.md says (blind probe r41a: told only "not recognised", the passport one option among others).
NO_IDENTITY_PROVED = (
    "Este documento é um certificado de proteção temporária, que autoriza a residência mas não prova a identidade: "
    "envie a página de dados do passaporte (a da fotografia) ou outro documento de identificação com fotografia."
)

# A driving licence (classify.DRIVING_LICENCE; blind probe r47a: a Brazilian CNH read as a Cartão de Cidadão's back
# whose number did not read): it is no identity document the product reads. The sender is told so, and what counts.
DRIVING_LICENCE_REFUSED = (
    "Este documento é uma carta de condução, que não é aceite como documento de identificação: envie o Cartão de "
    "Cidadão (frente e verso), a página de dados do passaporte (a da fotografia), o título de residência ou o cartão "
    "de identidade do seu país."
)

# A card's back that prints only its holder's address and the authority that issued it ("Domiciliu / Adresse /
# Address", "Emisă de / Délivrée par / Issued by"): nothing on it names or dates anyone, so nothing is read, and the
# sender is told the front is what identifies (blind probe r45a: a Romanian card's back was told "not recognised
# ... send your country's identity card", which the sender had just sent).
ADDRESS_ONLY_BACK = (
    "Este é o verso de um cartão de identidade, que só indica a morada e a entidade emissora: não identifica o "
    "titular. Envie a frente do cartão (com a fotografia, o nome, as datas e o número), ou as duas faces numa só "
    "imagem."
)
ISSUING_AUTHORITY_CAPTION = re.compile(
    r"issued\s+by|issuing\s+authority|delivree\s+par|emitid[oa]\s+(?:por|de)|emisa?\s+de|entidade\s+emissora"
    r"|expedid[oa]\s+por|rilasciat[oa]\s+da|(?<![a-z])beh[oö]rde(?![a-z])|(?<![a-z])authority(?![a-z])"
)
# A card's side prints a handful of rows; a letter or a bill with an address and an issuer prints many more.
CARD_SIDE_LINES = 12


# A card's front nothing recognised (its title in a script or a language no sign knows, or OCR lost it), that still
# prints an identity's captions: a name's, a birth date's, an expiry's, a number's. The sender is told what would
# let it be read, the back with its MRZ or a sharper front, not to send the card they sent (blind probe r47a: a
# Ukrainian card's front was told "send your country's identity card"). The reading sees one file, not whether the
# back came in another: "if you have not sent it yet" (blind probe r66c: a German front asked for the back sent with it).
CARD_FRONT_UNREAD = (
    "Não foi possível reconhecer este documento de identificação pela frente: se ainda não o enviou, envie também o "
    "verso do cartão, com a zona de leitura ótica (as linhas com «<<<»); ou envie uma fotografia mais nítida, direita "
    "e com boa luz da frente."
)
# How many kinds of an identity's captions (``ID_LABELS``: names, sex, nationality, dates, number) make a card's
# side: a letter or a form names one or two of them.
CARD_FRONT_CAPTIONS = 4
# A card's front prints more rows than its back: a caption over each value, in one or two languages.
CARD_FRONT_LINES = 18


# A sentence of a letter's body, on a line of its own: eight words or more ending in a full stop. A card prints
# captions and values, never prose.
BODY_SENTENCE = re.compile(r"^[^\w\n]*(?:\S+[^\S\n]+){7,}\S*[a-z]\.[^\S\n]*$", re.MULTILINE)


def unrecognised_card_front(folded: str) -> bool:
    """Whether the page is a card's side, as short as one, that prints the captions of an identity's fields, and
    no letter's sentence: an appointment letter captions the name, nationality, birth date and a case number too
    (blind probe r77c, F5: told to send "the back of the card, with the MRZ" of a letter that has neither)."""
    lines = [line for line in folded.splitlines() if line.strip()]
    captions = sum(bool(label.search(folded)) for label in ID_LABELS.values())
    return len(lines) <= CARD_FRONT_LINES and captions >= CARD_FRONT_CAPTIONS and not BODY_SENTENCE.search(folded)


def address_only_back(folded: str) -> bool:
    """Whether the page is a card's back with an address and its issuer's caption and no caption of an identity's
    fields (a name, a birth date, a number): as short as a card's side."""
    lines = [line for line in folded.splitlines() if line.strip()]
    return (
        len(lines) <= CARD_SIDE_LINES
        and bool(ADDRESS_CAPTION.search(folded) and ISSUING_AUTHORITY_CAPTION.search(folded))
        and not any(label.search(folded) for label in ID_LABELS.values())
    )


# Refused documents that say what they are, in the order tried (an IRS simulation before a salary one): the declared
# type, the sign on the folded text, the reason that tells the sender what to send instead.
DOCUMENTS_THAT_SAY_WHAT_THEY_ARE: tuple[tuple[str, Callable[[str], object], str], ...] = (
    ("PROOF_OF_INCOME", pension_not_paid, PENSION_NOT_PAID),
    ("PROOF_OF_INCOME", pension_refused, PENSION_REFUSED),
    ("PROOF_OF_INCOME", pro_forma_or_quote, NOT_BILLED_YET),
    ("PROOF_OF_INCOME", invoice_listing, INVOICE_LISTING_REFUSED),
    ("PROOF_OF_INCOME", tax_simulation, TAX_NOT_FILED),
    ("PROOF_OF_INCOME", tax_draft, TAX_DRAFT_REFUSED),
    ("PROOF_OF_INCOME", SIMULATION.search, SALARY_NOT_PAID),
    ("PROOF_OF_INCOME", draft_payslip, DRAFT_PAYSLIP_REFUSED),
    # Before the payslip's and the employer's signs a grant's payment note shares ("Valor líquido a transferir").
    ("PROOF_OF_INCOME", research_grant, RESEARCH_GRANT_REFUSED),
    ("PROOF_OF_INCOME", enrolment_certificate, ENROLMENT_CERTIFICATE_REFUSED),
    # After the enrolment's: a certificate of enrolment that names the student's grant is still one.
    ("PROOF_OF_INCOME", study_grant, STUDY_GRANT_REFUSED),
    ("PROOF_OF_INCOME", TEMPORARY_BENEFIT.search, TEMPORARY_BENEFIT_REFUSED),
    ("PROOF_OF_INCOME", SOCIAL_INSERTION_INCOME.search, SOCIAL_INSERTION_INCOME_REFUSED),
    ("PROOF_OF_INCOME", FAMILY_ALLOWANCE.search, FAMILY_ALLOWANCE_REFUSED),
    ("PROOF_OF_INCOME", RENT_RECEIPT.search, RENT_RECEIPT_REFUSED),
    ("PROOF_OF_INCOME", SALARY_ADVANCE.search, SALARY_ADVANCE_REFUSED),
    ("PROOF_OF_INCOME", expense_statement, EXPENSE_STATEMENT_REFUSED),
    ("PROOF_OF_INCOME", SS_REMUNERATIONS_EXTRACT.search, SS_EXTRACT_REFUSED),
    ("PROOF_OF_INCOME", payers_yearly_declaration, PAYERS_DECLARATION_REFUSED),
    ("PROOF_OF_INCOME", payroll_summary, PAYROLL_SUMMARY_REFUSED),
    ("PROOF_OF_INCOME", payslip_amounts_unread, PAYSLIP_AMOUNTS_UNREAD),
    ("PROOF_OF_INCOME", employment_contract, EMPLOYMENT_CONTRACT_REFUSED),
    ("PROOF_OF_INCOME", SS_QUARTERLY_DECLARATION.search, SS_QUARTERLY_REFUSED),
    ("PROOF_OF_INCOME", bank_statement, BANK_STATEMENT_REFUSED),
    ("ID_DOCUMENT", TEMPORARY_PROTECTION.search, NO_IDENTITY_PROVED),
    ("ID_DOCUMENT", EU_CITIZEN_REGISTRATION.search, EU_CITIZEN_REGISTRATION_REFUSED),
    ("ID_DOCUMENT", RESIDENCE_APPLICATION.search, RESIDENCE_APPLICATION_REFUSED),
    ("ID_DOCUMENT", DRIVING_LICENCE.search, DRIVING_LICENCE_REFUSED),
    ("ID_DOCUMENT", address_only_back, ADDRESS_ONLY_BACK),
    ("ID_DOCUMENT", unrecognised_card_front, CARD_FRONT_UNREAD),
)


VISA = (
    "Este documento é um visto, que autoriza a entrada, não um documento de identificação: envie a página de dados "
    "do passaporte (a da fotografia) ou o título de residência."
)
# A visa's own title, printed on its sticker ("VISTO / VISA", "VISA D").
VISA_TITLE = re.compile(r"(?<![a-z])(?:visto|visa)(?![a-z])")


def a_visa(data: bytes, read: ReadDocument, kind: DocumentKind, mrz_texts: list[str]) -> bool:
    """Whether the identity document sent is a visa sticker (``visa_zone``): it names and dates a person as a
    passport does, but proves no identity (blind probe r35c: a D8 visa read as a passport, or refused as an MRZ cut
    short). Its MRZ is read on its own only when the page calls itself a visa."""
    if kind not in (DocumentKind.PASSAPORTE, DocumentKind.UNKNOWN) or not VISA_TITLE.search(fold(read.text)):
        return False
    texts = mrz_texts or mrz_ocr_texts(data, turns=read.turns)
    return visa_zone(read_mrz(read.text.splitlines())) or bool(texts and visa_zone(read_mrz(texts)))


def illegible(read: ReadDocument) -> bool:
    """Whether OCR read too little of a picture with confidence to tell what it is."""
    legible = [line for line in read.lines if line.confidence >= LEGIBLE_CONFIDENCE]
    return read.method == "ocr" and len(legible) < LEGIBLE_LINES


def portuguese_card_by_its_mrz(kind: DocumentKind, mrz_texts: list[str]) -> DocumentKind:
    """A card the general reading took for another state's (its MRZ misread there, the title unread) whose MRZ,
    read on its own and every check digit holding, says Portugal issued it: a Cartão de Cidadão or a residence
    permit, as ``classify.foreign_card_checked`` decides on the general reading."""
    mrz = read_mrz(mrz_texts)
    if mrz is None or not mrz.valid or mrz.issuing_state != "PRT":
        return kind
    return kind_from_mrz(mrz)


def card_by_its_number(read: ReadDocument) -> DocumentKind:
    """A photo sent as an identity document whose title and captions OCR lost, but whose Cartão de Cidadão number
    it read with the check character holding ("27701080 2 Zxg"): a Cartão de Cidadão's front (doc probe 30B: two
    legible fronts refused as no identity document). The check character vouches for it, as the MRZ's digits
    vouch for a card on its own."""
    found = next(checked_cc_numbers(read.text.upper()), None)
    return DocumentKind.CARTAO_CIDADAO if found else DocumentKind.UNKNOWN


# A card's front whose title nothing recognised (cut at the photo's edge, "BUNDESREPUBLIK DEUTSCHLAND -
# PERSONALAUSW", or in words no sign knows) that prints an identity's captions in a card's few rows, the holder's
# values under them: another state's identity card, read by those captions (blind probe r66c: a German card's front
# refused, asking for the back sent with it). Only where its reading names the holder and dates both the birth and
# the expiry, as a card does and a form rarely; not a Portuguese national's (whose card is the Cartão de Cidadão),
# nor a page naming a permit (a residence permit's front whose title was lost).
PERMIT_WORDS = re.compile(r"t[ií]tulo|permit|resid[eê]n")


def foreign_card_by_its_captions(read: ReadDocument) -> DocumentKind:
    """Another state's identity card, known by its front's captions and what is read under them."""
    folded = fold(read.text)
    if not unrecognised_card_front(folded) or PERMIT_WORDS.search(folded):
        return DocumentKind.UNKNOWN
    kind = DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    fields = parse_document(kind, read.lines).fields
    named = fields.get("surname") or fields.get("full_name")
    dated = fields.get("date_of_birth") and fields.get("expiry_date")
    if named and dated and fields.get("nationality") != "PRT":
        return kind
    return DocumentKind.UNKNOWN


def needs_mrz_pass(kind: DocumentKind, read: ReadDocument) -> bool:
    """A scan that should carry an MRZ and whose first pass found none with every check digit holding."""
    if read.method != "ocr":
        return False
    first = read_mrz(line.text for line in read.lines)
    if first is not None and first.valid:
        return False
    if first is not None or kind in MRZ_KINDS:
        return True
    if kind == DocumentKind.CARTAO_CIDADAO:
        return bool(CC_BACK_SIGNS.search(fold(read.text)))
    # A scan nothing else recognised may be an MRZ read too poorly the first time: one more pass
    # before refusing it, whatever the upload was declared as.
    return kind == DocumentKind.UNKNOWN


def mrz_from_the_card_cut_out(
    cut_out: Callable[[], list[Line] | None],
    kind: DocumentKind,
    read: ReadDocument,
    parsed: Parsed,
    extra_mrz_texts: list[str],
) -> Parsed:
    """A card or passport photographed on a table whose MRZ did not hold: its MRZ read again from the document cut
    out of the photo, and the reading taken only if every check digit then holds.

    As every photo's first reading the cut cost some of round 19's photos their MRZ, while it gave others theirs
    (round 20's passport on a table): a second reading that the check digits judge costs nothing that held.
    """
    lines = cut_out()
    if not lines:
        return parsed
    again = parse_document(kind, read.lines, extra_mrz_texts=[*extra_mrz_texts, "", *(line.text for line in lines)])
    return again if again.fields.get("mrz_valid") is True else parsed


def mrz_from_the_back_beside_the_front(data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> Parsed:
    """A card's back beside its front in one image whose MRZ did not hold: its MRZ read again from the back's side
    of the page alone, cut at the gap between the two documents, and that reading taken only if every check digit
    then holds. Read across the page, Tesseract took the front's last row (the signature's line) for part of the
    MRZ's rows and misread their characters ("ZZ6" as "7Z76") in every reading of the MRZ pass (blind probe r65b: two
    clean Cartões de Cidadão side by side, ``mrz_check_invalid`` on MRZs whose check digits all hold)."""
    found = mrz_beside_a_gutter(read.lines)
    if found is None or read.turns != (0,) or sniff_content_type(data[:1024]) not in {"image/jpeg", "image/png"}:
        return parsed
    gutter, mrz_on_the_left = found
    # The lines' boxes are the prepared page's, read as it came (turn 0): the cut is made on that page.
    page = prepare_for_ocr(open_image(data))
    side = (0, 0, int(gutter), page.height) if mrz_on_the_left else (int(gutter), 0, page.width, page.height)
    # The back's reading alone: the MRZ pass's readings across the page, the front's row in them, tied with it on
    # the number the misread characters moved, and a tie is never vouched for (``mrz.unambiguous``).
    again = parse_document(kind, read.lines, extra_mrz_texts=list(mrz_read(page.crop(side))))
    return again if again.fields.get("mrz_valid") is True else parsed


def nif_wanted(kind: DocumentKind, parsed: Parsed) -> bool:
    """Whether a card's NIF is missing and worth a second look: a Cartão de Cidadão's back says so; a residence
    permit's back prints one since the AIMA's cards (NIF and NISS over the MRZ), though older ones do not, so it
    is looked for without a warning (blind probe r35c: small captions on a pale background, a photo's first
    reading had only the MRZ)."""
    if MULTIPLE_IDENTITY_DOCUMENTS in parsed.warnings:
        # The card cut out of the page, or the page read again, may be the other person's card (blind probe r42a).
        return False
    if "missing:nif" in parsed.warnings:
        return True
    return (
        kind == DocumentKind.TITULO_RESIDENCIA and parsed.fields.get("side") == "back" and not parsed.fields.get("nif")
    )


def found_nif(parsed: Parsed) -> None:
    if "missing:nif" in parsed.warnings:
        parsed.warnings.remove("missing:nif")


def nif_from_the_card_cut_out(cut_out: Callable[[], list[Line] | None], kind: DocumentKind, parsed: Parsed) -> None:
    """A CC back whose NIF was not read, photographed on a table: the card cut out of the photo and read again,
    for its NIF alone (its check digit vouches for it).

    A card taking half the photo or less prints its NIF a few pixels high; cut out, it is enlarged like any small
    image and read (round 19). Only a second look: as every photo's first reading, the cut cost three of the
    probe's photos on a table a field or their MRZ's check digits.
    """
    lines = cut_out()
    nif = parse_document(kind, lines).fields.get("nif") if lines else None
    if nif:
        parsed.fields["nif"], parsed.confidence["nif"] = nif, VALIDATED_CONFIDENCE
        found_nif(parsed)


def nif_from_a_laid_out_reading(data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> None:
    """A CC back whose NIF was not read, read again with Tesseract finding the page's blocks itself, for its NIF
    alone (under its caption, its check digit holding).

    The reader reads a page as one block of text, which suits pages of one type size; a card's back on a page of
    its own is dominated by its MRZ, printed four times the captions' size, and read so the captions and the
    parents' names were dropped as noise, and the numbers left bare (round 21: the back as a PDF's second page;
    the same back stacked under its front read whole). Read at its own size: the reader's upscaling of a card
    rendered 1000 px wide blurred the NIF on its grey background for this segmentation.

    A back that must print a NIF (``missing:nif``) and still has none is read once more as the reader prepares a
    page (levelled, enlarged, its light evened out): a WhatsApp copy of a tilted back, 1,000 px wide at JPEG
    quality 42, lost the NIF's last digit at its own size ("29556158!") and read it whole so (blind probe r47a).
    The NIF's check digit vouches for either reading.
    """
    for index, image in enumerate(page_images(data)):
        turn = read.turns[index] if index < len(read.turns) else 0
        sizes: list[Callable[[Any], Any]] = [own_size]
        if "missing:nif" in parsed.warnings:
            sizes.append(prepare_for_ocr)
        for size in sizes:
            nif = parse_document(kind, laid_out_reading(turn_page(size(image), turn))).fields.get("nif")
            if nif:
                parsed.fields["nif"], parsed.confidence["nif"] = nif, VALIDATED_CONFIDENCE
                found_nif(parsed)
                return


def both_sides_from_a_laid_out_reading(data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> Parsed:
    """A card's scan (a Cartão de Cidadão, a residence permit, another state's card) read as its back alone, read
    again with Tesseract finding the page's blocks itself; that reading taken when it finds both sides and every
    check digit of the MRZ holds. Every two-sided card, not only the Cartão de Cidadão: an Italian card's front
    photographed beside its back lost its captions the same way (blind probe r47a: "both" read "back").

    The reader reads a page as one block of one type size. A front copied smaller than the back beside it was read
    at the back's size: its captions dropped as noise, its name misread, and the card taken for its back alone, the
    names spelled as the MRZ spells them (no hyphen, no accent) (round 24). Read block by block, each at its own
    size, the front's captions and names were read right.
    """
    for index, image in enumerate(page_images(data)):
        if card_shaped(image):
            # One side of a card fills its image (a scanner app's crop): no room for the front beside it, and
            # the reading again is a whole Tesseract pass, paid by every CC back sent on its own.
            continue
        turn = read.turns[index] if index < len(read.turns) else 0
        again = parse_document(kind, laid_out_reading(turn_page(prepare_for_ocr(image), turn)))
        if again.fields.get("side") == "both" and again.fields.get("mrz_valid") is True and same_card(parsed, again):
            if not again.fields.get("nif") and parsed.fields.get("nif"):
                return parsed
            return again
    return parsed


# What a Cartão de Cidadão's front prints, looked for again when the first reading missed some of it.
FRONT_FIELDS = ("surname", "given_names", "document_number", "date_of_birth", "expiry_date", "nationality", "sex")
# A field of the second reading is taken only when read this surely (a name's words read well); the number and
# the dates are vouched for by their own checks in the parser.
GAP_MIN_CONFIDENCE = 0.8
# A word no Portuguese word starts with ("Ão", "Õe", "Ça"): the tail of a name a block boundary cut.
NAME_FRAGMENT = re.compile(r"(?<!\S)[ÃÕÇãõç]")


def front_gaps_from_a_laid_out_reading(data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> None:
    """A Cartão de Cidadão's front whose first reading missed fields, read again with Tesseract finding the
    card's blocks itself; the fields the first reading lacks taken from it, none it has replaced.

    The reader reads a page as one block of text. A front's photo beside its captions and names breaks that
    block: on a clean 300 dpi scan every line under the given names read as noise, and a front on a table lost
    its names while Tesseract's own segmentation read them (doc probe 30B: 0 of 10 fronts fully right). A
    number whose check character fails in the second reading too is said (``document_number_check_invalid``).
    """
    missing = [name for name in FRONT_FIELDS if not parsed.fields.get(name)]
    if not missing:
        return
    for index, image in enumerate(page_images(data)):
        turn = read.turns[index] if index < len(read.turns) else 0
        again = parse_document(kind, laid_out_reading(turn_page(prepare_for_ocr(image), turn)))
        if again.fields.get("side") != "front" or not same_card(parsed, again):
            continue
        for name in missing:
            value = again.fields.get(name)
            if not value or again.confidence.get(name, 0) < GAP_MIN_CONFIDENCE:
                continue
            if name in ("surname", "given_names") and NAME_FRAGMENT.search(str(value)):
                continue  # a block cut the name: "Ão Frazão" for "Sá Estêvão Frazão" (doc probe 29's front)
            parsed.fields[name], parsed.confidence[name] = value, again.confidence[name]
        if parsed.fields.get("document_number"):
            parsed.warnings[:] = [code for code in parsed.warnings if code != "document_number_check_invalid"]
        elif (
            "document_number_check_invalid" in again.warnings and "document_number_check_invalid" not in parsed.warnings
        ):
            parsed.warnings.append("document_number_check_invalid")
        if not parsed.fields.get("full_name") and parsed.fields.get("surname") and parsed.fields.get("given_names"):
            sure = min(parsed.confidence["surname"], parsed.confidence["given_names"])
            parsed.put("full_name", f"{parsed.fields['given_names']} {parsed.fields['surname']}", sure)
        return


def gaps_from_a_laid_out_reading(data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> None:
    """A photo or scan of an IRS document with no taxpayer's NIF read, or of a certificate with no issue date, read
    again at its own size with Tesseract finding the page's blocks itself; the fields the first reading lacks taken
    from it, none it has replaced, where the second reading is the same document read better
    (``same_document``). Blind probe r56b: a phone photo of a joint nota read as one block lost sujeito passivo A's
    line whole and misread "Rendimento coletável"; a certidão's grey scan lost the date after "Data de emissão", so
    its 3 months' validity could not be stated. The page's blocks read apart gave both.

    A payslip's worker's NIF misread under its caption (``worker_nif_unread``) is read again as the reader prepares a
    page too (levelled, enlarged, its light evened out), as a card's back's NIF is (``nif_from_a_laid_out_reading``),
    and taken, alone, from a reading of the same worker's name and month whose amounts went unread: its check digit
    vouches for it (blind probe r76c: three scans' worker's NIF, read whole so on each)."""
    for index, image in enumerate(page_images(data)):
        turn = read.turns[index] if index < len(read.turns) else 0
        again = parse_document(kind, laid_out_reading(turn_page(own_size(image), turn)))
        if worker_nif_unread(kind, parsed) and not workers_nif_read_again(kind, parsed, again):
            again = parse_document(kind, laid_out_reading(turn_page(prepare_for_ocr(image), turn)))
        if same_document(kind, parsed, again):
            gaps = [
                name for name, value in again.fields.items() if value is not None and parsed.fields.get(name) is None
            ]
        elif workers_nif_read_again(kind, parsed, again):
            gaps = ["employee_nif"]
        else:
            continue
        least = GAP_MIN_CONFIDENCE
        if kind in PAYSLIP_KINDS:
            # Of a payslip, only whose, from whom and which month it is: its amounts are the first reading's. Legible is enough,
            # as for the first reading: the parser leaves a name it could not make out unread (``name_misread``).
            gaps, least = [name for name in gaps if name in PAYSLIP_IDENTITY], LEGIBLE_CONFIDENCE
        for name in gaps:
            if again.confidence.get(name, 0) >= least:
                parsed.fields[name], parsed.confidence[name] = again.fields[name], again.confidence[name]
                # What the second reading derived is said as derived; what the first found missing no longer is.
                parsed.warnings[:] = [code for code in parsed.warnings if code != f"missing:{name}"]
                if f"derived:{name}" in again.warnings and f"derived:{name}" not in parsed.warnings:
                    parsed.warnings.append(f"derived:{name}")
        if kind in PAYSLIP_KINDS and all(parsed.fields.get(name) for name in PAYSLIP_NIFS):
            # Every NIF the slip prints was read in the end: none is unread.
            parsed.warnings[:] = [code for code in parsed.warnings if code != NIF_UNREAD]
        return


def accents_from_a_laid_out_reading(data: bytes, read: ReadDocument, parsed: Parsed) -> None:
    """An identity document's names, read without any accent, in the spelling the page read block by block prints
    them in (``names_accented_as_read_again``): read as one block, the accents over a name's capitals were lost
    (blind probe r80d: "GARCÍA LÓPEZ" and "MARÍA DEL CARMEN" on a clean PNG of a Spanish passport). One more reading
    of the page, for a document of another state than Portugal whose names read in plain letters only."""
    for index, image in enumerate(page_images(data)):
        turn = read.turns[index] if index < len(read.turns) else 0
        names_accented_as_read_again(laid_out_reading(turn_page(prepare_for_ocr(image), turn)), parsed)
        if not accents_unread(DocumentKind.UNKNOWN, parsed):
            return


def workers_nif_read_again(kind: DocumentKind, parsed: Parsed, again: Parsed) -> bool:
    """Whether a second reading of a payslip gives the worker's NIF the first misread, of the same slip: read as the
    same document, or as the same worker's name and month (a page's blocks read apart may lose its amounts' rows)."""
    if kind not in PAYSLIP_KINDS or not again.fields.get("employee_nif"):
        return False
    if same_document(kind, parsed, again):
        return True
    name, period = parsed.fields.get("employee_name"), parsed.fields.get("period")
    return (
        bool(name and period)
        and again.fields.get("period") == period
        and fold(str(again.fields.get("employee_name") or "")) == fold(str(name))
    )


# A payslip's totals: without either, its month cannot be counted nor its sums checked.
PAYSLIP_TOTALS = ("gross_pay", "net_pay")
# The amounts a second reading of a payslip must read more of to be kept.
PAYSLIP_AMOUNTS = ("gross_pay", "net_pay", "social_security", "irs_withholding")


def totals_unread(parsed: Parsed) -> bool:
    return any(parsed.fields.get(name) is None for name in PAYSLIP_TOTALS)


def totals_from_under_coloured_ink(
    data: bytes, kind: DocumentKind, read: ReadDocument, parsed: Parsed
) -> tuple[ReadDocument, Parsed]:
    """A colour photo of a payslip whose gross or net went unread, read again with its coloured ink dropped
    (``read_without_coloured_ink``); that reading kept when it reads more of the slip's amounts, of the same month,
    and its sums do not fail. A red "PAGO" stamp across the totals lost the gross and the net, and the IRS row under it
    read 140,90 for 140,00 (blind probe r75a, D4); read without the stamp, every figure was right. Only such a slip
    pays the second reading (2-4 s): a colour photo read whole is read once, and a coloured heading or logo a page
    prints is lost on no page read well."""
    again_read = read_without_coloured_ink(data)
    if again_read is None or not again_read.text.strip():
        return read, parsed
    again = parse_document(kind, again_read.lines, page_starts=again_read.page_starts)
    period = parsed.fields.get("period")
    if period and again.fields.get("period") != period:
        return read, parsed
    if payslip_arithmetic_holds(again.fields, total_deductions=again.total_deductions) is False:
        return read, parsed
    if amounts_read(again) <= amounts_read(parsed) or totals_read(again) < totals_read(parsed):
        return read, parsed
    return again_read, again


def amounts_read(parsed: Parsed) -> int:
    return sum(parsed.fields.get(name) is not None for name in PAYSLIP_AMOUNTS)


def totals_read(parsed: Parsed) -> int:
    return sum(parsed.fields.get(name) is not None for name in PAYSLIP_TOTALS)


# What tells whose payslip it is, from whom and of which month.
PAYSLIP_IDENTITY = ("employee_name", "employee_nif", "employer_nif", "period")
# What tells whose it is.
PAYSLIP_WORKER = ("employee_name", "employee_nif")


# The NIFs a payslip prints, the worker's and the employer's.
PAYSLIP_NIFS = ("employee_nif", "employer_nif")


def worker_nif_unread(kind: DocumentKind, parsed: Parsed) -> bool:
    """Whether a payslip's worker's NIF was not read where a NIF's caption was, over a value OCR misread
    (``nif_unread``)."""
    return kind in PAYSLIP_KINDS and NIF_UNREAD in parsed.warnings and not parsed.fields.get("employee_nif")


def gaps_wanted(kind: DocumentKind, parsed: Parsed) -> bool:
    """Whether a reading lacks what identifies its document: an IRS document its taxpayer's NIF, a certificate the
    issue date its validity counts from, a payslip whose it is (with no month too it would be refused: blind probe
    r61a, a restaurant's 200 dpi landscape scan whose title and worker's line the page read as one block lost, and
    Tesseract finding the blocks itself read). Blind probe r62a: an image PDF and a scan of a payslip with the
    employer's block on the left and the worker's framed box on the right, their lines a little apart in height, read
    as one block lost the worker's name and NIF and the employer's NIF, the month read; the blocks read apart gave
    all three, and a slip of no one's cannot be put to the applicant."""
    if kind in TAX_KINDS:
        return not parsed.fields.get("taxpayer_nif")
    if kind in PAYSLIP_KINDS:
        # Or the worker's NIF under its caption misread (blind probe r76c: three scans' "NIF 17777773",
        # "A5777TTTA", "Mizizrm", the page's blocks read as the reader prepares a page gave each whole).
        return not any(parsed.fields.get(name) for name in PAYSLIP_WORKER) or worker_nif_unread(kind, parsed)
    return kind in CERTIFICATE_KINDS and not parsed.fields.get("issue_date")


# The amounts of an IRS document that tell two readings of its page apart: two at least read alike by both.
TAX_AMOUNTS_COMPARED = (
    "gross_income",
    "taxable_income",
    "tax_paid",
    "withholdings",
    "amount_payable",
    "amount_refundable",
)
SAME_AMOUNTS_AT_LEAST = 2


def same_document(kind: DocumentKind, parsed: Parsed, again: Parsed) -> bool:
    """Whether a second reading of a page read the document the first did, better: an IRS document's taxpayer's NIF
    read, its amounts adding up, every amount both read alike (two at least) and the same year; a certificate's
    issue date read, the same holder's NIF and, where both read one, the same code."""
    if kind in PAYSLIP_KINDS:
        return same_payslip(parsed, again)
    if "arithmetic_mismatch" in again.warnings:
        return False
    if kind in CERTIFICATE_KINDS:
        code, code_again = parsed.fields.get("validation_code"), again.fields.get("validation_code")
        return (
            bool(again.fields.get("issue_date"))
            and bool(parsed.fields.get("holder_nif"))
            and parsed.fields.get("holder_nif") == again.fields.get("holder_nif")
            and (code is None or code_again is None or code == code_again)
        )
    if not again.fields.get("taxpayer_nif"):
        return False
    shared = [
        name
        for name in TAX_AMOUNTS_COMPARED
        if parsed.fields.get(name) is not None and again.fields.get(name) is not None
    ]
    if len(shared) < SAME_AMOUNTS_AT_LEAST or any(parsed.fields[name] != again.fields[name] for name in shared):
        return False
    year, year_again = parsed.fields.get("year"), again.fields.get("year")
    return year is None or year_again is None or year == year_again


# A payslip's amounts that tell two readings of its page apart: both read alike by both readings.
PAYSLIP_AMOUNTS_COMPARED = ("net_pay", "social_security")


def same_payslip(parsed: Parsed, again: Parsed) -> bool:
    """Whether a second reading of a payslip's page read the slip the first did: its net and its social security read
    alike by both. Only whose slip and which month are taken from it, so its sums need not hold where the first
    reading's do not either (the same year-to-date line misread by both)."""
    if "arithmetic_mismatch" in again.warnings and "arithmetic_mismatch" not in parsed.warnings:
        return False
    return all(
        parsed.fields.get(name) is not None and parsed.fields.get(name) == again.fields.get(name)
        for name in PAYSLIP_AMOUNTS_COMPARED
    )


# An ID-1 card's sides (85.6 x 54 mm), within 8%: an image of that shape is one side cropped to its edges. A4 in
# either orientation (1.41), a 16:9 photo (1.78) and two sides side by side or stacked are outside it.
CARD_ASPECT = 85.6 / 54
CARD_ASPECT_TOLERANCE = 0.08


def same_card(parsed: Parsed, again: Parsed) -> bool:
    """Whether a second reading of the page read the card the first reading did. On a page holding several people's
    cards each reading is of its first card, and which card comes first depends on the reading's order of blocks:
    there only a reading of the same document number is the same card (blind probe r42a: a couple's fronts, the
    first card's given names unread and taken from a second reading, which may be the other card's)."""
    if MULTIPLE_IDENTITY_DOCUMENTS not in parsed.warnings:
        return True
    number = parsed.fields.get("document_number")
    return bool(number) and number == again.fields.get("document_number")


def card_shaped(image: Any) -> bool:
    width, height = image.size
    aspect = max(width, height) / max(1, min(width, height))
    return abs(aspect - CARD_ASPECT) <= CARD_ASPECT_TOLERANCE * CARD_ASPECT


def laid_out_reading(page: Any) -> list[Line]:
    """A grey page read by Tesseract's automatic page segmentation: blocks of each type size apart."""
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        page.save(handle, format="BMP")
        handle.flush()
        try:
            return lines_from_tesseract(tesseract_data(handle.name, options=("--psm", "3")))
        except OcrRefused:
            return []


def one_payslip(kind: DocumentKind, read: ReadDocument, parsed: Parsed) -> tuple[Parsed, list[Parsed]]:
    """The payslips of a file holding several, the latest month's first: pages (or, on one page, sections under
    their own title) each complete (a period and a net pay of their own) that differ in period, employee or net pay.

    Read as one page, their rows add up: two months' (or a couple's) deductions came out as one payslip's,
    beside the first page's gross and net, with no warning. The latest month is the document's reading (the first
    page, for payslips of the same month), flagged ``multiple_payslips``; one worker's other months (and another
    employer's slip of a month) are its parts, each read on its own (``other_payslips``), and counted as the
    month each is: three months downloaded as one PDF are the three months asked for. Another worker's slips are
    no part (``multiple_employees``). A page continuing the same payslip, or a duplicate copy ("Original" /
    "Duplicado"), is left to the whole-document reading.
    """
    bounds = [*read.page_starts, len(read.lines)]
    pages = [read.lines[start:end] for start, end in itertools.pairwise(bounds) if end > start]
    if len(pages) < 2:
        pages = titled_sections(read.lines)
    if len(pages) < 2:
        pages = letterhead_sections(read.lines)
    if len(pages) < 2:
        return parsed, []
    complete = []
    corrected = []
    for lines in pages:
        text = "\n".join(line.text for line in lines)
        if classify(text) != kind:
            continue
        page = parse_document(kind, lines)
        if page.fields.get("period") and page.fields.get("net_pay") is not None:
            complete.append(page)
            corrected.append(bool(CORRECTION_MARK.search(fold(text))))
    identities = {tuple(page.fields.get(name) for name in ("period", "employee_nif", "net_pay")) for page in complete}
    if len(identities) < 2:
        # One payslip printed twice on a sheet ("ORIGINAL" / "DUPLICADO"): its first copy, for read as one the
        # two copies' rows added up (doc probe 30A: both copies' twelfths summed as one slip's).
        return (complete[0] if len(complete) >= 2 and copies_of_one(pages) else parsed), []
    # The latest month; of one month's pages, one that corrects a payslip ("Recibo retificativo", "substitui o
    # recibo emitido em ...") over the one it replaces (blind probe r40a: the superseded original was read); else
    # the first (max() keeps the first of equals).
    chosen_at = max(range(len(complete)), key=lambda at: (complete[at].fields["period"], corrected[at]))
    chosen = complete[chosen_at]
    if corrected[chosen_at]:
        chosen.warnings.append("payslip_corrected")
    if any(page.fields["period"] != chosen.fields["period"] for page in complete) or not corrected[chosen_at]:
        chosen.warnings.append("multiple_payslips")
    if several_employees(complete):
        chosen.warnings.append(MULTIPLE_EMPLOYEES)
        return chosen, []
    return chosen, other_payslips(complete, corrected, chosen)


def other_payslips(complete: list[Parsed], corrected: list[bool], chosen: Parsed) -> list[Parsed]:
    """One worker's payslips in a file besides the one chosen, one for each month and employer, latest first: of a
    month's slip and its correction, the correction; of a month's copies, the first."""
    picked: dict[tuple[Any, ...], tuple[Parsed, bool]] = {}
    for slip, corrects in zip(complete, corrected, strict=True):
        key = (slip.fields.get("period"), payslip_employer(slip))
        if key not in picked or (corrects and not picked[key][1]):
            picked[key] = (slip, corrects)
    chosen_key = (chosen.fields.get("period"), payslip_employer(chosen))
    others = [slip for key, (slip, _) in picked.items() if key != chosen_key]
    return sorted(others, key=lambda slip: str(slip.fields.get("period")), reverse=True)


def payslip_employer(slip: Parsed) -> str:
    """An employer as a payslip tells it: its NIF, else its name folded, else nothing (one employer)."""
    return str(slip.fields.get("employer_nif") or fold(str(slip.fields.get("employer_name") or "")).strip())


# A payslip that says it corrects or replaces another of the same month.
CORRECTION_MARK = re.compile(
    r"rec?tificativ|(?:recibo|payslip)\s+(?:de\s+)?(?:substituicao|correcao)|substitui\s+o\s+recibo"
    r"|(?:corrected|amended|revised|replacement)\s+(?:pay\s*slip|pay\s+statement)|replaces\s+(?:the\s+)?pay\s*slip"
)


def copies_of_one(sections: list[list[Line]]) -> bool:
    """Whether the sections print the same lines but for their copy marks."""
    printed = [
        [fold(line.text) for line in section if not COPY_MARK.fullmatch(fold(line.text).strip())]
        for section in sections
    ]
    return all(lines == printed[0] for lines in printed[1:])


def titled_sections(lines: list[Line]) -> list[list[Line]]:
    """A page's lines cut where each payslip title begins (two months printed on one sheet); what comes
    before the first title (a letterhead) stays with it.

    The letterhead printed again above a later title begins that title's section, not the end of the one
    before; printed once, above the first slip only, it heads every slip. Cut off, a later slip lost its
    employer's name and NIPC without a word (round 23): the employer printed above both slips is each one's.
    """
    starts = [index for index, line in enumerate(lines) if PAYSLIP_TITLE.search(fold(line.text))]
    if len(starts) < 2:
        return [lines]
    letterhead = lines[: starts[0]]
    printed = {fold(line.text) for line in letterhead}
    for position in range(1, len(starts)):
        while starts[position] - 1 > starts[position - 1] and printed_again(lines[starts[position] - 1], printed):
            starts[position] -= 1
    bounds = [0, *starts[1:], len(lines)]
    sections = [lines[start:end] for start, end in itertools.pairwise(bounds)]
    return [sections[0], *(section if own_letterhead(section) else [*letterhead, *section] for section in sections[1:])]


def printed_again(line: Line, printed: set[str]) -> bool:
    """Whether a line is one of the letterhead's read again, as printed or nearly so: the month's slip may
    print another door number ("Rua do Comércio, 101" and "..., 137"), or OCR misread a letter. Only the very
    line stopped the walk up to the later slip's letterhead, which its employer's name was left above (blind probe
    r67b: the October slip's employer unread, with no warning)."""
    folded = fold(line.text)
    return any(folded == other or lines_alike(folded, other) for other in printed)


# A payslip takes at least this many lines: a letterhead's line read again sooner is its footer or a caption, no
# other slip's start. Of the page's first lines, the letterhead is among these; a line of fewer letters (a page
# number, "EUR") is no letterhead.
SLIP_LINES = 6
LETTERHEAD_OPENINGS = 3
LETTERHEAD_LETTERS = 8
# Two lines this alike (difflib's ratio) are one line read twice, OCR's misreadings and a slip's own number apart
# ("... Lda. Recibo n.º 202609-137" and "... Lda. Recibo n.º 202610-138").
LETTERHEAD_ALIKE = 0.85


def letterhead_sections(lines: list[Line]) -> list[list[Line]]:
    """A page's lines cut where its letterhead is printed again: slips of several months stacked on one sheet under
    no payslip title ("Recibo n.º 202609-137" is the slip's number, no title), each under its employer's name.

    Read as one, the top slip's month, gross and net came out with every slip's deductions added up (blind probe
    r46b: September, October and November one under another, read as September with three months' social security
    and IRS, no ``multiple_payslips``). Only sections each complete, in ``one_payslip``, are slips: a letterhead
    printed again in a slip's footer leaves a section with no period or net of its own.
    """
    for first, opening in enumerate(lines[:LETTERHEAD_OPENINGS]):
        folded = fold(opening.text)
        if sum(character.isalpha() for character in folded) < LETTERHEAD_LETTERS:
            continue
        starts = [first]
        for at in range(starts[0] + SLIP_LINES, len(lines)):
            if at - starts[-1] >= SLIP_LINES and lines_alike(folded, fold(lines[at].text)):
                starts.append(at)
        if len(starts) >= 2 and len(lines) - starts[-1] >= SLIP_LINES:
            bounds = [0, *starts[1:], len(lines)]
            return [lines[start:end] for start, end in itertools.pairwise(bounds)]
    return [lines]


def lines_alike(one: str, other: str) -> bool:
    return difflib.SequenceMatcher(None, one, other).ratio() >= LETTERHEAD_ALIKE


def own_letterhead(section: list[Line]) -> bool:
    """Whether a later slip's section opens with a letterhead of its own rather than its title."""
    return not PAYSLIP_TITLE.search(fold(section[0].text))
