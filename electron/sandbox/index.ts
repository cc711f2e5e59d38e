/**
 * The sandbox platform: a local HTTP server speaking the pass Culture public API (same paths, same JSON, same
 * rules) over seeded demo data, plus a control API under `/__sandbox/`. Used by the demo mode and the tests.
 */
export { DEMO_API_KEY, startSandbox } from './server';
export type { Sandbox, SandboxOptions } from './server';
export type { Faults } from './faults';
export type { LookupOutcome } from './rules';
