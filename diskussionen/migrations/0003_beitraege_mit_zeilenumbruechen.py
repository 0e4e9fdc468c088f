"""Render stored posts again so single line breaks become <br>, as in posts written from now on."""

from django.db import migrations


def neu_rendern(apps, schema_editor):
    # The current renderer on purpose: body_html is always what rendering.render_markdown makes of body.
    from diskussionen.rendering import render_markdown

    for model_name in ("Beitrag", "BeitragVersion"):
        model = apps.get_model("diskussionen", model_name)
        for pk, body in model.objects.values_list("pk", "body").iterator():
            model.objects.filter(pk=pk).update(body_html=render_markdown(body))


class Migration(migrations.Migration):
    dependencies = [("diskussionen", "0002_anhang_privat")]

    operations = [migrations.RunPython(neu_rendern, migrations.RunPython.noop)]
