"""Extraction to a Django Storage, with libraries shared between activities."""

import io
import zipfile
from pathlib import Path

import pytest

from django.core.files.storage import FileSystemStorage

from content.h5p import (
    LibraryRef,
    PackageInvalid,
    delete_activity_content,
    delete_library,
    extract_package,
    preload_order,
    preloaded_file_names,
    unused_libraries,
    validate_package,
)
from tests.fixtures.h5p import builder

# Real packages exported by H5P tools, not committed (see ../shared/h5p/README.md).
REAL_PACKAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "h5p"
SCORE_DEMO = LibraryRef("Balai.ScoreDemo", 1, 0)
SCORE_DEMO_FILES = [
    "h5p/libraries/Balai.ScoreDemo-1.0/library.json",
    "h5p/libraries/Balai.ScoreDemo-1.0/scripts/balai-score-demo.js",
    "h5p/libraries/Balai.ScoreDemo-1.0/styles/balai-score-demo.css",
]


def activity_files(key: str) -> list[str]:
    return [
        f"h5p/content/{key}/content/content.json",
        f"h5p/content/{key}/content/images/pixel.png",
        f"h5p/content/{key}/h5p.json",
    ]


def test_a_valid_package_is_extracted(storage, stored_files, packages):
    path = builder.build_score_demo(packages)

    result = extract_package(
        path, storage=storage, activity_key="a1", stored_libraries=()
    )

    assert stored_files() == sorted(activity_files("a1") + SCORE_DEMO_FILES)
    assert sorted(result.files_written) == stored_files()
    assert result.new_libraries == (SCORE_DEMO,)
    assert result.content_path == "h5p/content/a1"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("content/"):
                stored = storage.open(f"h5p/content/a1/{name}").read()
                assert stored == archive.read(name)
    # library.json is written last: a library folder without it is unfinished
    library_files = [f for f in result.files_written if "/libraries/" in f]
    assert library_files[-1].endswith("/library.json")


@pytest.mark.parametrize("name", sorted(builder.MALICIOUS_PACKAGES))
def test_a_refused_package_leaves_nothing_behind(storage, stored_files, packages, name):
    build, code = builder.MALICIOUS_PACKAGES[name]

    with pytest.raises(PackageInvalid) as caught:
        extract_package(
            build(packages), storage=storage, activity_key="a1", stored_libraries=()
        )

    assert code in caught.value.codes
    assert stored_files() == []


def test_a_bomb_found_while_writing_removes_what_was_written(
    storage, stored_files, packages
):
    # The lying bomb passes every header check; only reading its bytes finds it,
    # after h5p.json, content.json and the library have been written.
    path = builder.build_lying_zip_bomb(packages)

    with pytest.raises(PackageInvalid, match="corrupt-entry"):
        extract_package(path, storage=storage, activity_key="a1", stored_libraries=())

    assert stored_files() == []


class FailingStorage(FileSystemStorage):
    """Fails on the n-th file it saves, after writing part of it."""

    def __init__(self, *, fail_on: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.saves = 0
        self.fail_on = fail_on

    def _save(self, name, content):
        self.saves += 1
        if self.saves == self.fail_on:
            Path(self.path(name)).parent.mkdir(parents=True, exist_ok=True)
            Path(self.path(name)).write_bytes(b"half a file")
            raise OSError("disk full")
        return super()._save(name, content)


@pytest.mark.parametrize("fail_on", [1, 3, 5])
def test_a_storage_failure_removes_everything_written(tmp_path, packages, fail_on):
    storage = FailingStorage(fail_on=fail_on, location=tmp_path / "media")
    path = builder.build_score_demo(packages)

    with pytest.raises(OSError, match="disk full"):
        extract_package(path, storage=storage, activity_key="a1", stored_libraries=())

    leftovers = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert leftovers == []


def test_a_second_activity_writes_no_library_files(storage, stored_files, packages):
    first = extract_package(
        builder.build_score_demo(packages),
        storage=storage,
        activity_key="a1",
        stored_libraries=(),
    )
    library_file = Path(storage.path(SCORE_DEMO_FILES[1]))
    written_at = library_file.stat().st_mtime_ns

    second = extract_package(
        builder.build_score_demo(packages, name="again.h5p", score=5),
        storage=storage,
        activity_key="a2",
        stored_libraries=first.package.libraries.keys(),
    )

    assert second.new_libraries == ()
    assert sorted(second.files_written) == activity_files("a2")
    assert second.package.required == {SCORE_DEMO}
    assert library_file.stat().st_mtime_ns == written_at
    assert stored_files() == sorted(
        activity_files("a1") + activity_files("a2") + SCORE_DEMO_FILES
    )


def test_deleting_activities_keeps_shared_libraries_until_unused(
    storage, stored_files, packages
):
    used_by = {}
    for key in ("a1", "a2"):
        result = extract_package(
            builder.build_score_demo(packages, name=f"{key}.h5p"),
            storage=storage,
            activity_key=key,
            stored_libraries={ref for refs in used_by.values() for ref in refs},
        )
        used_by[key] = result.package.required
    all_libraries = {SCORE_DEMO.key}

    assert delete_activity_content(storage=storage, activity_key="a1") == 3
    del used_by["a1"]
    assert stored_files() == sorted(activity_files("a2") + SCORE_DEMO_FILES)
    assert unused_libraries(all_libraries, used_by.values()) == set()

    delete_activity_content(storage=storage, activity_key="a2")
    del used_by["a2"]
    unused = unused_libraries(all_libraries, used_by.values())
    assert unused == {"Balai.ScoreDemo-1.0"}
    assert stored_files() == SCORE_DEMO_FILES

    for key in unused:
        assert delete_library(storage=storage, key=key) == 3
    assert stored_files() == []


def test_an_activity_folder_that_holds_files_is_not_overwritten(
    storage, stored_files, packages
):
    path = builder.build_score_demo(packages)
    extract_package(path, storage=storage, activity_key="a1", stored_libraries=())
    before = stored_files()

    with pytest.raises(FileExistsError):
        extract_package(path, storage=storage, activity_key="a1", stored_libraries=())

    assert stored_files() == before


def test_leftovers_of_an_unfinished_library_are_replaced(
    storage, stored_files, packages
):
    storage.save(SCORE_DEMO_FILES[1], io.BytesIO(b"// half written"))
    storage.save("h5p/libraries/Balai.ScoreDemo-1.0/old.js", io.BytesIO(b""))

    extract_package(
        builder.build_score_demo(packages),
        storage=storage,
        activity_key="a1",
        stored_libraries=(),
    )

    assert stored_files() == sorted(activity_files("a1") + SCORE_DEMO_FILES)
    assert b"BalaiScoreDemo" in storage.open(SCORE_DEMO_FILES[1]).read()


@pytest.mark.parametrize("key", ["", "../a1", "a/b", "-a", "a" * 101])
def test_activity_keys_are_single_safe_names(storage, packages, key):
    with pytest.raises(ValueError, match="activity key"):
        extract_package(
            builder.build_score_demo(packages),
            storage=storage,
            activity_key=key,
            stored_libraries=(),
        )


# Real packages exported by H5P tools ------------------------------------------------

real_packages = pytest.mark.skipif(
    not REAL_PACKAGES.is_dir(), reason=f"{REAL_PACKAGES} is absent"
)
REAL = [
    ("truefalse-hello-world.h5p", "H5P.TrueFalse-1.6"),
    ("H5P.MultiChoice.h5p", "H5P.MultiChoice-1.14"),
    ("H5P.Blanks.h5p", "H5P.Blanks-1.12"),
    ("H5P.QuestionSet.h5p", "H5P.QuestionSet-1.17"),
]


@real_packages
@pytest.mark.parametrize(("filename", "main"), REAL, ids=[r[1] for r in REAL])
def test_real_packages_validate_and_extract(storage, request, capsys, filename, main):
    path = REAL_PACKAGES / filename
    info = validate_package(path)

    result = extract_package(
        path, storage=storage, activity_key="real", stored_libraries=()
    )

    assert info.main_library.key == main
    assert result.package.main_library.key == main
    assert result.new_libraries
    order = preload_order(
        info.main_library, result.package.libraries, dependencies=info.dependencies
    )
    assert order[-1].ref.key == main
    js, css = preloaded_file_names(order)
    assert all(storage.exists(name) for name in js + css)
    with zipfile.ZipFile(path) as archive:
        entries = len(archive.infolist())
    request.node.user_properties.append(("files_written", len(result.files_written)))
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    with capsys.disabled():
        reporter.write_line(
            f"\n{filename}: {len(result.files_written)} files written of {entries}"
            f" zip entries ({len(result.new_libraries)} libraries stored,"
            f" {len(info.skipped_libraries)} editor-only libraries skipped)"
        )


@real_packages
def test_real_packages_share_their_libraries(storage, stored_files):
    stored: set[LibraryRef] = set()
    written = {}
    for filename, _main in REAL:
        result = extract_package(
            REAL_PACKAGES / filename,
            storage=storage,
            activity_key=Path(filename).stem.replace(".", "-"),
            stored_libraries=stored,
        )
        stored |= set(result.new_libraries)
        written[filename] = result

    question_set = written["H5P.QuestionSet.h5p"]
    assert LibraryRef("H5P.TrueFalse", 1, 6) in question_set.package.required
    assert LibraryRef("H5P.TrueFalse", 1, 6) not in question_set.new_libraries
    assert LibraryRef("H5P.Question", 1, 4) not in question_set.new_libraries
    library_files = [f for f in stored_files() if f.startswith("h5p/libraries/")]
    assert len(library_files) == len(set(library_files))
    assert {f.split("/")[2] for f in library_files} == {ref.key for ref in stored}
