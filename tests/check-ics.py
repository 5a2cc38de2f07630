#!/usr/bin/python3
"""Reads a calendar file Styr wrote with three independent clients and
checks each sees the events the test expects.

    check-ics.py FILE EXPECT.json

EXPECT.json holds {"events": {UID: {"start": ..., "end": ..., "status":
..., "summary": ..., "sequence": N, "alarm": "-P2D" or null}}}, with times
as UTC ("2020-03-30T08:00:00Z") and whole days as dates ("2020-01-29").
The file must hold exactly those events.

The clients are python3-icalendar, python3-vobject and khal, as Debian 12
ships them: khal imports the file with `khal import --batch` into a
calendar of its own and lists it, once in UTC and once in Copenhagen's
time. Exit status 0 when all three agree with the test, 1 with the
differences, 77 (skipped) when a client is not installed.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

SKIP = 77
UTC = datetime.timezone.utc

try:
    import icalendar
    import vobject
except ImportError as error:
    print(f"skipped: {error}; install python3-icalendar and python3-vobject")
    sys.exit(SKIP)
if shutil.which("khal") is None:
    print("skipped: khal is not installed")
    sys.exit(SKIP)

problems = []


def problem(client, text):
    problems.append(f"{client}: {text}")


def expected_value(text):
    if "T" in text:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return datetime.date.fromisoformat(text)


def same(seen, wanted):
    """A time must be the same instant; a whole day the same date."""
    if isinstance(wanted, datetime.datetime):
        return (isinstance(seen, datetime.datetime) and seen.tzinfo is not None
                and seen.astimezone(UTC) == wanted)
    return not isinstance(seen, datetime.datetime) and seen == wanted


def check_icalendar(data, expected):
    client = "python3-icalendar"
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # noqa: BLE001 - any refusal is the finding
        problem(client, f"refused the file: {error}")
        return

    if str(calendar.get("METHOD")) != "PUBLISH":
        problem(client, f"METHOD is {calendar.get('METHOD')}, not PUBLISH")
    zones = calendar.walk("VTIMEZONE")
    if [str(z["TZID"]) for z in zones] != ["Europe/Copenhagen"]:
        problem(client, f"time zones {[str(z['TZID']) for z in zones]}")
    for zone in zones:
        kinds = sorted(c.name for c in zone.subcomponents)
        if kinds != ["DAYLIGHT", "STANDARD"]:
            problem(client, f"VTIMEZONE holds {kinds}, not one STANDARD and one DAYLIGHT")

    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    if sorted(events) != sorted(expected):
        problem(client, f"events {sorted(events)}, expected {sorted(expected)}")
    for uid, want in expected.items():
        event = events.get(uid)
        if event is None:
            continue
        for key in ("start", "end"):
            seen = event["DT" + key.upper()].dt
            if not same(seen, expected_value(want[key])):
                problem(client, f"{uid}: {key} {seen!r}, expected {want[key]}")
        if str(event.get("STATUS")) != want["status"]:
            problem(client, f"{uid}: STATUS {event.get('STATUS')}, expected {want['status']}")
        if str(event.get("SUMMARY")) != want["summary"]:
            problem(client, f"{uid}: SUMMARY {event.get('SUMMARY')!r}")
        if int(event.get("SEQUENCE", -1)) != want["sequence"]:
            problem(client, f"{uid}: SEQUENCE {event.get('SEQUENCE')}, expected {want['sequence']}")
        alarms = event.walk("VALARM")
        triggers = [a["TRIGGER"].to_ical().decode() for a in alarms]
        if triggers != ([want["alarm"]] if want["alarm"] else []):
            problem(client, f"{uid}: alarms {triggers}, expected {want['alarm']}")


def check_vobject(text, expected):
    client = "python3-vobject"
    try:
        calendar = vobject.readOne(text)
        events = {e.uid.value: e for e in calendar.contents.get("vevent", [])}
    except Exception as error:  # noqa: BLE001
        problem(client, f"refused the file: {error}")
        return

    if sorted(events) != sorted(expected):
        problem(client, f"events {sorted(events)}, expected {sorted(expected)}")
    for uid, want in expected.items():
        event = events.get(uid)
        if event is None:
            continue
        for key in ("start", "end"):
            seen = getattr(event, "dt" + key).value
            if not same(seen, expected_value(want[key])):
                problem(client, f"{uid}: {key} {seen!r}, expected {want[key]}")
        if event.status.value != want["status"]:
            problem(client, f"{uid}: STATUS {event.status.value}")
        if event.summary.value != want["summary"]:
            problem(client, f"{uid}: SUMMARY {event.summary.value!r}")


KHAL_CONFIG = """[calendars]
[[styr]]
path = {path}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
local_timezone = {zone}
default_timezone = {zone}
[sqlite]
path = {database}
"""


def khal_lines(path, zone, work):
    calendar = os.path.join(work, f"calendar-{zone.replace('/', '-')}")
    os.makedirs(calendar)
    config = os.path.join(work, f"config-{zone.replace('/', '-')}")
    with open(config, "w", encoding="utf-8") as f:
        f.write(KHAL_CONFIG.format(path=calendar, zone=zone,
                                   database=os.path.join(work, f"{zone.replace('/', '-')}.db")))
    env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=work, XDG_DATA_HOME=work, LANG="C.UTF-8")
    run = subprocess.run(["khal", "-c", config, "import", "--batch", "-a", "styr", path],
                         capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        problem("khal", f"import --batch failed ({run.returncode}): {run.stderr.strip()}")
        return None
    listed = subprocess.run(["khal", "-c", config, "list", "--format",
                             "{start}|{end}|{title}|{status}", "--day-format", "",
                             "1970-01-01", "36500d"],
                            capture_output=True, text=True, env=env, check=False)
    if listed.returncode != 0:
        problem("khal", f"list failed: {listed.stderr.strip()}")
        return None
    return [line for line in listed.stdout.splitlines() if "|" in line]


def khal_time(text, zone):
    value = expected_value(text)
    if isinstance(value, datetime.datetime):
        if zone != "UTC":
            value = value.astimezone(zoneinfo.ZoneInfo(zone))
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def check_khal(path, expected):
    with tempfile.TemporaryDirectory() as work:
        for zone in ("UTC", "Europe/Copenhagen"):
            lines = khal_lines(path, zone, work)
            if lines is None:
                return
            if len(lines) != len(expected):
                problem("khal", f"lists {len(lines)} events in {zone}, expected {len(expected)}")
            for uid, want in expected.items():
                start = khal_time(want["start"], zone)
                # khal shows a whole-day event's end as its last day.
                end = khal_time(want["end"], zone)
                if "T" not in want["end"]:
                    end = (expected_value(want["end"]) - datetime.timedelta(days=1)).isoformat()
                line = f"{start}|{end}|{want['summary']}|"
                if not any(seen.startswith(line) for seen in lines):
                    problem("khal", f"{uid}: no line {line!r} in {zone}: {lines}")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    path, expect_path = sys.argv[1], sys.argv[2]
    with open(expect_path, encoding="utf-8") as f:
        expected = json.load(f)["events"]
    with open(path, "rb") as f:
        data = f.read()

    check_icalendar(data, expected)
    check_vobject(data.decode("utf-8"), expected)
    check_khal(path, expected)

    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
