import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export default function () {
  const dir = process.env.NAIVE_DEALS;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => ({ slug: file.replace(/\.yaml$/, ""), ...parse(readFileSync(path.join(dir, file), "utf8")) }));
}
