"""Counters per village × course, moved in the same transaction as the progress.

The Dinas dashboards read this small table, never millions of progress rows;
`manage.py counters_reconcile` recomputes it from scratch to prove it agrees.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VillageCourseCounter(models.Model):
    village = models.ForeignKey(
        "lms.Village", on_delete=models.CASCADE, related_name="course_counters"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="village_counters"
    )
    # Denormalised from the village so a regency or province sums with one index.
    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    enrolled = models.PositiveIntegerField(_("terdaftar"), default=0)
    started = models.PositiveIntegerField(_("mulai belajar"), default=0)
    completed = models.PositiveIntegerField(_("selesai"), default=0)
    certified = models.PositiveIntegerField(_("bersertifikat"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "course"], name="village_course_counter_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "course"]),
            models.Index(fields=["regency", "course"]),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} × {self.course_id}"
