import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a lock: written into the lock file so another build can tell whether it is stale. */
interface Holder {
  pid: number;
  host: string;
  started: string;
  what: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this machine is still running (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown when a lock is held by a live process and the wait is over: its message says who holds it and what to do. */
export class LockHeld extends Error {
  override name = 'LockHeld';
}

/** A lock taken by {@link takeLock}: release it once (it is released at exit anyway). */
export interface Lock {
  file: string;
  release(): void;
}

/**
 * Takes a lock file (created with O_EXCL, so two processes never both succeed), holding this
 * process's id and host. A lock whose process is gone (a build killed by the OOM killer or a
 * power cut) is stale: it is taken over with a note. A live holder is waited for up to
 * `waitMs`, then {@link LockHeld} is thrown naming it and the file to delete if it is wrong
 * (a lock of another host cannot be checked, so it is only ever waited for).
 */
export async function takeLock(file: string, what: string, waitMs: number, log: (line: string) => void = console.error): Promise<Lock> {
  const own: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), what };
  const text = JSON.stringify(own);
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create the lock file ${file}`, { cause: error });
    }
    const holder = readHolder(file);
    if (holder && holder.host === own.host && !alive(holder.pid)) {
      // Move it aside before deleting, so two builds taking over the same stale lock cannot
      // delete each other's fresh one: only one rename succeeds.
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
        const moved = readHolder(aside);
        if (moved && moved.pid !== holder.pid) renameSync(aside, file);
        else log(`note: removed a stale lock ${file} left by process ${holder.pid} (${holder.what}, started ${holder.started}), which is no longer running`);
      } catch {
        // Another build moved it first: try again.
      }
      rmSync(aside, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} (${holder.what}, started ${holder.started})` : 'another process';
      throw new LockHeld(
        `${who} holds ${file}: ${what} cannot run beside it.\n  hint: wait for it to finish (or set SEC_BUILD_WAIT=<seconds> to wait), or, if no build is running, delete ${file}`,
      );
    }
    if (!announced) {
      log(`waiting for ${holder ? `process ${holder.pid} (${holder.what})` : 'another process'} to release ${file}…`);
      announced = true;
    }
    await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: never one another build has taken over.
    if (readHolder(file)?.pid === own.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}
