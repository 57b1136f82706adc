"""The service worker script, the offline page and the "save for offline" button."""

import json
import re

import pytest

from django.templatetags.static import static

from courses.factories import EnrollmentFactory, course_tree
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_site_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    # Never kept stale: a new release reaches the phones on their next visit.
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert '"/offline/"' in script
    kept = ["css/site.css", "js/offline.js", "js/site.js", "js/lesson.js", "js/quiz.js"]
    kept.append("content/h5p-bridge.js")
    assert json.dumps([static(name) for name in kept]) in script
    assert "__VERSION__" not in script and "__PRECACHE__" not in script


def test_the_service_worker_takes_no_posts(client):
    assert client.post("/sw.js").status_code == 405


def test_the_offline_page_says_in_bahasa_indonesia_what_still_works(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anda sedang luring" in html
    assert "Simpan untuk dibaca luring" in html


def test_every_page_loads_the_offline_script(client):
    html = client.get("/akun/masuk/").content.decode()
    script = f'src="{static("js/offline.js")}" data-sw="/sw.js" defer>'
    assert re.search(r'<script nonce="[^"]+" ' + re.escape(script), html)


def test_an_enrolled_participant_gets_a_save_for_offline_button_listing_every_lesson(
    client,
):
    course = course_tree(modules=2, lessons=2)
    enrollment = EnrollmentFactory(course=course)
    client.force_login(enrollment.user)
    html = client.get(course.url).content.decode()
    assert "Simpan untuk dibaca luring" in html
    urls = html.split('data-urls="', 1)[1].split('"', 1)[0].split()
    assert urls[0] == course.url
    lessons = [
        lesson.url
        for lesson in course.get_descendants().type(_lesson_type()).order_by("path")
    ]
    assert urls[1:] == lessons and len(lessons) == 4


def test_no_save_for_offline_button_for_someone_not_enrolled(client):
    course = course_tree(modules=1, lessons=2)
    assert "Simpan untuk dibaca luring" not in client.get(course.url).content.decode()
    client.force_login(ParticipantFactory())
    assert "Simpan untuk dibaca luring" not in client.get(course.url).content.decode()


def _lesson_type():
    from courses.models import LessonPage

    return LessonPage
