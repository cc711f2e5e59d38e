// Types of electron-availability.mjs, for the unit tests (the scripts themselves are plain ESM run by node).
export declare const UNAVAILABLE_LINE: string;
export declare function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean;
export declare function electronBinaryPath(options: {
  electronDir: string;
  relativePath: string | null;
  env: NodeJS.ProcessEnv;
}): string | null;
export declare function mayDownload(env: NodeJS.ProcessEnv): boolean;
export type ElectronDecision = { kind: 'ready'; binary: string } | { kind: 'unavailable'; line: string };
export declare function resolveElectron(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  locate: () => string | null;
  exists: (path: string) => boolean;
  download: () => boolean;
}): ElectronDecision;
