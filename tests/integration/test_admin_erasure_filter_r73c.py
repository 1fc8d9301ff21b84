"""The admin's erasure names whom it erases and returns to their list (blind probe r73c, F5); the applicant list's
"Por imóvel" filter tells forms of one title apart (F8)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from applicants.models import ApplicantStatus, AuditAction, AuditEvent
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_admin_forms_r73c import client_of, made

pytestmark = pytest.mark.django_db


# --- F5: the erasure names the person ------------------------------------------------------------------------


def test_the_erasure_confirmation_names_the_person_and_lands_on_the_applicants(alice: AgencyCredentials) -> None:
    person = made(
        ApplicantFactory,
        form_request=made(IntakeFormRequestFactory, organization=alice.organization),
        name="Helena Cristina Sousa",
        status=ApplicantStatus.COMPLETED,
    )
    client = client_of(alice.user)
    url = f"/admin/applicants/applicant/{person.pk}/delete/"
    html = client.get(url).content.decode()
    assert f"«Helena Cristina Sousa ({str(person.pk)[:8]})»" in html
    assert AuditEvent.objects.filter(action=AuditAction.PII_VIEWED, target_id=str(person.pk)).exists()
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302 and response["Location"] == "/admin/applicants/applicant/"


def test_without_personal_data_the_erasure_names_the_person_masked(alice: AgencyCredentials) -> None:
    person = made(
        ApplicantFactory,
        form_request=made(IntakeFormRequestFactory, organization=alice.organization),
        name="Helena Cristina Sousa",
    )
    alice.user.user_permissions.remove(  # type: ignore[attr-defined]
        Permission.objects.get(codename="view_pii")
    )
    html = client_of(alice.user).get(f"/admin/applicants/applicant/{person.pk}/delete/").content.decode()
    assert "«H*** C*** S*** (" in html and "Helena" not in html


# --- F8: forms of one title told apart -------------------------------------------------------------------------


def test_the_property_filter_tells_forms_of_the_same_title_apart(alice: AgencyCredentials) -> None:
    twice = [
        made(IntakeFormRequestFactory, organization=alice.organization, property_title="T1 na Graça") for _ in (1, 2)
    ]
    once = made(IntakeFormRequestFactory, organization=alice.organization, property_title="T2 em Alvalade")
    for form in (*twice, once):
        made(ApplicantFactory, form_request=form)
    html = client_of(alice.user).get("/admin/applicants/applicant/").content.decode()
    for form in twice:
        assert f"T1 na Graça (criado a {timezone.localtime(form.created_at):%d/%m/%Y}, {str(form.pk)[:8]})" in html
    assert ">T2 em Alvalade<" in html and "T2 em Alvalade (criado" not in html
