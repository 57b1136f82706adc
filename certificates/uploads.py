"""Writing many certificate PDFs to the private storage at once (the batch path).

On S3 the PDFs are written concurrently by a small thread pool sharing one boto3
client (clients are thread-safe; an upload mostly waits on the network), each
with one `PutObject` carrying exactly what django-storages' `save()` would send:
the same key (`location` prefix), ACL and content type, computed by the storage
itself. This skips s3transfer's managed-upload machinery, which costs more CPU
than the request for a 70 KB file. Elsewhere (local files, or an S3 storage that
gzips or encrypts on its own) each PDF goes through `storage.save()`.
"""

from __future__ import annotations

from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from django.core.files.base import ContentFile

UPLOAD_THREADS = 8


def _direct_client(storage):
    """The storage's boto3 client, if a plain PutObject writes what save() would."""
    if not isinstance(storage, S3Storage) or storage.gzip:
        return None
    if not getattr(storage, "file_overwrite", False):
        return None
    return storage.connection.meta.client


class Uploader:
    """Put PDFs as they are drawn; `finish()` waits and reports what was stored.

    `stored` maps each caller's id to the storage name of its file (what
    `FileField` keeps), filled as uploads complete, so a caller can delete what
    was written if anything failed.
    """

    def __init__(self, storage, *, threads: int = UPLOAD_THREADS) -> None:
        self.storage = storage
        self.stored: dict[int, str] = {}
        self._client = _direct_client(storage)
        self._pool = (
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="cert-upload")
            if self._client is not None
            else None
        )
        self._futures = []

    def put(self, ident: int, key: str, pdf: bytes) -> None:
        if self._pool is None:
            self.stored[ident] = self.storage.save(key, ContentFile(pdf))
            return
        self._futures.append(self._pool.submit(self._put, ident, key, pdf))

    def _put(self, ident: int, key: str, pdf: bytes) -> None:
        name = clean_name(key)
        object_key = self.storage._normalize_name(name)
        params = self.storage._get_write_parameters(object_key)
        self._client.put_object(
            Bucket=self.storage.bucket_name, Key=object_key, Body=pdf, **params
        )
        self.stored[ident] = name

    def finish(self) -> dict[int, str]:
        """Wait for every upload; raise the first failure (after all have ended)."""
        if self._pool is None:
            return self.stored
        try:
            done, _pending = wait(self._futures, return_when=FIRST_EXCEPTION)
            failed = [f for f in done if f.exception() is not None]
            if failed:
                for future in self._futures:
                    future.cancel()
                wait(self._futures)
                raise failed[0].exception()
            return self.stored
        finally:
            self._pool.shutdown(wait=True)

    def abort(self) -> None:
        """Stop taking uploads and wait for those under way."""
        if self._pool is not None:
            for future in self._futures:
                future.cancel()
            self._pool.shutdown(wait=True)
