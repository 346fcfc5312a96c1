import type { ChildProcess } from "node:child_process";

/** SIGTERM to the child's group, SIGKILL after 5 s; resolves once no process of the group is left. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === "win32") {
    child.kill("SIGTERM");
    return;
  }
  const signal = (sig: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  };
  if (!signal("SIGTERM")) return;
  const deadline = Date.now() + 5_000;
  while (signal(0)) {
    if (Date.now() > deadline) {
      signal("SIGKILL");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
