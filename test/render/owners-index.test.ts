// "Wer macht was bis wann" listed every open action of everyone: for 10 000 deals a 30 MB page, each owner's page
// over again, and the largest string a build held. It now shows each owner's most urgent actions and links the
// rest on their own page.
import { describe, expect, it } from "vitest";
import { assembleSite } from "../../src/render/assemble-site.js";
import { OWNERS_INDEX_ACTIONS, ownersIndex } from "../../src/render/views/owner-view.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

const actions = (owner: string, n: number, firstDue: number) =>
  Array.from({ length: n }, (_, i) => [
    `  - task: Aufgabe ${i + 1}`,
    `    owner: ${owner}`,
    `    due: 2026-11-${String(firstDue + i).padStart(2, "0")}`,
  ]).flat();

describe("the owners' overview", () => {
  it.each([
    [1, 1, 0],
    [OWNERS_INDEX_ACTIONS, OWNERS_INDEX_ACTIONS, 0],
    [OWNERS_INDEX_ACTIONS + 1, OWNERS_INDEX_ACTIONS, 1],
    [OWNERS_INDEX_ACTIONS + 7, OWNERS_INDEX_ACTIONS, 7],
  ])("of an owner with %i open actions shows %i and counts %i more", async (open, shown, more) => {
    const analysis = await analyseFiles({ "a.yaml": deal("actions:", ...actions("Anna Schulz", open, 2)) });
    const view = assembleSite(analysis);
    const [anna] = view.ownersIndex;
    expect(anna).toMatchObject({ slug: "anna-schulz", count: open, more });
    expect(anna?.actions).toHaveLength(shown);
    // The most urgent ones, in the order of the owner's own page, which lists them all.
    const page = view.owners.find((o) => o.slug === "anna-schulz");
    expect(page?.actions).toHaveLength(open);
    expect(anna?.actions).toEqual(page?.actions.slice(0, shown));
  });

  it("keeps the owners' order and the overdue counts of their pages", async () => {
    const analysis = await analyseFiles({
      "a.yaml": deal("actions:", ...actions("Anna Schulz", 3, 20)),
      "b.yaml": deal("actions:", ...actions("Bernd Meier", 12, 1)),
    });
    const view = assembleSite(analysis);
    expect(ownersIndex(view.owners).map((o) => [o.slug, o.overdue])).toEqual(view.owners.map((o) => [o.slug, o.overdue]));
    expect(view.ownersIndex.map((o) => o.slug)).toEqual(["bernd-meier", "anna-schulz"]);
  });
});
