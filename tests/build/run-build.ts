import { spawn, spawnSync } from 'node:child_process';
import { DEFAULT_SITE_URL } from '#content/environment.ts';

/** What a run of `scripts/build.ts` printed and how it ended. */
export interface BuildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment for a build of `content` into `out`, statuses as of a fixed day, published at the
 * default address unless the caller's environment names one (so the build's warning about a
 * missing SITE_URL does not mix with the messages a test reads).
 */
export function buildEnv(content: string, out: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { SITE_URL: DEFAULT_SITE_URL, ...process.env, SEC_CONTENT_DIR: content, SEC_OUT_DIR: out, SEC_AS_OF: '2024-01-01', ...extra };
}

/** Runs the real build command (`npm run build` runs the same file) and waits for it. */
export function runBuild(content: string, out: string, extra: Record<string, string> = {}): BuildRun {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { env: buildEnv(content, out, extra), encoding: 'utf8' });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts the real build in its own process group and kills the whole group (the build and the
 * Pagefind process it starts) with SIGKILL as soon as `when()` holds: a crash at that moment.
 * Resolves with whether `when()` held before the build ended on its own.
 */
export function killBuildWhen(content: string, out: string, when: () => boolean): Promise<{ killed: boolean; run: BuildRun }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { env: buildEnv(content, out), detached: true });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (killed || child.pid === undefined || !when()) return;
      killed = true;
      process.kill(-child.pid, 'SIGKILL');
    }, 5);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearInterval(poll);
      resolve({ killed, run: { status, signal, stdout, stderr } });
    });
  });
}
