// `serve` started through `npx` kept running after the `npx` process was killed: a child that outlives its
// parent holds the port and the temp folder with nobody to stop it. The server ends when any process it was
// started from is gone, or when its standard input — a pipe from whoever started it — closes.
import { fstatSync, readFileSync } from "node:fs";

const CHECK_MS = 1000;

/** The processes this one descends from, parent first, up to (not including) PID 1; Linux reads /proc. */
export function ancestors(pid = process.pid): number[] {
  const chain: number[] = [];
  let current = pid;
  for (let depth = 0; depth < 64; depth++) {
    let parent: number;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      // No /proc (macOS, Windows): the direct parent only.
      if (current === process.pid && process.ppid > 1) chain.push(process.ppid);
      break;
    }
    if (!Number.isInteger(parent) || parent <= 1) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only not ours to signal.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Calls `onGone` once when a process this one was started from exits, or when standard input is a pipe or
 * socket and its other end closes (a terminal or /dev/null is not watched: Ctrl-C and SIGHUP end those).
 * Returns a function that stops watching.
 */
export function endWithParent(onGone: () => void): () => void {
  let done = false;
  const gone = () => {
    if (done) return;
    done = true;
    stop();
    onGone();
  };
  const chain = ancestors();
  const timer = setInterval(() => {
    if (chain.some((pid) => !alive(pid))) gone();
  }, CHECK_MS);
  timer.unref();
  let watchesInput = false;
  try {
    const input = fstatSync(0);
    watchesInput = input.isFIFO() || input.isSocket();
  } catch {
    // No standard input at all.
  }
  if (watchesInput) {
    process.stdin.on("end", gone);
    process.stdin.on("close", gone);
    process.stdin.resume();
  }
  function stop() {
    clearInterval(timer);
    if (watchesInput) {
      process.stdin.off("end", gone);
      process.stdin.off("close", gone);
      process.stdin.pause();
    }
  }
  return stop;
}
