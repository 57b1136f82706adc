"""Import of Moodle GIFT and Moodle XML banks, with a report per question."""

import pytest

from django.core.exceptions import ValidationError

from assessments.factories import QuestionBankFactory
from assessments.imports import questions_parse
from assessments.imports.gift import gift_parse
from assessments.imports.moodle_xml import moodle_xml_parse
from assessments.models import Question, QuestionCategory
from assessments.questions import kind_for
from assessments.services import question_bank_import

GIFT_BANK = r"""// Bank soal Pelatihan Pengurus Koperasi Desa Merah Putih
// disusun oleh widyaiswara Balai Pelatihan Koperasi Kalimantan Selatan

$CATEGORY: $course$/top/Kelembagaan

::RAT::Kekuasaan tertinggi dalam koperasi dipegang oleh {
  =Rapat Anggota#Benar, sesuai UU Perkoperasian.
  ~Pengurus#Pengurus menjalankan keputusan RAT.
  ~Pengawas
  ####Lihat modul 1, bagian organ koperasi.
}

::Pembagian SHU::SHU dibagi menurut {~%50%jasa modal ~%50%jasa usaha ~%-100%jabatan pengurus}

::Pengawas::Pengawas dipilih oleh Rapat Anggota.{T}

::Rapat tahunan::Rapat anggota tahunan diselenggarakan {=setahun sekali =sekali setahun} oleh pengurus.

$CATEGORY: $course$/top/Akuntansi/SAK EP

::SAK EP::Koperasi wajib memakai SAK EP mulai tahun buku {#2025}

::NPL::Batas NPL yang sehat adalah di bawah {#4..6} persen.

::Bunga::Bunga 1,5% sebulan dari pinjaman Rp 2.000.000 adalah berapa rupiah? {#30000:0}

::Istilah::Jodohkan istilah berikut. {
  =RAT -> rapat anggota tahunan
  =SHU -> sisa hasil usaha
  =NPL -> kredit bermasalah
}

::Tanggung renteng::Jelaskan prinsip tanggung renteng dalam kelompok peminjam.{}

::Rasio::Rasio kas 1\:2 berarti {=satu banding dua ~dua banding satu}

::Rusak::Simpanan pokok dibayar {=sekali ~setiap bulan

::Dua jawaban penuh::Organ koperasi adalah {=Rapat Anggota =Pengurus ~Bank}

Catatan untuk peserta: baca modul sebelum mengerjakan.
"""

MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Simpan Pinjam</text></category>
  </question>
  <question type="multichoice">
    <name><text>Kesehatan KSP</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Predikat <strong>tertinggi</strong> penilaian kesehatan
      unit simpan pinjam adalah&nbsp;…</p><p><img src="@@PLUGINFILE@@/x.png"></p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Lihat Permenkop.</p>]]></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <single>true</single>
    <answer fraction="100" format="html"><text>Sehat</text></answer>
    <answer fraction="0" format="html"><text>Cukup sehat</text></answer>
    <answer fraction="0" format="html"><text>Dalam pengawasan</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Simpanan anggota</text></name>
    <questiontext format="html"><text><![CDATA[<p>Yang termasuk simpanan anggota:</p>]]></text></questiontext>
    <defaultgrade>1</defaultgrade>
    <single>false</single>
    <answer fraction="50"><text>Simpanan pokok</text></answer>
    <answer fraction="50"><text>Simpanan wajib</text></answer>
    <answer fraction="-100"><text>Hibah pemerintah</text></answer>
  </question>
  <question type="truefalse">
    <name><text>NPL</text></name>
    <questiontext format="html"><text>NPL koperasi sehat di bawah 5%.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Kepanjangan SHU</text></name>
    <questiontext format="plain_text"><text>Apa kepanjangan SHU?</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>sisa hasil usaha</text></answer>
    <answer fraction="50"><text>hasil usaha</text></answer>
  </question>
  <question type="numerical">
    <name><text>Angsuran</text></name>
    <questiontext format="html"><text>Angsuran pokok pinjaman Rp 12.000.000 selama 12 bulan?</text></questiontext>
    <answer fraction="100"><text>1000000</text><tolerance>0</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>Rp</unit_name></unit></units>
  </question>
  <question type="matching">
    <name><text>Jenis simpanan</text></name>
    <questiontext format="html"><text>Jodohkan jenis simpanan.</text></questiontext>
    <subquestion format="html"><text>Simpanan pokok</text><answer><text>sekali saat masuk</text></answer></subquestion>
    <subquestion format="html"><text>Simpanan wajib</text><answer><text>rutin tiap bulan</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>setiap RAT</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Siklus akuntansi</text></name>
    <questiontext format="html"><text>Urutkan siklus akuntansi koperasi.</text></questiontext>
    <answer fraction="1"><text>Jurnal umum</text></answer>
    <answer fraction="2"><text>Buku besar</text></answer>
    <answer fraction="3"><text>Neraca saldo</text></answer>
  </question>
  <question type="essay">
    <name><text>Tanggung renteng</text></name>
    <questiontext format="html"><text>Jelaskan tanggung renteng.</text></questiontext>
    <graderinfo format="html"><text><![CDATA[<p>Sebut tanggung jawab bersama kelompok.</p>]]></text></graderinfo>
  </question>
  <question type="multianswer">
    <name><text>Cloze</text></name>
    <questiontext format="html"><text>{1:SHORTANSWER:=RAT}</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>Tanpa jawaban benar</text></name>
    <questiontext format="html"><text>Pilih satu.</text></questiontext>
    <single>true</single>
    <answer fraction="0"><text>A</text></answer>
    <answer fraction="0"><text>B</text></answer>
  </question>
  <question type="matching">
    <name><text>Satu pasangan</text></name>
    <questiontext format="html"><text>Jodohkan.</text></questiontext>
    <subquestion format="html"><text>RAT</text><answer><text>rapat</text></answer></subquestion>
  </question>
</quiz>
"""


def _by_title(rows):
    return {row.label: row for row in rows}


def test_gift_maps_every_kind_with_categories_and_escapes():
    questions = {q.title: q for q in gift_parse(GIFT_BANK)}
    rat = questions["RAT"]
    assert (rat.kind, rat.category) == ("single", "Kelembagaan")
    assert rat.data == {
        "options": ["Rapat Anggota", "Pengurus", "Pengawas"],
        "correct": 0,
    }
    assert rat.feedback == "Lihat modul 1, bagian organ koperasi."
    assert "Umpan balik per jawaban tidak ikut diimpor." in rat.notes
    assert questions["Pembagian SHU"].kind == "multiple"
    assert questions["Pembagian SHU"].data["correct"] == [0, 1]
    assert questions["Pengawas"].data == {"correct": True}
    assert questions["Rapat tahunan"].text == (
        "Rapat anggota tahunan diselenggarakan _____ oleh pengurus."
    )
    assert questions["Rapat tahunan"].data == {
        "answers": ["setahun sekali", "sekali setahun"]
    }
    assert questions["SAK EP"].category == "Akuntansi / SAK EP"
    assert questions["SAK EP"].data == {"answer": 2025, "tolerance": 0, "unit": ""}
    assert questions["NPL"].data == {"answer": 5, "tolerance": 1, "unit": ""}
    assert questions["Istilah"].data["pairs"][2] == ["NPL", "kredit bermasalah"]
    assert questions["Tanggung renteng"].kind == "essay"
    assert questions["Rasio"].text == "Rasio kas 1:2 berarti"


def test_gift_import_creates_the_good_questions_and_reports_the_refused(db):
    bank = QuestionBankFactory()
    report = question_bank_import(
        bank=bank, filename="bank-koperasi.gift", content=GIFT_BANK.encode()
    )
    assert report.format == "gift"
    rows = _by_title(report.rows)
    assert report.imported == 10
    assert report.refused == 3
    assert rows["Rusak"].reasons == ["Kurung kurawal { tidak ditutup dengan }."]
    assert "Lebih dari satu jawaban bertanda =" in rows["Dua jawaban penuh"].reasons[0]
    refused_note = [r for r in report.rows if r.source_type == "description"][0]
    assert "tanpa jawaban" in refused_note.reasons[0]
    assert Question.objects.filter(bank=bank).count() == 10
    assert set(bank.categories.values_list("name", flat=True)) == {
        "Kelembagaan",
        "Akuntansi / SAK EP",
    }
    rat = Question.objects.get(pk=rows["RAT"].question_id)
    assert rat.category.name == "Kelembagaan"
    assert kind_for(rat.kind).grade(rat.data, 0) == 1.0
    bunga = Question.objects.get(pk=rows["Bunga"].question_id)
    assert kind_for("numeric").grade(bunga.data, "30.000") == 1.0


def test_importing_the_same_file_again_adds_nothing_twice(db):
    bank = QuestionBankFactory()
    question_bank_import(bank=bank, filename="a.txt", content=GIFT_BANK.encode())
    again = question_bank_import(
        bank=bank, filename="a.txt", content=GIFT_BANK.encode()
    )
    assert again.imported == 0
    assert Question.objects.filter(bank=bank).count() == 10
    assert _by_title(again.rows)["RAT"].reasons == [
        "Soal yang sama sudah ada di bank ini."
    ]


def test_moodle_xml_import_maps_types_fractions_units_and_html(db):
    bank = QuestionBankFactory()
    report = question_bank_import(
        bank=bank, filename="moodle.xml", content=MOODLE_XML.encode()
    )
    assert report.format == "xml"
    rows = _by_title(report.rows)
    assert report.imported == 8
    questions = {
        row.label: Question.objects.get(pk=row.question_id)
        for row in report.rows
        if row.imported
    }
    ksp = questions["Kesehatan KSP"]
    assert ksp.kind == "single" and ksp.points == 2
    assert ksp.text == (
        "Predikat tertinggi penilaian kesehatan unit simpan pinjam adalah …"
    )
    assert ksp.feedback == "Lihat Permenkop."
    assert ksp.category.name == "Simpan Pinjam"
    assert "Gambar dalam teks tidak ikut diimpor." in rows["Kesehatan KSP"].reasons
    assert questions["Simpanan anggota"].data["correct"] == [0, 1]
    assert questions["NPL"].data == {"correct": True}
    assert questions["Kepanjangan SHU"].data == {"answers": ["sisa hasil usaha"]}
    assert questions["Angsuran"].data == {
        "answer": 1000000,
        "tolerance": 0,
        "unit": "Rp",
    }
    assert questions["Jenis simpanan"].data["pairs"] == [
        ["Simpanan pokok", "sekali saat masuk"],
        ["Simpanan wajib", "rutin tiap bulan"],
    ]
    assert any("pengecoh" in note for note in rows["Jenis simpanan"].reasons)
    assert questions["Siklus akuntansi"].data["items"] == [
        "Jurnal umum",
        "Buku besar",
        "Neraca saldo",
    ]
    assert questions["Tanggung renteng"].data == {
        "guide": "Sebut tanggung jawab bersama kelompok."
    }
    assert "cloze" in rows["Cloze"].reasons[0]
    assert "Tidak ada jawaban yang benar" in rows["Tanpa jawaban benar"].reasons[0]
    # The kind's own validation (assessments.questions) refuses one pair.
    assert rows["Satu pasangan"].reasons == [
        "Isi sekurang-kurangnya dua pasangan pernyataan dan jawaban."
    ]
    assert not rows["Satu pasangan"].imported


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("kosong.txt", b"   \n", "Berkas kosong."),
        (
            "rusak.xml",
            b"<?xml version='1.0'?><quiz><question type='essay'>",
            "Berkas XML tidak dapat dibaca",
        ),
        ("lain.xml", b"<?xml version='1.0'?><html></html>", "Bukan berkas Moodle XML"),
        (
            "bom.xml",
            b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>',
            "entitas atau DTD",
        ),
        ("komentar.gift", b"// hanya komentar\n// tanpa soal\n", "Tidak ada soal"),
    ],
)
def test_a_file_that_cannot_be_read_creates_nothing_and_says_why(
    db, filename, content, message
):
    bank = QuestionBankFactory()
    with pytest.raises(ValidationError) as excinfo:
        question_bank_import(bank=bank, filename=filename, content=content)
    assert message in excinfo.value.messages[0]
    assert not Question.objects.filter(bank=bank).exists()
    assert not QuestionCategory.objects.filter(bank=bank).exists()


def test_a_crash_while_creating_leaves_nothing_half_written(db, monkeypatch):
    bank = QuestionBankFactory()

    def broken(objs, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Question.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        question_bank_import(bank=bank, filename="a.gift", content=GIFT_BANK.encode())
    assert not QuestionCategory.objects.filter(bank=bank).exists()
    assert not Question.objects.filter(bank=bank).exists()


def test_windows_1252_gift_and_format_detection():
    content = "::Tanya::Apakah koperasi berbadan hukum?{TRUE}\n".encode("cp1252")
    fmt, questions = questions_parse(filename="lama.txt", content=content)
    assert fmt == "gift"
    assert questions[0].data == {"correct": True}
    fmt, _q = questions_parse(filename="bank.txt", content=MOODLE_XML.encode())
    assert fmt == "xml"


def test_moodle_xml_text_with_entities_and_line_breaks():
    xml = (
        "<quiz><question type='truefalse'><name><text>A &amp; B</text></name>"
        "<questiontext format='html'><text>&lt;p&gt;Baris satu&lt;br&gt;baris dua"
        "&lt;/p&gt;</text></questiontext><answer fraction='100'><text>false</text>"
        "</answer><answer fraction='0'><text>true</text></answer></question></quiz>"
    )
    question = moodle_xml_parse(xml)[0]
    assert question.title == "A & B"
    assert question.text == "Baris satu\nbaris dua"
    assert question.data == {"correct": False}
