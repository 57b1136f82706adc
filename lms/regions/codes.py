"""How Kemendagri region codes relate: the one place that knows their shape.

A code is a dotted string whose length names its level, and a child's code starts
with its parent's: `63` (province) → `63.03` (regency) → `63.03.05` (district) →
`63.03.05.2001` (village); `""` is the whole country. Every slice, length and
prefix test of a region code in the project is one of these functions.
"""

import re

from django.db.models import F, Q
from django.db.models.expressions import Combinable
from django.db.models.functions import Substr

# Levels, named by the length of their codes.
COUNTRY = 0
PROVINCE = 2
REGENCY = 5
DISTRICT = 8
VILLAGE = 13
LEVELS = (COUNTRY, PROVINCE, REGENCY, DISTRICT, VILLAGE)
LEVEL_NAMES = {
    COUNTRY: "nasional",
    PROVINCE: "provinsi",
    REGENCY: "kabupaten",
    DISTRICT: "kecamatan",
    VILLAGE: "desa",
}

# A province, regency, district or village code (the country, "", is not matched).
PATTERN = r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?"
_CODE = re.compile(PATTERN)
_VILLAGE_DIGITS = re.compile(r"\d{10}")


def is_code(code: str, *, country: bool = False) -> bool:
    """Whether `code` is a well-formed region code (`""` too, with `country`)."""
    if code == "":
        return country
    return bool(_CODE.fullmatch(code))


def level_of(code: str) -> int:
    """The level of a code (`COUNTRY` … `VILLAGE`); ValueError if it is none."""
    if not is_code(code, country=True):
        raise ValueError(f"not a region code: {code!r}")
    return len(code)


def child_level(level: int) -> int:
    """The level below `level` (a province's children are regencies, …)."""
    index = LEVELS.index(level)
    if index + 1 == len(LEVELS):
        raise ValueError("a village has no child regions")
    return LEVELS[index + 1]


def ancestor(code: str, level: int) -> str:
    """The region at `level` that contains `code` (`code` itself at its own level)."""
    if level not in LEVELS or level > len(code):
        raise ValueError(f"{code!r} has no ancestor at level {level}")
    return code[:level]


def province_of(code: str) -> str:
    return ancestor(code, PROVINCE)


def regency_of(code: str) -> str:
    return ancestor(code, REGENCY)


def district_of(code: str) -> str:
    return ancestor(code, DISTRICT)


def parent_of(code: str) -> str:
    """The region directly above `code` (`""` for a province)."""
    level = level_of(code)
    if level == COUNTRY:
        raise ValueError("the country has no parent")
    return code[: LEVELS[LEVELS.index(level) - 1]]


def lineage(code: str) -> list[str]:
    """Every region from the country down to `code`: `["", "63", "63.03"]`."""
    level = level_of(code)
    return [code[:at] for at in LEVELS if at <= level]


def is_within(code: str, root: str) -> bool:
    """Whether region `code` lies in region `root` (a region lies in itself)."""
    return root == "" or code == root or code.startswith(f"{root}.")


def common_root(codes: list[str]) -> str:
    """The smallest region that contains every one of `codes` (`""`: the country)."""
    if not codes:
        raise ValueError("no codes")
    root = codes[0]
    for code in codes[1:]:
        while not is_within(code, root):
            root = parent_of(root)
    return root


def village_code_normalize(raw: str) -> str:
    """`6303012001` and ` 63.03.01.2001 ` both mean `63.03.01.2001`."""
    text = re.sub(r"\s", "", raw or "")
    if _VILLAGE_DIGITS.fullmatch(text):
        return f"{text[:2]}.{text[2:4]}.{text[4:6]}.{text[6:]}"
    return text


def region_columns(village_code: str) -> dict[str, str]:
    """The denormalised region keys of a row placed in a village."""
    return {
        "regency_id": regency_of(village_code),
        "province_id": province_of(village_code),
    }


# ---------------------------------------------------------------- in queries


def within_q(field: str, root: str) -> Q:
    """Rows whose `field` (a code at `root`'s level or below) lies in `root`.

    One prefix test on the code: no join to the region tables (PostgreSQL answers
    it from the column's `…_like` index)."""
    if root == "":
        return Q()
    if len(root) == VILLAGE:
        return Q(**{field: root})
    return Q(**{field: root}) | Q(**{f"{field}__startswith": f"{root}."})


def villages_within_q(field: str, root: str) -> Q:
    """`within_q` for a field that holds village codes only (no equality branch)."""
    if root == "" or len(root) == VILLAGE:
        return within_q(field, root)
    return Q(**{f"{field}__startswith": f"{root}."})


def ancestor_expression(field: str, level: int) -> Combinable:
    """The code at `level` of a village-code column, computed in the database."""
    if level == VILLAGE:
        return F(field)
    return Substr(field, 1, level)
