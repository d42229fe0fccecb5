"""Data entry at an officer's pace: a household with three contracts (one owed to an outside
creditor typed in its row) recorded and consolidated from home in at most six page loads;
the Buddhist-Era date picker; search from the top bar."""

import datetime

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from cdfmc.thaitime import THAILAND_TZ
from debts.models import Contract, Creditor, CreditorKind, Household
from tests.browser.test_debts import by_testid, click, wait
from tests.debts.factories import citizen_id, make_creditor, make_household
from tests.factories import WAT_LUANG, make_centre, make_member_fund

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class PageLoads:
    """Counts the documents the browser loaded (htmx requests load none).

    Each document has its own `performance.timeOrigin` and one navigation entry; it is
    read after every action that may navigate.
    """

    def __init__(self, browser):
        self.browser = browser
        self.seen = []

    def note(self):
        origin, kind = self.browser.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "return [performance.timeOrigin, n ? n.type : null];"
        )
        if origin not in self.seen:
            assert kind in ("navigate", "reload"), kind
            self.seen.append(origin)
        return len(self.seen)

    def after(self, action):
        """Run `action` (a click that navigates), wait for the new document, count it."""
        before = self.browser.execute_script("return performance.timeOrigin")
        action()
        wait(self.browser, lambda b: b.execute_script("return performance.timeOrigin") != before)
        wait(self.browser, lambda b: b.execute_script("return document.readyState") == "complete")
        return self.note()


def fill(browser, name, text):
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)
    return field


def test_household_with_three_contracts_recorded_and_consolidated_in_six_loads(
    login_as, screenshot
):
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านทดสอบ")
    fund = make_member_fund(centre=centre, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ")
    bank = make_creditor(centre=centre, kind=CreditorKind.BANK, name="ธ.ก.ส. สาขาเฝ้าไร่")
    browser = login_as("faiwrai")  # the login form lands on home: the first page load
    loads = PageLoads(browser)
    assert loads.note() == 1

    menu = browser.find_element(
        By.CSS_SELECTOR, f"a.nav-link[href='{reverse('debts:households')}']"
    )
    loads.after(lambda: click(browser, menu))
    loads.after(lambda: click(browser, by_testid(browser, "household-add")))
    assert loads.note() == 3

    fill(browser, "house_number", "๑๒/๓")
    Select(browser.find_element(By.NAME, "head-title_choice")).select_by_visible_text("นาง")
    fill(browser, "head-first_name", "บุญมี")
    fill(browser, "head-last_name", "ศรีสุข")
    fill(browser, "head-citizen_id", citizen_id())
    for _ in range(2):  # rows come in place: no page load
        rows = len(browser.find_elements(By.CSS_SELECTOR, "[data-testid=contract-row]"))
        click(browser, by_testid(browser, "add-contract"))
        wait(
            browser,
            lambda b, n=rows: (
                len(b.find_elements(By.CSS_SELECTOR, "[data-testid=contract-row]")) == n + 1
            ),
        )
    Select(browser.find_element(By.NAME, "contracts-0-creditor_choice")).select_by_visible_text(
        fund.name
    )
    fill(browser, "contracts-0-principal", "30,000")
    fill(browser, "contracts-0-rate", "6")
    Select(browser.find_element(By.NAME, "contracts-1-creditor_choice")).select_by_visible_text(
        bank.name
    )
    fill(browser, "contracts-1-principal", "50000")
    fill(browser, "contracts-1-rate", "7.5")
    fill(browser, "contracts-1-outstanding", "42000")
    new_name = browser.find_element(By.NAME, "contracts-2-new_creditor_name")
    assert not new_name.is_displayed()  # shown only for a new creditor
    Select(browser.find_element(By.NAME, "contracts-2-creditor_choice")).select_by_value("new")
    wait(browser, lambda b: new_name.is_displayed())
    new_name.send_keys("นายทุนนอกระบบ บ้านทดสอบ")
    Select(browser.find_element(By.NAME, "contracts-2-new_creditor_kind")).select_by_value(
        CreditorKind.INFORMAL
    )
    fill(browser, "contracts-2-principal", "10000")
    fill(browser, "contracts-2-rate", "60")
    screenshot(browser, "household-form")
    assert loads.note() == 3

    loads.after(lambda: click(browser, by_testid(browser, "entry-save")))
    household = Household.objects.get(house_number="12/3")
    assert browser.current_url.endswith(household.get_absolute_url())
    assert household.contracts.count() == 3
    informal = Creditor.objects.get(name="นายทุนนอกระบบ บ้านทดสอบ")
    assert informal.kind == CreditorKind.INFORMAL and informal.centre == centre

    click(browser, by_testid(browser, "select-all"))
    picked = browser.find_elements(By.CSS_SELECTOR, "[data-testid=pick-contract]")
    assert len(picked) == 3 and all(box.is_selected() for box in picked)
    loads.after(lambda: click(browser, by_testid(browser, "consolidate-picked")))
    ticked = browser.find_elements(By.CSS_SELECTOR, "input[name=contracts]:checked")
    assert len(ticked) == 3  # carried over from the household page
    Select(browser.find_element(By.ID, "id_form")).select_by_value("consolidate")
    Select(browser.find_element(By.ID, "id_creditor")).select_by_visible_text(fund.name)
    fill(browser, "decided_on", "01/02/2568").send_keys(Keys.ESCAPE)
    fill(browser, "rate", "5")
    fill(browser, "term_months", "60")
    count = loads.after(lambda: click(browser, by_testid(browser, "restructuring-submit")))

    assert "๑ ครัวเรือน ๑ สัญญา" in by_testid(browser, "one-contract").text
    new = household.contracts.get(status="open")
    assert new.outstanding == 30000 + 42000 + 10000
    assert Contract.objects.filter(household=household, status="superseded").count() == 3
    screenshot(browser, "consolidated")
    assert count <= 6, f"{count} page loads"
    assert count == 6


def _open_picker(browser, field):
    click(browser, field)
    return wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".air-datepicker.-active-"))


def test_date_picker_shows_buddhist_era_and_thai_months_and_typing_still_works(
    login_as, screenshot
):
    centre = make_centre()
    fund = make_member_fund(centre=centre)
    browser = login_as("faiwrai")
    browser.get(browser.live_server_url + reverse("debts:household_create", args=[centre.pk]))
    as_of = browser.find_element(By.NAME, "as_of")
    today = datetime.datetime.now(THAILAND_TZ).date()
    picker = _open_picker(browser, as_of)
    title = picker.find_element(By.CSS_SELECTOR, ".air-datepicker-nav--title").text
    thai_months = [
        "มกราคม",
        "กุมภาพันธ์",
        "มีนาคม",
        "เมษายน",
        "พฤษภาคม",
        "มิถุนายน",
        "กรกฎาคม",
        "สิงหาคม",
        "กันยายน",
        "ตุลาคม",
        "พฤศจิกายน",
        "ธันวาคม",
    ]
    assert thai_months[today.month - 1] in title and str(today.year + 543) in title
    assert "อา" in picker.find_element(By.CSS_SELECTOR, ".air-datepicker-body--day-names").text
    screenshot(browser, "date-picker-days")
    click(browser, picker.find_element(By.CSS_SELECTOR, ".air-datepicker-nav--title"))
    click(browser, picker.find_element(By.CSS_SELECTOR, ".air-datepicker-nav--title"))
    years = picker.find_element(By.CSS_SELECTOR, ".air-datepicker-body.-years-").text
    assert str(today.year + 543) in years and str(today.year) not in years
    screenshot(browser, "date-picker-years")
    year = f".air-datepicker-body.-years- .air-datepicker-cell[data-year='{today.year}']"
    click(browser, picker.find_element(By.CSS_SELECTOR, year))
    january = ".air-datepicker-body.-months- .air-datepicker-cell[data-month='0']"
    click(browser, picker.find_element(By.CSS_SELECTOR, january))
    first = (
        ".air-datepicker-body.-days- .air-datepicker-cell.-day-[data-date='1']:not(.-other-month-)"
    )
    click(browser, picker.find_element(By.CSS_SELECTOR, first))
    assert as_of.get_attribute("value") == f"01/01/{today.year + 543}"

    # Typed, in Thai digits: the box keeps the text, the calendar follows it.
    as_of.clear()
    as_of.send_keys("๑๓/๐๘/๒๕๖๘")
    picker = _open_picker(browser, as_of)
    title = picker.find_element(By.CSS_SELECTOR, ".air-datepicker-nav--title").text
    assert title.split() == ["สิงหาคม", "2568"]
    assert as_of.get_attribute("value") == "๑๓/๐๘/๒๕๖๘"
    as_of.send_keys(Keys.ESCAPE)
    fill(browser, "house_number", "1")
    fill(browser, "head-first_name", "สมหญิง")
    fill(browser, "head-last_name", "ทดสอบ")
    fill(browser, "head-citizen_id", citizen_id())
    fill(browser, "contracts-0-start_date", "1/2/2567").send_keys(Keys.ESCAPE)
    creditor = Select(browser.find_element(By.NAME, "contracts-0-creditor_choice"))
    creditor.select_by_visible_text(fund.name)
    fill(browser, "contracts-0-principal", "1000")
    fill(browser, "contracts-0-rate", "1")
    click(browser, by_testid(browser, "entry-save"))
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid=contracts]"))
    contract = Contract.objects.get()
    assert contract.start_date == datetime.date(2024, 2, 1)
    assert contract.balances.get().as_of == datetime.date(2025, 8, 13)


def test_top_bar_search_finds_a_household_by_the_last_four_digits(login_as, screenshot):
    mine = make_household(centre=make_centre(), house_number="77")
    theirs = make_household(centre=make_centre(subdistrict=WAT_LUANG), house_number="88")
    tail = mine.people.get().citizen_id[-4:]
    other = theirs.people.get()
    other.citizen_id = "999999999" + tail  # same last four digits, another district
    other.save()
    browser = login_as("faiwrai")
    box = by_testid(browser, "topbar-search")
    box.send_keys(tail, Keys.ENTER)
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid=search-people]"))
    text = by_testid(browser, "search-people").text
    assert "บ้านเลขที่ 77" in text and "บ้านเลขที่ 88" not in text
    assert mine.people.get().citizen_id not in browser.page_source  # shown masked
    screenshot(browser, "search")


def test_plan_activities_are_added_in_place(login_as):
    centre = make_centre()
    browser = login_as("faiwrai")
    browser.get(browser.live_server_url + reverse("centres:plan_add", args=[centre.pk]))
    fill(browser, "fiscal_year", "2569")
    for _ in range(3):
        click(browser, by_testid(browser, "activity-add"))
    names = ["อบรมบัญชีครัวเรือน", "ประชุมเจ้าหนี้", "ส่งเสริมอาชีพ", "ศึกษาดูงาน"]
    for index, name in enumerate(names):
        fill(browser, f"activities-{index}-name", name)
    click(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit].btn-primary"))
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid=section-plans]"))
    plan = centre.action_plans.get()
    assert sorted(plan.activities.values_list("name", flat=True)) == sorted(names)
