from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """Agency staff and ops: the staff API, the review admin, re-runs, retention, shell commands."""

    name = "workspace"
    default_auto_field = "django.db.models.BigAutoField"
