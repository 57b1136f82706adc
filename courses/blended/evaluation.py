"""The evaluation of the training (evaluasi penyelenggaraan): its items and scale.

A short survey per cohort: Likert items (1–5) on the material, on each narasumber
of the cohort and on the organisation, and two open comments. The items are the
same for every cohort (the report compares them across programmes); the
narasumber items are asked once per speaker of the cohort.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SCALE = (
    (1, _("Sangat kurang")),
    (2, _("Kurang")),
    (3, _("Cukup")),
    (4, _("Baik")),
    (5, _("Sangat baik")),
)


@dataclass(frozen=True)
class Item:
    key: str
    label: object  # a lazy translation


MATERIAL = (
    Item("material_relevant", _("Materi sesuai dengan kebutuhan koperasi saya")),
    Item("material_clear", _("Materi mudah dipahami")),
    Item("material_useful", _("Materi dapat saya terapkan di koperasi")),
)
SPEAKER = (
    Item("speaker_mastery", _("Penguasaan materi")),
    Item("speaker_delivery", _("Cara penyampaian")),
    Item("speaker_time", _("Ketepatan waktu")),
)
ORGANISATION = (
    Item("organisation_schedule", _("Jadwal dan alur kegiatan")),
    Item("organisation_venue", _("Tempat dan sarana")),
    Item("organisation_committee", _("Pelayanan panitia")),
    Item("organisation_online", _("Kemudahan belajar daring di Balai Daring")),
)

ITEM_KEYS = {item.key for item in (*MATERIAL, *SPEAKER, *ORGANISATION)}
SPEAKER_KEYS = {item.key for item in SPEAKER}
