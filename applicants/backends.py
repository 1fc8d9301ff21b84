"""Django's model permissions, read in one statement instead of two queries."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


class OneQueryModelBackend(ModelBackend):
    """``ModelBackend`` whose permission set (the user's own and their groups') is one query.

    Every staff API request checks a model permission on a freshly loaded
    user, so Django's two queries (user permissions, then group permissions)
    were two of the status endpoint's seven. Same answers, same per-user
    cache (``_perm_cache``, per request); nothing outlives the request, so a
    revoked permission takes effect on the next one. The statement is written
    once from the models' tables (``_permissions_sql``): the ORM took ~0.35 ms
    a request to build the same query, several times the time to run it.
    """

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            with connection.cursor() as cursor:
                if user_obj.is_superuser:
                    cursor.execute(_permissions_sql(everyone=True))
                else:
                    cursor.execute(_permissions_sql(everyone=False), [user_obj.pk, user_obj.pk])
                user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}
        return user_obj._perm_cache  # type: ignore[no-any-return]


def _field(model: Any, name: str) -> Any:
    return model._meta.get_field(name)


@functools.cache
def _permissions_sql(*, everyone: bool) -> str:
    """Every permission's ``(app_label, codename)``, or those given to user %s directly or through a group of theirs."""
    user_permissions = _field(get_user_model(), "user_permissions")
    user_groups = _field(get_user_model(), "groups")
    group_permissions = _field(Group, "permissions")
    permission_id, content_type_id = _field(Permission, "id").column, _field(ContentType, "id").column
    # Names from the models' metadata only; the user's id is a parameter.
    select = (
        f"SELECT DISTINCT c.app_label, p.codename FROM {Permission._meta.db_table} p"  # noqa: S608
        f" JOIN {ContentType._meta.db_table} c ON c.{content_type_id} = p.{_field(Permission, 'content_type').column}"
    )
    if everyone:
        return select
    own = (
        f"SELECT {user_permissions.m2m_reverse_name()} FROM {user_permissions.m2m_db_table()}"  # noqa: S608
        f" WHERE {user_permissions.m2m_column_name()} = %s"
    )
    through_groups = (
        f"SELECT gp.{group_permissions.m2m_reverse_name()} FROM {group_permissions.m2m_db_table()} gp"  # noqa: S608
        f" JOIN {user_groups.m2m_db_table()} ug ON ug.{user_groups.m2m_reverse_name()} = gp.{group_permissions.m2m_column_name()}"
        f" WHERE ug.{user_groups.m2m_column_name()} = %s"
    )
    return f"{select} WHERE p.{permission_id} IN ({own} UNION {through_groups})"
