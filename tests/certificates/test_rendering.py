"""The certificate PDF: what a holder, a verifier and a printer get.

These tests need no database. Text is read back with poppler's ``pdftotext``; the
QR code is checked against segno's own encoding and, where ``zbarimg`` is
installed, decoded from the rendered page.
"""

import datetime
import io
import random
import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageDraw
from reportlab import rl_config

from certificates.pdf import (
    CertificateData,
    CertificateLayout,
    Signatory,
    fill_placeholders,
    format_date_id,
    images,
    qr_runs,
    render_certificate,
)

A4_LONG, A4_SHORT = 841.89, 595.28
PDFTOTEXT = "/usr/bin/pdftotext"  # poppler-utils
PDFTOPPM = "/usr/bin/pdftoppm"
ZBARIMG = shutil.which("zbarimg")  # zbar-tools, optional


def _jpeg(size=(620, 438), colour=(250, 246, 235)) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle([10, 10, size[0] - 10, size[1] - 10], outline=0)
    out = io.BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


def _png(size=(120, 120), colour=(200, 30, 30, 255)) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([2, 2, size[0] - 2, size[1] - 2], fill=colour)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


SIGNATORY = Signatory(
    name="Dr. Ir. H. Muhammad Fadhil Noor, M.Si.",
    title="Kepala Dinas Koperasi dan Usaha Mikro Provinsi Kalimantan Selatan",
    nip="19700101 199003 1 005",
    signature_image=_png((300, 100), (20, 20, 120, 255)),
)
SECOND_SIGNATORY = Signatory(
    name="Rina Aprilia Ramadhani, S.Kom.",
    title="Kepala Balai Pelatihan Koperasi",
    nip="19850505 201001 2 003",
)


def _layout(**changes) -> CertificateLayout:
    values = {
        "issuer_name": "Dinas Koperasi dan Usaha Mikro Provinsi Kalimantan Selatan",
        "background_image": _jpeg(),
        "logos": (_png(), _png(colour=(30, 90, 160, 255))),
        "signatories": (SIGNATORY, SECOND_SIGNATORY),
    }
    values.update(changes)
    return CertificateLayout(**values)


def _data(**changes) -> CertificateData:
    values = {
        "number": "63.03/KDKMP/2026/000123",
        "holder_name": "Hj. Siti Nur'aini Rahmawati",
        "position": "Bendahara",
        "cooperative": "Koperasi Desa Merah Putih Sungai Tabuk Keramat",
        "village": "Sungai Tabuk Keramat",
        "regency": "Kabupaten Banjar",
        "course_title": "Akuntansi Koperasi berbasis SAK EP",
        "jp": 32,
        "completed_on": datetime.date(2026, 11, 21),
        "verify_url": "https://balaidaring.id/sertifikat/v/63-2026-000123-K7QX2M",
    }
    values.update(changes)
    return CertificateData(**values)


def _text(pdf: bytes, tmp_path: Path) -> str:
    """The page's text, with runs of whitespace made single spaces."""
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(  # noqa: S603  a fixed tool on our own file
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    return " ".join(out.split())


def _word_boxes(pdf: bytes, tmp_path: Path) -> tuple[float, float, list[tuple]]:
    """The page size and every word with its box, from ``pdftotext -bbox``."""
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(  # noqa: S603  a fixed tool on our own file
        [PDFTOTEXT, "-bbox", str(path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    words = [
        (float(a), float(b), float(c), float(d), word)
        for a, b, c, d, word in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
            r'yMax="([\d.-]+)">([^<]*)</word>',
            html,
        )
    ]
    return float(page[1]), float(page[2]), words


@pytest.mark.parametrize(
    ("orientation", "width", "height"),
    [("landscape", A4_LONG, A4_SHORT), ("portrait", A4_SHORT, A4_LONG)],
)
def test_the_certificate_is_one_a4_page_in_the_chosen_orientation(
    orientation, width, height, tmp_path
):
    pdf = render_certificate(_layout(orientation=orientation), _data())

    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type /Page\b(?!s)", pdf)) == 1
    page_width, page_height, _words = _word_boxes(pdf, tmp_path)
    assert page_width == pytest.approx(width, abs=0.1)
    assert page_height == pytest.approx(height, abs=0.1)


def test_an_unknown_orientation_is_refused():
    with pytest.raises(ValueError, match="orientation"):
        render_certificate(_layout(orientation="square"), _data())


def test_the_fonts_are_embedded_truetype_and_no_base_font_is_used():
    pdf = render_certificate(_layout(), _data())

    assert b"/FontFile2" in pdf
    assert b"DejaVuSans" in pdf
    assert b"DejaVuSerif-Bold" in pdf
    assert b"/Helvetica" not in pdf  # reportlab's default font, never embedded


def test_the_page_says_who_earned_what_when_and_the_number(tmp_path):
    text = _text(render_certificate(_layout(), _data()), tmp_path)

    assert "SERTIFIKAT" in text
    assert "Nomor: 63.03/KDKMP/2026/000123" in text
    assert "Diberikan kepada Hj. Siti Nur'aini Rahmawati" in text
    assert (
        "Bendahara Koperasi Desa Merah Putih Sungai Tabuk Keramat, Desa Sungai "
        "Tabuk Keramat, Kabupaten Banjar, yang telah menyelesaikan pelatihan "
        "Akuntansi Koperasi berbasis SAK EP selama 32 JP pada tanggal "
        "21 November 2026."
    ) in text
    assert "DINAS KOPERASI DAN USAHA MIKRO PROVINSI KALIMANTAN SELATAN" in text


def test_signatories_show_title_name_and_nip(tmp_path):
    text = _text(render_certificate(_layout(), _data()), tmp_path)

    for signatory in (SIGNATORY, SECOND_SIGNATORY):
        assert signatory.name in text
        assert f"NIP. {signatory.nip}" in text
    assert "Kepala Balai Pelatihan Koperasi" in text


def test_one_signatory_is_enough(tmp_path):
    pdf = render_certificate(_layout(signatories=(SECOND_SIGNATORY,)), _data())

    text = _text(pdf, tmp_path)
    assert SECOND_SIGNATORY.name in text
    assert SIGNATORY.name not in text


def test_a_layout_without_images_or_signatories_still_renders(tmp_path):
    layout = CertificateLayout(orientation="portrait")

    pdf = render_certificate(layout, _data())

    assert "Hj. Siti Nur'aini Rahmawati" in _text(pdf, tmp_path)
    assert b"/Subtype /Image" not in pdf


def test_indonesian_names_with_diacritics_and_apostrophes_survive(tmp_path):
    # rendered one after the other, so that the fonts' cached subsets are reused
    names = [
        "Ni Luh Putu Wédarī Nur’aini",
        "Muhammad Ma'ruf Ḥasan",
        "André Siñaga",
        "Ni Luh Putu Wédarī Nur’aini",
    ]
    for name in names:
        text = _text(render_certificate(_layout(), _data(holder_name=name)), tmp_path)
        assert f"Diberikan kepada {name}" in text


def test_a_very_long_name_is_shrunk_to_stay_on_the_page(tmp_path):
    name = (
        "Raden Ayu Ni Luh Putu Sri Wédarī Kusumawardhani Prameswari Anak Agung "
        "Gede Ngurah Hajjah Siti Nurhaliza Binti Abdurrahman Wahid Hasyim "
        "Simanjuntak Nasution Sitompul"
    )
    for orientation in ("landscape", "portrait"):
        pdf = render_certificate(
            _layout(orientation=orientation), _data(holder_name=name)
        )

        width, height, words = _word_boxes(pdf, tmp_path)
        assert words
        for x_min, y_min, x_max, y_max, _word in words:
            assert x_min >= 0 and x_max <= width
            assert y_min >= 0 and y_max <= height
        text = " ".join(word for *_box, word in words)
        assert name in text


def test_a_long_body_is_kept_above_the_signatures(tmp_path):
    body = "Diberikan kepada {nama}, " + "yang telah belajar dengan tekun " * 60
    pdf = render_certificate(_layout(body=body), _data())

    _width, _height, words = _word_boxes(pdf, tmp_path)
    body_bottom = max(y_max for *_b, y_max, word in words if word == "tekun")
    title_top = min(y_min for _a, y_min, *_b, word in words if word == "Kepala")
    assert body_bottom < title_top


def test_the_background_jpeg_is_embedded_as_it_is_and_png_keep_transparency():
    background = _jpeg()
    pdf = render_certificate(_layout(background_image=background), _data())

    assert background in pdf  # passed through, not decoded and re-encoded
    assert b"/DCTDecode" in pdf
    assert b"/SMask" in pdf


def test_images_of_a_layout_are_decoded_once_for_many_certificates():
    layout = _layout(background_image=_jpeg(colour=(1, 2, 3)))
    render_certificate(layout, _data())
    before = images.image_xobject.cache_info()

    for i in range(5):
        render_certificate(layout, _data(number=f"63/{i}"))

    after = images.image_xobject.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits


def test_in_reportlabs_invariant_mode_a_certificate_renders_to_the_same_bytes(
    monkeypatch,
):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no timestamps, a fixed ID
    layout = _layout()

    first = render_certificate(layout, _data())

    assert render_certificate(layout, _data()) == first
    assert render_certificate(layout, _data(number="63/2")) != first


def _matrix_from_runs(url: str) -> tuple[bytearray, ...]:
    size, runs = qr_runs(url)
    matrix = tuple(bytearray(size) for _ in range(size))
    for row, column, length in runs:
        matrix[row][column : column + length] = b"\x01" * length
    return matrix


def test_the_qr_code_is_segnos_encoding_of_the_verification_url():
    url = _data().verify_url

    assert _matrix_from_runs(url) == segno.make(url, error="m", micro=False).matrix


def test_the_qr_code_picks_segnos_mask_for_urls_of_every_length():
    # a seeded sample of lengths up to QR version 14, so every one of the eight
    # masks is chosen (and versions with version information blocks, 7 and up)
    rng = random.Random(6303)
    alphabet = string.ascii_letters + string.digits + "-_/"
    chosen = set()
    for length in range(1, 400, 3):
        path = "".join(rng.choice(alphabet) for _ in range(length))
        url = f"https://balaidaring.id/v/{path}"
        expected = segno.make(url, error="m", micro=False)
        assert _matrix_from_runs(url) == expected.matrix, (length, expected.mask)
        chosen.add(expected.mask)
    assert chosen == set(range(8))


def test_the_qr_code_is_drawn_as_one_filled_path_of_rectangles():
    url = _data().verify_url
    pdf = render_certificate(_layout(), _data())

    _size, runs = qr_runs(url)
    rectangles = re.findall(rb"^\d+ \d+ \d+ 1 re$", pdf, flags=re.MULTILINE)
    assert len(rectangles) == len(runs)


def test_the_qr_code_on_the_page_scans_to_the_verification_url(tmp_path):
    assert ZBARIMG, (
        "zbarimg (Debian's zbar-tools) is needed; `manage.py test` installs it"
    )
    data = _data(verify_url="https://balaidaring.id/sertifikat/v/63-2026-9-ABCDEF")
    (tmp_path / "c.pdf").write_bytes(render_certificate(_layout(), data))
    subprocess.run(  # noqa: S603  a fixed tool on our own file
        [PDFTOPPM, "-png", "-r", "100", str(tmp_path / "c.pdf"), str(tmp_path / "c")],
        check=True,
    )
    png = next(tmp_path.glob("c*.png"))

    out = subprocess.run(  # noqa: S603  a fixed tool on our own file
        [ZBARIMG, "-q", "--raw", str(png)], capture_output=True, check=True
    )

    assert out.stdout.decode().strip() == data.verify_url


def test_placeholders_are_filled_with_the_certificate_data():
    body = (
        "{nama}|{jabatan}|{koperasi}|{desa}|{kabupaten}|{kursus}|{jp}|{tanggal}|{nomor}"
    )

    assert fill_placeholders(body, _data()) == (
        "Hj. Siti Nur'aini Rahmawati|Bendahara|"
        "Koperasi Desa Merah Putih Sungai Tabuk Keramat|Sungai Tabuk Keramat|"
        "Kabupaten Banjar|Akuntansi Koperasi berbasis SAK EP|32|21 November 2026|"
        "63.03/KDKMP/2026/000123"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{tidak_dikenal}",
        "{nama.__class__}",
        "{nama.__class__.__init__.__globals__}",
        "{0}",
        "{}",
        "{nama!r}",
        "{nama:>30}",
        "{NAMA}",
        "{ nama }",
    ],
)
def test_anything_but_a_known_placeholder_is_left_as_written(body):
    assert fill_placeholders(f"Kepada {body}.", _data()) == f"Kepada {body}."


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again():
    data = _data(holder_name="{nomor}")

    assert (
        fill_placeholders("{nama} {nomor}", data) == "{nomor} 63.03/KDKMP/2026/000123"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 11, 21), "21 November 2026"),
        (datetime.date(2026, 1, 5), "5 Januari 2026"),
        (datetime.date(2025, 2, 28), "28 Februari 2025"),
        (datetime.date(2026, 3, 1), "1 Maret 2026"),
        (datetime.date(2026, 5, 2), "2 Mei 2026"),
        (datetime.date(2026, 8, 17), "17 Agustus 2026"),
        (datetime.date(2026, 12, 31), "31 Desember 2026"),
    ],
)
def test_dates_are_written_in_indonesian(day, expected):
    assert format_date_id(day) == expected
