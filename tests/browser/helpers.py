# SPDX-License-Identifier: EUPL-1.2
"""Shared steps for the browser tests."""

from axe_playwright_python.sync_playwright import Axe

from plus1.demo.loader import DEMO_PASSWORD

axe = Axe()


def assert_accessible(page):
    """No serious or critical axe-core violations on the page as it is now."""
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in axe.run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert violations == [], f"{page.url}: " + "; ".join(violations)


def login_as_resident(page, base, name):
    page.goto(f"{base}/inloggen/")
    choose_demo_person(page, name)


def choose_demo_person(page, name):
    """On the demo login page (simulated DigiD): log in as one of the demo people."""
    assert "géén echte DigiD" in page.inner_text("main")
    page.get_by_label(name).check()
    page.get_by_role("button", name="Inloggen (demo)").click()


def login_as_staff(page, base, username):
    page.goto(f"{base}/werkplek/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
