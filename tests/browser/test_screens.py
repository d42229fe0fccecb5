"""The main pages at an office PC's 1366×768 and a phone's 390×844: screenshots for a
person to look at (test-artifacts/), and the layout rules that can be measured."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from debts import services
from tests.debts.factories import make_contract, make_creditor, make_household, make_person
from tests.factories import make_centre, make_member_fund

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}


def viewport(browser, width, height):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


@pytest.fixture
def world(geography):
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านโนนสว่างพัฒนา")
    for name in ("กลุ่มออมทรัพย์เพื่อการผลิตบ้านโนนสว่าง", "กองทุนหมู่บ้านโนนสว่าง"):
        make_member_fund(centre=centre, name=name)
    creditor = make_creditor(centre=centre, name="ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร")
    households = []
    for n in range(4):
        household = make_household(centre=centre, house_number=f"{n + 1}/2", with_head=False)
        make_person(
            household=household,
            is_head=True,
            title="นางสาว",
            first_name="ประภัสสรพิมพ์ลดา",
            last_name="ศรีสุขสวัสดิ์วงศ์",
        )
        make_contract(household=household, creditor=creditor, outstanding=25000 + n)
        households.append(household)
    services.targets_select(centre=centre, households=households, on_date=centre.created_at.date())
    return centre


def page_fits(browser):
    """Nothing wider than the screen but what scrolls inside its own box."""
    return browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


def names_on_one_line(browser):
    """Every person's name is one line of text (its text's height, not its cell's)."""
    return browser.execute_script(
        "return [...document.querySelectorAll('.name')].filter(e => e.offsetParent).every(e => {"
        " const r = document.createRange(); r.selectNodeContents(e);"
        " const line = parseFloat(getComputedStyle(e).lineHeight) || 24;"
        " return r.getBoundingClientRect().height < 1.6 * line; })"
    )


@pytest.mark.parametrize("size", SIZES)
def test_main_pages_at_office_and_phone_sizes(login_as, screenshot, world, size):
    browser = login_as("faiwrai")
    viewport(browser, *SIZES[size])
    household = world.households.first()
    pages = {
        "home": reverse("home"),
        "centre": world.get_absolute_url(),
        "household-form": reverse("debts:household_create", args=[world.pk]),
        "results": reverse("debts:results"),
        "households": reverse("debts:households"),
        "household": household.get_absolute_url(),
    }
    for name, url in pages.items():
        browser.get(browser.live_server_url + url)
        browser.find_element(By.CSS_SELECTOR, "footer")
        screenshot(browser, name)
        assert page_fits(browser), f"{name} is wider than the {size} screen"
        assert names_on_one_line(browser), f"a name breaks across lines on {name}"
        if name == "centre":
            tabs = browser.find_element(By.CSS_SELECTOR, "[data-testid=centre-tabs]")
            assert tabs.is_displayed() == (size == "desktop")
        if name == "results" and size == "phone":
            table = browser.find_element(By.CSS_SELECTOR, ".table-sticky-2")
            scrolls = browser.execute_script(
                "const t = arguments[0]; t.scrollLeft = 400; return t.scrollLeft > 0", table
            )
            assert scrolls  # the wide table scrolls inside its card
            sticky = browser.find_element(By.CSS_SELECTOR, ".table-sticky-2 tbody td:nth-child(2)")
            assert sticky.location["x"] < 100  # the centre's name stays in view
            screenshot(browser, "results-scrolled")


def test_english_menu_fits_an_office_screen(login_as, screenshot, world):
    browser = login_as("faiwrai")
    viewport(browser, *SIZES["desktop"])
    browser.find_element(By.CSS_SELECTOR, "[data-testid=whoami]").click()
    browser.find_element(By.CSS_SELECTOR, "button[name=language][value=en]").click()
    browser.find_element(By.CSS_SELECTOR, "html[lang=en]")
    user = browser.find_element(By.CSS_SELECTOR, "[data-testid=whoami]")
    brand = browser.find_element(By.CSS_SELECTOR, ".navbar-brand")
    screenshot(browser, "home-en")
    right = browser.execute_script("return arguments[0].getBoundingClientRect().right", user)
    assert right <= 1366
    assert abs(user.location["y"] - brand.location["y"]) < 20  # one line: nothing wrapped
