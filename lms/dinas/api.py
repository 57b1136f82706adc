"""Read-only REST API for national and regional monitoring systems.

Token authentication (`Authorization: Token <key>`); the token's user is scoped
like on the pages (`lms.scoping`): a regency officer's token sees only its regency.
OpenAPI schema at /api/v1/schema/.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated

from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext as _

from lms import scoping
from lms.regions import codes

from . import selectors
from .selectors.filters import region_rows_q


class RegionCompletionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Kemendagri region code, e.g. 63.03")
    name = serializers.CharField()
    villages = serializers.IntegerField()
    cooperatives = serializers.IntegerField()
    participants = serializers.IntegerField(help_text="Participants registered")
    enrolled = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()
    certified = serializers.IntegerField()
    covered = serializers.IntegerField(
        help_text="Villages whose participants reached the certified quota"
    )
    completion_percent = serializers.IntegerField()
    coverage_percent = serializers.IntegerField()


class CooperativeCompletionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    legal_number = serializers.CharField(allow_null=True)
    home_village = serializers.CharField(
        source="home_village_id", help_text="Village code"
    )
    participants = serializers.IntegerField()
    enrolled = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()


class MonitorPermission(IsAuthenticated):
    def has_permission(self, request, view):
        return (
            super().has_permission(request, view)
            and scoping.person_can(request.user).follow_regions
        )


COURSE = OpenApiParameter("course", OpenApiTypes.INT, description="Course id")
TRACK = OpenApiParameter("track", OpenApiTypes.STR, description="Track slug")


def _filters(request) -> selectors.Filters:
    query = {
        "kursus": request.query_params.get("course", ""),
        "jalur": request.query_params.get("track", ""),
    }
    filters = selectors.filters_from_query(query)
    if filters.errors:
        raise ValidationError(filters.errors)
    return filters


def _region(request, name: str) -> str:
    code = request.query_params.get(name, "").strip()
    code = code or scoping.scope_root(request.user)
    if (
        not codes.is_code(code, country=True)
        or codes.level_of(code) == codes.VILLAGE  # a village has no child regions
        or not scoping.can_see_region(request.user, code)
    ):
        raise NotFound(_("Wilayah tidak ditemukan."))
    return code


class RegionCompletionList(ListAPIView):
    """Completion counts for each child region of `parent` (default: your scope)."""

    serializer_class = RegionCompletionSerializer
    permission_classes = [MonitorPermission]
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "parent",
                OpenApiTypes.STR,
                description='Region code ("" = country, 63 = province, 63.03 = regency, '
                "63.03.05 = district); children are listed",
            ),
            COURSE,
            TRACK,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        code = _region(self.request, "parent")
        table = selectors.region_table(
            user=self.request.user, code=code, filters=_filters(self.request)
        )
        return table["rows"]


class CooperativeCompletionList(ListAPIView):
    """Completion counts per cooperative of a region (paginated, 100 per page)."""

    serializer_class = CooperativeCompletionSerializer
    permission_classes = [MonitorPermission]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "region", OpenApiTypes.STR, description="Region code (default: scope)"
            ),
            COURSE,
            TRACK,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not scoping.person_can(self.request.user).run_programmes:
            raise PermissionDenied
        code = _region(self.request, "region")
        filters = _filters(self.request)
        enrollment = Q()
        if filters.course_ids is not None:
            enrollment = Q(members__enrollments__course_id__in=filters.course_ids)
        return (
            scoping.visible_cooperatives(self.request.user)
            .filter(region_rows_q(code, field="home_village__code"))
            .annotate(
                participants=Count("members", distinct=True),
                enrolled=Count("members__enrollments", filter=enrollment),
                started=Count(
                    "members__enrollments",
                    filter=enrollment
                    & Q(members__enrollments__started_at__isnull=False),
                ),
                completed=Count(
                    "members__enrollments",
                    filter=enrollment
                    & Q(members__enrollments__completed_at__isnull=False),
                ),
            )
            .order_by("home_village_id", "name")
        )


class SchemaView(SpectacularAPIView):
    permission_classes = [AllowAny]


urlpatterns = [
    path(
        "completion/regions/",
        RegionCompletionList.as_view(),
        name="api_completion_regions",
    ),
    path(
        "completion/cooperatives/",
        CooperativeCompletionList.as_view(),
        name="api_completion_cooperatives",
    ),
    path("schema/", SchemaView.as_view(), name="api_schema"),
]
