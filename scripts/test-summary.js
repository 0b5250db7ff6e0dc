// Prints the plain "N passed, N failed, N skipped" line CI looks for, from Vitest's JSON report.
// Exits 1 when the report is missing, reports failures, or ran no test at all.
import { readFileSync } from "node:fs";

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log(`Could not read the test report ${file}: ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const brokenSuites = (report.testResults ?? []).filter(
  (r) => r.status === "failed" && (r.assertionResults ?? []).length === 0,
).length;
console.log(`${passed} passed, ${failed + brokenSuites} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed + brokenSuites > 0 || passed === 0 ? 1 : 0);
