// The throughput bench's load generator, in a process of its own (plain Node, a small fresh heap): in the bench's
// process it shared the heap of every bench run before it, and that heap's collections paused the measured
// requests of both servers. Usage: forked by measure.ts's loadTest, which sends the options and receives the result.
//
// A closed loop: `connections` keep-alive connections, each sending its next request as soon as the previous answer
// has been read, for `durationMs` after `warmupMs`. Paths are taken in turn. Any status but 200, or a socket error,
// counts as an error.
//
// It speaks HTTP/1.1 on raw sockets, as wrk and autocannon do, rather than through node:http: each request there
// builds a ClientRequest, an IncomingMessage and their streams, so at 15 000 requests a second on two cores the
// generator took a core of its own and its garbage collections paused every request in flight, the bare reference
// server's as much as Passerelle's (the bare server's own p99 reached 4 × its p50). Here a request is a buffer
// written once and an answer a few byte searches: the latencies measured are the servers'.
import net from 'node:net';

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/**
 * Reads one answer from the bytes received so far: null while it is incomplete, else its status, the length of
 * its body (as sent: compressed, without chunk framing) and where it ends. Content-Length and chunked bodies.
 */
function parseResponse(buf) {
  const headEnd = buf.indexOf(HEADERS_END);
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return buf.length < end ? null : { status, size: Number(length[1]), end };
  }
  if (!/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) return { status, size: 0, end: bodyStart };
  let at = bodyStart;
  let size = 0;
  for (;;) {
    const lineEnd = buf.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const chunk = Number.parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (chunk === 0) {
      // The last chunk, then optional trailers, then an empty line.
      const end = buf.indexOf(HEADERS_END, lineEnd - 2);
      return end < 0 ? null : { status, size, end: end + 4 };
    }
    at = lineEnd + 2 + chunk + 2;
    if (buf.length < at) return null;
    size += chunk;
  }
}

async function loadTest(o) {
  const connections = o.connections ?? 20;
  const headers = {
    host: `127.0.0.1:${o.port}`,
    'accept-encoding': 'gzip, deflate, br',
    accept: 'application/json',
    ...o.headers,
  };
  const headerLines = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const requests = o.paths.map((path) => Buffer.from(`GET ${path} HTTP/1.1\r\n${headerLines}\r\n`, 'latin1'));
  const t0 = performance.now();
  const measureFrom = t0 + (o.warmupMs ?? 1000);
  const end = measureFrom + (o.durationMs ?? 5000);
  // Preallocated (room for 100 000 req/s): growing an array of a few hundred thousand numbers during the measure
  // would itself pause it.
  const latencies = new Float64Array(Math.max(100_000, (o.durationMs ?? 5000) * 100));
  let count = 0;
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const record = (start, ok) => {
    if (start >= measureFrom && count < latencies.length) {
      latencies[count++] = performance.now() - start;
      if (!ok) errors++;
    }
  };

  // One connection's loop; a connection closed or broken mid-answer counts one error and is opened again.
  const run = () =>
    new Promise((done) => {
      let socket;
      let pending = Buffer.alloc(0);
      let start = 0;
      const send = () => {
        if (performance.now() >= end) {
          socket.destroy();
          done();
          return;
        }
        start = performance.now();
        socket.write(requests[next++ % requests.length]);
      };
      const open = () => {
        pending = Buffer.alloc(0);
        socket = net.connect({ host: '127.0.0.1', port: o.port, noDelay: true });
        socket.once('connect', send);
        socket.on('data', (data) => {
          pending = pending.length ? Buffer.concat([pending, data]) : data;
          const answer = parseResponse(pending);
          if (!answer) return;
          pending = pending.subarray(answer.end);
          bytes = answer.size;
          record(start, answer.status === 200);
          send();
        });
        socket.on('error', () => {});
        socket.once('close', () => {
          if (performance.now() >= end) return done();
          record(start, false);
          open();
        });
      };
      open();
    });
  await Promise.all(Array.from({ length: connections }, run));
  const measured = latencies.subarray(0, count).sort();
  const at = (q) => Math.round((measured[Math.min(count - 1, Math.floor(q * count))] ?? Number.NaN) * 100) / 100;
  const window = (performance.now() - measureFrom) / 1000;
  return { requests: count, errors, rps: Math.round(count / window), p50: at(0.5), p99: at(0.99), bytes };
}

process.once('message', async (options) => {
  process.send(await loadTest(options), () => process.exit(0));
});
