"""The browser tests' Chromium (tests/conftest.py) starts without the popups no test sees, and keeps the features
Playwright turns off for automation."""

import pytest

from tests.conftest import UNSEEN_POPUPS, disabled_features

pytestmark = pytest.mark.browser


def test_a_page_opens_no_unseen_popup_and_playwrights_switches_are_kept(chromium, browser_page):
    browser_page.set_content('<html lang="zh-Hant"><title>測試</title><main>內容</main></html>')
    targets = chromium.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    assert [target["url"] for target in targets if target["url"].startswith("chrome://omnibox-popup")] == []
    disabled = disabled_features(chromium)
    assert set(UNSEEN_POPUPS) <= set(disabled)
    assert len(disabled) > len(UNSEEN_POPUPS) + 5  # Playwright's own list (some twenty) comes first
