import { type Finding, finding } from "../errors.js";
import type { SourceDocument } from "../load/source-document.js";
import type { DealFile } from "../model/deal-file.generated.js";
import { schemas } from "./schemas.js";
import { validateAgainstSchema } from "./validate-against-schema.js";

/**
 * Validates a parsed deal file: the JSON Schema first, then the few rules a schema cannot say (references
 * between keys, unique ids). Returns typed data only when the file is valid.
 */
export function validateDeal(raw: unknown, source: SourceDocument): { data?: DealFile; findings: Finding[] } {
  const { data, findings } = validateAgainstSchema(schemas().deal, raw, source);
  if (findings.length > 0) return { findings };
  const deal = data as DealFile;
  const file = source.file;
  const extra: Finding[] = [];

  const optionKeys = (deal.options ?? []).map((o) => o.key);
  const seenKeys = new Set<string>();
  (deal.options ?? []).forEach((option, i) => {
    if (seenKeys.has(option.key)) {
      extra.push(
        finding(
          "invalid-field",
          file,
          source.valueAt(["options", i, "key"]),
          `Option key \`${option.key}\` is used twice.`,
          "Give every option its own key (A, B, C, …).",
        ),
      );
    }
    seenKeys.add(option.key);
  });
  if (deal.chosen_option && !optionKeys.includes(deal.chosen_option)) {
    extra.push(
      finding(
        "invalid-field",
        file,
        source.valueAt(["chosen_option"]),
        `\`chosen_option\` is "${deal.chosen_option}", but there is no option with that key.`,
        optionKeys.length > 0
          ? `Use one of: ${optionKeys.join(", ")}.`
          : "Add the options under `options:` with `key:` and `title:`.",
      ),
    );
  }

  const seenIds = new Set<string>();
  (deal.actions ?? []).forEach((action, i) => {
    if (!action.id) return;
    if (seenIds.has(action.id)) {
      extra.push(
        finding(
          "invalid-field",
          file,
          source.valueAt(["actions", i, "id"]),
          `Action id \`${action.id}\` is used twice.`,
          "Give every action its own id, or remove the id.",
        ),
      );
    }
    seenIds.add(action.id);
  });

  return extra.length > 0 ? { findings: extra } : { data: deal, findings: [] };
}
