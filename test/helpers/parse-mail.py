# Parses .eml files with Python's email package, as a second, independent mail parser for the tests.
# For each file and each policy (default, strict): every defect of the message, of every part and of every
# header, and the decoded From/To/Cc/Bcc/Subject. Prints one JSON document.
import json
import sys
from email import policy
from email.parser import BytesParser

results = []
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        raw = handle.read()
    for label, chosen in (("default", policy.default), ("strict", policy.strict)):
        entry = {"file": name, "policy": label, "defects": [], "error": None}
        try:
            message = BytesParser(policy=chosen).parsebytes(raw)
            for part in message.walk():
                entry["defects"] += [repr(d) for d in part.defects]
                for key, value in part.items():
                    entry["defects"] += [f"{key}: {d!r}" for d in getattr(value, "defects", ())]
            for key in ("From", "To", "Cc", "Bcc", "Subject", "X-Unsent"):
                value = message.get(key)
                entry[key] = None if value is None else str(value)
            addresses = []
            for key in ("From", "To", "Cc"):
                header = message.get(key)
                if header is not None:
                    addresses += [{"header": key, "name": a.display_name, "address": a.addr_spec} for a in header.addresses]
            entry["addresses"] = addresses
            body = message.get_body(preferencelist=("plain",))
            entry["text"] = body.get_content() if body is not None else None
            entry["attachments"] = [p.get_filename() for p in message.iter_attachments()]
        except Exception as error:  # strict raises on the first defect it meets
            entry["error"] = f"{type(error).__name__}: {error}"
        results.append(entry)
json.dump(results, sys.stdout)
