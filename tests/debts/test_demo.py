from centres import demo as centres_demo
from centres.models import Centre
from debts import demo
from debts.models import Household
from debts.outcomes import centre_outcomes


def test_the_demo_centre_gets_a_debtor_database(db):
    centres_demo.load()
    demo.load()
    demo.load()  # idempotent
    centre = Centre.objects.get(name=demo.CENTRE_NAME)
    assert Household.objects.filter(centre=centre).count() == demo.HOUSEHOLDS
    o = centre_outcomes(centre)
    assert o.target_households == demo.TARGETS
    assert o.restructured > 10 and o.reduced > 15 and o.debt_free == 3
    assert o.classified_debtors == o.debtors - 3
