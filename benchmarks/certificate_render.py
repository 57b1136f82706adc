"""How many certificate PDFs one core draws per second.

    .venv/bin/python benchmarks/certificate_render.py [--count N] [--profile]

Renders N (default 1,000) distinct certificates (distinct names, some with
accented letters or a curly apostrophe, numbers and QR URLs) on one landscape layout with an A4-size JPEG background (2480x1754, made
here with Pillow), two logos and two signatories, in one process, and prints the
rate against the 200 certificates/s target. The first render (which decodes the
images and warms the caches) is not timed, as in a worker that has already
issued one certificate of the programme.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import pstats
import random
import sys
import time
from itertools import product
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from certificates.pdf import (  # noqa: E402
    CertificateData,
    CertificateLayout,
    Signatory,
    render_certificate,
)

TARGET = 200.0  # certificates per second on one core

FIRST_NAMES = [
    "Siti",
    "Muhammad",
    "Nur'aini",
    "Ahmad",
    "Rahmawati",
    "Hj. Fatimah",
    "I Gusti Ngurah",
    "Ni Luh Putu",
    "Yohanes",
    "Abdurrahman",
    "Dewi",
    "Zulkifli",
    "Raden Ayu",
    "H. Syamsul",
]
MIDDLE_NAMES = [
    "Nur",
    "Sri",
    "Wédarī",
    "Putri",
    "Eka",
    "Nur’aini",
    "Dwi",
    "Agung",
    "Rahmat",
    "Ayu",
    "Budi",
    "Fitri",
]
LAST_NAMES = [
    "Santoso",
    "Wijayakusuma",
    "Noor",
    "Hidayatullah",
    "Pratama",
    "Simanjuntak",
    "Ma'ruf",
    "Rahmadani",
    "Sitompul",
    "Kartikasari",
    "Mandala Putra",
    "Nasution, S.E.",
]
POSITIONS = ["Ketua", "Bendahara", "Sekretaris", "Pengurus", "Pengawas", "Manajer"]
VILLAGES = [
    "Sungai Tabuk Keramat",
    "Gambut Barat",
    "Martapura Kota",
    "Pasar Lama",
    "Tanjung Rema",
    "Kertak Hanyar I",
]
REGENCIES = ["Kabupaten Banjar", "Kota Banjarmasin", "Kabupaten Tanah Laut"]


def _background() -> bytes:
    image = Image.new("RGB", (2480, 1754), (250, 246, 235))
    draw = ImageDraw.Draw(image)
    for i in range(0, 60, 6):
        draw.rectangle(
            [40 + i, 40 + i, 2440 - i, 1714 - i], outline=(30 + 2 * i, 60, 100), width=4
        )
    for x in range(0, 2480, 40):
        draw.line([(x, 0), (x + 300, 1754)], fill=(238, 230, 212), width=2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _png(size: tuple[int, int], color: tuple[int, int, int, int]) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size[0] - 4, size[1] - 4], fill=color)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _layout() -> CertificateLayout:
    return CertificateLayout(
        orientation="landscape",
        issuer_name="Dinas Koperasi dan Usaha Mikro Provinsi Kalimantan Selatan",
        background_image=_background(),
        logos=(
            _png((200, 200), (200, 30, 30, 255)),
            _png((200, 200), (30, 90, 160, 255)),
        ),
        signatories=(
            Signatory(
                name="Dr. Ir. H. Muhammad Fadhil Noor, M.Si.",
                title="Kepala Dinas Koperasi dan Usaha Mikro Provinsi Kalimantan Selatan",
                nip="19700101 199003 1 005",
                signature_image=_png((400, 150), (20, 20, 120, 255)),
            ),
            Signatory(
                name="Rina Aprilia Ramadhani, S.Kom.",
                title="Kepala Balai Pelatihan Koperasi",
                nip="19850505 201001 2 003",
            ),
        ),
    )


def _certificates(count: int) -> list[CertificateData]:
    rng = random.Random(63)
    names = [
        " ".join(parts) for parts in product(FIRST_NAMES, MIDDLE_NAMES, LAST_NAMES)
    ]
    rng.shuffle(names)
    out = []
    for i in range(count):
        name = names[i % len(names)]
        if i >= len(names):
            name = f"{name} {i // len(names) + 1}"
        village = rng.choice(VILLAGES)
        out.append(
            CertificateData(
                number=f"63.03/KDKMP/2026/{i:06d}",
                holder_name=name,
                position=rng.choice(POSITIONS),
                cooperative=f"Koperasi Desa Merah Putih {village}",
                village=village,
                regency=rng.choice(REGENCIES),
                course_title="Akuntansi Koperasi berbasis SAK EP",
                jp=32,
                completed_on=datetime.date(2026, 11, 1) + datetime.timedelta(i % 30),
                verify_url=f"https://balaidaring.id/sertifikat/v/63-2026-{i:06d}-{rng.getrandbits(40):010x}",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="print a cProfile")
    args = parser.parse_args()

    layout = _layout()
    certificates = _certificates(args.count)
    render_certificate(layout, certificates[0])  # warm the image and font caches

    profiler = cProfile.Profile() if args.profile else None
    total_bytes = 0
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for data in certificates:
        total_bytes += len(render_certificate(layout, data))
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start

    rate = args.count / elapsed
    print(
        f"certificate render: {rate:.1f} certificates/s (target {TARGET:.0f}/s): "
        f"ratio {rate / TARGET:.2f}  [{args.count} PDFs in {elapsed:.2f} s, "
        f"{total_bytes / args.count / 1024:.0f} KiB each]"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
