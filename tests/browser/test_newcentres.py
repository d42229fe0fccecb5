"""An officer screens a village and nominates it, the province selects it, the register has it."""

import base64
import io

import openpyxl
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.factories import make_village
from tests.newcentres.factories import make_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FETCH_XLSX = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: "same-origin"})
  .then(r => r.arrayBuffer())
  .then(buf => {
    let bin = "";
    new Uint8Array(buf).forEach(b => { bin += String.fromCharCode(b); });
    done(btoa(bin));
  })
  .catch(e => done("ERROR " + e));
"""


def _click(browser, selector):
    element = browser.find_element(By.CSS_SELECTOR, selector)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def _fill_screening(browser):
    fields = {
        "debt_households": "๒๕",
        "welfare_card_households": "40",
        "core_name": "กลุ่มออมทรัพย์เพื่อการผลิตบ้านโคกสว่าง",
        "office_place": "ศาลาประชาคมหมู่บ้าน",
        "leaders": "นายสมาน ผู้ใหญ่บ้าน",
        "target_households": "36",
    }
    for name, value in fields.items():
        browser.find_element(By.ID, f"id_{name}").send_keys(value)
    Select(browser.find_element(By.ID, "id_core_kind")).select_by_value("savings")
    for name in ("core_strong", "sufficiency_village", "leaders_qualified"):
        _click(browser, f"#id_{name}")
    groups = [("savings", "กลุ่มออมทรัพย์"), ("village_fund", "กองทุนหมู่บ้าน"), ("kkkj", "กข.คจ.")]
    for index, (kind, name) in enumerate(groups):
        Select(browser.find_element(By.ID, f"id_groups-{index}-kind")).select_by_value(kind)
        browser.find_element(By.ID, f"id_groups-{index}-name").send_keys(name)


def test_screen_nominate_select_and_download(login_as, screenshot):
    round_ = make_round(quotas={"43": 4})
    village = make_village(name="บ้านโคกสว่าง")
    province_page = f"/new-centres/{round_.pk}/provinces/43/"

    browser = login_as("faiwrai")
    browser.get(browser.live_server_url + province_page)
    _click(browser, f"[data-testid=screen-{village.pk}]")
    _fill_screening(browser)
    _click(browser, "[data-testid=save-screening]")
    verdict = browser.find_element(By.CSS_SELECTOR, "[data-testid=verdict]")
    assert "ผ่านหลักเกณฑ์" in verdict.text
    _click(browser, "[data-testid=nominate]")
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element(
            (By.CSS_SELECTOR, "[data-testid=nomination-status]"), "อำเภอเสนอแล้ว"
        )
    )
    screenshot(browser, "nominated")

    browser.delete_all_cookies()
    browser = login_as("nongkhai")
    browser.get(browser.live_server_url + province_page)
    _click(browser, f"[data-testid=select-{village.pk}]")
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element(
            (By.CSS_SELECTOR, f"[data-testid=nomination-{village.pk}]"), "จังหวัดคัดเลือกแล้ว"
        )
    )
    screenshot(browser, "selected")

    _click(browser, "[data-testid=register-link]")
    assert "บ้านโคกสว่าง" in browser.find_element(By.CSS_SELECTOR, "table.report-table").text
    href = browser.find_element(By.CSS_SELECTOR, "[data-testid=download-xlsx]").get_attribute(
        "href"
    )
    browser.set_script_timeout(20)
    encoded = browser.execute_async_script(FETCH_XLSX, href)
    assert not encoded.startswith("ERROR"), encoded
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(encoded)))
    names = [row[4] for row in book.worksheets[0].iter_rows(min_row=6, values_only=True)]
    assert names == ["บ้านโคกสว่าง"]
