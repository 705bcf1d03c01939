import type { Db } from '../db/connect.js';
import { KeptValues } from '../db/kept-values.js';
import { findSessionUser } from '../modules/accounts/sessions.js';
import type { SessionUser } from './actor.js';

/**
 * The signed-in person behind a session cookie, read from the database at most once per 5 s per session and
 * process (issue 19: two queries on every request were most of a cached page's cost). A revocation (sign-out,
 * password change, access withdrawn, account disabled) notifies every process ("sessions_changed", migration
 * 0039), which forgets every session; a lookup that started before a change is never kept (db/kept-values.ts).
 * Short on purpose: the 5 s bound only covers a session reaching its expiry date meanwhile and a notification lost
 * while PostgreSQL's listening connection reconnects. In its last second an entry is read again in the background
 * while the requests go on with it: a busy session's requests never all wait for the same lookup at each expiry.
 * Unknown tokens are not kept (nothing to gain, and no memory for someone trying tokens).
 */
export class SessionCache extends KeptValues<SessionUser | null> {
  constructor() {
    super({ ttlMs: 5_000, refreshAheadMs: 1_000, maxEntries: 10_000, keeps: (user) => user !== null });
  }

  /** Any change forgets every session, whatever the notification names: sessions are not kept by scope. */
  override invalidate() {
    super.invalidate();
  }

  find(db: Db, token: string): Promise<SessionUser | null> {
    return this.get('', token, () => findSessionUser({ db, token }));
  }
}
