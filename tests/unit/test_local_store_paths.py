"""The local store's keys stay under its root, and deleting an object removes only folders left empty."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from documents.storage.encryption import ObjectCipher
from documents.storage.local import LocalDocumentStore


def store_at(root: Path) -> LocalDocumentStore:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    return LocalDocumentStore(root=root, base_url="http://127.0.0.1", ttl=60, cipher=ObjectCipher([key]))


@pytest.mark.parametrize(
    "key",
    ["../outside.pdf", "uploads/../../outside.pdf", "/etc/passwd", "uploads/form/../../../x", "..", "."],
)
def test_a_key_that_leaves_the_root_is_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="escapes the storage root"):
        store_at(tmp_path / "objects").path_for(key)


def test_a_key_inside_the_root_maps_under_it_even_from_a_relative_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = store_at(Path("objects")).path_for("uploads/form/./a.pdf")
    assert path == tmp_path / "objects" / "uploads" / "form" / "a.pdf"


def test_delete_removes_the_folders_it_empties_and_never_the_root_or_a_neighbour(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    store = store_at(root)
    store.put("uploads/form-a/one.pdf", b"%PDF-1.4 one", "application/pdf")
    store.put("uploads/form-a/two.pdf", b"%PDF-1.4 two", "application/pdf")
    store.put("uploads/form-b/three.pdf", b"%PDF-1.4 three", "application/pdf")

    store.delete("uploads/form-a/one.pdf")
    assert store.stat("uploads/form-a/two.pdf") is not None  # its folder is not empty: kept

    store.delete("uploads/form-a/two.pdf")
    assert not (root / "uploads" / "form-a").exists()
    assert store.stat("uploads/form-b/three.pdf") is not None

    store.delete("uploads/form-b/three.pdf")
    assert not (root / "uploads").exists() and root.is_dir()
    store.delete("uploads/form-b/three.pdf")  # twice: nothing to do, no error
