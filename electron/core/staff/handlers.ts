/** Contract handlers of the team (shared/contract-staff.ts); the role each needs is in callRoles.ts. */
import type { StaffRole } from '../../../shared/contract';
import { currentActor, LOCAL_CALLER, type Actor } from './actor';
import type { Staff } from './staffService';

/** The actor the dispatcher set for this call (every handler runs inside one). */
function actor(): Actor {
  return currentActor() ?? { terminal: LOCAL_CALLER.terminal, personId: null, personName: null, role: null };
}

export function staffHandlers(staff: Staff) {
  return {
    'staff.session': () => staff.session(actor().terminal),
    'staff.signIn': ({ pin }: { pin: string }) => staff.signIn(actor().terminal, pin),
    'staff.signOut': ({ idle }: { idle?: boolean }) => staff.signOut(actor().terminal, idle === true),
    // The dispatcher has already counted the activity (staffService.authorize): this only answers the session.
    'staff.activity': () => staff.session(actor().terminal),
    'staff.people.list': () => ({ people: staff.people() }),
    'staff.people.add': (input: { firstName: string; role: StaffRole; pin: string }) => staff.addPerson(actor(), input),
    'staff.people.update': (input: {
      id: number;
      firstName?: string;
      role?: StaffRole;
      pin?: string;
      active?: boolean;
    }) => staff.updatePerson(actor(), input),
    'staff.settings.set': ({ idleMinutes }: { idleMinutes: number }) => {
      staff.setIdleMinutes(actor(), idleMinutes);
      return staff.session(actor().terminal);
    },
    'staff.demoTeam': async () => ({ people: await staff.demoTeam(actor()) }),
    'staff.audit': ({ personId, limit }: { personId?: number; limit?: number }) => ({
      rows: staff.auditRows(limit ?? 300, personId),
    }),
  } as const;
}
