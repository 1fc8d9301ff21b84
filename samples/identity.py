"""Synthetic identity documents with machine-readable zones: both sides of the Cartao de Cidadao, passports
and residence permits, with valid MRZs or with one digit changed (a misprint or a tampered card).

The MRZ is built here from ICAO 9303's rules (its own few lines of check-digit arithmetic, independent of
the extraction code), drawn in Courier Bold as the nearest OCR-B look-alike that ships with reportlab.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from applicants.identifiers import nif_has_valid_checksum
from samples.synthetic import Person, Synthetic, make_cc_number, make_nif, pil_font, reportlab_font_dir

# --- MRZ -------------------------------------------------------------------------------------


def _value(char: str) -> int:
    return 0 if char == "<" else int(char) if char.isdigit() else ord(char) - 55


def icao_check(data: str) -> str:
    return str(sum(_value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(data)) % 10)


def mrz_name(text: str) -> str:
    """ICAO transliteration as printed by Portugal: accents dropped, spaces and hyphens become '<'."""
    ascii_text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^A-Z<]", "", re.sub(r"[\s'-]+", "<", ascii_text.upper()))


def mrz_names(surname: str, given: str, width: int) -> str:
    field = f"{mrz_name(surname)}<<{mrz_name(given)}"
    return field[:width].ljust(width, "<")


def yymmdd(day: dt.date) -> str:
    return day.strftime("%y%m%d")


def td1(*, code: str, state: str, number: str, birth: dt.date, sex: str, expiry: dt.date, nationality: str,
        surname: str, given: str, optional: str = "") -> list[str]:  # fmt: skip
    if len(number) > 9:  # ICAO long document number: the rest and its check digit go in the optional data
        first = f"{code:<2}{state}{number[:9]}<{number[9:]}{icao_check(number)}{optional}"
    else:
        first = f"{code:<2}{state}{number:<<9}{icao_check(number.ljust(9, '<'))}{optional}"
    first = first.replace(" ", "<").ljust(30, "<")
    second = f"{yymmdd(birth)}{icao_check(yymmdd(birth))}{sex}{yymmdd(expiry)}{icao_check(yymmdd(expiry))}{nationality}"
    second = second.ljust(29, "<")
    second += icao_check(first[5:30] + second[0:7] + second[8:15] + second[18:29])
    return [first, second, mrz_names(surname, given, 30)]


def td2(*, code: str, state: str, number: str, birth: dt.date, sex: str, expiry: dt.date, nationality: str,
        surname: str, given: str, optional: str = "") -> list[str]:  # fmt: skip
    first = f"{code:<2}{state}".replace(" ", "<") + mrz_names(surname, given, 31)
    if len(number) > 9:  # as in TD1: the rest of a long number and its check digit go in the optional data
        head, tail = number[:9] + "<", f"{number[9:]}{icao_check(number)}{optional}"
    else:
        head, tail = f"{number:<<9}{icao_check(number.ljust(9, '<'))}", optional
    second = f"{head}{nationality}{yymmdd(birth)}{icao_check(yymmdd(birth))}{sex}{yymmdd(expiry)}"
    second = f"{second}{icao_check(yymmdd(expiry))}{tail}".ljust(35, "<")
    second += icao_check(second[0:10] + second[13:20] + second[21:35])
    return [first, second]


def td3(*, code: str, state: str, number: str, birth: dt.date, sex: str, expiry: dt.date, nationality: str,
        surname: str, given: str, personal: str = "") -> list[str]:  # fmt: skip
    first = f"{code:<2}{state}".replace(" ", "<") + mrz_names(surname, given, 39)
    personal_field = personal.ljust(14, "<")
    personal_check = icao_check(personal_field) if personal else "<"
    second = (
        f"{number:<<9}{icao_check(number.ljust(9, '<'))}{nationality}{yymmdd(birth)}{icao_check(yymmdd(birth))}"
        f"{sex}{yymmdd(expiry)}{icao_check(yymmdd(expiry))}{personal_field}{personal_check}"
    )
    second += icao_check(second[0:10] + second[13:20] + second[21:43])
    return [first, second]


def corrupt(lines: list[str], rng: random.Random) -> tuple[list[str], str]:
    """One digit changed in a field a check digit covers; returns the lines and the field hit."""
    if len(lines) == 3:
        spots = {
            "document_number": (0, range(5, 14)),
            "date_of_birth": (1, range(0, 6)),
            "expiry_date": (1, range(8, 14)),
        }
    else:
        spots = {
            "document_number": (1, range(0, 9)),
            "date_of_birth": (1, range(13, 19)),
            "expiry_date": (1, range(21, 27)),
        }
    with_digits = sorted(
        name for name, (index, positions) in spots.items() if any(lines[index][p].isdigit() for p in positions)
    )
    name = rng.choice(with_digits)
    line_index, positions = spots[name]
    line = lines[line_index]
    digits = [p for p in positions if line[p].isdigit()]
    position = rng.choice(digits)
    changed = str((int(line[position]) + rng.randint(1, 9)) % 10)
    out = list(lines)
    out[line_index] = line[:position] + changed + line[position + 1 :]
    return out, name


# --- People --------------------------------------------------------------------------------------

FOREIGN_PEOPLE = [
    ("BRA", "Ana Cláudia", "Souza Lima", "F"), ("BRA", "Thiago", "Carvalho", "M"), ("UKR", "Olena", "Kovalenko", "F"),
    ("IND", "Rahul", "Sharma", "M"), ("GBR", "Emily Jane", "Clarke", "F"), ("CPV", "Nelson", "Tavares Semedo", "M"),
    ("NPL", "Sita", "Gurung", "F"), ("AGO", "Mário", "Neto Baptista", "M"), ("FRA", "Chloé", "Lefèvre", "F"),
    ("USA", "Michael", "O'Brien", "M"),
]  # fmt: skip


def make_foreigner(rng: random.Random, today: dt.date) -> Person:
    nationality, given, surname, sex = rng.choice(FOREIGN_PEOPLE)
    return Person(
        given_names=given,
        surname=surname,
        nif=make_nif(rng, "2"),
        date_of_birth=dt.date(rng.randint(1960, 2003), rng.randint(1, 12), rng.randint(1, 28)),
        cc_number=make_cc_number(rng),
        expiry_date=today + dt.timedelta(days=rng.randint(200, 3000)),
        sex=sex,
        nationality=nationality,
    )


def passport_number(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    shape = rng.choice(["LLDDDDDD", "LDDDDDDD", "DDDDDDDDD", "LLDDDDDDD"])
    return "".join(rng.choice(letters) if c == "L" else rng.choice("0123456789") for c in shape)


def nine_digits(rng: random.Random, *, passes_nif_check: bool) -> str:
    while True:
        number = rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(8))
        if nif_has_valid_checksum(number) == passes_nif_check:
            return number


# --- Drawing ----------------------------------------------------------------------------------------


def mrz_font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(reportlab_font_dir() / "cob_____.pfb"), size)  # Courier Bold


@dataclass
class Card:
    width: int
    height: int
    background: tuple[int, int, int]

    def __post_init__(self) -> None:
        from PIL import Image, ImageDraw

        self.image = Image.new("RGB", (self.width, self.height), self.background)
        self.draw = ImageDraw.Draw(self.image)
        self.ink = (25, 25, 30)

    def text(self, xy: tuple[int, int], text: str, size: int = 22, bold: bool = False) -> None:
        self.draw.text(xy, text, font=pil_font(size, bold=bold), fill=self.ink)

    def field(self, xy: tuple[int, int], label: str, value: str, value_size: int = 30) -> None:
        self.text(xy, label, size=19)
        self.text((xy[0], xy[1] + 25), value, size=value_size, bold=True)

    def photo(self, box: tuple[int, int, int, int]) -> None:
        self.draw.rectangle(box, fill=(200, 204, 210), outline=(120, 120, 120), width=2)

    def mrz(self, lines: list[str], top: int, size: int) -> None:
        font = mrz_font(size)
        width = font.getbbox(lines[0])[2]
        left = max(20, (self.width - width) // 2)
        self.draw.rectangle((0, top - 20, self.width, self.height), fill=(255, 255, 255))
        for index, line in enumerate(lines):
            self.draw.text((left, top + index * int(size * 1.45)), line, font=font, fill=(0, 0, 0))

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG")
        return buffer.getvalue()


def dmy(day: dt.date) -> str:
    return day.strftime("%d %m %Y")


# --- Cartao de Cidadao --------------------------------------------------------------------------


def cc_front_png(person: Person, *, variant: int = 0) -> Synthetic:
    """The front of a Cartao de Cidadao: names, sex, nationality, birth, number and expiry; no NIF, no MRZ."""
    card = Card(1300, 820, (238, 243, 240) if variant % 2 else (250, 250, 250))
    card.text((40, 30), "REPÚBLICA PORTUGUESA", size=32, bold=True)
    card.text((40, 72), "CARTÃO DE CIDADÃO / CITIZEN CARD", size=20)
    card.photo((40, 130, 330, 500))
    x = 380
    card.field((x, 130), "Apelido(s) / Surname", person.surname.upper())
    card.field((x, 220), "Nome(s) / Given Name(s)", person.given_names.upper())
    card.field((x, 310), "Sexo / Sex", person.sex)
    card.field((x + 170, 310), "Altura / Height", "1,70")
    card.field((x + 400, 310), "Nacionalidade / Nationality", person.nationality)
    card.field((x, 400), "Data de Nascimento / Date of Birth", dmy(person.date_of_birth))
    card.field((x, 490), "N.º Documento / Document No.", person.cc_number)
    card.field((x + 450, 490), "Data de Validade / Expiry Date", dmy(person.expiry_date))
    card.text((40, 620), "Assinatura / Signature", size=18)
    expected = {
        "side": "front",
        "surname": person.surname,
        "given_names": person.given_names,
        "full_name": person.full_name,
        "sex": person.sex,
        "nationality": person.nationality,
        "date_of_birth": person.date_of_birth.isoformat(),
        "document_number": person.cc_number,
        "expiry_date": person.expiry_date.isoformat(),
    }
    return Synthetic("cc-frente.png", card.png(), "image/png", "ID_DOCUMENT", "CARTAO_CIDADAO", expected,
                     method="ocr", tags=["family:cc_front"])  # fmt: skip


@dataclass
class CardBack:
    document: Synthetic
    niss: str
    health_number: str
    mrz_lines: list[str]
    corrupted_field: str | None


def cc_back(
    person: Person,
    *,
    rng: random.Random,
    variant: int = 0,
    corrupted: bool = False,
    health_passes_nif_check: bool = False,
    nif_override: str | None = None,
) -> CardBack:
    """The back of a Cartao de Cidadao: parents, NIF, NISS, health number and a TD1 MRZ.

    The NISS (11 digits) and the health-service number (9 digits, failing the NIF check unless asked) are
    printed as on a real card, so a test can check they never leave the extraction step.
    """
    number = person.cc_number.replace(" ", "")
    lines = td1(code="I", state="PRT", number=number, birth=person.date_of_birth, sex=person.sex,
                expiry=person.expiry_date, nationality=person.nationality, surname=person.surname,
                given=person.given_names)  # fmt: skip
    corrupted_field = None
    if corrupted:
        lines, corrupted_field = corrupt(lines, rng)
    niss = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(10))
    health = nine_digits(rng, passes_nif_check=health_passes_nif_check)
    nif = nif_override or person.nif
    card = Card(1300, 820, (244, 240, 236) if variant % 2 else (252, 252, 252))
    card.field((40, 30), "Filiação / Parents", "JOSÉ MANUEL " + person.surname.split()[-1].upper())
    card.text((40, 115), "MARIA DA GRAÇA " + person.surname.split()[0].upper(), size=30, bold=True)
    rows = [
        ("N.º Identificação Fiscal / Tax No.", nif),
        ("N.º Segurança Social / Social Security No.", niss),
        ("N.º Utente de Saúde / National Health User No.", health),
    ]
    if variant % 3 == 1:
        rows = [rows[1], rows[0], rows[2]]
    elif variant % 3 == 2:
        rows = [rows[2], rows[1], rows[0]]
    for index, (label, value) in enumerate(rows):
        card.field((40 + (index % 2) * 620, 180 + (index // 2) * 95), label, value)
    card.text((40, 390), "Local de Pedido / Place of Request: LISBOA", size=18)
    card.mrz(lines, top=520, size=44)
    expected: dict[str, Any] = {
        "side": "back",
        "nif": nif,
        "mrz_valid": corrupted_field is None,
        "document_number": person.cc_number,
        "date_of_birth": person.date_of_birth.isoformat(),
        "expiry_date": person.expiry_date.isoformat(),
        "sex": person.sex,
        "nationality": person.nationality,
        "surname": person.surname,
        "given_names": person.given_names,
        "full_name": person.full_name,
    }
    # Only the MRZ shows these on the back: a field whose check digit fails is left out.
    expected.pop(corrupted_field or "", None)
    tags = ["family:cc_back", "mrz:TD1", "mrz:corrupted" if corrupted else "mrz:valid"]
    if health_passes_nif_check:
        tags.append("health_number_passes_nif_check")
    document = Synthetic("cc-verso.png", card.png(), "image/png", "ID_DOCUMENT", "CARTAO_CIDADAO", expected,
                         method="ocr", tags=tags)  # fmt: skip
    return CardBack(document, niss, health, lines, corrupted_field)


# --- Passports and residence permits ------------------------------------------------------------------


@dataclass
class MrzDocument:
    document: Synthetic
    mrz_lines: list[str]
    corrupted_field: str | None
    number: str


def passport_png(person: Person, *, rng: random.Random, variant: int = 0, corrupted: bool = False) -> MrzDocument:
    """A passport data page: the visual zone (bilingual labels) and a TD3 MRZ."""
    number = passport_number(rng)
    state = person.nationality
    lines = td3(code="P", state=state, number=number, birth=person.date_of_birth, sex=person.sex,
                expiry=person.expiry_date, nationality=person.nationality, surname=person.surname,
                given=person.given_names)  # fmt: skip
    corrupted_field = None
    if corrupted:
        lines, corrupted_field = corrupt(lines, rng)
    portuguese = state in {"PRT", "BRA", "AGO", "CPV"}
    card = Card(1500, 1000, (240, 244, 250) if variant % 2 else (252, 252, 248))
    card.text((40, 30), "PASSAPORTE / PASSPORT" if portuguese else "PASSPORT / PASSEPORT", size=34, bold=True)
    card.photo((40, 110, 380, 560))
    x = 430
    labels = (
        ["Tipo / Type", "País emissor / Issuing country", "N.º do passaporte / Passport No.", "Apelido / Surname",
         "Nome / Given names", "Nacionalidade / Nationality", "Data de nascimento / Date of birth", "Sexo / Sex",
         "Data de emissão / Date of issue", "Data de validade / Date of expiry"]
        if portuguese else
        ["Type / Type", "Code / Code", "Passport No. / N° du passeport", "Surname / Nom", "Given names / Prénoms",
         "Nationality / Nationalité", "Date of birth / Date de naissance", "Sex / Sexe", "Date of issue / Date de délivrance",
         "Date of expiry / Date d'expiration"]
    )  # fmt: skip
    issued = person.expiry_date.replace(year=person.expiry_date.year - 10)
    card.field((x, 110), labels[0], "P")
    card.field((x + 200, 110), labels[1], state)
    card.field((x + 560, 110), labels[2], number)
    card.field((x, 200), labels[3], person.surname.upper())
    card.field((x, 290), labels[4], person.given_names.upper())
    card.field((x, 380), labels[5], person.nationality)
    card.field((x + 420, 380), labels[7], person.sex)
    card.field((x, 470), labels[6], dmy(person.date_of_birth))
    card.field((x, 560), labels[8], dmy(issued))
    card.field((x + 420, 560), labels[9], dmy(person.expiry_date))
    card.mrz(lines, top=800, size=38)
    # The visual zone prints every field, so a corrupted MRZ costs no field: it is read there and flagged.
    expected: dict[str, Any] = {
        "surname": person.surname,
        "given_names": person.given_names,
        "full_name": person.full_name,
        "sex": person.sex,
        "nationality": person.nationality,
        "document_number": number,
        "date_of_birth": person.date_of_birth.isoformat(),
        "expiry_date": person.expiry_date.isoformat(),
        "mrz_valid": corrupted_field is None,
    }
    tags = ["family:passport", "mrz:TD3", "mrz:corrupted" if corrupted else "mrz:valid"]
    document = Synthetic("passaporte.png", card.png(), "image/png", "ID_DOCUMENT", "PASSAPORTE", expected,
                         method="ocr", tags=tags)  # fmt: skip
    return MrzDocument(document, lines, corrupted_field, number)


def residence_permit_png(
    person: Person, *, rng: random.Random, variant: int = 0, corrupted: bool = False, side: str = "both"
) -> MrzDocument:
    """A Portuguese titulo de residencia: front (names, nationality, dates) and back (TD1 MRZ) on one image."""
    number = "".join(rng.choice("0123456789") for _ in range(9)) if variant % 2 else (
        rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(rng.choice("0123456789") for _ in range(8)))  # fmt: skip
    code = ("IR", "AR", "IP")[variant % 3]
    lines = td1(code=code, state="PRT", number=number, birth=person.date_of_birth, sex=person.sex,
                expiry=person.expiry_date, nationality=person.nationality, surname=person.surname,
                given=person.given_names)  # fmt: skip
    corrupted_field = None
    if corrupted:
        lines, corrupted_field = corrupt(lines, rng)
    card = Card(1300, 1640 if side == "both" else 820, (246, 242, 250) if variant % 2 else (252, 252, 252))
    if side in {"both", "front"}:
        card.text((40, 30), "REPÚBLICA PORTUGUESA", size=30, bold=True)
        card.text((40, 70), "TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT", size=22, bold=True)
        card.photo((40, 130, 330, 500))
        x = 380
        card.field((x, 130), "Apelido(s) / Surname", person.surname.upper())
        card.field((x, 220), "Nome(s) / Given names", person.given_names.upper())
        card.field((x, 310), "Sexo / Sex", person.sex)
        card.field((x + 200, 310), "Nacionalidade / Nationality", person.nationality)
        card.field((x, 400), "Data de Nascimento / Date of Birth", dmy(person.date_of_birth))
        card.field((x, 490), "N.º do Título / Permit No.", number)
        card.field((x + 450, 490), "Válido até / Valid until", dmy(person.expiry_date))
        card.text((40, 600), "Tipo de título / Type of permit: AUTORIZAÇÃO DE RESIDÊNCIA TEMPORÁRIA", size=18)
    if side in {"both", "back"}:
        top = 820 if side == "both" else 0
        card.draw.line((0, top, card.width, top), fill=(150, 150, 150), width=3)
        card.text((40, top + 40), "Observações / Remarks: EXERCÍCIO DE ATIVIDADE PROFISSIONAL", size=18)
        card.text((40, top + 90), "Local de emissão / Place of issue: LISBOA", size=18)
        card.mrz(lines, top=top + 540, size=44)
    expected: dict[str, Any] = {
        "surname": person.surname,
        "given_names": person.given_names,
        "sex": person.sex,
        "nationality": person.nationality,
        "document_number": number,
        "date_of_birth": person.date_of_birth.isoformat(),
        "expiry_date": person.expiry_date.isoformat(),
        "mrz_valid": corrupted_field is None,
    }
    if side == "back":
        expected.pop(corrupted_field or "", None)
    else:
        expected["full_name"] = person.full_name
    tags = ["family:residence_permit", "mrz:TD1", "mrz:corrupted" if corrupted else "mrz:valid"]
    document = Synthetic("titulo-residencia.png", card.png(), "image/png", "ID_DOCUMENT", "TITULO_RESIDENCIA",
                         expected, method="ocr", tags=tags)  # fmt: skip
    return MrzDocument(document, lines, corrupted_field, number)


# Other states' identity cards: the title each prints and its MRZ layout (the older Romanian card is a TD2).
FOREIGN_CARDS = {
    "ESP": ("REINO DE ESPAÑA  DOCUMENTO NACIONAL DE IDENTIDAD", "TD1"),
    "FRA": ("RÉPUBLIQUE FRANÇAISE  CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD", "TD1"),
    "ITA": ("REPUBBLICA ITALIANA  CARTA DI IDENTITÀ / IDENTITY CARD", "TD1"),
    "ROU": ("ROMÂNIA  CARTE DE IDENTITATE / IDENTITY CARD", "TD2"),
}


def foreign_card_png(person: Person, *, rng: random.Random, state: str, side: str) -> MrzDocument:
    """Another state's identity card, one side: the front (title, bilingual labels, no MRZ) or the back
    (place of birth, address and the MRZ)."""
    title, layout = FOREIGN_CARDS[state]
    # The same card on both sides: its number follows from the holder, not from the call.
    own = random.Random(f"{state}|{person.full_name}|{person.date_of_birth}")
    number = "".join(own.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "".join(
        own.choice("0123456789") for _ in range(6)
    )
    make_mrz = td1 if layout == "TD1" else td2
    lines = make_mrz(code="ID", state=state, number=number, birth=person.date_of_birth, sex=person.sex,
                     expiry=person.expiry_date, nationality=state, surname=person.surname,
                     given=person.given_names)  # fmt: skip
    card = Card(1300, 820, (236, 242, 248))
    expected: dict[str, Any] = {"side": side, "date_of_birth": person.date_of_birth.isoformat()}
    if side == "front":
        card.text((40, 30), title, size=28, bold=True)
        card.photo((40, 110, 330, 480))
        x = 380
        card.field((x, 110), "Surname / Apellidos / Nom", person.surname.upper())
        card.field((x, 200), "Given names / Nombre / Prénoms", person.given_names.upper())
        card.field((x, 290), "Sex / Sexo", person.sex)
        card.field((x + 200, 290), "Nationality / Nacionalidad", state)
        card.field((x, 380), "Date of birth / Fecha de nacimiento", dmy(person.date_of_birth))
        card.field((x, 470), "Document No. / Núm. soporte", number)
        card.field((x + 450, 470), "Date of expiry / Validez", dmy(person.expiry_date))
        expected.update(surname=person.surname, given_names=person.given_names, document_number=number,
                        expiry_date=person.expiry_date.isoformat(), mrz_valid=None)  # fmt: skip
    else:
        card.text((40, 40), "Place of birth / Lugar de nacimiento: " + rng.choice(["SEVILLA", "LYON", "ROMA"]), size=20)
        card.text((40, 90), "Address / Domicilio: CALLE MAYOR 12, 3º", size=20)
        card.mrz(lines, top=500, size=44 if layout == "TD1" else 38)
        expected.update(document_number=number, expiry_date=person.expiry_date.isoformat(), mrz_valid=True,
                        nationality=state, sex=person.sex)  # fmt: skip
    tags = [f"family:foreign_card:{state}", f"mrz:{layout}", f"side:{side}"]
    document = Synthetic(f"id-{state.lower()}-{side}.png", card.png(), "image/png", "ID_DOCUMENT",
                         "CARTAO_IDENTIDADE_ESTRANGEIRO", expected, method="ocr", tags=tags)  # fmt: skip
    return MrzDocument(document, lines, None, number)


# --- Corpus --------------------------------------------------------------------------------------------


def phone_photo(document: Synthetic, *, rng: random.Random) -> Synthetic:
    """A harsher capture than ``scan``: smaller, more tilted, blurrier, more compressed."""
    from PIL import Image

    from samples.synthetic import scan

    image = Image.open(io.BytesIO(document.data)).convert("RGB")
    image = image.resize((int(image.width * 0.75), int(image.height * 0.75)), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    smaller = Synthetic(document.name, buffer.getvalue(), document.content_type, document.document_type,
                        document.kind, document.expected, method=document.method, tags=document.tags)  # fmt: skip
    photo = scan(smaller, rng=rng, dpi=150, rotation=rng.uniform(-3.5, 3.5), blur=rng.uniform(0.6, 1.1), quality=60)
    photo.name = photo.name.replace("-scan", "-photo")
    photo.tags = [*document.tags, "photo"]
    return photo


def identity_corpus(today: dt.date | None = None, seed: int = 23, size: int = 4) -> list[Synthetic]:
    """CC fronts and backs, passports and residence permits; valid and corrupted MRZs; clean, scanned, photographed."""
    from samples.synthetic import make_person, scan

    today = today or dt.date.today()
    rng = random.Random(seed)
    corpus: list[Synthetic] = []
    for index in range(size):
        person = make_person(rng, today)
        foreigner = make_foreigner(rng, today)
        documents = [
            cc_front_png(person, variant=index),
            cc_back(person, rng=rng, variant=index, health_passes_nif_check=index % 2 == 1).document,
            cc_back(person, rng=rng, variant=index + 1, corrupted=True).document,
            passport_png(foreigner, rng=rng, variant=index).document,
            passport_png(foreigner, rng=rng, variant=index + 1, corrupted=True).document,
            residence_permit_png(foreigner, rng=rng, variant=index, side="both" if index % 2 else "back").document,
            residence_permit_png(foreigner, rng=rng, variant=index + 1, corrupted=True, side="both").document,
        ]
        for document in documents:
            corpus.append(document)
            capture = scan(document, rng=rng) if (index + len(corpus)) % 2 else phone_photo(document, rng=rng)
            corpus.append(capture)
    return corpus
