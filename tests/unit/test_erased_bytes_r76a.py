"""Blind probe r76a, F1: what an erasure or a correction deletes does not stay in SQLite's files.

The tester erased people through the API and the admin, then decrypted every Fernet token left in the data folder
with the field key: the erased people's names, NIFs, birth dates, e-mails and phones came back from the database
file's free pages and from its WAL, and so did a birth date from before a correction. These tests do what the tester
did, on a migrated SQLite file opened with the settings' own options, committing for real.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from sqlite3 import dbapi2
from typing import Any

import pytest
from cryptography.fernet import InvalidToken
from django.db import connections

from applicants.crypto import fernet
from applicants.database_files import wal_truncate
from applicants.models import Applicant, ApplicantStatus, Application, ApplicationStatus, Role
from documents.models import Document, ExtractedData
from tests.factories import ApplicantFactory, UserFactory, make_nif
from workspace.retention import applicant_erase, purge_expired
from workspace.services import PersonData, applicant_rectify

FERNET_TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]{40,}={0,2}")


@pytest.fixture
def file_database(transactional_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The default connection on a SQLite file holding the test database's schema (copied with the backup API), opened
    with the settings' options as ``make run`` opens ``data/db.sqlite3``; put back after the test.

    Debian's SQLite (this machine's) is built with ``secure_delete`` on; SQLite's own default, which other builds
    keep, is off. Connections here start as such a build's do, so what the settings turn on is what is tested."""
    memory = connections["default"]
    if memory.vendor != "sqlite":
        pytest.skip("SQLite's own files; PostgreSQL's deleted rows go by (auto)vacuum")
    build_connect = dbapi2.connect

    def connect_as_sqlite_default(*args: Any, **kwargs: Any) -> Any:
        opened = build_connect(*args, **kwargs)
        opened.execute("PRAGMA secure_delete=OFF")
        return opened

    monkeypatch.setattr(dbapi2, "connect", connect_as_sqlite_default)
    memory.ensure_connection()
    path = tmp_path / "db.sqlite3"
    copy = sqlite3.connect(path)
    memory.connection.backup(copy)
    copy.close()
    on_file = memory.__class__({**memory.settings_dict, "NAME": str(path)}, alias="default")
    connections["default"] = on_file
    try:
        yield path
    finally:
        on_file.close()
        connections["default"] = memory


def decryptable(path: Path) -> list[str]:
    """Every plaintext a Fernet token anywhere in the database's files decrypts to, with the key the operator holds."""
    plaintexts = []
    for file in (path, path.with_name(f"{path.name}-wal")):
        content = file.read_bytes() if file.exists() else b""
        for token in set(FERNET_TOKEN.findall(content)):
            try:
                plaintexts.append(fernet().decrypt(token).decode("utf-8", "replace"))
            except InvalidToken:
                continue  # a token cut short by a page boundary
    return plaintexts


def found(plaintexts: list[str], *needles: str) -> set[str]:
    return {needle for needle in needles if any(needle in plaintext for plaintext in plaintexts)}


def person(name: str, seed: int, born: dt.date, email: str) -> Applicant:
    applicant: Applicant = ApplicantFactory(  # type: ignore[assignment]
        name=name,
        nif=make_nif(seed),
        date_of_birth=born,
        email=email,
        phone=f"+35191{seed:07d}",
        status=ApplicantStatus.COMPLETED,  # screened and done: nothing reads them while they are erased
    )
    document = Document.objects.create(
        organization=applicant.organization,
        applicant=applicant,
        document_type="ID",
        storage_key=f"documents/{applicant.organization_id}/{seed}.pdf",
        original_filename=f"cc-{email.split('@')[0]}.pdf",
        content_type="application/pdf",
        size=1,
    )
    ExtractedData.objects.create(document=document, kind="CARTAO_CIDADAO", fields={"full_name": name}, method="text")
    return applicant


def test_an_erased_persons_fields_decrypt_from_neither_the_database_file_nor_its_wal(file_database: Path) -> None:
    erased = person("Henrique José Lacerda Pimentel", 4411, dt.date(1983, 12, 1), "henrique.pimentel@exemplo.pt")
    kept = person("Beatriz Sofia Quaresma Dinis", 4412, dt.date(1995, 3, 19), "beatriz.dinis@exemplo.pt")
    identifiers = (erased.name, erased.nif, "1983-12-01", erased.email, erased.phone, "cc-henrique.pimentel")
    assert found(decryptable(file_database), *identifiers) == set(identifiers)  # the scan sees them while they live

    applicant_erase(applicant=erased)

    left = decryptable(file_database)
    assert found(left, *identifiers) == set()
    # The person not erased reads as before, from the database file the truncated WAL went into.
    assert found(left, kept.name, kept.nif, kept.email, "1995-03-19") == {kept.name, kept.nif, kept.email, "1995-03-19"}
    assert not file_database.with_name("db.sqlite3-wal").stat().st_size


def test_a_corrected_birth_date_decrypts_no_more_and_the_new_one_does(file_database: Path) -> None:
    applicant = person("Vasco Miguel Fontes Queirós", 4413, dt.date(1979, 11, 23), "vasco.queiros@exemplo.pt")

    applicant_rectify(applicant=applicant, actor=UserFactory(), data=PersonData(date_of_birth=dt.date(1979, 11, 24)))

    assert found(decryptable(file_database), "1979-11-23", "1979-11-24", applicant.name) == {
        "1979-11-24",
        applicant.name,
    }


def test_the_retention_purge_empties_the_wal_when_it_has_nothing_to_purge(file_database: Path) -> None:
    # A truncation an erasure found busy is done by the next purge: what any write left in the WAL goes with it.
    person("Ana Carolina Sousa Meireles", 4414, dt.date(1991, 2, 8), "ana.meireles@exemplo.pt")
    wal = file_database.with_name("db.sqlite3-wal")
    assert wal.stat().st_size

    purge_expired()

    assert not wal.stat().st_size
    assert found(decryptable(file_database), "Ana Carolina Sousa Meireles") == {"Ana Carolina Sousa Meireles"}


def test_the_database_file_stays_in_wal_mode_with_secure_delete_on(file_database: Path) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
    assert wal_truncate() is True


@pytest.mark.django_db
def test_the_wal_is_left_alone_inside_a_transaction() -> None:
    # pytest-django's test transaction: a checkpoint there could not see the writes it should carry.
    assert wal_truncate() is False


def test_a_household_member_erased_alone_decrypts_no_more_and_the_others_still_do(file_database: Path) -> None:
    lead = person("Rodrigo Manuel Teles Avelar", 4415, dt.date(1988, 6, 2), "rodrigo.avelar@exemplo.pt")
    application = Application.objects.create(
        organization=lead.organization, form_request=lead.form_request, status=ApplicationStatus.COMPLETED
    )
    guarantor = person("Custódia Maria Avelar Brás", 4416, dt.date(1960, 9, 14), "custodia.bras@exemplo.pt")
    Applicant.objects.filter(id=lead.id).update(application=application, role=Role.TENANT)
    Applicant.objects.filter(id=guarantor.id).update(
        application=application, role=Role.GUARANTOR, form_request=lead.form_request
    )
    identifiers = (guarantor.name, guarantor.nif, "1960-09-14", guarantor.email, guarantor.phone)

    applicant_erase(applicant=Applicant.objects.get(id=guarantor.id))

    left = decryptable(file_database)
    assert found(left, *identifiers) == set()
    assert found(left, lead.name, lead.nif) == {lead.name, lead.nif}
    assert not file_database.with_name("db.sqlite3-wal").stat().st_size
