# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from plus1.common import bsn
from plus1.common.legal_clock import (
    InvalidTerm,
    deadline,
    describe_term,
    is_working_day,
    working_days_between,
)
from plus1.common.management.commands.envdocs import DEFAULT_TARGET, render
from plus1.conf.env import env_bool, env_int


@pytest.mark.parametrize("value", ["999990007", "111222333", "123456782"])
def test_elfproef_accepts_valid_bsns(value):
    assert bsn.is_valid_bsn(value)


@pytest.mark.parametrize(
    "value", ["999990008", "12345678", "1234567890", "abcdefghi", "", "000000000"]
)
def test_elfproef_refuses_invalid_bsns(value):
    assert not bsn.is_valid_bsn(value)


def test_bsn_is_encrypted_and_indexed_without_the_clear_value():
    token = bsn.encrypt("999990007")
    assert "999990007" not in token and bsn.decrypt(token) == "999990007"
    assert bsn.blind_index("999990007") == bsn.blind_index("999990007")
    assert "999990007" not in bsn.blind_index("999990007")


def test_log_lines_never_show_a_bsn(caplog):
    from plus1.common.logging import ScrubBsnFilter

    logger = logging.getLogger("plus1.test")
    logger.addFilter(ScrubBsnFilter())
    with caplog.at_level(logging.INFO, logger="plus1.test"):
        logger.info("lookup for %s failed", "999990007")
    assert "999990007" not in caplog.text and "*********" in caplog.text


def test_deadline_adds_the_legal_term():
    assert deadline(dt.date(2026, 3, 3), "P8W") == dt.date(2026, 4, 28)


def test_deadline_on_a_weekend_moves_to_monday():
    # 7 March 2026 + 1 week = Saturday 14 March → Monday 16 March.
    assert deadline(dt.date(2026, 3, 7), "P1W") == dt.date(2026, 3, 16)


def test_deadline_on_a_national_holiday_moves_on():
    # Koningsdag, Monday 27 April 2026, is no working day.
    assert deadline(dt.date(2026, 4, 20), "P1W") == dt.date(2026, 4, 28)


def test_working_days_are_counted_as_day_by_day_over_weekends_holidays_and_years():
    def day_by_day(start, end):
        days = (end - start).days
        return sum(is_working_day(start + dt.timedelta(days=n)) for n in range(1, days + 1))

    christmas = dt.date(2026, 12, 24)  # Thursday; 25 and 26 December are holidays
    assert working_days_between(christmas, dt.date(2026, 12, 28)) == 1  # only Monday
    assert working_days_between(christmas, christmas) == 0
    assert working_days_between(christmas, dt.date(2026, 12, 1)) == 0
    for start in (dt.date(2019, 12, 28) + dt.timedelta(days=n) for n in range(0, 400, 3)):
        for length in (*range(0, 15), 29, 30, 31, 364, 365, 366, 1000, 3653):
            end = start + dt.timedelta(days=length)
            assert working_days_between(start, end) == day_by_day(start, end), (start, end)


def test_terms_in_plain_dutch():
    assert describe_term("P8W") == "8 weken"
    assert describe_term("P1M") == "1 maand"
    assert describe_term("P12W") == "12 weken"


@pytest.mark.parametrize("term", ["8 weeks", "P", "-P1W", "P0D"])
def test_invalid_terms_are_refused(term):
    with pytest.raises(InvalidTerm):
        deadline(dt.date(2026, 1, 1), term)


@pytest.fixture
def scratch_registry(monkeypatch):
    """Variables defined by these tests stay out of the documented register."""
    monkeypatch.setattr("plus1.conf.env.REGISTRY", {})


def test_environment_helpers_fail_loudly(monkeypatch, scratch_registry):
    monkeypatch.setenv("PLUS1_TEST_FLAG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="PLUS1_TEST_FLAG"):
        env_bool("PLUS1_TEST_FLAG", False, help="test")
    monkeypatch.setenv("PLUS1_TEST_NUMBER", "tien")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("PLUS1_TEST_NUMBER", 1, help="test")


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path, scratch_registry):
    from plus1.conf.env import env_secret

    (tmp_path / "secret").write_text("s3cr3t\n")
    monkeypatch.setenv("PLUS1_TEST_SECRET_FILE", str(tmp_path / "secret"))
    assert env_secret("PLUS1_TEST_SECRET", "", help="test") == "s3cr3t"


def test_configuration_reference_is_up_to_date():
    assert DEFAULT_TARGET.read_text(encoding="utf-8") == render(), "run `plus1 envdocs`"


@pytest.mark.django_db
def test_health_reports_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["database"] == "reachable"


def test_serve_refuses_demo_secret_and_debug(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = settings.DEMO_SECRET_KEY
    with pytest.raises(CommandError) as exc:
        call_command("serve")
    assert "PLUS1_DEBUG" in str(exc.value) and "PLUS1_SECRET_KEY" in str(exc.value)


def test_serve_refuses_demo_mode(settings):
    settings.DEMO_MODE = True
    settings.SECRET_KEY = "x" * 50
    with pytest.raises(CommandError, match="PLUS1_DEMO_MODE"):
        call_command("serve")


@pytest.mark.django_db
def test_openapi_document_is_public_json_with_a_version(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["API-Version"]
    document = response.json()
    assert document["openapi"].startswith("3.") and "/producten" in document["paths"]
    assert document["servers"][0]["url"] == "/api/v1"


@pytest.mark.django_db
def test_api_paths_have_no_trailing_slash(client):
    assert client.get("/api/v1/producten/?zoek=paspoort").status_code == 404


def test_serve_refuses_to_start_without_the_audit_key(settings, tmp_path):
    settings.SECRET_KEY = "x" * 50
    settings.AUDIT_SIGNING_KEY_FILE = tmp_path / "geen-sleutel.pem"
    with pytest.raises(CommandError, match="PLUS1_AUDIT_SIGNING_KEY_FILE"):
        call_command("serve")


@pytest.mark.parametrize("term", ["P9999Y", "P101Y", "P99999999D", "P1000000W"])
def test_terms_longer_than_a_century_are_refused_in_dutch(term):
    """Found by scripts/fuzz-apis: P9999Y for a doorlooptijd was a 500 (year out of range)."""
    with pytest.raises(InvalidTerm, match=r"langer dan|kalender"):
        deadline(dt.date(2026, 3, 3), term)


def test_a_century_is_still_a_term():
    assert describe_term("P100Y") == "100 jaar"


def test_an_extension_past_the_calendar_is_refused_in_dutch():
    """issue 9: verlenging.duur P99999999D raised OverflowError in extend."""
    from plus1.common.legal_clock import extend

    with pytest.raises(InvalidTerm, match=r"langer dan|kalender"):
        extend(dt.date(2026, 3, 3), "P99999999D")
