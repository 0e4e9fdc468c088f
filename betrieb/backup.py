"""Backup of database and media: one .tar.gz that SQLite and PostgreSQL both restore (betrieb/restore.py).

The archive holds, in this order, `manifest.json` (format, versions, database vendor, migration
state, rows per model, SHA-256 per file), `database.json` (every row as Django's JSON serializer
writes it), `media/` (the files below MEDIA_ROOT) and `private/` (members' files below PRIVATE_MEDIA_ROOT). Rows keep their primary keys, so references
between them, including Wagtail's generic ones (revisions, logs), stay intact. Only ContentType and
Permission, which every database creates itself with ids of its own, are written as natural keys.
Transient and derived tables are left out (EXCLUDED_APPS, EXCLUDED_MODELS) and rebuilt after a restore.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.formats import number_format

import wagtail
from wagtail.images import get_image_model

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA = "media/"
PRIVATE = "private/"
STAGING_PREFIX = ".wiederherstellung-"
SHOWN_NAMES = 5

# Left out of every backup. ContentType and Permission rows come from `migrate` (and `flush`) in the
# target database; everything else here is transient or derived and rebuilt or recreated on demand.
EXCLUDED_APPS = {
    "sessions",  # logins end with a restore; session data is personal and short-lived
    "axes",  # failed-login records, reset after the lock-out time anyway
    "wagtailsearch",  # Wagtail's index, stored differently per database; rebuilt with update_index
}
EXCLUDED_MODELS = {
    "contenttypes.contenttype",
    "auth.permission",
    "search.suchdokument",  # the portal search index, rebuilt with search_rebuild
    "search.suchwort",
    "veranstaltungen.termineintrag",  # the stored occurrences, computed again with termine_berechnen
    "wagtailadmin.editingsession",  # who has an editor open at this moment
}


class SicherungFehler(Exception):
    """A backup or restore cannot go on; the message tells the operator why and what to do."""


@dataclass
class Sicherung:
    path: Path
    manifest: dict


# -- what goes into a backup --------------------------------------------------------------------------------------


def excluded_labels():
    rendition = get_image_model().get_rendition_model()._meta.label_lower  # resized copies, made again on use
    return EXCLUDED_MODELS | {rendition}


def dumped_models():
    """Every concrete model whose rows a backup holds, in INSTALLED_APPS order."""
    excluded = excluded_labels()
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in excluded
    ]


def files_below(root):
    """(relative POSIX path, path) of every file below root, staging folders of a running restore left out."""
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith(STAGING_PREFIX))
        for filename in sorted(filenames):
            path = Path(directory, filename)
            if path.is_file():
                yield path.relative_to(root).as_posix(), path


def media_files():
    """The files below MEDIA_ROOT that a backup holds: all but Wagtail's renditions."""
    renditions = set(get_image_model().get_rendition_model()._base_manager.values_list("file", flat=True))
    return [(name, path) for name, path in files_below(Path(settings.MEDIA_ROOT)) if name not in renditions]


def private_files():
    """The members' files below PRIVATE_MEDIA_ROOT, which the web server never serves."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return list(files_below(root)) if root.is_dir() else []


def default_directory():
    return Path(settings.BASE_DIR) / "sicherungen"


def backup_path(ausgabe=None, now=None):
    """ausgabe is a directory (existing, or written with a trailing slash) or the archive's file name."""
    name = timezone.localtime(now).strftime("sicherung-%Y%m%d-%H%M%S.tar.gz")
    if ausgabe is None:
        return default_directory() / name
    path = Path(ausgabe)
    return path / name if path.is_dir() or str(ausgabe).endswith(os.sep) else path


# -- writing ------------------------------------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes and times to milliseconds (ECMA-262); a restore must keep microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            return o.isoformat()
        return super().default(o)


class _Serializer(JSONSerializer):
    """Django's JSON serializer, with natural keys for ContentType and Permission only.

    natural_keys maps those two models to {pk: natural key}, read once, instead of a query per reference.
    """

    natural_keys = {}

    def handle_fk_field(self, obj, field):
        keys = self.natural_keys.get(field.remote_field.model)
        if keys is None:
            return super().handle_fk_field(obj, field)
        value = getattr(obj, field.attname)
        self._current[field.name] = None if value is None else keys[value]

    def handle_m2m_field(self, obj, field):
        keys = self.natural_keys.get(field.remote_field.model)
        if keys is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        pks = getattr(obj, field.name).order_by("pk").values_list("pk", flat=True)
        self._current[field.name] = [keys[pk] for pk in pks]


def _natural_keys():
    content_types = {ct.pk: ct.natural_key() for ct in ContentType.objects.all()}
    permissions = {p.pk: (p.codename, *content_types[p.content_type_id]) for p in Permission.objects.all()}
    return {ContentType: content_types, Permission: permissions}


@contextmanager
def _snapshot():
    """One consistent view of all tables while the dump runs (PostgreSQL reads each statement afresh otherwise)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def report_progress(progress, step, done, total):
    if progress is not None:
        progress(step, done, total)


def _dump_database(stream, progress):
    """Write every row to stream as JSON; return the rows per model and the content type ids used."""
    models = dumped_models()
    total = sum(model._base_manager.count() for model in models)
    counts = {}

    def objects():
        done = 0
        for model in models:
            label = model._meta.label_lower
            counts[label] = 0
            for obj in model._base_manager.order_by("pk").iterator(chunk_size=1000):
                yield obj
                counts[label] += 1
                done += 1
                report_progress(progress, "Datenbank", done, total)

    serializer = _Serializer()
    serializer.natural_keys = _natural_keys()
    serializer.serialize(objects(), stream=stream, cls=_Encoder)
    content_types = {str(pk): list(key) for pk, key in serializer.natural_keys[ContentType].items()}
    return counts, content_types


def migration_state():
    state = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state.setdefault(app_label, []).append(name)
    return state


def _sha256(stream):
    return hashlib.file_digest(stream, "sha256").hexdigest()


def _describe_media(files, progress):
    described = {}
    for done, (name, path) in enumerate(files, 1):
        with open(path, "rb") as stream:
            described[name] = {"sha256": _sha256(stream), "size": path.stat().st_size}
        report_progress(progress, "Mediendateien prüfen", done, len(files))
    return described


class _HashingReader:
    """Hands a file to tarfile and hashes what it reads, to notice a file that changed meanwhile."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def _member(name, size, mtime=None):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime if mtime is not None else timezone.now().timestamp())
    info.mode = 0o600
    return info


def _write_archive(target, manifest, database, files, progress, private=()):
    partial = target.with_name(target.name + ".unvollstaendig")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            text = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            archive.addfile(_member(MANIFEST, len(text)), io.BytesIO(text))
            database.seek(0)
            archive.addfile(_member(DATABASE, manifest["database"]["size"]), database)
            for done, (name, path) in enumerate(files, 1):
                _add_media_file(archive, name, path, manifest["media"][name])
                report_progress(progress, "Mediendateien sichern", done, len(files))
            for name, path in private:
                _add_media_file(archive, name, path, manifest["private"][name], PRIVATE)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _add_media_file(archive, name, path, expected, prefix=MEDIA):
    with open(path, "rb") as stream:
        reader = _HashingReader(stream)
        try:
            archive.addfile(_member(prefix + name, expected["size"], path.stat().st_mtime), reader)
        except OSError as error:
            raise SicherungFehler(
                f"Die Mediendatei {name} ließ sich nicht lesen ({error}). Starten Sie die Sicherung erneut."
            ) from error
    if reader.digest.hexdigest() != expected["sha256"]:
        raise SicherungFehler(
            f"Die Mediendatei {name} hat sich während der Sicherung geändert. Starten Sie die Sicherung erneut."
        )


def create_backup(ausgabe=None, progress=None):
    """Write database and media into one new archive; progress(step, done, total) reports along the way."""
    target = backup_path(ausgabe)
    if target.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise SicherungFehler(
            f"{target} liegt im Medienverzeichnis, das der Webserver öffentlich ausliefert. "
            f"Wählen Sie mit --ausgabe ein Verzeichnis außerhalb von {settings.MEDIA_ROOT}."
        )
    if target.exists():
        raise SicherungFehler(f"Die Datei {target} gibt es schon. Wählen Sie mit --ausgabe einen anderen Namen.")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryFile() as database:
        with _snapshot():
            text = io.TextIOWrapper(database, encoding="utf-8")
            counts, content_types = _dump_database(text, progress)
            text.flush()
            text.detach()
            migrations = migration_state()
        size = database.tell()
        database.seek(0)
        files, private = media_files(), private_files()
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database_vendor": connection.vendor,
            "migrations": migrations,
            "counts": counts,
            "excluded": sorted(excluded_labels() | {f"{app}.*" for app in EXCLUDED_APPS}),
            "content_types": content_types,
            "database": {"sha256": _sha256(database), "size": size},
            "media": _describe_media(files, progress),
            "private": _describe_media(private, progress),
        }
        _write_archive(target, manifest, database, files, progress, private)
    return Sicherung(path=target, manifest=manifest)


# -- output -------------------------------------------------------------------------------------------------------


def zahl(value):
    """A count with German digit grouping: 12.345."""
    return number_format(value, force_grouping=True)


def anzahl(value, singular, plural):
    """A count with its noun: 1 Datei, 2 Dateien."""
    return f"{zahl(value)} {singular if value == 1 else plural}"
