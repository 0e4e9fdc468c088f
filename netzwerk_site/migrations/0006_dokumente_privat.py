"""Documents and picture originals move from MEDIA_ROOT, which a web server may serve, to PRIVATE_MEDIA_ROOT.

The default storage (netzwerk_site.uploads.MediaStorage) looks for them there from now on; their names in the
database stay the same, so only files move. Renditions (images/) stay. A fresh installation has nothing to move.
"""

from django.db import migrations

from netzwerk_site import uploads


def move_private_media(apps, schema_editor):
    uploads.move_private_media()


class Migration(migrations.Migration):
    dependencies = [("netzwerk_site", "0005_menu_pages")]

    operations = [migrations.RunPython(move_private_media, migrations.RunPython.noop, elidable=True)]
