"""Seitenstand now belongs to betrieb (betrieb 0002 took over and renamed the table): state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("netzwerk_site", "0003_seitenstand"),
        ("betrieb", "0002_seitenstand"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Seitenstand")]),
    ]
