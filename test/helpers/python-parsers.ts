// Python's standard library and icalendar as third-party readers of what protokoll writes: parse-mail.py reads a
// draft with the strict `email.policy.default`, parse-ics.py reads a calendar with icalendar. Both print JSON.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ICS_PARSER = fileURLToPath(new URL("./parse-ics.py", import.meta.url));
const MAIL_PARSER = fileURLToPath(new URL("./parse-mail.py", import.meta.url));

/** A Python with icalendar: the one on PATH, else Debian's (python3-icalendar installs there). */
const PYTHON_WITH_ICALENDAR = ["python3", "/usr/bin/python3"].find((python) => {
  try {
    execFileSync(python, ["-c", "import icalendar"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

/** What Python's strict mail policy reads from each draft, one JSON entry per file. */
export function pythonMail<T = unknown>(...files: string[]): T {
  return JSON.parse(execFileSync("python3", [MAIL_PARSER, ...files], { encoding: "utf8" })) as T;
}

/** What Python's icalendar reads from each calendar, one JSON entry per file. */
export function pythonIcs<T = unknown>(...files: string[]): T {
  if (!PYTHON_WITH_ICALENDAR) throw new Error("no Python with icalendar: apt-get install python3-icalendar");
  return JSON.parse(execFileSync(PYTHON_WITH_ICALENDAR, [ICS_PARSER, ...files], { encoding: "utf8" })) as T;
}
