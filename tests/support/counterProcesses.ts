/**
 * Counters in their own processes, as a cinema runs them: browser mode from the sources (`electron/cli.ts web`
 * under tsx), started, killed and stopped the same way by every end-to-end test of several counters.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './counterUnderTest';

export interface CounterProcess {
  child: ChildProcess;
  /** The page's URL (with its session), as the process printed it. */
  pageUrl: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
}

/**
 * Starts one; resolves once it has printed its page's URL and whatever else `ready` waits for in its output (e.g.
 * the demo sandbox's address). `started` collects the process, for `stopCounterProcesses`.
 */
export function startCounterProcess(
  name: string,
  env: Record<string, string>,
  started: ChildProcess[],
  ready: (output: string) => boolean = () => true,
): Promise<CounterProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'web'], {
    cwd: REPO_ROOT,
    env: { ...process.env, COUNTER_NAME: name, COUNTER_PORT: '0', COUNTER_LAN_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const page = /ouvrez (http:\/\/\S+)/.exec(out);
      if (page && ready(out)) resolve({ child, pageUrl: page[1]!, output: () => out + err });
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${out}${err}`)));
  });
}

/** SIGKILLs a counter (a power cut, a crash) and waits until it is gone. */
export async function killCounterProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** The secondary's banner once its main counter is unreachable (waited for, up to 10 s). */
export async function mainUnreachableBanner(secondPage: Page): Promise<Locator> {
  const banner = secondPage.getByTestId('main-unreachable');
  await banner.waitFor({ timeout: 10_000 });
  return banner;
}

/** Stops them all: SIGTERM (a clean close), then SIGKILL for any still there half a second later. */
export async function stopCounterProcesses(started: readonly ChildProcess[]): Promise<void> {
  for (const child of started) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const child of started) child.kill('SIGKILL');
}
