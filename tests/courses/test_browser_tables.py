"""Every worked-example table of the demo courses at 360×740: each cell can be
reached (swiped into view, not hidden under the column that stays put), no text
spills out of its cell, amounts stay on one line and credit lines keep their
indent."""

import pytest

from courses.demo import demo_data_read, lesson_body
from courses.factories import EnrollmentFactory, LessonPageFactory, course_tree
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.browser

CLIPPED_CELLS = """(wrap) => {
  const found = [];
  const cells = [...wrap.querySelectorAll('th, td')];
  const sticky = (c) => getComputedStyle(c).position === 'sticky';
  for (const cell of cells) {
    if (cell.scrollWidth > cell.clientWidth + 1) found.push('spills: ' + cell.textContent);
    if (!cell.textContent.trim()) continue;
    cell.scrollIntoView({block: 'center', inline: 'center'});
    const box = cell.getBoundingClientRect();
    const frame = wrap.getBoundingClientRect();
    const x = Math.min(box.right, frame.right) - 4, y = box.top + box.height / 2;
    const seen = document.elementFromPoint(x, y);
    if (!seen || !(seen === cell || cell.contains(seen)))
      found.push('hidden: ' + cell.textContent + (sticky(cell) ? ' (sticky)' : ''));
    for (const amount of cell.querySelectorAll('.amt'))
      if (amount.getClientRects().length > 1) found.push('broken: ' + amount.textContent);
  }
  wrap.scrollLeft = 0;
  return found;
}"""


def _demo_worked_examples() -> list[tuple[str, dict]]:
    return [
        (block_type, value)
        for course in demo_data_read().courses
        for module in course["modules"]
        for lesson in module["lessons"]
        for block_type, value in lesson["body"]
        if block_type == "worked_example"
    ]


def test_no_demo_table_hides_a_cell_at_360_px(phone_page, login_in_browser, screenshot):
    examples = _demo_worked_examples()
    assert len(examples) >= 10
    course = course_tree(modules=1, lessons=0, title="Contoh-contoh")
    module = course.get_children().first()
    lesson = LessonPageFactory(
        parent=module,
        title="Semua tabel",
        slug="semua-tabel",
        body=lesson_body(examples),
    )
    user = ParticipantFactory()
    EnrollmentFactory(user=user, course=course)
    login_in_browser(phone_page, user.email, "sandi-rahasia-123")

    phone_page.goto(lesson.url)

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    wraps = phone_page.locator(".worked-example .ledger-wrap")
    assert wraps.count() == len(examples)
    problems = {}
    for index in range(wraps.count()):
        wrap = wraps.nth(index)
        found = wrap.evaluate(CLIPPED_CELLS)
        if found:
            problems[examples[index][1]["title"]] = found
        overflowing = wrap.evaluate("w => w.scrollWidth > w.clientWidth + 1")
        cue = wrap.locator("xpath=preceding-sibling::p[@class='swipe-cue']")
        assert cue.is_visible() == overflowing, examples[index][1]["title"]
    assert problems == {}, problems

    journal = phone_page.locator(
        ".worked-example", has_text="Jurnal umum bulan Januari"
    )
    journal.scroll_into_view_if_needed()
    debit = journal.locator("tbody tr").nth(0).locator("td").nth(1)
    credit = journal.locator("tbody tr").nth(1).locator("td").nth(1)
    assert credit.text_content() == "Simpanan pokok"
    indent = (
        credit.bounding_box()["x"]
        + float(credit.evaluate("c => parseFloat(getComputedStyle(c).paddingLeft)"))
        - (
            debit.bounding_box()["x"]
            + float(debit.evaluate("c => parseFloat(getComputedStyle(c).paddingLeft)"))
        )
    )
    assert indent >= 16
    assert (
        journal.locator("tbody tr")
        .nth(0)
        .locator("td")
        .nth(2)
        .evaluate("c => getComputedStyle(c).textAlign")
        == "right"
    )
    screenshot(phone_page, "tables-demo-360")
    journal.screenshot(path=".screenshots/tables-journal-360.png")
    journal.locator(".ledger-wrap").evaluate("w => w.scrollLeft = w.scrollWidth")
    journal.screenshot(path=".screenshots/tables-journal-swiped-360.png")
