"""The programme report as PDF (reportlab platypus), A4 landscape, in the
project's fonts (DejaVu, `certificates.pdf.fonts`).

Sections: identity of the programme and its budget, results at a glance, the
schedule with narasumber and JP, the participants, the attendance matrix, the
learning results (pre/post, gain, offline components, completion, certificate
number), the evaluation (aggregated), the signature block. Every page carries
the programme's name and its page number.

Speed (a cohort of 6,039 runs to hundreds of pages): the long tables are cut into
one table per page of fixed-height rows of plain strings, each cut to its
column's width once (no paragraph per cell, no table split by reportlab).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from django.utils import dateformat, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from certificates.pdf.fonts import FONT_BOLD, FONT_REGULAR, string_width

from .data import ProgrammeReport

PAGE = landscape(A4)
MARGIN = 14 * mm
WIDTH = PAGE[0] - 2 * MARGIN
HEIGHT = PAGE[1] - 2 * MARGIN - 10 * mm  # less the header and footer bands
ROW = 5.2 * mm  # one line of a long table
FONT_SIZE = 7.6
HEADER_ROWS = 1

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4d5660")
LINE = colors.HexColor("#c9d0d6")
SOFT = colors.HexColor("#f0f2f4")
BRAND = colors.HexColor("#9b1c1c")

STYLES = {
    "title": ParagraphStyle(
        "title",
        fontName=FONT_BOLD,
        fontSize=17,
        leading=22,
        alignment=TA_CENTER,
        textColor=INK,
        spaceAfter=2 * mm,
    ),
    "subtitle": ParagraphStyle(
        "subtitle",
        fontName=FONT_REGULAR,
        fontSize=11,
        leading=15,
        alignment=TA_CENTER,
        textColor=MUTED,
        spaceAfter=6 * mm,
    ),
    "h2": ParagraphStyle(
        "h2",
        fontName=FONT_BOLD,
        fontSize=12,
        leading=16,
        textColor=BRAND,
        spaceBefore=3 * mm,
        spaceAfter=2.5 * mm,
    ),
    "body": ParagraphStyle(
        "body", fontName=FONT_REGULAR, fontSize=9, leading=12.5, textColor=INK
    ),
    "small": ParagraphStyle(
        "small", fontName=FONT_REGULAR, fontSize=8, leading=11, textColor=MUTED
    ),
    "cell": ParagraphStyle(
        "cell", fontName=FONT_REGULAR, fontSize=8, leading=10.5, textColor=INK
    ),
}


def _fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    """`text` cut with an ellipsis to fit `width` points (less the padding)."""
    room = width - 5
    if string_width(text, FONT_REGULAR, size) <= room:
        return text
    while text and string_width(text + "…", FONT_REGULAR, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _score(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _gain(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


class _Rows(Flowable):
    """One page of a long table: a header row and rows of single-line strings
    already cut to their columns, drawn straight on the canvas (a platypus
    `Table` computes styles and sizes per cell: three times the cost here)."""

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str],
    ) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.aligns = header, rows, widths, aligns
        self.width = sum(widths)
        self.height = ROW * (len(rows) + 1)

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        canvas.setFillColor(SOFT)
        canvas.rect(0, top - ROW, self.width, ROW, stroke=0, fill=1)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.4)
        for n in range(len(self.rows) + 2):
            canvas.line(0, top - n * ROW, self.width, top - n * ROW)
        canvas.line(0, 0, 0, top)
        canvas.line(self.width, 0, self.width, top)
        canvas.setFillColor(INK)
        for n, row in enumerate([self.header, *self.rows]):
            canvas.setFont(FONT_BOLD if n == 0 else FONT_REGULAR, FONT_SIZE)
            y = top - (n + 1) * ROW + 4.2
            x = 0.0
            for cell, width, align in zip(row, self.widths, self.aligns, strict=True):
                if cell:
                    if align == "R":
                        canvas.drawRightString(x + width - 2.5, y, cell)
                    elif align == "C":
                        canvas.drawCentredString(x + width / 2, y, cell)
                    else:
                        canvas.drawString(x + 2.5, y, cell)
                x += width


def _grid(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    centred: Sequence[int] = (),
) -> list[Flowable]:
    """A long table as one flowable per page: header repeated, rows of one line."""
    per_page = int((HEIGHT - 14 * mm) // ROW) - HEADER_ROWS
    aligns = [
        "R" if c in numeric else "C" if c in centred else "L"
        for c in range(len(widths))
    ]
    fitted = [
        [_fit(str(cell), w) for cell, w in zip(row, widths, strict=True)]
        for row in rows
    ]
    head = [_fit(h, w) for h, w in zip(header, widths, strict=True)]
    return [
        _Rows(head, fitted[start : start + per_page], widths, aligns)
        for start in range(0, max(len(fitted), 1), per_page)
    ]


def _facts(rows: list[tuple[str, str]], widths=(62 * mm, WIDTH - 62 * mm)) -> Table:
    body = STYLES["cell"]
    table = Table(
        [[Paragraph(escape(k), body), Paragraph(escape(v), body)] for k, v in rows],
        colWidths=list(widths),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 8),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("BACKGROUND", (0, 0), (0, -1), SOFT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _page(canvas, doc) -> None:
    report: ProgrammeReport = doc.report
    canvas.saveState()
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    top = PAGE[1] - MARGIN + 2 * mm
    canvas.drawString(
        MARGIN,
        top,
        _fit(
            _("Laporan Pelaksanaan · %(programme)s · %(cohort)s")
            % {"programme": report.programme, "cohort": report.cohort_name},
            WIDTH * 0.75,
            7.5,
        ),
    )
    canvas.drawRightString(PAGE[0] - MARGIN, top, report.organiser[:80])
    canvas.setStrokeColor(LINE)
    canvas.line(MARGIN, top - 1.5 * mm, PAGE[0] - MARGIN, top - 1.5 * mm)
    canvas.drawString(
        MARGIN,
        MARGIN - 6 * mm,
        _("Dibuat %(at)s oleh Balai Daring")
        % {
            "at": dateformat.format(
                timezone.localtime(report.generated_at), "j F Y H.i"
            )
        },
    )
    canvas.drawRightString(
        PAGE[0] - MARGIN,
        MARGIN - 6 * mm,
        _("Halaman %(n)s") % {"n": doc.page},
    )
    canvas.restoreState()


def _identity(report: ProgrammeReport) -> list:
    zones = ", ".join(report.zones)
    return [
        Paragraph(escape(_("LAPORAN PELAKSANAAN")), STYLES["title"]),
        Paragraph(
            escape(f"{report.programme} — {report.cohort_name}"), STYLES["subtitle"]
        ),
        _facts(
            [
                (_("Program pelatihan"), report.programme),
                (_("Angkatan"), report.cohort_name),
                (_("Penyelenggara"), report.organiser),
                (_("Wilayah"), report.region or "—"),
                (_("Sumber dana"), report.funding),
                (_("Tahun anggaran"), report.budget_year),
                (_("Kode/mata anggaran"), report.budget_line),
                (_("Waktu pelaksanaan"), report.period),
                (
                    _("Jumlah JP"),
                    _("%(total)s JP (daring %(online)s JP, sesi %(sessions)s JP)")
                    % {
                        "total": report.total_jp,
                        "online": report.course_jp,
                        "sessions": report.session_jp,
                    },
                ),
                (_("Zona waktu sesi"), zones or "—"),
                (
                    _("Status angkatan"),
                    _("Ditutup") if report.closed else _("Berjalan"),
                ),
            ]
        ),
    ]


def _summary(report: ProgrammeReport) -> list:
    gain = report.gain
    evaluation = report.evaluation
    return [
        Paragraph(escape(_("Ringkasan hasil")), STYLES["h2"]),
        _facts(
            [
                (_("Peserta terdaftar"), str(report.enrolled)),
                (_("Peserta lulus"), str(report.completed)),
                (_("Sertifikat terbit"), str(report.certified)),
                (
                    _("Tingkat kehadiran"),
                    "–"
                    if report.attendance_rate is None
                    else f"{report.attendance_rate:.1f}%",
                ),
                (
                    _("Rata-rata pre-test / post-test"),
                    _("%(pre)s / %(post)s (%(n)s peserta mengikuti keduanya)")
                    % {
                        "pre": "–" if gain["pre"] is None else gain["pre"],
                        "post": "–" if gain["post"] is None else gain["post"],
                        "n": gain["count"],
                    },
                ),
                (
                    _("Gain ternormalisasi kelas ⟨g⟩ / rata-rata g"),
                    f"{_gain(gain['class_gain'])} / {_gain(gain['average_gain'])}",
                ),
                (
                    _("Evaluasi penyelenggaraan"),
                    _("%(n)s dari %(m)s peserta mengisi; nilai rata-rata %(avg)s (1–5)")
                    % {
                        "n": evaluation.respondents,
                        "m": evaluation.enrolled,
                        "avg": "–"
                        if evaluation.overall is None
                        else evaluation.overall,
                    },
                ),
            ]
        ),
    ]


def _schedule(report: ProgrammeReport) -> list:
    widths = [
        8 * mm,
        58 * mm,
        24 * mm,
        22 * mm,
        27 * mm,
        48 * mm,
        56 * mm,
        10 * mm,
        16 * mm,
    ]
    widths[-3] = WIDTH - sum(widths) + widths[-3]
    rows = [
        [
            str(s.number),
            s.title + (" *" if s.required else ""),
            s.kind,
            s.day,
            s.hours,
            s.place,
            "; ".join(s.speakers) or "–",
            str(s.jp),
            f"{s.present}/{s.present + s.excused + s.absent}",
        ]
        for s in report.sessions
    ]
    flow: list = [Paragraph(escape(_("Jadwal, narasumber dan JP")), STYLES["h2"])]
    if not rows:
        flow.append(Paragraph(escape(_("Belum ada sesi.")), STYLES["body"]))
        return flow
    flow += _grid(
        [
            _("No."),
            _("Sesi"),
            _("Jenis"),
            _("Tanggal"),
            _("Jam"),
            _("Tempat / tautan"),
            _("Narasumber"),
            _("JP"),
            _("Hadir"),
        ],
        rows,
        widths,
        numeric=(0, 7, 8),
    )
    flow.append(
        Paragraph(
            escape(_("* sesi wajib dihadiri untuk lulus. Jam menurut waktu setempat.")),
            STYLES["small"],
        )
    )
    if report.speakers:
        flow.append(Spacer(0, 3 * mm))
        flow.append(Paragraph(escape(_("Narasumber")), STYLES["h2"]))
        flow += _grid(
            [_("No."), _("Nama"), _("Instansi")],
            [
                [str(n), name, inst or "–"]
                for n, (name, inst) in enumerate(report.speakers, 1)
            ],
            [8 * mm, 90 * mm, WIDTH - 98 * mm],
            numeric=(0,),
        )
    return flow


def _participants(report: ProgrammeReport) -> list:
    widths = [12 * mm, 62 * mm, 24 * mm, 64 * mm, 38 * mm, 34 * mm]
    widths.append(WIDTH - sum(widths))
    return [
        PageBreak(),
        Paragraph(
            escape(_("Daftar peserta (%(n)s)") % {"n": report.enrolled}), STYLES["h2"]
        ),
        *_grid(
            [
                _("No."),
                _("Nama"),
                _("Jabatan"),
                _("Koperasi"),
                _("Desa/Kelurahan"),
                _("Kecamatan"),
                _("Kabupaten/Kota"),
            ],
            (
                [
                    str(p.number),
                    p.name,
                    p.position,
                    p.cooperative,
                    p.village,
                    p.district,
                    p.regency,
                ]
                for p in report.participants
            ),
            widths,
            numeric=(0,),
        ),
    ]


def _attendance(report: ProgrammeReport) -> list:
    n = len(report.sessions)
    flow: list = [
        PageBreak(),
        Paragraph(escape(_("Matriks kehadiran")), STYLES["h2"]),
    ]
    if not n:
        flow.append(Paragraph(escape(_("Belum ada sesi.")), STYLES["body"]))
        return flow
    mark = max(9 * mm, min(16 * mm, (WIDTH - 130 * mm) / n))
    name = WIDTH - 12 * mm - n * mark - 20 * mm - 60 * mm
    widths = [12 * mm, name, 60 * mm, *([mark] * n), 20 * mm]
    flow += _grid(
        [
            _("No."),
            _("Nama"),
            _("Desa/Kelurahan"),
            *[f"S{s.number}" for s in report.sessions],
            _("% hadir"),
        ],
        (
            [
                str(p.number),
                p.name,
                p.village,
                *(m or "–" for m in p.marks),
                f"{p.attendance_percent}%",
            ]
            for p in report.participants
        ),
        widths,
        numeric=(0, n + 3),
        centred=tuple(range(3, 3 + n)),
    )
    flow.append(
        Paragraph(
            escape(
                _(
                    "H hadir · T terlambat · I izin · S sakit · A alpa · – belum dicatat. "
                    "Hadir dan terlambat dihitung hadir."
                )
            ),
            STYLES["small"],
        )
    )
    return flow


def _results(report: ProgrammeReport) -> list:
    components = report.components
    comp_width = 20 * mm
    widths = [
        12 * mm,
        0.0,
        16 * mm,
        16 * mm,
        14 * mm,
        *([comp_width] * len(components)),
        16 * mm,
        62 * mm,
    ]
    widths[1] = WIDTH - sum(widths)
    header = [
        _("No."),
        _("Nama"),
        _("Pre-test"),
        _("Post-test"),
        _("Gain"),
        *[name for name, _mark in components],
        _("Lulus"),
        _("Nomor sertifikat"),
    ]
    rows = (
        [
            str(p.number),
            p.name,
            _score(p.pre),
            _score(p.post),
            _gain(p.gain),
            *(_score(v) for v in p.offline),
            _("Ya") if p.completed else _("Belum"),
            p.certificate_number or "–",
        ]
        for p in report.participants
    )
    last_numeric = 4 + len(components)
    flow: list = [
        PageBreak(),
        Paragraph(escape(_("Hasil belajar, kelulusan dan sertifikat")), STYLES["h2"]),
        *_grid(
            header,
            rows,
            widths,
            numeric=tuple(range(2, last_numeric + 1)) + (0,),
            centred=(last_numeric + 1,),
        ),
    ]
    notes = [_("Gain: gain ternormalisasi g = (post − pre) / (100 − pre).")]
    for name, mark in components:
        if mark is not None:
            notes.append(
                _("%(name)s: nilai lulus %(mark)s.")
                % {"name": name, "mark": f"{mark:.0f}"}
            )
    flow.append(Paragraph(escape(" ".join(notes)), STYLES["small"]))
    return flow


def _evaluation(report: ProgrammeReport) -> list:
    results = report.evaluation
    flow: list = [
        PageBreak(),
        Paragraph(escape(_("Evaluasi penyelenggaraan")), STYLES["h2"]),
        Paragraph(
            escape(
                _(
                    "%(n)s dari %(m)s peserta mengisi. Skala 1 (sangat kurang) – 5 "
                    "(sangat baik). Hasil hanya ditampilkan agregat, tanpa nama."
                )
                % {"n": results.respondents, "m": results.enrolled}
            ),
            STYLES["body"],
        ),
        Spacer(0, 2 * mm),
    ]
    if not results.shown:
        flow.append(
            Paragraph(
                escape(
                    _(
                        "Terlalu sedikit jawaban untuk ditampilkan tanpa mengenali pengisinya."
                    )
                ),
                STYLES["body"],
            )
        )
        return flow
    widths = [120 * mm, 22 * mm, *([14 * mm] * 5), 20 * mm]
    widths[0] = WIDTH - sum(widths[1:])

    def rows(items):
        return [
            [
                i.label,
                "–" if i.average is None else f"{i.average:.2f}",
                *map(str, i.distribution),
                str(i.answers),
            ]
            for i in items
        ]

    header = [_("Pernyataan"), _("Rata-rata"), "1", "2", "3", "4", "5", _("Jawaban")]
    sections = [(_("Materi pelatihan"), results.material)]
    sections += [
        (_("Narasumber: %(name)s") % {"name": s.speaker}, s.items)
        for s in results.speakers
    ]
    sections.append((_("Penyelenggaraan"), results.organisation))
    for title, items in sections:
        block = [Paragraph(escape(title), STYLES["body"]), Spacer(0, 1 * mm)]
        block += _grid(header, rows(items), widths, numeric=tuple(range(1, 8)))
        block.append(Spacer(0, 3 * mm))
        flow.append(KeepTogether(block))
    for title, comments in (
        (_("Saran tentang materi"), results.comments_material),
        (_("Saran tentang penyelenggaraan"), results.comments_organisation),
    ):
        flow.append(CondPageBreak(30 * mm))
        flow.append(Paragraph(escape(title), STYLES["h2"]))
        if not comments:
            flow.append(Paragraph("–", STYLES["body"]))
        for comment in comments[:200]:
            flow.append(Paragraph("• " + escape(comment), STYLES["body"]))
        if len(comments) > 200:
            flow.append(
                Paragraph(
                    escape(
                        _("… dan %(n)s saran lain (lihat berkas XLSX).")
                        % {"n": len(comments) - 200}
                    ),
                    STYLES["small"],
                )
            )
    return flow


def _signature(report: ProgrammeReport) -> list:
    body = STYLES["body"]
    block = [
        Paragraph(escape(report.signatory_place_date), body),
        Paragraph(
            escape(report.signatory_title or _("Penanggung jawab kegiatan")), body
        ),
        Spacer(0, 22 * mm),
        Paragraph(
            "<u>" + escape(report.signatory_name or "……………………………………") + "</u>",
            ParagraphStyle("sig", parent=body, fontName=FONT_BOLD),
        ),
        Paragraph(
            escape(_("NIP %(nip)s") % {"nip": report.signatory_nip or "……………………"}), body
        ),
    ]
    table = Table([["", block]], colWidths=[WIDTH - 95 * mm, 95 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [CondPageBreak(60 * mm), Spacer(0, 8 * mm), table]


def programme_report_pdf(report: ProgrammeReport) -> bytes:
    """The report as PDF bytes."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 5 * mm,
        bottomMargin=MARGIN + 3 * mm,
        title=_("Laporan Pelaksanaan %(programme)s — %(cohort)s")
        % {"programme": report.programme, "cohort": report.cohort_name},
        author=report.organiser,
        creator="Balai Daring",
    )
    doc.report = report
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page)])
    story = [
        *_identity(report),
        *_summary(report),
        PageBreak(),
        *_schedule(report),
        *_participants(report),
        *_attendance(report),
        *_results(report),
        *_evaluation(report),
        *_signature(report),
    ]
    doc.build(story)
    return buffer.getvalue()
