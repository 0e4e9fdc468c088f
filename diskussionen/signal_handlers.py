from django.db.models.signals import post_delete
from django.dispatch import receiver

from diskussionen.models import Anhang


@receiver(post_delete, sender=Anhang, dispatch_uid="diskussionen_anhang_datei_loeschen")
def delete_anhang_datei(sender, instance, **kwargs):
    """Remove the stored file with its row, so deleted data does not linger in MEDIA_ROOT."""
    instance.datei.delete(save=False)
