// The throughput bench's load generator, in a process of its own (plain Node, a small fresh heap): in the bench's
// process it shared the heap of every bench run before it, and that heap's collections paused the measured
// requests of both servers. Usage: forked by measure.ts's loadTest, which sends the options and receives the result.
//
// A closed loop: `connections` keep-alive connections, each sending its next request as soon as the previous answer
// has been read, for `durationMs` after `warmupMs`. Paths are taken in turn. Any status but 200, or a socket error,
// counts as an error.
import http from 'node:http';

async function loadTest(o) {
  const connections = o.connections ?? 20;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const headers = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json', ...o.headers };
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
  const one = (path) =>
    new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: o.port, path, agent, headers }, (res) => {
        let size = 0;
        res.on('data', (c) => {
          size += c.length;
        });
        res.on('end', () => {
          bytes = size;
          resolve(res.statusCode ?? 0);
        });
        res.on('error', () => resolve(0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  const loop = async () => {
    while (performance.now() < end) {
      const path = o.paths[next++ % o.paths.length];
      const start = performance.now();
      const status = await one(path);
      if (start >= measureFrom && count < latencies.length) {
        latencies[count++] = performance.now() - start;
        if (status !== 200) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  const measured = latencies.subarray(0, count).sort();
  const at = (q) => Math.round((measured[Math.min(count - 1, Math.floor(q * count))] ?? Number.NaN) * 100) / 100;
  const window = (performance.now() - measureFrom) / 1000;
  return { requests: count, errors, rps: Math.round(count / window), p50: at(0.5), p99: at(0.99), bytes };
}

process.once('message', async (options) => {
  process.send(await loadTest(options), () => process.exit(0));
});
