/**
 * Who is signed in at this screen (issue 15), kept current: asked at start, again on `staff.changed` and when the
 * link comes back. Also the screen's side of the idle lock: keys and pointer tell the engine someone is here (at
 * most twice a minute), and the screen locks itself once nobody has touched it for the team's idle time. The engine
 * keeps its own count and refuses calls after it anyway; this only makes the lock show on time.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EventName, StaffSession } from '../../shared/contract';
import { useEventRefreshKey, useLoadedEnvelope } from '../hooks/coreData';
import { useApi } from './coreContext';

const REFRESH_ON: readonly EventName[] = ['staff.changed', 'account.changed'];
const ACTIVITY_PING_MS = 30_000;
const IDLE_CHECK_MS = 5_000;

export interface StaffState {
  session: StaffSession;
  /** A team is configured and nobody is signed in here: the lock screen shows. */
  locked: boolean;
  isManager: boolean;
  signIn(pin: string): Promise<{ ok: true } | { ok: false; message: string; code: string }>;
  lock(): void;
  refresh(): void;
}

const StaffContext = createContext<StaffState | null>(null);

export function useStaff(): StaffState {
  const state = useContext(StaffContext);
  if (!state) throw new Error('StaffContext is not provided');
  return state;
}

/** The implicit manager of a counter with no team, until the engine has answered. */
const NO_TEAM: StaffSession = {
  teamConfigured: false,
  person: { id: null, firstName: '', role: 'manager' },
  padLockedUntil: null,
  idleMinutes: 15,
  demoPins: null,
};

export function StaffProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  const load = useCallback(() => api.call('staff.session', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(load, refreshKey);
  const loaded = envelope?.ok ? envelope.value : null;
  // What a call of this screen answered, over the session loaded then; a newer load (an event) wins over it.
  const [answered, setAnswered] = useState<{ session: StaffSession; over: StaffSession | null } | null>(null);
  const session = (answered && answered.over === loaded ? answered.session : loaded) ?? NO_TEAM;
  const setFresh = useCallback((next: StaffSession) => setAnswered({ session: next, over: loaded }), [loaded]);

  const locked = session.teamConfigured && session.person === null;
  const lastActivity = useRef(0);
  const lastPing = useRef(0);

  useEffect(() => {
    if (!session.teamConfigured || locked) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastPing.current >= ACTIVITY_PING_MS) {
        lastPing.current = now;
        void api.call('staff.activity', {}).then((answer) => {
          if (answer.ok) setFresh(answer.value);
        });
      }
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= session.idleMinutes * 60_000) {
        void api.call('staff.signOut', { idle: true }).then((answer) => {
          if (answer.ok) setFresh(answer.value);
        });
      }
    }, IDLE_CHECK_MS);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
      clearInterval(timer);
    };
  }, [api, session.teamConfigured, session.idleMinutes, locked, setFresh]);

  const signIn = useCallback(
    async (pin: string) => {
      const answer = await api.call('staff.signIn', { pin });
      if (answer.ok) {
        lastPing.current = Date.now();
        setFresh(answer.value);
        return { ok: true as const };
      }
      if (answer.error.code === 'pin_pad_locked') retry();
      return { ok: false as const, message: answer.error.message, code: answer.error.code };
    },
    [api, retry, setFresh],
  );
  const lock = useCallback(() => {
    void api.call('staff.signOut', {}).then((answer) => {
      if (answer.ok) setFresh(answer.value);
    });
  }, [api, setFresh]);

  const state: StaffState = {
    session,
    locked,
    isManager: session.person?.role === 'manager',
    signIn,
    lock,
    refresh: retry,
  };
  return <StaffContext value={state}>{children}</StaffContext>;
}
