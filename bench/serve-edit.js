// serve's edit loop, measured from outside as a writer sees it: start `protokoll serve` on a deals folder,
// wait until every background preview is printed, then save one deal several times and measure how long until
// (a) its page shows the change and (b) its page shows the new PDF preview. Prints one JSON line.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const [bin, project, edits] = process.argv.slice(2);
const port = await new Promise((resolve) => {
  const server = createServer();
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const child = spawn(process.execPath, [bin, "serve", "--port", String(port)], {
  cwd: project,
  env: { ...process.env, PROTOKOLL_LANG: "en" },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
child.stdout.on("data", (c) => (output += c));
child.stderr.on("data", (c) => (output += c));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (predicate, what, timeoutMs = 600_000) => {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await predicate()) return;
    await sleep(5);
  }
  throw new Error(`serve: timed out waiting for ${what}\n${output.slice(-2000)}`);
};
const page = async (url) => {
  try {
    return await (await fetch(`http://127.0.0.1:${port}${url}`)).text();
  } catch {
    return "";
  }
};

try {
  const started = performance.now();
  await until(() => /PDF previews printed|serve\.previewsDone/.test(output), "the background previews");
  const warm = (performance.now() - started) / 1000;
  const dealsDir = path.join(project, "deals");
  const file = readdirSync(dealsDir).sort()[1];
  const slug = file.replace(/\.ya?ml$/, "");
  const original = readFileSync(path.join(dealsDir, file), "utf8");
  const toPage = [];
  const toPreview = [];
  for (let i = 0; i < Number(edits); i++) {
    const mark = `Bearbeitet ${i} ${Date.now()}`;
    const saved = performance.now();
    writeFileSync(path.join(dealsDir, file), original.replace(/^title: "/m, `title: "${mark} `));
    await until(async () => (await page(`/deals/${slug}/index.html`)).includes(mark), "the page");
    toPage.push((performance.now() - saved) / 1000);
    await until(async () => {
      const body = await page(`/deals/${slug}/index.html`);
      return body.includes(mark) && /data-preview="(fits|long)"/.test(body);
    }, "the preview");
    toPreview.push((performance.now() - saved) / 1000);
    await sleep(300);
  }
  writeFileSync(path.join(dealsDir, file), original);
  console.log(
    JSON.stringify({ warm, toPage, toPreview, log: output.split("\n").filter((l) => / saved: |PDF preview /.test(l)) }),
  );
} finally {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("close", resolve));
}
