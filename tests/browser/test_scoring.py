"""Provincial staff score a proposed centre: accept suggestions, override one with a reason,
and see the ranking change."""

import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from centres.models import Training, TrainingKind
from scoring.models import Assessment, Score
from tests.factories import WAT_LUANG, make_centre, make_member_fund
from tests.scoring.factories import make_assessment, make_proposal, make_round, score_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ranking_names(browser, round_pk):
    browser.get(f"{browser.live_server_url}/scoring/rounds/{round_pk}/ranking/")
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-testid=ranking-table] tbody tr")
    return [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows]


def click(browser, element):
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def save_card(browser, code, level, reason=None):
    card = browser.find_element(By.CSS_SELECTOR, f"[data-testid='score-{code}']")
    click(browser, card.find_element(By.CSS_SELECTOR, f"input[name$='-level'][value='{level}']"))
    if reason is not None:
        box = card.find_element(By.CSS_SELECTOR, "textarea[name$='-override_reason']")
        box.clear()
        box.send_keys(reason)
    click(browser, card.find_element(By.CSS_SELECTOR, "[data-testid=save]"))


def wait_for(browser, css):
    return WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_provincial_staff_score_a_centre_and_the_ranking_changes(login_as, persona, screenshot):
    selection_round = make_round()
    leader = make_proposal(centre=make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านนำหน้า"))
    score_all(make_assessment(proposal=leader, assessor="admin"), {"3.4": 5}, default_level=0)
    chaser = make_proposal(
        centre=make_centre(subdistrict=WAT_LUANG, name="ศูนย์จัดการกองทุนชุมชนบ้านตามหลัง")
    )
    for n in range(3):
        make_member_fund(centre=chaser.centre, name=f"กองทุน {n}")
    for day in (1, 2):
        Training.objects.create(
            centre=chaser.centre,
            kind=TrainingKind.TRAINING,
            held_on=datetime.date(2025, 3, day),
            title="อบรมบัญชีครัวเรือน",
        )
    browser = login_as("nongkhai")
    assert ranking_names(browser, selection_round.pk)[0] == leader.centre.name

    browser.get(f"{browser.live_server_url}/scoring/rounds/{selection_round.pk}/")
    browser.find_element(By.LINK_TEXT, chaser.centre.name).click()
    browser.find_element(By.CSS_SELECTOR, "[data-testid=start-assessment]").click()
    wait_for(browser, "[data-testid=totals]")
    assessment = Assessment.objects.get(proposal=chaser, assessor__username="nongkhai")
    suggested = assessment.scores.get(indicator__code="2.8")
    assert suggested.suggested_level == 2 and "2 ครั้ง" in suggested.suggestion_reason

    # Accept the suggestions; score by judgement what the data cannot tell.
    unscored = Score.objects.filter(assessment=assessment, level__isnull=True)
    for code, judged in unscored.values_list("indicator__code", "indicator__judged"):
        save_card(browser, code, 5 if judged else 3)
        wait_for(browser, f"[data-testid='score-{code}'] [data-testid=saved]")

    # Override one suggestion: refused without a reason, saved with one.
    save_card(browser, "2.8", 3)
    error = wait_for(browser, "[data-testid='score-2.8'] [data-testid=override-error]")
    assert "ต้องระบุเหตุผล" in error.text
    save_card(browser, "2.8", 3, reason="มีหนังสือรับรองการศึกษาดูงานครั้งที่ 3")
    wait_for(browser, "[data-testid='score-2.8'] [data-testid=saved]")
    total = browser.find_element(By.CSS_SELECTOR, "[data-testid=total]").text
    assert int(total) > 5
    screenshot(browser, "assessment")

    suggested.refresh_from_db()
    assert suggested.points == 5 and suggested.override_reason
    names = ranking_names(browser, selection_round.pk)
    assert names[0] == chaser.centre.name
    screenshot(browser, "ranking")
