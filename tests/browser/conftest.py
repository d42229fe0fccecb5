"""Browser tests: a real headless Chromium driven by Selenium against the live server.

Skipped, with the reason shown, where no Chromium is installed (`.ci/run` installs
Debian's chromium and chromium-driver). Screenshots go to test-artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.personas import PASSWORD, make_persona

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CSP_RECORDER = """
document.addEventListener("securitypolicyviolation", (e) => {
  try {
    const seen = JSON.parse(localStorage.csp || "[]");
    seen.push(`${e.documentURI}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    localStorage.csp = JSON.stringify(seen);
  } catch (err) {}  // a sandboxed document (evidence file) has no storage
});
"""


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    if _chromium() and shutil.which("chromedriver"):
        return
    skip = pytest.mark.skip(
        reason="no Chromium/chromedriver here: apt-get install chromium chromium-driver"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _allow_async_unsafe():
    # The live server thread and the test share the database; Django's async guard
    # trips on Selenium's event loop otherwise.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture
def browser(geography, live_server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _chromium()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        "--lang=th",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(ARTIFACTS / "downloads")}
    )
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.implicitly_wait(5)
    driver.live_server_url = live_server.url
    # Every page of every browser test is also a Content-Security-Policy check: whatever
    # the policy blocks (an inline script or style left somewhere) is recorded and fails.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    yield driver
    try:
        driver.get(live_server.url + "/accounts/login/")
        blocked = driver.execute_script("return JSON.parse(localStorage.csp || '[]')")
    finally:
        driver.quit()
    assert not blocked, f"blocked by the Content-Security-Policy: {blocked}"


@pytest.fixture
def screenshot(request):
    def take(driver, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        driver.save_screenshot(str(path))
        return path

    return take


@pytest.fixture
def login_as(browser):
    """login_as("faiwrai") → the browser, logged in through the real login page."""
    from selenium.webdriver.common.by import By

    def login(name: str):
        make_persona(name)
        browser.get(browser.live_server_url + "/accounts/login/")
        browser.find_element(By.NAME, "username").send_keys(name)
        browser.find_element(By.NAME, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        browser.find_element(By.CSS_SELECTOR, "[data-testid=whoami]")
        return browser

    return login
