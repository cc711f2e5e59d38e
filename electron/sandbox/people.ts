/** Made-up beneficiaries (15 to 21 years old, accented names, Île-de-France postal codes) and their tokens. */
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, POSTAL_CODES, TOKEN_ALPHABET } from './catalog';
import type { Rng } from './prng';
import type { Beneficiary } from './state';
import { formatLocalDay, parisDay } from './time';

/** `Nguyễn` → `nguyen`, `D’Almeida` → `d-almeida`. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

export function makeBeneficiary(rng: Rng, now: number, names?: { firstName?: string; lastName?: string }): Beneficiary {
  const firstName = names?.firstName ?? rng.pick(FIRST_NAMES);
  const lastName = names?.lastName ?? rng.pick(LAST_NAMES);
  const suffix = rng.chance(0.5) ? String(rng.int(1, 99)) : '';
  const email = `${slug(firstName)}.${slug(lastName)}${suffix}@${rng.pick(EMAIL_DOMAINS)}`;
  const phoneNumber = rng.chance(0.1) ? null : `+33${rng.pick(['6', '7'])}${digits(rng, 8)}`;
  // Age 15 to 21 today: born `age` years and 1..360 days ago.
  const age = rng.pick([15, 16, 17, 17, 18, 18, 18, 19, 20, 21]);
  const today = parisDay(now);
  const born = new Date(Date.UTC(today.year - age, today.month - 1, today.day - rng.int(1, 360)));
  const birthDate = formatLocalDay({
    year: born.getUTCFullYear(),
    month: born.getUTCMonth() + 1,
    day: born.getUTCDate(),
  });
  const postalCode = rng.chance(0.05) ? null : rng.pick(POSTAL_CODES);
  return { firstName, lastName, email, phoneNumber, birthDate, postalCode };
}

const TOKEN_CHARS = TOKEN_ALPHABET.split('');

/** A fresh 6-character token from today's alphabet, not in `taken`. */
export function makeToken(rng: Rng, taken: (token: string) => boolean): string {
  for (;;) {
    let token = '';
    for (let i = 0; i < 6; i++) token += rng.pick(TOKEN_CHARS);
    if (!taken(token)) return token;
  }
}
