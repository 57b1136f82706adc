"""Assessments: quizzes placed in lessons. (Question banks, attempts and grading are
built on this by the assessments feature.)"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Quiz(models.Model):
    class Purpose(models.TextChoices):
        PRETEST = "pretest", _("Pre-test")
        POSTTEST = "posttest", _("Post-test")
        MODULE = "module", _("Kuis modul")
        PRACTICE = "practice", _("Latihan")

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

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")

    def __str__(self) -> str:
        return self.title

    def is_done(self, *, enrollment) -> bool:
        """Whether this quiz counts as done for the enrolment (see courses.progress)."""
        raise NotImplementedError("assessments: attempts are not built yet")
