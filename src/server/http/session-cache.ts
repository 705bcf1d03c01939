import type { Db } from '../db/connect.js';
import { findSessionUser } from '../modules/accounts/sessions.js';
import type { SessionUser } from './actor.js';

/**
 * Short on purpose: an entry is emptied at once by any change to sessions, users or memberships (notifications on
 * "sessions_changed", migration 0039); the 5 s bound only covers a session reaching its expiry date meanwhile and
 * a notification lost while PostgreSQL's listening connection reconnects (nothing is kept while it is down).
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The signed-in person behind a session cookie, read from the database at most once per 5 s per session and
 * process (issue 19: two queries on every request were most of a cached page's cost). A revocation (sign-out,
 * password change, access withdrawn, account disabled) notifies every process, which forgets every session; a
 * lookup that started before a change is never kept. Unknown tokens are not kept (nothing to gain, and no memory
 * for someone trying tokens).
 */
export class SessionCache {
  private entries = new Map<string, { user: SessionUser; until: number }>();
  private generation = 0;
  listening = true;

  invalidate() {
    this.generation++;
    this.entries.clear();
  }

  async find(db: Db, token: string): Promise<SessionUser | null> {
    const hit = this.entries.get(token);
    if (hit && hit.until > Date.now()) return hit.user;
    const generation = this.generation;
    const user = await findSessionUser({ db, token });
    if (user && generation === this.generation && this.listening) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(token, { user, until: Date.now() + TTL_MS });
    }
    return user;
  }
}
