"""The worked-example table keeps the TableBlock data contract (docs/courses.md) and
refuses an empty table; an empty text block is refused, in a draft too."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.rich_text import RichText

from courses.blocks import RequiredRichTextBlock, WorkedExampleBlock
from courses.templatetags.worked_example import ledger_table

JOURNAL = {
    "data": [
        ["Akun", "Debit", "Kredit"],
        ["Kas", "5.000.000", ""],
        ["    Modal", "", "5.000.000"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Jurnal setoran modal",
    "numeric_columns": [2, "1"],
}


def test_the_table_keeps_rows_numeric_columns_and_indentation():
    block = WorkedExampleBlock()
    value = block.clean(
        block.to_python({"title": "Setoran modal", "table": dict(JOURNAL)})
    )
    table = value["table"]
    assert table["data"][2][0] == "    Modal"  # one step of indentation
    assert table["numeric_columns"] == [1, 2]
    assert table["first_row_is_table_header"] is True
    assert table["table_header_choice"] == "row"


def test_a_table_saved_before_the_editor_still_loads():
    old = {key: value for key, value in JOURNAL.items() if key != "numeric_columns"}
    value = WorkedExampleBlock().clean(
        WorkedExampleBlock().to_python({"title": "Lama", "table": old})
    )
    assert value["table"]["numeric_columns"] == []


def test_an_empty_table_is_refused_with_a_message():
    block = WorkedExampleBlock()
    empty = {"data": [["", ""], ["", None]], "first_row_is_table_header": True}
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"title": "Kosong", "table": empty}))
    assert "tabel masih kosong" in str(error.value.block_errors["table"])


def test_an_empty_text_block_is_refused_even_in_a_draft():
    block = RequiredRichTextBlock()
    block.defer_required_validation()  # as when saving a draft
    with pytest.raises(ValidationError, match="Teks masih kosong"):
        block.clean(RichText("<p> </p>"))
    assert block.clean(RichText("<p>Isi</p>")).source == "<p>Isi</p>"
    block.restore_deferred_validation()


def test_the_participants_table_follows_the_editors_numeric_columns_and_indent():
    table = {
        "data": [["Akun", "Keterangan"], ["    Modal", "setoran"]],
        "first_row_is_table_header": True,
        "numeric_columns": [1],
    }
    drawn = ledger_table({"title": "Contoh", "table": table})
    _total, row = drawn.rows[0]
    assert row[0].css == "indent-1"
    assert row[1].css == "num"  # marked by the author, though not an amount
