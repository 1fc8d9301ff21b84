"""Key rotation: audited, no lost updates against running workers, and blind-index re-keying."""

from __future__ import annotations

import io
import threading
import time
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection, connections, transaction

from applicants.crypto import nif_index_for
from applicants.models import Applicant, AuditAction, AuditEvent
from tests.factories import ApplicantFactory


def rotate(*args: str) -> str:
    out = io.StringIO()
    call_command("rotate_encryption_keys", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_rotation_writes_one_keys_rotated_audit_event_with_counts_only(settings: Any) -> None:
    ApplicantFactory(name="Rui Patrício")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.FIELD_ENCRYPTION_KEYS]
    rotate()
    event = AuditEvent.objects.get(action=AuditAction.KEYS_ROTATED)
    assert event.details["rows"] >= 1
    assert "Rui" not in str(event.details)


@pytest.mark.django_db
def test_reindex_nif_recomputes_the_blind_index_under_the_new_key(settings: Any) -> None:
    applicant = ApplicantFactory(nif="245718931", nif_index=nif_index_for("245718931"))
    settings.BLIND_INDEX_KEY = "a-brand-new-blind-index-key-of-32-characters"
    assert not Applicant.objects.filter(nif_index=nif_index_for("245718931")).exists()
    output = rotate("--reindex-nif")
    assert Applicant.objects.filter(nif_index=nif_index_for("PT 245 718 931")).get() == applicant
    assert "blind index" in output
    assert AuditEvent.objects.filter(action=AuditAction.KEYS_ROTATED, details__blind_index=True).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
def test_a_worker_update_during_rotation_is_not_lost(settings: Any) -> None:
    """A worker holds the row and changes it; rotation must wait for it and rotate the new value."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers")
    applicant = ApplicantFactory(name="Nome Antigo")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.FIELD_ENCRYPTION_KEYS]
    holding = threading.Event()

    def worker() -> None:
        try:
            with transaction.atomic():
                row = Applicant.objects.select_for_update().get(pk=applicant.pk)
                holding.set()
                time.sleep(1.0)
                row.name = "Nome Novo"
                row.save(update_fields=["name"])
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    assert holding.wait(10)
    rotate()
    thread.join(10)
    assert Applicant.objects.get(pk=applicant.pk).name == "Nome Novo"
