import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { readConfig } from './config.js';
import { connect, type Database, migrateDatabase, redactUrl } from './db/connect.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo/world.js';
import { buildApp } from './http/app.js';
import { startJobs } from './jobs/start-jobs.js';
import { createOrganisation } from './modules/accounts/create-organisation.js';
import { createUser } from './modules/accounts/create-user.js';
import { ORGANISATION_KINDS, organisations, ROLES } from './modules/accounts/schema.js';

const version = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run: (values: Record<string, any>, positionals: string[]) => Promise<void>;
};

const commands: Record<string, Command> = {
  start: {
    summary: 'Start the web server (migrates the database; seeds the demo world into an empty embedded database).',
    usage: `passerelle start [--no-demo] [--workers N]

--workers N   serve HTTP from N processes (node:cluster) sharing the port, on PostgreSQL only: the first process
              migrates and runs the background jobs, the N others answer requests. Default 1 (one process).

Environment: PORT (3000), HOST (127.0.0.1), DATA_DIR (./data/pglite), DATABASE_URL (PostgreSQL instead of the
embedded database), PUBLIC_URL, SMTP_URL, TRUST_PROXY, NODE_ENV, SESSION_SECRET (see README.md). The demo world is created only on an empty embedded
database; on PostgreSQL run "passerelle demo" explicitly.`,
    options: { 'no-demo': { type: 'boolean' }, workers: { type: 'string' } },
    run: async (values) => {
      const workers = values.workers === undefined ? 1 : Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new Error('--workers takes a number of processes between 1 and 64.');
      if (cluster.isWorker) return serveAsWorker();
      if (workers > 1) return startCluster(workers);
      return start({ demo: !values['no-demo'] });
    },
  },
  migrate: {
    summary: 'Apply the SQL migrations and exit.',
    usage: 'passerelle migrate',
    options: {},
    run: async () =>
      withDatabase(async (database) => {
        await migrateDatabase(database);
        console.log('Database is up to date.');
      }),
  },
  'reporting-rebuild': {
    summary: 'Rebuild the dashboards’ monthly aggregates from existing data (every closed month, or one AI’s).',
    usage: 'passerelle reporting-rebuild [--organisation UUID]',
    options: { organisation: { type: 'string' } },
    run: async (values) =>
      withDatabase(async (database) => {
        const { rebuildAggregates } = await import('./modules/reporting/aggregate-month.js');
        const t0 = performance.now();
        const months = await rebuildAggregates({ db: database.db, organisationId: values.organisation });
        console.log(`${months} AI-months aggregated in ${Math.round(performance.now() - t0)} ms.`);
      }),
  },
  demo: {
    summary: 'Seed the demo world into an empty database (also on PostgreSQL).',
    usage: 'passerelle demo [--seed N] [--today YYYY-MM-DD]',
    options: { seed: { type: 'string' }, today: { type: 'string' } },
    run: async (values) =>
      withDatabase(async (database) => {
        await migrateDatabase(database);
        const { isEmptyDatabase, seedDemoWorld } = await import('./demo/seed.js');
        if (!(await isEmptyDatabase(database.db))) {
          throw new Error(
            'The database already holds organisations: the demo world is only seeded into an empty database.',
          );
        }
        await seedDemoWorld({
          db: database.db,
          seed: values.seed ? Number(values.seed) : undefined,
          today: values.today,
          log: console.log,
          publicUrl: readConfig().publicUrl,
        });
        printLogins();
      }),
  },
  'create-org': {
    summary: 'Create an organisation (an AI or another SIAE).',
    usage: `passerelle create-org --name "AI du Val" --commune 94028 [--kind AI] [--siret 14digits] [--slug ai-du-val]
Kinds: ${ORGANISATION_KINDS.join(', ')}`,
    options: {
      name: { type: 'string' },
      commune: { type: 'string' },
      kind: { type: 'string' },
      siret: { type: 'string' },
      slug: { type: 'string' },
    },
    run: async (v) =>
      withDatabase(async (database) => {
        if (!v.name || !v.commune) throw new Error('--name and --commune (INSEE code) are required.');
        const kind = (v.kind ?? 'AI') as (typeof ORGANISATION_KINDS)[number];
        if (!ORGANISATION_KINDS.includes(kind)) throw new Error(`Unknown kind ${kind}.`);
        const { siretProblem } = await import('./modules/directory/rules/siret.js');
        if (v.siret && siretProblem(v.siret)) throw new Error(siretProblem(v.siret)!);
        await migrateDatabase(database);
        const org = await createOrganisation({
          db: database.db,
          name: v.name,
          kind,
          communeCode: v.commune,
          siret: v.siret,
          slug: v.slug ?? slugify(v.name),
        });
        console.log(`Created ${org.name} (${org.id}, slug ${org.slug}).`);
      }),
  },
  'create-user': {
    summary: 'Create a user with a role in an organisation or a network.',
    usage: `passerelle create-user --email a@b.fr --name "Prénom Nom" --password secret --role org_admin --org <slug|id>
passerelle create-user --email a@b.fr --name "Prénom Nom" --password secret --role network_coordinator --network <slug|id>
Roles: ${ROLES.filter((r) => r !== 'client_user' && r !== 'worker').join(', ')} (clients and workers are invited from the app).`,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      network: { type: 'string' },
    },
    run: async (v) =>
      withDatabase(async (database) => {
        if (!v.email || !v.name || !v.password || !v.role)
          throw new Error('--email, --name, --password and --role are required.');
        const { passwordProblem } = await import('./modules/accounts/passwords.js');
        const problem = passwordProblem(v.password);
        if (problem) throw new Error(problem);
        if (!ROLES.includes(v.role)) throw new Error(`Unknown role ${v.role}.`);
        await migrateDatabase(database);
        const db = database.db;
        const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
        let organisationId: string | undefined;
        let networkId: string | undefined;
        if (v.role === 'network_coordinator') {
          const { networks } = await import('./modules/accounts/schema.js');
          if (!v.network) throw new Error('--network is required for a network coordinator.');
          const [n] = await db
            .select()
            .from(networks)
            .where(isUuid(v.network) ? eq(networks.id, v.network) : eq(networks.slug, v.network));
          if (!n) throw new Error(`No network ${v.network}.`);
          networkId = n.id;
        } else {
          if (!v.org) throw new Error('--org is required.');
          const [o] = await db
            .select()
            .from(organisations)
            .where(
              isUuid(v.org)
                ? or(eq(organisations.id, v.org), eq(organisations.slug, v.org))
                : eq(organisations.slug, v.org),
            );
          if (!o) throw new Error(`No organisation ${v.org}.`);
          organisationId = o.id;
        }
        const user = await createUser({
          db,
          email: v.email,
          name: v.name,
          password: v.password,
          membership: { role: v.role, organisationId, networkId },
        });
        console.log(`Created user ${user.email} (${v.role}).`);
      }),
  },
  anonymise: {
    summary: 'Anonymise workers whose exit is older than the retention period (RGPD; also run daily by the server).',
    usage: `passerelle anonymise [--org <id>]
Each organisation's retention period is its "retentionYears" setting (default 5 years after the exit).`,
    options: { org: { type: 'string' } },
    run: async (v) =>
      withDatabase(async (database) => {
        await migrateDatabase(database);
        const { anonymiseExpiredWorkers } = await import('./modules/workers/anonymise-expired-workers.js');
        const result = await anonymiseExpiredWorkers({ db: database.db, organisationId: v.org });
        console.log(`${result.anonymised} worker record(s) anonymised.`);
      }),
  },
  backup: {
    summary: 'Write a backup of the database to a file.',
    usage: `passerelle backup <file>
Embedded database: a consistent image of DATA_DIR (.tar.gz), taken with the server stopped or through its lock.
PostgreSQL: runs pg_dump (custom format) on DATABASE_URL.`,
    options: {},
    run: async (_v, [file]) => {
      if (!file) throw new Error('Give the backup file: passerelle backup <file>');
      const config = readConfig();
      if (config.databaseUrl) return runTool('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl]);
      await withDatabase(async (database) => {
        const image = await database.pglite!.dumpDataDir('gzip');
        fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
        console.log(`Backup written to ${file} (${Math.round(fs.statSync(file).size / 1024)} kB).`);
      });
    },
  },
  restore: {
    summary: 'Restore a backup made by "passerelle backup".',
    usage: `passerelle restore <file> [--force]
Embedded database: replaces DATA_DIR with the image (refused if DATA_DIR holds data, unless --force).
PostgreSQL: runs pg_restore --clean on DATABASE_URL.`,
    options: { force: { type: 'boolean' } },
    run: async (v, [file]) => {
      if (!file || !fs.existsSync(file)) throw new Error('Give an existing backup file: passerelle restore <file>');
      const config = readConfig();
      if (config.databaseUrl)
        return runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file]);
      const dir = config.dataDir;
      const occupied = fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f !== 'passerelle.pid');
      if (occupied && !v.force) throw new Error(`${dir} already holds a database. Use --force to replace it.`);
      if (occupied) {
        const { acquireDataDirLock } = await import('./db/lock.js');
        acquireDataDirLock(dir).release(); // refuses if a server is running on it
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const database = await connect({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
      await database.close();
      console.log(`Restored ${file} into ${dir}.`);
    },
  },
};

function slugify(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function runTool(tool: string, args: string[]) {
  const r = spawnSync(tool, args, { stdio: 'inherit' });
  if (r.error)
    throw new Error(`${tool} is required for PostgreSQL backups (install postgresql-client): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}).`);
  return Promise.resolve();
}

async function openDatabase(): Promise<{ database: Database; describe: string }> {
  const config = readConfig();
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return {
    database,
    describe: config.databaseUrl
      ? `PostgreSQL ${redactUrl(config.databaseUrl)}`
      : `embedded database in ${config.dataDir}`,
  };
}

async function withDatabase(fn: (database: Database) => Promise<void>) {
  const { database } = await openDatabase();
  try {
    await fn(database);
  } finally {
    await database.close();
  }
}

function printLogins() {
  console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
  for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(38)} ${l.role}`);
}

async function start({ demo }: { demo: boolean }) {
  const config = readConfig();
  const { database, describe } = await openDatabase();
  let stopping = false;
  const log = (m: string) => console.log(m);
  try {
    console.log(`Passerelle ${version} — ${describe}`);
    await migrateDatabase(database);
    const { isEmptyDatabase, seedDemoWorld } = await import('./demo/seed.js');
    const seeded = demo && database.engine === 'pglite' && (await isEmptyDatabase(database.db));
    if (seeded) {
      console.log('Empty embedded database: creating the demo world (about a minute, only this once)…');
      const t0 = Date.now();
      await seedDemoWorld({ db: database.db, log, publicUrl: config.publicUrl });
      console.log(`Demo world ready in ${Math.round((Date.now() - t0) / 1000)} s.`);
    }
    const app = await buildApp({ database, config, version, logger: { level: config.logLevel } });
    const jobs = await startJobs({ database, config, log });
    await app.listen({ port: config.port, host: config.host });
    // Month closes killed midway (crash, deploy) are finished in the background, once the server answers.
    const { resumeInterruptedCloses } = await import('./modules/billing/resume-interrupted-closes.js');
    void resumeInterruptedCloses({ db: database.db, log }).catch((err) =>
      log(`Resuming interrupted month closes failed: ${(err as Error).message.split('\n')[0]}`),
    );
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal} received: stopping…`);
      await app.close().catch(() => {});
      await jobs.stop().catch(() => {});
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    const url =
      config.host === '0.0.0.0' || config.host === '127.0.0.1' ? `http://localhost:${config.port}` : config.publicUrl;
    console.log(`\nPasserelle is running: ${url}`);
    if (database.engine === 'pglite' || seeded) printLogins();
    if (config.devMailbox) {
      console.log(`Emails are not sent (no SMTP_URL): each user reads their own at ${url}/dev/boite-mail`);
    } else if (!config.smtpUrl) {
      const line = '!'.repeat(78);
      console.warn(
        `\n${line}\n!! WARNING: no SMTP_URL. Passerelle sends NO email: invitations, quotes, proposals and\n!! reminders stay in the outbox, and no dev mailbox shows them in production. Set SMTP_URL.\n${line}\n`,
      );
    }
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/**
 * `passerelle start --workers N` (issue 19): N stateless processes serving HTTP on one port through node:cluster,
 * on PostgreSQL. This primary process migrates the database, runs the background jobs and the outbox once, and
 * restarts a worker that dies; it serves no request itself. Sessions, rate limits and imports live in the
 * database, and the public answer cache is emptied in every process by PostgreSQL notifications, so any worker
 * may answer any request (docs/decisions, "several processes").
 */
async function startCluster(count: number) {
  const config = readConfig();
  if (!config.databaseUrl) {
    throw new Error(
      `--workers ${count} needs PostgreSQL (DATABASE_URL): the embedded database lives inside one process and cannot be shared. Run without --workers, or set DATABASE_URL.`,
    );
  }
  const { database, describe } = await openDatabase();
  const log = (m: string) => console.log(m);
  let stopping = false;
  try {
    console.log(`Passerelle ${version} — ${describe} — ${count} processes`);
    await migrateDatabase(database);
    const jobs = await startJobs({ database, config, log });
    const { resumeInterruptedCloses } = await import('./modules/billing/resume-interrupted-closes.js');
    void resumeInterruptedCloses({ db: database.db, log }).catch((err) =>
      log(`Resuming interrupted month closes failed: ${(err as Error).message.split('\n')[0]}`),
    );
    const restarts: number[] = [];
    cluster.on('exit', (worker, code, signal) => {
      // Exit 0 is a worker's graceful stop (SIGINT from the terminal reaches every process); any other end (a crash,
      // out of memory) is replaced, and workers dying in a loop stop the whole server.
      if (stopping || code === 0) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts[0] < now - 60_000) restarts.shift();
      console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}).`);
      if (restarts.length > 2 * count) {
        console.error('Workers keep stopping: shutting down.');
        void shutdown('crash loop', 1);
        return;
      }
      cluster.fork();
    });
    const listening = new Promise<void>((resolve) => {
      let ready = 0;
      const onListening = () => {
        if (++ready === count) {
          cluster.off('listening', onListening);
          resolve();
        }
      };
      cluster.on('listening', onListening);
    });
    for (let i = 0; i < count; i++) cluster.fork();
    const shutdown = async (signal: string, exitCode = 0) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping ${count} processes…`);
      // Each worker stops taking connections, finishes its requests and exits (serveAsWorker); 10 s at most.
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const timer = setTimeout(() => w.process.kill('SIGKILL'), 10_000);
              w.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              w.process.kill('SIGTERM');
            }),
        ),
      );
      await jobs.stop().catch(() => {});
      await database.close();
      process.exit(exitCode);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await listening;
    const url =
      config.host === '0.0.0.0' || config.host === '127.0.0.1' ? `http://localhost:${config.port}` : config.publicUrl;
    console.log(`\nPasserelle is running: ${url} (${count} processes)`);
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** A worker of `startCluster`: serves HTTP only (no migration, no job), and stops gracefully on SIGTERM/SIGINT. */
async function serveAsWorker() {
  const config = readConfig();
  const { database } = await openDatabase();
  const app = await buildApp({ database, config, version, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The primary went away without a word (killed): stop too, rather than serve alone.
  process.on('disconnect', () => void stop());
}

function help() {
  console.log(
    `passerelle ${version}: the information system of the Associations Intermédiaires\n\nUsage: passerelle <command> [options]\n\nCommands:`,
  );
  for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(12)} ${c.summary}`);
  console.log('\nRun "passerelle <command> --help" for the options of a command.');
}

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return help();
  if (name === '--version') return console.log(version);
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n`);
    help();
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return;
  }
  await command.run(values, positionals);
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`\nError: ${err.message}`);
  process.exit(1);
});
