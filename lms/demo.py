"""Demo accounts and places for the embedded default; loading is idempotent."""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import Balai, Position, Province, Regency, Role, User, Village
from .services import cooperative_get_or_create

DEMO_PASSWORD = "demo-balai-2026"  # noqa: S105  (demo data only, printed at start)
DEMO_VILLAGE = (
    "63.03.01.2001"  # Bakambat, Kec. Aluh Aluh, Kab. Banjar, Kalimantan Selatan
)
OTHER_VILLAGE = "63.01.01.2001"  # Benua Lawas, Kab. Tanah Laut
INSTRUCTORS_GROUP = "Instruktur"


def _user(email: str, **fields) -> User:
    user = User.objects.filter(email=email).first() or User(email=email)
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def demo_people_load() -> list[tuple[str, str, str]]:
    """Create the demo people; returns (role, login, password) rows to print."""
    kalsel = Province.objects.get(pk="63")
    banjar = Regency.objects.get(pk="63.03")
    village = Village.objects.get(pk=DEMO_VILLAGE)
    balai, _ = Balai.objects.get_or_create(
        code="bplk-kalsel",
        defaults={
            "name": "Balai Pelatihan Koperasi Kalimantan Selatan",
            "province": kalsel,
        },
    )
    cooperative = cooperative_get_or_create(
        name=f"Koperasi Desa Merah Putih {village.name}", village=village
    )
    other_village = Village.objects.get(pk=OTHER_VILLAGE)
    other_cooperative = cooperative_get_or_create(
        name=f"Koperasi Desa Merah Putih {other_village.name}", village=other_village
    )
    admin = _user(
        "admin@balaidaring.test",
        full_name="Admin Balai Daring",
        role=Role.ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    instructor = _user(
        "instruktur@balaidaring.test",
        full_name="Rahmat Hidayat, S.E.",
        role=Role.INSTRUCTOR,
        balai=balai,
        is_staff=True,
        timezone=kalsel.timezone,
    )
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    instructor.groups.add(instructors)
    _user(
        "dinas.kalsel@balaidaring.test",
        full_name="Siti Aminah",
        role=Role.DINAS,
        scope_province=kalsel,
        timezone=kalsel.timezone,
    )
    _user(
        "dinas.banjar@balaidaring.test",
        full_name="Bambang Setiawan",
        role=Role.DINAS,
        scope_regency=banjar,
        timezone=kalsel.timezone,
    )
    assistant = _user(
        "pendamping@balaidaring.test",
        full_name="Nur Aisyah",
        role=Role.ASSISTANT,
        timezone=kalsel.timezone,
    )
    assistant.assigned_villages.set(Village.objects.filter(district_id="63.03.01"))
    _user(
        "bendahara@balaidaring.test",
        full_name="Fitriani Rahmawati",
        phone="+6281200000001",
        role=Role.PARTICIPANT,
        position=Position.BENDAHARA,
        cooperative=cooperative,
        village=village,
        timezone=kalsel.timezone,
    )
    _user(
        "ketua@balaidaring.test",
        full_name="H. Abdul Gani",
        phone="+6281200000002",
        role=Role.PARTICIPANT,
        position=Position.KETUA,
        cooperative=cooperative,
        village=village,
        timezone=kalsel.timezone,
    )
    _user(
        "ketua.tanahlaut@balaidaring.test",
        full_name="Maimunah",
        phone="+6281200000003",
        role=Role.PARTICIPANT,
        position=Position.KETUA,
        cooperative=other_cooperative,
        village=other_village,
        timezone=kalsel.timezone,
    )
    del admin
    return [
        ("Administrator", "admin@balaidaring.test", DEMO_PASSWORD),
        ("Instruktur (Balai Kalsel)", "instruktur@balaidaring.test", DEMO_PASSWORD),
        ("Dinas Provinsi Kalsel", "dinas.kalsel@balaidaring.test", DEMO_PASSWORD),
        ("Dinas Kab. Banjar", "dinas.banjar@balaidaring.test", DEMO_PASSWORD),
        ("Pendamping (BA)", "pendamping@balaidaring.test", DEMO_PASSWORD),
        (
            "Peserta (bendahara)",
            "0812-0000-0001 / bendahara@balaidaring.test",
            DEMO_PASSWORD,
        ),
        ("Peserta (ketua)", "ketua@balaidaring.test", DEMO_PASSWORD),
    ]
