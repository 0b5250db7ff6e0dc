// The protocol form's HTTP contract, spawned for real: what it refuses writes nothing, what it takes reads back.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fieldsOf, type Reply, sendTo } from "../helpers/form-client.js";
import { ROOT } from "../helpers/run-cli.js";
import { type Served, serveIn } from "../helpers/serve.js";

const SLUG = "stadtwerke-musterstadt-strom";
let dir: string;
let served: Served;
let file: string;

function send(method: string, urlPath: string, body = "", headers: Record<string, string> = {}): Promise<Reply> {
  return sendTo(served.port, method, urlPath, body, headers);
}

async function form(slug = SLUG): Promise<URLSearchParams> {
  const reply = await send("GET", `/edit/${slug}`);
  expect(reply.status).toBe(200);
  return fieldsOf(reply.body);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "protokoll-form-"));
  file = path.join(dir, "deals", `${SLUG}.yaml`);
  await mkdir(path.join(dir, "deals"));
  await writeFile(file, readFileSync(path.join(ROOT, "deals", `${SLUG}.yaml`)));
  served = await serveIn(dir);
}, 120_000);

afterAll(async () => {
  await served?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("the form refuses, and writes nothing", () => {
  it("answers 403 to a POST without the token, or with a wrong one", async () => {
    const before = await readFile(file);
    const fields = await form();
    fields.set("title", "Gekapert");
    fields.delete("token");
    expect((await send("POST", `/edit/${SLUG}`, fields.toString())).status).toBe(403);
    fields.set("token", "0".repeat(64));
    expect((await send("POST", `/edit/${SLUG}`, fields.toString())).status).toBe(403);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("answers 403 to a POST from another origin even with the token", async () => {
    const before = await readFile(file);
    const fields = await form();
    fields.set("title", "Gekapert");
    const reply = await send("POST", `/edit/${SLUG}`, fields.toString(), { Origin: "http://evil.example" });
    expect(reply.status).toBe(403);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("refuses a foreign Host name (421) on the form, GET and POST", async () => {
    const before = await readFile(file);
    const fields = await form();
    fields.set("title", "Gekapert");
    expect((await send("GET", `/edit/${SLUG}`, "", { Host: "evil.example" })).status).toBe(421);
    expect((await send("POST", `/edit/${SLUG}`, fields.toString(), { Host: `evil.example:${served.port}` })).status).toBe(421);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("answers 409 when the file changed since the form was loaded, and shows both versions", async () => {
    const fields = await form();
    const changedOnDisk = (await readFile(file, "utf8")).replace("title: Liefervertrag", "title: Rahmenvertrag");
    await writeFile(file, changedOnDisk);
    fields.set("customer", "Andere GmbH");
    const reply = await send("POST", `/edit/${SLUG}`, fields.toString());
    expect(reply.status).toBe(409);
    expect(reply.body).toContain("title: Rahmenvertrag");
    expect(reply.body).toContain('value="Andere GmbH"');
    expect(await readFile(file, "utf8")).toBe(changedOnDisk);
  });

  it("answers 422 with the message at the field, and writes nothing", async () => {
    const before = await readFile(file);
    const fields = await form();
    fields.set("actions.1.due", "2026-11-31");
    const reply = await send("POST", `/edit/${SLUG}`, fields.toString());
    expect(reply.status).toBe(422);
    const at = reply.body.indexOf('name="actions.1.due"');
    // The field's slot of messages (src/cli/form/form-html.ts), filled.
    const note = reply.body.indexOf('class="notes" id="n-actions.1.due"><p class="note">');
    expect(at).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(at);
    expect(reply.body.slice(note, note + 300)).toContain("November 2026 hat 30 Tage");
    expect(reply.body).toMatch(/aria-invalid="true"[^>]*value="2026-11-31"|value="2026-11-31"/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("refuses a bad slug, a GET to advance, a body over the cap and a JSON body", async () => {
    const before = await readFile(file);
    expect((await send("GET", "/edit/..%2f..%2fetc%2fpasswd")).status).toBe(404);
    expect((await send("GET", "/edit/UPPER")).status).toBe(404);
    expect((await send("GET", `/advance/${SLUG}`)).status).toBe(405);
    expect((await send("PUT", `/edit/${SLUG}`)).status).toBe(405);
    const fields = await form();
    fields.set("summary", "x".repeat(1024 * 1024 + 10));
    expect((await send("POST", `/edit/${SLUG}`, fields.toString())).status).toBe(413);
    const json = await send("POST", `/edit/${SLUG}`, "{}", { "Content-Type": "application/json" });
    expect(json.status).toBe(415);
    const created = await form();
    created.set("title", "Neu");
    created.set("customer", "Kunde");
    created.set("meeting.date", "2026-11-20");
    created.set("_slug", "../ausserhalb");
    expect((await send("POST", "/new", created.toString())).status).toBe(422);
    expect((await readdir(dir)).sort()).toEqual(["deals"]);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("gives the form no CORS header, and a policy that no other page may frame it", async () => {
    const reply = await send("GET", "/new", "", { Origin: "http://evil.example" });
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    expect(reply.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(reply.headers["x-frame-options"]).toBe("DENY");
    expect(reply.headers["cache-control"]).toBe("no-store");
  });
});

describe("Folgetermin protokollieren", () => {
  it("moves the deal on to its next meeting with the token and the file's base, and goes back to the form", async () => {
    const page = await send("GET", `/edit/${SLUG}`);
    const form = page.body.slice(page.body.indexOf(`action="/advance/${SLUG}"`));
    const token = /name="token" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const base = /name="base" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const before = await readFile(file, "utf8");
    const nextDate = parse(before).next_meeting.date as string;
    expect((await send("POST", `/advance/${SLUG}`, new URLSearchParams({ base }).toString())).status).toBe(403);
    expect(await readFile(file, "utf8")).toBe(before);
    const reply = await send("POST", `/advance/${SLUG}`, new URLSearchParams({ token, base }).toString());
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe(`/edit/${SLUG}`);
    const after = parse(await readFile(file, "utf8"));
    expect(after.meeting.date).toBe(nextDate);
    expect(after.next_meeting).toBeUndefined();
    // The same base again: the file changed since, so nothing happens.
    expect((await send("POST", `/advance/${SLUG}`, new URLSearchParams({ token, base }).toString())).status).toBe(409);
    await writeFile(file, before);
  });
});

const HOSTILE = [
  "Kennzahl: mehr als 90 %",
  "Preis # netto",
  "#hashtag am Anfang",
  "{{ title }} und {% raw %}",
  `Er sagte "ja" und 'nein'`,
  "Zeile eins\nZeile zwei\n",
  "ohne Zeilenende\nam Schluss",
  "  führende Leerzeichen",
  "- kein Listenpunkt",
  "[keine, Liste]",
  "true",
  "0x1F",
  "10:00",
  "~",
  "null",
  "@at und `backtick`",
  "Tab\tim Text",
  "Backslash \\ und \\n",
  "<script>alert(1)</script>",
  "ümlaut – Gedankenstrich … und 😀",
  "&amp; &#60;",
  "*stern und &anker",
  "! ausrufezeichen",
  "% prozent",
  "|",
  ">",
  "ends with colon:",
];

describe("hostile values read back as the same string", () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))(
    "%s as a decision, a task and the summary",
    async (_, value) => {
      const fields = await form();
      fields.set("decisions.0", value);
      fields.set("actions.0.task", value.replace(/\n/g, " "));
      fields.set("summary", value);
      const reply = await send("POST", `/edit/${SLUG}`, fields.toString());
      expect(reply.status).toBe(303);
      const data = parse(await readFile(file, "utf8"));
      expect(data.decisions[0]).toBe(value);
      expect(data.actions[0].task).toBe(value.replace(/\n/g, " "));
      expect(data.summary).toBe(value);
      // And the form shows it again as it is: sent back unchanged, the file stays byte-identical.
      const again = await readFile(file);
      expect((await send("POST", `/edit/${SLUG}`, (await form()).toString())).status).toBe(303);
      expect((await readFile(file)).equals(again)).toBe(true);
    },
  );
});
