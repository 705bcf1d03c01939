import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of Brevo's transactional SMS API (POST /v3/transactionalSMS/send, header api-key, JSON body
 * { sender, recipient, content, type, tag, unicodeEnabled } → 201 { messageId }), a real local HTTP server for the
 * tests. A wrong or missing api-key is 401 { code: "unauthorized" }; a missing field is 400 { code:
 * "missing_parameter" }. Test controls (not Brevo's): `failNext(status, n)` answers the next n requests with that
 * status; `received` lists what was accepted.
 */
export type FakeSmsGateway = {
  url: string;
  apiKey: string;
  received: { sender: string; recipient: string; content: string; tag?: string; unicodeEnabled?: boolean }[];
  failNext: (status: number, times?: number) => void;
  close: () => Promise<void>;
};

export async function startFakeSmsGateway(o: { apiKey?: string } = {}): Promise<FakeSmsGateway> {
  const apiKey = o.apiKey ?? 'xkeysib-test-0123456789';
  const received: FakeSmsGateway['received'] = [];
  let failures: { status: number; times: number } | null = null;
  let nextId = 1511882900176220;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v3/transactionalSMS/send') return send(404, { code: 'not_found' });
      if (req.headers['api-key'] !== apiKey) return send(401, { code: 'unauthorized', message: 'Key not found' });
      if (failures && failures.times > 0) {
        failures.times--;
        return send(failures.status, { code: 'failure', message: 'Fake failure' });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(400, { code: 'bad_request', message: 'Invalid JSON' });
      }
      for (const field of ['sender', 'recipient', 'content']) {
        if (typeof body[field] !== 'string' || !body[field]) {
          return send(400, { code: 'missing_parameter', message: `${field} is missing` });
        }
      }
      if (!/^[0-9]{8,15}$/.test(body.recipient as string)) {
        return send(400, { code: 'invalid_parameter', message: 'Invalid phone number' });
      }
      received.push(body as FakeSmsGateway['received'][number]);
      send(201, { messageId: nextId++ });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v3/transactionalSMS/send`,
    apiKey,
    received,
    failNext: (status, times = 1) => {
      failures = { status, times };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
