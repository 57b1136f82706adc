"""The demo's blended cohort (`lms/data/demo/cohorts.yaml`, read by
`courses.demo.demo_data_read`): sessions past and upcoming, its participants, the
attendance of its past sessions. Idempotent: a cohort already there is left alone.
Written directly (demo data, like the demo people), then progress recomputed."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from lms.models import Regency, User

from ..models import (
    Attendance,
    Cohort,
    CoursePage,
    Enrollment,
    OfflineComponent,
    Session,
    Speaker,
)
from ..progress import enrollment_progress_update
from ..services import cohort_enroll


def _time(text: str) -> datetime.time:
    hour, minute = text.split(":")
    return datetime.time(int(hour), int(minute))


@transaction.atomic
def demo_cohorts_load(cohorts: list[dict[str, Any]]) -> list[Cohort]:
    today = timezone.localdate()
    loaded = []
    for spec in cohorts:
        course = CoursePage.objects.get(slug=spec["course"])
        existing = Cohort.objects.filter(course=course, name=spec["name"]).first()
        if existing is not None:
            loaded.append(existing)
            continue
        signatory = spec.get("signatory", {})
        regency = Regency.objects.filter(pk=spec.get("regency")).first()
        cohort = Cohort.objects.create(
            course=course,
            name=spec["name"],
            starts_on=today + datetime.timedelta(days=spec["starts_in_days"]),
            ends_on=today + datetime.timedelta(days=spec["ends_in_days"]),
            regency=regency,
            province=regency.province if regency else None,
            funding_source=spec.get("funding_source", ""),
            budget_year=spec.get("budget_year"),
            budget_line=spec.get("budget_line", ""),
            attendance_min_percent=spec.get("attendance_min_percent", 0),
            evaluation_required=spec.get("evaluation_required", False),
            certificates_at_close=spec.get("certificates_at_close", False),
            signatory_name=signatory.get("name", ""),
            signatory_title=signatory.get("title", ""),
            signatory_nip=signatory.get("nip", ""),
            report_place=signatory.get("place", ""),
        )
        instructors = User.objects.filter(role="instructor", balai_id=course.balai_id)
        cohort.instructors.set(instructors)
        people = list(User.objects.filter(email__in=spec.get("participants", [])))
        cohort_enroll(cohort=cohort, users=people)
        enrollments = {
            e.user.email: e
            for e in Enrollment.objects.filter(cohort=cohort).select_related("user")
        }
        for order, component in enumerate(spec.get("offline_components", [])):
            OfflineComponent.objects.create(
                cohort=cohort,
                name=component["name"],
                pass_mark=component.get("pass_mark"),
                sort_order=order,
            )
        for item in spec.get("sessions", []):
            zone = ZoneInfo(item["zone"])
            day = today + datetime.timedelta(days=item["day"])
            session = Session.objects.create(
                cohort=cohort,
                kind=item["kind"],
                title=item["title"],
                starts_at=datetime.datetime.combine(day, _time(item["start"]), zone),
                ends_at=datetime.datetime.combine(day, _time(item["end"]), zone),
                timezone=item["zone"],
                place=item.get("place", ""),
                meeting_url=item.get("meeting_url", ""),
                jp=item.get("jp", 2),
                required=item.get("required", False),
            )
            for person in item.get("speakers", []):
                speaker, _created = Speaker.objects.get_or_create(
                    cohort=cohort,
                    name=person["name"],
                    institution=person.get("institution", ""),
                )
                session.speakers.add(speaker)
            for email, status in (item.get("attendance") or {}).items():
                Attendance.objects.create(
                    session=session,
                    enrollment=enrollments[email],
                    status=status,
                    method=Attendance.Method.LIST,
                    marked_at=session.starts_at,
                )
        for enrollment in enrollments.values():
            enrollment_progress_update(enrollment=enrollment)
        loaded.append(cohort)
    return loaded
