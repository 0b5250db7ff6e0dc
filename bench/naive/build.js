// Builds the naive baseline: `node bench/naive/build.js <deals dir> <out dir>`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.NAIVE_DEALS = path.resolve(process.argv[2]);
process.chdir(here);
const eleventy = new Eleventy(path.join(here, "templates"), path.resolve(process.argv[3]), {
  configPath: path.join(here, "eleventy.config.js"),
  quietMode: true,
});
eleventy.disableLogger();
await eleventy.write();
