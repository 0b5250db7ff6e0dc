// Where the team sees the follow-up, on the example deals as of 23.11.2026: the deal page (last contact, the
// contact log as a short timeline, missed deadlines with date, task, owner and side, the commitment), the index
// row ("letzter Kontakt vor N Tagen"), "Diese Woche", the owner pages of our side and the weekly review
// ("Nachfassen fällig", "Entscheidungen fällig") — and none of it on a client site.
import { readFileSync } from "node:fs";
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let cwd: string;
const page = (out: string, ...parts: string[]) => readFileSync(path.join(cwd, out, ...parts, "index.html"), "utf8");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  cwd = tempDir("protokoll-follow-up-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  for (const audience of ["team", "client"]) {
    const built = await runCli(["build", "--no-pdf", "--today", "2026-11-23", "--audience", audience, "--out", audience], {
      cwd,
    });
    expect(built.code, built.stderr).toBe(0);
  }
}, 120_000);

describe("the example deals", () => {
  it("show each new finding of the follow-up at least once in report.json, the silent lead its follow-up-due", () => {
    const report = JSON.parse(readFileSync(path.join(cwd, "team", "report.json"), "utf8")) as {
      deals: { slug: string; findings: { code: string }[] }[];
    };
    const where = (code: string) => report.deals.filter((d) => d.findings.some((f) => f.code === code)).map((d) => d.slug);
    for (const code of ["follow-up-due", "deadlines-missed", "kpi-missed", "decision-due", "review-due", "evasive-answers"])
      expect(where(code), code).not.toEqual([]);
    expect(where("follow-up-due")).toEqual(["waermepumpen-lead-hansen"]);
  });
});

describe("the deal page", () => {
  it("shows the silent lead's last contact and its contact log, newest first", () => {
    const html = page("team", "deals", "waermepumpen-lead-hansen");
    expect(html).toContain('<p class="follow-up__last" data-last-contact>Letzter Kontakt: 16.11.2026 (vor 7 Tagen)</p>');
    const log = text(html.slice(html.indexOf("data-contact-log"), html.indexOf("</ol>", html.indexOf("data-contact-log"))));
    expect(log).toMatch(
      /16\.11\.2026 erledigt: Nachfassen per Mail und Telefon 16\.11\.2026 Mail · von uns · Jens Hansen: Verbrauchsdaten erbeten.* 05\.11\.2026 erledigt: Richtangebot .* 03\.11\.2026 Protokoll verschickt 02\.11\.2026 Termin/,
    );
  });

  it("lists the missed deadlines with date, task, owner and side, and the commitment's share, window and measures", () => {
    const html = page("team", "deals", "software-rollout-weber");
    const missed = text(
      html.slice(html.indexOf("data-missed-deadlines"), html.indexOf("</table>", html.indexOf("data-missed-deadlines"))),
    );
    expect(missed).toContain("23.10.2026 Stammdaten der Fahrzeuge liefern Lars Möller Kunde verspätet erledigt");
    expect(missed).toContain("06.11.2026 Schnittstelle zur Telematik freischalten Lars Möller Kunde offen");
    expect(missed).toContain("13.11.2026 Testlauf Depot Hannover auswerten Jonas Keller wir verspätet erledigt");
    expect(text(html)).toContain(
      "Zusage: 1 von 4 Maßnahmen pünktlich (25 %), Ziel 90 %; Zeitfenster 19.10.2026 bis 17.11.2026 · Wenn verfehlt: Option C",
    );
    expect(html).toContain("Frau Weber hat intern wenig Rückhalt");
  });

  it("shows none of it on a client site", () => {
    for (const slug of ["waermepumpen-lead-hansen", "software-rollout-weber"]) {
      const html = page("client", "deals", slug);
      expect(html).not.toContain("follow-up");
      expect(html).not.toContain("data-last-contact");
      expect(html).not.toContain("Nachfassen per Mail und Telefon");
      expect(html).not.toContain("Preisfreigabe für Verlängerung");
      expect(html).not.toContain("Rückhalt");
      expect(html).not.toContain("Ohne Verbrauchsdaten");
    }
    expect(page("client")).not.toContain("data-last-contact");
    expect(page("client")).not.toContain("data-week=");
  });
});

describe("the index", () => {
  it("says when the last contact was on the rows where silence is the point", () => {
    const html = page("team");
    const row = (slug: string) =>
      html.slice(html.indexOf(`id="deal-${slug}"`), html.indexOf("</tr>", html.indexOf(`id="deal-${slug}"`)));
    // The silent lead's follow-up-due chip says it ("seit 7 Tagen still"): no second "letzter Kontakt" for the row.
    expect(row("waermepumpen-lead-hansen")).toContain('<span class="chip__detail">seit 7 Tagen still</span>');
    expect(row("waermepumpen-lead-hansen")).not.toContain("data-last-contact");
    expect(row("software-rollout-weber")).toContain("data-last-contact>letzter Kontakt vor 10 Tagen</li>");
    expect(row("stadtwerke-musterstadt-strom")).not.toContain("data-last-contact");
    expect(row("waermepumpen-lead-hansen")).toContain('data-finding="follow-up-due"');
  });

  it('lists follow-ups and decisions due under "Diese Woche"', () => {
    const html = page("team");
    const followUps = html.slice(
      html.indexOf('data-week="follow-up"'),
      html.indexOf("</details>", html.indexOf('data-week="follow-up"')),
    );
    expect(text(followUps)).toContain("Nachfassen fällig (1) Wärmepumpen für drei Filialen – Erstgespräch seit 7 Tagen still");
    const decisions = html.slice(
      html.indexOf('data-week="decisions"'),
      html.indexOf("</details>", html.indexOf('data-week="decisions"')),
    );
    expect([...decisions.matchAll(/#finding-([a-z-]+)"/g)].map((m) => m[1]).sort()).toEqual([
      "decision-due",
      "kpi-missed",
      "review-due",
    ]);
  });
});

describe("the owner pages", () => {
  const followUps = (html: string) => {
    const start = html.indexOf('class="owner-follow-ups"');
    if (start === -1) return [];
    const section = html.slice(start, html.indexOf("</section>", start));
    return section
      .split("<li><a ")
      .slice(1)
      .map((deal) => ({
        deal: deal.match(/deals\/([a-z0-9-]+)\//)?.[1],
        codes: [...deal.matchAll(/data-finding="([a-z-]+)"/g)].map((m) => m[1]).sort(),
      }));
  };

  it("show our side the deal-wide follow-up of their deals: Jonas Keller, sender and owner in both", () => {
    expect(followUps(page("team", "owners", "jonas-keller"))).toEqual([
      { deal: "software-rollout-weber", codes: ["deadlines-missed", "evasive-answers", "kpi-missed", "review-due"] },
      { deal: "waermepumpen-lead-hansen", codes: ["decision-due", "follow-up-due"] },
    ]);
  });

  it("not the client's people, who own actions in the same deals", () => {
    for (const owner of ["jens-hansen", "lars-moeller"]) {
      const html = page("team", "owners", owner);
      expect(html).toContain("<h1>");
      expect(followUps(html)).toEqual([]);
      expect(html).not.toContain('data-finding="follow-up-due"');
    }
  });
});

describe("the weekly review", () => {
  it('has "Nachfassen fällig" and "Entscheidungen fällig" for the running week, in both languages', async () => {
    const de = await runCli(["review", "--today", "2026-11-23", "--format", "markdown", "--lang", "de"], { cwd });
    expect(de.code, de.stderr).toBe(0);
    // Deal text goes through the Markdown sink, which may escape the colon.
    expect(de.stdout).toMatch(
      /### Nachfassen fällig\n\n- Hansen Bäckereien GmbH\\?: Wärmepumpen für drei Filialen – Erstgespräch\n/,
    );
    expect(de.stdout).toMatch(/### Entscheidungen fällig\n\n(- .*\n){2}/);
    const en = await runCli(["review", "--today", "2026-11-23", "--format", "markdown", "--lang", "en"], { cwd });
    expect(en.stdout).toContain("### Follow-up due\n");
    expect(en.stdout).toContain("### Decisions due\n");
  });

  it("leaves them out of a past week's review: today's findings are not that week's", async () => {
    const past = await runCli(["review", "--today", "2026-11-23", "--week", "2026-W46", "--format", "markdown"], { cwd });
    expect(past.code, past.stderr).toBe(0);
    expect(past.stdout).not.toContain("Follow-up due");
  });
});
