// Small deal files that once took tens of seconds in `check`: one mistake repeated thousands of times. Shared
// by `npm run bench` (which times them) and test/cli/hostile-shapes.test.ts (which bounds them).

/** Under the default size cap (256 KiB), so `check` reads and parses every one of them. */
export const HOSTILE_SHAPE_BYTES = 250_000;

const HEAD = "title: t\ncustomer: c\nmeeting:\n  date: 2026-11-20\n";

/** `[name, text]` pairs, each close to `bytes` long. */
export function hostileShapes(bytes = HOSTILE_SHAPE_BYTES) {
  const repeat = (unit, head = "") => head + unit.repeat(Math.max(1, Math.floor((bytes - head.length) / unit.length)));
  const numbered = (make, head) => {
    let text = head;
    for (let i = 0; text.length < bytes - 40; i++) text += make(i);
    return text;
  };
  return [
    ["empty keys `: :`", repeat(": :\n")],
    ["repeated `title: t`", repeat("title: t\n")],
    ["unclosed `- [a`", repeat("- [a\n")],
    ["tab-indented lines", repeat("\tx: 1\n")],
    ["unknown keys", numbered((i) => `k${i}: 1\n`, HEAD)],
    ["unclosed quotes", repeat('- "a\n')],
    ["anchors", repeat("- &a x\n")],
    ["a nested key repeated", repeat("  place: x\n", HEAD)],
  ];
}
