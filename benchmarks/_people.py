"""Synthetic Kalsel participants for the benchmarks that build a cohort
(`programme_report.py`, `certificate_batch.py`): one cooperative per village, names,
phones and positions that vary, one unusable password for all. Called after
django.setup(), so the models are imported inside."""

from __future__ import annotations


def participants_bulk_create(count: int, villages: list) -> list:
    from django.contrib.auth.hashers import make_password

    from lms.models import Cooperative, Position, Role, User

    cooperatives = Cooperative.objects.bulk_create(
        Cooperative(name=f"Koperasi Desa Merah Putih {v.name.title()}", home_village=v)
        for v in villages
    )
    positions = [Position.KETUA, Position.BENDAHARA, Position.PENGURUS]
    first = ["Siti", "Muhammad", "Nur'aini", "Ahmad", "Rahmawati", "Hj. Fatimah"]
    last = ["Noor", "Hidayatullah", "Pratama", "Santoso", "Wijayakusuma", "Rahman"]
    password = make_password(None)
    return User.objects.bulk_create(
        User(
            full_name=f"{first[n % len(first)]} {last[(n // 7) % len(last)]} {n}",
            phone=f"+62899{n:08d}",
            role=Role.PARTICIPANT,
            position=positions[n % 3],
            village=villages[(n // 3) % len(villages)],
            cooperative=cooperatives[(n // 3) % len(cooperatives)],
            password=password,
        )
        for n in range(count)
    )
