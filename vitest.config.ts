import { defineConfig } from "vitest/config";

// Date and rendering logic must not depend on the machine's time zone: those tests run three times, under
// UTC, America/Los_Angeles and Pacific/Kiritimati (UTC+14). Node picks up a changed process.env.TZ at once.
const TZ_SENSITIVE = [
  "test/time/**/*.test.ts",
  "test/model/**/*.test.ts",
  "test/findings/**/*.test.ts",
  "test/load/**/*.test.ts",
  "test/render/**/*.test.ts",
  "test/export/**/*.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup/remove-temp-dirs.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], env: { TZ: "Europe/Berlin" } } },
      { extends: true, test: { name: "tz-utc", include: TZ_SENSITIVE, env: { TZ: "UTC" } } },
      { extends: true, test: { name: "tz-los-angeles", include: TZ_SENSITIVE, env: { TZ: "America/Los_Angeles" } } },
      { extends: true, test: { name: "tz-kiritimati", include: TZ_SENSITIVE, env: { TZ: "Pacific/Kiritimati" } } },
    ],
  },
});
