"""Cadence settings: validated figures, documented reasons, zones and holiday files."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from followup.cadence import (
    CadenceSettings,
    local_zone,
    parse_holidays,
    resolve_zone,
    settings_table,
)
from followup.errors import ConfigError, InputError


def test_every_setting_has_a_reason() -> None:
    """The README table is built from the settings: none may lack its reason."""
    rows = settings_table()
    assert len(rows) == len(CadenceSettings.model_fields)
    assert all(len(reason) > 30 for _, _, reason in rows)


def test_defaults_are_the_documented_figures() -> None:
    """24 h, 2 and 5 business days, three strikes, 9:00-17:00 and 20:30 are the defaults."""
    table = {name: value for name, value, _ in settings_table()}
    assert table["thank_you_latest_hours"] == "24"
    assert table["check_in_after_decision_days"] == "2"
    assert table["check_in_without_decision_days"] == "5"
    assert table["max_unanswered"] == "3"
    assert (table["window_start"], table["window_end"]) == ("09:00", "17:00")
    assert table["after_hours_until"] == "20:30"


@pytest.mark.parametrize(
    "bad",
    [
        {"window_start": "18:00"},
        {"window_end": "21:00"},
        {"interview_ends_at": "21:00"},
        {"workdays": []},
        {"workdays": [7]},
        {"max_unanswered": 0},
        {"unknown_figure": 1},
    ],
)
def test_inconsistent_settings_are_rejected(bad: dict[str, object]) -> None:
    """Windows out of order, empty or impossible weekdays and unknown names fail validation."""
    with pytest.raises(ValidationError):
        CadenceSettings.model_validate(bad)


def test_settings_are_frozen() -> None:
    """Settings cross boundaries and cannot be changed after creation."""
    with pytest.raises(ValidationError):
        CadenceSettings().max_unanswered = 5


def test_holiday_file_format() -> None:
    """One ISO date a line; blank lines and comments are skipped."""
    text = "# US 2027\n2027-11-25  # Thanksgiving\n\n2027-12-24\n"
    assert parse_holidays(text) == {dt.date(2027, 11, 25), dt.date(2027, 12, 24)}


def test_bad_holiday_lines_are_named() -> None:
    """A malformed holiday line is reported with its file and line number."""
    with pytest.raises(InputError) as err:
        parse_holidays("2027-11-25\nChristmas\n", source="days.txt")
    assert str(err.value) == "days.txt: line 2: 'Christmas' is not a date like 2027-12-25"


def test_unknown_zone_is_one_clear_line() -> None:
    """An unknown zone name is a ConfigError naming where it came from."""
    with pytest.raises(ConfigError, match=r"^--tz: unknown time zone 'Mars/Olympus'"):
        resolve_zone("Mars/Olympus", source="--tz")


def test_followup_tz_overrides_the_machine_zone() -> None:
    """FOLLOWUP_TZ wins over TZ and /etc/localtime."""
    env = {"FOLLOWUP_TZ": "Asia/Tokyo", "TZ": "Europe/Berlin"}
    assert local_zone(env) == ZoneInfo("Asia/Tokyo")
    assert local_zone({"TZ": ":Europe/Berlin"}) == ZoneInfo("Europe/Berlin")


def test_bad_followup_tz_is_a_config_error() -> None:
    """A misspelt FOLLOWUP_TZ is reported by name, not silently replaced."""
    with pytest.raises(ConfigError, match="FOLLOWUP_TZ"):
        local_zone({"FOLLOWUP_TZ": "Europe/Berln"})


def test_machine_zone_is_a_named_zone() -> None:
    """Without settings the machine's zone is still a named zone, so DST rules apply."""
    assert isinstance(local_zone({}), ZoneInfo)
