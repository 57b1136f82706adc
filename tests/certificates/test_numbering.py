"""How a certificate is numbered: one function (certificates.numbering) that the
single issue, the batch and the template preview all use."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.layouts import sample_data
from certificates.models import Certificate
from certificates.numbering import (
    DEFAULT_NUMBER_PATTERN,
    NUMBER_PLACEHOLDERS,
    Issuer,
    IssuerKind,
    IssuerSequence,
    NumberRequest,
    certificate_issuer,
    certificate_numbers,
    issuer_sequence_next,
    number_format,
    number_pattern_validate,
)
from certificates.services.issuing import certificate_issue, certificates_issue_many
from lms.factories import BalaiFactory
from lms.models import Province, Regency


def _issuer(pattern: str, digits: int = 4, key: str = "balai-bplk-kalsel") -> Issuer:
    return Issuer(key=key, name="Penerbit", pattern=pattern, seq_digits=digits)


# ------------------------------------------------------------------ the pattern


def test_the_default_number_reads_seq_course_region_and_year():
    number = number_format(
        issuer=_issuer(DEFAULT_NUMBER_PATTERN),
        seq=7,
        course_code="AK",
        regency_code="63.03",
        province_code="63",
        year=2026,
    )
    assert number == "0007/AK/63.03/2026"


def test_every_placeholder_is_filled_and_a_holder_without_a_village_reads_00():
    pattern = "/".join(f"{{{name}}}" for name in NUMBER_PLACEHOLDERS)
    number = number_format(
        issuer=_issuer(pattern, digits=3, key="dinas-63.03"),
        seq=12,
        course_code="SP",
        regency_code=None,
        province_code=None,
        year=2027,
    )
    assert number == "012/SP/00/00/63.03/2027"


@pytest.mark.parametrize(
    "pattern",
    ["{seq:>9}/{tahun}", "{seq.__class__}", "{0}/{seq}", "{}", "{ seq }"],
)
def test_a_pattern_is_filled_by_name_only_never_by_str_format(pattern):
    number = number_format(
        issuer=_issuer(pattern),
        seq=1,
        course_code="AK",
        regency_code="63.03",
        province_code="63",
        year=2026,
    )
    assert number == pattern.replace("{seq}", "0001")


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again():
    number = number_format(
        issuer=_issuer("{course_code}/{seq}"),
        seq=1,
        course_code="{year}",
        regency_code=None,
        province_code=None,
        year=2026,
    )
    assert number == "{year}/0001"


@pytest.mark.parametrize(
    "pattern", ["{seq}/{course_code}/{region}/{province}/{issuer}/{year}", "{seq}"]
)
def test_a_pattern_with_one_seq_and_known_placeholders_is_accepted(pattern):
    number_pattern_validate(pattern)


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("{seq}/{rahasia}", "{rahasia}"),
        ("{course_code}/{year}", "{seq}"),
        ("{seq}-{seq}", "{seq}"),
    ],
)
def test_a_pattern_without_exactly_one_seq_or_with_an_unknown_name_is_refused(
    pattern, says
):
    with pytest.raises(ValidationError) as refused:
        number_pattern_validate(pattern)
    assert says in refused.value.messages[0]


# ------------------------------------------------------------------ the issuer


@pytest.mark.django_db
def test_without_a_template_the_balai_issues_with_the_default_pattern():
    balai = BalaiFactory(code="bplk-kalsel", name="BPLK Kalimantan Selatan")
    issuer = certificate_issuer(balai=balai, template=None)
    assert issuer == Issuer(
        key="balai-bplk-kalsel",
        name="BPLK Kalimantan Selatan",
        pattern=DEFAULT_NUMBER_PATTERN,
        seq_digits=4,
    )
    assert issuer.code == "BPLK-KALSEL"


@pytest.mark.django_db
def test_a_balai_template_issues_under_the_balai_with_its_own_name_and_pattern():
    template = CertificateTemplateFactory(
        balai__code="bplk-kalsel",
        issuer_name="Balai Pelatihan Koperasi Kalsel",
        number_pattern="{issuer}/{seq}",
        seq_digits=5,
    )
    issuer = certificate_issuer(balai=template.balai, template=template)
    assert (issuer.key, issuer.name, issuer.pattern, issuer.seq_digits) == (
        "balai-bplk-kalsel",
        "Balai Pelatihan Koperasi Kalsel",
        "{issuer}/{seq}",
        5,
    )
    template.issuer_name = ""
    assert (
        certificate_issuer(balai=template.balai, template=template).name
        == template.balai.name
    )


@pytest.mark.django_db
def test_a_dinas_template_numbers_under_its_regency_or_province():
    template = CertificateTemplateFactory(
        issuer_kind=IssuerKind.DINAS,
        issuer_regency=Regency.objects.get(pk="63.03"),
        issuer_name="Dinas Koperasi Kabupaten Banjar",
    )
    assert certificate_issuer(balai=template.balai, template=template).key == (
        "dinas-63.03"
    )
    template.issuer_regency = None
    template.issuer_province = Province.objects.get(pk="63")
    issuer = certificate_issuer(balai=template.balai, template=template)
    assert (issuer.key, issuer.code) == ("dinas-63", "63")


# ------------------------------------------------------------------ the sequence


@pytest.mark.django_db
def test_the_sequence_is_taken_only_inside_the_transaction_that_stores_the_numbers():
    with transaction.atomic():
        assert issuer_sequence_next(issuer_key="balai-x", year=2026) == 1
        assert issuer_sequence_next(issuer_key="balai-x", year=2026, count=3) == 2
        assert issuer_sequence_next(issuer_key="balai-x", year=2026) == 5
        assert issuer_sequence_next(issuer_key="balai-x", year=2027) == 1
        assert issuer_sequence_next(issuer_key="balai-y", year=2026) == 1
    assert IssuerSequence.objects.get(issuer_key="balai-x", year=2026).last_value == 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("page_root")
def test_outside_a_transaction_the_sequence_refuses():
    with pytest.raises(RuntimeError, match="inside a transaction"):
        issuer_sequence_next(issuer_key="balai-x", year=2026)
    assert not IssuerSequence.objects.exists()


@pytest.mark.django_db
def test_a_batch_is_numbered_in_its_order_per_issuer_and_year_without_gaps():
    day = datetime.date(2026, 5, 2)
    other = _issuer("D-{seq}", digits=2, key="dinas-63")
    balai = _issuer(DEFAULT_NUMBER_PATTERN)

    def request(issuer, completed_on=day):
        return NumberRequest(
            issuer=issuer,
            course_code="AK",
            regency_code="63.03",
            province_code="63",
            completed_on=completed_on,
        )

    with transaction.atomic():
        numbers = certificate_numbers(
            requests=[
                request(balai),
                request(other),
                request(balai),
                request(balai, datetime.date(2027, 1, 3)),
                request(other),
            ]
        )
        single = certificate_numbers(requests=[request(balai)])
    assert [(n.issuer_key, n.year, n.seq, n.number) for n in numbers + single] == [
        ("balai-bplk-kalsel", 2026, 1, "0001/AK/63.03/2026"),
        ("dinas-63", 2026, 1, "D-01"),
        ("balai-bplk-kalsel", 2026, 2, "0002/AK/63.03/2026"),
        ("balai-bplk-kalsel", 2027, 1, "0001/AK/63.03/2027"),
        ("dinas-63", 2026, 2, "D-02"),
        ("balai-bplk-kalsel", 2026, 3, "0003/AK/63.03/2026"),
    ]


# ------------------------------------------------------------------ every caller


@pytest.mark.django_db
def test_single_issues_and_batches_share_the_issuers_sequence_and_pattern():
    template = CertificateTemplateFactory(
        balai__code="bplk-kalsel", number_pattern="{issuer}/{seq}/{year}"
    )
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    rest = [CompletedEnrollmentFactory(course=first.course) for _ in range(3)]
    certificate_issue(enrollment_id=first.pk)
    certificates_issue_many(enrollment_ids=[e.pk for e in rest])
    year = timezone.localdate().year
    assert list(
        Certificate.objects.order_by("seq").values_list("number", flat=True)
    ) == [f"BPLK-KALSEL/{n:04d}/{year}" for n in range(1, 5)]


@pytest.mark.django_db
def test_the_template_preview_shows_a_number_as_the_template_gives_it():
    template = CertificateTemplateFactory(
        balai__code="bplk-kalsel",
        number_pattern="{issuer}-{seq}/{course_code}/{region}/{year}",
        seq_digits=3,
    )
    number = sample_data(template=template).number
    assert re.fullmatch(r"BPLK-KALSEL-001/AK/63\.03/\d{4}", number)
