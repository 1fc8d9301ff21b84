from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """The applicant's side: the intake page and API, upload slots, the submission."""

    name = "intake"
    default_auto_field = "django.db.models.BigAutoField"
