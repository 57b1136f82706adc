"""Writes of the platform's own domain: regions, cooperatives, people."""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import (
    Cooperative,
    CooperativeKind,
    District,
    Position,
    Province,
    Regency,
    Role,
    User,
    Village,
)
from .models.regions import province_timezone
from .phones import normalize_phone

WILAYAH_DIR = Path(__file__).resolve().parent / "data" / "wilayah"


@dataclass
class WilayahCounts:
    provinces: int = 0
    regencies: int = 0
    districts: int = 0
    villages: int = 0


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _upsert(model, objs: Iterable, fields: list[str], batch_size: int = 2000) -> int:
    objs = list(objs)
    model.objects.bulk_create(
        objs,
        batch_size=batch_size,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=fields,
    )
    return len(objs)


@transaction.atomic
def wilayah_load(
    *, directory: Path = WILAYAH_DIR, province_code: str = ""
) -> WilayahCounts:
    """Load or update the region hierarchy from the Kemendagri CSVs; idempotent.

    With `province_code`, only that province and what lies in it are loaded.
    """

    def wanted(code: str) -> bool:
        return not province_code or code.split(".")[0] == province_code

    counts = WilayahCounts()
    counts.provinces = _upsert(
        Province,
        (
            Province(
                code=r["code"], name=r["name"], timezone=province_timezone(r["code"])
            )
            for r in _rows(directory / "provinces.csv")
            if wanted(r["code"])
        ),
        ["name", "timezone"],
    )
    counts.regencies = _upsert(
        Regency,
        (
            Regency(
                code=r["code"],
                province_id=r["province_code"],
                name=r["name"],
                kind=r["kind"],
            )
            for r in _rows(directory / "regencies.csv")
            if wanted(r["code"])
        ),
        ["province", "name", "kind"],
    )
    counts.districts = _upsert(
        District,
        (
            District(code=r["code"], regency_id=r["regency_code"], name=r["name"])
            for r in _rows(directory / "districts.csv")
            if wanted(r["code"])
        ),
        ["regency", "name"],
    )
    counts.villages = _upsert(
        Village,
        (
            Village(
                code=r["code"],
                district_id=r["district_code"],
                regency_id=r["code"][:5],
                province_id=r["code"][:2],
                name=r["name"],
                kind=r["kind"],
            )
            for r in _rows(directory / "villages.csv")
            if wanted(r["code"])
        ),
        ["district", "regency", "province", "name", "kind"],
    )
    return counts


@transaction.atomic
def cooperative_get_or_create(
    *,
    name: str,
    village: Village,
    kind: str = CooperativeKind.KDKMP,
    legal_number: str | None = None,
) -> Cooperative:
    """The cooperative of that name in that village, created if new."""
    from lms.dinas import counters

    if legal_number:
        existing = Cooperative.objects.filter(legal_number=legal_number).first()
        if existing:
            if not existing.villages.filter(pk=village.pk).exists():
                existing.villages.add(village)
                counters.counters_cooperative_villages_added(
                    links={(existing.pk, village.pk)}
                )
            return existing
    cooperative, created = Cooperative.objects.get_or_create(
        home_village=village,
        name=name.strip(),
        defaults={"kind": kind, "legal_number": legal_number or None},
    )
    if created:
        cooperative.villages.add(village)
        counters.counters_cooperative_created(cooperative=cooperative)
    return cooperative


@transaction.atomic
def participant_register(
    *,
    full_name: str,
    password: str | None,
    village: Village,
    position: str,
    phone: str = "",
    email: str = "",
    cooperative: Cooperative | None = None,
) -> User:
    """Create a participant account (self-registration or a Dinas import)."""
    if position not in Position.values:
        raise ValueError(f"unknown position {position!r}")
    user = User(
        full_name=full_name.strip(),
        email=(email or "").strip().lower() or None,
        phone=normalize_phone(phone) if phone else None,
        role=Role.PARTICIPANT,
        position=position,
        village=village,
        cooperative=cooperative,
        timezone=province_timezone(village.province_id),
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    from lms.dinas.counters import counters_participant_registered

    counters_participant_registered(user=user)
    return user
