"""Writes of the platform's own domain: regions, cooperatives, people.

Two rules of the domain live here, each in one function:

- how a participant is created and validated (`participant_build`), for
  self-registration and the Dinas import alike;
- how a cooperative is identified (`cooperatives_get_or_create`): by its legal
  number, else by its name within the district, never outside the scope of the
  officer who names it.

What changed is published through `lms.events` (the Dinas ledger listens); this
layer imports nothing above it.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import events, scoping
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
from .regions import codes

WILAYAH_DIR = Path(__file__).resolve().parent / "data" / "wilayah"
COOPERATIVE_NUMBER_TAKEN = gettext_lazy(
    "Nomor badan hukum sudah dipakai koperasi lain di luar wilayah Anda."
)


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
        return not province_code or codes.province_of(code) == province_code

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
                regency_id=codes.regency_of(r["code"]),
                province_id=codes.province_of(r["code"]),
                name=r["name"],
                kind=r["kind"],
            )
            for r in _rows(directory / "villages.csv")
            if wanted(r["code"])
        ),
        ["district", "regency", "province", "name", "kind"],
    )
    return counts


# ---------------------------------------------------------------- cooperatives


def cooperative_name_key(name: str) -> str:
    """A cooperative's name as compared: spaces collapsed, case ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class CooperativeWanted:
    """A cooperative as someone names it: in a village, maybe with a legal number."""

    name: str
    village_code: str
    legal_number: str = ""
    kind: str = CooperativeKind.KDKMP


def _chunks(items: Sequence, size: int = 900) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _cooperatives_insert(new: list[Cooperative]) -> list[Cooperative]:
    """Insert new cooperatives; one created meanwhile by someone else (same home
    village and name, or legal number) is taken instead. Returns the rows
    actually created."""
    try:
        with transaction.atomic():
            Cooperative.objects.bulk_create(new, batch_size=500)
        return new
    except IntegrityError:
        pass
    created = []
    for index, cooperative in enumerate(new):
        cooperative.pk = None  # a pk set by the rolled-back batch means nothing
        try:
            with transaction.atomic():
                cooperative.save(force_insert=True)
            created.append(cooperative)
        except IntegrityError:
            same = Q(home_village_id=cooperative.home_village_id, name=cooperative.name)
            if cooperative.legal_number:
                same |= Q(legal_number=cooperative.legal_number)
            new[index] = Cooperative.objects.get(same)
    return created


@transaction.atomic
def cooperatives_get_or_create(
    *, wanted: Sequence[CooperativeWanted], officer: User | None = None
) -> list[Cooperative | None]:
    """The one rule of cooperative identity, for one or many (in a few statements).

    A cooperative is its legal number when one is given and known; else its name
    (spaces and case ignored) within the district of the village it is named in:
    merged villages of one kecamatan that share a cooperative name it with their
    own village codes. A new cooperative is seated in the first village it is
    named with. Every village a cooperative is named with is one it serves.

    With `officer`, a legal number held by a cooperative the officer may not see
    (`lms.scoping.visible_cooperatives`) is never attached nor revealed: that
    entry's answer is None. Entries are answered in order.
    """
    keys = [
        (codes.district_of(w.village_code), cooperative_name_key(w.name))
        for w in wanted
    ]
    by_name: dict[tuple[str, str], Cooperative] = {}
    districts = sorted({district for district, _name in keys})
    for chunk in _chunks(districts):
        in_districts = Cooperative.objects.filter(home_village__district_id__in=chunk)
        for seated in in_districts.select_related("home_village").order_by("pk"):
            key = (
                seated.home_village.district_id,
                cooperative_name_key(seated.name),
            )
            by_name.setdefault(key, seated)
    numbers = sorted({w.legal_number for w in wanted if w.legal_number})
    by_number: dict[str, Cooperative] = {}
    for chunk in _chunks(numbers):
        for registered in Cooperative.objects.filter(legal_number__in=chunk):
            if registered.legal_number:
                by_number[registered.legal_number] = registered
    if officer is not None and by_number:
        visible = set(
            scoping.visible_cooperatives(officer)
            .filter(pk__in=[c.pk for c in by_number.values()])
            .values_list("pk", flat=True)
        )
        hidden = {n for n, c in by_number.items() if c.pk not in visible}
    else:
        hidden = set()

    new: list[Cooperative] = []
    chosen: list[Cooperative | None] = []
    for entry, key in zip(wanted, keys, strict=True):
        if entry.legal_number in hidden:
            chosen.append(None)
            continue
        numbered: Cooperative | None = (
            by_number.get(entry.legal_number) if entry.legal_number else None
        )
        cooperative = numbered or by_name.get(key)
        if cooperative is None:
            cooperative = Cooperative(
                name=" ".join(entry.name.split()),
                kind=entry.kind,
                home_village_id=entry.village_code,
                legal_number=entry.legal_number or None,
            )
            new.append(cooperative)
            by_name[key] = cooperative
            if entry.legal_number:
                by_number[entry.legal_number] = cooperative
        chosen.append(cooperative)
    placed = list(new)
    created = _cooperatives_insert(placed)
    replaced = {id(a): b for a, b in zip(new, placed, strict=True) if a is not b}
    chosen = [replaced.get(id(c), c) if c is not None else None for c in chosen]

    links = {
        (cooperative.pk, entry.village_code)
        for entry, cooperative in zip(wanted, chosen, strict=True)
        if cooperative is not None
    }
    links |= {(c.pk, c.home_village_id) for c in created}
    through = Cooperative.villages.through
    existing: set[tuple[int, str]] = set()
    for chunk in _chunks(sorted({c for c, _v in links})):
        existing.update(
            through.objects.filter(cooperative_id__in=chunk).values_list(
                "cooperative_id", "village_id"
            )
        )
    added = sorted(links - existing)
    through.objects.bulk_create(
        [through(cooperative_id=c, village_id=v) for c, v in added],
        batch_size=1000,
        ignore_conflicts=True,
    )
    if created:
        events.publish(
            events.CooperativesCreated(cooperative_ids=tuple(c.pk for c in created))
        )
    if added:
        events.publish(events.CooperativeVillagesAdded(links=tuple(added)))
    return chosen


def cooperative_get_or_create(
    *,
    name: str,
    village: Village,
    kind: str = CooperativeKind.KDKMP,
    legal_number: str | None = None,
    officer: User | None = None,
) -> Cooperative:
    """`cooperatives_get_or_create` for one cooperative (a batch of one)."""
    wanted = CooperativeWanted(
        name=name, village_code=village.code, legal_number=legal_number or "", kind=kind
    )
    (cooperative,) = cooperatives_get_or_create(wanted=[wanted], officer=officer)
    if cooperative is None:
        raise ValidationError(COOPERATIVE_NUMBER_TAKEN)
    return cooperative


# ---------------------------------------------------------------- participants


def _problem(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def participant_build(
    *,
    full_name: str,
    village_code: str,
    position: str,
    phone: str,
    email: str = "",
    cooperative_id: int | None = None,
    password: str | None = None,
) -> User:
    """A participant account as every path creates it, normalised and validated
    (self-registration and the Dinas import alike); not saved.

    Raises ValidationError with a message per field (`full_name`, `phone`,
    `email`, `position`, `village`, or any other the model refuses). A
    participant always has a mobile number; the email is optional. Whether the
    village and cooperative exist, and whether the phone or email is taken, are
    the caller's to check (one query for a whole file, not one per row):
    `participant_register` checks them for a single account.
    """
    errors: dict[str, list[ValidationError]] = {}
    full_name = " ".join((full_name or "").split())
    if not full_name:
        errors["full_name"] = [_problem(_("Nama wajib diisi."), "required")]
    normalized_phone = None
    try:
        # Participants are known by their mobile number (many have no email).
        normalized_phone = normalize_phone(phone)
    except ValidationError:
        errors["phone"] = [
            _problem(_("Bukan nomor HP Indonesia yang valid."), "invalid")
        ]
    email = (email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_problem(_("Format email salah."), "invalid")]
    if position not in Position.values:
        errors["position"] = [
            _problem(
                _("Jabatan tidak diizinkan; pilih salah satu: %(choices)s.")
                % {"choices": ", ".join(Position.values)},
                "invalid",
            )
        ]
    village_ok = codes.is_code(village_code) and (
        codes.level_of(village_code) == codes.VILLAGE
    )
    if not village_ok:
        errors["village"] = [_problem(_("Kode desa tidak valid."), "invalid")]
    user = User(
        full_name=full_name,
        email=email or None,
        phone=normalized_phone,
        role=Role.PARTICIPANT,
        position=position,
        village_id=village_code if village_ok else None,
        cooperative_id=cooperative_id,
        timezone=province_timezone(codes.province_of(village_code))
        if village_ok
        else User._meta.get_field("timezone").default,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    try:
        # The model's own rules (lengths, choices) on the fields not judged above;
        # no query: uniqueness and the related rows are the caller's.
        user.full_clean(
            exclude=["password", "village", "cooperative", *errors],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        for field, problems in exc.error_dict.items():
            errors.setdefault(field, []).extend(problems)
    if errors:
        raise ValidationError(errors)
    return user


@transaction.atomic
def participants_create(*, users: list[User]) -> list[User]:
    """Save participants built by `participant_build` (in bulk) and say so."""
    User.objects.bulk_create(users, batch_size=500)
    if users:
        events.publish(
            events.ParticipantsRegistered(user_ids=tuple(u.pk for u in users))
        )
    return users


@transaction.atomic
def participants_update(*, users: list[User], fields: Sequence[str]) -> None:
    """Save changed participants (in bulk); those placed in another village or
    cooperative are published as moved, so they take their figures along."""
    if not users:
        return
    before: dict[int, tuple[str | None, int | None]] = {}
    for chunk in _chunks([u.pk for u in users]):
        for pk, village_id, cooperative_id in User.objects.filter(
            pk__in=chunk
        ).values_list("pk", "village_id", "cooperative_id"):
            before[pk] = (village_id, cooperative_id)
    User.objects.bulk_update(users, list(fields), batch_size=500)
    moves = tuple(
        events.ParticipantMove(
            user_id=user.pk,
            old_village_id=before[user.pk][0],
            new_village_id=user.village_id,
            old_cooperative_id=before[user.pk][1],
            new_cooperative_id=user.cooperative_id,
        )
        for user in users
        if before[user.pk] != (user.village_id, user.cooperative_id)
    )
    if moves:
        events.publish(events.ParticipantsMoved(moves=moves))


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
    """Create one participant account (self-registration, or one at a time)."""
    user = participant_build(
        full_name=full_name,
        village_code=village.code,
        position=position,
        phone=phone,
        email=email,
        cooperative_id=cooperative.pk if cooperative else None,
        password=password,
    )
    user.validate_unique()
    (user,) = participants_create(users=[user])
    return user
