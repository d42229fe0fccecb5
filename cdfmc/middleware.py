from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers


class ChosenLanguageMiddleware:
    """Thai unless the user chose another language in the user menu.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the
    offices' machines often ship with English browsers, and the official forms are Thai.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class SecurityHeadersMiddleware:
    """No browser or proxy keeps a page or file, and HTML pages run only our own files.

    Pages and downloads may show citizen IDs and debts, so every response gets
    Django's never-cache headers (Cache-Control: no-store …): static files never come
    here (WhiteNoise answers them earlier). HTML gets `settings.CONTENT_SECURITY_POLICY`
    unless the view set a policy of its own (evidence files are sandboxed).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        html = response.get("Content-Type", "").startswith("text/html")
        # Django's technical error pages (DEBUG only) are built with inline styles.
        debug_page = settings.DEBUG and response.status_code >= 400
        if html and not debug_page:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
