import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KeptValues } from './kept-values.js';

/** A computation the test releases by hand, to hold it across a change. */
function gated<V>(value: V) {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  return {
    release,
    compute: async () => {
      await gate;
      return value;
    },
  };
}

const counter = () => {
  let n = 0;
  return async () => ++n;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('KeptValues', () => {
  test('keeps a value until its lifetime ends, then computes it again', async () => {
    const kept = new KeptValues<number>({ ttlMs: 10_000, refreshAheadMs: 0 });
    const next = counter();
    expect(await kept.get('s', 'k', next)).toBe(1);
    vi.advanceTimersByTime(9_999);
    expect(await kept.get('s', 'k', next)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await kept.get('s', 'k', next)).toBe(2);
  });

  test('shares one computation between concurrent misses of a key', async () => {
    const kept = new KeptValues<number>({ ttlMs: 10_000, refreshAheadMs: 0 });
    const next = counter();
    expect(await Promise.all([kept.get('s', 'k', next), kept.get('s', 'k', next), kept.get('s', 'j', next)])).toEqual([
      1, 1, 2,
    ]);
  });

  test('empties one scope, or every scope', async () => {
    const kept = new KeptValues<number>({ ttlMs: 10_000, refreshAheadMs: 0 });
    const next = counter();
    await kept.get('a', 'k', next);
    await kept.get('b', 'k', next);
    kept.invalidate('a');
    expect(await kept.get('a', 'k', next)).toBe(3);
    expect(await kept.get('b', 'k', next)).toBe(2);
    kept.invalidate('*');
    expect(await kept.get('b', 'k', next)).toBe(4);
  });

  test('never keeps a value computed across a change of its scope, and no request joins that computation', async () => {
    const kept = new KeptValues<string>({ ttlMs: 10_000, refreshAheadMs: 0 });
    const before = gated('before');
    const first = kept.get('org', 'k', before.compute);
    kept.invalidate('org');
    // Asked after the change: a computation of its own, not the one that may predate the change.
    const second = kept.get('org', 'k', async () => 'after');
    before.release();
    expect(await first).toBe('before');
    expect(await second).toBe('after');
    expect(await kept.get('org', 'k', async () => 'again')).toBe('after');
    // A change elsewhere does not spoil a computation.
    const other = gated('kept');
    const third = kept.get('org', 'j', other.compute);
    kept.invalidate('elsewhere');
    other.release();
    await third;
    expect(await kept.get('org', 'j', async () => 'recomputed')).toBe('kept');
  });

  test('in its last moments an entry is recomputed in the background while it is still served', async () => {
    const kept = new KeptValues<string>({ ttlMs: 10_000, refreshAheadMs: 2_000 });
    await kept.get('s', 'k', async () => 'v1');
    vi.advanceTimersByTime(8_500);
    const fresh = gated('v2');
    expect(await kept.get('s', 'k', fresh.compute)).toBe('v1'); // served at once, refresh started
    expect(await kept.get('s', 'k', async () => 'v3')).toBe('v1'); // one refresh per key at a time
    fresh.release();
    await vi.waitFor(async () => expect(await kept.get('s', 'k', async () => 'v4')).toBe('v2'));
    vi.advanceTimersByTime(9_000); // the refreshed entry has a lifetime of its own (waitFor moved the clock a little)
    expect(await kept.get('s', 'k', async () => 'v5')).toBe('v2');
  });

  test('runs at most maxRefreshes background recomputations at once', async () => {
    const kept = new KeptValues<string>({ ttlMs: 10_000, refreshAheadMs: 2_000, maxRefreshes: 1 });
    await kept.get('s', 'a', async () => 'a1');
    await kept.get('s', 'b', async () => 'b1');
    vi.advanceTimersByTime(9_000);
    const a = gated('a2');
    let started = 0;
    const b2 = async () => {
      started++;
      return 'b2';
    };
    expect(await kept.get('s', 'a', a.compute)).toBe('a1');
    expect(await kept.get('s', 'b', b2)).toBe('b1');
    expect(started).toBe(0);
    a.release();
    await vi.waitFor(async () => expect(await kept.get('s', 'a', async () => 'a3')).toBe('a2'));
    // Once the first refresh is done, the next one may start.
    expect(await kept.get('s', 'b', b2)).toBe('b1');
    expect(started).toBe(1);
  });

  test('spreads lifetimes within the spread, never beyond the TTL', async () => {
    const kept = new KeptValues<number>({ ttlMs: 10_000, ttlSpread: 0.25, refreshAheadMs: 0 });
    const next = counter();
    for (let i = 0; i < 50; i++) await kept.get('s', String(i), next);
    vi.advanceTimersByTime(7_499);
    for (let i = 0; i < 50; i++) expect(await kept.get('s', String(i), next)).toBe(i + 1);
    vi.advanceTimersByTime(2_501);
    for (let i = 0; i < 50; i++) expect(await kept.get('s', String(i), next)).toBeGreaterThan(50);
  });

  test('forgets the oldest entry beyond maxEntries, keeps only what `keeps` accepts, nothing while deaf', async () => {
    const kept = new KeptValues<number | null>({
      ttlMs: 10_000,
      refreshAheadMs: 0,
      maxEntries: 2,
      keeps: (v) => v !== null,
    });
    const next = counter();
    await kept.get('s', 'a', next);
    await kept.get('s', 'b', next);
    await kept.get('s', 'c', next);
    expect(await kept.get('s', 'a', next)).toBe(4); // forgotten: the oldest
    expect(await kept.get('s', 'c', next)).toBe(3);
    let nulls = 0;
    const none = async () => {
      nulls++;
      return null;
    };
    await kept.get('s', 'unknown', none);
    await kept.get('s', 'unknown', none);
    expect(nulls).toBe(2);
    kept.listening = false;
    expect(await kept.get('s', 'd', next)).toBe(5);
    expect(await kept.get('s', 'd', next)).toBe(6);
  });

  test('a failed computation is not kept: the next request computes again', async () => {
    const kept = new KeptValues<number>({ ttlMs: 10_000, refreshAheadMs: 0 });
    await expect(kept.get('s', 'k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.get('s', 'k', async () => 7)).toBe(7);
  });
});
