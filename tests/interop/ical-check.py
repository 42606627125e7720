"""ical-check.py -- reads iCalendar files with Debian's python3-vobject,
validating them (validate=True), and prints each event's date and times
in Asia/Tokyo as vobject computes them from the file's VTIMEZONE:

    2021-07-29 13:30 15:00 SUMMARY
    2021-04-13 - - SUMMARY          (all day, ending the next day)

and "problem: FILE: ..." for each problem (exit status 1).
Usage: python3 ical-check.py FILE...
"""
import datetime
import sys

import vobject

JST = datetime.timezone(datetime.timedelta(hours=9))


def check(path):
    problems = 0
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    try:
        cals = list(vobject.readComponents(text, validate=True))
    except Exception as e:  # vobject raises many kinds
        print(f"problem: {path}: vobject: {e}")
        return 1
    if len(cals) != 1:
        print(f"problem: {path}: {len(cals)} calendars, not one")
        return 1
    cal = cals[0]
    cal.validate(raiseException=True, complainUnrecognized=False)
    for ev in cal.contents.get("vevent", []):
        uid = ev.uid.value
        start = ev.dtstart.value
        # no DTEND: an event of no length (RFC 5545 3.6.1)
        end = ev.dtend.value if hasattr(ev, "dtend") else start
        summary = ev.summary.value
        if isinstance(start, datetime.datetime):
            if start.tzinfo is None:
                print(f"problem: {path}: {uid}: a floating time")
                problems += 1
                continue
            s = start.astimezone(JST)
            e = end.astimezone(JST)
            print(f"{s:%Y-%m-%d} {s:%H:%M} {e:%H:%M} {summary}")
        else:
            if end != start + datetime.timedelta(days=1):
                print(f"problem: {path}: {uid}: not ending the next day")
                problems += 1
            print(f"{start:%Y-%m-%d} - - {summary}")
    return problems


def main():
    problems = 0
    for path in sys.argv[1:]:
        problems += check(path)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
