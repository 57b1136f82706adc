"""The demo's H5P activities, built from a content type of our own.

`content/demo_types/Balai.PilihanGanda-1.1/` holds the library (library.json,
semantics.json, the script and the style). For each demo course, `demo_h5p_load`
packs it with an h5p.json and a content/content.json of questions about one lesson
of module 2 into a .h5p file in memory, installs it through the service the admin
upload uses (`activity_package_submit`), appends an `h5p` block to that lesson,
publishes a revision and syncs the lesson's LessonActivity rows.

Idempotent: a lesson that already holds an H5P activity is left alone (so an
instructor's changes survive a restart), and an activity of the same title that is
already installed is placed again rather than installed twice.
"""

import io
import json
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from courses.models import CoursePage, LessonActivity, LessonPage, ModulePage
from courses.services import lesson_activities_sync

from .h5p import LibraryRef
from .models import H5PActivity
from .services import activity_package_submit

DEMO_TYPES = Path(__file__).resolve().parent / "demo_types"
LIBRARY = LibraryRef("Balai.PilihanGanda", 1, 1)
PASS_SCORE = 60
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    correct: int
    feedback: str = ""


@dataclass(frozen=True)
class DemoActivity:
    """One activity: which lesson it ends (course slug, module number, lesson
    title) and what it asks."""

    course_slug: str
    module: int
    lesson_title: str
    title: str
    intro: str
    questions: tuple[Question, ...]


DEMO_ACTIVITIES: tuple[DemoActivity, ...] = (
    DemoActivity(
        course_slug="manajemen-kelembagaan-koperasi",
        module=2,
        lesson_title="Tugas dan wewenang pengawas",
        title="Latihan: tugas dan wewenang pengawas",
        intro="Empat soal singkat tentang kedudukan, wewenang, dan cara kerja "
        "pengawas. Ketuk jawaban yang Anda pilih.",
        questions=(
            Question(
                "Kepada siapa pengawas koperasi bertanggung jawab?",
                (
                    "Kepada ketua pengurus",
                    "Kepada Rapat Anggota",
                    "Kepada manajer koperasi",
                    "Kepada Dinas Koperasi",
                ),
                1,
                "Pengawas dipilih dari dan oleh anggota dalam Rapat Anggota dan "
                "bertanggung jawab kepada Rapat Anggota, bukan kepada pengurus.",
            ),
            Question(
                "Manakah yang termasuk wewenang pengawas?",
                (
                    "Menandatangani pengeluaran kas",
                    "Menyetujui pencairan pinjaman anggota",
                    "Meneliti buku kas, buku bank, kartu pinjaman, dan notulen "
                    "rapat pengurus",
                    "Menjalankan usaha gerai koperasi",
                ),
                2,
                "Pengawas meneliti catatan dan meminta keterangan, tetapi tidak "
                "ikut menjalankan usaha dan tidak menandatangani pengeluaran.",
            ),
            Question(
                "Pada pemeriksaan kas mendadak, saldo buku kas Rp 7.450.000, uang "
                "tunai Rp 6.950.000, dan ada bon sementara karyawan Rp 500.000 yang "
                "belum dicatat. Apa kesimpulan yang tepat?",
                (
                    "Ada uang kas hilang Rp 500.000",
                    "Tidak ada selisih, tetapi bon sementara dicatat sebagai temuan "
                    "dan harus segera dipertanggungjawabkan",
                    "Tidak ada selisih, jadi tidak ada yang perlu dicatat",
                    "Saldo buku kas diturunkan menjadi Rp 6.950.000",
                ),
                1,
                "Rp 6.950.000 + Rp 500.000 = Rp 7.450.000, jadi tidak ada selisih. "
                "Namun uang keluar tanpa pencatatan membuka peluang penyalahgunaan.",
            ),
            Question(
                "Mengapa pengawas tidak boleh merangkap sebagai pengurus?",
                (
                    "Karena honor pengawas lebih kecil",
                    "Karena ia kehilangan jarak untuk menilai transaksi yang ikut "
                    "ia setujui",
                    "Karena pengawas hanya bekerja saat RAT",
                    "Karena pengawas tidak boleh menjadi anggota koperasi",
                ),
                1,
                "Pengawas mengawasi pengurus atas nama seluruh anggota; menilai "
                "keputusan sendiri tidak bisa objektif.",
            ),
        ),
    ),
    DemoActivity(
        course_slug="akuntansi-koperasi-sak-ep",
        module=2,
        lesson_title="Laporan posisi keuangan dan simpanan anggota",
        title="Latihan: laporan posisi keuangan dan simpanan",
        intro="Empat soal tentang menyajikan simpanan anggota dan membaca laporan "
        "posisi keuangan. Ketuk jawaban yang Anda pilih.",
        questions=(
            Question(
                "Di laporan posisi keuangan, simpanan sukarela anggota disajikan "
                "sebagai apa?",
                ("Ekuitas", "Liabilitas", "Pendapatan", "Aset"),
                1,
                "Simpanan sukarela selalu liabilitas: koperasi wajib "
                "mengembalikannya sesuai ketentuan produknya.",
            ),
            Question(
                "Menurut SAK EP, kapan simpanan pokok dan simpanan wajib diakui "
                "sebagai ekuitas?",
                (
                    "Selalu, apa pun isi AD/ART",
                    "Jika koperasi berhak tanpa syarat menolak pengembaliannya, atau "
                    "pengembaliannya dilarang tanpa syarat oleh peraturan atau "
                    "anggaran dasar",
                    "Jika jumlahnya lebih kecil daripada simpanan sukarela",
                    "Jika anggota sudah lebih dari lima tahun menjadi anggota",
                ),
                1,
                "Karena itu bacalah pasal AD/ART tentang pengembalian simpanan "
                "sebelum menyusun laporan.",
            ),
            Question(
                "Bagaimana urutan aset di laporan posisi keuangan?",
                (
                    "Dari yang paling lancar (kas) sampai yang paling tidak lancar "
                    "(aset tetap)",
                    "Dari yang nilainya paling besar",
                    "Menurut abjad nama akun",
                    "Dari aset tetap ke kas",
                ),
                0,
                "Liabilitas pun disusun dari yang jatuh tempo paling cepat.",
            ),
            Question(
                "Koperasi Sukamaju mempunyai liabilitas Rp 307.000.000 dan ekuitas "
                "Rp 368.000.000. Berapa jumlah asetnya?",
                ("Rp 368.000.000", "Rp 61.000.000", "Rp 675.000.000", "Rp 587.000.000"),
                2,
                "Aset = liabilitas + ekuitas = Rp 307.000.000 + Rp 368.000.000 "
                "= Rp 675.000.000.",
            ),
        ),
    ),
    DemoActivity(
        course_slug="pengelolaan-simpan-pinjam-koperasi",
        module=2,
        lesson_title="Angsuran dengan bunga flat",
        title="Latihan: angsuran dengan bunga flat",
        intro="Empat soal hitungan angsuran flat. Siapkan kalkulator di ponsel "
        "Anda bila perlu, lalu ketuk jawaban yang Anda pilih.",
        questions=(
            Question(
                "Pada metode bunga flat, jasa pinjaman setiap bulan dihitung dari …",
                (
                    "sisa pokok pada bulan itu",
                    "pokok pinjaman awal",
                    "angsuran bulan sebelumnya",
                    "simpanan wajib anggota",
                ),
                1,
                "Karena itu jasanya sama setiap bulan, walaupun sisa pokok terus "
                "berkurang.",
            ),
            Question(
                "Bu Wati meminjam Rp 12.000.000 selama 12 bulan dengan jasa flat 1% "
                "per bulan. Berapa angsurannya setiap bulan?",
                ("Rp 1.000.000", "Rp 1.120.000", "Rp 1.200.000", "Rp 1.012.000"),
                1,
                "Pokok Rp 12.000.000 ÷ 12 = Rp 1.000.000; jasa 1% × Rp 12.000.000 "
                "= Rp 120.000; angsuran Rp 1.120.000.",
            ),
            Question(
                "Berapa jumlah jasa yang dibayar Bu Wati selama setahun?",
                ("Rp 120.000", "Rp 780.000", "Rp 1.440.000", "Rp 13.440.000"),
                2,
                "12 × Rp 120.000 = Rp 1.440.000. Rp 13.440.000 adalah pokok "
                "ditambah jasa.",
            ),
            Question(
                "Pinjaman Rp 10.000.000 selama 12 bulan memberi pokok Rp 833.333,33 "
                "per bulan. Apa yang sebaiknya dilakukan?",
                (
                    "Membulatkan angsuran bulanan, menyesuaikan selisihnya pada "
                    "angsuran terakhir, dan menulis aturan ini di SOP",
                    "Menagih tepat Rp 833.333,33 setiap bulan",
                    "Membulatkan ke atas setiap bulan tanpa penyesuaian",
                    "Mengubah jangka waktu menjadi 10 bulan",
                ),
                0,
                "Dengan begitu jumlah pokok yang dibayar tepat sama dengan pinjaman.",
            ),
        ),
    ),
    DemoActivity(
        course_slug="promosi-digital-koperasi",
        module=2,
        lesson_title="Melayani dengan WhatsApp Business",
        title="Latihan: melayani dengan WhatsApp Business",
        intro="Empat soal tentang fitur dan etika WhatsApp Business untuk "
        "koperasi. Ketuk jawaban yang Anda pilih.",
        questions=(
            Question(
                "Fitur WhatsApp Business mana yang menyimpan jawaban untuk "
                "pertanyaan yang sering muncul, misalnya syarat pinjaman?",
                ("Label", "Balasan cepat", "Pesan salam", "Katalog"),
                1,
                "Balasan cepat dipanggil dengan garis miring dan kata kunci, "
                "misalnya /jam atau /antar.",
            ),
            Question(
                "Pesan siaran WhatsApp Business sampai ke siapa?",
                (
                    "Ke semua nomor di ponsel pengurus",
                    "Hanya ke orang yang menyimpan nomor koperasi di kontaknya",
                    "Ke semua anggota grup desa",
                    "Ke semua pengguna WhatsApp di kabupaten",
                ),
                1,
                "Karena itu minta anggota dan pembeli menyimpan nomor koperasi.",
            ),
            Question(
                "Seorang anggota menanyakan tunggakan pinjamannya di grup. Apa yang "
                "sebaiknya dilakukan pengurus?",
                (
                    "Menjawab rinci di grup agar semua tahu",
                    "Membicarakannya secara pribadi dengan anggota itu",
                    "Meminta kode OTP anggota untuk memeriksa saldonya",
                    "Mengeluarkan anggota itu dari grup",
                ),
                1,
                "Saldo dan tunggakan seorang anggota tidak dibahas di grup. Jangan "
                "pernah meminta kode OTP, PIN, atau kata sandi.",
            ),
            Question(
                "Mengapa koperasi sebaiknya memakai nomor khusus koperasi, bukan "
                "nomor pribadi petugas?",
                (
                    "Agar riwayat percakapan dan katalog tidak ikut pergi ketika "
                    "petugas berganti",
                    "Karena nomor pribadi tidak bisa memasang WhatsApp Business",
                    "Agar boleh mengirim promosi setiap hari",
                    "Karena nomor koperasi bebas pulsa",
                ),
                0,
                "Pakai nomor koperasi di ponsel milik koperasi.",
            ),
        ),
    ),
)


# The package -------------------------------------------------------------------


def library_files(ref: LibraryRef = LIBRARY) -> dict[str, bytes]:
    """The library's files as package entries ("<key>/<path>"), in a fixed order."""
    folder = DEMO_TYPES / ref.key
    return {
        f"{ref.key}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith((".", "_")) for part in path.parts)
    }


def _keep_together(text: str) -> str:
    """No line break between "Rp" and its amount on a narrow screen."""
    return text.replace("Rp ", "Rp\u00a0")


def content_json(spec: DemoActivity) -> dict[str, Any]:
    return {
        "intro": spec.intro,
        "questions": [
            {
                "text": _keep_together(q.text),
                "options": [_keep_together(option) for option in q.options],
                "correct": q.correct,
                "feedback": _keep_together(q.feedback),
            }
            for q in spec.questions
        ],
    }


def h5p_json(spec: DemoActivity, ref: LibraryRef = LIBRARY) -> dict[str, Any]:
    return {
        "title": spec.title,
        "language": "id",
        "mainLibrary": ref.machine_name,
        "embedTypes": ["div"],
        "license": "U",
        "authors": [{"name": "Balai Daring", "role": "Author"}],
        "preloadedDependencies": [
            {
                "machineName": ref.machine_name,
                "majorVersion": ref.major,
                "minorVersion": ref.minor,
            }
        ],
    }


def _entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def package_bytes(spec: DemoActivity) -> bytes:
    """The .h5p package of one demo activity (a zip, built in memory)."""

    def as_json(data: dict) -> bytes:
        return json.dumps(data, ensure_ascii=False, indent=2).encode()

    return _entries(
        [
            ("h5p.json", as_json(h5p_json(spec))),
            ("content/content.json", as_json(content_json(spec))),
            *library_files().items(),
        ]
    )


# Loading -------------------------------------------------------------------------


def demo_lesson(spec: DemoActivity) -> LessonPage | None:
    """The lesson an activity is placed at the end of (None if the demo courses
    are not loaded, or an instructor renamed or moved it)."""
    course = CoursePage.objects.filter(slug=spec.course_slug).first()
    if course is None:
        return None
    module = (
        ModulePage.objects.child_of(course).filter(slug=f"modul-{spec.module}").first()
    )
    if module is None:
        return None
    return LessonPage.objects.child_of(module).filter(title=spec.lesson_title).first()


def _placed_activity(lesson: LessonPage) -> H5PActivity | None:
    link = LessonActivity.objects.filter(
        lesson=lesson, content_type=ContentType.objects.get_for_model(H5PActivity)
    ).first()
    return H5PActivity.objects.filter(pk=link.object_id).first() if link else None


@transaction.atomic
def demo_activity_load(*, spec: DemoActivity) -> H5PActivity | None:
    """Install one demo activity and place it at the end of its lesson."""
    lesson = demo_lesson(spec)
    if lesson is None:
        return None
    lesson = LessonPage.objects.select_for_update().get(pk=lesson.pk)
    placed = _placed_activity(lesson)
    if placed is not None:
        return placed
    activity = H5PActivity.objects.filter(title=spec.title).first()
    if activity is None:
        activity = H5PActivity.objects.create(title=spec.title, pass_score=PASS_SCORE)
    if not activity.is_ready:
        upload = SimpleUploadedFile(
            f"{LIBRARY.machine_name}-{spec.course_slug}.h5p",
            package_bytes(spec),
            content_type="application/zip",
        )
        activity = activity_package_submit(activity=activity, upload=upload)
    body = list(lesson.body.raw_data)
    body.append({"type": "h5p", "value": {"activity": activity.pk}})
    lesson.body = json.dumps(body)
    lesson.save_revision().publish()
    lesson_activities_sync(lesson=lesson)
    return activity


def demo_h5p_load() -> list[H5PActivity]:
    """Place one Balai.PilihanGanda activity in each demo course (idempotent)."""
    activities = [demo_activity_load(spec=spec) for spec in DEMO_ACTIVITIES]
    return [activity for activity in activities if activity is not None]
