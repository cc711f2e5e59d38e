/**
 * The guichet's settings (séance window, verdict sounds, notifications during service), kept in the core's
 * settings table so they survive restarts and browser-mode ports. A stored value that no longer parses falls
 * back to its default.
 */
import { counterSettingsSchema, type CounterSettings } from '../../../shared/contract';
import { DEFAULT_SEANCE_WINDOW, type SeanceWindow } from '../../../shared/seanceWindow';
import type { CounterDb } from '../db/open';
import { readSetting, writeSetting } from '../db/settings';

const KEYS = {
  seanceWindow: 'counter.seanceWindow',
  sound: 'counter.sound',
  serviceNotifications: 'counter.serviceNotifications',
} as const satisfies Record<keyof CounterSettings, string>;

export const DEFAULT_SOUND: CounterSettings['sound'] = { enabled: true, volume: 60 };

export function createCounterSettings(db: CounterDb, defaults: { seanceWindow?: SeanceWindow } = {}) {
  const shape = counterSettingsSchema.shape;
  // Read on every lookup (the séance window): kept in memory, this store being the only writer.
  let cached: CounterSettings | null = null;
  function get(): CounterSettings {
    return (cached ??= {
      seanceWindow:
        readSetting(db, KEYS.seanceWindow, shape.seanceWindow) ?? defaults.seanceWindow ?? DEFAULT_SEANCE_WINDOW,
      sound: readSetting(db, KEYS.sound, shape.sound) ?? DEFAULT_SOUND,
      serviceNotifications: readSetting(db, KEYS.serviceNotifications, shape.serviceNotifications) ?? 'in_app',
    });
  }
  return {
    get,
    /** Writes the fields given (already parsed by the contract) and returns the whole settings. */
    set(change: Partial<CounterSettings>): CounterSettings {
      db.$client.transaction(() => {
        for (const key of Object.keys(KEYS) as (keyof CounterSettings)[]) {
          if (change[key] !== undefined) writeSetting(db, KEYS[key], change[key]);
        }
      })();
      cached = null;
      return get();
    },
    seanceWindow: (): SeanceWindow => get().seanceWindow,
  };
}

export type CounterSettingsStore = ReturnType<typeof createCounterSettings>;
