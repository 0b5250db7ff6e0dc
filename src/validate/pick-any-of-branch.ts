import type { ErrorObject } from "ajv";

type SchemaNode = { $ref?: string; type?: string; properties?: Record<string, unknown>; required?: string[] };

/**
 * Keeps of an `anyOf`'s errors only those of the branch the author meant. A key like `risks` takes a line or a
 * `{text, internal}` item, `escalation` a `{after_days, step}` or a `{when, then}` item: Ajv reports every
 * branch's complaint (and one for the `anyOf` itself), which reads as "must be text" next to "unknown key".
 * The branch meant is the one of the value's shape: a mapping picks the object branch whose keys fit it best,
 * anything else the text branch. `definitions` resolves the branches' `$ref`s.
 */
export function pickAnyOfBranches(errors: ErrorObject[], definitions: Record<string, unknown>): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter((e) => e.keyword === "anyOf")) {
    dropped.add(anyOf);
    const at = anyOf.instancePath;
    const branches = ((anyOf.schema as SchemaNode[] | undefined) ?? []).map((b) => resolve(b, definitions));
    const data = anyOf.data;
    const isMapping = typeof data === "object" && data !== null && !Array.isArray(data);
    const objects = branches.filter((b) => b.type === "object");
    const chosen = isMapping ? bestFit(objects, data as Record<string, unknown>) : undefined;
    const keys = new Set(Object.keys(chosen?.properties ?? {}));
    for (const error of errors) {
      if (error === anyOf || !(error.instancePath === at || error.instancePath.startsWith(`${at}/`))) continue;
      const parent = (error.parentSchema ?? {}) as SchemaNode;
      if (error.instancePath === at) {
        const ofObject = parent.type === "object";
        const ofChosen = ofObject && sameKeys(parent, chosen);
        if (isMapping ? !ofChosen : ofObject) dropped.add(error);
      } else if (isMapping) {
        const key = error.instancePath.slice(at.length + 1).split("/")[0] ?? "";
        if (!keys.has(key.replace(/~1/g, "/").replace(/~0/g, "~"))) dropped.add(error);
      }
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

function resolve(node: SchemaNode, definitions: Record<string, unknown>): SchemaNode {
  const name = node.$ref?.startsWith("#/definitions/") ? node.$ref.slice("#/definitions/".length) : undefined;
  return name !== undefined ? ((definitions[name] as SchemaNode | undefined) ?? node) : node;
}

/** The object branch with the fewest unknown and missing keys for this mapping. */
function bestFit(branches: SchemaNode[], data: Record<string, unknown>): SchemaNode | undefined {
  let best: SchemaNode | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const known = Object.keys(branch.properties ?? {});
    const unknown = Object.keys(data).filter((k) => !known.includes(k)).length;
    const missing = (branch.required ?? []).filter((k) => !(k in data)).length;
    if (unknown + missing < bestScore) {
      best = branch;
      bestScore = unknown + missing;
    }
  }
  return best;
}

function sameKeys(a: SchemaNode, b: SchemaNode | undefined): boolean {
  const x = Object.keys(a.properties ?? {}).sort();
  const y = Object.keys(b?.properties ?? {}).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}
