/**
 * The `lan.*` calls of Réglages → Postes and of every screen's banner (shared/contract-lan.ts), as lanHost.ts wires
 * them: which counter this is, its role, pairing codes, revocation, pairing with a main counter and leaving it. A role
 * fixed by the environment (COUNTER_ROLE) is not changed from a screen.
 */
import type { CallName, LanView } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { ContractFailure } from '../core/contractFailure';
import type { HandlersOf } from '../core/dispatch';
import { currentActor } from '../core/staff/actor';
import type { LanState } from './lanStore';
import type { MainSide } from './mainSide';

export type LanCall = Extract<CallName, `lan.${string}`>;

export interface LanCallsContext {
  state: () => LanState;
  save: (next: LanState) => void;
  mainSide: MainSide;
  /** COUNTER_ROLE is set: the role is the environment's. */
  fixedRole: boolean;
  currentView: () => Promise<LanView>;
  publish: () => void;
  /** Closes a secondary's link to its main counter (its mode, replica and hand-over stop with it). */
  disconnect: () => void;
  pair: (mainUrl: string, code: string) => Promise<void>;
}

export function lanHandlers(ctx: LanCallsContext): HandlersOf<LanCall> {
  const { mainSide, currentView, publish } = ctx;
  function refuseWhenFixed(): void {
    if (ctx.fixedRole) throw new ContractFailure('lan_refused');
  }
  return {
    'lan.get': async () => {
      // Every screen's banner reads this; the pairing code on show is for a manager's eyes only.
      const view = await currentView();
      if (currentActor()?.role === 'manager' || !view.main) return view;
      return { ...view, main: { ...view.main, pairing: null } };
    },
    'lan.setRole': async ({ role }) => {
      refuseWhenFixed();
      if (role === 'main') await mainSide.start();
      else await mainSide.stop();
      ctx.disconnect();
      ctx.save({ ...ctx.state(), role, main: null });
      publish();
      return currentView();
    },
    'lan.pairingCode': () => {
      if (ctx.state().role !== 'main' || !mainSide.listening()) {
        throw new ContractFailure('lan_refused', t('errors.not_main_counter'));
      }
      mainSide.issueCode();
      publish();
      return currentView();
    },
    'lan.revoke': ({ id }) => {
      if (mainSide.revoke(id)) publish();
      return currentView();
    },
    'lan.pair': async ({ mainUrl, code }) => {
      refuseWhenFixed();
      await ctx.pair(mainUrl, code);
      publish();
      return currentView();
    },
    'lan.unpair': async () => {
      refuseWhenFixed();
      ctx.disconnect();
      ctx.save({ ...ctx.state(), role: 'alone', main: null });
      publish();
      return currentView();
    },
  };
}
