"""The page behaviour that moved out of inline code works under the strict policy."""

import datetime
from decimal import Decimal

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from centres.models import ActionPlan
from debts.services import balance_record, targets_select
from tests.centres.factories import make_action_plan
from tests.debts.factories import make_creditor, make_debtor
from tests.factories import make_centre

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_delete(browser):
    button = browser.find_element(By.CSS_SELECTOR, "#section-plans form[data-confirm] button")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    WebDriverWait(browser, 5).until(lambda b: button.is_displayed() and button.is_enabled())
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)


def test_deleting_asks_first_and_a_no_keeps_the_record(login_as, screenshot):
    centre = make_centre()
    make_action_plan(centre=centre)
    browser = login_as("faiwrai")
    browser.get(browser.live_server_url + centre.get_absolute_url())
    click_delete(browser)
    alert = WebDriverWait(browser, 5).until(lambda b: b.switch_to.alert)
    assert alert.text == "ลบแผนนี้หรือไม่"
    alert.dismiss()
    assert ActionPlan.objects.filter(centre=centre).exists()
    click_delete(browser)
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.alert).accept()
    WebDriverWait(browser, 5).until(lambda b: not ActionPlan.objects.filter(centre=centre).exists())
    screenshot(browser, "after-delete")


def test_the_results_chart_draws_its_bars(login_as, screenshot):
    centre = make_centre()
    household = make_debtor(centre=centre, creditor=make_creditor(centre=centre))
    targets_select(centre=centre, households=[household], on_date=datetime.date(2025, 1, 10))
    contract = household.contracts.get()
    balance_record(contract=contract, as_of=datetime.date(2025, 6, 1), outstanding=Decimal(4000))
    browser = login_as("nongkhai")
    browser.get(browser.live_server_url + "/debts/results/?province=43")
    bars = browser.find_elements(By.CSS_SELECTOR, "[data-testid=results-chart] .progress-bar")
    assert bars
    widths = [b.get_attribute("data-bar-width") for b in bars]
    drawn = [browser.execute_script("return arguments[0].style.width", b) for b in bars]
    assert [float(d.rstrip("%")) for d in drawn] == [float(w) for w in widths]
    assert any(b.size["width"] > 0 for b in bars)
    screenshot(browser, "results")
