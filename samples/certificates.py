"""Certificates as the issuers print them, written without looking at the parser: the AT's certidao de
divida e nao divida and the Seguranca Social's declaracao de situacao contributiva, two layouts each,
regular and irregular situations; and the IRS nota de liquidacao with its settlement.

The AT certidao is valid for 3 months and the SS declaracao for 4, from the issue date; both carry a
code that is checked on the issuer's portal.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from samples.payslips import Sheet, money, pt
from samples.synthetic import MONTH_NAMES, Person, Synthetic, make_person

VALIDITY_MONTHS = {"AT": 3, "SS": 4}


def months_later(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    while True:
        try:
            return dt.date(year, month, day.day)
        except ValueError:
            day = day.replace(day=day.day - 1)


def validation_code(rng: random.Random, groups: int = 3) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(rng.choice(alphabet) for _ in range(4)) for _ in range(groups))


def long_date(day: dt.date) -> str:
    return f"{day.day} de {MONTH_NAMES[day.month - 1].lower()} de {day.year}"


def certidao_at_pdf(
    person: Person, issued: dt.date, *, regular: bool, rng: random.Random, variant: int = 0
) -> Synthetic:
    """Layout 0: the Portal das Financas printout; layout 1: the service office's formal wording."""
    code = validation_code(rng)
    s = Sheet("Helvetica", "Helvetica-Bold") if variant % 2 == 0 else Sheet("Times-Roman", "Times-Bold")
    if variant % 2 == 0:
        s.text(40, "AUTORIDADE TRIBUTÁRIA E ADUANEIRA", size=11, bold=True)
        s.down()
        s.text(40, "CERTIDÃO", size=14, bold=True)
        s.text(555, f"N.º {rng.randint(1000, 9999)}-{issued.year}", size=9, right=True)
        s.down(24)
        s.text(40, f"Nome: {person.full_name.upper()}")
        s.down()
        s.text(40, f"NIF: {person.nif}")
        s.down(22)
        if regular:
            s.text(40, "Para os devidos efeitos certifica-se que o contribuinte acima identificado tem a sua")
            s.down()
            s.text(40, "situação tributária regularizada.")
        else:
            s.text(40, "Para os devidos efeitos certifica-se que o contribuinte acima identificado não tem a sua")
            s.down()
            s.text(40, f"situação tributária regularizada, existindo dívidas em cobrança coerciva no valor de "
                       f"{pt(Decimal(rng.randint(200, 9000)))} EUR.")  # fmt: skip
        s.down(22)
        s.text(40, "A presente certidão é válida por três meses a contar da data da sua emissão.")
        s.down(22)
        s.text(40, f"Data de emissão: {issued:%Y-%m-%d}")
        s.down()
        s.text(40, f"Código de validação: {code}")
        s.down()
        s.text(40, "Valide este documento em www.portaldasfinancas.gov.pt, opção Validar Certidão.", size=8)
    else:
        s.text(40, "Serviço de Finanças de Lisboa-3", size=10)
        s.down(20)
        s.text(40, "CERTIDÃO DE DÍVIDA E NÃO DÍVIDA", size=13, bold=True)
        s.down(26)
        s.text(40, f"Certifica-se, a pedido do interessado, que {person.full_name}, contribuinte n.º {person.nif},")
        s.down()
        if regular:
            s.text(40, "não é devedor de quaisquer impostos ou outras prestações tributárias, tendo a situação")
            s.down()
            s.text(40, "tributária regularizada nesta data.")
        else:
            s.text(40, "tem dívidas em execução fiscal, não tendo a situação tributária regularizada.")
        s.down(22)
        s.text(40, "Validade: 3 (três) meses.")
        s.down(22)
        s.text(40, f"Lisboa, {long_date(issued)}")
        s.down(22)
        s.text(40, f"Código de autenticação {code}", size=9)
    expected = expected_certificate(person, "AT", issued, regular=regular, code=code)
    status = "regular" if regular else "irregular"
    return Synthetic(f"certidao-at-{status}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME", "CERTIDAO_AT",
                     expected, tags=[f"family:certidao_at_{variant % 2}", status])  # fmt: skip


def declaracao_ss_pdf(
    person: Person, issued: dt.date, *, regular: bool, rng: random.Random, variant: int = 0
) -> Synthetic:
    """Layout 0: Seguranca Social Direta's printout with a data table; layout 1: a letter."""
    code = (
        validation_code(rng, groups=4)
        if variant % 2 == 0
        else "".join(rng.choice("0123456789ABCDEF") for _ in range(16))
    )
    niss = "1" + "".join(rng.choice("0123456789") for _ in range(10))
    s = Sheet("Vera", "VeraBd") if variant % 2 == 0 else Sheet("Courier", "Courier-Bold")
    if variant % 2 == 0:
        s.text(40, "Segurança Social", size=13, bold=True)
        s.text(555, "Segurança Social Direta", size=8, right=True)
        s.down(22)
        s.text(40, "DECLARAÇÃO DE SITUAÇÃO CONTRIBUTIVA", size=12, bold=True)
        s.down(24)
        for label, value in (("Nome", person.full_name), ("NISS", niss), ("NIF", person.nif),
                             ("Data de emissão", f"{issued:%d-%m-%Y}")):  # fmt: skip
            s.text(40, label, size=9, bold=True)
            s.text(200, value, size=9)
            s.down()
        s.down(12)
        if regular:
            s.text(40, "Declara-se que a entidade acima identificada tem a situação contributiva regularizada")
        else:
            s.text(40, "Declara-se que a entidade acima identificada não tem a situação contributiva regularizada")
        s.down()
        s.text(40, "perante a Segurança Social, nos termos do Código dos Regimes Contributivos.")
        s.down(20)
        s.text(40, "Esta declaração é válida pelo período de quatro (4) meses a contar da data de emissão.")
        s.down(20)
        s.text(40, f"Código de acesso: {code}", size=9)
        s.down()
        s.text(40, "Confirme a autenticidade em www.seg-social.pt com o NISS e o código de acesso.", size=7)
    else:
        s.text(40, "INSTITUTO DA SEGURANÇA SOCIAL, I.P.", size=10, bold=True)
        s.down(20)
        s.text(40, "Declaração - Situação Contributiva", size=11, bold=True)
        s.down(24)
        s.text(40, f"Beneficiário: {person.full_name.upper()}", size=9)
        s.down()
        s.text(40, f"NISS {niss}   Contribuinte {person.nif}", size=9)
        s.down(20)
        wording = "regularizada" if regular else "não regularizada"
        s.text(40, f"Situação contributiva: {wording}", size=9)
        s.down(20)
        s.text(40, f"Emitida em {issued:%d/%m/%Y}", size=9)
        s.text(300, f"Válida até {months_later(issued, 4):%d/%m/%Y}", size=9)
        s.down(20)
        s.text(40, f"Código de verificação {code}", size=9)
    expected = expected_certificate(person, "SS", issued, regular=regular, code=code)
    status = "regular" if regular else "irregular"
    return Synthetic(f"declaracao-ss-{status}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME", "DECLARACAO_SS",
                     expected, tags=[f"family:declaracao_ss_{variant % 2}", status])  # fmt: skip


def expected_certificate(person: Person, issuer: str, issued: dt.date, *, regular: bool, code: str) -> dict[str, Any]:
    return {
        "issuer": issuer,
        "holder_name": person.full_name,
        "holder_nif": person.nif,
        "status": "REGULAR" if regular else "IRREGULAR",
        "issue_date": issued.isoformat(),
        "valid_until": months_later(issued, VALIDITY_MONTHS[issuer]).isoformat(),
        "validation_code": code,
    }


def certificate_corpus(today: dt.date | None = None, seed: int = 43, count: int = 8) -> list[Synthetic]:
    """Both issuers, both layouts, regular and irregular, issued within the last five months."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    corpus = []
    for index in range(count):
        person = make_person(rng, today)
        issued = today - dt.timedelta(days=rng.randint(3, 150))
        regular = index % 3 != 2
        make = certidao_at_pdf if index % 2 == 0 else declaracao_ss_pdf
        corpus.append(make(person, issued, regular=regular, rng=rng, variant=index // 2))
    return corpus


# --- IRS: the nota de liquidacao --------------------------------------------------------------------


def nota_liquidacao_pdf(
    person: Person, year: int, *, gross: Decimal, rng: random.Random, variant: int = 0
) -> Synthetic:
    """The AT's settlement note: layout 0 a labelled list, layout 1 a table with row numbers and a signed result."""
    specific = (
        min(money(gross * Decimal("0.11")), Decimal("4350.24")) if gross > 4350 else money(gross * Decimal("0.11"))
    )
    taxable = gross - specific
    tax = money(taxable * Decimal(rng.choice(["0.09", "0.12", "0.15", "0.19"])))
    withheld = money(tax + Decimal(rng.randint(-900, 900)))
    on_account = Decimal("0") if variant % 2 == 0 else money(Decimal(rng.randint(0, 300)))
    balance = tax - withheld - on_account
    s = Sheet("Helvetica", "Helvetica-Bold") if variant % 2 == 0 else Sheet("Times-Roman", "Times-Bold")
    rows = [
        ("Rendimento global", gross),
        ("Deduções específicas", specific),
        ("Rendimento coletável", taxable),
        ("Coleta total", tax),
        ("Coleta líquida", tax),
        ("Retenções na fonte", withheld),
        ("Pagamentos por conta", on_account),
    ]
    if variant % 2 == 0:
        s.text(40, "DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS", size=13, bold=True)
        s.down(20)
        s.text(40, f"Sujeito Passivo A: {person.full_name}")
        s.text(380, f"NIF {person.nif}")
        s.down()
        s.text(40, f"Ano dos rendimentos: {year}")
        s.text(380, f"Liquidação n.º {year + 1}{rng.randint(10**9, 10**10 - 1)}", size=8)
        s.down(24)
        for label, value in rows:
            s.text(40, label)
            s.text(540, pt(value), right=True)
            s.down()
        s.down(8)
        s.text(40, "Valor a pagar" if balance >= 0 else "Valor a reembolsar", bold=True)
        s.text(540, pt(abs(balance)), bold=True, right=True)
    else:
        s.text(40, "Autoridade Tributária e Aduaneira", size=9)
        s.down()
        s.text(40, "NOTA DE LIQUIDAÇÃO - IRS", size=13, bold=True)
        s.down(20)
        s.text(40, f"Nome: {person.full_name.upper()}   N.º Contribuinte: {person.nif}", size=9)
        s.down()
        s.text(40, f"Exercício: {year}", size=9)
        s.down(22)
        for number, (label, value) in enumerate(rows, start=1):
            s.text(40, f"{number:02d}", size=9)
            s.text(70, label, size=9)
            s.text(540, pt(value, " "), size=9, right=True)
            s.down()
        s.down(8)
        s.text(70, "Resultado da liquidação", size=9, bold=True)
        s.text(540, ("-" if balance < 0 else "") + pt(abs(balance), " "), size=9, bold=True, right=True)
    expected: dict[str, Any] = {
        "taxpayer_name": person.full_name,
        "taxpayer_nif": person.nif,
        "year": year,
        "gross_income": float(gross),
        "taxable_income": float(taxable),
        "tax_paid": float(tax),
        "withholdings": float(withheld),
        ("amount_payable" if balance >= 0 else "amount_refundable"): float(abs(balance)),
    }
    return Synthetic(f"nota-liquidacao-{year}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME",
                     "NOTA_LIQUIDACAO", expected, tags=[f"family:nota_liquidacao_{variant % 2}"])  # fmt: skip


def declaracao_irs_annexes_pdf(
    person: Person, year: int, *, employment: Decimal, self_employment: Decimal, rng: random.Random
) -> Synthetic:
    """A Modelo 3 summary with its annexes A and B and the income each declares."""
    s = Sheet("Vera", "VeraBd")
    s.text(40, "DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3", size=12, bold=True)
    s.down(20)
    s.text(40, f"Ano dos rendimentos: {year}")
    s.down()
    s.text(40, f"Sujeito Passivo A: {person.full_name}")
    s.text(380, f"NIF: {person.nif}")
    s.down(24)
    s.text(40, "ANEXO A - Rendimentos do trabalho dependente e pensões", bold=True)
    s.down()
    s.text(60, "Rendimentos brutos do trabalho dependente (Categoria A)")
    s.text(540, pt(employment), right=True)
    s.down()
    s.text(60, "Retenções na fonte")
    s.text(540, pt(money(employment * Decimal("0.12"))), right=True)
    s.down(20)
    s.text(40, "ANEXO B - Regime simplificado", bold=True)
    s.down()
    s.text(60, "Prestações de serviços (Categoria B), valor bruto")
    s.text(540, pt(self_employment), right=True)
    s.down()
    expected = {
        "taxpayer_name": person.full_name,
        "taxpayer_nif": person.nif,
        "year": year,
        "annexes": ["A", "B"],
        "employment_income": float(employment),
        "self_employment_income": float(self_employment),
    }
    return Synthetic(f"irs-anexos-{year}.pdf", s.bytes(), "application/pdf", "PROOF_OF_INCOME", "DECLARACAO_IRS",
                     expected, tags=["family:declaracao_irs_anexos"])  # fmt: skip


def tax_corpus(today: dt.date | None = None, seed: int = 47, count: int = 4) -> list[Synthetic]:
    today = today or dt.date.today()
    rng = random.Random(seed)
    corpus = []
    for index in range(count):
        person = make_person(rng, today)
        gross = money(Decimal(rng.randint(12000, 60000)) + Decimal(rng.choice(["0", "0.40", "0.75"])))
        corpus.append(nota_liquidacao_pdf(person, today.year - 1, gross=gross, rng=rng, variant=index))
        if index % 2 == 0:
            corpus.append(declaracao_irs_annexes_pdf(person, today.year - 1, employment=gross,
                                                     self_employment=money(Decimal(rng.randint(3000, 20000))), rng=rng))  # fmt: skip
    return corpus
