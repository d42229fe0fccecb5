import pytest
from selenium.webdriver.common.by import By

from tests.centres.test_import_register import register_xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_province_imports_the_seed_register_and_sees_it(login_as, screenshot, tmp_path):
    sheet = tmp_path / "register.xlsx"
    sheet.write_bytes(register_xlsx())
    browser = login_as("nongkhai")
    browser.get(browser.live_server_url + "/centres/register/")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=register-import]").click()
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(sheet))
    browser.find_element(By.CSS_SELECTOR, "[data-testid=register-upload]").click()
    preview = browser.find_element(By.CSS_SELECTOR, "[data-testid=import-preview]")
    assert len(preview.find_elements(By.CSS_SELECTOR, "tr[data-action=new]")) == 16
    assert "แก้งไก่อ → แก้งไก่" in preview.text
    screenshot(browser, "preview")
    button = browser.find_element(By.CSS_SELECTOR, "[data-testid=import-confirm]")
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button
    )
    button.click()
    table = browser.find_element(By.CSS_SELECTOR, "table.report-table")
    assert "จำนวน ๑๖ แห่ง" in browser.page_source
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == 16
    screenshot(browser, "register")
