import pytest


@pytest.fixture(autouse=True)
def page_tree(request):
    """Transactional (browser) tests flush Wagtail's root page and default site away;
    put them back so pages have URLs."""
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code="id")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.add_child(instance=Page(title="Balai Daring", slug="beranda"))
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
