"""``manage.py s3_bootstrap``: create the uploads bucket with CORS for browser uploads (emulators, sandboxes)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create S3_BUCKET if missing and allow browser POST uploads from PUBLIC_BASE_URL (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        if not settings.S3_BUCKET:
            raise CommandError("set S3_BUCKET (and STORAGE_BACKEND=s3)")
        client = boto3.client("s3", region_name=settings.AWS_REGION, endpoint_url=settings.S3_ENDPOINT_URL)
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
        except (BotoCoreError, ClientError) as exc:
            raise CommandError(f"S3 error: {exc.__class__.__name__}: {exc}") from exc
        self.stdout.write(f"bucket {settings.S3_BUCKET} ready (CORS POST from {settings.PUBLIC_BASE_URL})")
