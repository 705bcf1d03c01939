// The reference of the throughput bench: a bare Node HTTP server answering, for each path, the very bytes (and
// content headers) Passerelle answered. Usage: node bench/bare-server.mjs <port> <answers.json>
import fs from 'node:fs';
import http from 'node:http';

const [port, file] = process.argv.slice(2);
const answers = new Map(
  Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))).map(([path, a]) => [
    path,
    { status: a.status, headers: a.headers, body: Buffer.from(a.body, 'base64') },
  ]),
);
const missing = Buffer.from('{"error":{"code":"not_found"}}');
http
  .createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    const a = answers.get(req.url);
    if (!a) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(missing);
      return;
    }
    res.writeHead(a.status, { ...a.headers, 'content-length': a.body.length }).end(a.body);
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
