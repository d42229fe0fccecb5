"""An officer of อ.เฝ้าไร่ records a centre through the screens and finds it in the register."""

import pytest
from django.urls import reverse
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from centres.models import Centre
from tests.centres.factories import jpeg_bytes
from tests.factories import FAI_RAI, make_village

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CENTRE = "ศูนย์จัดการกองทุนชุมชนบ้านโนนสวรรค์"
FUNDS = [
    ("savings", "กลุ่มออมทรัพย์เพื่อการผลิตบ้านโนนสวรรค์", "120", "1,500,000"),
    ("kkkj", "กองทุน กข.คจ. บ้านโนนสวรรค์", "๖๐", "280000"),
    ("village_fund", "กองทุนหมู่บ้านโนนสวรรค์", "150", "900000.50"),
]
COMMITTEE = [
    ("chair", "นายบุญมี ศรีสวัสดิ์", "081-234-5678"),
    ("secretary", "นางสาวสายใจ ดวงดี", "๐๘๙ ๘๗๖ ๕๔๓๒"),
    ("treasurer", "นางทองคำ มีสุข", ""),
]


def wait(browser, condition, timeout=10):
    # htmx swaps sections: an element found a moment ago may be gone; look again.
    waiter = WebDriverWait(browser, timeout, ignored_exceptions=[StaleElementReferenceException])
    return waiter.until(lambda b: condition(b))


def rows(browser, testid):
    return browser.find_elements(By.CSS_SELECTOR, f"[data-testid={testid}]")


def click(browser, element):
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def open_add_form(browser, slug):
    details = browser.find_element(By.CSS_SELECTOR, f"[data-testid={slug}-add]")
    if not details.get_attribute("open"):
        click(browser, details.find_element(By.TAG_NAME, "summary"))
    return browser.find_element(By.CSS_SELECTOR, f"[data-testid={slug}-add-form]")


def fill(browser, field_id, value):
    element = browser.find_element(By.ID, field_id)
    if element.tag_name == "select" and value.startswith("text:"):
        Select(element).select_by_visible_text(value[5:])
    elif element.tag_name == "select":
        Select(element).select_by_value(value)
    else:
        element.clear()
        element.send_keys(value)


def add_row(browser, slug, values, row_testid):
    before = len(rows(browser, row_testid))
    form = open_add_form(browser, slug)
    for name, value in values.items():
        fill(browser, f"id_{slug}-{name}", value)
    click(browser, form.find_element(By.CSS_SELECTOR, f"[data-testid={slug}-save]"))
    wait(browser, lambda b: len(rows(b, row_testid)) == before + 1)


def test_officer_records_a_centre_and_finds_it_in_the_register(login_as, screenshot, tmp_path):
    village = make_village(subdistrict=FAI_RAI, name="บ้านโนนสวรรค์")
    photo = tmp_path / "ประชุม.jpg"
    photo.write_bytes(jpeg_bytes())
    browser = login_as("faiwrai")
    base = browser.live_server_url

    browser.get(base + reverse("centres:list"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-testid=centre-create]"))
    fill(browser, "id_name", CENTRE)
    fill(browser, "id_village", str(village.pk))
    fill(browser, "id_established_on", "15/10/2568")
    fill(browser, "id_level", "2")
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-testid=centre-save]"))
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=centre-name]").text == CENTRE
    centre_url = browser.current_url

    # Member funds and committee are added in place (htmx), without leaving the page.
    for kind, name, members, capital in FUNDS:
        values = {"kind": kind, "name": name, "members": members, "capital": capital}
        add_row(browser, "fund", values, "fund-row")
    total = browser.find_element(By.CSS_SELECTOR, "[data-testid=fund-capital-total]")
    assert total.text == "2,680,000.50"
    for role, name, phone in COMMITTEE:
        values = {"role": role, "name": name, "phone": phone}
        if role == "chair":  # the funds just added are offered without reloading the page
            values["represents"] = f"text:{FUNDS[0][1]}"
        add_row(browser, "committee", values, "committee-row")
    assert browser.current_url == centre_url

    # A second chair is refused at the field, in Thai.
    form = open_add_form(browser, "committee")
    fill(browser, "id_committee-role", "chair")
    fill(browser, "id_committee-name", "นายสอง ประธาน")
    click(browser, form.find_element(By.CSS_SELECTOR, "[data-testid=committee-save]"))
    wait(browser, lambda b: "ประธานได้เพียงคนเดียว" in b.find_element(By.ID, "part-committee").text)
    assert len(rows(browser, "committee-row")) == 3
    screenshot(browser, "centre")

    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-testid=evidence-add]"))
    browser.find_element(By.ID, "id_file").send_keys(str(photo))
    fill(browser, "id_title", "ภาพการประชุมคณะกรรมการ")
    # ticked, not Ctrl-clicked in a long list
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=indicators][value='1.3']"))
    fill(browser, "id_fiscal_year", "2569")
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-testid=evidence-save]"))
    thumb = browser.find_element(By.CSS_SELECTOR, "[data-testid=evidence-thumb]")
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", thumb
    )
    wait(browser, lambda b: b.execute_script("return arguments[0].naturalWidth", thumb) > 0)
    screenshot(browser, "evidence")

    centre = Centre.objects.get(village=village)
    assert centre.member_funds.count() == 3
    assert centre.committee.get(role="chair").represents.name == FUNDS[0][1]
    assert sorted(centre.committee.values_list("phone", flat=True)) == [
        "",
        "0812345678",
        "0898765432",
    ]

    browser.get(base + reverse("centres:register") + "?province=43")
    table = browser.find_element(By.CSS_SELECTOR, "table.report-table")
    assert CENTRE in table.text
    screenshot(browser, "register")
