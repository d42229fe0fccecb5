"""An officer imports a debtor register, picks target households, consolidates one
household's debts, enters a later balance and sees the outcome."""

import pytest
from django.urls import reverse
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from debts.models import Contract, Household
from tests.debts.test_imports import register_row, workbook
from tests.factories import make_centre, make_member_fund

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait(browser, condition, timeout=10):
    # A form post replaces the page: an element found a moment ago may be gone; look again.
    waiter = WebDriverWait(browser, timeout, ignored_exceptions=[StaleElementReferenceException])
    return waiter.until(lambda b: condition(b))


def click(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    try:
        element.click()
    except ElementClickInterceptedException:  # e.g. a date picker still open over it
        browser.execute_script("arguments[0].click()", element)


def by_testid(browser, testid):
    return browser.find_element(By.CSS_SELECTOR, f"[data-testid={testid}]")


def test_officer_imports_targets_consolidates_and_follows_up(login_as, screenshot, tmp_path):
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านทดสอบ")
    make_member_fund(centre=centre, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ")
    register = tmp_path / "ทะเบียนลูกหนี้.xlsx"
    register.write_bytes(workbook([register_row(n) for n in range(6)]))
    browser = login_as("faiwrai")
    base = browser.live_server_url

    browser.get(base + reverse("debts:import", kwargs={"centre_pk": centre.pk}))
    browser.find_element(By.ID, "id_file").send_keys(str(register))
    click(browser, by_testid(browser, "import-upload"))
    assert "พร้อมนำเข้า 6 แถว" in by_testid(browser, "import-preview").text
    click(browser, by_testid(browser, "import-confirm"))
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid=targets-form]"))
    assert Contract.objects.count() == 6

    for box in browser.find_elements(By.CSS_SELECTOR, "[data-testid=candidate]"):
        click(browser, box)
    click(browser, by_testid(browser, "targets-submit"))
    wait(browser, lambda b: "ครัวเรือนเป้าหมาย 2 /" in by_testid(b, "target-count").text)
    screenshot(browser, "targets")

    household = Household.objects.get(centre=centre, house_number="1")
    browser.get(base + reverse("debts:household", args=[household.pk]))
    click(browser, by_testid(browser, "consolidate-link"))
    Select(browser.find_element(By.ID, "id_form")).select_by_value("consolidate")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=contracts]"):
        click(browser, box)
    Select(browser.find_element(By.ID, "id_creditor")).select_by_visible_text(
        "กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ"
    )
    browser.find_element(By.ID, "id_decided_on").send_keys("01/02/2568")
    browser.find_element(By.ID, "id_rate").send_keys("5")
    browser.find_element(By.ID, "id_term_months").send_keys("60")
    click(browser, by_testid(browser, "restructuring-submit"))
    wait(browser, lambda b: "๑ ครัวเรือน ๑ สัญญา" in by_testid(b, "one-contract").text)

    new = household.contracts.get(status="open")
    browser.get(base + reverse("debts:contract", args=[new.pk]))
    browser.find_element(By.ID, "id_as_of").send_keys("01/06/2568")
    browser.find_element(By.ID, "id_outstanding").send_keys("40,000")
    click(browser, by_testid(browser, "balance-submit"))
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid=outcome]"))
    assert by_testid(browser, "outcome").text == "ลดหนี้"
    assert by_testid(browser, "current-total").text == "40,000.00"
    screenshot(browser, "outcome")
