"""Backup and restore of database and media: one .tar.gz that SQLite and PostgreSQL both restore.

The archive holds, in this order, `manifest.json` (format, versions, database vendor, migration
state, rows per model, SHA-256 per file), `database.json` (every row as Django's JSON serializer
writes it) and `media/` (the files below MEDIA_ROOT). Rows keep their primary keys, so references
between them, including Wagtail's generic ones (revisions, logs), stay intact. Only ContentType and
Permission, which every database creates itself with ids of its own, are written as natural keys.
Transient and derived tables are left out (EXCLUDED_APPS, EXCLUDED_MODELS) and rebuilt after a restore.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone
from django.utils.formats import number_format

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from netzwerk_site import seitencache
from search.models import SuchDokument

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA = "media/"
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
    "suche.suchdokument",  # the portal search index, rebuilt with rebuild_suche
    "suche.suchwort",
    "veranstaltungen.termineintrag",  # the stored occurrences, computed again with termine_berechnen
    "wagtailadmin.editingsession",  # who has an editor open at this moment
}


class SicherungFehler(Exception):
    """A backup or restore cannot go on; the message tells the operator why and what to do."""


@dataclass
class Sicherung:
    path: Path
    manifest: dict


@dataclass
class Wiederherstellung:
    manifest: dict
    counts: dict
    suchdokumente: int
    missing_migrations: list  # applied here but not in the archive: the backup is older than the code
    untouched_files: int  # files already in MEDIA_ROOT that the archive does not contain


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


def _files_below(root):
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
    return [(name, path) for name, path in _files_below(Path(settings.MEDIA_ROOT)) if name not in renditions]


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


def _report(progress, step, done, total):
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
                _report(progress, "Datenbank", done, total)

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
        _report(progress, "Mediendateien prüfen", done, len(files))
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


def _write_archive(target, manifest, database, files, progress):
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
                _report(progress, "Mediendateien sichern", done, len(files))
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _add_media_file(archive, name, path, expected):
    with open(path, "rb") as stream:
        reader = _HashingReader(stream)
        try:
            archive.addfile(_member(MEDIA + name, expected["size"], path.stat().st_mtime), reader)
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
        files = media_files()
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
        }
        _write_archive(target, manifest, database, files, progress)
    return Sicherung(path=target, manifest=manifest)


# -- checking before a restore ------------------------------------------------------------------------------------


def read_manifest(path):
    """The manifest from the archive's first member, without reading the rest."""
    path = Path(path)
    if not path.is_file():
        raise SicherungFehler(f"Die Datei {path} gibt es nicht. Prüfen Sie den Pfad.")
    try:
        with tarfile.open(path, "r|gz") as archive:
            member = archive.next()
            if member is None or member.name != MANIFEST or not member.isfile():
                raise SicherungFehler(f"{path} ist keine Sicherung dieses Portals: das Manifest fehlt.")
            manifest = json.load(archive.extractfile(member))
    except (OSError, tarfile.TarError, ValueError) as error:
        raise SicherungFehler(
            f"Die Datei {path} ist keine lesbare Sicherung ({error}). Prüfen Sie den Pfad."
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SicherungFehler(
            f"Die Sicherung hat das Format {manifest.get('format') if isinstance(manifest, dict) else '?'}, "
            f"dieses Programm liest Format {FORMAT}. Verwenden Sie die Programmversion, mit der sie erstellt wurde."
        )
    return manifest


def _names(pairs):
    shown = ", ".join(f"{app}.{name}" for app, name in pairs[:SHOWN_NAMES])
    return shown + (f" und {len(pairs) - SHOWN_NAMES} weitere" if len(pairs) > SHOWN_NAMES else "")


def check_migrations(manifest):
    """Refuse an archive from newer code or a database behind the code; return the migrations the archive lacks."""
    executor = MigrationExecutor(connection)
    loader = executor.loader
    known = set(loader.disk_migrations)
    known |= {replaced for migration in loader.disk_migrations.values() for replaced in migration.replaces}
    archived = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    unknown = sorted(archived - known)
    if unknown:
        raise SicherungFehler(
            f"Die Sicherung stammt aus einer neueren Programmversion: Der Code kennt die Migrationen "
            f"{_names(unknown)} nicht. Spielen Sie mindestens die Programmversion der Sicherung ein, führen Sie "
            f"„python manage.py migrate“ aus und starten Sie die Wiederherstellung erneut."
        )
    if executor.migration_plan(loader.graph.leaf_nodes()):
        raise SicherungFehler(
            "Die Datenbank ist nicht auf dem Stand des Codes. Führen Sie zuerst „python manage.py migrate“ aus."
        )
    return sorted(set(loader.applied_migrations) - archived)


def database_has_content():
    """Accounts, portal pages, images or documents: what any used database holds and `migrate` never creates."""
    plain_page = ContentType.objects.get_for_model(Page)
    return (
        get_user_model()._base_manager.exists()
        or Page.objects.exclude(content_type=plain_page).exists()
        or get_image_model()._base_manager.exists()
        or get_document_model()._base_manager.exists()
    )


def check_target_empty():
    if database_has_content():
        raise SicherungFehler(
            "Die Datenbank enthält bereits Inhalte (Konten, Seiten, Bilder oder Dokumente). Stellen Sie die "
            "Sicherung in einer leeren, migrierten Datenbank wieder her, oder geben Sie --ueberschreiben an, "
            "um alle vorhandenen Inhalte durch die Sicherung zu ersetzen."
        )
    root = Path(settings.MEDIA_ROOT)
    existing = sum(1 for _ in _files_below(root)) if root.is_dir() else 0
    if existing:
        raise SicherungFehler(
            f"Das Medienverzeichnis {root} ist nicht leer ({anzahl(existing, 'Datei', 'Dateien')}). Leeren Sie es, "
            f"oder geben Sie --ueberschreiben an; Dateien aus der Sicherung ersetzen dann gleichnamige Dateien."
        )


# -- restoring ----------------------------------------------------------------------------------------------------


def _media_name(member_name, expected):
    """The member's path below MEDIA_ROOT, if it is one the manifest lists and it stays inside MEDIA_ROOT."""
    name = member_name[len(MEDIA) :]
    parts = name.split("/")
    if name not in expected or PurePosixPath(name).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise _unexpected(member_name)
    return name


def _unexpected(member_name):
    return SicherungFehler(
        f"Die Sicherung enthält den unerwarteten Eintrag {member_name}. Verwenden Sie eine andere Sicherung."
    )


def _copy(source, target):
    digest = hashlib.sha256()
    while chunk := source.read(1 << 20):
        digest.update(chunk)
        target.write(chunk)
    return digest.hexdigest()


def _damaged(what):
    return SicherungFehler(
        f"{what} in der Sicherung ist beschädigt: die Prüfsumme stimmt nicht mit dem Manifest überein. "
        f"Datenbank und Medienverzeichnis bleiben unverändert; verwenden Sie eine andere Sicherung."
    )


def _unpack(path, manifest, database, staging, progress):
    """Copy database.json into database and the media into staging, checking every SHA-256 against the manifest."""
    expected = manifest["media"]
    database_found, found = False, set()
    with tarfile.open(path, "r|gz") as archive:
        for member in archive:
            if member.name == MANIFEST:
                continue
            if member.isfile() and member.name == DATABASE and not database_found:
                if _copy(archive.extractfile(member), database) != manifest["database"]["sha256"]:
                    raise _damaged("Die Datenbanksicherung")
                database_found = True
            elif member.isfile() and member.name.startswith(MEDIA) and member.name[len(MEDIA) :] not in found:
                name = _media_name(member.name, expected)
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as stream:
                    if _copy(archive.extractfile(member), stream) != expected[name]["sha256"]:
                        raise _damaged(f"Die Mediendatei {name}")
                found.add(name)
            else:
                raise _unexpected(member.name)
            _report(progress, "Sicherung prüfen", len(found) + database_found, len(expected) + 1)
    missing = sorted(set(expected) - found) + ([] if database_found else [DATABASE])
    if missing:
        raise SicherungFehler(
            f"Der Sicherung fehlen {anzahl(len(missing), 'Datei', 'Dateien')}, zum Beispiel {missing[0]}. "
            f"Verwenden Sie eine andere Sicherung."
        )


@contextmanager
def _receivers_muted(*signals):
    """No receiver hears the raw saves of a restore.

    Rows arrive exactly as dumped, in no particular order; receivers that ignore `raw` would add rows
    (view restrictions of internal Veranstaltungen) or query half-loaded data (search documents).
    """
    saved = [(signal, signal.receivers) for signal in signals]
    for signal in signals:
        with signal.lock:
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in saved:
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


def _load(database, total, progress):
    database.seek(0)
    done = 0
    try:
        with _receivers_muted(pre_save, post_save, m2m_changed):
            # The tables were just emptied: insert without first trying an update.
            for item in serializers.deserialize("json", database):
                item.save(force_insert=True)
                done += 1
                _report(progress, "Datenbank laden", done, total)
    except (DeserializationError, DatabaseError) as error:
        raise SicherungFehler(
            f"Die Datenbanksicherung ließ sich nicht laden ({error}). Die Datenbank bleibt unverändert."
        ) from error


def _restored_models(manifest):
    """The archive's models that the code still has (an older archive may name a model dropped since, without rows)."""
    return {label: model for label in manifest["counts"] if (model := _model_or_none(label)) is not None}


def _model_or_none(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _check_counts(manifest):
    counts = {label: model._base_manager.count() for label, model in _restored_models(manifest).items()}
    wrong = [label for label, count in counts.items() if count != manifest["counts"][label]]
    if wrong:
        label = wrong[0]
        raise SicherungFehler(
            f"Nach dem Laden enthält {label} {counts[label]} statt {manifest['counts'][label]} Datensätze "
            f"(insgesamt {len(wrong)} Tabellen abweichend). Die Datenbank bleibt unverändert."
        )
    return counts


def _remap_revision_content_types(archived):
    """Page revisions store their content type as a bare id (Page.serializable_data); map it to this database's id."""
    current = {tuple(ct.natural_key()): ct.pk for ct in ContentType.objects.all()}
    mapping = {int(old): current.get(tuple(key)) for old, key in archived.items()}
    mapping = {old: new for old, new in mapping.items() if new is not None and new != old}
    if not mapping:
        return
    for revision in Revision.objects.only("pk", "content").iterator(chunk_size=500):
        content = revision.content
        if isinstance(content, dict) and content.get("content_type") in mapping:
            content["content_type"] = mapping[content["content_type"]]
            Revision.objects.filter(pk=revision.pk).update(content=content)


def _reset_sequences(models):
    """What `sqlsequencereset` prints, for every restored table: new rows continue after the restored ids."""
    models = list(models)
    models += [field.remote_field.through for model in models for field in model._meta.local_many_to_many]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _move_media(staging, root):
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = root / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)


def _replace_database(database, manifest, progress, log):
    """Empty every table, load the archive's rows, rebuild what was left out. Runs inside the caller's transaction."""
    # flush runs the post_migrate handlers, which create this database's content types and permissions.
    call_command("flush", interactive=False, verbosity=0)
    _load(database, sum(manifest["counts"].values()), progress)
    counts = _check_counts(manifest)
    _remap_revision_content_types(manifest["content_types"])
    _reset_sequences(_restored_models(manifest).values())
    call_command("rebuild_suche", stdout=log)
    call_command("termine_berechnen", stdout=log)
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    return counts


def restore(path, *, ueberschreiben=False, confirm=None, progress=None, log=None):
    """Replace database and media by the archive's; confirm(manifest) is asked once the archive checked out.

    Nothing changes unless every check passes: version and migrations, an empty target (or ueberschreiben),
    every checksum. The database is replaced in one transaction, which rolls back if a later step fails.
    """
    manifest = read_manifest(path)
    missing_migrations = check_migrations(manifest)
    if not ueberschreiben:
        check_target_empty()
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    untouched = sum(1 for name, _ in _files_below(root) if name not in manifest["media"])
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        with tempfile.TemporaryFile() as database:
            _unpack(path, manifest, database, staging, progress)
            if confirm is not None and not confirm(manifest):
                raise SicherungFehler("Die Wiederherstellung wurde abgebrochen. Es wurde nichts verändert.")
            with transaction.atomic():
                counts = _replace_database(database, manifest, progress, log or io.StringIO())
                _move_media(staging, root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for cache in caches.all():
        cache.clear()
    # Other processes keep their own page caches: a new generation makes every old entry invalid.
    seitencache.invalidate()
    return Wiederherstellung(
        manifest=manifest,
        counts=counts,
        suchdokumente=SuchDokument.objects.count(),
        missing_migrations=missing_migrations,
        untouched_files=untouched,
    )


# -- output -------------------------------------------------------------------------------------------------------


def zahl(value):
    """A count with German digit grouping: 12.345."""
    return number_format(value, force_grouping=True)


def anzahl(value, singular, plural):
    """A count with its noun: 1 Datei, 2 Dateien."""
    return f"{zahl(value)} {singular if value == 1 else plural}"
