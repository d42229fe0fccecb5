import pytest
from selenium.webdriver.common.by import By

from tests.factories import make_centre

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_and_sees_home_page(login_as, screenshot):
    make_centre()
    browser = login_as("faiwrai")
    assert "อ.เฝ้าไร่" in browser.find_element(By.CSS_SELECTOR, "[data-testid=whoami]").text
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=count-centres]").text == "1"
    path = screenshot(browser, "home")
    assert path.stat().st_size > 10_000


def test_login_page_is_thai_and_needs_no_internet(browser, screenshot):
    browser.get(browser.live_server_url + "/accounts/login/")
    assert "เข้าสู่ระบบ" in browser.page_source
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Sarabun" in font
    # The Thai face is served from static/, not the internet: it loads here.
    faces = browser.execute_async_script(
        "const done = arguments[0];"
        "document.fonts.load('16px Sarabun', 'ก').then(f => done(f.length), () => done(-1));"
    )
    assert faces >= 1
    for src in browser.execute_script(
        "return [...document.querySelectorAll('link[href],script[src]')].map(e => e.href || e.src)"
    ):
        assert src.startswith(browser.live_server_url), src
    screenshot(browser, "login")
