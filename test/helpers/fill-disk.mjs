// Loaded with `node --import` into a spawned protokoll: the disk "fills up" after PROTOKOLL_TEST_DISK_BYTES
// bytes of writes. The write that crosses the limit writes what still fits, then fails with ENOSPC, as a
// real full disk does. For machines where a small tmpfs cannot be mounted.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

let left = Number(process.env.PROTOKOLL_TEST_DISK_BYTES);
const original = fs.promises.writeFile;
const originalSync = fs.writeFileSync;

function enospc() {
  const error = new Error("ENOSPC: no space left on device, write");
  error.code = "ENOSPC";
  error.errno = -28;
  error.syscall = "write";
  return error;
}

fs.promises.writeFile = async function writeFile(file, data, options) {
  const pieces = typeof data === "string" || data instanceof Uint8Array ? [data] : [...data];
  const bytes = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
  if (bytes.length <= left) {
    left -= bytes.length;
    return original.call(this, file, bytes, options);
  }
  await original.call(this, file, bytes.subarray(0, Math.max(0, left)), options);
  left = 0;
  throw enospc();
};
// Small files are written with synchronous calls (src/util/write-file-atomic.ts): the same limit for those.
fs.writeFileSync = function writeFileSync(file, data, options) {
  const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length <= left) {
    left -= bytes.length;
    return originalSync.call(this, file, bytes, options);
  }
  originalSync.call(this, file, bytes.subarray(0, Math.max(0, left)), options);
  left = 0;
  throw enospc();
};
syncBuiltinESMExports();
