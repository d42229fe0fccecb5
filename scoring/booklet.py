"""The centre booklet (DOMAIN.md §7.4) and other printed forms, rendered by WeasyPrint.

Page size, margins, the Sarabun font and the Thai page counter live in static/css/print.css.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from centres.models import CommitteeRole, FundKind
from scoring.loading import nongkhai_2568
from scoring.models import Proposal, Rubric, Score

PRINT_CSS = "css/print.css"


def render_pdf(template_name: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = CSS(filename=finders.find(PRINT_CSS), font_config=fonts)
    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)


def booklet_rubric(centre, fiscal_year: int) -> tuple[Rubric, Proposal | None]:
    """The round's rubric when the centre is proposed that year, else the reference one."""
    proposal = (
        Proposal.objects.filter(centre=centre, round__fiscal_year=fiscal_year)
        .select_related("round__rubric")
        .first()
    )
    if proposal:
        return proposal.round.rubric, proposal
    rubric = Rubric.objects.filter(
        fiscal_year=fiscal_year, province_id=centre.village.province_code
    )
    return rubric.first() or nongkhai_2568(), None


def evidence_by_code(centre) -> dict[str, list]:
    """The centre's uploaded evidence, by the indicator codes it is tagged with."""
    found: dict[str, list] = {}
    for evidence in centre.evidence.prefetch_related("tags"):
        for tag in evidence.tags.all():
            found.setdefault(tag.indicator_code, []).append(evidence)
    return found


def booklet_context(centre, fiscal_year: int) -> dict:
    rubric, proposal = booklet_rubric(centre, fiscal_year)
    ticked = set()
    if proposal:
        ticked = set(
            Score.evidence_items.through.objects.filter(
                score__assessment__proposal=proposal
            ).values_list("evidenceitem_id", flat=True)
        )
    files_by_code = evidence_by_code(centre)
    areas = []
    for area in rubric.areas.prefetch_related("indicators__evidence_items", "indicators__levels"):
        indicators = []
        for indicator in area.indicators.all():
            files = files_by_code.get(indicator.code, [])
            indicators.append(
                {
                    "indicator": indicator,
                    "items": [(item, item.pk in ticked) for item in indicator.evidence_items.all()],
                    "photos": [_photo(e) for e in files if e.is_image and _exists(e)],
                    "documents": [e for e in files if not e.is_image],
                }
            )
        max_points = sum(i["indicator"].max_points for i in indicators)
        areas.append({"area": area, "indicators": indicators, "max_points": max_points})
    funds = list(centre.member_funds.all())
    committee = list(centre.committee.select_related("represents"))
    role_order = list(CommitteeRole.values)
    committee.sort(key=lambda m: role_order.index(m.role) if m.role in role_order else 99)
    return {
        "centre": centre,
        "village": centre.village,
        "fiscal_year": fiscal_year,
        "rubric": rubric,
        "fund_groups": [
            (label, [f for f in funds if f.kind == kind]) for kind, label in FundKind.choices
        ],
        "fund_count": len(funds),
        "committee": [m for m in committee if m.role != CommitteeRole.ADVISOR],
        "advisors": [m for m in committee if m.role == CommitteeRole.ADVISOR],
        "divisions": centre.divisions.prefetch_related("members"),
        "areas": areas,
    }


def _exists(evidence) -> bool:
    try:
        return Path(evidence.file.path).exists()
    except (ValueError, NotImplementedError):
        return False


def _photo(evidence) -> dict:
    return {"title": evidence.title, "url": Path(evidence.file.path).as_uri()}


def booklet_pdf(centre, fiscal_year: int) -> bytes:
    return render_pdf("scoring/print/booklet.html", booklet_context(centre, fiscal_year))
