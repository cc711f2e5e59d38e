import type { ReactNode } from 'react';

/** A message line of the verdict area; every state has one. */
export function VerdictMessage({ children, isProminent = false }: { children: ReactNode; isProminent?: boolean }) {
  return (
    <p
      className={isProminent ? 'verdict__message verdict__message--prominent' : 'verdict__message'}
      data-testid="verdict-message"
    >
      {children}
    </p>
  );
}
