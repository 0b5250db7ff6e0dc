# Parses .ics files with Python's icalendar, as a second, independent calendar parser for the tests. For each file:
# the calendar's METHOD and each VEVENT's UID, SEQUENCE, STATUS, DTSTART, ORGANIZER (address and CN) and ATTENDEEs
# (address, CN, ROLE, PARTSTAT, RSVP), or the error. Prints one JSON document.
import json
import sys

import icalendar

results = []
for name in sys.argv[1:]:
    entry = {"file": name, "error": None, "method": None, "events": []}
    try:
        with open(name, "rb") as handle:
            calendar = icalendar.Calendar.from_ical(handle.read())
        entry["method"] = str(calendar.get("METHOD"))
        for event in calendar.walk("VEVENT"):
            attendees = event.get("ATTENDEE", [])
            if not isinstance(attendees, list):
                attendees = [attendees]
            organizer = event.get("ORGANIZER")
            start = event.get("DTSTART")
            entry["events"].append({
                "uid": str(event.get("UID")),
                "sequence": int(event.get("SEQUENCE")),
                "status": None if event.get("STATUS") is None else str(event.get("STATUS")),
                "start": None if start is None else start.dt.isoformat(),
                "organizer": None if organizer is None else {"address": str(organizer), "cn": organizer.params.get("CN")},
                "attendees": [
                    {"address": str(a), **{k.lower(): a.params.get(k) for k in ("CN", "ROLE", "PARTSTAT", "RSVP")}}
                    for a in attendees
                ],
                "description": None if event.get("DESCRIPTION") is None else str(event.get("DESCRIPTION")),
            })
    except Exception as error:
        entry["error"] = f"{type(error).__name__}: {error}"
    results.append(entry)
json.dump(results, sys.stdout)
