"""Payslip layout families modelled on how Portuguese payroll programs print, written without looking at the
parsers: the point of these is to be read by structure and arithmetic, not by a label list tuned to them.

Each family draws the same payroll (``Payroll``) its own way: a coded table whose totals row holds two
amounts under one label, a header row with the values on the row below (and more headers than values),
right-aligned two-column earnings/deductions, a two-page slip with the totals on the second page, and a
one-line summary in an unusual order. Rates printed as bare numbers ("11,00"), incidence bases, year-to-date
figures and IBANs are on the page as well, as they are on real slips.

The payroll itself follows Portuguese rules: meal allowance exempt up to 6,00 EUR a day (SS and IRS
apply to the rest), 11% employee social security, IRS withheld at one rate on the regular pay and, apart,
on a subsidio de ferias or de Natal paid that month; or both subsidies paid monthly in duodecimos.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from samples.synthetic import EMPLOYERS, MONTH_NAMES, Person, Synthetic, register_vera

CENT = Decimal("0.01")
SS_RATE = Decimal("0.11")
MEAL_EXEMPT_PER_DAY = Decimal("6.00")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def pt(value: Decimal, thousands: str = ".") -> str:
    whole, _, cents = f"{money(value):,.2f}".partition(".")
    return f"{whole.replace(',', thousands)},{cents}"


@dataclass
class Payroll:
    """One month's pay, computed the way payroll software does."""

    base: Decimal
    meal_days: int
    meal_per_day: Decimal
    irs_rate: Decimal
    subsidy_name: str | None = None  # "Subsídio de Férias" / "Subsídio de Natal" paid whole this month
    twelfths: bool = False  # both subsidies paid monthly in duodecimos
    other_deduction: Decimal = Decimal("0")  # union fee, insurance...
    lines: list[tuple[str, Decimal]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.meal = money(self.meal_per_day * self.meal_days)
        meal_taxable = money(max(Decimal("0"), self.meal_per_day - MEAL_EXEMPT_PER_DAY) * self.meal_days)
        self.subsidy = money(self.base) if self.subsidy_name else Decimal("0")
        self.twelfths_amount = money(self.base / 12) * 2 if self.twelfths else Decimal("0")
        self.earnings = [("base", money(self.base)), ("meal", self.meal)]
        if self.twelfths:
            self.earnings += [("twelfths_ferias", money(self.base / 12)), ("twelfths_natal", money(self.base / 12))]
        if self.subsidy_name:
            self.earnings.append(("subsidy", self.subsidy))
        self.gross = sum((value for _, value in self.earnings), Decimal("0"))
        regular_taxable = money(self.base) + meal_taxable + self.twelfths_amount
        self.ss_base = regular_taxable + self.subsidy
        self.social_security = money(self.ss_base * SS_RATE)
        self.irs_regular = money(regular_taxable * self.irs_rate)
        self.irs_subsidy = money(self.subsidy * self.irs_rate)
        self.irs = self.irs_regular + self.irs_subsidy
        self.deductions = self.social_security + self.irs + self.other_deduction
        self.net = self.gross - self.deductions
        # What the month would have paid without the lump subsidy: its own SS and IRS taken out too.
        self.regular_net = self.net - (self.subsidy - money(self.subsidy * SS_RATE) - self.irs_subsidy)

    def expected(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "base_salary": float(money(self.base)),
            "gross_pay": float(self.gross),
            "social_security": float(self.social_security),
            "irs_withholding": float(self.irs),
            "net_pay": float(self.net),
            "regular_net_pay": float(self.regular_net),
        }
        if self.subsidy_name:
            out["subsidy_amount"] = float(self.subsidy)
        if self.twelfths:
            out["subsidy_twelfths_amount"] = float(self.twelfths_amount)
        return out


def make_payroll(rng: random.Random, period: dt.date, *, base: Decimal, subsidies: bool = True) -> Payroll:
    subsidy_name = None
    twelfths = False
    if subsidies:
        if period.month in (6, 7) and rng.random() < 0.7:
            subsidy_name = rng.choice(["Subsídio de Férias", "Sub. Férias", "Subsídio Férias"])
        elif period.month in (11, 12) and rng.random() < 0.7:
            subsidy_name = rng.choice(["Subsídio de Natal", "Sub. Natal", "Subsídio Natal"])
        elif rng.random() < 0.2:
            twelfths = True
    return Payroll(
        base=base,
        meal_days=rng.randint(19, 22),
        meal_per_day=Decimal(rng.choice(["6.00", "7.63", "9.60", "10.20"])),
        irs_rate=Decimal(rng.choice(["0.087", "0.115", "0.134", "0.158", "0.197"])),
        subsidy_name=subsidy_name,
        twelfths=twelfths,
        other_deduction=Decimal(rng.choice(["0", "0", "8.50", "12.75"])),
    )


# --- Drawing -------------------------------------------------------------------------------------------


class Sheet:
    """A reportlab canvas with a cursor, pages and right-aligned columns."""

    def __init__(self, font: str = "Helvetica", bold: str = "Helvetica-Bold") -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        register_vera()
        self.buffer = io.BytesIO()
        self.pdf = canvas.Canvas(self.buffer, pagesize=A4)
        self.height = A4[1]
        self.y = self.height - 56
        self.font, self.bold = font, bold

    def text(self, x: float, text: str, *, size: float = 9, bold: bool = False, right: bool = False) -> None:
        self.pdf.setFont(self.bold if bold else self.font, size)
        (self.pdf.drawRightString if right else self.pdf.drawString)(x, self.y, text)

    def down(self, step: float = 14) -> None:
        self.y -= step

    def rule(self) -> None:
        self.pdf.line(40, self.y + 9, 555, self.y + 9)

    def new_page(self) -> None:
        self.pdf.showPage()
        self.y = self.height - 56

    def bytes(self) -> bytes:
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()


EARNING_WORDS = {
    "base": ["Vencimento", "Ordenado Base", "Remuneração Base", "Vencimento Mensal", "Salário Base"],
    "meal": ["Subsídio de Refeição", "Sub. Alimentação", "Subs. Refeição (cartão)", "Subsídio Alimentação"],
    "twelfths_ferias": ["Duodécimos Sub. Férias", "Sub. Férias (duodécimos)"],
    "twelfths_natal": ["Duodécimos Sub. Natal", "Sub. Natal (duodécimos)"],
}


def earning_label(kind: str, payroll: Payroll, variant: int) -> str:
    if kind == "subsidy":
        return payroll.subsidy_name or "Subsídio"
    words = EARNING_WORDS[kind]
    return words[variant % len(words)]


@dataclass
class Slip:
    person: Person
    employer: tuple[str, str]
    period: dt.date
    payroll: Payroll
    variant: int
    rng: random.Random

    @property
    def month_text(self) -> str:
        return f"{MONTH_NAMES[self.period.month - 1]} {self.period.year}"

    @property
    def niss(self) -> str:
        return "1" + "".join(self.rng.choice("0123456789") for _ in range(10))

    def iban(self) -> str:
        digits = "".join(self.rng.choice("0123456789") for _ in range(21))
        return f"PT50 {digits[:4]} {digits[4:8]} {digits[8:19]} {digits[19:]}"


# Family 1: a coded table (code, description, quantity or rate, unit value, earnings, deductions); one
# totals row with both totals under one label; net below. Rates and quantities are bare numbers.
def family_coded_table(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Helvetica", "Helvetica-Bold")
    s.text(40, slip.employer[0], size=12, bold=True)
    s.text(555, "RECIBO DE VENCIMENTO", size=11, bold=True, right=True)
    s.down()
    s.text(40, f"Contribuinte n.º {slip.employer[1]}  ·  Rua das Flores, 12  ·  1200-195 Lisboa", size=8)
    s.down(22)
    s.text(40, "Nome")
    s.text(120, slip.person.full_name.upper(), bold=True)
    s.text(380, "N.º Mec.")
    s.text(440, str(slip.rng.randint(10, 999)))
    s.down()
    s.text(40, "N.º Contrib.")
    s.text(120, slip.person.nif)
    s.text(380, "N.º Benef.")
    s.text(440, slip.niss)
    s.down()
    s.text(40, "Período")
    s.text(120, f"01/{slip.period.month:02d}/{slip.period.year} a 30/{slip.period.month:02d}/{slip.period.year}")
    s.text(380, "Categoria")
    s.text(440, "Técnico Administrativo")
    s.down(24)
    for x, head in ((40, "Cód."), (80, "Descrição"), (270, "Qtd./Taxa"), (340, "Valor Unit."), (470, "Remunerações"), (555, "Descontos")):  # fmt: skip
        s.text(x, head, bold=True, right=x > 300)
    s.down(4)
    s.rule()
    s.down(12)
    rows: list[tuple[str, str, str, str, Decimal | None, Decimal | None]] = []
    for index, (kind, value) in enumerate(p.earnings):
        quantity = f"{p.meal_days},00" if kind == "meal" else "1,00"
        unit = pt(p.meal_per_day) if kind == "meal" else pt(value)
        rows.append((f"R{index + 1:02d}", earning_label(kind, p, slip.variant), quantity, unit, value, None))
    rows.append(("D01", "Segurança Social", "11,00", pt(p.ss_base), None, p.social_security))
    rate = pt(p.irs_rate * 100)
    if p.subsidy:
        rows.append(("D02", "IRS", rate, pt(p.ss_base - p.subsidy), None, p.irs_regular))
        rows.append(("D03", f"IRS {p.subsidy_name}", rate, pt(p.subsidy), None, p.irs_subsidy))
    else:
        rows.append(("D02", "Retenção IRS", rate, "", None, p.irs))
    if p.other_deduction:
        rows.append(("D09", "Quotização Sindical", "", "", None, p.other_deduction))
    for code, label, quantity, unit, earning, deduction in rows:
        s.text(40, code)
        s.text(80, label)
        s.text(305, quantity, right=True)
        s.text(390, unit, right=True)
        if earning is not None:
            s.text(470, pt(earning), right=True)
        if deduction is not None:
            s.text(555, pt(deduction), right=True)
        s.down()
    s.rule()
    s.down(4)
    s.text(80, "Totais", bold=True)
    s.text(470, pt(p.gross), bold=True, right=True)
    s.text(555, pt(p.deductions), bold=True, right=True)
    s.down(22)
    s.text(380, "Líquido a receber", bold=True)
    s.text(555, pt(p.net), bold=True, right=True)
    s.down(20)
    s.text(40, f"Pagamento por transferência para {slip.iban()}", size=8)
    return s.bytes()


# Family 2: header row of labels with the values on the row below, more headers than amounts (a text
# column in the middle), a year-to-date block with its own gross and IRS.
def family_header_value_rows(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Times-Roman", "Times-Bold")
    s.text(40, "Folha de Remunerações", size=13, bold=True)
    s.text(555, slip.month_text, size=11, right=True)
    s.down(20)
    s.text(40, f"{slip.employer[0]}  NIPC {slip.employer[1]}")
    s.down(18)
    for x, head in ((40, "Colaborador"), (260, "NIF"), (360, "NISS"), (470, "Admissão")):
        s.text(x, head, bold=True)
    s.down()
    s.text(40, slip.person.full_name)
    s.text(260, slip.person.nif)
    s.text(360, slip.niss)
    s.text(470, "01/03/2019")
    s.down(24)
    s.text(40, "Abonos", bold=True)
    s.down()
    for kind, value in p.earnings:
        s.text(60, earning_label(kind, p, slip.variant + 1))
        s.text(300, pt(value), right=True)
        s.down()
    s.down(6)
    s.text(40, "Descontos", bold=True)
    s.down()
    deductions = [("Seg. Social (11%)", p.social_security), ("IRS", p.irs)]
    if p.other_deduction:
        deductions.append(("Seguro de Saúde", p.other_deduction))
    for label, value in deductions:
        s.text(60, label)
        s.text(300, pt(value), right=True)
        s.down()
    s.down(12)
    heads = ["Base de Incidência", "Ilíquido", "Forma de Pagamento", "Total Descontos", "Líquido"]
    xs = [40, 150, 250, 370, 470]
    for x, head in zip(xs, heads, strict=True):
        s.text(x, head, bold=True)
    s.down()
    values = [pt(p.ss_base), pt(p.gross), "Transferência", pt(p.deductions), pt(p.net)]
    for x, cell in zip(xs, values, strict=True):
        s.text(x, cell)
    s.down(26)
    s.text(40, "Acumulados do ano", bold=True, size=8)
    s.down(12)
    s.text(40, f"Ilíquido {pt(p.gross * slip.period.month)}   IRS {pt(p.irs * slip.period.month)}   "
               f"Seg. Social {pt(p.social_security * slip.period.month)}", size=8)  # fmt: skip
    return s.bytes()


# Family 3: earnings and deductions side by side, amounts right-aligned in two columns, then a footer with
# totals in a different vocabulary ("Total ganhos", "Total deduções", "Valor a transferir").
def family_two_columns(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Vera", "VeraBd")
    s.text(40, "RECIBO DE REMUNERAÇÕES", size=12, bold=True)
    s.down(18)
    s.text(40, f"Entidade: {slip.employer[0]}", size=9)
    s.text(360, f"NIF {slip.employer[1]}", size=9)
    s.down()
    s.text(40, f"Trabalhador: {slip.person.full_name}", size=9)
    s.text(360, f"NIF {slip.person.nif}", size=9)
    s.down()
    s.text(40, f"Mês de processamento: {slip.period.month:02d}/{slip.period.year}", size=9)
    s.down(22)
    s.text(40, "Ganhos", bold=True)
    s.text(300, "Deduções", bold=True)
    s.down(16)
    left = [(earning_label(k, p, slip.variant + 2), v) for k, v in p.earnings]
    right = [("Seg. Social", p.social_security), ("Ret. IRS", p.irs)]
    if p.other_deduction:
        right.append(("Quotas Sindicato", p.other_deduction))
    for index in range(max(len(left), len(right))):
        if index < len(left):
            s.text(40, left[index][0])
            s.text(270, pt(left[index][1], " "), right=True)
        if index < len(right):
            s.text(300, right[index][0])
            s.text(540, pt(right[index][1], " "), right=True)
        s.down()
    s.down(8)
    s.rule()
    s.text(40, "Total ganhos", bold=True)
    s.text(270, pt(p.gross, " "), bold=True, right=True)
    s.text(300, "Total deduções", bold=True)
    s.text(540, pt(p.deductions, " "), bold=True, right=True)
    s.down(24)
    s.text(300, "Valor a transferir", bold=True, size=11)
    s.text(540, pt(p.net, " "), bold=True, size=11, right=True)
    return s.bytes()


# Family 4: two pages; the first holds the header and the earnings, the second the deductions and a
# summary in which the employee's net comes first.
def family_two_pages(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Courier", "Courier-Bold")
    for page in (1, 2):
        s.text(40, f"{slip.employer[0]} - Processamento de Salários", size=10, bold=True)
        s.text(555, f"Pág. {page}/2", size=8, right=True)
        s.down()
        s.text(40, f"Referência: {MONTH_NAMES[slip.period.month - 1].lower()}/{slip.period.year}", size=9)
        s.down(18)
        if page == 1:
            s.text(40, "Funcionário")
            s.down()
            s.text(40, f"{slip.person.full_name}  (NIF {slip.person.nif})")
            s.down()
            s.text(40, f"Contribuinte da empresa {slip.employer[1]}")
            s.down(22)
            s.text(40, "Remunerações", bold=True)
            s.down()
            for kind, value in p.earnings:
                s.text(60, earning_label(kind, p, slip.variant + 3))
                s.text(520, pt(value), right=True)
                s.down()
            s.down(10)
            s.text(60, "Soma", bold=True)
            s.text(520, pt(p.gross), bold=True, right=True)
            s.new_page()
        else:
            s.text(40, "Descontos (continuação)", bold=True)
            s.down()
            s.text(60, "Taxa Seg. Social 11,00")
            s.text(520, pt(p.social_security), right=True)
            s.down()
            s.text(60, f"IRS taxa {pt(p.irs_rate * 100)}")
            s.text(520, pt(p.irs), right=True)
            s.down()
            if p.other_deduction:
                s.text(60, "Outros descontos")
                s.text(520, pt(p.other_deduction), right=True)
                s.down()
            s.down(16)
            s.text(40, f"A receber: {pt(p.net)} EUR   Bruto: {pt(p.gross)} EUR   Descontos: {pt(p.deductions)} EUR")
            s.down(14)
            s.text(40, f"IBAN {slip.iban()}", size=8)
    return s.bytes()


# Family 5: a summary line in an unusual order and vocabulary, with no title beyond the program's name;
# the employee appears after a label whose own line is empty and whose next line is a deduction header.
def family_summary_line(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Helvetica", "Helvetica-Bold")
    s.text(40, "Recibo de Salário", size=14, bold=True)
    s.text(555, f"{slip.period.month:02d}-{slip.period.year}", size=10, right=True)
    s.down(20)
    s.text(40, "Empregado:")
    s.down()
    s.text(40, "Seg. Social Trabalhador 11%   IRS Categoria A", size=7)
    s.down()
    s.text(40, slip.person.full_name.upper(), size=11, bold=True)
    s.text(360, f"Contribuinte: {slip.person.nif}")
    s.down()
    s.text(40, f"Empresa: {slip.employer[0]}")
    s.text(360, f"NIPC: {slip.employer[1]}")
    s.down(24)
    for kind, value in p.earnings:
        s.text(40, earning_label(kind, p, slip.variant + 4))
        s.text(400, "€", right=True)
        s.text(480, pt(value), right=True)
        s.down()
    for label, value in (("Contribuição SS", p.social_security), ("Retenção na fonte", p.irs)):
        s.text(40, label)
        s.text(400, "€", right=True)
        s.text(480, f"-{pt(value)}", right=True)
        s.down()
    if p.other_deduction:
        s.text(40, "Quota sindical")
        s.text(480, f"-{pt(p.other_deduction)}", right=True)
        s.down()
    s.down(12)
    s.text(40, f"Valor líquido {pt(p.net)} | Total remunerações {pt(p.gross)} | Total descontos {pt(p.deductions)}",
           bold=True)  # fmt: skip
    return s.bytes()


# --- Families in the manner of other payroll products (issue 14): drawn from how those programs print,
# not from what the parsers expect. Amounts with and without thousands separators, labels that change
# from product to product.


def box(s: Sheet, x: float, top: float, width: float, height: float) -> None:
    s.pdf.rect(x, top - height, width, height)


def deduction_rows(p: Payroll, words: tuple[str, str, str]) -> list[tuple[str, Decimal]]:
    rows = [(words[0], p.social_security), (words[1], p.irs)]
    if p.other_deduction:
        rows.append((words[2], p.other_deduction))
    return rows


# Family 6 (Primavera-like): every section in a box; the identification box has small captions over the
# values; remunerações and descontos boxes side by side; a totals box of captioned cells (hourly rate
# first). Amounts without thousands separators.
def family_boxed_sections(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Helvetica", "Helvetica-Bold")
    top = s.y + 14
    box(s, 40, top, 515, 46)
    s.text(50, slip.employer[0], size=11, bold=True)
    s.text(545, "Recibo de Vencimento", size=11, bold=True, right=True)
    s.down()
    s.text(50, f"N.º Contribuinte {slip.employer[1]}", size=8)
    s.text(545, f"Mês: {slip.month_text}", size=9, right=True)
    s.down(36)
    top = s.y + 14
    box(s, 40, top, 515, 38)
    for x, caption in ((50, "Nome"), (300, "N.º Contribuinte"), (420, "N.º Seg. Social")):
        s.text(x, caption, size=7)
    s.down(14)
    s.text(50, slip.person.full_name, size=10)
    s.text(300, slip.person.nif, size=10)
    s.text(420, slip.niss, size=10)
    s.down(30)
    earnings = [(earning_label(k, p, slip.variant + 5), v) for k, v in p.earnings]
    deductions = deduction_rows(p, ("Seg. Social", "I.R.S.", "Seguro Vida"))
    height = 22 + 13 * max(len(earnings), len(deductions))
    top = s.y + 14
    box(s, 40, top, 255, height)
    box(s, 300, top, 255, height)
    s.text(50, "REMUNERAÇÕES", size=8, bold=True)
    s.text(310, "DESCONTOS", size=8, bold=True)
    s.down(16)
    for index in range(max(len(earnings), len(deductions))):
        if index < len(earnings):
            s.text(50, earnings[index][0], size=8)
            s.text(288, pt(earnings[index][1], ""), size=8, right=True)
        if index < len(deductions):
            s.text(310, deductions[index][0], size=8)
            s.text(548, pt(deductions[index][1], ""), size=8, right=True)
        s.down(13)
    s.y = top - height - 24
    top = s.y + 14
    cells = [("Vencimento/Hora", money(p.base * 12 / 52 / 40)), ("Total Remunerações", p.gross),
             ("Total Descontos", p.deductions), ("Líquido a Receber", p.net)]  # fmt: skip
    for index, (caption, _) in enumerate(cells):
        box(s, 40 + index * 129, top, 125, 34)
        s.text(46 + index * 129, caption, size=7)
    s.down(18)
    for index, (_, value) in enumerate(cells):
        s.text(160 + index * 129, pt(value, ""), size=10, bold=index == 3, right=True)
    s.down(30)
    s.text(40, "Recebi a importância líquida constante deste recibo.", size=7)
    return s.bytes()


# Family 7 (Sage-like export): the amount column comes first, right-aligned, and the description after it;
# deductions carry a minus sign; a rate or a base may follow the description.
def family_amount_first(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Courier", "Courier-Bold")
    s.text(40, "RECIBO DE VENCIMENTO", size=12, bold=True)
    s.down()
    s.text(40, f"{slip.employer[0]} / NIF {slip.employer[1]}", size=9)
    s.down(20)
    s.text(40, f"Empregado: {slip.person.full_name}", size=9)
    s.down()
    s.text(40, f"Contribuinte: {slip.person.nif}   Período: {slip.period.month:02d}/{slip.period.year}", size=9)
    s.down(22)
    s.text(120, "Valor", size=9, bold=True, right=True)
    s.text(140, "Descrição", size=9, bold=True)
    s.down()
    for kind, value in p.earnings:
        label = earning_label(kind, p, slip.variant + 6)
        if kind == "meal":
            label += f" ({p.meal_days} dias)"
        s.text(120, pt(value), size=9, right=True)
        s.text(140, label, size=9)
        s.down()
    s.text(120, pt(p.gross), size=9, bold=True, right=True)
    s.text(140, "Total Ilíquido", size=9, bold=True)
    s.down(18)
    rows = [(p.social_security, "Segurança Social 11%"), (p.irs, f"IRS (taxa {pt(p.irs_rate * 100)}%)")]
    if p.other_deduction:
        rows.append((p.other_deduction, "Quota Sindical"))
    for value, label in rows:
        s.text(120, f"-{pt(value)}", size=9, right=True)
        s.text(140, label, size=9)
        s.down()
    s.text(120, f"-{pt(p.deductions)}", size=9, bold=True, right=True)
    s.text(140, "Total Descontos", size=9, bold=True)
    s.down(20)
    s.text(120, pt(p.net), size=10, bold=True, right=True)
    s.text(140, "LÍQUIDO A PAGAR", size=10, bold=True)
    return s.bytes()


# Family 8 (Cegid/PHC-like): rubric table with separate abonos/descontos columns and no totals row;
# the summary is a header row of five captions (TSU and IRS broken out) over a row of five values.
def family_column_summary(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Times-Roman", "Times-Bold")
    s.text(40, slip.employer[0].upper(), size=11, bold=True)
    s.down()
    s.text(40, f"NIPC {slip.employer[1]}", size=8)
    s.text(555, "Recibo de Remunerações", size=11, bold=True, right=True)
    s.down(22)
    s.text(40, f"Trabalhador: {slip.person.full_name}")
    s.text(380, f"NIF: {slip.person.nif}")
    s.down()
    s.text(40, f"Período de {slip.period:%d.%m.%Y} a {slip.period.replace(day=28):%d.%m.%Y}")
    s.down(22)
    for x, head, right in ((40, "Rubrica", False), (400, "Abonos", True), (500, "Descontos", True)):
        s.text(x, head, bold=True, right=right)
    s.down()
    for kind, value in p.earnings:
        s.text(40, earning_label(kind, p, slip.variant + 7))
        s.text(400, pt(value), right=True)
        s.down()
    for label, value in deduction_rows(p, ("TSU Trabalhador", "Retenção IRS", "Penhora")):
        s.text(40, label)
        s.text(500, pt(value), right=True)
        s.down()
    s.down(16)
    heads = ["Remuneração Ilíquida", "TSU", "Retenção IRS", "Outros Descontos", "Valor Líquido"]
    values = [p.gross, p.social_security, p.irs, p.other_deduction, p.net]
    for index, head in enumerate(heads):
        s.text(40 + index * 105, head, size=8, bold=True)
    s.down()
    for index, value in enumerate(values):
        s.text(40 + index * 105, pt(value), size=9)
    s.down(24)
    s.text(40, "Pago por transferência bancária.", size=8)
    return s.bytes()


# Family 9 (TOConline-like, cloud): key-value lines with dotted leaders and a euro sign before the amount,
# ISO dates, "salário bruto / salário líquido" vocabulary.
def family_key_value_euro(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Vera", "VeraBd")
    s.text(40, f"Recibo de vencimento n.º {slip.period.year}/{slip.rng.randint(100, 999)}", size=12, bold=True)
    s.down(18)
    last = slip.period.replace(day=28)
    s.text(40, f"Período: {slip.period.isoformat()} a {last.isoformat()}", size=8)
    s.down(18)

    def pair(label: str, value: str, *, bold: bool = False) -> None:
        s.text(40, label + " " + "." * max(3, 60 - len(label)), size=9, bold=bold)
        s.text(555, value, size=9, bold=bold, right=True)
        s.down()

    pair("Entidade empregadora", slip.employer[0])
    pair("NIF da entidade", slip.employer[1])
    pair("Nome do colaborador", slip.person.full_name)
    pair("NIF do colaborador", slip.person.nif)
    s.down(10)
    s.text(40, "Rendimentos", size=10, bold=True)
    s.down()
    for kind, value in p.earnings:
        pair(earning_label(kind, p, slip.variant + 8), f"€ {pt(value)}")
    pair("Salário bruto", f"€ {pt(p.gross)}", bold=True)
    s.down(8)
    s.text(40, "Retenções e contribuições", size=10, bold=True)
    s.down()
    for label, value in deduction_rows(p, ("Contribuição Segurança Social", "Retenção na fonte (IRS)", "Seguro")):
        pair(label, f"€ {pt(value)}")
    pair("Total de descontos", f"€ {pt(p.deductions)}", bold=True)
    s.down(8)
    pair("Salário líquido", f"€ {pt(p.net)}", bold=True)
    s.down(10)
    s.text(40, f"Data de pagamento: {last.isoformat()}", size=8)
    return s.bytes()


# Family 10 (an in-house export): semicolon-separated lines, upper-case keys with underscores, amounts
# without thousands separators.
def family_semicolon_export(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Courier", "Courier-Bold")
    lines = [
        "RECIBO_VENCIMENTO;EXPORTACAO RH",
        f"EMPRESA;{slip.employer[0]};NIPC;{slip.employer[1]}",
        f"COLABORADOR;{slip.person.full_name.upper()};NIF;{slip.person.nif}",
        f"PERIODO;{slip.period.year}-{slip.period.month:02d}",
        "COD;RUBRICA;VALOR",
    ]
    for index, (kind, value) in enumerate(p.earnings):
        lines.append(f"{100 + index};{earning_label(kind, p, slip.variant + 9).upper()};{pt(value, '')}")
    for index, (label, value) in enumerate(deduction_rows(p, ("SEG SOCIAL", "RET IRS", "SINDICATO"))):
        lines.append(f"{500 + index};{label};{pt(value, '')}")
    lines += [f"TOTAL_ABONOS;{pt(p.gross, '')}", f"TOTAL_DESCONTOS;{pt(p.deductions, '')}",
              f"LIQUIDO;{pt(p.net, '')}"]  # fmt: skip
    for line in lines:
        s.text(40, line, size=9)
        s.down(13)
    return s.bytes()


# Family 11 (three pages, a long slip): page subtotals carried over ("A transportar" / "Transporte"),
# identification repeated on every page, the totals on the last page.
def family_carry_forward(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Helvetica", "Helvetica-Bold")
    earnings = [(earning_label(k, p, slip.variant + 10), v) for k, v in p.earnings]
    half = max(1, len(earnings) // 2)
    pages = [earnings[:half], earnings[half:], []]
    carried = Decimal("0")
    for number, rows in enumerate(pages, start=1):
        s.text(40, f"{slip.employer[0]}  (Contribuinte {slip.employer[1]})", size=9, bold=True)
        s.text(555, f"Folha {number} de 3", size=8, right=True)
        s.down()
        s.text(40, f"Recibo de vencimento - {slip.month_text} - {slip.person.full_name} - NIF {slip.person.nif}",
               size=8)  # fmt: skip
        s.down(22)
        if number > 1 and carried:
            s.text(60, "Transporte")
            s.text(520, pt(carried), right=True)
            s.down(16)
        for label, value in rows:
            s.text(60, label)
            s.text(520, pt(value), right=True)
            carried += value
            s.down()
        if number == 2:
            s.down(6)
            s.text(60, "Total ilíquido", bold=True)
            s.text(520, pt(p.gross), bold=True, right=True)
            s.down(20)
            for label, value in deduction_rows(p, ("Seg. Social", "Retenção IRS", "Quota sindical")):
                s.text(60, label)
                s.text(520, pt(value), right=True)
                s.down()
            carried = Decimal("0")
        if number == 1:
            s.down(6)
            s.text(60, "A transportar")
            s.text(520, pt(carried), right=True)
        if number == 3:
            s.text(60, "Total descontos")
            s.text(520, pt(p.deductions), right=True)
            s.down()
            s.text(60, "Líquido a receber", bold=True)
            s.text(520, pt(p.net), bold=True, right=True)
            s.down(24)
            s.text(40, f"Transferência bancária para {slip.iban()}", size=8)
        else:
            s.new_page()
    return s.bytes()


# Family 12 (Jasmin-like): one signed amount column; the gross has its own subtotal, deductions are
# negative, and the last line is a bare "TOTAL" that is the net, followed by the amount in words.
def family_signed_column(slip: Slip) -> bytes:
    p, s = slip.payroll, Sheet("Vera", "VeraBd")
    s.text(40, "Recibo de Vencimento", size=13, bold=True)
    s.text(555, f"{MONTH_NAMES[slip.period.month - 1]}/{slip.period.year}", size=10, right=True)
    s.down(20)
    s.text(40, f"{slip.employer[0]} · NIF {slip.employer[1]}", size=8)
    s.down(16)
    s.text(40, f"Funcionário: {slip.person.full_name}", size=9)
    s.text(380, f"NIF {slip.person.nif}", size=9)
    s.down(22)
    for kind, value in p.earnings:
        s.text(40, earning_label(kind, p, slip.variant + 11), size=9)
        s.text(500, pt(value), size=9, right=True)
        s.down()
    s.text(40, "Total Ilíquido", size=9, bold=True)
    s.text(500, pt(p.gross), size=9, bold=True, right=True)
    s.down(18)
    for label, value in deduction_rows(p, ("Seg. Social", "IRS", "Seguro de Saúde")):
        s.text(40, label, size=9)
        s.text(500, f"-{pt(value)}", size=9, right=True)
        s.down()
    s.down(8)
    s.text(40, "TOTAL", size=11, bold=True)
    s.text(500, pt(p.net), size=11, bold=True, right=True)
    s.down(16)
    s.text(40, f"({amount_in_words(p.net)})", size=7)
    return s.bytes()


_UNITS = ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze",
          "treze", "catorze", "quinze", "dezasseis", "dezassete", "dezoito", "dezanove"]  # fmt: skip
_TENS = ["", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"]
_HUNDREDS = ["", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos", "setecentos",
             "oitocentos", "novecentos"]  # fmt: skip


def words_below_thousand(number: int) -> str:
    if number == 100:
        return "cem"
    parts = []
    if number >= 100:
        parts.append(_HUNDREDS[number // 100])
        number %= 100
    if number >= 20:
        parts.append(_TENS[number // 10] + (f" e {_UNITS[number % 10]}" if number % 10 else ""))
    elif number or not parts:
        parts.append(_UNITS[number])
    return " e ".join(parts)


def amount_in_words(value: Decimal) -> str:
    euros, cents = int(value), int((value - int(value)) * 100)
    thousands, rest = divmod(euros, 1000)
    words = []
    if thousands:
        words.append("mil" if thousands == 1 else f"{words_below_thousand(thousands)} mil")
    if rest or not thousands:
        words.append(words_below_thousand(rest))
    text = " e ".join(words) + " euros"
    return text + (f" e {words_below_thousand(cents)} cêntimos" if cents else "")


FAMILIES: dict[str, Callable[[Slip], bytes]] = {
    "coded_table": family_coded_table,
    "header_value_rows": family_header_value_rows,
    "two_columns": family_two_columns,
    "two_pages": family_two_pages,
    "summary_line": family_summary_line,
    "boxed_sections": family_boxed_sections,
    "amount_first": family_amount_first,
    "column_summary": family_column_summary,
    "key_value_euro": family_key_value_euro,
    "semicolon_export": family_semicolon_export,
    "carry_forward": family_carry_forward,
    "signed_column": family_signed_column,
}


def family_payslip(
    family: str,
    person: Person,
    period: dt.date,
    *,
    base: Decimal,
    rng: random.Random,
    variant: int = 0,
    payroll: Payroll | None = None,
) -> Synthetic:
    payroll = payroll or make_payroll(rng, period, base=base)
    employer = EMPLOYERS[variant % len(EMPLOYERS)]
    slip = Slip(person, employer, period, payroll, variant, rng)
    data = FAMILIES[family](slip)
    expected = {
        "employee_name": person.full_name,
        "employee_nif": person.nif,
        "employer_name": employer[0],
        "employer_nif": employer[1],
        "period": f"{period.year:04d}-{period.month:02d}",
        **payroll.expected(),
    }
    tags = [f"family:{family}"]
    if payroll.subsidy_name:
        tags.append("subsidy")
    if payroll.twelfths:
        tags.append("twelfths")
    return Synthetic(f"recibo-{family}-{period:%Y-%m}.pdf", data, "application/pdf", "PROOF_OF_INCOME",
                     "RECIBO_VENCIMENTO", expected, tags=tags)  # fmt: skip


def payslip_family_corpus(today: dt.date | None = None, seed: int = 31, per_family: int = 3) -> list[Synthetic]:
    """``per_family`` slips of every family, months chosen so subsidies and duodecimos appear."""
    from samples.synthetic import make_person

    today = today or dt.date.today()
    rng = random.Random(seed)
    months = [dt.date(today.year - 1, month, 1) for month in (6, 7, 11, 12, 3, 9)]
    corpus = []
    for family_index, family in enumerate(FAMILIES):
        for index in range(per_family):
            person = make_person(rng, today)
            period = months[(family_index + index) % len(months)]
            base = Decimal(rng.randint(820, 4200))
            corpus.append(family_payslip(family, person, period, base=base, rng=rng, variant=family_index + index))
    return corpus


# --- Independent workers: the fatura-recibo ---------------------------------------------------------------


def fatura_recibo_pdf(
    person: Person,
    issued: dt.date,
    *,
    base: Decimal,
    rng: random.Random,
    variant: int = 0,
    vat_exempt: bool = False,
    withholding_rate: Decimal | None = Decimal("0.25"),
) -> Synthetic:
    """An invoice-receipt as the Portal das Financas prints it (two wordings: the portal's and an export's)."""
    acquirer_name, acquirer_nif = EMPLOYERS[variant % len(EMPLOYERS)]
    vat = Decimal("0") if vat_exempt else money(base * Decimal("0.23"))
    withholding = money(base * withholding_rate) if withholding_rate else Decimal("0")
    received = base + vat - withholding
    # The portal numbers a worker's invoices in one series, in date order: a few a week at most, so the
    # number grows with the day of the year (and never goes back, which issue 17's checks rely on).
    # (The draw keeps the range it always had, so every other value of the corpus stays the same.)
    number = f"FR ATSIRE01FR/{issued.timetuple().tm_yday // 3 + rng.randint(1, 240) % 2 + 1}"
    s = Sheet("Helvetica", "Helvetica-Bold") if variant % 2 == 0 else Sheet("Times-Roman", "Times-Bold")
    if variant % 2 == 0:
        s.text(40, "FATURA-RECIBO", size=14, bold=True)
        s.text(555, f"N.º {number}", size=10, right=True)
        s.down()
        s.text(555, "ORIGINAL", size=8, right=True)
        s.down(20)
        s.text(40, person.full_name.upper(), bold=True)
        s.down()
        s.text(40, f"NIF: {person.nif}")
        s.text(300, "Atividade: Consultores em informática", size=8)
        s.down(24)
        s.text(40, "Adquirente", bold=True)
        s.down()
        s.text(40, f"Nome: {acquirer_name}")
        s.text(360, f"NIF: {acquirer_nif}")
        s.down()
        s.text(40, "País: PORTUGAL")
        s.down(22)
        s.text(40, f"Data de emissão: {issued:%d-%m-%Y}")
        s.text(300, f"Data da prestação do serviço: {issued:%d-%m-%Y}")
        s.down(22)
        s.text(40, "Descrição: Desenvolvimento de software - serviços prestados no mês")
        s.down(26)
        rows = [("Valor Base", base)]
        rows.append(("IVA - Regime de isenção (art. 53.º do CIVA)" if vat_exempt else "IVA (23%)", vat))
        rows.append(("Imposto do Selo", Decimal("0")))
        if withholding_rate:
            rows.append(
                (f"Retenção na fonte de IRS (art. 101.º, n.º 1, do CIRS) {pt(withholding_rate * 100)}%", withholding)
            )
        else:
            rows.append(("Dispensa de retenção (art. 101.º-B, n.º 1, do CIRS)", Decimal("0")))
        rows.append(("Importância recebida", received))
        for label, value in rows:
            s.text(40, label)
            s.text(540, f"{pt(value)} €", right=True)
            s.down()
    else:
        s.text(40, f"Fatura-Recibo {number}", size=13, bold=True)
        s.down(20)
        s.text(40, f"Prestador de serviços: {person.full_name}   NIF {person.nif}")
        s.down()
        s.text(40, f"Cliente: {acquirer_name}   Contribuinte {acquirer_nif}")
        s.down()
        s.text(40, f"Emitida em {issued:%d/%m/%Y}")
        s.down(22)
        for x, head in ((40, "Base tributável"), (170, "IVA"), (260, "Retenção IRS"), (380, "Recebido")):
            s.text(x, head, bold=True)
        s.down()
        for x, value in ((40, base), (170, vat), (260, withholding), (380, received)):
            s.text(x, pt(value))
        s.down(20)
        s.text(40, "Motivo de isenção: artigo 53.º do CIVA" if vat_exempt else "Taxa de IVA: 23%", size=8)
    expected = {
        "issuer_name": person.full_name,
        "issuer_nif": person.nif,
        "acquirer_name": acquirer_name,
        "acquirer_nif": acquirer_nif,
        "invoice_number": number.replace(" ", ""),
        "issue_date": issued.isoformat(),
        "base_amount": float(base),
        "vat_amount": float(vat),
        "irs_withholding": float(withholding),
        "amount_received": float(received),
    }
    return Synthetic(f"fatura-recibo-{issued:%Y-%m}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME",
                     "FATURA_RECIBO", expected, tags=[f"family:fatura_recibo_{variant % 2}"])  # fmt: skip


def fatura_recibo_corpus(today: dt.date | None = None, seed: int = 37, count: int = 6) -> list[Synthetic]:
    """Six months of an independent worker's invoices, both wordings, with and without VAT and withholding."""
    from samples.synthetic import make_person, recent_months

    today = today or dt.date.today()
    rng = random.Random(seed)
    person = make_person(rng, today)
    corpus = []
    for index, month in enumerate(recent_months(today, count)):
        issued = month.replace(day=rng.randint(20, 28))
        base = money(Decimal(rng.randint(600, 3200)) + Decimal(rng.choice(["0", "0.50", "0.75"])))
        corpus.append(fatura_recibo_pdf(person, issued, base=base, rng=rng, variant=index,
                                        vat_exempt=index % 3 == 0,
                                        withholding_rate=None if index % 4 == 3 else Decimal("0.25")))  # fmt: skip
    return corpus
