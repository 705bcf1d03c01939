import { and, eq, inArray, isNull } from 'drizzle-orm';
import { URGENCY_LABELS } from '../../../shared/needs.js';
import type { Db } from '../../db/connect.js';
import { memberships, users } from '../accounts/queries.js';
import { frenchDate, frenchTime, parisDate } from '../calendar/paris-time.js';
import { findJob } from '../directory/rome.js';
import { queueEmail } from '../notifications/queue-email.js';

export type NeedForEmail = {
  id: string;
  reference: string;
  urgency: 'urgent' | 'structural';
  establishmentName: string;
  communeName: string;
  deadlineAt: Date | null;
  jobs: { rome: string; headcount: number; startDate: string }[];
};

/** The people of an AI who answer needs: its directors and placement officers. */
export async function needRecipients(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ['org_admin', 'placement_officer']),
        isNull(users.disabledAt),
      ),
    );
  return [...new Set(rows.map((r) => r.email))];
}

const jobLines = (need: NeedForEmail) =>
  need.jobs
    .map(
      (j) =>
        `- ${j.headcount} × ${findJob(j.rome)?.label ?? j.rome} (${j.rome}), à partir du ${frenchDate(j.startDate)}`,
    )
    .join('\n');

const deadlineText = (d: Date | null) => (d ? `${frenchDate(parisDate(d))} à ${frenchTime(d)}` : '');

/** Tells each routed AI that a need waits for it (call inside the routing transaction). */
export async function emailRoutedAi(
  db: Db,
  o: { need: NeedForEmail; organisationId: string; publicUrl: string; reminder?: boolean },
) {
  const { need } = o;
  const link = `${o.publicUrl}/ai/${o.organisationId}/besoins/${need.id}`;
  const subject = o.reminder
    ? `Rappel : le besoin ${need.reference} attend toujours une réponse`
    : `Nouveau besoin (${URGENCY_LABELS[need.urgency]?.toLowerCase()}) : ${need.establishmentName}, ${need.communeName}`;
  const intro = o.reminder
    ? `Le besoin ${need.reference} de ${need.establishmentName} (${need.communeName}) n’a pas encore été pris en charge, et son délai est dépassé.\nLe réseau peut maintenant le proposer à d’autres structures.`
    : `${need.establishmentName} (${need.communeName}) cherche du personnel. Votre structure fait partie de celles qui peuvent répondre.`;
  const text = `Bonjour,

${intro}

${jobLines(need)}

${o.reminder ? '' : `Prenez-le en charge avant le ${deadlineText(need.deadlineAt)} : la première structure qui le prend en charge s’en occupe.\n`}
Voir le besoin : ${link}

— Passerelle`;
  for (const to of await needRecipients(db, o.organisationId)) {
    await queueEmail({
      db,
      to,
      subject,
      text,
      organisationId: o.organisationId,
      related: { type: 'need', id: need.id },
    });
  }
}

/** The establishment's receipt, with its private follow-up link. */
export async function emailEstablishmentReceipt(
  db: Db,
  o: {
    need: NeedForEmail;
    to: string;
    token: string;
    routedCount: number;
    networkId: string | null;
    publicUrl: string;
  },
) {
  const { need } = o;
  const text = `Bonjour,

Nous avons bien reçu votre besoin. Sa référence : ${need.reference}.

${jobLines(need)}

${
  o.routedCount > 0
    ? `Il a été transmis à ${o.routedCount} association${o.routedCount > 1 ? 's' : ''} intermédiaire${o.routedCount > 1 ? 's' : ''} proche${o.routedCount > 1 ? 's' : ''} de chez vous. La première qui le prend en charge vous contactera.`
    : 'Aucune structure ne couvre encore exactement votre demande : le réseau des associations intermédiaires l’étudie et vous recontactera.'
}

Suivez votre besoin ici (lien personnel, ne le partagez pas) :
${o.publicUrl}/besoin/suivi/${o.token}

— Passerelle`;
  await queueEmail({
    db,
    to: o.to,
    subject: `Votre besoin ${need.reference} a bien été reçu`,
    text,
    networkId: o.networkId,
    related: { type: 'need', id: need.id },
  });
}

/** Tells the establishment which AI took its need. */
export async function emailEstablishmentClaimed(
  db: Db,
  o: {
    need: { id: string; reference: string };
    to: string;
    organisation: { id: string; name: string; phone: string | null; email: string | null };
  },
) {
  const contact = [o.organisation.phone, o.organisation.email].filter(Boolean).join(' · ');
  await queueEmail({
    db,
    to: o.to,
    subject: `Votre besoin ${o.need.reference} est pris en charge`,
    text: `Bonjour,

${o.organisation.name} a pris en charge votre besoin ${o.need.reference} et va vous contacter rapidement pour en préciser les détails.
${contact ? `\nPour la joindre : ${contact}\n` : ''}
— Passerelle`,
    organisationId: o.organisation.id,
    related: { type: 'need', id: o.need.id },
  });
}
