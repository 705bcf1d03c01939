import { type INTERVIEW_KINDS, supportInterviews } from './schema.js';
import { inSupportFile, type SupportFileBase } from './write-in-support-file.js';

export type InterviewInput = { heldOn: string; kind?: (typeof INTERVIEW_KINDS)[number]; notes: string };

export async function recordInterview(o: SupportFileBase & { input: InterviewInput }) {
  return inSupportFile(o, 'support.interview.record', async (tx) => {
    const [row] = await tx
      .insert(supportInterviews)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        heldOn: o.input.heldOn,
        kind: o.input.kind ?? 'follow_up',
        notes: o.input.notes,
        authorUserId: o.actor.userId,
      })
      .returning();
    return { id: row.id, heldOn: row.heldOn, kind: row.kind, notes: row.notes, authorName: null };
  });
}
