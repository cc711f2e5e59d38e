/**
 * bench:scanner's first figure: the keyboard-wedge pipeline's decoding cost per scan (bursts, rhythm, repeats, five
 * readings, grammar, decision), in Node and in Chromium (the same modules bundled by esbuild).
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Keystroke } from '../shared/scanner/keystroke';
import { createWedgeScanner } from '../shared/scanner/wedgeScanner';
import { REPO_ROOT } from '../tests/support/counterUnderTest';
import { scannerTypes } from '../tests/unit/scanner/keystrokeStreams';

export const DECODE_ROUNDS = Number(process.env.BENCH_DECODE_ROUNDS ?? 20_000);
export const CHROMIUM_BATCH = 20;

/** The scans decoded: a QR payload and bare codes, from scanners set to each layout on an AZERTY PC. */
export function sampleStreams(): Keystroke[][] {
  const streams: Keystroke[][] = [];
  for (const scanner of ['us', 'fr', 'be', 'de'] as const) {
    streams.push(scannerTypes('PASSCULTURE:v3;TOKEN:HATLVF', { scanner, pc: 'fr' }));
    streams.push(scannerTypes(']Q1PASSCULTURE:v3;TOKEN:352UW4', { scanner, pc: 'fr' }));
    streams.push(scannerTypes('HATLVF', { scanner, pc: 'fr' }));
    streams.push(scannerTypes('3760123456789', { scanner, pc: 'fr' }));
  }
  return streams;
}

/** Decodes `rounds` scans, one scanner per scan (so no repeat is skipped); returns ms per scan. */
export function timeDecoding(streams: Keystroke[][], rounds: number, now: () => number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const strokes = streams[i % streams.length]!;
    const scanner = createWedgeScanner({ knownSources: () => (i % 2 === 0 ? ['us'] : null) });
    const start = now();
    let decided = 0;
    for (const stroke of strokes) decided += scanner.push(stroke, 'text').bursts.length;
    samples.push(now() - start);
    if (decided !== 1) throw new Error('a sample stream did not end in one burst');
  }
  return samples;
}

/** The same decoding inside Chromium: the modules bundled by esbuild and run in a blank page. */
export async function timeDecodingInChromium(page: Page): Promise<number[]> {
  const bundle = await build({
    stdin: {
      // The same pipeline and streams as in Node (sampleStreams/timeDecoding above, written out again: a
      // function's source text is not portable across bundlers).
      contents: `
        import { createWedgeScanner } from './shared/scanner/wedgeScanner';
        import { scannerTypes } from './tests/unit/scanner/keystrokeStreams';
        const streams = [];
        for (const scanner of ['us', 'fr', 'be', 'de']) {
          streams.push(scannerTypes('PASSCULTURE:v3;TOKEN:HATLVF', { scanner, pc: 'fr' }));
          streams.push(scannerTypes(']Q1PASSCULTURE:v3;TOKEN:352UW4', { scanner, pc: 'fr' }));
          streams.push(scannerTypes('HATLVF', { scanner, pc: 'fr' }));
          streams.push(scannerTypes('3760123456789', { scanner, pc: 'fr' }));
        }
        // The page's clock is coarse (0.1 ms): scans are timed in batches, each sample a batch's mean.
        globalThis.benchDecoding = (rounds, batch) => {
          const samples = [];
          for (let i = 0; i < rounds; i += batch) {
            const scanners = [];
            for (let j = 0; j < batch; j++) {
              scanners.push(createWedgeScanner({ knownSources: () => ((i + j) % 2 === 0 ? ['us'] : null) }));
            }
            const start = performance.now();
            for (let j = 0; j < batch; j++) {
              for (const stroke of streams[(i + j) % streams.length]) scanners[j].push(stroke, 'text');
            }
            samples.push((performance.now() - start) / batch);
          }
          return samples;
        };
      `,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate(`benchDecoding(2000, ${CHROMIUM_BATCH})`); // warm-up
  return page.evaluate<number[]>(`benchDecoding(${DECODE_ROUNDS}, ${CHROMIUM_BATCH})`);
}
