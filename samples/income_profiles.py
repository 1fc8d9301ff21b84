"""Documents of the income profiles besides employees: pension statements and the declaracao de inicio de
atividade (an independent worker's faturas-recibo are in ``samples.payslips``).

Pension statements come in two issuer layouts written without looking at the parser: the Seguranca
Social's (Centro Nacional de Pensoes) letter, one label and amount a line and the payments per year in a
sentence, and the CGA's, a header row of labels over a row of amounts, the payments per year and the
annual amount printed apart. Amounts follow net = gross - deductions and annual = gross x payments.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from samples.payslips import Sheet, money, pt
from samples.synthetic import MONTH_NAMES, Person, Synthetic, scan


@dataclass
class Pension:
    """One pension's monthly figures; deductions are (label, amount) pairs."""

    gross: Decimal
    deductions: list[tuple[str, Decimal]]
    payments_per_year: int = 14

    @property
    def net(self) -> Decimal:
        return money(self.gross - sum((value for _, value in self.deductions), Decimal(0)))

    @property
    def annual(self) -> Decimal:
        return money(self.gross * self.payments_per_year)


def written_date(day: dt.date) -> str:
    return f"{day.day} de {MONTH_NAMES[day.month - 1].lower()} de {day.year}"


def pension_statement_pdf(person: Person, pension: Pension, *, issued: dt.date, issuer: str = "SS") -> Synthetic:
    """A pension statement as the Seguranca Social ("SS") or the Caixa Geral de Aposentacoes ("CGA") prints it."""
    if issuer == "CGA":
        s = Sheet("Times-Roman", "Times-Bold")
        s.text(40, "CAIXA GERAL DE APOSENTAÇÕES, I.P.", size=13, bold=True)
        s.text(555, f"Data de emissão: {issued:%d-%m-%Y}", size=9, right=True)
        s.down(16)
        s.text(40, "Av. João XXI, 63 - 1000-300 Lisboa   NIF 500 792 771", size=8)
        s.down(26)
        s.text(40, "DECLARAÇÃO DE PENSÃO", size=12, bold=True)
        s.down(22)
        s.text(40, f"Aposentado(a): {person.full_name.upper()}")
        s.text(400, f"NIF: {person.nif}")
        s.down()
        s.text(40, "Tipo: Pensão de aposentação")
        s.text(400, f"N.º de subscritor: {int(person.nif[::-1]) % 10**7:07d}")
        s.down(26)
        columns = [("Pensão ilíquida", pension.gross)]
        columns += [(label, value) for label, value in pension.deductions]
        columns.append(("Pensão líquida", pension.net))
        x_positions = [40 + index * (480 / len(columns)) for index in range(len(columns))]
        for x, (label, _) in zip(x_positions, columns, strict=True):
            s.text(x, label, bold=True)
        s.down()
        for x, (_, value) in zip(x_positions, columns, strict=True):
            s.text(x, pt(value))
        s.down(26)
        s.text(40, f"Número de prestações anuais: {pension.payments_per_year}")
        s.down()
        s.text(40, f"Valor anual ilíquido: {pt(pension.annual)} €")
        s.down(30)
        s.text(40, "Documento emitido para efeitos de prova de rendimentos.", size=8)
    else:
        s = Sheet("Helvetica", "Helvetica-Bold")
        s.text(40, "SEGURANÇA SOCIAL", size=13, bold=True)
        s.down()
        s.text(40, "Instituto da Segurança Social, I.P. - Centro Nacional de Pensões", size=9)
        s.down(30)
        s.text(40, "DECLARAÇÃO", size=12, bold=True)
        s.down(22)
        s.text(40, f"Para os devidos efeitos se declara que {person.full_name.upper()}, NIF {person.nif},")
        s.down()
        s.text(40, "é titular de uma pensão de velhice atribuída por este Centro Nacional de Pensões,")
        s.down()
        s.text(40, "com os seguintes valores mensais:")
        s.down(22)
        rows = [("Valor mensal da pensão", pension.gross), *pension.deductions, ("Valor líquido", pension.net)]
        for label, value in rows:
            s.text(60, label)
            s.text(420, f"{pt(value)} €", right=True)
            s.down()
        s.down(8)
        if pension.payments_per_year == 14:
            s.text(40, "A pensão é paga 14 vezes por ano: inclui o subsídio de férias (julho) e o subsídio de Natal")
            s.down()
            s.text(40, "(dezembro), de valor igual ao da pensão mensal.")
        else:
            s.text(40, f"A pensão é paga em {pension.payments_per_year} prestações por ano.")
        s.down(30)
        s.text(40, f"Lisboa, {written_date(issued)}")
        s.down()
        s.text(40, "O Diretor do Centro Nacional de Pensões", size=8)
    expected: dict[str, Any] = {
        "pensioner_name": person.full_name,
        "pensioner_nif": person.nif,
        "issuer": "CGA" if issuer == "CGA" else "SEGURANCA_SOCIAL",
        "issue_date": issued.isoformat(),
        "gross_monthly_amount": float(pension.gross),
        "deductions": float(sum((value for _, value in pension.deductions), Decimal(0))),
        "net_monthly_amount": float(pension.net),
        "payments_per_year": pension.payments_per_year,
    }
    if issuer == "CGA":
        expected["annual_amount"] = float(pension.annual)
    tags = [f"family:pension_{issuer.lower()}"]
    return Synthetic(f"pensao-{issuer.lower()}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME",
                     "DECLARACAO_PENSAO", expected, tags=tags)  # fmt: skip


def inicio_atividade_pdf(person: Person, *, started: dt.date, code: str = "1332") -> Synthetic:
    """The proof of a declaracao de inicio de atividade from the Portal das Financas."""
    s = Sheet("Helvetica", "Helvetica-Bold")
    s.text(40, "AUTORIDADE TRIBUTÁRIA E ADUANEIRA", size=12, bold=True)
    s.down(20)
    s.text(40, "Comprovativo da declaração de início de atividade", size=11, bold=True)
    s.down(22)
    s.text(40, f"NIF: {person.nif}")
    s.text(200, f"Nome: {person.full_name.upper()}")
    s.down()
    s.text(40, f"Data de início de atividade: {started:%d-%m-%Y}")
    s.down()
    s.text(40, f"Código da atividade (CIRS): {code} - Consultores em informática")
    s.down()
    s.text(40, "Regime de IVA: isenção (art. 53.º do CIVA)   Regime de tributação: simplificado")
    s.down(26)
    s.text(40, f"Data de receção: {started:%d-%m-%Y}", size=8)
    expected = {
        "taxpayer_name": person.full_name,
        "taxpayer_nif": person.nif,
        "start_date": started.isoformat(),
        "activity_code": code,
    }
    return Synthetic("inicio-atividade.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME",
                     "DECLARACAO_INICIO_ATIVIDADE", expected, tags=["family:inicio_atividade"])  # fmt: skip


def employer_declaration_pdf(
    person: Person,
    *,
    employer: tuple[str, str],
    started: dt.date,
    gross: Decimal,
    issued: dt.date,
    ends: dt.date | None = None,
) -> Synthetic:
    """An employer's declaration of employment on the company's letter paper: one sentence, wrapped."""
    name, nipc = employer
    contract = f"a termo certo, até {written_date(ends)}" if ends else "sem termo"
    sentence = (
        f"Para os devidos efeitos se declara que {person.full_name}, contribuinte n.º {person.nif}, é trabalhador(a) "
        f"desta empresa desde {started:%d/%m/%Y}, com contrato de trabalho {contract}, auferindo a remuneração "
        f"base mensal ilíquida de {pt(gross)} €, acrescida de subsídio de alimentação."
    )
    s = Sheet("Helvetica", "Helvetica-Bold")
    s.text(40, name.upper(), size=12, bold=True)
    s.down(16)
    s.text(40, f"Avenida da Liberdade, 200 - 1250-147 Lisboa   NIPC {nipc}", size=8)
    s.down(40)
    s.text(250, "DECLARAÇÃO", size=12, bold=True)
    s.down(30)
    line = ""
    for word in sentence.split():
        if len(line) + len(word) > 95:
            s.text(40, line)
            s.down()
            line = ""
        line = f"{line} {word}".strip()
    s.text(40, line)
    s.down(30)
    s.text(40, "Por ser verdade e me ter sido solicitada, passa-se a presente declaração.")
    s.down(30)
    s.text(40, f"Lisboa, {written_date(issued)}")
    s.down(40)
    s.text(40, "A Gerência")
    expected = {
        "employer_name": name.upper(),
        "employer_nif": nipc,
        "employee_name": person.full_name,
        "employee_nif": person.nif,
        "contract_type": "FIXED_TERM" if ends else "PERMANENT",
        "start_date": started.isoformat(),
        "end_date": ends.isoformat() if ends else None,
        "monthly_gross_salary": float(money(gross)),
        "issue_date": issued.isoformat(),
    }
    return Synthetic("declaracao-entidade-patronal.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME",
                     "DECLARACAO_ENTIDADE_PATRONAL", expected, tags=["family:employer_declaration"])  # fmt: skip


def pension_corpus(today: dt.date | None = None, seed: int = 43) -> list[Synthetic]:
    """Both issuers' statements, as text PDFs and as scans, and an activity declaration."""
    from samples.synthetic import make_person

    today = today or dt.date.today()
    rng = random.Random(seed)
    corpus: list[Synthetic] = []
    for issuer in ("SS", "CGA"):
        person = make_person(rng, today)
        gross = money(Decimal(rng.randint(450, 2400)) + Decimal(rng.choice(["0", "0.37", "0.80"])))
        deductions = [("Retenção na fonte de IRS", money(gross * Decimal("0.08")))]
        if issuer == "CGA":
            deductions = [("IRS", money(gross * Decimal("0.10"))), ("ADSE", money(gross * Decimal("0.035")))]
        pension = Pension(gross=gross, deductions=deductions, payments_per_year=14)
        issued = today - dt.timedelta(days=rng.randint(3, 40))
        document = pension_statement_pdf(person, pension, issued=issued, issuer=issuer)
        corpus += [document, scan(document, rng=rng)]
    person = make_person(rng, today)
    corpus.append(inicio_atividade_pdf(person, started=today.replace(day=1) - dt.timedelta(days=400)))
    return corpus
