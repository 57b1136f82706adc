"""Page skeletons: a page cut at its marks, put together with one request's
values, kept for a while and within a bound."""

from django.test import RequestFactory

from lms import page_skeleton
from lms.page_skeleton import Skeleton, SkeletonStore, mark


def test_a_skeleton_is_put_together_with_the_requests_own_values_escaped():
    html = f"<p data-x='{mark('own')}'>{mark('full_path')} {mark('own')}</p>"
    request = RequestFactory().get("/katalog/", {"q": "a", "r": "b"})

    skeleton = Skeleton.from_html(html)

    assert skeleton.names() == {"own", "full_path"}
    assert skeleton.splice(request, {"own": 'a"b'}) == (
        "<p data-x='a&quot;b'>/katalog/?q=a&amp;r=b a&quot;b</p>"
    )


def test_text_that_only_looks_like_a_mark_stays_text():
    forged = "bdsk000000000000own. " + mark("own").replace("bdsk", "BDSK")

    skeleton = Skeleton.from_html(forged)

    assert skeleton.parts == (forged,)


def test_the_store_keeps_the_most_recently_used_within_its_size():
    store = SkeletonStore(size=2)
    store.put("a", Skeleton(("A",)))
    store.put("b", Skeleton(("B",)))
    store.get("a")
    store.put("c", Skeleton(("C",)))

    assert store.get("b") == (False, None)
    assert store.get("a") == (True, Skeleton(("A",)))
    assert len(store) == 2


def test_the_store_forgets_a_skeleton_older_than_its_age(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(page_skeleton.time, "monotonic", lambda: now[0])
    store = SkeletonStore(max_age=300)
    store.put("a", None)  # "never shared" is remembered as long

    now[0] += 299
    assert store.get("a") == (True, None)
    now[0] += 2
    assert store.get("a") == (False, None)
