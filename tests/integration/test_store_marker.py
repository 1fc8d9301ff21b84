"""The local store's marker: an empty folder where the store should be (a volume not mounted over its mount point)
is an outage to wait out, not every document deleted for good (r58a's leftover, noted since session 37)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from documents.models import DocumentStatus
from documents.storage import STORE_MARKER, StorageRootMissing, document_store
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory
from tests.integration.test_ops_r58a import broker_file, ready  # noqa: F401 (a fixture)
from tests.integration.test_transient_failures_r58a import PDF, eager, silent, stored_document, sweep  # noqa: F401


def unmounted(root: Path) -> Path:
    """The volume taken away and its mount point left behind: the same folder, empty."""
    away = root.rename(root.with_name("objects.volume"))
    root.mkdir()
    return away


def mounted_again(root: Path, volume: Path) -> None:
    shutil.rmtree(root)
    volume.rename(root)


def test_an_empty_folder_in_the_stores_place_is_an_outage_for_reads_and_writes(settings: Any) -> None:
    store = document_store()
    store.put("documents/o/1.pdf", PDF, "application/pdf")
    root = Path(settings.LOCAL_STORAGE_DIR)
    volume = unmounted(root)
    for touch in (
        lambda: store.open("documents/o/1.pdf"),
        lambda: store.stat("documents/o/1.pdf"),
        lambda: store.put("uploads/o/2.pdf", PDF, "application/pdf"),
    ):
        with pytest.raises(StorageRootMissing):
            touch()
    assert list(root.iterdir()) == []  # nothing written where the volume goes
    mounted_again(root, volume)
    assert store.open("documents/o/1.pdf").read() == PDF


@pytest.mark.django_db
def test_a_document_read_while_the_volume_is_not_mounted_is_read_once_it_is(
    settings: Any,
    eager: None,  # noqa: F811
) -> None:
    from screening.pipeline import pipeline_start

    applicant = ApplicantFactory()
    document = stored_document(applicant)
    root = Path(settings.LOCAL_STORAGE_DIR)
    volume = unmounted(root)
    pipeline_start(applicant_id=applicant.id)
    document.refresh_from_db()
    assert document.status == DocumentStatus.UPLOADED and document.error == ""
    assert not ScreeningReport.objects.filter(applicant=applicant).exists()

    mounted_again(root, volume)
    silent(applicant, settings)
    assert sweep()["applicants_requeued"] == 1
    document.refresh_from_db()
    assert document.error != "O ficheiro já não existe no armazenamento."
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1


@pytest.mark.django_db(transaction=True)
def test_readiness_says_an_empty_folder_in_the_stores_place_is_not_the_store(
    settings: Any,
    broker_file: Path,  # noqa: F811
) -> None:
    root = Path(settings.LOCAL_STORAGE_DIR)
    assert ready()["DocumentStorage()"] == "OK"
    volume = unmounted(root)
    assert ready()["DocumentStorage()"] == "Unavailable: storage unavailable"
    mounted_again(root, volume)
    assert ready()["DocumentStorage()"] == "OK"


@pytest.mark.django_db
def test_migrate_marks_a_new_store_and_an_existing_one_without_its_marker(settings: Any) -> None:
    root = Path(settings.LOCAL_STORAGE_DIR)
    shutil.rmtree(root)
    call_command("migrate", verbosity=0)
    assert (root / STORE_MARKER).is_file()
    # A store made before the marker existed: its files stay, and it is marked at the upgrade's migrate.
    (root / STORE_MARKER).unlink()
    document_key = root / "documents/o/old.pdf"
    document_key.parent.mkdir(parents=True)
    document_key.write_bytes(PDF)
    call_command("migrate", verbosity=0)
    assert (root / STORE_MARKER).is_file() and document_key.read_bytes() == PDF


def test_the_marker_is_no_stored_object(settings: Any) -> None:
    store = document_store()
    store.put("documents/o/1.pdf", PDF, "application/pdf")
    assert list(store.object_keys()) == ["documents/o/1.pdf"]
