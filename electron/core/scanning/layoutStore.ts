/** The scanners' learnt keyboard layouts, kept in the `settings` table (key `scanner.layouts`). */
import { z } from 'zod';
import { layoutKnowledgeSchema } from '../../../shared/contract';
import type { LayoutKnowledge } from '../../../shared/scanner/layoutMemory';
import { forgetLayout, rememberLayout } from '../../../shared/scanner/layoutMemory';
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import type { SettingsStore } from '../db/settings';

const KEY = 'scanner.layouts';
const storedSchema = z.array(layoutKnowledgeSchema);

export function createLayoutStore(settings: SettingsStore, now: () => string) {
  function all(): LayoutKnowledge[] {
    return settings.read(KEY, storedSchema) ?? [];
  }
  return {
    all,
    set(device: string, sources: ReadingSource[] | null, via: LayoutKnowledge['via']): LayoutKnowledge[] {
      const current = all();
      const next = sources
        ? rememberLayout(current, { device, sources, via, learntAt: now() })
        : forgetLayout(current, device);
      settings.write(KEY, next);
      return next;
    },
  };
}
