"""Staff find a person by name (blind probe r73c: "Ferreira" or "Ana Rita Ferreira" found nobody, the first thing an
office tries). Names stay encrypted; each word has a keyed blind index (ADR 046). Whole words, every word typed,
accents and case aside; the agency's own people only; for staff who may see personal data.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, NameWord
from applicants.services import AgencyCredentials, staff_member_add
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from workspace.retention import applicant_erase

pytestmark = pytest.mark.django_db


def person(credentials: AgencyCredentials, name: str, **fields: Any) -> Applicant:
    fields.setdefault("form_request", IntakeFormRequestFactory(organization=credentials.organization))
    created: Applicant = ApplicantFactory(name=name, status=ApplicantStatus.COMPLETED, **fields)
    return created


def admin_search(credentials_or_user: Any, term: str, *, page: str = "applicant") -> list[Any]:
    client = Client()
    client.force_login(getattr(credentials_or_user, "user", credentials_or_user))
    response = client.get(f"/admin/applicants/{page}/", {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_the_admin_finds_a_person_by_any_of_their_names_in_any_spelling(
    alice: AgencyCredentials, bob: AgencyCredentials
) -> None:
    ana = person(alice, "Ana Rita da Conceição Ferreira")
    person(alice, "Rui Ferreira Lopes")
    person(alice, "Ana Sousa")
    person(bob, "Ana Rita Ferreira")  # another agency's namesake
    assert {p.name for p in admin_search(alice, "Ferreira")} == {"Ana Rita da Conceição Ferreira", "Rui Ferreira Lopes"}
    assert admin_search(alice, "Ana Rita Ferreira") == [ana]
    assert admin_search(alice, "ANA CONCEICAO") == [ana]
    assert admin_search(alice, "ferreira ana") == [ana]
    # Whole words: a part of a word finds nobody, nor does a word the person does not have.
    assert admin_search(alice, "Ferr") == []
    assert admin_search(alice, "Ana Costa") == []


def test_the_applications_list_finds_the_household_of_any_member_named(alice: AgencyCredentials) -> None:
    application = Application.objects.create(
        organization=alice.organization, form_request=IntakeFormRequestFactory(organization=alice.organization)
    )
    person(alice, "Carla Mendes", form_request=application.form_request, application=application)
    person(alice, "Eduardo Pinto", form_request=application.form_request, application=application)
    assert admin_search(alice, "Eduardo Pinto", page="application") == [application]
    assert admin_search(alice, "Zacarias", page="application") == []


def test_staff_who_may_not_see_personal_data_cannot_find_a_person_by_name(alice: AgencyCredentials) -> None:
    person(alice, "Ana Ferreira")
    trainee = staff_member_add(
        organization=alice.organization, email="eva@x.test", password="eva-Pa55word!", view_pii=False
    )
    assert admin_search(trainee.user, "Ferreira") == []
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {trainee.token}")
    refused = api.get("/api/v1/applicants", {"name": "Ferreira"})
    assert (refused.status_code, refused.json()["code"]) == (403, "permission_denied")


def test_the_api_filters_by_name_and_refuses_a_term_with_no_name_word(
    alice: AgencyCredentials, alice_api: APIClient, bob: AgencyCredentials
) -> None:
    ana = person(alice, "Ana Rita Ferreira")
    person(alice, "Rui Lopes")
    person(bob, "Ana Rita Ferreira")
    found = alice_api.get("/api/v1/applicants", {"name": "rita ferreira"})
    assert found.status_code == 200
    assert [row["id"] for row in found.json()["results"]] == [str(ana.id)]
    refused = alice_api.get("/api/v1/applicants", {"name": "de"})
    assert refused.status_code == 400
    assert "name" in refused.json()


def test_a_corrected_name_is_found_by_its_new_words_only(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    applicant = person(alice, "Vasco Fontes")
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(f"/api/v1/applicants/{applicant.pk}", {"name": "Vasco Lacerda"}, format="json")
    assert response.status_code == 200, response.json()
    assert admin_search(alice, "Lacerda") == [applicant]
    assert admin_search(alice, "Fontes") == []


def test_an_erased_person_leaves_no_name_words(alice: AgencyCredentials) -> None:
    applicant = person(alice, "Helena Marques")
    assert NameWord.objects.filter(applicant=applicant).count() == 2
    applicant_erase(applicant=applicant)
    assert not NameWord.objects.exists()


def test_re_keying_the_blind_index_re_keys_the_name_words(alice: AgencyCredentials, settings: Any) -> None:
    applicant = person(alice, "Joana Brito")
    settings.BLIND_INDEX_KEY = "a-brand-new-blind-index-key-of-32-characters"
    assert admin_search(alice, "Brito") == []
    call_command("rotate_encryption_keys", "--reindex-nif", stdout=io.StringIO())
    assert admin_search(alice, "Brito") == [applicant]


def test_the_migration_indexes_the_people_already_stored(alice: AgencyCredentials) -> None:
    from importlib import import_module

    from django.apps import apps

    applicant = person(alice, "Marta Valente")
    NameWord.objects.all().delete()
    import_module("applicants.migrations.0025_name_words").index_names(apps, None)
    assert admin_search(alice, "Valente Marta") == [applicant]
