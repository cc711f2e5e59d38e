/**
 * The locked guichet (a team is configured, nobody is signed in at this screen): it says scans are impossible until
 * someone signs in, and takes a PIN in one gesture — the pad, or the digits typed then Enter.
 *
 * A scanner may fire at this screen: its keys come at machine speed or carry letters, and are never tried as a PIN
 * (that would count towards the pad's lock-out); the screen says the scan was ignored.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../i18n';
import { useAppInfo } from '../context/coreContext';
import { useStaff } from '../context/staffContext';
import { useScanListener } from '../scanner/scannerContext';

const MAX_DIGITS = 6;
/** Keys closer than this are a scanner's, not a person's. */
const MACHINE_GAP_MS = 25;

export function LockScreen() {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const { session, signIn } = useStaff();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<HTMLInputElement>(null);
  const burst = useRef<{ last: number; fast: number; foreign: boolean }>({ last: 0, fast: 0, foreign: false });

  // A scan (wedge or dedicated scanner) is taken here and dropped: nobody is signed in to look it up.
  useScanListener((record) => {
    if (!record.isScan) return false;
    burst.current = { last: 0, fast: 0, foreign: false };
    if (!record.isRepeat) {
      setPin('');
      setMessage(t('lock.scan_ignored'));
    }
    return true;
  });

  const lockedUntil = session.padLockedUntil ? Date.parse(session.padLockedUntil) : null;
  const secondsLeft = lockedUntil ? Math.max(0, Math.ceil((lockedUntil - now) / 1000)) : 0;
  useEffect(() => {
    if (!lockedUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [lockedUntil]);

  async function submit(value: string): Promise<void> {
    if (busy || value.length < 4) return;
    setBusy(true);
    const result = await signIn(value);
    setBusy(false);
    setPin('');
    setMessage(result.ok ? null : result.message);
    input.current?.focus();
  }

  function press(digit: string): void {
    setMessage(null);
    setPin((p) => (p.length < MAX_DIGITS ? p + digit : p));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const b = burst.current;
    const at = event.timeStamp;
    // A pause of a second starts afresh: a person typing their PIN after a scan was ignored.
    if (at - b.last > 1000) b.foreign = false;
    b.fast = at - b.last < MACHINE_GAP_MS ? b.fast + 1 : 0;
    b.last = at;
    if (event.key.length === 1 && !/\d/.test(event.key)) b.foreign = true;
    if (event.key === 'Enter') {
      event.preventDefault();
      const scanned = b.foreign || b.fast >= 3;
      b.foreign = false;
      b.fast = 0;
      if (scanned) {
        setPin('');
        setMessage(t('lock.scan_ignored'));
        return;
      }
      void submit(pin);
    } else if (event.key === 'Escape') {
      setPin('');
    }
  }

  const padLocked = secondsLeft > 0;
  return (
    <main className="lock-screen" data-testid="lock-screen">
      <div className="lock-screen__panel">
        <p className="lock-screen__place">{info.counterName}</p>
        <h2 className="lock-screen__title">{t('lock.title')}</h2>
        <p className="lock-screen__scans" role="status" data-testid="lock-scans-impossible">
          {t('lock.scans_impossible')}
        </p>
        <label className="lock-screen__label" htmlFor="pin-input">
          {t('lock.prompt')}
        </label>
        <input
          id="pin-input"
          ref={input}
          className="lock-screen__pin"
          data-testid="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('lock.pin_label')}
          autoFocus
          disabled={padLocked}
          value={pin}
          onChange={(event) => {
            setMessage(null);
            setPin(event.target.value.replace(/\D/g, '').slice(0, MAX_DIGITS));
          }}
          onKeyDown={onKeyDown}
        />
        <div className="lock-screen__pad" role="group" aria-label={t('lock.pin_label')}>
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
            <button
              key={digit}
              type="button"
              className="pin-key"
              data-testid={`pin-key-${digit}`}
              disabled={padLocked || busy}
              onClick={() => press(digit)}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="pin-key pin-key--aside"
            aria-label={t('lock.erase')}
            disabled={padLocked || busy}
            onClick={() => setPin((p) => p.slice(0, -1))}
          >
            ⌫
          </button>
          <button
            type="button"
            className="pin-key"
            data-testid="pin-key-0"
            disabled={padLocked || busy}
            onClick={() => press('0')}
          >
            0
          </button>
          <button
            type="button"
            className="pin-key pin-key--enter"
            data-testid="pin-submit"
            disabled={padLocked || busy || pin.length < 4}
            onClick={() => void submit(pin)}
          >
            {t('lock.sign_in')}
          </button>
        </div>
        {(padLocked || message) && (
          <p className="lock-screen__error" role="alert" data-testid="pin-error">
            {padLocked ? t('lock.pad_locked', { seconds: secondsLeft }) : message}
          </p>
        )}
        {session.demoPins && (
          <p className="lock-screen__demo" data-testid="demo-pins">
            {t('lock.demo_pins')}{' '}
            {session.demoPins
              .map((p) => t('lock.demo_pin', { name: p.firstName, role: t(`role.${p.role}`), pin: p.pin }))
              .join(' · ')}
          </p>
        )}
      </div>
    </main>
  );
}
