"""Which score counts: the one rule, for quizzes and H5P activities alike.

A course's `score_policy` says whether a participant's best scored attempt counts or
their last one. Each kind of activity knows its own best and last (a quiz from its
graded attempts, an H5P activity from the result it keeps); this module decides
between them. It sits in the lowest layer of the learning domain, so that
`assessments` and `content` both call it.
"""

from __future__ import annotations

from typing import TypeVar

from .models import CoursePage

S = TypeVar("S")


def score_that_counts(*, policy: str, best: S, last: S) -> S:
    """The best attempt's score, or the last attempt's when the course says "last".

    `best` and `last` may be any value describing a score (a number, or a tuple of
    the scaled, raw and maximum scores); the one that counts is returned as given.
    """
    return last if policy == CoursePage.ScorePolicy.LAST else best
