from django.utils import timezone

from wagtail.signals import page_published

from netzwerk_site.models import HandlungsfeldPage, UmsetzungsstandAenderung


def record_umsetzungsstand(sender, instance, revision=None, **kwargs):
    """Add a history entry when a published Handlungsfeld shows a new Umsetzungsstand."""
    latest = instance.umsetzungsstand_verlauf.first()
    if latest is not None and latest.umsetzungsstand == instance.umsetzungsstand:
        return
    user = getattr(revision, "user", None)
    UmsetzungsstandAenderung.objects.create(
        handlungsfeld=instance,
        umsetzungsstand=instance.umsetzungsstand,
        changed_at=timezone.now(),
        changed_by=user,
        changed_by_name=(user.get_full_name() or user.get_username()) if user else "Redaktion (Datenimport)",
    )


def connect():
    page_published.connect(record_umsetzungsstand, sender=HandlungsfeldPage, dispatch_uid="umsetzungsstand_verlauf")
