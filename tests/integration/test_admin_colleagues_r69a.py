"""An agency's admin manages colleagues in the admin (blind probe r69a, U-10): before, only the shell could (``add_staff``,
``drf_create_token``), the membership page was the superuser's, and a downgrade revoked no permission."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from applicants.models import AuditAction, AuditEvent, Membership, MembershipRole
from applicants.services import AgencyCredentials, staff_member_add
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/applicants/membership/"


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def colleague_of(credentials: AgencyCredentials, email: str, *, role: str = MembershipRole.STAFF) -> AgencyCredentials:
    return staff_member_add(organization=credentials.organization, email=email, role=role, password="colega-Pa55word!")


def membership_of(credentials: AgencyCredentials) -> Membership:
    return Membership.objects.get(user_id=credentials.user.pk)


def change_url(colleague: AgencyCredentials) -> str:
    return f"{LIST_URL}{membership_of(colleague).pk}/change/"


def post_access(client: Client, colleague: AgencyCredentials, *, role: str, view_pii: bool) -> Any:
    data = {"role": role} | ({"view_pii": "on"} if view_pii else {})
    return client.post(change_url(colleague), data)


def fresh(user: Any) -> Any:
    # A new object: Django caches a user's permissions on the one it loaded.
    return get_user_model().objects.get(pk=user.pk)


def test_the_agency_admin_sees_its_own_colleagues_only(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    colleague_of(bob, "bea@bob.test")

    response = logged_in(alice.user).get(LIST_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "rui@alice.test" in page and "alice@alice.test" in page
    assert "bea@bob.test" not in page and "bob@bob.test" not in page
    assert "Colegas" in logged_in(alice.user).get("/admin/").content.decode()
    assert logged_in(alice.user).get(change_url(rui)).status_code == 200


def test_another_agency_s_admin_gets_404_on_a_colleague(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")

    assert logged_in(bob.user).get(change_url(rui)).status_code == 404
    assert post_access(logged_in(bob.user), rui, role=MembershipRole.ADMIN, view_pii=True).status_code == 404
    assert fresh(rui.user).membership.role == MembershipRole.STAFF


def test_a_staff_member_has_no_colleagues_entry(alice: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    client = logged_in(rui.user)

    assert client.get(LIST_URL).status_code == 403
    assert client.get(change_url(alice)).status_code == 403
    assert LIST_URL not in client.get("/admin/").content.decode()


def test_a_superuser_sees_every_agency_s_colleagues(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    root = get_user_model().objects.create_superuser(username="root", email="root@ops.test", password="root-Pa55word!")
    page = logged_in(root).get(LIST_URL).content.decode()
    assert "alice@alice.test" in page and "bob@bob.test" in page


def test_promoting_a_colleague_grants_the_admin_s_permissions_and_is_audited(alice: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    assert not fresh(rui.user).has_perm("applicants.change_organization")

    response = post_access(logged_in(alice.user), rui, role=MembershipRole.ADMIN, view_pii=True)

    assert response.status_code == 302
    assert fresh(rui.user).membership.role == MembershipRole.ADMIN
    assert fresh(rui.user).has_perm("applicants.change_organization")
    event = AuditEvent.objects.get(action=AuditAction.STAFF_ACCESS_CHANGED)
    assert (event.actor, event.organization, event.target_id) == (
        alice.user,
        alice.organization,
        str(membership_of(rui).pk),
    )
    assert event.details == {
        "before": {"role": "STAFF", "view_pii": True},
        "after": {"role": "ADMIN", "view_pii": True},
    }


def test_demoting_an_admin_takes_the_admin_s_permissions_away(alice: AgencyCredentials) -> None:
    ana = colleague_of(alice, "ana@alice.test", role=MembershipRole.ADMIN)
    assert fresh(ana.user).has_perm("applicants.delete_applicant")

    response = post_access(logged_in(alice.user), ana, role=MembershipRole.STAFF, view_pii=True)

    assert response.status_code == 302
    demoted = fresh(ana.user)
    assert not demoted.has_perm("applicants.delete_applicant")
    assert not demoted.has_perm("applicants.change_organization")
    assert demoted.has_perm("applicants.view_applicant")
    assert logged_in(ana.user).get(LIST_URL).status_code == 403


def test_taking_view_pii_away_masks_personal_data_at_once(alice: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    applicant: Any = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), name="Maria Santos"
    )
    applicant_url = f"/admin/applicants/applicant/{applicant.pk}/change/"
    assert "Maria Santos" in logged_in(rui.user).get(applicant_url).content.decode()

    response = post_access(logged_in(alice.user), rui, role=MembershipRole.STAFF, view_pii=False)

    assert response.status_code == 302
    assert not fresh(rui.user).has_perm("applicants.view_pii")
    assert "Maria Santos" not in logged_in(rui.user).get(applicant_url).content.decode()
    # And given back the same way.
    post_access(logged_in(alice.user), rui, role=MembershipRole.STAFF, view_pii=True)
    assert fresh(rui.user).has_perm("applicants.view_pii")


def test_the_page_shows_whether_a_colleague_sees_personal_data(alice: AgencyCredentials) -> None:
    rui = staff_member_add(organization=alice.organization, email="rui@alice.test", view_pii=False)
    form = logged_in(alice.user).get(change_url(rui)).context["adminform"].form
    assert form["view_pii"].value() is False
    assert form["role"].value() == MembershipRole.STAFF


def test_an_admin_cannot_change_its_own_access(alice: AgencyCredentials) -> None:
    colleague_of(alice, "ana@alice.test", role=MembershipRole.ADMIN)
    client = logged_in(alice.user)

    response = post_access(client, alice, role=MembershipRole.STAFF, view_pii=True)

    assert response.status_code == 403
    assert fresh(alice.user).membership.role == MembershipRole.ADMIN
    assert fresh(alice.user).has_perm("applicants.change_organization")
    own_page = client.get(change_url(alice))
    assert own_page.status_code == 200  # read-only, not hidden
    assert 'name="role"' not in own_page.content.decode()
    # Active and sees personal data: both shown as yes (the form's field alone would read "-" here).
    assert own_page.content.decode().count("icon-yes.svg") == 2


def test_the_agency_s_last_admin_cannot_be_demoted(alice: AgencyCredentials) -> None:
    root = get_user_model().objects.create_superuser(username="root", email="root@ops.test", password="root-Pa55word!")

    response = post_access(logged_in(root), alice, role=MembershipRole.STAFF, view_pii=True)

    assert response.status_code == 200
    assert "A agência ficaria sem administrador" in response.content.decode()
    assert fresh(alice.user).membership.role == MembershipRole.ADMIN
    assert not AuditEvent.objects.filter(action=AuditAction.STAFF_ACCESS_CHANGED).exists()


def deactivate(client: Client, *colleagues: AgencyCredentials, confirmed: bool = True) -> Any:
    data = {"action": "deactivate_colleagues", "_selected_action": [membership_of(c).pk for c in colleagues]}
    return client.post(LIST_URL, data | ({"post": "yes"} if confirmed else {}))


def test_deactivating_a_colleague_revokes_their_token_at_once(alice: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {rui.token}")
    assert api.get("/api/v1/applicants").status_code == 200
    client = logged_in(alice.user)

    asked = deactivate(client, rui, confirmed=False)
    assert asked.status_code == 200 and "Desativar estes colegas?" in asked.content.decode()
    assert fresh(rui.user).is_active

    deactivate(client, rui)

    assert not fresh(rui.user).is_active
    assert not Token.objects.filter(user_id=rui.user.pk).exists()
    assert api.get("/api/v1/applicants").status_code == 401
    event = AuditEvent.objects.get(action=AuditAction.STAFF_DEACTIVATED)
    assert (event.actor, event.target_id, event.details) == (
        alice.user,
        str(membership_of(rui).pk),
        {"tokens_revoked": 1},
    )


def test_an_admin_cannot_deactivate_itself_nor_another_agency_s_member(
    alice: AgencyCredentials, bob: AgencyCredentials
) -> None:
    client = logged_in(alice.user)

    deactivate(client, alice, bob)

    assert fresh(alice.user).is_active and fresh(bob.user).is_active
    assert Token.objects.filter(user_id__in=[alice.user.pk, bob.user.pk]).count() == 2
    assert not AuditEvent.objects.filter(action=AuditAction.STAFF_DEACTIVATED).exists()


def test_revoking_a_colleague_s_token_asks_first_then_refuses_it(alice: AgencyCredentials) -> None:
    rui = colleague_of(alice, "rui@alice.test")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {rui.token}")
    client = logged_in(alice.user)
    data = {"action": "revoke_tokens", "_selected_action": [membership_of(rui).pk]}

    assert "drf_create_token" in client.post(LIST_URL, data).content.decode()
    assert Token.objects.filter(user_id=rui.user.pk).exists()

    client.post(LIST_URL, data | {"post": "yes"})

    assert api.get("/api/v1/applicants").status_code == 401
    assert fresh(rui.user).is_active  # the login stays; only the token goes
    assert AuditEvent.objects.filter(action=AuditAction.STAFF_TOKEN_REVOKED, actor_id=alice.user.pk).count() == 1


def test_a_superuser_still_adds_a_membership_with_its_role_s_permissions(alice: AgencyCredentials) -> None:
    root = get_user_model().objects.create_superuser(username="root", email="root@ops.test", password="root-Pa55word!")
    newcomer = get_user_model().objects.create_user(username="new@alice.test", email="new@alice.test")

    response = logged_in(root).post(
        f"{LIST_URL}add/", {"user": newcomer.pk, "organization": alice.organization.pk, "role": MembershipRole.STAFF}
    )

    assert response.status_code == 302
    assert Membership.objects.get(user=newcomer).organization == alice.organization
    assert fresh(newcomer).has_perm("applicants.view_applicant")
