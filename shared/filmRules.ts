/**
 * What pass Culture refuses in a film (EventOfferCreation/Edition of shared/platform/openapi-subset.json), checked
 * before sending, in the form and again in the core: a duration under 1,440 minutes (24 h), and a trailer link
 * (`videoUrl`: uri, 1–2083 characters) to a public YouTube video — not a short, not a channel. The accepted forms
 * are pcapi's (`core/videos/api.py`): youtube.com or youtu.be, with or without www./m., then /watch?v=, /embed/,
 * /v/, /e/ or / and the 11-character video id.
 */
import { t } from './i18n';

/** "It must be under 1440 minutes (24 hours). For events lasting 24 hours or more […] leave this field empty." */
export const MAX_EVENT_DURATION_MINUTES = 1439;
export const MAX_VIDEO_URL_LENGTH = 2083;

const YOUTUBE_VIDEO =
  /^https?:\/\/(?:www\.)?(?:m\.)?(?:youtube\.com|youtu\.be)(?:\/watch\?v=|\/embed\/|\/v\/|\/e\/|\/)[\w-]{11}(?![\w-])/;

/** Why a duration typed in minutes cannot be sent, in French, or null. */
export function durationProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 1) return t('programme.film.duration_invalid');
  if (minutes > MAX_EVENT_DURATION_MINUTES) return t('programme.film.duration_too_long');
  return null;
}

/** Why a trailer link cannot be sent, in French, or null when pass Culture will take it. */
export function videoUrlProblem(url: string): string | null {
  if (url.length > MAX_VIDEO_URL_LENGTH) return t('programme.film.video_too_long', { max: MAX_VIDEO_URL_LENGTH });
  if (!YOUTUBE_VIDEO.test(url)) return t('programme.film.video_not_youtube');
  return null;
}
