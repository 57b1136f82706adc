"""The English catalogue is complete and current.

The msgids are the Indonesian text, so Indonesian needs no catalogue; every string
marked for translation must have an English translation in
locale/en/LC_MESSAGES/django.po, and the compiled django.mo must say the same.

The test runs `makemessages` over a copy of the sources (so the real catalogue is
never touched): a string added, or changed, without an English translation shows up
as untranslated or fuzzy and fails the test.
"""

import gettext
import os
import re
import shutil
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command

from tests.i18n.pofile import parse

REPO = Path(settings.BASE_DIR)
CATALOGUE = REPO / "locale" / "en" / "LC_MESSAGES"
# The same folders the documented `makemessages` command ignores, and what is not
# source at all.
IGNORED_DIRS = {
    ".venv",
    "node_modules",
    "benchmarks",
    "tests",
    ".git",
    "locale",
    "media",
    "private_media",
    "staticfiles",
    ".test-media",
    ".screenshots",
    "__pycache__",
}
MAKEMESSAGES_IGNORE = [".venv", "node_modules", "benchmarks", "tests"]
SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # what makemessages reads (domain django)


def _copy_sources(target: Path) -> None:
    def ignore(directory, names):
        skipped = []
        for name in names:
            path = Path(directory) / name
            if path.is_dir():
                if name in IGNORED_DIRS:
                    skipped.append(name)
            elif path.suffix not in SOURCE_SUFFIXES:
                skipped.append(name)
        return skipped

    shutil.copytree(REPO, target, ignore=ignore, symlinks=True)


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> Path:
    """makemessages run now over a copy of the sources, merged with the catalogue."""
    project = tmp_path_factory.mktemp("i18n") / "project"
    _copy_sources(project)
    locale = project / "locale" / "en" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", locale / "django.po")
    cwd = Path.cwd()
    saved = settings.LOCALE_PATHS
    try:
        settings.LOCALE_PATHS = [project / "locale"]
        os.chdir(project)
        call_command(
            "makemessages",
            locale=["en"],
            no_obsolete=True,
            add_location="file",
            verbosity=0,
            ignore_patterns=MAKEMESSAGES_IGNORE,
        )
    finally:
        os.chdir(cwd)
        settings.LOCALE_PATHS = saved
    return locale / "django.po"


def _describe(entries) -> str:
    return "\n".join(
        f"  {entry.msgid!r} ({', '.join(entry.references[:2])})" for entry in entries
    )


def test_every_marked_string_has_an_english_translation(fresh_catalogue):
    entries = parse(fresh_catalogue)
    assert len(entries) > 500, "makemessages found too few strings: wrong folder?"
    untranslated = [entry for entry in entries if not entry.translated]
    assert not untranslated, (
        f"{len(untranslated)} strings have no English translation (or a fuzzy one). "
        "Run makemessages (see docs/i18n.md), translate them in "
        "locale/en/LC_MESSAGES/django.po and compilemessages:\n"
        + _describe(untranslated)
    )


def test_the_committed_catalogue_holds_exactly_the_strings_of_the_code(
    fresh_catalogue,
):
    fresh = {entry.key for entry in parse(fresh_catalogue)}
    committed = {entry.key for entry in parse(CATALOGUE / "django.po")}
    assert not fresh - committed, f"missing from django.po: {sorted(fresh - committed)}"
    assert not committed - fresh, (
        f"no longer in the code (run makemessages --no-obsolete): "
        f"{sorted(committed - fresh)}"
    )


def test_plural_forms_are_translated_in_both_forms():
    plurals = [e for e in parse(CATALOGUE / "django.po") if e.msgid_plural]
    assert plurals
    for entry in plurals:
        assert set(entry.msgstr) == {0, 1}, entry.msgid
        assert all(entry.msgstr.values()), entry.msgid


def test_placeholders_are_kept_in_every_translation():
    placeholder = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
    for entry in parse(CATALOGUE / "django.po"):
        wanted = sorted(placeholder.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr.values():
            assert sorted(placeholder.findall(text)) == wanted, (entry.msgid, text)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_compiled_catalogue_matches_the_po_file(language):
    folder = REPO / "locale" / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in parse(folder / "django.po"):
        if entry.msgid_plural:
            assert (
                compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
                == (entry.msgstr[0])
            ), "django.mo is stale: run compilemessages (docs/i18n.md)"
            # Indonesian has one plural form (nplurals=1): msgstr[0] serves all.
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == (
                entry.msgstr.get(1, entry.msgstr[0])
            ), "django.mo is stale: run compilemessages (docs/i18n.md)"
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr[0], (
                f"django.mo is stale for {entry.msgid!r}: run compilemessages"
            )


# Django's Indonesian catalogue says "Inggris" for "English": right in Indonesian.
OTHER_CATALOGUES_MAY_TRANSLATE = {"English"}


def test_indonesian_shows_the_platforms_own_words():
    """A msgid that is also an English msgid of Django or Wagtail ("Email") would be
    shown as *their* Indonesian ("Surel"); locale/id maps such msgids to themselves."""
    from django.utils import translation

    changed = []
    with translation.override("id"):
        for entry in parse(CATALOGUE / "django.po"):
            if entry.msgid in OTHER_CATALOGUES_MAY_TRANSLATE:
                continue
            if entry.msgid_plural:
                shown = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
            else:
                shown = translation.gettext(entry.msgid)
            if shown != entry.msgid:
                changed.append(f"{entry.msgid!r} → {shown!r}")
    assert not changed, (
        "Another catalogue translates these msgids in Indonesian; add each to "
        "locale/id/LC_MESSAGES/django.po with msgstr = msgid and compilemessages: "
        + ", ".join(changed)
    )
