// One history pass over a deals repository, for `npm run bench`: `node bench/history-pass.js <repo> <cacheDir>`.
// Prints the cache state and the number of versions read, so the bench can check what it measured.
import { readHistory } from "../dist/history/read-history.js";

const [repo, cacheDir] = process.argv.slice(2);
const history = await readHistory({
  dealsDir: "deals",
  cwd: repo,
  timeZone: "Europe/Berlin",
  today: "2026-11-23",
  maxFileBytes: 256 * 1024,
  toolVersion: "bench",
  cacheDir,
  // The bench's own key: the cache is trusted only under a key (the machine's in a build).
  secret: Buffer.alloc(32, 1),
});
let versions = 0;
for (const list of history?.files.values() ?? []) versions += list.length;
console.log(JSON.stringify({ cache: history?.cache, files: history?.files.size, versions }));
