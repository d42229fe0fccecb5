"""Register uploads are bounded before a reader inflates them (an xlsx is a zip)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_centre

pytestmark = pytest.mark.django_db


def inflating_xlsx(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(megabytes):
                member.write(b" " * (1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("persona_name", "url"),
    [
        ("nongkhai", lambda centre: reverse("centres:register_import")),
        ("faiwrai", lambda centre: reverse("debts:import", args=[centre.pk])),
        ("faiwrai", lambda centre: reverse("debts:balance_import", args=[centre.pk])),
    ],
)
def test_a_register_inflating_beyond_the_limit_is_refused_at_the_field(
    client, persona, persona_name, url
):
    client.force_login(persona(persona_name))
    upload = SimpleUploadedFile("ทะเบียน.xlsx", inflating_xlsx(150))
    response = client.post(url(make_centre()), {"file": upload})
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert "เมื่อขยายแล้วมีขนาด 150 MB เกินที่กำหนด 100 MB" in errors[0]
