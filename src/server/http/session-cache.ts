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
const REFRESH_AHEAD_MS = 1_000;

/**
 * The signed-in person behind a session cookie, read from the database at most once per 5 s per session and
 * process (issue 19: two queries on every request were most of a cached page's cost). A revocation (sign-out,
 * password change, access withdrawn, account disabled) notifies every process, which forgets every session; a
 * lookup that started before a change is never kept. Unknown tokens are not kept (nothing to gain, and no memory
 * for someone trying tokens).
 */
export class SessionCache {
  private entries = new Map<string, { user: SessionUser; until: number }>();
  /** Lookups under way: the requests of one session arriving together share one (no burst of identical reads). */
  private pending = new Map<string, Promise<SessionUser | null>>();
  private generation = 0;
  listening = true;

  invalidate() {
    this.generation++;
    this.entries.clear();
    // A lookup that started before the change may return what the change revoked: nobody may join it now.
    this.pending.clear();
  }

  async find(db: Db, token: string): Promise<SessionUser | null> {
    const hit = this.entries.get(token);
    const now = Date.now();
    if (hit && hit.until > now) {
      // In its last second, the entry is read again in the background while the requests go on with it (within
      // the 5 s bound): a busy session's requests never all wait for the same lookup at each expiry.
      if (hit.until - now < REFRESH_AHEAD_MS && !this.pending.has(token)) {
        this.lookup(db, token).catch(() => {}); // a failing read is met by the next request past the expiry
      }
      return hit.user;
    }
    return this.pending.get(token) ?? this.lookup(db, token);
  }

  private lookup(db: Db, token: string): Promise<SessionUser | null> {
    const generation = this.generation;
    const promise = (async () => {
      const user = await findSessionUser({ db, token });
      if (generation === this.generation) {
        this.entries.delete(token);
        if (user && this.listening) {
          if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(token, { user, until: Date.now() + TTL_MS });
        }
      }
      return user;
    })();
    this.pending.set(token, promise);
    const forget = () => {
      if (this.pending.get(token) === promise) this.pending.delete(token);
    };
    promise.then(forget, forget);
    return promise;
  }
}
