"""How a certificate is numbered: the one home of the rule.

- **Who numbers it.** The course's Balai's default template names the issuer: the
  Balai itself or a Dinas (a province or a regency). Without a template the Balai
  issues, with the default pattern. `certificate_issuer` decides.
- **The sequence.** Each issuer has one gapless sequence per year of completion
  (`IssuerSequence`, locked to take numbers). `issuer_sequence_next` takes them
  inside the transaction that stores the certificates, so a number is committed
  with its record or not at all (and records are never deleted: no gaps).
- **The pattern.** Per template, e.g. ``{seq}/{course_code}/{region}/{year}``;
  exactly one ``{seq}``, only the names of `NUMBER_PLACEHOLDERS`
  (`number_pattern_validate`), filled by a regex, never ``str.format``
  (`number_format`).

`certificate_numbers` numbers a batch of certificates (a single issue is a batch
of one); the template preview formats a sample number with `number_format`.

`IssuerSequence` is declared here, beside the only function that writes it;
`certificates.models` imports it, so Django loads it with the app's models. This
module imports nothing else of the app, so the models can use its validator.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from lms.models import Balai

    from .models import CertificateTemplate

DEFAULT_NUMBER_PATTERN = "{seq}/{course_code}/{region}/{year}"
DEFAULT_SEQ_DIGITS = 4
NUMBER_PLACEHOLDERS = ("seq", "course_code", "region", "province", "issuer", "year")
NO_REGION = "00"  # {region} and {province} of a holder without a village
_PATTERN_FIELD = re.compile(r"\{([^{}]*)\}")


class IssuerKind(models.TextChoices):
    BALAI = "balai", _("Balai pelatihan")
    DINAS = "dinas", _("Dinas (provinsi atau kabupaten/kota)")


class IssuerSequence(models.Model):
    """The last number given by an issuer in a year (locked to take the next one)."""

    issuer_key = models.CharField(max_length=60)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "certificates"
        verbose_name = _("urutan nomor")
        verbose_name_plural = _("urutan nomor")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_key", "year"], name="issuer_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer_key} {self.year}: {self.last_value}"


# ------------------------------------------------------------------ the issuer


@dataclass(frozen=True)
class Issuer:
    """Who numbers (and signs for) a certificate, and how its number reads."""

    key: str  # owns the sequence: "balai-<Balai code>" or "dinas-<region code>"
    name: str  # printed on the certificate
    pattern: str
    seq_digits: int

    @property
    def code(self) -> str:
        """The ``{issuer}`` of the pattern: the key without its kind, upper case."""
        return self.key.split("-", 1)[1].upper()


def certificate_issuer(*, balai: Balai, template: CertificateTemplate | None) -> Issuer:
    """The issuer of a course's certificates: its Balai's default template's, or
    (no template) the Balai itself with the default pattern."""
    if template is None:
        return Issuer(
            key=f"balai-{balai.code}",
            name=balai.name,
            pattern=DEFAULT_NUMBER_PATTERN,
            seq_digits=DEFAULT_SEQ_DIGITS,
        )
    if template.issuer_kind == IssuerKind.DINAS:
        key = f"dinas-{template.issuer_regency_id or template.issuer_province_id}"
    else:
        key = f"balai-{template.balai.code}"
    return Issuer(
        key=key,
        name=template.issuer_name or template.balai.name,
        pattern=template.number_pattern,
        seq_digits=template.seq_digits,
    )


# ------------------------------------------------------------------ the pattern


def number_pattern_validate(pattern: str) -> None:
    """A template's pattern: exactly one ``{seq}``, no unknown placeholder."""
    names = _PATTERN_FIELD.findall(pattern)
    unknown = sorted(set(names) - set(NUMBER_PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Isian tidak dikenal dalam pola nomor: %(names)s. Yang boleh: %(known)s.")
            % {
                "names": ", ".join(f"{{{n}}}" for n in unknown),
                "known": ", ".join(f"{{{n}}}" for n in NUMBER_PLACEHOLDERS),
            }
        )
    if names.count("seq") != 1:
        raise ValidationError(_("Pola nomor harus memuat {seq} tepat satu kali."))


def number_format(
    *,
    issuer: Issuer,
    seq: int,
    course_code: str,
    regency_code: str | None,
    province_code: str | None,
    year: int,
) -> str:
    """The number, by the issuer's pattern: ``{seq}`` zero-padded to its digits,
    ``{region}``/``{province}`` the holder's regency/province code (``00`` without
    a village), ``{year}`` the year of completion. Filled by a regex: no attribute
    access, no format specs; an unknown name is left as written."""
    values = {
        "seq": str(seq).zfill(issuer.seq_digits),
        "course_code": course_code,
        "region": regency_code or NO_REGION,
        "province": province_code or NO_REGION,
        "issuer": issuer.code,
        "year": str(year),
    }
    return _PATTERN_FIELD.sub(
        lambda m: values.get(m.group(1), m.group(0)), issuer.pattern
    )


# ------------------------------------------------------------------ the sequence


def issuer_sequence_next(*, issuer_key: str, year: int, count: int = 1) -> int:
    """Take the issuer's next `count` consecutive numbers of the year; the first.

    Call it inside the transaction that stores the certificates: the sequence row
    stays locked until that commits, so numbers are gapless and never given twice.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issuer_sequence_next must run inside a transaction")
    sequences = IssuerSequence.objects.select_for_update()
    sequence = sequences.filter(issuer_key=issuer_key, year=year).first()
    if sequence is None:
        # The first number of the year: create the row, or wait for the
        # transaction that is creating it (no error, no savepoint).
        IssuerSequence.objects.bulk_create(
            [IssuerSequence(issuer_key=issuer_key, year=year)], ignore_conflicts=True
        )
        sequence = sequences.get(issuer_key=issuer_key, year=year)
    IssuerSequence.objects.filter(pk=sequence.pk).update(
        last_value=F("last_value") + count
    )
    return sequence.last_value + 1


# ------------------------------------------------------------------ numbering


@dataclass(frozen=True)
class NumberRequest:
    """One certificate to number."""

    issuer: Issuer
    course_code: str
    regency_code: str | None  # the holder's
    province_code: str | None
    completed_on: datetime.date


@dataclass(frozen=True)
class CertificateNumber:
    issuer_key: str
    year: int
    seq: int
    number: str


def certificate_numbers(
    *, requests: Sequence[NumberRequest]
) -> list[CertificateNumber]:
    """Number these certificates, in the order given (inside the transaction that
    stores them).

    Each issuer's numbers of a year are taken in one step, issuers in key order (so
    concurrent batches lock the sequences in the same order), and given out in the
    order of the requests: a batch's numbers are consecutive.
    """
    counts = Counter((r.issuer.key, r.completed_on.year) for r in requests)
    next_seq = {
        key: issuer_sequence_next(issuer_key=key[0], year=key[1], count=count)
        for key, count in sorted(counts.items())
    }
    numbers = []
    for request in requests:
        key = (request.issuer.key, request.completed_on.year)
        seq = next_seq[key]
        next_seq[key] += 1
        numbers.append(
            CertificateNumber(
                issuer_key=request.issuer.key,
                year=request.completed_on.year,
                seq=seq,
                number=number_format(
                    issuer=request.issuer,
                    seq=seq,
                    course_code=request.course_code,
                    regency_code=request.regency_code,
                    province_code=request.province_code,
                    year=request.completed_on.year,
                ),
            )
        )
    return numbers
