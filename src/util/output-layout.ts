/**
 * Names in the output folder that every stage agrees on. `<out>/.protokoll/` holds the build's own state — the
 * lock, the PDF manifest, the analysis cache — and is never part of the site: CI uploads exclude it.
 */
export const STATE_DIR = ".protokoll";
