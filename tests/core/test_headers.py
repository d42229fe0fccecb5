"""Headers: nothing holding personal data is cached; HTML runs only our own files; evidence
files are sandboxed and downloaded or shown as their type asks."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.centres.factories import jpeg_bytes, make_evidence, pdf_bytes
from tests.debts.factories import make_household
from tests.factories import make_centre

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Inline code the policy would block: <script> without src, <style>, style="", onclick=…
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_no_template_holds_inline_script_or_style():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        if "print" in path.parts:  # PDF sources for WeasyPrint, never served as pages
            continue
        found += [f"{path.relative_to(TEMPLATES)}: {m}" for m in INLINE.findall(path.read_text())]
    assert not found


def test_pages_are_not_cached_and_run_only_our_files(client, persona):
    centre = make_centre()
    household = make_household(centre=centre)
    client.force_login(persona("faiwrai"))
    for url in [reverse("home"), centre.get_absolute_url(), household.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert no_store(response), url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy


def test_htmx_is_told_not_to_inject_styles_or_run_code(client, persona):
    client.force_login(persona("faiwrai"))
    page = client.get(reverse("home")).text
    assert '"includeIndicatorStyles": false' in page and '"allowEval": false' in page


def test_downloads_are_not_cached(client, persona):
    client.force_login(persona("nongkhai"))
    response = client.get(reverse("centres:register_xlsx") + "?province=43")
    assert response.status_code == 200
    assert no_store(response)
    assert "Content-Security-Policy" not in response  # a file, not a page


def test_the_login_page_is_not_cached(client):
    assert no_store(client.get(reverse("login")))


@pytest.mark.parametrize(
    ("content", "name", "disposition"),
    [
        (jpeg_bytes(), "photo.jpg", "inline"),
        (pdf_bytes(), "minutes.pdf", "attachment"),
    ],
)
def test_evidence_is_sandboxed_and_served_as_its_type(client, persona, content, name, disposition):
    centre = make_centre()
    evidence = make_evidence(centre=centre, content=content, name=name)
    client.force_login(persona("faiwrai"))
    response = client.get(reverse("centres:evidence_file", args=[centre.pk, evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("sandbox; default-src 'none'")
    assert response["Content-Disposition"].startswith(disposition)
    assert no_store(response)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_title_with_line_breaks_still_downloads(client, persona):
    centre = make_centre()
    evidence = make_evidence(centre=centre, content=pdf_bytes(), name="a.pdf")
    evidence.title = "รายงาน\r\nการประชุม/ครั้งที่ 1"
    evidence.save()
    client.force_login(persona("faiwrai"))
    response = client.get(reverse("centres:evidence_file", args=[centre.pk, evidence.pk]))
    assert response.status_code == 200
    assert "\n" not in response["Content-Disposition"]
