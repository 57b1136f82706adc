"""What a certificate says and how its template looks: the renderer's input."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

DEFAULT_BODY = (
    "Diberikan kepada {nama}, {jabatan} {koperasi}, Desa {desa}, {kabupaten}, "
    "yang telah menyelesaikan pelatihan {kursus} selama {jp} JP "
    "pada tanggal {tanggal}."
)


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    nip: str
    signature_image: bytes | None = None  # PNG or JPEG bytes


@dataclass(frozen=True)
class CertificateLayout:
    orientation: str = "landscape"  # "landscape" | "portrait", A4
    title: str = "SERTIFIKAT"
    body: str = DEFAULT_BODY
    issuer_name: str = ""  # a Balai or a Dinas
    background_image: bytes | None = None  # drawn over the whole page
    logos: tuple[bytes, ...] = ()
    signatories: tuple[Signatory, ...] = ()  # one or two


@dataclass(frozen=True)
class CertificateData:
    number: str
    holder_name: str
    position: str
    cooperative: str
    village: str
    regency: str
    course_title: str
    jp: int
    completed_on: datetime.date
    verify_url: str
