"""Generic StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class AbsatzBlock(blocks.RichTextBlock):
    class Meta:
        label = _("Absatz")
        icon = "pilcrow"
        template = "blocks/absatz_block.html"
        features = ["bold", "italic", "link", "ol", "ul", "document-link"]
        preview_value = "<p>Ein Absatz mit <b>wichtigen</b> Informationen.</p>"


class ZwischenueberschriftBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Überschrift 2")), ("h3", _("Überschrift 3")), ("h4", _("Überschrift 4"))],
        default="h2",
        help_text=_("Wählen Sie die Ebene passend zur Gliederung; die Seite hat schon eine Überschrift 1."),
    )

    class Meta:
        label = _("Zwischenüberschrift")
        icon = "title"
        template = "blocks/zwischenueberschrift_block.html"
        preview_value = {"text": "Ziele", "level": "h2"}


class BildBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Beschreiben Sie, was das Bild zeigt, für Menschen, die es nicht sehen können."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Rein dekorativ"),
        required=False,
        help_text=_("Kreuzen Sie dies nur an, wenn das Bild keine Information trägt."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)

    class Meta:
        label = _("Bild")
        icon = "image"
        template = "blocks/bild_block.html"

    def clean(self, value):
        from django.core.exceptions import ValidationError

        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Geben Sie einen Alternativtext ein oder markieren Sie das Bild als dekorativ.")
                    )
                }
            )
        return value


class ZitatBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    source = blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        label = _("Zitat")
        icon = "openquote"
        template = "blocks/zitat_block.html"
        preview_value = {"text": "Integration ist eine Gemeinschaftsaufgabe.", "source": "Kooperationsstrategie"}


class DokumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=200,
        help_text=_("Lassen Sie das Feld leer, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        label = _("Dokument")
        icon = "doc-full"
        template = "blocks/dokument_block.html"


class PunktBlock(blocks.StructBlock):
    """A numbered point of the Grundverständnis or of the Eckpunkte."""

    number = blocks.IntegerBlock(label=_("Nummer"), min_value=1)
    title = blocks.CharBlock(label=_("Titel"), max_length=300)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        label = _("Punkt")
        icon = "list-ol"
        template = "blocks/punkt_block.html"
        preview_value = {"number": 1, "title": "Ein Punkt", "text": "<p>Text des Punkts.</p>"}


def body_blocks():
    """The blocks every body StreamField offers."""
    return [
        ("absatz", AbsatzBlock()),
        ("zwischenueberschrift", ZwischenueberschriftBlock()),
        ("bild", BildBlock()),
        ("zitat", ZitatBlock()),
        ("dokument", DokumentBlock()),
    ]
