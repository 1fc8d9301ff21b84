from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # Imported here because it needs the models, which are not loaded when this module is.
        from documents.storage.cleanup import document_files_delete_on_commit
        from documents.storage.local import local_storage_root_create

        post_delete.connect(
            document_files_delete_on_commit, sender="documents.Document", dispatch_uid="documents.files-on-delete"
        )
        post_migrate.connect(local_storage_root_create, sender=self, dispatch_uid="documents.storage-root")
