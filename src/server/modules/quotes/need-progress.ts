import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { type SettableNeedStatus, setNeedStatus } from '../needs/set-need-status.js';

/**
 * Moves the quote's need on (quoted when sent, won when accepted, lost when refused), inside the caller's
 * transaction. A need this AI no longer holds is left alone: the quote's own answer must not fail for it.
 */
export async function progressNeed(
  db: Db,
  actor: { organisationId: string; userId: string | null },
  needId: string | null,
  status: SettableNeedStatus,
) {
  if (!needId) return;
  try {
    await setNeedStatus({
      db,
      actor: { role: 'org_admin', clientId: null, workerId: null, ...actor } as OrgActor,
      needId,
      status,
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}
