"""Blended programmes: a cohort's in-person sessions, attendance, offline results,
the participants' evaluation of the training, their calendar and reminders.

- `services`: every write (schedule a session, mark attendance, check in by QR,
  record offline results, answer the evaluation, close the cohort's record,
  owe and deliver the day-before reminders);
- `selectors`: every read (who may do what on a cohort's page, its schedule,
  the attendance list and matrix, a participant's sessions, the evaluation's
  aggregated results);
- `checkin`: the signed, short-lived QR check-in token;
- `evaluation`: the items of the evaluation (evaluasi penyelenggaraan);
- `calendar`: a participant's sessions as an iCalendar file.

Completion by attendance is decided where every completion is:
`courses.progress.course_is_complete`. Issuing a closed cohort's certificates is
the layer above's (`certificates.services.cohorts.cohort_close`), and so is the
programme report (`lms.dinas.programme`).
"""
