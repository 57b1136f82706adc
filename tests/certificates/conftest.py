import pytest


@pytest.fixture
def page_root(transactional_db):
    """Transactional tests flush Wagtail's locale, root page and default site away;
    put them back so pages can be made and have URLs."""
    from django.conf import settings

    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.add_child(instance=Page(title="Balai Daring", slug="beranda"))
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return root
