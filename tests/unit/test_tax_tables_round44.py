"""The payers' tables of Anexo A that blind probe r44a found unread or read in part: a header naming both
"Contribuições" and "Quotizações" (two columns of Quadro 4A) was taken for one column named twice and its table
skipped; the official form's two-line column headings ("NIF da entidade" / "pagadora", "Retenções" / "na fonte")
stopped the reader before its rows; a "Titular" letter printed after the payer's NIF and code gave no spouse's part;
and where Anexo A went unread, Anexo B alone was given as the return's gross, its withholdings and sujeito passivo
A's 100%. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.helpers import read_text

A_NIF, B_NIF = "219074275", "264151984"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def software_copy(table: str, *, annexes: str = "A, H", after: str = "") -> str:
    """An accounting software's copy of a joint return, its Anexo A table under a header of its own."""
    return f"""ContaFácil IRS · Gabinete de Contabilidade Impresso em 18-05-2026
Declaração Modelo 3 de IRS – Rendimentos de 2025
Cópia da declaração submetida – resumo por quadros
Sujeito passivo A NIF {A_NIF} Gonçalo Manuel Araújo Guimarães
Sujeito passivo B NIF {B_NIF} Sofia Patrício Fernandes
Estado civil Casado
Tributação Conjunta (opção assinalada no quadro 5)
Anexos entregues {annexes}
ANEXO A – Rendimentos do trabalho dependente e pensões (quadro 4A)
{table}{after}"""


SEVEN_COLUMNS = """NIF pagador Cód. Titular Rendimento bruto Retenção IRS Contribuições Quotizações
540602000 401 A 14 207,33 1 908,12 1 562,81 142,07
500792771 403 B 9 118,40 312,55 0,00 0,00
Total 23 325,73 2 220,67 1 562,81 142,07"""


def test_a_header_naming_contributions_and_union_dues_is_read_as_two_columns() -> None:
    _, fields, warnings = read(software_copy(SEVEN_COLUMNS))
    assert fields["gross_income"] == Decimal("23325.73")
    assert fields["withholdings"] == Decimal("2220.67")
    assert fields["employment_income"] == Decimal("14207.33")
    assert fields["pension_income"] == Decimal("9118.40")
    assert "missing:gross_income" not in warnings


def test_the_titular_letter_after_the_payers_nif_and_code_gives_each_spouses_part() -> None:
    for table in (SEVEN_COLUMNS, SEVEN_COLUMNS.replace(" 401 A ", " 401 SPA ").replace(" 403 B ", " 403 | SPB ")):
        _, fields, _ = read(software_copy(table))
        assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
            Decimal("14207.33"),
            Decimal("9118.40"),
        )


def test_the_titular_is_read_in_its_header_column_beside_a_category_column() -> None:
    """Two letters after the payer's NIF: the header says which is the titular's ("Categoria" first here)."""
    table = """NIF pagador Código Categoria Titular Rendimentos Retenções
540602000 401 A B 14.207,33 1.908,12
500792771 401 A A 9.118,40 312,55
Soma 23.325,73 2.220,67"""
    _, fields, _ = read(software_copy(table))
    assert fields["gross_income"] == Decimal("23325.73")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("9118.40"),
        Decimal("14207.33"),
    )


def test_a_photos_speck_before_the_payers_nif_is_no_titular() -> None:
    table = """NIF pagador Código Titular Rendimentos Retenções | Contribuições |
E 579719057 401 B 23.070,21 2.421,51 2.537,72
— 504148869 401 A 2.821,76 374,61 310,39
SOMA 25.891,97 2.796,12 2.848,11"""
    _, fields, _ = read(software_copy(table, annexes="A"))
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("2821.76"),
        Decimal("23070.21"),
    )


def official_form(rows: str, *, annex_b: str = "") -> str:
    """The official form's Anexo A as a text layer hands it over: each line of a two-line heading on its own."""
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS
ANO DOS RENDIMENTOS 2025
Sujeito passivo A NIF 01 {A_NIF}
Nome Gonçalo Manuel Araújo Guimarães
01 X Tributação conjunta 02 Tributação separada
A SUJEITO PASSIVO B (tributação conjunta)
NIF 03 {B_NIF} Nome Sofia Patrício Fernandes
ANEXO A – TRABALHO DEPENDENTE / PENSÕES
Sujeito passivo A NIF 01 {A_NIF} Sujeito passivo B NIF 02 {B_NIF}
4 RENDIMENTOS DO TRABALHO DEPENDENTE E/OU PENSÕES (TERRITÓRIO PORTUGUÊS)
A RENDIMENTOS / RETENÇÕES / CONTRIBUIÇÕES OBRIGATÓRIAS / QUOTIZAÇÕES SINDICAIS
NIF da entidade
pagadora
Código
rendimentos
Titular Rendimentos Retenções
na fonte
Contribuições Quotizações
sindicais
{rows}
Titular: A – Sujeito passivo A · B – Sujeito passivo B · D1, D2... – Dependentes{annex_b}"""


OFFICIAL_ROWS = """582670071 401 A 12.544,14 1.167,68 1.379,86 0,00
502120789 401 B 21.026,32 3.472,56 2.312,90 0,00
SOMA DE CONTROLO 33.570,46 4.640,24 3.692,76 0,00"""

# Anexo B of sujeito passivo A, with its own withholdings.
ANNEX_B = f"""
ANEXO B – CATEGORIA B REGIME SIMPLIFICADO
NIF do titular 01 {A_NIF} (Sujeito passivo A)
403 Prestações de serviços – atividades do art. 151.º do CIRS 32 534,90
TOTAL 32 534,90
Total das retenções na fonte sobre rendimentos da categoria B 3 866,98"""


def test_the_official_forms_two_line_headings_are_read() -> None:
    _, fields, warnings = read(official_form(OFFICIAL_ROWS))
    assert fields["gross_income"] == Decimal("33570.46")
    assert fields["withholdings"] == Decimal("4640.24")
    assert fields["employment_income"] == Decimal("33570.46")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("12544.14"),
        Decimal("21026.32"),
    )
    assert "arithmetic_mismatch" not in warnings


def test_a_scans_header_running_on_to_a_second_line_is_read() -> None:
    table = """| NIF da entidade Código Titular Rendimentos Retenções Contribuições Quotizações |
pagadora endimentos na fonte sindicais
| |
582670071 401 A 12.544,14 1.167,68 1.379,86 0,00
502120789 401 B 21.026,32 3.472,56 2.312,90 0,00
SOMA DE CONTROLO 33.570,46 4.640,24 3.692,76 0,00"""
    _, fields, _ = read(software_copy(table, annexes="A"))
    assert fields["gross_income"] == Decimal("33570.46")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("12544.14"),
        Decimal("21026.32"),
    )


def test_one_spouses_anexo_a_and_the_others_anexo_b_make_the_gross_withholdings_and_parts() -> None:
    rows = "519901061 401 B 35 468,68 4 695,29 3 901,55 0,00\nSOMA DE CONTROLO 35 468,68 4 695,29 3 901,55 0,00"
    _, fields, _ = read(official_form(rows, annex_b=ANNEX_B))
    assert fields["gross_income"] == Decimal("68003.58")
    assert fields["withholdings"] == Decimal("8562.27")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("32534.90"),
        Decimal("35468.68"),
    )


def test_an_unread_anexo_a_table_leaves_no_gross_withholdings_or_parts_of_anexo_b_alone() -> None:
    """A scan whose rows did not read (only a garbled "SOMA"): Anexo B is part of the return, not its whole, and
    sujeito passivo B earns more than 0."""
    table = """NIF da entidade Código Titular Rendimentos Retenções Contribuições Quotizações
pagadora endimentos na fonte sindicais
SOMA DE CONTROLO [E 652,65] 8.224,90 6.075,69 RE"""
    after = ANNEX_B.replace("CATEGORIA B", "Categoria B")
    _, fields, _ = read(software_copy(table, annexes="A, B", after=after))
    assert fields["self_employment_income"] == Decimal("32534.90")
    assert fields["gross_income"] is None
    assert fields["withholdings"] is None
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


def test_no_parts_while_an_annex_of_income_the_return_delivers_is_unread() -> None:
    """Anexo A's one pension read, Anexo B's rows unread: the derived gross is flagged, and gives no one 0."""
    table = """NIF pagador Cód. Titular Rendimento bruto Retenção IRS Contribuições Quotizações
500792771 403 SPB 19 672,73 978,85 0,00 0,00
Total 19 672,73 978,85 0,00 0,00"""
    # Anexo B's income rows on a page not sent (its captioned rows are read since e2e probe c24: see
    # test_tax_couples.test_anexo_bs_captioned_rows_without_codes_are_its_income_and_its_titulars).
    after = f"""
ANEXO B - Categoria B, regime simplificado
Titular: NIF {A_NIF} (SPA) Atividade 1332 - Engenheiros
Quadro 4 - Rendimentos: ver página 3
Retenções na fonte 2 595,87"""
    _, fields, warnings = read(software_copy(table, annexes="A, B", after=after))
    assert fields["withholdings"] == Decimal("3574.72")
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None
    assert "derived:gross_income" in warnings or fields["gross_income"] is None
    # With its rows sent, Anexo B is read and owned by its titular (A, by NIF): both parts, and the gross whole.
    after = after.replace("Quadro 4 - Rendimentos: ver página 3", "Prestações de serviços 32 030,65\nVendas 0,00")
    _, fields, _ = read(software_copy(table, annexes="A, B", after=after))
    assert fields["gross_income"] == Decimal("51703.38")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("32030.65"),
        Decimal("19672.73"),
    )
