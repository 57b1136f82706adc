"""The demo is data (`lms/data/demo/`), read by one reader,
`courses.demo.demo_data_read`."""

from courses.demo import demo_data_read

DEMO = demo_data_read()


def test_the_demo_data_holds_four_courses_in_catalogue_order():
    assert [course["slug"] for course in DEMO.courses] == [
        "manajemen-kelembagaan-koperasi",
        "akuntansi-koperasi-sak-ep",
        "pengelolaan-simpan-pinjam-koperasi",
        "promosi-digital-koperasi",
    ]
    assert [name for name, _slug in DEMO.tracks] == [
        course["track"] for course in DEMO.courses
    ]
    for course in DEMO.courses:
        assert course["pretest"] and course["posttest"] and course["h5p"]
        for module in course["modules"]:
            for lesson in module["lessons"]:
                for block_type, value in lesson["body"]:
                    assert block_type in {"text", "worked_example", "callout"}
                    if block_type == "text":
                        assert isinstance(value, str) and value.startswith("<")


def test_a_worked_example_keeps_its_numbers():
    akuntansi = next(c for c in DEMO.courses if c["code"] == "AK")
    lesson = akuntansi["modules"][0]["lessons"][1]
    ((_type, journal),) = [b for b in lesson["body"] if b[0] == "worked_example"]
    assert journal["title"] == "Jurnal umum bulan Januari"
    assert journal["table"][0] == ["Tanggal", "Akun", "Debit", "Kredit"]
    assert journal["table"][-1] == ["Jumlah", "", "Rp 15.640.000", "Rp 15.640.000"]
