/** A séance with no known duration is taken to last two hours (trailers included). */
const DEFAULT_DURATION_MINUTES = 120;

export type SeanceTiming = 'past' | 'running' | 'upcoming';

export function seanceTiming(start: string, durationMinutes: number | null, now: Date): SeanceTiming {
  const startMs = new Date(start).getTime();
  const endMs = startMs + (durationMinutes ?? DEFAULT_DURATION_MINUTES) * 60_000;
  if (now.getTime() >= endMs) return 'past';
  if (now.getTime() >= startMs) return 'running';
  return 'upcoming';
}
