"""Demo course content for Balai Daring, in Bahasa Indonesia.

Plain data only (standard library, no Django imports): the loader turns each
``COURSE`` dict into Wagtail pages and question banks.
"""

from .akuntansi import COURSE as AKUNTANSI
from .manajemen import COURSE as MANAJEMEN
from .promosi_ti import COURSE as PROMOSI_TI
from .simpan_pinjam import COURSE as SIMPAN_PINJAM

COURSES: list[dict] = [MANAJEMEN, AKUNTANSI, SIMPAN_PINJAM, PROMOSI_TI]

__all__ = ["COURSES"]
