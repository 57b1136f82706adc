"""Factories for the content app: H5P activities, with or without a package."""

import json
from pathlib import Path

import factory

from lms.factories import BalaiFactory

from .models import H5PActivity
from .services import activity_package_install


class H5PActivityFactory(factory.django.DjangoModelFactory):
    """An activity without a package (status "Belum ada paket"), of a Balai (a
    new one unless given: pass the course's `balai` for its instructors to see it)."""

    class Meta:
        model = H5PActivity

    title = factory.Sequence(lambda n: f"Aktivitas H5P {n}")
    balai = factory.SubFactory(BalaiFactory)
    pass_score = 60


def activity_with_package(path: Path | str, **fields) -> H5PActivity:
    """An activity whose package (a .h5p file) is installed through the service."""
    activity = H5PActivityFactory(**fields)
    with open(path, "rb") as package:
        return activity_package_install(activity=activity, package=package)


def h5p_block_body(*activities: H5PActivity, text: str = "Isi pelajaran.") -> str:
    """A lesson body (StreamField raw JSON): a text block, then one H5P block each."""
    blocks = [{"type": "text", "value": f"<p>{text}</p>"}]
    blocks += [{"type": "h5p", "value": {"activity": a.pk}} for a in activities]
    return json.dumps(blocks)
