// Puppeteer configuration (https://pptr.dev/guides/configuration).
// Where the system has Chromium (Debian's `chromium` package, as CI installs it), use it and skip the
// download of Puppeteer's own browser: closed networks cannot fetch it. Elsewhere `npm ci` downloads the
// bundled Chrome as usual.
const { existsSync } = require("node:fs");

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

/** @type {import("puppeteer").Configuration} */
module.exports = systemChromium
  ? { skipDownload: true, executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || systemChromium }
  : {};
