"""The blocks of a lesson's body."""

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


class WorkedExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Judul"))
    intro = blocks.TextBlock(required=False, label=_("Pengantar"))
    table = TableBlock(
        label=_("Tabel"),
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False},
    )
    explanation = blocks.TextBlock(required=False, label=_("Penjelasan"))

    class Meta:
        icon = "table"
        label = _("Contoh soal")
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
        blocks.RichTextBlock(
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
