"""Django's model permissions, read in one query instead of two."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class OneQueryModelBackend(ModelBackend):
    """``ModelBackend`` whose permission set (the user's own and their groups') is one query.

    Every staff API request checks a model permission on a freshly loaded
    user, so Django's two queries (user permissions, then group permissions)
    were two of the status endpoint's seven. Same answers, same per-user
    cache (``_perm_cache``, per request); nothing outlives the request, so a
    revoked permission takes effect on the next one.
    """

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            pairs = permissions.values_list("content_type__app_label", "codename").order_by().distinct()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in pairs}
        return user_obj._perm_cache  # type: ignore[no-any-return]
