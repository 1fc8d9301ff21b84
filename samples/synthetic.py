"""Synthetic Portuguese documents with their ground truth, for tests, benchmarks and the demo.

Payslips (recibos de vencimento) in several payroll layouts and label
wordings, IRS documents, and Cartao de Cidadao images; any of them can be
"scanned" (rendered, rotated, blurred, JPEG-compressed). Everything is made
here from fonts that ship with reportlab: nothing is downloaded, and no real
person's data is used.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from applicants.identifiers import cc_check_digit, nif_check_digit

MONTH_NAMES = [
    "Janeiro",
    "Fevereiro",
    "Março",
    "Abril",
    "Maio",
    "Junho",
    "Julho",
    "Agosto",
    "Setembro",
    "Outubro",
    "Novembro",
    "Dezembro",
]


def reportlab_font_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


def make_nif(rng: random.Random, prefix: str = "2") -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(8 - len(prefix)))
    return body + str(nif_check_digit(body))


def make_cc_number(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(9))
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2))
    first = digits + letters
    return f"{first[:8]} {first[8]} {first[9:11]}{cc_check_digit(first)}"


def money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pt_money(value: Decimal, thousands: str = ".") -> str:
    whole, _, cents = f"{money(value):,.2f}".partition(".")
    return f"{whole.replace(',', thousands)},{cents}"


@dataclass
class Person:
    given_names: str
    surname: str
    nif: str
    date_of_birth: dt.date
    cc_number: str
    expiry_date: dt.date
    sex: str = "F"
    nationality: str = "PRT"

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}"


GIVEN = [
    "Maria João",
    "Ana Sofia",
    "Rui Miguel",
    "Pedro",
    "Inês Carolina",
    "João Pedro",
    "Catarina",
    "Tiago André",
    "Beatriz",
    "Gonçalo",
]
SURNAMES = [
    "Santos",
    "Ferreira",
    "Conceição Almeida",
    "Gonçalves",
    "Rodrigues Lopes",
    "Martins",
    "Sousa",
    "Pereira Simões",
    "Araújo",
    "Fonseca",
]
EMPLOYERS = [
    ("Construções Tejo, Lda.", "501964843"),
    ("Lusotech Sistemas, S.A.", "503004642"),
    ("Padaria Estrela Unipessoal Lda", "509442013"),
]


def make_person(rng: random.Random, today: dt.date) -> Person:
    given = rng.choice(GIVEN)
    return Person(
        given_names=given,
        surname=rng.choice(SURNAMES),
        nif=make_nif(rng, rng.choice(["1", "2", "3"])),
        date_of_birth=dt.date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28)),
        cc_number=make_cc_number(rng),
        expiry_date=today + dt.timedelta(days=rng.randint(400, 3000)),
        sex="M" if given.split()[0] in {"Rui", "Pedro", "João", "Tiago", "Gonçalo"} else "F",
    )


@dataclass
class Synthetic:
    """A generated file and the fields a perfect reader would return."""

    name: str
    data: bytes
    content_type: str
    document_type: str
    kind: str
    expected: dict[str, Any]
    method: str = "text"
    tags: list[str] = field(default_factory=list)


# --- Payslips ----------------------------------------------------------------------------

PAYSLIP_WORDINGS = [
    {"title": "RECIBO DE VENCIMENTO", "employee": "Funcionário:", "employer": "Empresa:", "base": "Vencimento Base",
     "gross": "Total Ilíquido", "ss": "Segurança Social (11%)", "irs": "Retenção IRS", "deductions": "Total Descontos",
     "net": "Líquido a Receber", "period": "Período:"},
    {"title": "Recibo de Remuneração", "employee": "Trabalhador", "employer": "Entidade Patronal", "base": "Remuneração Base",
     "gross": "Total de Abonos", "ss": "Seg. Social", "irs": "IRS", "deductions": "Total de Descontos",
     "net": "Valor Líquido", "period": "Mês de referência"},
    {"title": "RECIBO DE SALÁRIO", "employee": "Colaborador:", "employer": "Entidade Empregadora:", "base": "Salário Base",
     "gross": "Remuneração Ilíquida", "ss": "TSU Trabalhador", "irs": "Retenção na Fonte IRS", "deductions": "Descontos Totais",
     "net": "Total Líquido", "period": "Processamento:"},
]  # fmt: skip
PDF_FONTS = [
    ("Helvetica", "Helvetica-Bold"),
    ("Times-Roman", "Times-Bold"),
    ("Courier", "Courier-Bold"),
    ("Vera", "VeraBd"),
]


def register_vera() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(reportlab_font_dir() / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(reportlab_font_dir() / "VeraBd.ttf")))


def payslip_amounts(rng: random.Random, base: Decimal) -> dict[str, Decimal]:
    allowance = money(Decimal(rng.randint(0, 40)) * Decimal("6.00"))  # meal allowance
    gross = money(base + allowance)
    social_security = money(gross * Decimal("0.11"))
    irs = money(gross * Decimal(rng.choice(["0.095", "0.13", "0.165", "0.2"])))
    return {"base_salary": money(base), "allowance": allowance, "gross_pay": gross, "social_security": social_security,
            "irs_withholding": irs, "net_pay": money(gross - social_security - irs)}  # fmt: skip


def payslip_pdf(
    person: Person,
    period: dt.date,
    *,
    base: Decimal,
    variant: int = 0,
    rng: random.Random | None = None,
    employer: tuple[str, str] | None = None,
    break_arithmetic: bool = False,
    employee_nif: str | None = None,
) -> Synthetic:
    """A text PDF payslip. ``variant`` picks wording, font and layout."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = rng or random.Random(variant)
    register_vera()
    wording = PAYSLIP_WORDINGS[variant % len(PAYSLIP_WORDINGS)]
    font, bold = PDF_FONTS[variant % len(PDF_FONTS)]
    layout = (variant // len(PAYSLIP_WORDINGS)) % 3
    employer_name, employer_nif = employer or EMPLOYERS[variant % len(EMPLOYERS)]
    amounts = payslip_amounts(rng, base)
    net_printed = amounts["net_pay"] + (Decimal("50.00") if break_arithmetic else 0)
    shown_nif = employee_nif or person.nif
    deductions = amounts["social_security"] + amounts["irs_withholding"]
    period_text = [f"{MONTH_NAMES[period.month - 1]} {period.year}", f"{period.month:02d}/{period.year}",
                   f"01/{period.month:02d}/{period.year} a 28/{period.month:02d}/{period.year}"][variant % 3]  # fmt: skip

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = A4[1] - 60

    def line(text: str, x: float = 50, size: int = 10, is_bold: bool = False) -> None:
        pdf.setFont(bold if is_bold else font, size)
        pdf.drawString(x, y, text)

    line(wording["title"], size=14, is_bold=True)
    y -= 28
    line(f"{wording['employer']} {employer_name}")
    line(f"NIF: {employer_nif}", x=380)
    y -= 16
    line(f"{wording['employee']} {person.full_name}")
    line(f"NIF: {shown_nif}", x=380)
    y -= 16
    line(f"{wording['period']} {period_text}")
    line(f"N.º Seg. Social: {rng.randint(10**10, 10**11 - 1)}", x=380)
    y -= 30
    rows = [
        (wording["base"], "30,00", amounts["base_salary"]),
        ("Subsídio de Alimentação", f"{int(amounts['allowance'] / 6)},00", amounts["allowance"]),
    ]
    deduction_rows = [(wording["ss"], amounts["social_security"]), (wording["irs"], amounts["irs_withholding"])]
    if layout == 0:  # "label ... quantity ... amount" rows, then totals each on a line
        line("Descrição", is_bold=True)
        line("Qtd", x=300, is_bold=True)
        line("Valor", x=450, is_bold=True)
        for label, quantity, value in rows:
            y -= 16
            line(label)
            line(quantity, x=300)
            line(pt_money(value), x=450)
        for label, value in deduction_rows:
            y -= 16
            line(label)
            line(pt_money(value), x=450)
        y -= 24
        line(wording["gross"], is_bold=True)
        line(pt_money(amounts["gross_pay"]), x=450)
        y -= 16
        line(wording["deductions"], is_bold=True)
        line(pt_money(deductions), x=450)
        y -= 16
        line(wording["net"], is_bold=True)
        line(pt_money(net_printed), x=450)
    elif layout == 1:  # abonos and descontos in two columns, summary row of several labels
        line("Abonos", is_bold=True)
        line("Descontos", x=320, is_bold=True)
        for index in range(2):
            y -= 16
            label, _, value = rows[index]
            line(f"{label}  {pt_money(value, thousands=' ')}")
            d_label, d_value = deduction_rows[index]
            line(f"{d_label}  {pt_money(d_value, thousands=' ')}", x=320)
        y -= 28
        line(
            f"{wording['gross']}: {pt_money(amounts['gross_pay'])}   {wording['deductions']}: {pt_money(deductions)}   {wording['net']}: {pt_money(net_printed)}",
            size=9,
        )
    else:  # header row of labels with the amounts on the row below
        for label, _quantity, value in rows:
            line(f"{label}: {pt_money(value)} EUR")
            y -= 16
        for label, value in deduction_rows:
            line(f"{label}: -{pt_money(value)} EUR")
            y -= 16
        y -= 12
        line(wording["gross"], x=50, is_bold=True)
        line(wording["deductions"], x=230, is_bold=True)
        line(wording["net"], x=410, is_bold=True)
        y -= 16
        line(pt_money(amounts["gross_pay"]), x=50)
        line(pt_money(deductions), x=230)
        line(pt_money(net_printed), x=410)
    y -= 40
    line("Declaro que recebi a quantia constante deste recibo.", size=8)
    pdf.showPage()
    pdf.save()
    expected = {
        "employee_name": person.full_name,
        "employee_nif": shown_nif,
        "employer_name": employer_name,
        "employer_nif": employer_nif,
        "period": f"{period.year:04d}-{period.month:02d}",
        "base_salary": float(amounts["base_salary"]),
        "gross_pay": float(amounts["gross_pay"]),
        "social_security": float(amounts["social_security"]),
        "irs_withholding": float(amounts["irs_withholding"]),
        "net_pay": float(net_printed),
    }
    return Synthetic(
        f"recibo-{period:%Y-%m}.pdf",
        buffer.getvalue(),
        "application/pdf",
        "PROOF_OF_INCOME",
        "RECIBO_VENCIMENTO",
        expected,
        tags=[f"layout{layout}", font],
    )


# --- Tax documents --------------------------------------------------------------------------


def irs_pdf(
    person: Person, year: int, *, gross: Decimal, tax: Decimal, nota: bool = False, variant: int = 0
) -> Synthetic:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_vera()
    font, bold = PDF_FONTS[variant % len(PDF_FONTS)]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = A4[1] - 60
    title = "NOTA DE LIQUIDAÇÃO - IRS" if nota else "DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3"
    rows = [
        (title, True),
        ("Autoridade Tributária e Aduaneira", False),
        (f"Ano dos rendimentos: {year}", False),
        (f"Sujeito Passivo A: {person.full_name}", False),
        (f"NIF: {person.nif}", False),
        (
            f"Rendimento global: {pt_money(gross)} EUR"
            if nota
            else f"Rendimentos brutos (Categoria A): {pt_money(gross)} EUR",
            False,
        ),
        (f"Coleta líquida: {pt_money(tax)} EUR" if nota else f"Imposto pago: {pt_money(tax)} EUR", False),
    ]
    for text, is_bold in rows:
        pdf.setFont(bold if is_bold else font, 12 if is_bold else 10)
        pdf.drawString(50, y, text)
        y -= 20
    pdf.showPage()
    pdf.save()
    expected = {
        "taxpayer_name": person.full_name,
        "taxpayer_nif": person.nif,
        "year": year,
        "gross_income": float(gross),
        "tax_paid": float(tax),
    }
    kind = "NOTA_LIQUIDACAO" if nota else "DECLARACAO_IRS"
    return Synthetic(f"irs-{year}.pdf", buffer.getvalue(), "application/pdf", "PROOF_OF_INCOME", kind, expected)


# --- Cartao de Cidadao -----------------------------------------------------------------------


def pil_font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(reportlab_font_dir() / ("VeraBd.ttf" if bold else "Vera.ttf")), size)


def id_card_png(person: Person, *, variant: int = 0, nif_override: str | None = None) -> Synthetic:
    """Front and back of a Cartao de Cidadao side by side as one image (labels above values)."""
    from PIL import Image, ImageDraw

    width, height = 1400, 900
    image = Image.new("RGB", (width, height), (236, 242, 238) if variant % 2 else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    label_font, value_font, title_font = pil_font(20), pil_font(30, bold=True), pil_font(34, bold=True)
    ink = (20, 20, 20)
    draw.text((60, 40), "REPÚBLICA PORTUGUESA", font=title_font, fill=ink)
    draw.text((60, 85), "CARTÃO DE CIDADÃO / CITIZEN CARD", font=label_font, fill=ink)
    nif = nif_override or person.nif
    rows: list[list[tuple[str, str]]] = [
        [("Apelido(s) / Surname", person.surname.upper())],
        [("Nome(s) / Given Name(s)", person.given_names.upper())],
        [("Sexo / Sex", person.sex), ("Nacionalidade / Nationality", person.nationality),
         ("Data de Nascimento / Date of Birth", person.date_of_birth.strftime("%d %m %Y"))],
        [("N.º Documento / Document No.", person.cc_number),
         ("Data de Validade / Expiry Date", person.expiry_date.strftime("%d %m %Y"))],
        [("NIF / Tax No.", nif)],
    ]  # fmt: skip
    y = 150
    for row in rows:
        x = 60
        for label, value in row:
            draw.text((x, y), label, font=label_font, fill=ink)
            draw.text((x, y + 28), value, font=value_font, fill=ink)
            x += 460
        y += 120
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    expected = {
        "full_name": person.full_name,
        "surname": person.surname,
        "given_names": person.given_names,
        "nif": nif,
        "document_number": person.cc_number,
        "date_of_birth": person.date_of_birth.isoformat(),
        "expiry_date": person.expiry_date.isoformat(),
        "nationality": person.nationality,
        "sex": person.sex,
    }
    return Synthetic(
        "cartao-cidadao.png", buffer.getvalue(), "image/png", "ID_DOCUMENT", "CARTAO_CIDADAO", expected, method="ocr"
    )


# --- "Scanning" ------------------------------------------------------------------------------


def sensor_noise(size: tuple[int, int], *, sigma: float, rng: random.Random) -> Any:
    """Grey noise around mid-grey with about ``sigma`` spread, drawn from ``rng``.

    PIL's ``effect_noise`` draws from C's ``rand()``, whose state depends on
    whatever ran before in the process, so the same seed gave different scans
    (and different OCR) from one test order to another.
    """
    from PIL import Image

    width, height = size
    uniform = Image.frombytes("L", size, rng.randbytes(width * height))
    # A uniform byte has a spread of about 74; scale it to sigma around 128.
    scale = sigma / 73.9
    return uniform.point(lambda value: int(128 + (value - 127.5) * scale)).convert("RGB")


def scan(
    document: Synthetic,
    *,
    rng: random.Random,
    dpi: int = 200,
    rotation: float | None = None,
    blur: float | None = None,
    quality: int | None = None,
) -> Synthetic:
    """Render to pixels, then rotate, blur, add noise and JPEG-compress like a phone photo."""
    from PIL import Image, ImageFilter

    if document.content_type == "application/pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(document.data)
        pages = [pdf[index].render(scale=dpi / 72).to_pil().convert("RGB") for index in range(len(pdf))]
        pdf.close()
    else:
        pages = [Image.open(io.BytesIO(document.data)).convert("RGB")]
    angle = rotation if rotation is not None else rng.uniform(-2.0, 2.0)
    radius = blur if blur is not None else rng.uniform(0.3, 0.9)
    scanned = []
    for image in pages:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 250))
        image = image.filter(ImageFilter.GaussianBlur(radius))
        scanned.append(Image.blend(image, sensor_noise(image.size, sigma=rng.uniform(6, 14), rng=rng), 0.06))
    buffer = io.BytesIO()
    jpeg_quality = quality if quality is not None else rng.randint(60, 85)
    stem = document.name.rsplit(".", 1)[0]
    if len(scanned) > 1:
        # A multi-page paper document scans to an image-only PDF, one JPEG page each.
        scanned[0].save(buffer, format="PDF", save_all=True, append_images=scanned[1:], quality=jpeg_quality,
                        resolution=dpi)  # fmt: skip
        return Synthetic(f"{stem}-scan.pdf", buffer.getvalue(), "application/pdf", document.document_type,
                         document.kind, document.expected, method="ocr", tags=[*document.tags, "scan"])  # fmt: skip
    scanned[0].save(buffer, format="JPEG", quality=jpeg_quality)
    return Synthetic(
        f"{stem}-scan.jpg",
        buffer.getvalue(),
        "image/jpeg",
        document.document_type,
        document.kind,
        document.expected,
        method="ocr",
        tags=[*document.tags, "scan"],
    )


# --- Cases -----------------------------------------------------------------------------------


def recent_months(today: dt.date, count: int, skip_current: bool = True) -> list[dt.date]:
    months = []
    year, month = today.year, today.month
    if skip_current:
        month -= 1
    for _ in range(count):
        if month == 0:
            year, month = year - 1, 12
        months.append(dt.date(year, month, 1))
        month -= 1
    return months


@dataclass
class Case:
    """A prepared applicant: what they submit, their files, and the expected risk."""

    name: str
    person: Person
    submitted_name: str
    listing_type: str
    price: Decimal
    documents: list[Synthetic]
    expected_risk: str


def prepared_cases(today: dt.date | None = None, seed: int = 7) -> list[Case]:
    """good, identity mismatch, stretched, unaffordable and scanned applicants."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    cases = []
    specs = [
        ("good", Decimal("3000"), Decimal("700"), False, "LOW"),
        ("identity_mismatch", Decimal("3000"), Decimal("700"), False, "HIGH"),
        # Net about 1 934 a month, x 14 / 12 = about 2 256: a rent of 850 is a taxa de esforço of 0.377.
        ("stretched", Decimal("2400"), Decimal("850"), False, "MEDIUM"),
        ("unaffordable", Decimal("1300"), Decimal("900"), False, "HIGH"),
        ("scanned", Decimal("3000"), Decimal("700"), True, "LOW"),
    ]
    for index, (name, base, rent, scanned, risk) in enumerate(specs):
        person = make_person(rng, today)
        documents = [id_card_png(person, variant=index)]
        # One employer for the three months, as a person's payslips are (the demo applicant of `make run` had a
        # different one each month, and its first report asked "mudança de emprego?").
        employer = EMPLOYERS[index % len(EMPLOYERS)]
        for offset, period in enumerate(recent_months(today, 3)):
            documents.append(
                payslip_pdf(
                    person,
                    period,
                    base=base,
                    variant=index + offset,
                    employer=employer,
                    rng=random.Random(seed + index * 10 + offset),
                )
            )
        if scanned:
            documents = [documents[0]] + [scan(d, rng=rng) for d in documents[1:]]
        submitted = person.full_name if name != "identity_mismatch" else "Fernando Pessoa Nogueira"
        cases.append(Case(name, person, submitted, "ARRENDAMENTO", rent, documents, risk))
    return cases


def extraction_corpus(today: dt.date | None = None, seed: int = 11, size: int = 12) -> list[Synthetic]:
    """Text PDFs, ID images and scans with varied wording, fonts, layouts and noise."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    corpus: list[Synthetic] = []
    for index in range(size):
        person = make_person(rng, today)
        period = recent_months(today, 6)[index % 6]
        base = Decimal(rng.randint(900, 4500))
        payslip = payslip_pdf(person, period, base=base, variant=index, rng=random.Random(seed + index))
        corpus.append(payslip)
        if index % 3 == 0:
            corpus.append(
                irs_pdf(
                    person,
                    today.year - 1,
                    gross=base * 14,
                    tax=money(base * 14 * Decimal("0.12")),
                    nota=index % 2 == 0,
                    variant=index,
                )
            )
        corpus.append(id_card_png(person, variant=index))
        if index % 2 == 0:
            corpus.append(scan(payslip, rng=rng))
    return corpus
