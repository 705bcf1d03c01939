import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { newToken, tokenHash } from './propose-shift.js';
import { calendarFeeds, missions, shifts } from './schema.js';
import { ownWorkerId } from './worker-page.js';

const feedUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/public/calendar/${token}.ics`;

export async function calendarFeedStatus({ db, actor }: { db: Db; actor: OrgActor }) {
  const workerId = ownWorkerId(actor);
  const [feed] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workerId, workerId), isNull(calendarFeeds.revokedAt)));
  return { active: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
}

/** A new private feed URL; the previous one stops working. The token is shown once (only its hash is kept). */
export async function issueCalendarFeed({ db, actor, publicUrl }: { db: Db; actor: OrgActor; publicUrl: string }) {
  const workerId = ownWorkerId(actor);
  const token = newToken();
  await db.transaction(async (tx) => {
    await revoke(tx, workerId);
    await tx
      .insert(calendarFeeds)
      .values({ organisationId: actor.organisationId, workerId, tokenHash: tokenHash(token) });
    await recordAudit({ db: tx, actor, action: 'calendar_feed.issue', recordType: 'worker', recordId: workerId });
  });
  return { url: feedUrl(publicUrl, token) };
}

async function revoke(db: Db, workerId: string) {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.workerId, workerId), isNull(calendarFeeds.revokedAt)));
}

export async function revokeCalendarFeed({ db, actor }: { db: Db; actor: OrgActor }) {
  const workerId = ownWorkerId(actor);
  await revoke(db, workerId);
  await recordAudit({ db, actor, action: 'calendar_feed.revoke', recordType: 'worker', recordId: workerId });
}

const icsDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** GET /api/public/calendar/:token.ics: the worker's shifts from 30 days back, as iCalendar (RFC 5545). */
export async function renderCalendarFeed({ db, token }: { db: Db; token: string }) {
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound('Ce calendrier');
  const rows = await db
    .select({
      id: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      siteName: sites.name,
      clientName: clients.name,
      address: sites.addressLine,
      commune: sites.communeName,
      rome: missions.rome,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.workerId, feed.workerId),
        eq(shifts.organisationId, feed.organisationId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, new Date(Date.now() - 30 * 86_400_000)),
      ),
    )
    .orderBy(asc(shifts.startAt))
    .limit(2000);
  const now = icsDate(new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Planning//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Mon travail (Passerelle)',
    ...rows.flatMap((r) => [
      'BEGIN:VEVENT',
      `UID:${r.id}@passerelle`,
      `DTSTAMP:${now}`,
      `DTSTART:${icsDate(r.startAt)}`,
      `DTEND:${icsDate(r.endAt)}`,
      `SUMMARY:${icsText(`${romeLabel(r.rome)} – ${r.siteName === 'Domicile' ? r.clientName : r.siteName}`)}`,
      `LOCATION:${icsText([r.address, r.commune].filter(Boolean).join(', '))}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
