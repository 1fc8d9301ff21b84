"""Blind probe r48a, a pension's statement as printed abroad and by a bank: the CNAV's "12 paiements par an" was
warned `derived:payments_per_year` though printed, and a bank's statement of a foreign pension credited named its
pensioner only as "Titular da conta:" (no name read). Lines of our own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

CNAV = """Caisse nationale d'assurance vieillesse
ATTESTATION DE PAIEMENT
Bénéficiaire : Madalena Quintas Barreto
Retraite personnelle - montant brut mensuel : 1 180,40 EUR
Montant net mensuel versé : 1 093,61 EUR
Périodicité : mensuelle, à terme échu (12 paiements par an).
Paris, le 4 novembre 2026"""

BANK = """Banco Atlântico de Poupança, S.A.
COMPROVATIVO DE RECEBIMENTO DE PENSÃO
(pensão paga por instituição estrangeira)
Titular da conta: Rogério Antunes Valente
NIF do titular: 123456789
Entidade pagadora: Deutsche Rentenversicherung (Alemanha)
Tipo de prestação: Pensão de velhice
Periodicidade: Mensal - 12 prestações por ano
2026-10-09 Pensão DRV 09/2026 1 210,33
2026-11-09 Pensão DRV 10/2026 1 210,33
O Banco declara, a pedido do titular, que na conta acima identificada foi creditada mensalmente
a pensão acima, no valor líquido de 1 210,33 EUR.
Lisboa, 12 de novembro de 2026"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def test_payments_printed_in_french_are_read_not_derived() -> None:
    kind, fields, warnings = read(CNAV)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["payments_per_year"] == 12
    assert "derived:payments_per_year" not in warnings


def test_a_banks_statement_names_the_pensioner_as_the_accounts_holder() -> None:
    kind, fields, _ = read(BANK)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Rogério Antunes Valente"
