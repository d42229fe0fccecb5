from tests.urlmatrix import EVERYONE, IN_AREA, Case

# The register of จ.หนองคาย: every officer of the province sees it (a district officer
# only their district's rows); staff of เลย get 404.
NONGKHAI_REGISTER = {**IN_AREA, "phonphisai": 200}
# Import: whoever enters data (district, province, admin); head office reads only.
IMPORTERS = {**EVERYONE, "headoffice": 403}

CASES = {
    "centres:register": Case(expect=NONGKHAI_REGISTER, query="?province=43"),
    "centres:register_xlsx": Case(expect=NONGKHAI_REGISTER, query="?province=43"),
    "centres:register_import": Case(expect=IMPORTERS),
    # Without an uploaded sheet in the session the confirm sends back to the upload form.
    "centres:register_import_confirm": Case(
        expect={**dict.fromkeys(EVERYONE, 302), "headoffice": 403},
        method="post",
        data=lambda w: {"token": "nothing-uploaded"},
    ),
}
