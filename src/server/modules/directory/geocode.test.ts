import { describe, expect, test } from 'vitest';
import { geocode } from './geocode.js';

const answer = (citycode: string, lon: number, lat: number, score = 0.9) =>
  (async () =>
    new Response(
      JSON.stringify({ features: [{ geometry: { coordinates: [lon, lat] }, properties: { citycode, score } }] }),
    )) as unknown as typeof fetch;

const centroid = { lat: 48.78373, lon: 2.45467, precision: 'commune' };

describe('placing a structure', () => {
  test('offline, at its commune’s centroid', async () => {
    expect(await geocode({ communeCode: '94028', addressLine: '1 rue X' })).toMatchObject(centroid);
  });

  test('an unknown commune gives nothing', async () => {
    expect(await geocode({ communeCode: '99999' })).toBeNull();
  });

  test('with the national address API configured, at the address it finds in the commune', async () => {
    const placed = await geocode({
      communeCode: '94028',
      addressLine: '1 place Salvador Allende',
      banApiUrl: 'http://ban.invalid',
      fetchImpl: answer('94028', 2.459, 48.79),
    });
    expect(placed).toMatchObject({ lat: 48.79, lon: 2.459, precision: 'address' });
  });

  test.each([
    ['the API fails', (async () => new Response('', { status: 503 })) as unknown as typeof fetch],
    ['the network is down', (async () => Promise.reject(new Error('down'))) as unknown as typeof fetch],
    ['the answer is in another commune', answer('75056', 2.35, 48.85)],
    ['the answer is a poor match', answer('94028', 2.459, 48.79, 0.2)],
  ])('falls back to the centroid when %s', async (_, fetchImpl) => {
    const placed = await geocode({
      communeCode: '94028',
      addressLine: '1 rue X',
      banApiUrl: 'http://ban.invalid',
      fetchImpl,
    });
    expect(placed).toMatchObject(centroid);
  });
});
