/** What pass Culture refuses in a film and a séance, checked before sending (shared/filmRules.ts, seanceTime.ts). */
import { describe, expect, it } from 'vitest';
import { durationProblem, MAX_EVENT_DURATION_MINUTES, videoUrlProblem } from '../../../shared/filmRules';
import { seanceStartProblem } from '../../../shared/seanceTime';
import { venueTimeMs as seanceStartMs } from '../../../shared/venueTime';

describe('duration: under 1,440 minutes (EventOfferCreation.eventDuration)', () => {
  it('takes 1 to 1,439 minutes and says why otherwise', () => {
    expect(MAX_EVENT_DURATION_MINUTES).toBe(1439);
    expect(durationProblem(1)).toBeNull();
    expect(durationProblem(1439)).toBeNull();
    expect(durationProblem(1440)).toMatch(/moins de 24 heures \(1 439 minutes au plus\).*laissez la durée vide/);
    expect(durationProblem(0)).toMatch(/1 au moins/);
    expect(durationProblem(Number.NaN)).toMatch(/nombre entier/);
  });
});

describe('trailer: a public YouTube video (videoUrl, uri of 1–2083 characters)', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://youtube.com/watch?v=dQw4w9WgXcQ',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'http://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/v/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=abc',
  ])('takes %s', (url) => expect(videoUrlProblem(url)).toBeNull());

  it.each([
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube.com/@cinemalelux',
    'https://www.youtube.com/channel/UC1234567890',
    'https://www.youtube.com/watch?v=tooShort',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQQ',
    'https://vimeo.com/76979871',
    'www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
  ])('refuses %s, saying what pass Culture accepts', (url) =>
    expect(videoUrlProblem(url)).toMatch(/vidéo YouTube publique.*ni un « short », ni une chaîne/),
  );

  it('refuses a link over 2,083 characters', () => {
    const long = `https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=${'a'.repeat(2100)}`;
    expect(videoUrlProblem(long)).toBe('le lien de la bande-annonce dépasse 2083 caractères.');
  });
});

describe('a séance starts after now, in the venue’s time', () => {
  it('reads the day and time in the venue’s zone, summer and winter time alike', () => {
    expect(new Date(seanceStartMs('2026-03-29', '20:30', 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T18:30:00.000Z',
    );
    expect(new Date(seanceStartMs('2026-12-24', '20:30', 'Europe/Paris')).toISOString()).toBe(
      '2026-12-24T19:30:00.000Z',
    );
    expect(new Date(seanceStartMs('2026-12-24', '20:30', 'Indian/Reunion')).toISOString()).toBe(
      '2026-12-24T16:30:00.000Z',
    );
  });

  it('refuses a start at or before now, with its day and time in French', () => {
    const now = Date.parse('2026-06-12T18:30:00Z'); // 20:30 in Paris
    expect(seanceStartProblem('2026-06-12', '20:31', 'Europe/Paris', now)).toBeNull();
    expect(seanceStartProblem('2026-06-12', '20:30', 'Europe/Paris', now)).toBe(
      'la séance du 12/06/2026 à 20:30 serait déjà commencée, et pass Culture n’accepte qu’une séance à venir.',
    );
    expect(seanceStartProblem('2026-06-11', '23:00', 'Europe/Paris', now)).not.toBeNull();
  });
});
