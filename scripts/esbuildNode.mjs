// esbuild settings for the Node side, shared by the product's build (build-node.mjs) and the benchmarks' compiled
// engine process (benchProcesses.ts), so a benchmark measures the engine as it ships.

/** Native or optional-native packages, and pino's worker-thread transports (unused: they cannot be bundled). */
export const EXTERNAL = [
  'electron',
  'better-sqlite3',
  'usb',
  'serialport',
  '@serialport/*',
  'node-hid',
  'bufferutil',
  'utf-8-validate',
  'pino-pretty',
  '*.node',
];

/**
 * Bundled CommonJS dependencies call `require` and read `__dirname`, which ES modules lack. `require` is declared
 * under its own name (esbuild renames a module's own `require` around it); `__dirname`/`__filename` go through
 * `define` under private names, so a source file that declares its own keeps it.
 */
export const ESM_SHIMS = {
  banner: {
    js: [
      "import { createRequire as __guichetCreateRequire } from 'node:module';",
      "import { fileURLToPath as __guichetFileURLToPath } from 'node:url';",
      "import { dirname as __guichetDirname } from 'node:path';",
      'const require = __guichetCreateRequire(import.meta.url);',
      'const __guichet_filename = __guichetFileURLToPath(import.meta.url);',
      'const __guichet_dirname = __guichetDirname(__guichet_filename);',
    ].join('\n'),
  },
  define: { __dirname: '__guichet_dirname', __filename: '__guichet_filename' },
};
