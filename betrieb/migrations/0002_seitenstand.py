"""The page cache's generation number moves from netzwerk_site to betrieb, rows kept (table renamed)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("betrieb", "0001_initial"),
        ("netzwerk_site", "0003_seitenstand"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Seitenstand",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("generation", models.PositiveBigIntegerField(default=0, verbose_name="Stand")),
                    ],
                    options={
                        "verbose_name": "Seitenstand",
                        "verbose_name_plural": "Seitenstände",
                        "db_table": "netzwerk_site_seitenstand",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="seitenstand", table=None),
    ]
