"""The S3 adapter: presigned POSTs restricted by policy conditions, every object server-side encrypted.

Every write (the browser's POST, ``put``, ``copy``) carries
``x-amz-server-side-encryption``: SSE-KMS with ``S3_KMS_KEY_ID`` when it is
set, else SSE-S3 (``AES256``). The POST policy lists it as a condition, so
an upload without it is refused by S3; ``s3_bootstrap`` also sets it as the
bucket's default.
"""

from __future__ import annotations

import base64
import hashlib
import io
from typing import IO, Any

from documents.storage.port import CopiedObject, StorageError, StoredObject, UploadForm

_MISSING = {"404", "NoSuchKey", "NotFound"}


def _is_missing(exc: Any) -> bool:
    return exc.response.get("Error", {}).get("Code") in _MISSING


class S3DocumentStore:
    """An S3 bucket; uploads are presigned POSTs restricted by policy conditions."""

    def __init__(
        self,
        *,
        bucket: str,
        region: str,
        endpoint_url: str | None,
        public_endpoint_url: str | None,
        ttl: int,
        kms_key_id: str = "",
    ) -> None:
        import boto3
        from botocore.config import Config

        # botocore signs with SigV2 by default; POST policies need SigV4.
        config = Config(signature_version="s3v4", retries={"max_attempts": 3, "mode": "standard"})
        self.bucket = bucket
        self.ttl = ttl
        self.kms_key_id = kms_key_id
        self.client = boto3.client("s3", region_name=region, endpoint_url=endpoint_url, config=config)
        # Browsers may reach the emulator through another host than the workers do.
        self.presign_client = (
            boto3.client("s3", region_name=region, endpoint_url=public_endpoint_url, config=config)
            if public_endpoint_url
            else self.client
        )

    def encryption_parameters(self) -> dict[str, str]:
        """The SSE parameters of every write (boto3 names)."""
        if self.kms_key_id:
            return {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": self.kms_key_id}
        return {"ServerSideEncryption": "AES256"}

    def post_policy(self, *, key: str, content_type: str, max_size: int) -> tuple[dict[str, str], list[Any]]:
        fields = {"Content-Type": content_type}
        conditions: list[Any] = [
            {"bucket": self.bucket},
            ["eq", "$key", key],
            {"Content-Type": content_type},
            ["content-length-range", 1, max_size],
        ]
        encryption = {"x-amz-server-side-encryption": self.encryption_parameters()["ServerSideEncryption"]}
        if self.kms_key_id:
            encryption["x-amz-server-side-encryption-aws-kms-key-id"] = self.kms_key_id
        fields.update(encryption)
        conditions.extend({name: value} for name, value in encryption.items())
        return fields, conditions

    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadForm:
        fields, conditions = self.post_policy(key=key, content_type=content_type, max_size=max_size)
        post = self.presign_client.generate_presigned_post(
            Bucket=self.bucket, Key=key, Fields=fields, Conditions=conditions, ExpiresIn=self.ttl
        )
        return UploadForm(url=post["url"], fields=dict(post["fields"]), expires_in=self.ttl)

    def stat(self, key: str) -> StoredObject | None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _is_missing(exc):
                return None
            raise StorageError("object storage answered with an error") from exc
        except BotoCoreError as exc:
            raise StorageError("object storage is unreachable") from exc
        return StoredObject(key=key, size=int(head["ContentLength"]))

    def open(self, key: str) -> IO[bytes]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"]
            return io.BytesIO(body.read())
        except ClientError as exc:
            if _is_missing(exc):
                raise FileNotFoundError(key) from exc
            raise StorageError("object storage read failed") from exc
        except BotoCoreError as exc:
            raise StorageError("object storage read failed") from exc

    def read_head(self, key: str, length: int) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            body = self.client.get_object(Bucket=self.bucket, Key=key, Range=f"bytes=0-{length - 1}")["Body"]
            return bytes(body.read())
        except (ClientError, BotoCoreError) as exc:
            raise StorageError("object storage read failed") from exc

    def put(self, key: str, data: bytes, content_type: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(
                Bucket=self.bucket, Key=key, Body=data, ContentType=content_type, **self.encryption_parameters()
            )
        except (ClientError, BotoCoreError) as exc:
            raise StorageError("object storage write failed") from exc

    def copy(self, *, source: str, destination: str) -> CopiedObject:
        """Copy inside the bucket (no bytes through this process); S3 hashes the copy with SHA-256."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            copied = self.client.copy_object(
                Bucket=self.bucket,
                Key=destination,
                CopySource={"Bucket": self.bucket, "Key": source},
                MetadataDirective="COPY",
                ChecksumAlgorithm="SHA256",
                **self.encryption_parameters(),
            )
            size = int(self.client.head_object(Bucket=self.bucket, Key=destination)["ContentLength"])
        except ClientError as exc:
            if _is_missing(exc):
                raise FileNotFoundError(source) from exc
            raise StorageError("object storage copy failed") from exc
        except BotoCoreError as exc:
            raise StorageError("object storage copy failed") from exc
        checksum = copied.get("CopyObjectResult", {}).get("ChecksumSHA256")
        if checksum:
            sha256 = base64.b64decode(checksum).hex()
        else:
            # An S3-compatible store without checksums: hash the copy ourselves (only we write that key).
            with self.open(destination) as handle:
                sha256 = hashlib.sha256(handle.read()).hexdigest()
        return CopiedObject(key=destination, size=size, sha256=sha256)

    def delete(self, key: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.delete_object(Bucket=self.bucket, Key=key)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError("object storage delete failed") from exc

    def download_url(self, key: str, *, expires_in: int) -> str:
        # A download is always a file to save, never a page the browser renders in our origin's name.
        filename = key.rsplit("/", 1)[-1]
        return str(
            self.presign_client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "ResponseContentDisposition": f'attachment; filename="{filename}"',
                },
                ExpiresIn=expires_in,
            )
        )
