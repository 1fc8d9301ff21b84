"""Blind probe r78b ("also seen"): an application's "Histórico" named nobody on its "Convite enviado" rows, and its
"Análise forçada com os candidatos presentes" did not say who was left out (the report's justification did)."""

from __future__ import annotations

from typing import Any

import pytest

from applicants.masking import mask_name
from applicants.models import ApplicationStatus, AuditAction, Role
from applicants.services import AgencyCredentials
from tests.integration.test_admin_history import client_in, history_of
from tests.integration.test_households_staff import household_of
from workspace.history import file_history
from workspace.services import application_invite, application_screen

pytestmark = pytest.mark.django_db


def test_an_invitations_row_names_the_person_invited_and_a_forced_screening_who_it_left_out(
    alice: AgencyCredentials, queued: Any
) -> None:
    application, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING)
    application_invite(
        application=application, actor=alice.user, role=Role.GUARANTOR, name="Helena Barros Cunha", email="h@x.pt"
    )
    # Invited again (a new link): still one person left out.
    application_invite(
        application=application, actor=alice.user, role=Role.GUARANTOR, name="Helena Barros Cunha", email="h@x.pt"
    )
    application_invite(
        application=application, actor=alice.user, role=Role.CO_TENANT, name="Duarte Reis Pinto", email="d@x.pt"
    )
    assert application_screen(application=application, actor=alice.user, force=True)

    entries = file_history(people=[lead, co_tenant], with_access=False, person_labels=True)
    invited = [e.person for e in entries if e.what == str(AuditAction.INVITATION_SENT.label)]
    assert sorted(invited) == sorted(
        [f"Fiador {mask_name('Helena Barros Cunha')}"] * 2 + [f"Coarrendatário {mask_name('Duarte Reis Pinto')}"]
    )
    assert "Helena" not in str(entries) and "Duarte" not in str(entries)
    (forced,) = [e for e in entries if e.what == str(AuditAction.FORCED_SCREENING.label)]
    assert forced.detail == "fora desta análise: fiador, coarrendatário"

    page = history_of(client_in(alice.user), f"/admin/applicants/application/{application.pk}/history/")
    assert "fora desta análise: fiador, coarrendatário" in page and f"Fiador {mask_name('Helena Barros Cunha')}" in page
    english = history_of(client_in(alice.user, "en"), f"/admin/applicants/application/{application.pk}/history/")
    assert "left out of this screening: guarantor, co-tenant" in english


def test_a_forced_screening_that_left_nobody_out_says_nothing_more(alice: AgencyCredentials, queued: Any) -> None:
    application, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING)
    assert application_screen(application=application, actor=alice.user, force=True)
    entries = file_history(people=[lead, co_tenant], with_access=False, person_labels=True)
    (forced,) = [e for e in entries if e.what == str(AuditAction.FORCED_SCREENING.label)]
    assert forced.detail == ""
