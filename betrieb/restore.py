"""Restore of a backup made by betrieb/backup.py: checked whole before anything changes.

Version, migrations, an empty target and every checksum are checked first; then the database is
replaced in one transaction and the derived tables (search index, stored occurrences, Wagtail's
index) are rebuilt, media files are moved into place, and every process's page cache expires.
"""

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

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import m2m_changed, post_save, pre_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from betrieb import page_cache
from betrieb.backup import (
    DATABASE,
    FORMAT,
    MANIFEST,
    MEDIA,
    PRIVATE,
    SHOWN_NAMES,
    STAGING_PREFIX,
    SicherungFehler,
    anzahl,
    files_below,
    report_progress,
)
from netzwerk_site import uploads
from search.models import SuchDokument


@dataclass
class Wiederherstellung:
    manifest: dict
    counts: dict
    suchdokumente: int
    missing_migrations: list  # applied here but not in the archive: the backup is older than the code
    untouched_files: int  # files already in MEDIA_ROOT that the archive does not contain


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
    existing = sum(1 for _ in files_below(root)) if root.is_dir() else 0
    if existing:
        raise SicherungFehler(
            f"Das Medienverzeichnis {root} ist nicht leer ({anzahl(existing, 'Datei', 'Dateien')}). Leeren Sie es, "
            f"oder geben Sie --ueberschreiben an; Dateien aus der Sicherung ersetzen dann gleichnamige Dateien."
        )


# -- restoring ----------------------------------------------------------------------------------------------------


def _media_name(member_name, expected, prefix=MEDIA):
    """The member's path below its root, if it is one the manifest lists and it stays inside the root."""
    name = member_name[len(prefix) :]
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


def _unpack(path, manifest, database, staging, progress, private_staging=None):
    """Copy database.json into database, the media into staging and the private files into private_staging,
    checking every SHA-256 against the manifest."""
    roots = {MEDIA: (staging, manifest["media"]), PRIVATE: (private_staging, manifest.get("private", {}))}
    expected = {prefix + name for prefix, (_, files) in roots.items() for name in files}
    database_found, found = False, set()
    with tarfile.open(path, "r|gz") as archive:
        for member in archive:
            if member.name == MANIFEST:
                continue
            prefix = next((p for p in roots if member.name.startswith(p)), None)
            if member.isfile() and member.name == DATABASE and not database_found:
                if _copy(archive.extractfile(member), database) != manifest["database"]["sha256"]:
                    raise _damaged("Die Datenbanksicherung")
                database_found = True
            elif member.isfile() and prefix and roots[prefix][0] and member.name not in found:
                _extract(archive, member, prefix, *roots[prefix])
                found.add(member.name)
            else:
                raise _unexpected(member.name)
            report_progress(progress, "Sicherung prüfen", len(found) + database_found, len(expected) + 1)
    missing = sorted(expected - found) + ([] if database_found else [DATABASE])
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
                report_progress(progress, "Datenbank laden", done, total)
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


def _extract(archive, member, prefix, staging, expected):
    name = _media_name(member.name, expected, prefix)
    target = staging / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as stream:
        if _copy(archive.extractfile(member), stream) != expected[name]["sha256"]:
            raise _damaged(f"Die Mediendatei {name}")


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
    call_command("search_rebuild", stdout=log)
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
    untouched = sum(1 for name, _ in files_below(root) if name not in manifest["media"])
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    private_root.mkdir(parents=True, exist_ok=True)
    private_staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=private_root))
    try:
        with tempfile.TemporaryFile() as database:
            _unpack(path, manifest, database, staging, progress, private_staging)
            if confirm is not None and not confirm(manifest):
                raise SicherungFehler("Die Wiederherstellung wurde abgebrochen. Es wurde nichts verändert.")
            with transaction.atomic():
                counts = _replace_database(database, manifest, progress, log or io.StringIO())
                _move_media(staging, root)
                _move_media(private_staging, private_root)
                # An archive made before documents and picture originals became private has them below media/.
                uploads.move_private_media()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(private_staging, ignore_errors=True)
    for cache in caches.all():
        cache.clear()
    # Other processes keep their own page caches: a new generation makes every old entry invalid.
    page_cache.invalidate()
    return Wiederherstellung(
        manifest=manifest,
        counts=counts,
        suchdokumente=SuchDokument.objects.count(),
        missing_migrations=missing_migrations,
        untouched_files=untouched,
    )
