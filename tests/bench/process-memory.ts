import { readdirSync, readFileSync, readlinkSync } from "node:fs";

// The bench's view of its servers' memory, from /proc (Linux).

/** The pid of the process listening on a local TCP port, from /proc (Linux), or null. */
export function listeningPid(port: number): number | null {
  try {
    const inodes = new Set<string>();
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      let table = "";
      try {
        table = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const line of table.split("\n").slice(1)) {
        const columns = line.trim().split(/\s+/);
        const local = columns[1];
        if (!local || columns[3] !== "0A") continue;
        if (Number.parseInt(local.split(":")[1] ?? "", 16) === port) inodes.add(columns[9]!);
      }
    }
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
          const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
          if (inode && inodes.has(inode)) return Number(entry);
        } catch {
          // The descriptor closed meanwhile.
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}

export function residentMemory(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory while `during` runs: its peak and its value at the end, in bytes. */
export async function residentMemoryDuring<T>(pid: number | undefined, during: () => Promise<T>): Promise<{ result: T; peakRss: number | null; endRss: number | null }> {
  if (!pid) return { result: await during(), peakRss: null, endRss: null };
  let peak = residentMemory(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, residentMemory(pid) ?? 0)), 200);
  try {
    const result = await during();
    const endRss = residentMemory(pid);
    return { result, peakRss: Math.max(peak, endRss ?? 0) || null, endRss };
  } finally {
    clearInterval(timer);
  }
}
