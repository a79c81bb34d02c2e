# SPDX-License-Identifier: EUPL-1.2
"""Shared steps for the browser tests."""

from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.demo.loader import DEMO_PASSWORD
from plus1.identity.second_factor import next_totp_code

axe = Axe()


def assert_accessible(page):
    """No serious or critical axe-core violations on the page as it is now, once it has loaded
    (the admin's theme script names its theme button; before it runs, the button has no name)."""
    page.wait_for_load_state("load")
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


def login_as_staff(page, base, username, password=DEMO_PASSWORD):
    """Both steps of the staff login: the password, then the code the user's app shows now."""
    page.goto(f"{base}/werkplek/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    assert "Stap 2 van 2" in page.inner_text("main")
    page.get_by_label("Code", exact=True).fill(app_code(username))
    page.get_by_role("button", name="Code controleren").click()


def app_code(username):
    """What the staff member's authenticator app shows (computed from the device's key)."""
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    code = next_totp_code(device)
    assert code is not None, f"no unused code for {username} in this 30-second step"
    return code
