import { spawn } from "node:child_process";

/**
 * Streams blobs out of one `git cat-file --batch`: each blob is handed on as soon as it is complete and then
 * dropped; one over `maxBytes` is skipped byte by byte, never buffered (`bytes` undefined).
 */
export function streamBlobs(
  ids: readonly string[],
  cwd: string,
  maxBytes: number,
  onBlob: (id: string, bytes: Buffer | undefined) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch", "--buffer"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    let pending: Buffer = Buffer.alloc(0);
    let index = 0;
    let current: { id: string; size: number; parts: Buffer[]; got: number; skip: boolean } | undefined;
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.stdout.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!current) {
          const newline = pending.indexOf(10);
          if (newline === -1) return;
          const header = pending.subarray(0, newline).toString("utf8");
          pending = pending.subarray(newline + 1);
          const id = ids[index++] ?? "";
          if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
            onBlob(id, undefined);
            continue;
          }
          const size = Number(header.split(" ")[2]);
          current = { id, size, parts: [], got: 0, skip: size > maxBytes };
        }
        // The content and its trailing newline.
        const need = current.size + 1 - current.got;
        const take = Math.min(need, pending.length);
        if (!current.skip) current.parts.push(pending.subarray(0, take));
        current.got += take;
        pending = pending.subarray(take);
        if (current.got < current.size + 1) return;
        const done = current;
        current = undefined;
        onBlob(done.id, done.skip ? undefined : Buffer.concat(done.parts).subarray(0, done.size));
      }
    });
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(stderr.trim() || `git cat-file exited with ${code}`));
      else resolve();
    });
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}

/**
 * The size of each blob from one `git cat-file --batch-check` (headers only, no content): what is over the cap is
 * then never asked for, so a 300 MB version costs one line, not 300 MB through a pipe. Missing ids are absent.
 */
export function blobSizes(ids: readonly string[], cwd: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    if (ids.length === 0) return resolve(new Map());
    const child = spawn("git", ["cat-file", "--batch-check", "--buffer"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(stderr.trim() || `git cat-file exited with ${code}`));
      const sizes = new Map<string, number>();
      // "<id> <type> <size>", or "<id> missing".
      for (const line of out.split("\n")) {
        const [id = "", type, size] = line.split(" ");
        if (type === "blob" && size !== undefined) sizes.set(id, Number(size));
      }
      resolve(sizes);
    });
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}
