"""Every HTML page is sent with a strict Content-Security-Policy (docs/adr/026-content-security-policy.md).

The admin, the intake page and Swagger UI run no inline script and apply no
inline style, so the policy allows neither; connect-src names where the intake
page uploads to under the storage settings of the moment.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, Application, IntakeFormRequest
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create
from tests.unit.test_settings import manage

pytestmark = pytest.mark.django_db

# <script> that runs code: no src and not a JSON data block (which a browser never executes).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.IGNORECASE)


def policy_of(response: Any) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.status_code} {response.get('Content-Type')}"
    directives: dict[str, list[str]] = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_strict(response: Any) -> dict[str, list[str]]:
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert set(policy["img-src"]) <= {"'self'", "data:"}
    assert not any("unsafe" in source for sources in policy.values() for source in sources)
    assert "Content-Security-Policy-Report-Only" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html)
    return policy


def test_the_admin_login_page_is_sent_with_a_strict_policy() -> None:
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert_strict(response)


def test_an_admin_change_page_is_sent_with_a_strict_policy(alice: AgencyCredentials) -> None:
    form_request: IntakeFormRequest = IntakeFormRequestFactory.create(organization=alice.organization)
    applicant: Applicant = ApplicantFactory.create(form_request=form_request)
    application = Application.objects.create(organization=alice.organization, form_request=form_request)
    client = Client()
    staff: Any = alice.user  # a User (AgencyCredentials types it as the abstract base)
    client.force_login(staff)
    for url in [
        "/admin/",
        f"/admin/applicants/applicant/{applicant.pk}/change/",
        f"/admin/applicants/application/{application.pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


def test_the_intake_page_is_sent_with_a_strict_policy_that_lets_it_upload_to_the_app(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    response = Client().get(f"/intake/{form['token']}/")
    assert response.status_code == 200
    policy = assert_strict(response)
    # The local storage's upload URL is PUBLIC_BASE_URL/storage/upload (http://testserver in tests).
    assert policy["connect-src"] == ["'self'", "http://testserver"]


def test_swagger_ui_is_sent_with_a_strict_policy_and_its_init_script_as_a_file() -> None:
    page = Client().get("/api/v1/docs")
    assert page.status_code == 200
    assert_strict(page)
    script_url = re.findall(r'<script src="([^"]+)"', page.content.decode())[-1]
    script = Client().get(script_url.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle(" in script.content.decode()


@pytest.mark.parametrize(
    ("bucket", "region", "endpoint", "public_endpoint", "origin"),
    [
        ("candidaturas-docs", "eu-west-1", None, None, "https://candidaturas-docs.s3.amazonaws.com"),
        ("candidaturas.docs", "eu-west-1", None, None, "https://s3.eu-west-1.amazonaws.com"),
        ("candidaturas-docs", "eu-west-1", "http://minio:9000", "http://localhost:9000", "http://localhost:9000"),
        ("candidaturas-docs", "eu-west-1", "https://objects.example.pt", None, "https://objects.example.pt"),
    ],
)
def test_connect_src_names_the_object_storage_the_page_uploads_to_under_s3(
    alice_api: APIClient, settings: Any, bucket: str, region: str, endpoint: str, public_endpoint: str, origin: str
) -> None:
    form = form_request_create(alice_api)
    settings.STORAGE_BACKEND = "s3"
    settings.S3_BUCKET = bucket
    settings.AWS_REGION = region
    settings.S3_ENDPOINT_URL = endpoint
    settings.S3_PUBLIC_ENDPOINT_URL = public_endpoint
    response = Client().get(f"/intake/{form['token']}/")
    assert response.status_code == 200
    policy = assert_strict(response)
    assert policy["connect-src"] == ["'self'", origin]


def test_csp_report_only_sends_the_same_policy_as_report_only() -> None:
    code = (
        "from django.conf import settings; "
        "print(hasattr(settings, 'CONTENT_SECURITY_POLICY'), "
        "settings.CONTENT_SECURITY_POLICY_REPORT_ONLY['DIRECTIVES']['script-src'])"
    )
    done = manage("shell", "-c", code, CSP_REPORT_ONLY="true")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False [\"'self'\"]"
