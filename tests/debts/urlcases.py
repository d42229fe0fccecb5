from tests.debts.factories import make_contract, make_creditor, make_household
from tests.urlmatrix import EDIT_IN_AREA, EVERYONE, IN_AREA, Case

# POST actions: success redirects; other districts 404; head office reads only.
POST_IN_AREA = {**EDIT_IN_AREA, "faiwrai": 302, "nongkhai": 302, "admin": 302}


def household(world):
    return make_household(centre=world.centre)


def contract(world):
    h = household(world)
    return make_contract(household=h, creditor=make_creditor(centre=world.centre))


def centre_kw(world):
    return {"centre_pk": world.centre.pk}


def household_kw(world):
    return {"household_pk": household(world).pk}


CASES = {
    "debts:households": Case(expect=EVERYONE),
    "debts:contracts": Case(expect=EVERYONE),
    "debts:results": Case(expect=EVERYONE),
    "debts:results_xlsx": Case(expect=EVERYONE),
    "debts:import_template": Case(expect=EVERYONE),
    "debts:household": Case(kwargs=lambda w: {"pk": household(w).pk}),
    "debts:household_history": Case(kwargs=lambda w: {"pk": household(w).pk}),
    "debts:target_remove": Case(
        kwargs=lambda w: {"pk": household(w).pk}, method="post", expect=POST_IN_AREA
    ),
    "debts:household_edit": Case(kwargs=lambda w: {"pk": household(w).pk}, expect=EDIT_IN_AREA),
    "debts:person_add": Case(kwargs=household_kw, expect=EDIT_IN_AREA),
    "debts:person_edit": Case(
        kwargs=lambda w: {"pk": household(w).people.first().pk}, expect=EDIT_IN_AREA
    ),
    "debts:income_expense_add": Case(kwargs=household_kw, expect=EDIT_IN_AREA),
    "debts:contract_create": Case(kwargs=household_kw, expect=EDIT_IN_AREA),
    "debts:consolidate": Case(kwargs=household_kw, expect=EDIT_IN_AREA),
    "debts:amend": Case(kwargs=household_kw, expect=EDIT_IN_AREA),
    "debts:contract": Case(kwargs=lambda w: {"pk": contract(w).pk}),
    "debts:contract_edit": Case(kwargs=lambda w: {"pk": contract(w).pk}, expect=EDIT_IN_AREA),
    "debts:balance_add": Case(
        kwargs=lambda w: {"contract_pk": contract(w).pk},
        method="post",
        data=lambda w: {"as_of": "01/01/2568", "outstanding": "5000"},
        expect=POST_IN_AREA,
    ),
    "debts:household_create": Case(kwargs=centre_kw, expect=EDIT_IN_AREA),
    "debts:household_member_row": Case(
        kwargs=centre_kw, query="?members-TOTAL_FORMS=0", expect=EDIT_IN_AREA
    ),
    "debts:household_contract_row": Case(
        kwargs=centre_kw, query="?contracts-TOTAL_FORMS=1", expect=EDIT_IN_AREA
    ),
    "debts:creditors": Case(kwargs=centre_kw, expect=IN_AREA),
    "debts:targets": Case(kwargs=centre_kw, expect=IN_AREA),
    "debts:targets_confirm": Case(
        kwargs=centre_kw,
        method="post",
        data=lambda w: {"households": [household(w).pk], "on_date": "01/01/2568"},
        expect=POST_IN_AREA,
    ),
    "debts:import": Case(kwargs=centre_kw, expect=EDIT_IN_AREA),
    "debts:import_confirm": Case(kwargs=centre_kw, method="post", expect=POST_IN_AREA),
    "debts:balance_import": Case(kwargs=centre_kw, expect=EDIT_IN_AREA),
    "debts:balance_import_confirm": Case(kwargs=centre_kw, method="post", expect=POST_IN_AREA),
    "debts:balance_template": Case(kwargs=centre_kw, expect=EDIT_IN_AREA),
}
