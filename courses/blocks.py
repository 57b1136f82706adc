"""The blocks of a lesson's body."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Gambar"))
    caption = blocks.CharBlock(label=_("Keterangan"), required=False)
    alt = blocks.CharBlock(
        label=_("Teks alternatif"),
        required=False,
        help_text=_("Untuk pembaca layar; kosongkan jika gambar hanya hiasan."),
    )

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Judul"))
    youtube_id = blocks.RegexBlock(
        regex=r"^[A-Za-z0-9_-]{11}$",
        required=False,
        label=_("ID video YouTube"),
        help_text=_("11 karakter, misalnya dQw4w9WgXcQ."),
        error_messages={"invalid": _("ID video YouTube harus 11 karakter.")},
    )
    file = DocumentChooserBlock(
        required=False,
        label=_("Berkas video (MP4/WebM)"),
    )
    minutes = blocks.IntegerBlock(
        required=False, min_value=0, label=_("Durasi (menit)")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokumen"))
    title = blocks.CharBlock(required=False, label=_("Judul"))

    class Meta:
        icon = "doc-full"
        label = _("Dokumen unduhan")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Info")), ("tip", _("Tips")), ("warning", _("Perhatian"))],
        default="info",
        label=_("Jenis"),
    )
    title = blocks.CharBlock(required=False, label=_("Judul"))
    text = blocks.TextBlock(label=_("Isi"))

    class Meta:
        icon = "warning"
        label = _("Catatan")
        template = "courses/blocks/callout.html"


class TableEditorInput(forms.HiddenInput):
    """The worked-example table editor: a grid of fields with buttons in Bahasa
    Indonesia (static/js/table-editor.js, a Stimulus controller). The hidden input
    holds the TableBlock value as JSON (contract: docs/courses.md)."""

    class Media:
        js = ["js/table-editor.js"]
        css = {"all": ["css/admin-authoring.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        labels = {
            "addRow": gettext("Tambah baris"),
            "removeRow": gettext("Hapus baris"),
            "addCol": gettext("Tambah kolom"),
            "removeCol": gettext("Hapus kolom"),
            "indent": gettext("Inden →"),
            "outdent": gettext("← Inden"),
            "indentHelp": gettext(
                "Inden menggeser isi sel ke kanan, misalnya akun kredit dalam jurnal."
            ),
            "header": gettext("Baris pertama adalah judul kolom"),
            "caption": gettext("Keterangan tabel (dibacakan pembaca layar)"),
            "numeric": gettext("Kolom angka"),
            "cell": gettext("Baris %(row)s, kolom %(col)s"),
            "toolbar": gettext("Alat tabel"),
            "lastRow": gettext("Tabel perlu sekurang-kurangnya satu baris."),
            "lastCol": gettext("Tabel perlu sekurang-kurangnya satu kolom."),
        }
        return format_html(
            '<div class="balai-table" data-controller="balai-table" '
            'data-labels="{}">{}<div data-balai-table-target="grid"></div></div>',
            json.dumps(labels),
            super().render(name, value, attrs, renderer),
        )


class WorkedExampleTableBlock(TableBlock):
    """Wagtail's TableBlock value, edited with `TableEditorInput` (no right-click
    menu, no English): rows of cell strings plus `numeric_columns`; indentation as
    four leading spaces per step (docs/courses.md)."""

    @cached_property
    def field(self):
        return forms.CharField(widget=TableEditorInput(), **self.field_options)

    def get_form_state(self, value):
        return json.dumps(value or None)

    def value_from_form(self, value):
        return json.loads(value) if value else None

    def clean(self, value):
        if not value or not any(
            str(cell or "").strip() for row in value.get("data") or [] for cell in row
        ):
            raise ValidationError(
                _("Isi tabel contoh perhitungan; tabel masih kosong.")
            )
        value.setdefault(
            "table_header_choice",
            "row" if value.get("first_row_is_table_header") else "neither",
        )
        value["numeric_columns"] = sorted(
            {int(c) for c in value.get("numeric_columns") or [] if str(c).isdigit()}
        )
        return super().clean(value)


class RequiredRichTextBlock(blocks.RichTextBlock):
    """A text block refused when empty, in a draft too (Wagtail lets drafts skip
    required fields; an empty text is never wanted)."""

    def clean(self, value):
        if not strip_tags(value.source if value else "").strip():
            raise ValidationError(
                _("Teks masih kosong. Isi teksnya atau hapus blok ini.")
            )
        return super().clean(value)


class WorkedExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Judul"))
    intro = blocks.TextBlock(required=False, label=_("Pengantar"))
    table = WorkedExampleTableBlock(label=_("Tabel"))
    explanation = blocks.TextBlock(required=False, label=_("Penjelasan"))

    class Meta:
        icon = "table"
        label = _("Contoh perhitungan")
        template = "courses/blocks/worked_example.html"


class QuizBlock(blocks.StructBlock):
    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Kuis"))

    class Meta:
        icon = "list-ul"
        label = _("Kuis")
        template = "assessments/blocks/quiz.html"


class H5PBlock(blocks.StructBlock):
    activity = SnippetChooserBlock("content.H5PActivity", label=_("Aktivitas H5P"))

    class Meta:
        icon = "pick"
        label = _("Aktivitas H5P")
        template = "content/blocks/h5p.html"


# Quiz and H5P blocks are mirrored by LessonActivity rows when a lesson is published.
ACTIVITY_BLOCKS = {"quiz": "quiz", "h5p": "activity"}

LESSON_BLOCKS = [
    (
        "text",
        RequiredRichTextBlock(
            label=_("Teks"),
            features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
            template="courses/blocks/text.html",
        ),
    ),
    ("image", ImageBlock()),
    ("video", VideoBlock()),
    ("document", DocumentBlock()),
    ("callout", CalloutBlock()),
    ("worked_example", WorkedExampleBlock()),
    ("quiz", QuizBlock()),
    ("h5p", H5PBlock()),
]
