"""A couple's IRS documents: a joint return is the couple's income, so each spouse is credited with their own part.

Before, a joint return's whole gross income was credited to sujeito passivo A (the couple's income as one
person's) and sujeito passivo B was not matched to it at all (blind probe r43a). The extraction now says whether a
return is joint, who the spouse is, and each one's part where the rows say whose each income is and the parts
add up; screening counts the applicant's own part, or, with no parts, the couple's income once when the spouse is
a co-tenant with no income documents of their own, else nothing, and says why.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from screening.assessors import RulesAssessor
from screening.explanation import applicant_explanation
from screening.graph import run_screening
from screening.rules import verify_income
from screening.rules.common import format_eur
from screening.selectors import reuse_signals
from tests.factories import OrganizationFactory
from tests.helpers import read_text
from tests.unit.test_cases15_screening import applicant_in, codes, stored
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import id_document, state
from tests.unit.test_validation import reducto_returning

A_NIF, B_NIF, CHILD_NIF = "219074275", "264151984", "283181362"
TODAY = dt.date(2026, 11, 23)


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def modelo_3(rows: str, *, rosto: str | None = None, header: str = "Titular NIF da entidade Código Rendimentos "
             "Retenções Contribuições") -> str:  # fmt: skip
    rosto = rosto or (
        f"Sujeito passivo A NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães\n"
        f"Sujeito passivo B NIF {B_NIF} Nome: Sofia Patrício Fernandes\n"
        "Quadro 5 Estado civil: Casados Opção pela tributação conjunta: Sim"
    )
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Quadro 3 Ano dos rendimentos: 2025
Quadro 4 Identificação dos sujeitos passivos
{rosto}
Anexos entregues: Anexo A
ANEXO A - Rendimentos do trabalho dependente e de pensões
Quadro 4A Rendimentos obtidos em território português
{header}
{rows}"""


JOINT_ROWS = """A 540602000 401 27.373,14 2.930,75 3.011,05
B 513932844 401 35.354,24 5.492,63 3.888,97
B 573000824 401 2.899,60 361,27 318,96
Soma 65.626,98 8.784,65 7.218,98"""


# --- Extraction ------------------------------------------------------------------------------------------------


def test_a_joint_returns_titular_column_gives_each_spouses_own_part() -> None:
    kind, fields, warnings = read(modelo_3(JOINT_ROWS))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["gross_income"] == Decimal("65626.98")
    assert fields["joint_return"] is True
    assert (fields["spouse_nif"], fields["spouse_name"]) == (B_NIF, "Sofia Patrício Fernandes")
    assert fields["taxpayer_gross_income"] == Decimal("27373.14")
    assert fields["spouse_gross_income"] == Decimal("38253.84")
    assert "arithmetic_mismatch" not in warnings


def test_the_titular_printed_as_sp_a_or_as_the_taxpayers_nif() -> None:
    worded = modelo_3(JOINT_ROWS.replace("A 540", "SPA 540").replace("B 5", "SPB 5"), header="NIF da entidade "
                      "Código Rendimentos Retenções Contribuições")  # fmt: skip
    by_nif = modelo_3(
        JOINT_ROWS.replace("A 540", f"{A_NIF} 540").replace("B 5", f"{B_NIF} 5"),
        header="NIF do titular NIF da entidade Código Rendimentos Retenções Contribuições",
    )
    for text in (worded, by_nif):
        _, fields, _ = read(text)
        assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
            Decimal("27373.14"),
            Decimal("38253.84"),
        )


def test_parts_that_do_not_make_the_total_are_not_given() -> None:
    """Rows that do not add up to their "Soma": neither the rows nor the parts are trusted."""
    _, fields, warnings = read(modelo_3(JOINT_ROWS.replace("Soma 65.626,98", "Soma 66.626,98")))
    assert "arithmetic_mismatch" in warnings
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None
    assert fields["joint_return"] is True


def test_a_category_letter_opening_a_row_is_no_owner() -> None:
    """Under a "Categoria" column the letter opening a row is the category's (A: employment), not the titular's."""
    rows = "A 540602000 27.373,14 2.930,75\nA 513932844 38.253,84 5.853,90\nSoma 65.626,98 8.784,65"
    _, fields, _ = read(modelo_3(rows, header="Categoria NIF da entidade Rendimentos Retenções"))
    assert fields["gross_income"] == Decimal("65626.98")
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


def test_a_spouses_anexo_b_and_the_others_anexo_a_rows_give_both_parts() -> None:
    text = modelo_3("A 561657785 401 14 119,65 1 500,91 1 553,16\nSoma 14 119,65 1 500,91 1 553,16").replace(
        "Anexos entregues: Anexo A", "Anexos entregues: Anexo A, Anexo B"
    ) + (
        "\nANEXO B - Rendimentos categoria B - Regime simplificado"
        "\nQuadro 3 Titular dos rendimentos: Sujeito passivo B CAE/Código CIRS: 1519"
        "\nQuadro 4A Rendimentos da atividade (regime simplificado)"
        "\n404 Rendimentos das atividades profissionais (tabela do art. 151.º do CIRS) 8 776,57"
        "\nSoma 8 776,57"
    )
    _, fields, _ = read(text)
    assert fields["gross_income"] == Decimal("22896.22")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("14119.65"),
        Decimal("8776.57"),
    )


def test_a_payers_row_whose_amounts_did_not_all_read_leaves_the_table_unread() -> None:
    """A photo's row with a garbled amount: the rows above it are not the whole table (r43a: A's row was taken for
    the couple's gross)."""
    rows = "A 553997599 401 14.397,78 2.386,98 1.583,76\nB 573832650 401 38.492,37 611172 4.234,16\n"
    rows += "Soma 52.890,15 8.498,70 5.817,92"
    _, fields, _ = read(modelo_3(rows))
    assert fields["gross_income"] != Decimal("14397.78")
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


def test_a_joint_nota_names_both_taxpayers_and_gives_no_parts() -> None:
    _, fields, _ = read(f"""DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS
Nota de liquidação n.º 20264213871204 Ano dos rendimentos: 2025
Sujeito passivo A {A_NIF} Gonçalo Manuel Araújo Guimarães
Sujeito passivo B {B_NIF} Sofia Patrício Fernandes
Rendimento bruto - Categoria A - Trabalho dependente 43.572,49
Rendimento coletável 35.364,49
Coleta líquida 4.698,19
Retenções na fonte 5.379,76
Pagamentos por conta 0,00
VALOR A REEMBOLSAR 681,57""")
    assert fields["joint_return"] is True
    assert (fields["spouse_nif"], fields["spouse_name"]) == (B_NIF, "Sofia Patrício Fernandes")
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


@pytest.mark.parametrize(
    "option",
    [
        "Opção pela tributação conjunta: Não",
        "Tributação conjunta [ ]   Tributação separada [X]",
        "Tributação separada",
    ],
)
def test_a_separate_return_names_the_spouse_but_is_not_joint(option: str) -> None:
    rosto = (
        f"Sujeito passivo NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães\n"
        f"Estado civil: Casado · NIF do cônjuge ou unido de facto: {B_NIF}\n{option}"
    )
    _, fields, _ = read(modelo_3("A 540602000 401 27.373,14 2.930,75 3.011,05\nSoma 27.373,14 2.930,75 3.011,05",
                                 rosto=rosto))  # fmt: skip
    assert fields["joint_return"] is False
    assert fields["spouse_nif"] == B_NIF
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


def test_a_ticked_joint_option_is_joint() -> None:
    rosto = (
        f"Sujeito passivo A NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães\n"
        f"Cônjuge ou unido de facto NIF {B_NIF}\nTributação conjunta [X]   Tributação separada [ ]"
    )
    _, fields, _ = read(modelo_3(JOINT_ROWS, rosto=rosto))
    assert fields["joint_return"] is True
    assert fields["spouse_gross_income"] == Decimal("38253.84")


def test_a_single_persons_return_is_not_joint_and_a_dependant_is_no_spouse() -> None:
    rosto = f"Sujeito passivo A NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães\nDependentes NIF {CHILD_NIF}"
    rows = "A 540602000 401 27.373,14 2.930,75 3.011,05\nSoma 27.373,14 2.930,75 3.011,05"
    _, fields, _ = read(modelo_3(rows, rosto=rosto))
    assert fields["joint_return"] is False
    assert fields["spouse_nif"] is None
    assert fields["taxpayer_gross_income"] is None


def test_b_printed_before_a_is_still_the_spouse() -> None:
    rosto = (
        f"Sujeito passivo B\nSofia Patrício Fernandes NIF {B_NIF}\n"
        f"Sujeito passivo A\nGonçalo Manuel Araújo Guimarães NIF {A_NIF}"
    )
    _, fields, _ = read(modelo_3(JOINT_ROWS, rosto=rosto))
    assert (fields["taxpayer_nif"], fields["spouse_nif"]) == (A_NIF, B_NIF)
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"
    assert fields["joint_return"] is True
    assert fields["taxpayer_gross_income"] == Decimal("27373.14")


# --- Screening -------------------------------------------------------------------------------------------------

SOFIA = {"nif": B_NIF, "name": "Sofia Patrício Fernandes", "date_of_birth": "1990-06-15", "income_profile": "OTHER"}
GONCALO = {"nif": A_NIF, "name": "Gonçalo Manuel Araújo Guimarães", "date_of_birth": "1988-02-01",
           "income_profile": "OTHER"}  # fmt: skip


def joint_return(**overrides: Any) -> dict[str, Any]:
    fields = {
        "taxpayer_name": "Gonçalo Manuel Araújo Guimarães",
        "taxpayer_nif": A_NIF,
        "spouse_name": "Sofia Patrício Fernandes",
        "spouse_nif": B_NIF,
        "joint_return": True,
        "year": 2025,
        "gross_income": "60000.00",
        "withholdings": "12000.00",
        "taxpayer_gross_income": "45000.00",
        "spouse_gross_income": "15000.00",
    }
    fields.update(overrides)
    return {"document_id": "irs", "status": "EXTRACTED", "kind": "DECLARACAO_IRS", "fields": fields, "warnings": []}


def income(applicant: dict[str, Any], documents: list[dict[str, Any]]) -> dict[str, Any]:
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


def check(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in result["checks"] if c["name"] == name)


def test_each_spouse_is_credited_with_their_own_part_the_tax_in_proportion() -> None:
    # (60,000 - 12,000) / 12 = 4,000 a month for the couple; A has 3/4 of the income, B 1/4.
    a, b = income(GONCALO, [joint_return()]), income(SOFIA, [joint_return()])
    assert (a["average_monthly_income"], b["average_monthly_income"]) == ("3000.00", "1000.00")
    assert a["source"] == b["source"] == "tax" and a["verified"] and b["verified"]
    assert "parte do sujeito passivo B" in b["method"]
    assert check(b, "income.tax_document")["passed"]
    share = check(b, "income.tax_joint_share")
    assert share["passed"] and format_eur(Decimal(15000)) in share["evidence"]


def test_a_single_persons_return_counts_whole_and_a_separate_returns_spouse_is_no_taxpayer() -> None:
    single = joint_return(joint_return=False, spouse_nif=None, spouse_name=None, taxpayer_gross_income=None,
                          spouse_gross_income=None)  # fmt: skip
    assert income(GONCALO, [single])["average_monthly_income"] == "4000.00"
    separate = joint_return(joint_return=False, taxpayer_gross_income=None, spouse_gross_income=None)
    result = income(SOFIA, [separate])
    assert result["average_monthly_income"] is None
    assert not check(result, "income.tax_document")["passed"]


def test_a_joint_return_without_parts_is_not_counted_for_one_spouse_alone() -> None:
    """Applying alone, A is no longer credited with the couple's income (nor B with none of it, unexplained)."""
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    for applicant in (GONCALO, SOFIA):
        result = income(applicant, [no_parts])
        assert result["average_monthly_income"] is None
        assert result["attributable"]
        share = check(result, "income.tax_joint_share")
        assert not share["passed"]
        assert "não mostra a parte de cada um" in share["evidence"]


def three_payslips(person: dict[str, Any]) -> list[dict[str, Any]]:
    """Three months of payslips in ``person``'s name and NIF, 1 000,00 € net each."""
    return [
        {
            "document_id": f"p-{period}",
            "status": "EXTRACTED",
            "kind": "RECIBO_VENCIMENTO",
            "warnings": [],
            "fields": {
                "employee_name": person["name"],
                "employee_nif": person["nif"],
                "period": period,
                "net_pay": "1000.00",
            },
        }
        for period in ("2026-10", "2026-09", "2026-08")
    ]


def household(
    a_documents: list[dict[str, Any]],
    b_documents: list[dict[str, Any]],
    *,
    roles: tuple[str, str] = ("TENANT", "CO_TENANT"),
) -> dict[str, Any]:
    a_id = id_document(nif=A_NIF, full_name=GONCALO["name"], given_names="Gonçalo Manuel",
                       surname="Araújo Guimarães", date_of_birth=GONCALO["date_of_birth"])  # fmt: skip
    b_id = id_document(nif=B_NIF, full_name=SOFIA["name"], given_names="Sofia", surname="Patrício Fernandes",
                       date_of_birth=SOFIA["date_of_birth"])  # fmt: skip
    members = [
        {"applicant_id": "a", "role": roles[0], "applicant": GONCALO,
         "documents": [{**a_id, "document_id": "id-a"}, *a_documents]},
        {"applicant_id": "b", "role": roles[1], "applicant": SOFIA,
         "documents": [{**b_id, "document_id": "id-b"}, *b_documents]},
    ]  # fmt: skip
    if roles[0] != "TENANT":
        tenant = {"nif": "245718931", "name": "Maria João Santos", "date_of_birth": "1990-06-15",
                  "income_profile": "EMPLOYEE"}  # fmt: skip
        members.insert(0, {"applicant_id": "t", "role": "TENANT", "applicant": tenant,
                           "documents": [{**id_document(), "document_id": "id-t"}]})  # fmt: skip
    result = run_screening({**state([], price="1200"), "applicant": GONCALO, "members": members}, RulesAssessor())
    return dict(result)  # type: ignore[arg-type]


def test_a_couple_of_co_tenants_with_an_unsplit_joint_return_counts_its_income_once() -> None:
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    result = household([no_parts], [{**no_parts, "document_id": "irs-b"}])
    members = result["income"]["members"]
    assert members["a"]["average_monthly_income"] == "4000.00"
    assert members["b"]["average_monthly_income"] == "0.00"
    assert result["affordability"]["household_monthly_income"] == "4000.00"


def test_a_couple_with_parts_counts_each_part_once() -> None:
    result = household([joint_return()], [{**joint_return(), "document_id": "irs-b"}])
    assert result["affordability"]["household_monthly_income"] == "4000.00"


def test_a_co_tenant_proving_their_own_income_is_not_counted_again_in_an_unsplit_joint_return() -> None:
    """B's payslips prove B's income: A's part of the couple's return is then unknown, and not counted."""
    payslips = three_payslips(SOFIA)
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    result = household([no_parts], payslips)
    members = result["income"]["members"]
    assert members["a"]["average_monthly_income"] is None
    assert members["b"]["source"] == "payslips"


@pytest.mark.parametrize(
    ("option", "joint"),
    [
        ("Quadro 5A Opção pela tributação conjunta: Sim [X] Não [ ]", True),
        ("Quadro 5A Opção pela tributação conjunta: Sim [ ] Não [X]", False),
        ("Quadro 5A Opção pela tributação conjunta 1 Sim ☒ 2 Não ☐", True),
        ("[X] Tributação conjunta   [ ] Tributação separada", True),
        ("[ ] Tributação conjunta   [X] Tributação separada", False),
        ("Estado civil: casado · Tributação: conjunta", True),
        ("Quadro 5A 01 X Tributação conjunta 02 Tributação separada", True),
        ("Quadro 5A 01 Tributação conjunta 02 X Tributação separada", False),
        ("Tributação conjunta   Tributação separada", None),
    ],
)
def test_the_taxation_option_is_read_by_its_answer_and_the_side_its_boxes_stand(
    option: str, joint: bool | None
) -> None:
    """A box before its option is that option's, not the previous one's; "Sim [ ]" is a no."""
    rosto = (
        f"Sujeito passivo A NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães\n"
        f"Cônjuge ou unido de facto NIF {B_NIF}\n{option}"
    )
    _, fields, _ = read(modelo_3("A 540602000 401 27.373,14 2.930,75 3.011,05\nSoma 27.373,14 2.930,75 3.011,05",
                                 rosto=rosto))  # fmt: skip
    # Nothing answered: one taxpayer and a cônjuge is a separate return's.
    assert fields["joint_return"] is (False if joint is None else joint)


def test_a_couple_of_guarantors_with_an_unsplit_joint_return_guarantee_with_its_income_once() -> None:
    """Spouses who are both fiadores: the couple's income counts once, in A, who then covers the rent."""
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    result = household([no_parts], [{**no_parts, "document_id": "irs-b"}], roles=("GUARANTOR", "GUARANTOR"))
    members = result["income"]["members"]
    assert (members["a"]["average_monthly_income"], members["b"]["average_monthly_income"]) == ("4000.00", "0.00")
    assert result["affordability"]["guarantor"]["applicant_id"] == "a"
    evidence = next(c["evidence"] for c in result["income"]["checks"] if c["name"] == "income.tax_joint_share"
                    and c["applicant_id"] == "a")  # fmt: skip
    assert "fiador desta candidatura" in evidence


# --- The same joint return sent by each spouse -------------------------------------------------------------------


def joint_return_sent(applicant: Any, *, joint: bool = True) -> list[Any]:
    fields = {"taxpayer_nif": A_NIF, "spouse_nif": B_NIF, "joint_return": joint, "gross_income": "60000.00"}
    return [stored(applicant, sha256="joint-return".ljust(64, "0"), kind="DECLARACAO_IRS", fields=fields)]


@pytest.mark.django_db
def test_the_spouse_sending_the_same_joint_return_is_a_low_note_not_someone_elses_document() -> None:
    """One spouse applied alone with the couple's return; the other then applies with it: it is theirs too."""
    organization = OrganizationFactory()
    joint_return_sent(applicant_in(organization, A_NIF))
    found = reuse_signals(applicant=(wife := applicant_in(organization, B_NIF)), documents=joint_return_sent(wife))
    assert codes(found) == {("DOCUMENT_SENT_BY_SPOUSE", "LOW")}
    # In another agency: nothing, as for the same person.
    elsewhere = applicant_in(OrganizationFactory(), B_NIF)
    assert reuse_signals(applicant=elsewhere, documents=joint_return_sent(elsewhere)) == {}


@pytest.mark.django_db
def test_a_separate_return_naming_the_spouse_sent_by_them_is_still_someone_elses() -> None:
    organization = OrganizationFactory()
    joint_return_sent(applicant_in(organization, A_NIF), joint=False)
    wife = applicant_in(organization, B_NIF)
    found = reuse_signals(applicant=wife, documents=joint_return_sent(wife, joint=False))
    assert codes(found) == {("DOCUMENT_REUSED", "HIGH")}


def test_a_return_whose_anexo_b_was_not_read_gives_no_parts() -> None:
    """Anexo B delivered but unread: the rows of Anexo A are not the whole gross, whatever they add up to."""
    text = modelo_3("B 513932844 401 22.400,00 2.240,00 2.464,00\nSoma 22.400,00 2.240,00 2.464,00").replace(
        "Anexos entregues: Anexo A", "Anexos entregues: Anexo A, Anexo B"
    )
    _, fields, _ = read(text)
    assert fields["joint_return"] is True
    assert fields["taxpayer_gross_income"] is None and fields["spouse_gross_income"] is None


def test_the_lead_who_is_b_sending_the_nota_counts_the_couples_income_once_in_a() -> None:
    """E2e probe c24 (c12): B, the lead, sent the nota; A, the co-tenant, sent none. It counted nowhere."""
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    result = household([], [no_parts])  # A (GONCALO) sends nothing, B (SOFIA) the nota
    members = result["income"]["members"]
    assert (members["a"]["average_monthly_income"], members["b"]["average_monthly_income"]) == ("4000.00", "0.00")
    assert result["affordability"]["household_monthly_income"] == "4000.00"
    # And A, who sent it, with B sending nothing (c03): B is inside the sum, not "without proven income".
    result = household([no_parts], [])
    assert result["income"]["members"]["b"]["verified"]
    assert result["affordability"]["household_monthly_income"] == "4000.00"


def test_a_spouse_with_payslips_makes_the_unsplit_return_count_for_neither() -> None:
    """A proves their own salary; B sent nothing: B's income is not A's return minus a salary no one can split."""
    payslips = three_payslips(GONCALO)
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    members = household([no_parts, *payslips], [])["income"]["members"]
    assert members["a"]["source"] == "payslips"
    assert members["b"]["average_monthly_income"] is None


def test_a_joint_return_not_counted_is_named_as_sent_and_the_return_that_would_count_is_asked_for() -> None:
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    profile = check(income({**SOFIA, "income_profile": "EMPLOYEE"}, [no_parts]), "income.profile_documents")
    assert not profile["passed"]
    assert "Enviados mas não contados: 1 declaração de IRS conjunta" in profile["evidence"]
    assert "que mostre a sua parte dos rendimentos do casal" in profile["evidence"]
    assert "ou a declaração / nota de liquidação de IRS do último ano" not in profile["evidence"]


def test_a_quadros_title_naming_the_columns_words_over_the_tables_header_is_no_header() -> None:
    """E2e probe c24: "Quadro 4A - Rendimentos e retenções" over "Titular NIF ... Rendimentos Retenções IRS
    Contribuições" was taken for a header of two columns, and the table went unread."""
    text = modelo_3(JOINT_ROWS).replace(
        "Quadro 4A Rendimentos obtidos em território português", "Quadro 4A - Rendimentos e retenções"
    )
    _, fields, _ = read(text)
    assert fields["gross_income"] == Decimal("65626.98")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("27373.14"),
        Decimal("38253.84"),
    )


def test_rows_marked_a_and_b_in_brackets_under_no_titular_column_give_the_parts() -> None:
    """E2e probe c24: "(A) 503456780 401 ..." / "(B) ..." under a header with no Titular column gave no parts."""
    rows = JOINT_ROWS.replace("A 540", "(A) 540").replace("B 5", "(B) 5")
    _, fields, _ = read(modelo_3(rows, header="NIF da entidade Código Rendimentos Retenções Contribuições"))
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("27373.14"),
        Decimal("38253.84"),
    )


# --- What each spouse is told ------------------------------------------------------------------------------------


def test_a_spouse_who_sent_only_payslips_is_not_told_of_the_others_uncounted_nota() -> None:
    """E2e probe c24 (c11): B's payslips prove B's income; A's nota, not counted, is A's to answer for."""
    payslips = three_payslips(SOFIA)
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    checks = household([no_parts], payslips)["income"]["checks"]
    assert [c["applicant_id"] for c in checks if c["name"] == "income.tax_joint_share"] == ["a"]
    assert [c["applicant_id"] for c in checks if c["name"] == "income.tax_document"] == ["a"]


def test_the_send_your_proofs_line_is_left_out_once_the_income_is_proven_otherwise() -> None:
    payslips = three_payslips(SOFIA)
    no_parts = joint_return(taxpayer_gross_income=None, spouse_gross_income=None)
    alone = check(income(SOFIA, [no_parts]), "income.tax_joint_share")["evidence"]
    proven = check(income(SOFIA, [no_parts, *payslips]), "income.tax_joint_share")["evidence"]
    assert "Envie os comprovativos dos seus rendimentos" in alone
    assert "Envie" not in proven


def test_the_spouse_whose_income_counted_in_the_other_is_told_so_not_zero_verified() -> None:
    form = form_for(agency(), price="1200")
    lead = person(form, name=GONCALO["name"], nif=A_NIF, income=None,
                  extra=(joint_return(taxpayer_gross_income=None, spouse_gross_income=None),))  # fmt: skip
    co = person(form, role="CO_TENANT", name=SOFIA["name"], nif=B_NIF, income=None)
    _, report = screened(form, lead, co)
    for language, said in (("pt", "foram contados uma vez, no outro sujeito passivo"), ("en", "counted once")):
        explanation = applicant_explanation(applicant=co.applicant, report=report, language=language)
        text = next(c["text"] for c in explanation["checks"] if c["name"] == "income")
        assert said in text
        assert "0,00" not in text and "€0.00" not in text


def test_one_spouse_alone_with_an_unsplit_return_is_asked_for_one_that_shows_their_part() -> None:
    form = form_for(agency())
    member = person(form, name=SOFIA["name"], nif=B_NIF, income=None,
                    extra=(joint_return(taxpayer_gross_income=None, spouse_gross_income=None),))  # fmt: skip
    _, report = screened(form, member)
    explanation = applicant_explanation(applicant=member.applicant, report=report)
    assert any("que mostre a sua parte dos rendimentos do casal" in line for line in explanation["what_would_change"])


def test_the_ats_codigo_dos_rendimentos_caption_is_no_income_column() -> None:
    """E2e probe c24: "Código dos rendimentos" beside "Rendimentos" read as the income's column named twice."""
    rows = JOINT_ROWS.replace("A 540602000 401", "540602000 401 A").replace("B 513932844 401", "513932844 401 B")
    rows = rows.replace("B 573000824 401", "573000824 401 B")
    header = "NIF da entidade pagadora Código dos rendimentos Titular Rendimentos Retenções Contribuições"
    _, fields, _ = read(modelo_3(rows, header=header))
    assert fields["gross_income"] == Decimal("65626.98")
    assert fields["spouse_gross_income"] == Decimal("38253.84")
    # "Código  Rendimentos" with no "dos" is two columns' captions side by side, the income's among them.
    _, fields, _ = read(modelo_3(JOINT_ROWS, header="Titular NIF Código Rendimentos Retenções Contribuições"))
    assert fields["gross_income"] == Decimal("65626.98")


def test_anexo_bs_captioned_rows_without_codes_are_its_income_and_its_titulars() -> None:
    """E2e probe c24 and blind probe r44a: "Prestações de serviços (código 403) 23 000,00" under Anexo B unread, the
    return's gross given without it."""
    text = modelo_3("B 509876544 401 22 400,00 2 240,00 2 464,00\nSoma 22 400,00 2 240,00 2 464,00").replace(
        "Anexos entregues: Anexo A", "Anexos entregues: Anexo A, Anexo B"
    ) + (
        f"\nANEXO B - Rendimentos categoria B - Regime simplificado\nTitular do rendimento: A NIF: {A_NIF}"
        "\nPrestações de serviços (código 403) 23 000,00\nVendas 0,00\nRetenções na fonte 5 750,00"
    )
    _, fields, _ = read(text)
    assert fields["self_employment_income"] == Decimal("23000.00")
    assert fields["gross_income"] == Decimal("45400.00")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("23000.00"),
        Decimal("22400.00"),
    )


# --- Any backend: parts that do not make the gross are no parts ----------------------------------------------------


@pytest.mark.parametrize(
    ("joint", "spouse_part", "kept"),
    [(True, 38253.84, True), (True, 30000.00, False), (False, 38253.84, False)],
)
def test_a_remote_readers_parts_are_kept_only_on_a_joint_return_and_when_they_make_the_gross(
    joint: bool, spouse_part: float, kept: bool
) -> None:
    fields = {"kind": "DECLARACAO_IRS", "taxpayer_nif": A_NIF, "spouse_nif": B_NIF, "year": 2025,
              "gross_income": 65626.98, "joint_return": joint, "taxpayer_gross_income": 27373.14,
              "spouse_gross_income": spouse_part}  # fmt: skip
    result = reducto_returning(fields).extract(b"%PDF-1.4\n%%EOF", document_type="PROOF_OF_INCOME")
    assert (result.fields["spouse_gross_income"] is not None) is kept
    assert (result.fields["taxpayer_gross_income"] is not None) is kept
    assert ("arithmetic_mismatch" in result.warnings) is not kept
