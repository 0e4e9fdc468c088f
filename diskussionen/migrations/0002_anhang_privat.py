"""Attachments move from MEDIA_ROOT, which the web server serves, into the private storage.

Each file gets a random name with the extension of the type detected at upload (stored in `mime`), so neither
the member's name nor her extension survives on disk. Rows whose file is already private are left alone.
"""

import posixpath

from django.core.files.storage import default_storage
from django.db import migrations, models

import netzwerk_site.uploads
from netzwerk_site import uploads

TYPEN = {typ.mime: typ for typ in uploads.DOKUMENTE.typen}


def move_to_private_storage(apps, schema_editor):
    Anhang = apps.get_model("diskussionen", "Anhang")
    private = uploads.private_storage()
    for anhang in Anhang.objects.exclude(datei="").iterator():
        old = anhang.datei.name
        dateityp = TYPEN.get(anhang.mime)
        if dateityp is None or not default_storage.exists(old) or private.exists(old):
            continue
        with default_storage.open(old, "rb") as source:
            new = private.save(posixpath.join(posixpath.dirname(old), uploads.random_name(dateityp)), source)
        Anhang.objects.filter(pk=anhang.pk).update(datei=new)
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [("diskussionen", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="anhang",
            name="datei",
            field=models.FileField(
                storage=netzwerk_site.uploads.private_storage, upload_to="diskussionen/%Y/%m/", verbose_name="Datei"
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
