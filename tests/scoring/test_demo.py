import time

import pytest

from cdfmc.demo import load_demo
from centres.models import CentreStatus
from scoring.booklet import booklet_pdf
from scoring.models import Assessment, Proposal, SelectionRound
from scoring.results import round_ranking

pytestmark = pytest.mark.django_db


def test_the_demo_round_has_five_proposals_two_assessors_each_and_ranks_them():
    load_demo()
    load_demo()  # idempotent
    selection_round = SelectionRound.objects.get(province="43", fiscal_year=2568)
    proposals = Proposal.objects.filter(round=selection_round)
    assert proposals.count() == 5
    assert not proposals.filter(centre__status=CentreStatus.MODEL).exists()
    for proposal in proposals:
        assert proposal.assessments.count() == 2
    assert Assessment.objects.filter(scores__level__isnull=True).count() == 0
    _indicators, ranked, _results = round_ranking(selection_round)
    assert len(ranked) == 5 and ranked[0].rank == 1


def test_a_demo_centres_booklet_renders_in_under_five_seconds():
    load_demo()
    proposal = Proposal.objects.select_related("centre").first()
    started = time.perf_counter()
    pdf = booklet_pdf(proposal.centre, 2568)
    elapsed = time.perf_counter() - started
    assert pdf.startswith(b"%PDF")
    assert elapsed < 5, f"{elapsed:.1f} s"
