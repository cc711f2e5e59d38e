/**
 * The typed in-process client of a core (or of the host's supervisor): `core.call('counter.lookup', { text })`
 * goes through the same dispatcher as a renderer's call (input parsed, output checked) and returns the typed value,
 * or throws the contract failure. For tests, benchmarks and scripts; hosts keep the envelope (`dispatch`).
 */
import type { CallInput, CallName, CallOutput, Envelope } from '../../shared/contract';

type Failure = Extract<Envelope<unknown>, { ok: false }>['error'];

/** A call the core answered with a failure envelope: its code and French message. */
export class ContractCallError extends Error {
  readonly code: Failure['code'];
  constructor(
    readonly call: CallName,
    failure: Failure,
  ) {
    super(`${call}: ${failure.code}: ${failure.message}`);
    this.name = 'ContractCallError';
    this.code = failure.code;
  }
}

/** `input` may be left out for a call without parameters (the dispatcher reads it as `{}` and checks it). */
export type CallFunction = <N extends CallName>(name: N, input?: CallInput<N>) => Promise<CallOutput<N>>;

export function contractClient(dispatch: (name: unknown, input: unknown) => Promise<Envelope<unknown>>): CallFunction {
  return async (name, input) => {
    const envelope = await dispatch(name, input ?? {});
    if (!envelope.ok) throw new ContractCallError(name, envelope.error);
    return envelope.value as CallOutput<typeof name>;
  };
}
