"""The programme report as a workbook (openpyxl, write-only): the same facts as the
PDF, one sheet each: Ringkasan, Sesi, Peserta (identity, attendance matrix,
results and certificate in one row per participant), Evaluasi.

Cells that start like a formula are written as text (a name such as "=HYPERLINK…"
must never run in the reader's spreadsheet)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from django.utils.translation import gettext as _

from lms.spreadsheets import cell_safe

from .data import ProgrammeReport


def _safe(value):
    return cell_safe(value)  # the one rule against formula injection


def programme_report_xlsx(report: ProgrammeReport) -> bytes:
    workbook = Workbook(write_only=True)

    def sheet(title: str, header: list[str] | None = None):
        ws = workbook.create_sheet(title)
        if header:
            bold = Font(bold=True)
            cells = []
            for text in header:
                cell = WriteOnlyCell(ws, value=text)
                cell.font = bold
                cells.append(cell)
            ws.append(cells)
        return ws

    gain = report.gain
    summary = sheet(_("Ringkasan"))
    for key, value in [
        (_("Laporan pelaksanaan"), report.programme),
        (_("Angkatan"), report.cohort_name),
        (_("Penyelenggara"), report.organiser),
        (_("Wilayah"), report.region),
        (_("Sumber dana"), report.funding),
        (_("Tahun anggaran"), report.budget_year),
        (_("Kode/mata anggaran"), report.budget_line),
        (_("Waktu pelaksanaan"), report.period),
        (_("JP daring"), report.course_jp),
        (_("JP sesi"), report.session_jp),
        (_("JP total"), report.total_jp),
        (_("Peserta terdaftar"), report.enrolled),
        (_("Peserta lulus"), report.completed),
        (_("Sertifikat terbit"), report.certified),
        (_("Tingkat kehadiran (%)"), report.attendance_rate),
        (_("Rata-rata pre-test"), gain["pre"]),
        (_("Rata-rata post-test"), gain["post"]),
        (_("Gain ternormalisasi kelas"), gain["class_gain"]),
        (_("Rata-rata gain peserta"), gain["average_gain"]),
        (_("Pengisi evaluasi"), report.evaluation.respondents),
        (_("Nilai evaluasi rata-rata (1–5)"), report.evaluation.overall),
        (_("Penandatangan"), report.signatory_name),
        (_("Jabatan"), report.signatory_title),
        (_("NIP"), report.signatory_nip),
        (_("Tempat, tanggal"), report.signatory_place_date),
    ]:
        summary.append([key, _safe(value)])

    sessions = sheet(
        _("Sesi"),
        [
            _("No."),
            _("Sesi"),
            _("Jenis"),
            _("Tanggal"),
            _("Jam"),
            _("Tempat / tautan"),
            _("Narasumber"),
            _("JP"),
            _("Wajib"),
            _("Hadir"),
            _("Izin/sakit"),
            _("Alpa/belum dicatat"),
        ],
    )
    for s in report.sessions:
        sessions.append(
            [
                s.number,
                _safe(s.title),
                s.kind,
                s.day,
                s.hours,
                _safe(s.place),
                _safe("; ".join(s.speakers)),
                s.jp,
                _("Ya") if s.required else "",
                s.present,
                s.excused,
                s.absent,
            ]
        )

    participants = sheet(
        _("Peserta"),
        [
            _("No."),
            _("Nama"),
            _("Jabatan"),
            _("Koperasi"),
            _("Desa/Kelurahan"),
            _("Kecamatan"),
            _("Kabupaten/Kota"),
            *[f"S{s.number}" for s in report.sessions],
            _("% hadir"),
            _("Pre-test"),
            _("Post-test"),
            _("Gain"),
            *[name for name, _mark in report.components],
            _("Lulus"),
            _("Nomor sertifikat"),
        ],
    )
    for p in report.participants:
        participants.append(
            [
                p.number,
                _safe(p.name),
                p.position,
                _safe(p.cooperative),
                p.village,
                p.district,
                p.regency,
                *p.marks,
                p.attendance_percent,
                _safe(p.pre),
                _safe(p.post),
                p.gain,
                *(_safe(v) for v in p.offline),
                _("Ya") if p.completed else _("Belum"),
                p.certificate_number,
            ]
        )

    results = report.evaluation
    evaluation = sheet(
        _("Evaluasi"),
        [
            _("Bagian"),
            _("Pernyataan"),
            _("Rata-rata"),
            "1",
            "2",
            "3",
            "4",
            "5",
            _("Jawaban"),
        ],
    )
    if results.shown:
        sections = [(_("Materi pelatihan"), results.material)]
        sections += [(str(s.speaker), s.items) for s in results.speakers]
        sections.append((_("Penyelenggaraan"), results.organisation))
        for title, items in sections:
            for item in items:
                evaluation.append(
                    [
                        _safe(title),
                        item.label,
                        item.average,
                        *item.distribution,
                        item.answers,
                    ]
                )
        evaluation.append([])
        for title, comments in (
            (_("Saran tentang materi"), results.comments_material),
            (_("Saran tentang penyelenggaraan"), results.comments_organisation),
        ):
            for comment in comments:
                evaluation.append([title, _safe(comment)])
    else:
        evaluation.append(
            [_("Terlalu sedikit jawaban untuk ditampilkan tanpa mengenali pengisinya.")]
        )

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
