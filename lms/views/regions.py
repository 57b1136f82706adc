from django.shortcuts import render

from lms.selectors import village_search


def village_lookup(request):
    """Public: find a village's code by its name (for registration)."""
    query = request.GET.get("q", "")
    return render(
        request,
        "lms/village_lookup.html",
        {"q": query, "villages": village_search(query=query)},
    )
