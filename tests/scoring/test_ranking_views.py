"""Acceptance: five proposed centres, two assessors each, ranked; screen and xlsx agree."""

import io
from html.parser import HTMLParser

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from cdfmc.geo.models import Subdistrict
from scoring import services
from tests.factories import make_centre
from tests.scoring.factories import make_assessment, make_proposal, make_round, score_all

pytestmark = pytest.mark.django_db


def nongkhai_subdistricts(n):
    """One subdistrict in each of n Nong Khai districts."""
    found, districts = [], set()
    for sub in Subdistrict.objects.filter(district__province="43").order_by("code"):
        if sub.district_id not in districts:
            districts.add(sub.district_id)
            found.append(sub.code)
    return found[:n]


def make_ranked_round(persona, size=5):
    selection_round = make_round()
    services.panel_appoint(
        selection_round=selection_round, member=persona("phonphisai"), user=persona("nongkhai")
    )
    services.panel_appoint(
        selection_round=selection_round, member=persona("faiwrai"), user=persona("nongkhai")
    )
    proposals = []
    for index, code in enumerate(nongkhai_subdistricts(size)):
        proposal = make_proposal(
            centre=make_centre(subdistrict=code), selection_round=selection_round
        )
        second = "faiwrai" if proposal.district_id == "4305" else "phonphisai"
        for offset, assessor in enumerate(["nongkhai", second]):
            level = 3 - (index + offset) % 3  # varied, repeatable totals
            score_all(make_assessment(proposal=proposal, assessor=assessor), default_level=level)
        proposals.append(proposal)
    return selection_round, proposals


class TableParser(HTMLParser):
    """The cells of the report table on the page (tbody rows only)."""

    def __init__(self):
        super().__init__()
        self.rows, self._in_body, self._cell = [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag == "td" and self._in_body:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_five_centres_two_assessors_each_are_ranked_and_screen_equals_xlsx(client, persona):
    selection_round, proposals = make_ranked_round(persona)
    client.force_login(persona("nongkhai"))
    page = client.get(reverse("scoring:ranking", args=[selection_round.pk]))
    assert page.status_code == 200
    parser = TableParser()
    parser.feed(page.content.decode())
    screen = parser.rows
    assert len(screen) == 5
    download = client.get(reverse("scoring:ranking_xlsx", args=[selection_round.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(values) if row[0] == "ลำดับ")
    xlsx = [["" if c is None else str(c) for c in row] for row in values[header_at + 1 :]]
    assert xlsx == screen
    totals = [float(row[7]) for row in screen]
    assert totals == sorted(totals, reverse=True)
    ranks = [int(row[0]) for row in screen]
    assert ranks[0] == 1 and all(row[8] == "0/2" for row in screen)


def test_the_ranking_is_one_query_count_whatever_the_size(
    client, persona, django_assert_max_num_queries
):
    small, _ = make_ranked_round(persona, size=2)
    client.force_login(persona("nongkhai"))
    url = reverse("scoring:ranking", args=[small.pk])
    with django_assert_max_num_queries(14):
        client.get(url)
    for code in nongkhai_subdistricts(6)[2:]:
        proposal = make_proposal(centre=make_centre(subdistrict=code), selection_round=small)
        score_all(make_assessment(proposal=proposal))
    with django_assert_max_num_queries(14):
        assert len(TableParserFeed(client.get(url))) == 6


def TableParserFeed(response):  # noqa: N802 - reads like the parser it wraps
    parser = TableParser()
    parser.feed(response.content.decode())
    return parser.rows


def test_the_command_line_exports_the_ranking_and_a_score_sheet(persona, tmp_path):
    selection_round, proposals = make_ranked_round(persona, size=3)
    out = tmp_path / "ranking.xlsx"
    call_command(
        "export_report", "ranking", "--province", "หนองคาย", "--fy", "2568", "--out", str(out)
    )
    sheet = openpyxl.load_workbook(out).active
    names = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert all(p.centre.name in names for p in proposals)
    out = tmp_path / "sheet.xlsx"
    centre = proposals[0].centre
    call_command(
        "export_report",
        "score-sheet",
        "--centre",
        str(centre.pk),
        "--fy",
        "2568",
        "--out",
        str(out),
    )
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][0].startswith(centre.name)
    codes = [row[0] for row in rows]
    assert "1.1" in codes and "3.4" in codes
    assert rows[-1][1] == "คะแนนรวม"


def test_score_sheet_screen_and_pdf(client, persona):
    selection_round, proposals = make_ranked_round(persona, size=1)
    centre = proposals[0].centre
    client.force_login(persona("faiwrai" if centre.village.district_code == "4315" else "nongkhai"))
    page = client.get(reverse("scoring:score_sheet", args=[centre.pk]), {"fy": 2568})
    assert page.status_code == 200 and "คะแนนรวม" in page.content.decode()
    pdf = client.get(reverse("scoring:score_sheet_pdf", args=[centre.pk]), {"fy": 2568})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_selected_centre_is_marked(client, persona):
    selection_round, proposals = make_ranked_round(persona, size=2)
    client.force_login(persona("nongkhai"))
    client.post(reverse("scoring:proposal_select", args=[proposals[1].pk]))
    proposals[1].refresh_from_db()
    assert proposals[1].selected
    rows = TableParserFeed(client.get(reverse("scoring:ranking", args=[selection_round.pk])))
    assert any("ได้รับคัดเลือก" in row[9] for row in rows)


def test_the_score_sheet_query_count_does_not_grow_with_assessors(
    client, persona, django_assert_max_num_queries
):
    proposal = make_proposal(centre=make_centre())
    score_all(make_assessment(proposal=proposal))
    client.force_login(persona("nongkhai"))
    url = reverse("scoring:score_sheet", args=[proposal.centre.pk]) + "?fy=2568"
    with django_assert_max_num_queries(17):
        client.get(url)
    score_all(make_assessment(proposal=proposal, assessor="admin"))
    services.panel_appoint(
        selection_round=proposal.round, member=persona("phonphisai"), user=persona("nongkhai")
    )
    score_all(make_assessment(proposal=proposal, assessor="phonphisai"))
    with django_assert_max_num_queries(17):
        html = client.get(url).content.decode()
    assert html.count('<th colspan="1" rowspan="1">') >= 3


def test_centres_still_tied_share_a_rank_on_screen_and_in_the_xlsx(client, persona):
    selection_round = make_round()
    codes = nongkhai_subdistricts(3)
    levels = [3, 2, 2]  # the last two score alike on every indicator
    for code, level in zip(codes, levels, strict=True):
        proposal = make_proposal(
            centre=make_centre(subdistrict=code), selection_round=selection_round
        )
        score_all(make_assessment(proposal=proposal), default_level=level)
    client.force_login(persona("nongkhai"))
    screen = TableParserFeed(client.get(reverse("scoring:ranking", args=[selection_round.pk])))
    assert [row[0] for row in screen] == ["1", "2", "2"]
    assert ["คะแนนเท่ากัน" in row[9] for row in screen] == [False, True, True]
    download = client.get(reverse("scoring:ranking_xlsx", args=[selection_round.pk]))
    rows = list(
        openpyxl.load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True)
    )
    header_at = next(i for i, row in enumerate(rows) if row[0] == "ลำดับ")
    assert [row[0] for row in rows[header_at + 1 :]] == [1, 2, 2]
