"""Blind probe c26: what the operator's shell commands say and refuse (REPORT.md section 2: 3, 7, 8, 11, 15, 19)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from kombu.exceptions import OperationalError

from applicants.models import Applicant, Organization
from documents.models import Document, PendingDeletion
from tests.factories import ApplicantFactory
from tests.integration.test_encrypted_fields import report_for


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- 3. "queued" when the broker refused the message ---------------------------------------------------------------


@pytest.fixture
def broker_down() -> Any:
    with mock.patch("screening.pipeline.messages_send", side_effect=OperationalError("connection refused")) as send:
        yield send


@pytest.mark.django_db(transaction=True)  # the send runs on a real commit, inside the command
def test_rescreen_with_the_broker_down_says_recorded_not_sent_and_exits_non_zero(broker_down: Any) -> None:
    applicant = ApplicantFactory(status="FAILED", failure_reason="x")
    with pytest.raises(CommandError) as refused:
        run("rescreen", str(applicant.id), "--reextract")
    message = str(refused.value)
    assert "recorded" in message and "NOT sent" in message and "OperationalError" in message
    assert f"manage.py rescreen {applicant.id} --reextract" in message and "sweep" in message
    assert "queued applicant" not in message
    broker_down.assert_called_once()
    # Recorded: the sweep finds it once it has been silent.
    assert Applicant.objects.get(id=applicant.id).status == "PROCESSING"


@pytest.mark.django_db(transaction=True)
def test_rescreen_with_the_broker_up_still_says_queued() -> None:
    applicant = ApplicantFactory(status="FAILED", failure_reason="x")
    with mock.patch("screening.pipeline.messages_send") as send:
        assert f"queued applicant {applicant.id}" in run("rescreen", str(applicant.id))
    send.assert_called_once()


@pytest.mark.django_db(transaction=True)
def test_requeue_stuck_with_the_broker_down_does_not_count_what_it_could_not_send(broker_down: Any) -> None:
    failed = ApplicantFactory(status="FAILED", failure_reason="x")
    out = io.StringIO()
    with pytest.raises(CommandError, match="NOT sent"):
        call_command("requeue_stuck", stdout=out)
    assert "re-queued 0 applicant(s)" in out.getvalue() and str(failed.id) not in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_seed_demo_with_the_broker_down_warns_and_does_not_say_the_worker_screens_it(broker_down: Any) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("seed_demo", stdout=out, stderr=err)  # exit 0: `make run` goes on to start the worker and beat
    assert "the worker screens it" not in out.getvalue() and "=== Demo ready ===" in out.getvalue()
    assert "WARNING" in err.getvalue() and "NOT sent" in err.getvalue() and "manage.py rescreen" in err.getvalue()


# --- 7. tracebacks instead of messages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_empty_staff_email_is_a_message_not_a_value_error() -> None:
    with pytest.raises(CommandError, match="e-mail"):
        run("create_agency", "Casa Lusa C26", "--staff-email", "")
    run("create_agency", "Casa Lusa C26", "--staff-email", "ana@casalusa.pt")
    with pytest.raises(CommandError, match="e-mail"):
        run("add_staff", "Casa Lusa C26", "--email", "  ")


@pytest.mark.django_db
def test_rotate_encryption_keys_without_the_old_key_is_a_message(settings: Any) -> None:
    ApplicantFactory(name="Rui Patrício")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key left out
    with pytest.raises(CommandError, match="cannot be decrypted with the configured keys") as refused:
        run("rotate_encryption_keys")
    assert "FIELD_ENCRYPTION_KEYS" in str(refused.value) and "Rui" not in str(refused.value)


# --- 8. agency and staff creation accepts bad input ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["", "   "])
def test_an_agency_needs_a_name(name: str) -> None:
    with pytest.raises(CommandError, match="name"):
        run("create_agency", name, "--staff-email", "ana@casalusa.pt")
    assert not Organization.objects.exists() and not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["notanemail", "not an email", "ana@", "@casalusa.pt"])
def test_an_invalid_email_is_refused(email: str) -> None:
    with pytest.raises(CommandError, match="not an e-mail address"):
        run("create_agency", "Casa Lusa C26", "--staff-email", email)
    assert not Organization.objects.exists()
    run("create_agency", "Casa Lusa C26", "--staff-email", "ana@casalusa.pt")
    with pytest.raises(CommandError, match="not an e-mail address"):
        run("add_staff", "Casa Lusa C26", "--email", email)


@pytest.mark.django_db
@pytest.mark.parametrize("twin", ["casa lusa c26", "  Casa Lusa C26  ", "CASA  LUSA C26"])
def test_an_agency_name_differing_only_by_case_or_spaces_is_the_same_agency(twin: str) -> None:
    created = json.loads(run("create_agency", "Casa Lusa C26", "--staff-email", "ana@casalusa.pt"))
    with pytest.raises(CommandError, match="an agency with this name exists"):
        run("create_agency", twin, "--staff-email", "rui@casalusa.pt")
    assert Organization.objects.count() == 1
    # ... and the commands that take a name find it so.
    assert (
        json.loads(run("add_staff", twin, "--email", "rui@casalusa.pt"))["organization_id"]
        == created["organization_id"]
    )


@pytest.mark.django_db
def test_a_new_agency_name_is_stored_with_its_spaces_tidied() -> None:
    run("create_agency", "  Imobiliária   Sol ", "--staff-email", "ana@sol.pt")
    assert Organization.objects.get().name == "Imobiliária Sol"
    with pytest.raises(CommandError, match="exists"):
        run("create_agency", "IMOBILIÁRIA SOL", "--staff-email", "rui@sol.pt")  # not ASCII: folded in Python


@pytest.mark.django_db
def test_twins_made_before_the_check_are_told_apart_by_id() -> None:
    first = Organization.objects.create(name="Casa Lusa C26")
    Organization.objects.create(name="casa lusa c26")
    with pytest.raises(CommandError, match="give the id"):
        run("add_staff", "Casa Lusa C26", "--email", "rui@casalusa.pt")
    assert json.loads(run("add_staff", str(first.id), "--email", "rui@casalusa.pt"))["organization_id"] == str(first.id)


@pytest.mark.django_db
@pytest.mark.parametrize("twin", ["RUI@casalusa.pt", "Rui@CasaLusa.pt", " rui@casalusa.pt "])
def test_a_staff_email_differing_only_by_case_is_the_same_mailbox(twin: str) -> None:
    run("create_agency", "Casa Lusa C26", "--staff-email", "ana@casalusa.pt")
    run("add_staff", "Casa Lusa C26", "--email", "rui@casalusa.pt")
    with pytest.raises(CommandError, match="a user with this email exists"):
        run("add_staff", "Casa Lusa C26", "--email", twin)
    with pytest.raises(CommandError, match="a user with this email exists"):
        run("create_agency", "Outra C26", "--staff-email", twin)
    assert get_user_model().objects.count() == 2 and Organization.objects.count() == 1


# --- 11. pipeline_status: the applicant's id, and failures a later report accounts for ----------------------------


def failed_document(applicant: Applicant, *, at: dt.datetime) -> Document:
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME", storage_key=f"k/{applicant.id}",
                                       original_filename="r.pdf", content_type="application/pdf", size=1, status="FAILED", error="PDF ilegível")  # fmt: skip
    Document.objects.filter(id=document.id).update(updated_at=at)
    return document


@pytest.mark.django_db
def test_pipeline_status_names_a_failed_documents_applicant_and_drops_it_once_a_later_report_exists() -> None:
    now = timezone.now()
    waiting = ApplicantFactory(status="PROCESSING")
    pending = failed_document(waiting, at=now)
    screened = ApplicantFactory(status="COMPLETED")
    accounted = failed_document(screened, at=now - dt.timedelta(minutes=5))
    report_for(screened)
    text = run("pipeline_status")
    assert f"document {pending.id} (applicant {waiting.id}): PDF ilegível" in text
    assert "failed: 1" in text and str(accounted.id) not in text
    assert "not counted: 1 failed document(s) a later report already accounts for" in text
    # A failure after the newest report (a re-run's re-extraction failed) counts again.
    Document.objects.filter(id=accounted.id).update(updated_at=now + dt.timedelta(minutes=1))
    overview = json.loads(run("pipeline_status", "--json"))
    assert {item["id"] for item in overview["failed"]} == {str(pending.id), str(accounted.id)}
    assert overview["failed_documents_reported"] == 0


# --- 15. a mistyped DATA_DIR -----------------------------------------------------------------------------------


def manage(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_pipeline_status_on_a_mistyped_data_dir_says_so_and_makes_no_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "nonexistent"
    result = manage("pipeline_status", data_dir=data_dir)
    assert result.returncode == 1
    assert f"there is no database at {data_dir / 'db.sqlite3'}: run migrate, or check DATA_DIR" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data_dir / "db.sqlite3").exists()
    # A database file with no tables (an earlier run made it): the same advice, no traceback.
    sqlite3.connect(data_dir / "db.sqlite3").close()
    result = manage("pipeline_status", data_dir=data_dir)
    assert result.returncode == 1 and "has no tables: run migrate" in result.stderr and "Traceback" not in result.stderr


# --- 19. unclear messages --------------------------------------------------------------------------------------


def test_sqs_bootstrap_on_another_broker_says_it_is_for_sqs_only(settings: Any) -> None:
    settings.CELERY_BROKER_URL = "sqla+sqlite:///var/broker.sqlite3"
    with (
        mock.patch("workspace.management.commands.sqs_bootstrap.sqs_bootstrap") as bootstrap,
        pytest.raises(CommandError, match=r"for CELERY_BROKER_URL=sqs://\.\.\. only"),
    ):
        run("sqs_bootstrap")
    bootstrap.assert_not_called()


@pytest.mark.django_db
def test_cleanup_storage_says_what_is_still_scheduled() -> None:
    later = timezone.now() + dt.timedelta(days=2)
    PendingDeletion.objects.create(key="uploads/f/a.pdf", due_at=later)
    PendingDeletion.objects.create(key="uploads/f/b.pdf", due_at=later)
    output = run("cleanup_storage")
    assert "still scheduled for deletion: 2 not due yet (next at " in output
    assert "0 due and left for the next run (--limit)" in output
