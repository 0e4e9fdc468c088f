"""Receivers that write the audit log; connected once in BetriebConfig.ready()."""

from functools import cache

from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from axes.signals import user_locked_out

from betrieb import audit, page_cache
from betrieb.choices import AuditAktion

STATUS_FIELDS = ("is_active", "is_staff", "is_superuser")


def connect():
    page_cache.connect()
    user_model = get_user_model()
    user_logged_in.connect(angemeldet, dispatch_uid="betrieb_audit_anmeldung")
    user_logged_out.connect(abgemeldet, dispatch_uid="betrieb_audit_abmeldung")
    user_login_failed.connect(anmeldung_fehlgeschlagen, dispatch_uid="betrieb_audit_anmeldung_fehlgeschlagen")
    user_locked_out.connect(gesperrt, dispatch_uid="betrieb_audit_gesperrt")
    for through in m2m_aktionen():
        m2m_changed.connect(m2m_geaendert, sender=through, dispatch_uid=f"betrieb_audit_m2m_{through._meta.label}")
    pre_save.connect(status_vormerken, sender=user_model, dispatch_uid="betrieb_audit_status_vormerken")
    post_save.connect(status_geaendert, sender=user_model, dispatch_uid="betrieb_audit_status")
    for model in OBJEKTRECHTE:
        post_save.connect(objektrecht_angelegt, sender=model, dispatch_uid=f"betrieb_audit_neu_{model._meta.label}")
        post_delete.connect(objektrecht_entfernt, sender=model, dispatch_uid=f"betrieb_audit_weg_{model._meta.label}")

    from diskussionen.models import Moderationsprotokoll

    post_save.connect(moderiert, sender=Moderationsprotokoll, dispatch_uid="betrieb_audit_moderation")


def angemeldet(sender, request, user, **kwargs):
    audit.record(AuditAktion.ANMELDUNG, audit.describe(user), actor=user, request=request)


def abgemeldet(sender, request, user, **kwargs):
    if user is not None:  # None when a visitor who was not signed in calls the logout view
        audit.record(AuditAktion.ABMELDUNG, audit.describe(user), actor=user, request=request)


def anmeldung_fehlgeschlagen(sender, credentials, request=None, **kwargs):
    """Keep only the username that was tried; Django masks the password, and it is never stored."""
    username = str(credentials.get(get_user_model().USERNAME_FIELD) or "")[:150]
    audit.record(
        AuditAktion.ANMELDUNG_FEHLGESCHLAGEN,
        f"Benutzername „{username}“",
        {"benutzername": username},
        actor=None,
        request=request,
    )


def gesperrt(sender, request, username, ip_address=None, **kwargs):
    """django-axes locked the login (sent again for each attempt while the lock lasts)."""
    username = str(username or "")[:150]
    audit.record(
        AuditAktion.GESPERRT, f"Benutzername „{username}“", {"benutzername": username}, actor=None, request=request
    )


@cache
def m2m_aktionen():
    """Group membership and object rights: through model (the signal's sender) → (m2m field, action)."""
    user_model = get_user_model()
    return {
        user_model.groups.through: (user_model._meta.get_field("groups"), AuditAktion.GRUPPEN_GEAENDERT),
        user_model.user_permissions.through: (
            user_model._meta.get_field("user_permissions"),
            AuditAktion.RECHTE_GEAENDERT,
        ),
        Group.permissions.through: (Group._meta.get_field("permissions"), AuditAktion.RECHTE_GEAENDERT),
    }


def m2m_geaendert(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Record additions and removals on both sides (user.groups.add() and group.user_set.add())."""
    field, aktion = m2m_aktionen()[sender]
    if action == "pre_clear":
        pk_set, richtung = _linked_pks(sender, field, instance, reverse), "entfernt"
    elif action in ("post_add", "post_remove"):
        richtung = "hinzugefuegt" if action == "post_add" else "entfernt"
    else:
        return
    if not pk_set:
        return
    others = model._default_manager.filter(pk__in=pk_set).order_by("pk")
    if model is Permission:
        others = others.select_related("content_type")
    if reverse:
        for owner in others:
            audit.record(aktion, audit.describe(owner), {richtung: [audit.label(instance)]})
    else:
        audit.record(aktion, audit.describe(instance), {richtung: sorted(audit.label(other) for other in others)})


def _linked_pks(through, field, instance, reverse):
    """What clear() is about to remove: it sends no pk_set of its own."""
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    if reverse:
        own, other = other, own
    return set(through._default_manager.filter(**{own: instance.pk}).values_list(other, flat=True))


def status_vormerken(sender, instance, raw, update_fields=None, **kwargs):
    """Compare the status flags with the stored row; post_save writes the entry once the save went through."""
    if raw or (update_fields is not None and not set(update_fields) & set(STATUS_FIELDS)):
        return
    if instance._state.adding:
        before = {name: sender._meta.get_field(name).default for name in STATUS_FIELDS}
    else:
        before = sender._default_manager.filter(pk=instance.pk).values(*STATUS_FIELDS).first() or {}
    instance._betrieb_status_vorher = (instance._state.adding, before)


def status_geaendert(sender, instance, created, raw, **kwargs):
    neu, before = getattr(instance, "_betrieb_status_vorher", (False, None))
    if before is None:
        return
    del instance._betrieb_status_vorher
    changes = {
        name: {"vorher": None if neu else before.get(name), "nachher": getattr(instance, name)}
        for name in STATUS_FIELDS
        if before.get(name) != getattr(instance, name)
    }
    if not changes:
        return
    if neu:
        changes["neu_angelegt"] = True
    audit.record(AuditAktion.STATUS_GEAENDERT, audit.describe(instance), changes)


# Wagtail's per-page and per-collection rights of a group.
OBJEKTRECHTE = {
    GroupPagePermission: (AuditAktion.SEITENRECHTE_GEAENDERT, "page", "seite"),
    GroupCollectionPermission: (AuditAktion.SAMMLUNGSRECHTE_GEAENDERT, "collection", "sammlung"),
}


def objektrecht_angelegt(sender, instance, created, raw, **kwargs):
    if created and not raw:
        record_objektrecht(instance, "hinzugefuegt")


def objektrecht_entfernt(sender, instance, **kwargs):
    record_objektrecht(instance, "entfernt")


def record_objektrecht(instance, richtung):
    """One entry per GroupPagePermission or GroupCollectionPermission row created or deleted."""
    aktion, field, key = OBJEKTRECHTE[type(instance)]
    details = {richtung: [audit.label(instance.permission)], key: _object_label(instance, field)}
    audit.record(aktion, audit.describe(instance.group), details)


def _object_label(instance, field):
    """Page or collection with its ID; only the ID if a cascade already removed it."""
    try:
        obj = getattr(instance, field)
    except ObjectDoesNotExist:
        return f"ID {getattr(instance, f'{field}_id')}"
    return f"{obj} (ID {obj.pk})"


def moderiert(sender, instance, created, raw, **kwargs):
    """Mirror each new Moderationsprotokoll row; the Begründung stays there (data minimisation)."""
    if not created or raw:
        return
    details = {
        "aktion": instance.aktion,
        "moderationsprotokoll": instance.pk,
        "diskussion": instance.diskussion_id,
        "beitrag": instance.beitrag_id,
    }
    audit.record(AuditAktion.MODERATION, _moderation_target(instance), details, actor=instance.wer)


def _moderation_target(protokoll):
    if protokoll.beitrag_id:
        return f"Beitrag {protokoll.beitrag_id} in „{protokoll.diskussion}“"
    if protokoll.diskussion_id:
        return f"Diskussion „{protokoll.diskussion}“"
    return protokoll.get_aktion_display()
