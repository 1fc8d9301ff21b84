"""``manage.py s3_bootstrap``: make the documents bucket ready (emulators, sandboxes; idempotent).

Creates ``S3_BUCKET`` if missing; allows browser POST uploads from
``PUBLIC_BASE_URL`` (CORS); sets default encryption (SSE-KMS with
``S3_KMS_KEY_ID`` when set, else SSE-S3) so nothing lands unencrypted even
without our headers; and expires ``uploads/`` after
``INTAKE_UPLOAD_RETENTION_DAYS`` days, since a submission copies what it keeps
to ``documents/``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from applicants.management.database import DatabaseCommand
from documents.models import Document

UPLOADS_PREFIX = "uploads/"


class Command(DatabaseCommand):
    help = (
        "Create S3_BUCKET if missing, allow browser POST uploads from PUBLIC_BASE_URL, set default encryption "
        "(SSE-KMS with S3_KMS_KEY_ID, else SSE-S3) and expire uploads/ after INTAKE_UPLOAD_RETENTION_DAYS (idempotent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        if not settings.S3_BUCKET:
            raise CommandError("set S3_BUCKET (and STORAGE_BACKEND=s3)")
        client = boto3.client("s3", region_name=settings.AWS_REGION, endpoint_url=settings.S3_ENDPOINT_URL)
        if settings.S3_KMS_KEY_ID:
            default_encryption = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": settings.S3_KMS_KEY_ID}
            encryption_text = f"SSE-KMS ({settings.S3_KMS_KEY_ID})"
        else:
            default_encryption = {"SSEAlgorithm": "AES256"}
            encryption_text = "SSE-S3 (AES256)"
        days = settings.INTAKE_UPLOAD_RETENTION_DAYS
        # Documents submitted before the immutable copies existed still live under uploads/: never expire those.
        legacy = Document.objects.filter(storage_key__startswith=UPLOADS_PREFIX).count()
        try:
            existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
            if settings.S3_BUCKET not in existing:
                client.create_bucket(
                    Bucket=settings.S3_BUCKET, CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
                )
            # The applicant's browser posts files straight to the bucket from our origin.
            client.put_bucket_cors(
                Bucket=settings.S3_BUCKET,
                CORSConfiguration={
                    "CORSRules": [
                        {
                            "AllowedOrigins": [settings.PUBLIC_BASE_URL],
                            "AllowedMethods": ["POST"],
                            "AllowedHeaders": ["*"],
                            "MaxAgeSeconds": 3600,
                        }
                    ]
                },
            )
            client.put_bucket_encryption(
                Bucket=settings.S3_BUCKET,
                ServerSideEncryptionConfiguration={
                    "Rules": [
                        {
                            "ApplyServerSideEncryptionByDefault": default_encryption,
                            "BucketKeyEnabled": bool(settings.S3_KMS_KEY_ID),
                        }
                    ]
                },
            )
            if not legacy:
                client.put_bucket_lifecycle_configuration(
                    Bucket=settings.S3_BUCKET,
                    LifecycleConfiguration={
                        "Rules": [
                            {
                                "ID": "expire-unsubmitted-uploads",
                                "Filter": {"Prefix": UPLOADS_PREFIX},
                                "Status": "Enabled",
                                "Expiration": {"Days": days},
                                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1},
                            }
                        ]
                    },
                )
        except (BotoCoreError, ClientError) as exc:
            raise CommandError(f"S3 error: {exc.__class__.__name__}: {exc}") from exc
        self.stdout.write(
            f"bucket {settings.S3_BUCKET} ready: CORS POST from {settings.PUBLIC_BASE_URL}; "
            f"default encryption {encryption_text}, and every upload, copy and presigned POST asks for it"
        )
        if legacy:
            self.stderr.write(
                f"NOT expiring {UPLOADS_PREFIX}: {legacy} document(s) submitted before the immutable copies still "
                f"live there; the lifecycle rule would delete them"
            )
        else:
            self.stdout.write(f"objects under {UPLOADS_PREFIX} expire after {days} day(s) (lifecycle rule)")
