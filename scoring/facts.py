"""Read one centre's records for a fiscal year into the plain `CentreFacts` the rules take.

Queries are few and fixed (one per kind of record). A part another app does not provide
(yet) is left as None with a reason in `facts.missing`, so its rules say "no suggestion".
"""

import importlib

from django.db.models import Count, Q, Sum

from cdfmc.thaitime import fiscal_year_end, fiscal_year_start
from scoring.rules import CentreFacts

__all__ = ["CentreFacts", "centre_facts"]


def _debts_module():
    try:
        return importlib.import_module("debts.outcomes")
    except ImportError:
        return None


def centre_facts(centre, fiscal_year: int) -> CentreFacts:
    facts = CentreFacts(fiscal_year=fiscal_year)
    start, end = fiscal_year_start(fiscal_year), fiscal_year_end(fiscal_year)
    _centre_fields(facts, centre)
    _funds_and_committee(facts, centre, start, end)
    _meetings(facts, centre, start, end)
    facts.trainings = centre.trainings.filter(held_on__range=(start, end)).count()
    visits = centre.visits.filter(visited_on__range=(start, end)).aggregate(
        n=Count("pk"), acted=Count("pk", filter=Q(acted_on=True))
    )
    facts.visits, facts.visits_acted_on = visits["n"], visits["acted"]
    _action_plan(facts, centre, fiscal_year)
    _debts(facts, centre, fiscal_year)
    return facts


def _centre_fields(facts: CentreFacts, centre) -> None:
    for name in (
        "regulations_written",
        "regulations_approval",
        "regulations_followed",
        "office_kind",
        "office_has_sign",
        "office_has_board",
        "office_board_current",
        "support_discipline_training",
        "support_occupation",
        "support_group_form",
        "welfare_plan",
        "welfare_members",
        "welfare_community",
    ):
        setattr(facts, name, getattr(centre, name, None))


def _funds_and_committee(facts: CentreFacts, centre, start, end) -> None:
    funds = centre.member_funds.aggregate(
        n=Count("pk"), updated=Count("pk", filter=Q(updated_on__range=(start, end)))
    )
    facts.member_funds, facts.member_funds_updated = funds["n"], funds["updated"]
    committee = centre.committee.aggregate(
        n=Count("pk"),
        funds=Count("represents", distinct=True),
        advisors=Count("pk", filter=Q(role="advisor")),
    )
    if committee["n"]:
        facts.funds_represented = committee["funds"]
        facts.has_advisor = committee["advisors"] > 0


def _meetings(facts: CentreFacts, centre, start, end) -> None:
    in_year = Q(held_on__range=(start, end))
    committee, members = Q(kind="committee") & in_year, Q(kind="members") & in_year
    counts = centre.meetings.aggregate(
        committee=Count("pk", filter=committee),
        minuted=Count("pk", filter=committee & Q(has_minutes=True)),
        on_debtors=Count("pk", filter=in_year & Q(topic_debtors=True)),
        on_negotiation=Count("pk", filter=in_year & Q(topic_negotiation=True)),
        members=Count("pk", filter=members & Q(members_total__gt=0)),
        attended=Sum("attendees", filter=members & Q(members_total__gt=0)),
        expected=Sum("members_total", filter=members & Q(members_total__gt=0)),
    )
    facts.committee_meetings = counts["committee"]
    facts.committee_meetings_with_minutes = counts["minuted"]
    facts.meetings_on_debtors = counts["on_debtors"]
    facts.meetings_on_negotiation = counts["on_negotiation"]
    facts.members_meetings = counts["members"]
    facts.members_attended = counts["attended"] or 0
    facts.members_expected = counts["expected"] or 0


def _action_plan(facts: CentreFacts, centre, fiscal_year: int) -> None:
    plan = (
        centre.action_plans.filter(fiscal_year=fiscal_year)
        .annotate(n=Count("activities"), done=Count("activities", filter=Q(activities__done=True)))
        .first()
    )
    facts.plan_exists = plan is not None
    if plan is not None:
        facts.plan_members_participated = plan.members_participated
        facts.plan_covers_operations = plan.covers_operations
        facts.plan_activities, facts.plan_activities_done = plan.n, plan.done


def _debts(facts: CentreFacts, centre, fiscal_year: int) -> None:
    module = _debts_module()
    if module is None:
        facts.missing["debts"] = "ยังไม่มีระบบข้อมูลหนี้ครัวเรือน"
        return
    outcomes = module.centre_outcomes(centre, fy=fiscal_year)
    facts.debtors = outcomes.debtors
    facts.classified_debtors = outcomes.classified_debtors
    facts.target_households = outcomes.target_households
    facts.restructured = outcomes.restructured
    facts.one_contract_households = outcomes.one_contract_households
    facts.reduced = outcomes.reduced + outcomes.debt_free  # 3.2 counts debt-free as reduced
    facts.debt_free = outcomes.debt_free
