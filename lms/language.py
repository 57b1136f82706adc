"""Which language a page is in: Bahasa Indonesia unless the person chose another."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def language_chosen(request) -> str:
    """The language chosen with the footer's form (its cookie), else Indonesian.

    The browser's Accept-Language is deliberately not consulted: many phones in
    Indonesia are set to English, and their owners still expect the platform in
    Bahasa Indonesia. English is there for whoever picks it.
    """
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:
            return translation.get_supported_language_variant(chosen)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing by cookie or LANGUAGE_CODE only.

    The platform does not use i18n_patterns, so the response only states its
    language; it varies by the cookie (Vary: Cookie), not by Accept-Language.
    """

    def process_request(self, request):
        translation.activate(language_chosen(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
