"""The one encrypted blob store: evidence, official documents, decrees, attachments.

A blob is bytes sealed with :mod:`netral.common.crypto` (AES-256-GCM) and kept behind
Django's default storage (local files, or S3-compatible object storage). It is addressed by a
*ref*, the storage path ``<root>/<folder>/<32 hex>.<label>``, which rows keep in a
:class:`BlobRefField`. Each kind of blob has a :class:`BlobPurpose`; the associated data is
``netral/<purpose>:<ref>``, so a blob copied to another row, path or purpose fails to open.

Every column that points at a blob is a ``BlobRefField`` naming its purpose (and the column
holding the plaintext's SHA-256, where there is one). :func:`blob_columns` finds them all:
key rotation (``common.rotation``) and ``manage.py storage_check`` walk that list, and
``common/tests/test_blob_registry.py`` fails when a model keeps a path-like column that is
not a ``BlobRefField``.

Durability (local files): a blob is written to a temporary name in its folder, flushed and
``fsync``ed, renamed into place, and the folder ``fsync``ed (new folders too) before
:func:`put` returns. Callers put blobs inside the transaction that records their ref, so the
bytes are on disk before that transaction can commit; a crash in between leaves an orphan
(listed and removed by ``storage_check``), never a row without its blob. With S3 ``put``
returns once the upload request has completed (S3 acknowledges a PUT only when the object is
stored), which is likewise before the commit.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import models, transaction

from netral.common.crypto import (
    BLOB_TAMPERED,
    DecryptionError,
    decrypt_bytes,
    encrypt_bytes,
    needs_rotation,
)

BLOB_MISSING = "Blob {ref} is missing from storage."
PURPOSE_CLASH = "Blob purpose {name!r} is already defined differently."
BAD_SEGMENT = "Blob {what} {value!r} must be lower-case letters, digits, '-' or '_'."

_SEGMENT = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_FOLDER = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}(?:/[a-z0-9][a-z0-9_-]{0,63}){0,3}")
# What the store writes, and nothing else: cleanup only ever touches names like these.
BLOB_NAME = re.compile(r"(?:[a-z0-9][a-z0-9_-]{0,63}/){1,5}[0-9a-f]{32}\.[a-z0-9_-]{1,64}")
TEMP_NAME = re.compile(
    r"(?:[a-z0-9][a-z0-9_-]{0,63}/){1,5}\.[0-9a-f]{32}\.[a-z0-9_-]{1,64}\.[0-9a-f]{16}\.tmp"
)


class BlobMissing(FileNotFoundError):
    """A ref whose blob is not in storage."""


@dataclass(frozen=True, slots=True)
class BlobPurpose:
    """One kind of blob. ``name`` goes into the associated data, ``root`` is the first folder
    of new refs. ``legacy_names`` are purposes earlier versions sealed this kind under (they
    still open; rotation reseals them under ``name``)."""

    name: str
    root: str
    legacy_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for what, value in (("purpose", self.name), ("root", self.root)):
            if not _SEGMENT.fullmatch(value):
                raise ValueError(BAD_SEGMENT.format(what=what, value=value))
        known = _PURPOSES.setdefault(self.name, self)
        if known != self:
            raise ValueError(PURPOSE_CLASH.format(name=self.name))

    def associated_data(self, ref: str, *, name: str | None = None) -> bytes:
        return f"netral/{name or self.name}:{ref}".encode()


_PURPOSES: dict[str, BlobPurpose] = {}


def _storage() -> Storage:
    return default_storage


def _local(storage: Storage) -> FileSystemStorage | None:
    return storage if isinstance(storage, FileSystemStorage) else None


# --- Writing ----------------------------------------------------------------------------


def put(purpose: BlobPurpose, data: bytes, *, folder: str = "", label: str = "bin") -> str:
    """Seal ``data`` and store it durably under a fresh ref; return the ref.

    Call inside the transaction that records the ref (see the module docstring)."""
    if folder and not _FOLDER.fullmatch(folder):
        raise ValueError(BAD_SEGMENT.format(what="folder", value=folder))
    if not _SEGMENT.fullmatch(label):
        raise ValueError(BAD_SEGMENT.format(what="label", value=label))
    parts = [purpose.root, folder] if folder else [purpose.root]
    return _put_at(purpose, data, "/".join(parts), label)


def put_beside(purpose: BlobPurpose, data: bytes, *, ref: str) -> str:
    """Store ``data`` under a fresh ref in the folder of ``ref``, with its label (rotation)."""
    directory, name = ref.rsplit("/", 1)
    return _put_at(purpose, data, directory, name.rsplit(".", 1)[-1])


def _put_at(purpose: BlobPurpose, data: bytes, directory: str, label: str) -> str:
    ref = f"{directory}/{uuid.uuid4().hex}.{label}"
    sealed = encrypt_bytes(data, associated_data=purpose.associated_data(ref))
    storage = _storage()
    local = _local(storage)
    if local is not None:
        _write_durably(local, ref, sealed)
    else:
        saved = storage.save(ref, ContentFile(sealed))  # returns when the upload completed
        if saved != ref:  # a fresh UUID never collides; refuse rather than mis-bind the blob
            storage.delete(saved)
            raise RuntimeError(f"storage renamed {ref!r} to {saved!r}")
    _pause_point("blob-written")
    if os.environ.get("NETRAL_TEST_PAUSE_AT"):
        transaction.on_commit(lambda: _pause_point("committed"))
    return ref


def put_sealed(ref: str, sealed: bytes) -> None:
    """Store already sealed bytes under ``ref`` as they are (restoring a backup): durably,
    and never over an existing blob."""
    if not BLOB_NAME.fullmatch(ref):
        raise ValueError(BAD_SEGMENT.format(what="ref", value=ref))
    storage = _storage()
    local = _local(storage)
    if local is not None:
        _write_durably(local, ref, sealed)
        return
    if storage.exists(ref):
        raise RuntimeError(f"blob {ref!r} already exists")
    saved = storage.save(ref, ContentFile(sealed))
    if saved != ref:
        storage.delete(saved)
        raise RuntimeError(f"storage renamed {ref!r} to {saved!r}")


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_dirs(storage: FileSystemStorage, directory: Path) -> None:
    """Create ``directory`` and its missing parents, each made durable in its parent."""
    missing = []
    walk = directory
    while not walk.exists():
        missing.append(walk)
        walk = walk.parent
    mode = storage.directory_permissions_mode
    for new in reversed(missing):
        try:
            new.mkdir()
        except FileExistsError:
            continue  # another writer made it (and made it durable)
        if mode is not None:
            new.chmod(mode)
        _fsync_dir(new.parent)


def _write_durably(storage: FileSystemStorage, ref: str, sealed: bytes) -> None:
    final = Path(storage.path(ref))
    _make_dirs(storage, final.parent)
    temp = final.with_name(f".{final.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            view = memoryview(sealed)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if storage.file_permissions_mode is not None:
            temp.chmod(storage.file_permissions_mode)
        if final.exists():  # a fresh UUID never collides; never replace another blob
            raise RuntimeError(f"blob {ref!r} already exists")
        os.rename(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(final.parent)


def _pause_point(point: str) -> None:
    """Test hook for the crash test: with NETRAL_TESTING and ``NETRAL_TEST_PAUSE_AT`` naming
    ``point`` ("blob-written" or "committed"), leave a marker in ``NETRAL_TEST_PAUSE_DIR`` and
    wait there (bounded) for the test to kill the process."""
    points = os.environ.get("NETRAL_TEST_PAUSE_AT", "")
    if not points or point not in points.split(",") or not getattr(settings, "TESTING", False):
        return
    marker = Path(os.environ["NETRAL_TEST_PAUSE_DIR"]) / f"{point}-{os.getpid()}"
    marker.write_text(point)
    time.sleep(float(os.environ.get("NETRAL_TEST_PAUSE_SECONDS", "20")))


# --- Reading ----------------------------------------------------------------------------


def read_sealed(ref: str) -> bytes:
    """The stored (encrypted) bytes of ``ref``; raises BlobMissing."""
    storage = _storage()
    try:
        with storage.open(ref, "rb") as handle:
            sealed: bytes = handle.read()
    except FileNotFoundError:
        raise BlobMissing(BLOB_MISSING.format(ref=ref)) from None
    except OSError as error:  # S3 backends raise their own errors for a missing key
        if not storage.exists(ref):
            raise BlobMissing(BLOB_MISSING.format(ref=ref)) from error
        raise
    return sealed


def unseal(purpose: BlobPurpose, ref: str, sealed: bytes) -> tuple[bytes, bool]:
    """Decrypt; also answer whether the blob is sealed as today (first key, current name)."""
    for name in (purpose.name, *purpose.legacy_names):
        try:
            data = decrypt_bytes(sealed, associated_data=purpose.associated_data(ref, name=name))
        except DecryptionError as error:
            if str(error) != BLOB_TAMPERED:
                raise
            continue
        return data, name == purpose.name and not needs_rotation(sealed)
    raise DecryptionError(BLOB_TAMPERED)


def get(purpose: BlobPurpose, ref: str) -> bytes:
    """The plaintext of ``ref``; raises BlobMissing or DecryptionError."""
    return unseal(purpose, ref, read_sealed(ref))[0]


def delete(refs: Iterable[str]) -> None:
    """Remove blobs (refs that are empty or already gone are skipped)."""
    storage = _storage()
    for ref in refs:
        if ref:
            storage.delete(ref)


@contextmanager
def deleted_on_failure() -> Iterator[list[str]]:
    """A list for the refs a write puts; if the block fails (the transaction opened inside it
    rolled back, or its commit failed), those blobs are deleted, so no file outlives the rows
    that would have referred to it. Open it outside ``transaction.atomic()``."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        delete(written)
        raise


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def exists(ref: str) -> bool:
    return bool(_storage().exists(ref))


@dataclass(frozen=True, slots=True)
class StoredFile:
    name: str
    age_seconds: float
    temporary: bool


def stored_files() -> Iterator[StoredFile]:
    """Every file in storage named as the store names blobs (or its temporary files)."""
    storage = _storage()
    now = time.time()

    def walk(directory: str) -> Iterator[StoredFile]:
        try:
            folders, files = storage.listdir(directory)
        except FileNotFoundError:
            return
        for name in sorted(files):
            path = f"{directory}/{name}" if directory else name
            temporary = bool(TEMP_NAME.fullmatch(path))
            if temporary or BLOB_NAME.fullmatch(path):
                modified = storage.get_modified_time(path).timestamp()
                yield StoredFile(path, max(0.0, now - modified), temporary)
        for folder in sorted(folders):
            yield from walk(f"{directory}/{folder}" if directory else folder)

    yield from walk("")


# --- Columns that point at blobs --------------------------------------------------------


class BlobRefField(models.CharField):
    """A column holding a blob ref ("" for none). Declaring the purpose here is what puts the
    column on the registry that rotation and ``storage_check`` walk.

    Migrations see a plain CharField: the purpose is behaviour, not schema."""

    def __init__(
        self,
        purpose: BlobPurpose | None = None,
        *args: Any,
        sha256_field: str = "",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("max_length", 300)
        self.purpose = purpose
        self.sha256_field = sha256_field
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


@dataclass(frozen=True)
class BlobColumn:
    model: type[models.Model]
    field: str
    purpose: BlobPurpose
    sha256_field: str
    label: str  # "reports.Evidence.original_path"

    def refs(self) -> models.QuerySet[Any]:
        """``(pk, ref, sha256 or "")`` of every row that points at a blob."""
        manager = self.model._base_manager
        columns = ["pk", self.field] + ([self.sha256_field] if self.sha256_field else [])
        return manager.exclude(**{self.field: ""}).order_by("pk").values_list(*columns)


def blob_columns() -> list[BlobColumn]:
    """Every BlobRefField of every installed model."""
    found = []
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, BlobRefField) and model_field.purpose is not None:
                found.append(
                    BlobColumn(
                        model=model,
                        field=model_field.name,
                        purpose=model_field.purpose,
                        sha256_field=model_field.sha256_field,
                        label=f"{model._meta.label}.{model_field.name}",
                    )
                )
    return found


def referenced(ref: str) -> bool:
    """Whether any registered column points at ``ref`` now."""
    return any(
        column.model._base_manager.filter(**{column.field: ref}).exists()
        for column in blob_columns()
    )
