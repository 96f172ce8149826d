"""A whole life in real headless Chromium: import seed 003, fix three findings in the form (two in a project
table, one in the basic data table), submit, approve, return, fix, resubmit, accept, publish, read it on the
public page, download the docx."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

SEED_003 = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_9d52f206333e3630.txt"
INDICATOR = "做好公开招投标项目监管"
CAR_ROW = "公务用车购置和维护经费（2023年预算数）"


def login(page: Any, site: Any, username: str) -> None:
    page.context.clear_cookies()
    page.goto(site.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", site.passwords[username])
    # The wait is set up before the click, so a fast answer cannot come before it and be missed.
    try:
        with page.expect_navigation():
            page.click("form button[type=submit]")
        failed = "/accounts/login/" in page.url  # the login page itself ends in "/" too
    except Exception as error:  # Playwright's TimeoutError: say what the page and the server showed
        failed, cause = True, error
    else:
        cause = None
    if failed:
        body = page.inner_text("body")[:1000]
        raise AssertionError(f"{username} not logged in: {page.url}\n{body}\n{''.join(site.log)}") from cause


def transition(page: Any, action_label: str, comment: str = "") -> None:
    if comment:
        page.fill("textarea[name=comment]", comment)
    page.click(f"form.action button:has-text('{action_label}')")
    page.wait_for_selector(".messages li")


def test_whole_life(site: Any, browser_context: Any, shot: Any) -> None:
    if not SEED_003.is_file():
        pytest.skip("seed 003 not available (../shared/seeds is absent)")
    assert set(site.passwords) >= {"preparer", "head", "reviewer", "admin"}
    page = browser_context.new_page()
    db = site.database

    # The preparer imports seed 003.
    login(page, site, "preparer")
    shot(page, "01-home", db)
    page.goto(site.url + "/packages/new/")
    page.set_input_files("input[name=file]", str(SEED_003))
    page.fill("input[name=title]", "汨罗市住建系统2023年度绩效自评")
    page.click("button:has-text('导入')")
    page.wait_for_selector("h2:has-text('审核发现')", timeout=60000)
    detail_url = page.url
    assert "/packages/" in detail_url
    shot(page, "02-imported", db)
    before = page.locator("ol.findings li").count()
    assert before > 0

    # Jump from the finding to its field and fix it (the score) and the missing total.
    link = page.locator(f"ol.findings a:has-text('{INDICATOR}」得分填写10分')").first
    link.click()
    page.wait_for_selector("#editor")
    anchor = page.url.split("#", 1)[1]
    field = page.locator(f"#{anchor}")
    assert field.input_value() == "10"
    shot(page, "03-edit-jump", db)
    field.fill("9.38")
    field.press("Tab")
    page.wait_for_selector("#scores .saved:has-text('第 2 版')")
    claimed = page.locator("input[name=claimed_total]")
    claimed.fill("99.38")
    claimed.press("Tab")
    page.wait_for_selector("#scores .saved:has-text('第 3 版')")
    findings_text = page.inner_text("#scores")
    assert f"{INDICATOR}」得分填写10分" not in findings_text
    assert "总分栏未填写得分" not in findings_text
    assert page.inner_text("#total-grade").strip() != ""

    # Live parsing and keyboard navigation in the grid.
    target = page.locator("input[name='ind-0-target']")
    target.click()
    target.press("End")
    page.keyboard.type(" ")
    page.wait_for_selector("#p-0-target span")
    target.press("ArrowDown")
    assert page.evaluate("document.activeElement.name") == "ind-1-target"
    shot(page, "04-edited", db)

    # The basic data table: the official-car row's budget does not add up; fix it from its finding.
    page.goto(detail_url)
    page.locator(f"ol.findings a:has-text('{CAR_ROW}')").first.click()
    page.wait_for_selector("#editor")
    anchor = page.url.split("#", 1)[1]
    assert re.fullmatch(r"d0-exp-\d+-budget", anchor), anchor
    field = page.locator(f"#{anchor}")
    assert Decimal(field.input_value()) == 0
    field.fill("3.00")
    field.press("Tab")
    page.wait_for_selector("#scores .saved")  # a fresh page has no "saved" line until this save answers
    assert CAR_ROW not in page.inner_text("#scores")
    shot(page, "04b-basic-data", db)

    page.goto(detail_url)
    transition(page, "提交单位负责人")

    # The head approves; the bureau returns it.
    login(page, site, "head")
    page.goto(detail_url)
    transition(page, "审批并报送财政")
    login(page, site, "reviewer")
    page.goto(detail_url)
    shot(page, "05-reviewer", db)
    transition(page, "退回修改", "请补充第一项指标的偏差原因")
    assert "请补充第一项指标的偏差原因" in page.inner_text("body")

    # The preparer fixes and resubmits; the head approves; the bureau accepts and publishes.
    login(page, site, "preparer")
    page.goto(detail_url)
    assert "已退回修改" in page.inner_text("body")
    page.locator("a[href$='/edit/1/']").first.click()
    reason = page.locator("textarea[name='ind-0-deviation_reason']")
    reason.fill("已补充：按计划完成")
    reason.press("Tab")
    page.wait_for_selector("#scores .saved")
    page.goto(detail_url)
    transition(page, "提交单位负责人")
    login(page, site, "head")
    page.goto(detail_url)
    transition(page, "审批并报送财政")
    login(page, site, "reviewer")
    page.goto(detail_url)
    transition(page, "接收")
    transition(page, "公开")
    assert "已公开" in page.inner_text("body")

    # The public reads it and downloads the docx.
    page.context.clear_cookies()
    page.goto(site.url + "/public/")
    page.click("a:has-text('汨罗市住建系统2023年度绩效自评')")
    page.wait_for_selector("h2:has-text('审核摘要')")
    assert INDICATOR in page.inner_text("body")
    shot(page, "06-public", db)
    with page.expect_download() as download_info:
        page.click("a.download:has-text('.docx')")
    download = download_info.value
    saved = Path(download.path())
    assert saved.read_bytes()[:4] == b"PK\x03\x04"
    assert download.suggested_filename.endswith(".docx")
    # The progress indicator was shown and ends when the answer has arrived (not on a timer).
    assert "progress=" in (page.get_attribute("a.download:has-text('.docx')", "href") or "")
    page.wait_for_selector(".downloads.busy", state="detached", timeout=10000)  # no eval: the CSP forbids it

    # A phone-sized view of the public page.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    shot(page, "07-public-phone", db)


def test_outsider_cannot_see_unit_packages(site: Any, browser_context: Any, shot: Any) -> None:
    page = browser_context.new_page()
    response = page.goto(site.url + "/packages/00000000-0000-4000-8000-000000000000/")
    assert response is not None and "/accounts/login/" in page.url
    login(page, site, "admin")
    assert "/accounts/users/" in page.url
    shot(page, "08-admin-users", site.database)
