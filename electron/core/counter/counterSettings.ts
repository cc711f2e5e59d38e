/**
 * The guichet's settings (séance window, verdict sounds, notifications during service), kept in the core's
 * settings table so they survive restarts and browser-mode ports. A stored value that no longer parses falls
 * back to its default.
 */
import { counterSettingsSchema, type CounterSettings } from '../../../shared/contract';
import { DEFAULT_SEANCE_WINDOW, type SeanceWindow } from '../../../shared/seanceWindow';
import type { SettingsStore } from '../db/settings';

const KEYS = {
  seanceWindow: 'counter.seanceWindow',
  sound: 'counter.sound',
  serviceNotifications: 'counter.serviceNotifications',
} as const satisfies Record<keyof CounterSettings, string>;

export const DEFAULT_SOUND: CounterSettings['sound'] = { enabled: true, volume: 60 };

export function createCounterSettings(store: SettingsStore, defaults: { seanceWindow?: SeanceWindow } = {}) {
  const shape = counterSettingsSchema.shape;
  // Read on every lookup (the séance window): kept in memory, this store being the only writer.
  let cached: CounterSettings | null = null;
  function get(): CounterSettings {
    return (cached ??= {
      seanceWindow: store.read(KEYS.seanceWindow, shape.seanceWindow) ?? defaults.seanceWindow ?? DEFAULT_SEANCE_WINDOW,
      sound: store.read(KEYS.sound, shape.sound) ?? DEFAULT_SOUND,
      serviceNotifications: store.read(KEYS.serviceNotifications, shape.serviceNotifications) ?? 'in_app',
    });
  }
  return {
    get,
    /** Writes the fields given (already parsed by the contract) and returns the whole settings. */
    set(change: Partial<CounterSettings>): CounterSettings {
      const keys = Object.keys(KEYS) as (keyof CounterSettings)[];
      store.writeAll(keys.filter((key) => change[key] !== undefined).map((key) => [KEYS[key], change[key]]));
      cached = null;
      return get();
    },
    seanceWindow: (): SeanceWindow => get().seanceWindow,
  };
}

export type CounterSettingsStore = ReturnType<typeof createCounterSettings>;
