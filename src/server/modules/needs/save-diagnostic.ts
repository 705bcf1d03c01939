import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { getNeed } from './get-need.js';
import type { DiagnosticInput } from './need-input.js';
import { needs } from './schema.js';

export type SaveDiagnosticOptions = {
  db: Db;
  actor: OrgActor;
  needId: string;
  diagnostic: DiagnosticInput;
  now?: Date;
};

/**
 * Saves the HR diagnostic of a need the AI claimed (jobs, volumes, schedules, skills and certificates,
 * protective equipment and who supplies it, access constraints, care pathway). A claimed need moves to
 * in_diagnostic; one already quoted keeps its status. The quote reads it back through getNeed().
 */
export async function saveDiagnostic({ db, actor, needId, diagnostic, now = new Date() }: SaveDiagnosticOptions) {
  return db.transaction(async (tx) => {
    const need = await getNeed({ db: tx, actor, needId, now });
    if (need.claimedBy?.organisationId !== actor.organisationId)
      throw ruleBroken('need_not_claimed', 'Prenez d’abord ce besoin en charge pour en faire le diagnostic.');
    await tx
      .update(needs)
      .set({
        diagnostic,
        diagnosticAt: now,
        diagnosticBy: actor.userId,
        ...(need.status === 'claimed' ? { status: 'in_diagnostic' as const, statusChangedAt: now } : {}),
      })
      .where(eq(needs.id, needId));
    await recordAudit({ db: tx, actor, action: 'need.diagnose', recordType: 'need', recordId: needId });
    return getNeed({ db: tx, actor, needId, now });
  });
}
