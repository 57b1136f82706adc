"""Validation of .h5p packages: what H5P core accepts, and what we refuse."""

import json
import warnings
import zipfile
from pathlib import Path

import pytest

from content.h5p import (
    Library,
    LibraryRef,
    Limits,
    PackageInvalid,
    library_from_json,
    preload_order,
    unused_libraries,
    validate_package,
)
from content.h5p.archive import MB, Budget
from content.h5p.errors import Problem
from tests.fixtures.h5p import builder

SCORE_DEMO = LibraryRef("Balai.ScoreDemo", 1, 0)
LIBRARY_JSON = "Balai.ScoreDemo-1.0/library.json"


def refused(path: Path, **options) -> PackageInvalid:
    with pytest.raises(PackageInvalid) as caught:
        validate_package(path, **options)
    return caught.value


def score_demo_with(packages: Path, changes: dict, name: str = "changed") -> Path:
    entries = builder.score_demo_entries()
    for entry, value in changes.items():
        if value is None:
            entries.pop(entry)
        else:
            entries[entry] = value
    return builder.write_package(packages / f"{name}.h5p", entries)


def library_json(**changes) -> dict:
    data = json.loads(builder._as_bytes(builder.score_demo_entries()[LIBRARY_JSON]))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_score_demo_package_is_valid(packages):
    info = validate_package(builder.build_score_demo(packages, score=4, max_score=5))

    assert info.title == "Demo skor Balai"
    assert info.main_library == SCORE_DEMO
    assert info.main_library == ("Balai.ScoreDemo", 1, 0)
    assert info.language == "id"
    assert info.embed_types == ("div",)
    assert info.required == {SCORE_DEMO}
    assert info.content["score"] == 4
    assert info.content["maxScore"] == 5
    assert info.content_files == ("content/images/pixel.png",)
    library = info.libraries[SCORE_DEMO]
    assert library.preloaded_js == ("scripts/balai-score-demo.js",)
    assert library.preloaded_css == ("styles/balai-score-demo.css",)
    assert library.runnable
    assert library.data["machineName"] == "Balai.ScoreDemo"
    assert set(library.files) == {
        "library.json",
        "scripts/balai-score-demo.js",
        "styles/balai-score-demo.css",
    }


def test_isolation_probe_package_is_valid(packages):
    info = validate_package(builder.build_isolation_probe(packages))

    assert info.main_library == LibraryRef("Balai.IsolationProbe", 1, 0)
    assert info.content == {"xapiUrl": "/xapi/statements/", "pageUrl": "/"}


@pytest.mark.parametrize("name", sorted(builder.MALICIOUS_PACKAGES))
def test_malicious_package_is_refused_with_its_reason(packages, name):
    build, code = builder.MALICIOUS_PACKAGES[name]

    error = refused(build(packages))

    assert code in error.codes


def test_messages_are_in_bahasa_indonesia(packages):
    slip = refused(builder.build_zip_slip(packages))
    missing = refused(builder.build_missing_library(packages))
    not_zip = refused(builder.build_not_a_zip(packages))

    assert "Paket berisi jalur berbahaya: ../evil.txt" in slip.messages
    assert missing.messages == ["Pustaka yang dibutuhkan tidak ada: H5P.Question 1.5"]
    assert not_zip.messages == ["Berkas ini bukan paket H5P (bukan arsip zip)."]


def test_problems_keep_their_code_and_parameters(packages):
    error = refused(builder.build_missing_library(packages))

    assert error.problems == (
        Problem("missing-library", {"library": LibraryRef("H5P.Question", 1, 5)}),
    )


def test_every_problem_is_reported_not_only_the_first(packages):
    path = score_demo_with(
        packages,
        {"../evil.txt": "x", "content/shell.php": "x", "content/page.htm": "x"},
    )

    error = refused(path)

    assert [p.code for p in error.problems] == [
        "unsafe-path",
        "file-not-allowed",
        "file-not-allowed",
    ]


@pytest.mark.parametrize(
    "stored",
    [
        {("H5P.Question", 1, 5)},
        {"H5P.Question-1.5"},
        lambda ref: ref == ("H5P.Question", 1, 5),
    ],
    ids=["tuples", "keys", "callable"],
)
def test_a_missing_library_that_is_already_stored_is_accepted(packages, stored):
    info = validate_package(
        builder.build_missing_library(packages), stored_libraries=stored
    )

    question = LibraryRef("H5P.Question", 1, 5)
    assert question in info.required
    assert question not in info.libraries


def test_what_h5p_skips_is_skipped_and_editor_files_are_dropped(packages):
    editor = {
        "title": "Demo editor",
        "machineName": "H5PEditor.Demo",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 2,
        "runnable": 0,
        "preloadedJs": [{"path": "demo.js"}],
    }
    path = score_demo_with(
        packages,
        {
            "__MACOSX/content/._content.json": "resource fork",
            ".DS_Store": "finder",
            "content/.DS_Store": "finder",
            ".git/config": "[core]",
            "Balai.ScoreDemo-1.0/.git/HEAD": "ref: refs/heads/main",
            "content/_notes/todo.exe": "H5P skips names starting with _",
            "README": "top-level files other than h5p.json are ignored",
            "Balai.ScoreDemo-1.0/language/id.json": "{}",
            LIBRARY_JSON: library_json(
                editorDependencies=[
                    {
                        "machineName": "H5PEditor.Demo",
                        "majorVersion": 1,
                        "minorVersion": 0,
                    }
                ]
            ),
            "H5PEditor.Demo-1.0/library.json": editor,
            "H5PEditor.Demo-1.0/demo.js": "// editor only",
        },
    )

    info = validate_package(path)

    assert info.content_files == ("content/images/pixel.png",)
    assert info.skipped_libraries == (LibraryRef("H5PEditor.Demo", 1, 0),)
    assert list(info.libraries) == [SCORE_DEMO]
    assert "language/id.json" not in info.libraries[SCORE_DEMO].files


def test_a_file_without_extension_in_a_library_is_refused(packages):
    path = score_demo_with(packages, {"Balai.ScoreDemo-1.0/scripts/run": "#!/bin/sh"})

    assert refused(path).codes == {"file-not-allowed"}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"patchVersion": None}, ("missing-field", "patchVersion")),
        ({"title": None}, ("missing-field", "title")),
        ({"runnable": "yes"}, ("invalid-field", "runnable")),
        ({"majorVersion": "one"}, ("invalid-field", "majorVersion")),
        ({"machineName": "../Balai"}, ("invalid-field", "machineName")),
        ({"preloadedJs": [{"path": "../x.js"}]}, ("invalid-field", "preloadedJs[0]")),
        ({"preloadedCss": "styles.css"}, ("invalid-field", "preloadedCss")),
        (
            {"preloadedDependencies": [{"machineName": "H5P.Question"}]},
            ("invalid-field", "preloadedDependencies[0]"),
        ),
        ({"embedTypes": ["popup"]}, ("invalid-field", "embedTypes")),
    ],
)
def test_library_json_is_checked(packages, changes, problem):
    path = score_demo_with(packages, {LIBRARY_JSON: library_json(**changes)})

    error = refused(path)

    assert [(p.code, p.params["field"]) for p in error.problems] == [problem]
    assert error.problems[0].params["path"] == LIBRARY_JSON


def test_preloaded_files_must_be_in_the_package(packages):
    path = score_demo_with(
        packages, {"Balai.ScoreDemo-1.0/scripts/balai-score-demo.js": None}
    )

    error = refused(path)

    assert error.problems == (
        Problem(
            "missing-library-file",
            {"file": "scripts/balai-score-demo.js", "path": LIBRARY_JSON},
        ),
    )


def test_library_folder_must_match_its_library_json(packages):
    entries = builder.score_demo_entries()
    renamed = {
        key.replace("Balai.ScoreDemo-1.0", "Balai.ScoreDemo-2.0"): value
        for key, value in entries.items()
    }
    path = builder.write_package(packages / "renamed.h5p", renamed)

    assert "library-folder-mismatch" in refused(path).codes


def test_a_library_folder_needs_a_library_json(packages):
    path = score_demo_with(packages, {"Stray.Folder/readme.txt": "no library.json"})

    assert refused(path).codes == {"missing-library-json"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"embedTypes": None}, {"missing-field"}),
        ({"language": "bahasa indonesia"}, {"invalid-field"}),
        ({"preloadedDependencies": []}, {"missing-main-library"}),
        ({"mainLibrary": "Balai.Other"}, {"missing-main-library"}),
    ],
)
def test_h5p_json_is_checked(packages, changes, expected):
    data = json.loads(builder._as_bytes(builder.score_demo_entries()["h5p.json"]))
    data.update(changes)
    data = {key: value for key, value in data.items() if value is not None}

    error = refused(score_demo_with(packages, {"h5p.json": data}))

    assert error.codes == expected


def test_main_library_must_be_runnable(packages):
    path = score_demo_with(packages, {LIBRARY_JSON: library_json(runnable=0)})

    assert refused(path).codes == {"main-not-runnable"}


def test_a_missing_dependency_of_a_dependency_is_named(packages):
    helper = {
        "title": "Helper",
        "machineName": "Balai.Helper",
        "majorVersion": 1,
        "minorVersion": 2,
        "patchVersion": 0,
        "runnable": 0,
        "preloadedDependencies": [
            {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}
        ],
    }
    path = score_demo_with(
        packages,
        {
            "Balai.Helper-1.2/library.json": helper,
            LIBRARY_JSON: library_json(
                preloadedDependencies=[
                    {
                        "machineName": "Balai.Helper",
                        "majorVersion": 1,
                        "minorVersion": 2,
                    }
                ]
            ),
        },
    )

    error = refused(path)

    assert [str(p.params["library"]) for p in error.problems] == ["H5P.JoubelUI 1.3"]


def test_duplicate_entries_are_refused(packages):
    path = packages / "duplicate.h5p"
    builder.build_score_demo(packages, name="duplicate.h5p")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("content/content.json", "{}")

    assert refused(path).codes == {"duplicate-entry"}


def test_too_many_entries_are_refused_before_reading(packages):
    path = builder.build_score_demo(packages)

    error = refused(path, limits=Limits(max_entries=3))

    assert error.problems == (Problem("too-many-entries", {"count": 6, "limit": 3}),)


def test_total_size_is_limited(packages):
    path = builder.build_score_demo(packages)

    assert refused(path, limits=Limits(max_total_bytes=1000)).codes == {"too-large"}


# Bytes actually read ---------------------------------------------------------------


@pytest.fixture
def four_megabytes_of_zeros(packages: Path) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
    path = builder.write_package(packages / "zeros.zip", {"zeros.bin": bytes(4 * MB)})
    archive = zipfile.ZipFile(path)
    yield archive, archive.getinfo("zeros.bin")
    archive.close()


def read_all(budget: Budget, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    reader = budget.open(archive, info)
    with pytest.raises(PackageInvalid) as caught, reader:
        while reader.read(64 * 1024):
            pass
    assert len(caught.value.problems) == 1
    return reader.bytes_read


def test_reading_stops_at_the_total_limit(four_megabytes_of_zeros):
    archive, info = four_megabytes_of_zeros
    limits = Limits(max_total_bytes=1 * MB, ratio_applies_above=100 * MB)
    budget = Budget(limits)

    bytes_read = read_all(budget, archive, info)

    assert 1 * MB < bytes_read <= 1 * MB + 64 * 1024


def test_reading_stops_at_the_entry_ratio_limit(four_megabytes_of_zeros):
    archive, info = four_megabytes_of_zeros
    limits = Limits(max_ratio=2, ratio_applies_above=256 * 1024)
    allowance = limits.entry_allowance(info.compress_size)

    bytes_read = read_all(Budget(limits), archive, info)

    assert allowance == 256 * 1024
    assert allowance < bytes_read <= allowance + 64 * 1024


def test_a_bomb_whose_header_lies_about_its_size_is_caught(packages):
    path = builder.build_lying_zip_bomb(packages, claimed_size=1024)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("content/bomb.txt")
    assert info.file_size == 1024  # the header lies: 64 MB are inside

    error = refused(path)

    assert error.problems == (Problem("corrupt-entry", {"path": "content/bomb.txt"}),)


# Libraries -------------------------------------------------------------------------


def lib(name: str, *deps: str) -> Library:
    ref = LibraryRef.from_key(name)
    return Library(
        ref=ref,
        title=name,
        patch_version=0,
        runnable=False,
        preloaded_js=(f"{ref.machine_name}.js",),
        preloaded_dependencies=tuple(LibraryRef.from_key(dep) for dep in deps),
    )


def test_library_ref_keys():
    ref = LibraryRef.from_key("H5P.MultiChoice-1.14")

    assert ref == ("H5P.MultiChoice", 1, 14)
    assert ref.key == "H5P.MultiChoice-1.14"
    assert str(ref) == "H5P.MultiChoice 1.14"
    with pytest.raises(ValueError, match="Not an H5P library key"):
        LibraryRef.from_key("../etc-1.0")


def test_preload_order_puts_dependencies_first():
    libraries = {
        library.ref: library
        for library in [
            lib("Main-1.0", "Question-1.4", "FontAwesome-4.5"),
            lib("Question-1.4", "JoubelUI-1.3"),
            lib("JoubelUI-1.3", "FontAwesome-4.5", "Question-1.4"),  # a cycle
            lib("FontAwesome-4.5"),
            lib("SubQuestion-1.0", "Question-1.4"),
            lib("Unused-1.0"),
        ]
    }
    main = LibraryRef.from_key("Main-1.0")
    sub = LibraryRef.from_key("SubQuestion-1.0")

    order = preload_order(main, libraries, dependencies=[sub, main])

    assert [library.ref.key for library in order] == [
        "FontAwesome-4.5",
        "JoubelUI-1.3",
        "Question-1.4",
        "SubQuestion-1.0",
        "Main-1.0",
    ]


def test_preload_order_names_a_missing_library():
    main = lib("Main-1.0", "Gone-2.1")

    with pytest.raises(KeyError, match="Gone 2.1"):
        preload_order(main.ref, {main.ref: main})


def test_unused_libraries():
    everything = ["Main-1.0", "Question-1.4", "JoubelUI-1.3", "Old-1.0"]
    dependencies = {"Main-1.0": ["Question-1.4"], "Question-1.4": ["JoubelUI-1.3"]}

    assert unused_libraries(everything, [["Main-1.0"]], dependencies=dependencies) == {
        "Old-1.0"
    }
    assert unused_libraries(everything, [{LibraryRef("Old", 1, 0)}]) == {
        "Main-1.0",
        "Question-1.4",
        "JoubelUI-1.3",
    }
    assert unused_libraries(everything, []) == set(everything)


def test_a_recorded_library_json_rebuilds_the_library(packages):
    info = validate_package(builder.build_score_demo(packages))
    recorded = json.loads(json.dumps(info.libraries[SCORE_DEMO].data))

    library = library_from_json(recorded)

    assert library == info.libraries[SCORE_DEMO]
    with pytest.raises(PackageInvalid):
        library_from_json({"title": "no machine name"})
