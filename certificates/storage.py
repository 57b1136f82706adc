"""Where a certificate's PDF is kept: its key, the writer, and cleaning up.

Every version of a certificate is written to its own key in the certificate's
folder, ``certificates/<code>/v<version>.pdf``, in the private storage. A folder
holds only the file its record points to once the write that replaced it commits
(`certificate_folder_prune`); uploads that no record points to (a failed batch)
are deleted (`uploads_unrecorded_delete`).
"""

from __future__ import annotations

from boto3.s3.transfer import TransferConfig

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from .models import Certificate, private_storage

_writers: dict[str, Storage] = {}


def certificate_key(certificate: Certificate) -> str:
    return f"certificates/{certificate.code}/v{certificate.version}.pdf"


def certificate_writer() -> Storage:
    """The private storage, for writing a certificate's PDF to its own key.

    On S3 it overwrites (no HEAD request first: the key is the certificate's own,
    written only under its row lock, so what is there is a crashed attempt's) and
    uploads small files in the calling thread (no transfer thread pool). Locally
    it is the private storage itself.
    """
    config = settings.STORAGES["private"]
    if not config["BACKEND"].startswith("storages.backends.s3"):
        return private_storage()
    key = repr(sorted(config.get("OPTIONS", {}).items()))
    writer = _writers.get(key)
    if writer is None:
        writer = storages.create_storage(
            {
                **config,
                "OPTIONS": {
                    **config.get("OPTIONS", {}),
                    "file_overwrite": True,
                    "transfer_config": TransferConfig(use_threads=False),
                },
            }
        )
        _writers.clear()
        _writers[key] = writer
    return writer


def certificate_file_save(certificate: Certificate, pdf: bytes) -> str:
    """Write the PDF of the certificate's current version; its storage name."""
    return certificate_writer().save(certificate_key(certificate), ContentFile(pdf))


def certificate_folder_prune(*, code: str, keep: str) -> None:
    """Delete every file of the certificate's folder but its current one."""
    storage = private_storage()
    folder = f"certificates/{code}"
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{folder}/{name}"
        if path != keep:
            storage.delete(path)


def uploads_unrecorded_delete(uploaded: dict[int, str]) -> None:
    """Delete the uploads (certificate id → storage name) no record points to."""
    if not uploaded:
        return
    recorded = dict(
        Certificate.objects.filter(pk__in=list(uploaded)).values_list("pk", "file")
    )
    storage = private_storage()
    for pk, name in uploaded.items():
        if recorded.get(pk) != name:
            storage.delete(name)
