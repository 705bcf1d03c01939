/**
 * Test support for close-month.crash.test.ts: closes one month in its own process, so that the test can kill
 * it (SIGKILL) at a random point. Usage: tsx close-month.crash-child.ts <json options>
 * options: { databaseUrl?, dataDir?, organisationId, userId, month, issuedOn }
 */
import { connect } from '../../db/connect.js';
import { closeMonth } from './close-month.js';

const o = JSON.parse(process.argv[2]);
const database = await connect(o.databaseUrl ? { databaseUrl: o.databaseUrl, poolSize: 2 } : { dataDir: o.dataDir });
process.stdout.write('ready\n');
const result = await closeMonth({
  db: database.db,
  actor: { organisationId: o.organisationId, role: 'accountant', userId: o.userId },
  month: o.month,
  force: true,
  issuedOn: o.issuedOn,
  onProgress: (done, planned) => process.stdout.write(`progress ${done}/${planned}\n`),
});
process.stdout.write(`done ${result.invoices.length}\n`);
await database.close();
process.exit(0);
