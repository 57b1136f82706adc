"""Lesson blocks render light: small lazy images, videos that load only on demand."""

import json

import pytest
import wagtail_factories

from courses.factories import course_tree
from courses.models import LessonPage
from courses.services import enrollment_create
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def _lesson_html(client, blocks) -> str:
    course = course_tree(lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.body = json.dumps(blocks)
    lesson.save()
    participant = ParticipantFactory()
    enrollment_create(user=participant, course=course)
    client.force_login(participant)
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def test_images_are_small_webp_renditions_loaded_lazily(client):
    image = wagtail_factories.ImageFactory(
        file__width=2000, file__height=1500, file__filename="neraca.png"
    )
    html = _lesson_html(
        client,
        [
            {
                "type": "image",
                "value": {"image": image.pk, "caption": "Neraca", "alt": "Neraca"},
            }
        ],
    )
    assert 'loading="lazy"' in html
    assert ".webp" in html
    assert 'width="720"' in html
    assert 'alt="Neraca"' in html


def test_youtube_is_a_click_to_load_link_not_an_iframe(client):
    html = _lesson_html(
        client,
        [
            {
                "type": "video",
                "value": {"title": "Cara mencatat kas", "youtube_id": "dQw4w9WgXcQ"},
            }
        ],
    )
    assert "<iframe" not in html
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in html
    assert "hemat kuota" in html


def test_uploaded_video_does_not_preload(client):
    document = wagtail_factories.DocumentFactory(title="video")
    html = _lesson_html(
        client,
        [{"type": "video", "value": {"title": "Rapat", "file": document.pk}}],
    )
    assert 'preload="none"' in html


def test_worked_example_table_scrolls_inside_its_box_amounts_kept_whole(client):
    html = _lesson_html(
        client,
        [
            {
                "type": "worked_example",
                "value": {
                    "title": "Jurnal",
                    "intro": "",
                    "table": {
                        "data": [
                            ["Akun", "Debit"],
                            ["Kas", "Rp 100.000"],
                            ["    Simpanan pokok", ""],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                    "explanation": "",
                },
            }
        ],
    )
    assert 'class="table-wrap ledger-wrap"' in html
    assert "<table" in html
    assert '<td class="num"><span class="amt">Rp\u00a0100.000</span></td>' in html
    assert '<th scope="col" class="num">Debit</th>' in html
    assert '<td class="indent-1">Simpanan pokok</td>' in html
    assert "first_row_is_table_header" not in html
