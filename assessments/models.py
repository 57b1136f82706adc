"""Assessments: question banks, quizzes placed in lessons, attempts and answers.

The rules of each question kind live in `assessments.questions`; writes in
`assessments.services`; reads in `assessments.selectors`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from .questions import KIND_CHOICES, kind_for


class QuestionBank(ClusterableModel):
    """A course's bank of questions, sorted into categories."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="question_banks",
        verbose_name=_("kursus"),
    )
    title = models.CharField(_("judul"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("course"), FieldPanel("title"), InlinePanel("categories")]

    class Meta:
        verbose_name = _("bank soal")
        verbose_name_plural = _("bank soal")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class QuestionCategory(models.Model):
    bank = ParentalKey(
        QuestionBank,
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("bank soal"),
    )
    name = models.CharField(_("nama kategori"), max_length=150)

    class Meta:
        verbose_name = _("kategori soal")
        verbose_name_plural = _("kategori soal")
        ordering = ["bank", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "name"], name="question_category_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bank} › {self.name}"


class Question(models.Model):
    bank = models.ForeignKey(
        QuestionBank,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("bank soal"),
    )
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("kategori"),
    )
    kind = models.CharField(_("jenis soal"), max_length=12, choices=KIND_CHOICES)
    text = models.TextField(_("pertanyaan"))
    data = models.JSONField(
        _("data jawaban"),
        default=dict,
        blank=True,
        help_text=_(
            'Menurut jenis soal. Pilihan ganda: {"options": ["A", "B"], "correct": 0}; '
            'beberapa jawaban: "correct": [0, 2]; benar/salah: {"correct": true}; '
            'angka: {"answer": 12500000, "tolerance": 0, "unit": "Rp"}; '
            'isian: {"answers": ["sisa hasil usaha"]}; mengurutkan: {"items": [...]} '
            'dalam urutan benar; menjodohkan: {"pairs": [["RAT", "rapat anggota"]]}; '
            'esai: {"guide": "pedoman penilaian"}.'
        ),
    )
    feedback = models.TextField(_("umpan balik"), blank=True)
    points = models.PositiveSmallIntegerField(_("bobot"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("bank"),
        FieldPanel("category"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("data"),
        FieldPanel("feedback"),
        FieldPanel("points"),
    ]

    class Meta:
        verbose_name = _("soal")
        verbose_name_plural = _("soal")
        ordering = ["bank", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        try:
            self.data = kind_for(self.kind).validate(self.data or {})
        except ValidationError as exc:
            raise ValidationError({"data": exc.messages}) from exc
        if self.category_id and self.category.bank_id != self.bank_id:
            raise ValidationError(
                {"category": _("Kategori harus dari bank soal yang sama.")}
            )


class Quiz(ClusterableModel):
    class Purpose(models.TextChoices):
        PRETEST = "pretest", _("Pre-test")
        POSTTEST = "posttest", _("Post-test")
        MODULE = "module", _("Kuis modul")
        PRACTICE = "practice", _("Latihan")

    class Reveal(models.TextChoices):
        AFTER_SUBMIT = "submit", _("Setelah jawaban dikirim")
        AFTER_CLOSE = "close", _("Setelah kuis ditutup")
        NEVER = "never", _("Tidak ditampilkan")

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="quizzes",
        verbose_name=_("kursus"),
    )
    title = models.CharField(_("judul"), max_length=200)
    purpose = models.CharField(
        _("tujuan"), max_length=10, choices=Purpose.choices, default=Purpose.MODULE
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"),
        default=70,
        help_text=_("Persentase minimal untuk lulus."),
    )
    intro = models.TextField(_("petunjuk"), blank=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan jika tanpa batas waktu."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("batas percobaan"),
        default=0,
        help_text=_("0 berarti tanpa batas."),
    )
    shuffle_questions = models.BooleanField(_("acak urutan soal"), default=False)
    shuffle_options = models.BooleanField(_("acak urutan pilihan"), default=True)
    opens_at = models.DateTimeField(_("dibuka mulai"), null=True, blank=True)
    closes_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    show_feedback = models.CharField(
        _("tampilkan umpan balik"),
        max_length=6,
        choices=Reveal.choices,
        default=Reveal.AFTER_SUBMIT,
    )
    show_correct = models.CharField(
        _("tampilkan jawaban benar"),
        max_length=6,
        choices=Reveal.choices,
        default=Reveal.AFTER_SUBMIT,
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("purpose"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("max_attempts"),
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
            ],
            heading=_("Aturan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("show_feedback"),
                FieldPanel("show_correct"),
            ],
            heading=_("Tampilan"),
        ),
        InlinePanel("slots", heading=_("Soal"), label=_("Soal")),
    ]

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Waktu tutup harus setelah waktu buka.")}
            )
        if self.pass_mark > 100:
            raise ValidationError({"pass_mark": _("Nilai lulus paling tinggi 100.")})

    @property
    def purpose_label(self) -> str:
        """The quiz's purpose in the words participants read: "Tes awal" and
        "Tes akhir" (the admin keeps the field's labels)."""
        words = {
            self.Purpose.PRETEST: _("Tes awal"),
            self.Purpose.POSTTEST: _("Tes akhir"),
        }
        return str(words.get(self.purpose, self.get_purpose_display()))

    @property
    def must_pass(self) -> bool:
        """A post-test or module quiz is done when passed; others when submitted."""
        return self.purpose in (self.Purpose.POSTTEST, self.Purpose.MODULE)

    def is_done(self, *, enrollment) -> bool:
        """Whether this quiz counts as done for the enrolment (see courses.progress)."""
        # The selectors read these models: imported once the models have loaded.
        from .selectors import quiz_is_done

        return quiz_is_done(quiz=self, enrollment=enrollment)


class QuizSlot(models.Model):
    """One place in a quiz: a fixed question, or N drawn at random from a category."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="slots")
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("soal tetap"),
    )
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acak dari kategori"),
    )
    count = models.PositiveSmallIntegerField(_("jumlah soal acak"), default=1)

    panels = [FieldPanel("question"), FieldPanel("category"), FieldPanel("count")]

    class Meta:
        ordering = ["quiz", "sort_order", "pk"]
        verbose_name = _("slot soal")
        verbose_name_plural = _("slot soal")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(question__isnull=False, category__isnull=True)
                    | models.Q(question__isnull=True, category__isnull=False)
                ),
                name="quiz_slot_question_or_category",
            )
        ]

    def __str__(self) -> str:
        if self.question_id:
            return str(self.question)
        return f"{self.count} × {self.category}"

    def clean(self) -> None:
        if bool(self.question_id) == bool(self.category_id):
            raise ValidationError(
                _("Pilih satu soal tetap atau satu kategori untuk soal acak.")
            )


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Sedang dikerjakan")
        NEEDS_REVIEW = "review", _("Menunggu penilaian esai")
        GRADED = "graded", _("Sudah dinilai")

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    # The frozen paper: [{"q": question id, "o": option order on screen}, ...].
    layout = models.JSONField(default=list)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    auto_submitted = models.BooleanField(default=False)
    graded_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(
        _("nilai"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(null=True)

    class Meta:
        ordering = ["quiz", "enrollment", "number"]
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "enrollment", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "enrollment"],
                condition=models.Q(status="in_progress"),
                name="attempt_one_open",
            ),
        ]
        indexes = [models.Index(fields=["enrollment", "quiz", "status"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.enrollment_id})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class Answer(models.Model):
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    response = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    fraction = models.FloatField(null=True, blank=True)
    # Essays: the instructor's score and feedback.
    grader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    grader_feedback = models.TextField(_("umpan balik penilai"), blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="answer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.question_id}"
