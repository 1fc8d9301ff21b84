"""Encrypted model fields: char, email, date, decimal and JSON.

Values are stored as Fernet tokens in a text column. ``''`` and ``0`` are
real values and round-trip; only ``None`` is NULL. A value that no configured
key decrypts raises ``DecryptionError`` instead of showing ciphertext as
data. Ciphertext is randomized, so every lookup but ``isnull`` is refused:
search through a blind index instead.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.core import validators
from django.db import models
from django.db.models import Lookup

from applicants.crypto import decrypt_text, encrypt_text


class EncryptedLookupError(TypeError):
    pass


class EncryptedFieldMixin(models.Field):  # type: ignore[type-arg]
    """Serialize to text, encrypt on the way in, decrypt on the way out."""

    def get_internal_type(self) -> str:
        return "TextField"

    def db_type(self, connection: Any) -> str | None:
        return models.TextField().db_type(connection)

    def serialize_plain(self, value: Any) -> str:
        return str(value)

    def deserialize_plain(self, text: str) -> Any:
        return text

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        value = self.to_python(value)
        return encrypt_text(self.serialize_plain(value))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        return value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return self.deserialize_plain(decrypt_text(value))

    def get_lookup(self, lookup_name: str) -> type[Lookup] | None:  # type: ignore[override]
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        raise EncryptedLookupError(
            f"'{lookup_name}' lookups are not possible on encrypted field '{self.name}'; use a blind index"
        )

    def get_transform(self, lookup_name: str) -> Any:
        raise EncryptedLookupError(f"transforms are not possible on encrypted field '{self.name}'")


class EncryptedCharField(EncryptedFieldMixin, models.CharField):  # type: ignore[misc]
    """Plaintext length is validated (``max_length``); the column is text."""

    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        return str(value)


class EncryptedEmailField(EncryptedCharField):
    default_validators = [validators.validate_email]

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        from django import forms

        return super().formfield(**{"form_class": forms.EmailField, **kwargs})


class EncryptedDateField(EncryptedFieldMixin, models.DateField):  # type: ignore[misc]
    def serialize_plain(self, value: Any) -> str:
        return value.isoformat()

    def deserialize_plain(self, text: str) -> dt.date:
        return dt.date.fromisoformat(text)

    def pre_save(self, model_instance: Any, add: bool) -> Any:
        return getattr(model_instance, self.attname)


class EncryptedDecimalField(EncryptedFieldMixin, models.DecimalField):  # type: ignore[misc]
    def serialize_plain(self, value: Any) -> str:
        return format(value, "f")

    def deserialize_plain(self, text: str) -> Decimal:
        return Decimal(text)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return self.get_db_prep_value(value, connection)


class EncryptedJSONField(EncryptedFieldMixin, models.JSONField):  # type: ignore[misc]
    def get_internal_type(self) -> str:
        return "TextField"

    def to_python(self, value: Any) -> Any:
        return value

    def serialize_plain(self, value: Any) -> str:
        return json.dumps(value, cls=self.encoder, sort_keys=True, ensure_ascii=False)

    def deserialize_plain(self, text: str) -> Any:
        return json.loads(text)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return self.get_db_prep_value(value, connection)

    def validate(self, value: Any, model_instance: Any) -> None:
        models.Field.validate(self, value, model_instance)


class EncryptedTextField(EncryptedFieldMixin, models.TextField):  # type: ignore[misc]
    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        return str(value)
