import { execFile, spawn } from "node:child_process";

/**
 * Runs git with an argument array — never a shell string, so no file name or revision can inject a command.
 * Resolves with stdout; rejects with git's own message.
 */
export function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(new Error(stderr.trim() || error.message), { cause: error }));
      else resolve(stdout);
    });
  });
}

/**
 * Reads many blobs (`<rev>:<path>`) through one `git cat-file --batch` process instead of one process per file.
 * Missing objects come back as `undefined`.
 */
export function readBlobs(specs: readonly string[], cwd: string): Promise<(Buffer | undefined)[]> {
  if (specs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(stderr.trim() || `git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const blobs: (Buffer | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < specs.length; i++) {
        const newline = all.indexOf(10, at);
        const header = all.subarray(at, newline).toString("utf8");
        at = newline + 1;
        if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
          blobs.push(undefined);
          continue;
        }
        const size = Number(header.split(" ")[2]);
        blobs.push(all.subarray(at, at + size));
        at += size + 1;
      }
      resolve(blobs);
    });
    // Newlines in a spec would split requests; paths with them cannot be deal files (slug rule) anyway.
    child.stdin.end(specs.map((s) => s.replace(/\n/g, "")).join("\n") + "\n");
  });
}
