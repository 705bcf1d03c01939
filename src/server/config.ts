import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Everything Passerelle reads from its environment, checked once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data/pglite'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres:// ou postgresql://')
    .optional(),
  SMTP_URL: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  BAN_API_URL: z.string().url().optional(),
  SIRENE_API_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s/]+(\/\S*)?$/,
      'SIRENE_API_URL doit être l’adresse http(s) de l’API Sirene, sans /siret à la fin (ex. https://api.insee.fr/api-sirene/3.11)',
    )
    .refine(
      (v) => !/\/siret\/?$/.test(v),
      'SIRENE_API_URL ne doit pas finir par /siret : Passerelle ajoute /siret/{siret}',
    )
    .optional(),
  SIRENE_API_KEY: z
    .string()
    .regex(
      /^\S{8,200}$/,
      'SIRENE_API_KEY doit être la clé d’API donnée par le portail des API de l’INSEE (sans espace)',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  NODE_ENV: z.string().optional(),
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => /^\d{1,2}$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())),
      'TRUST_PROXY doit être un nombre de proxys (ex. 1) ou une liste d’adresses/CIDR séparées par des virgules',
    )
    .optional(),
  DEV_MAILBOX_TOKEN: z.string().min(24, 'DEV_MAILBOX_TOKEN doit comporter au moins 24 caractères').optional(),
  SMS_URL: z.string().url('SMS_URL doit être l’adresse https:// de la passerelle SMS').optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SENDER: z
    .string()
    .regex(/^([A-Za-z0-9 ]{1,11}|\+?[0-9]{1,15})$/, 'SMS_SENDER : 11 lettres ou chiffres au plus, ou un numéro')
    .default('Passerelle'),
  SMS_INBOUND_TOKEN: z.string().min(24, 'SMS_INBOUND_TOKEN doit comporter au moins 24 caractères').optional(),
});

/** An address or CIDR block, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyAddress(a: string) {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [ip, bits, ...rest] = a.split('/');
  if (rest.length || !net.isIP(ip)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (net.isIPv4(ip) ? 32 : 128);
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  banApiUrl?: string;
  logLevel: string;
  /**
   * Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy): false (the default) trusts none, so
   * the client's address is the socket's; a number of hops, or the proxies' addresses/CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** NODE_ENV=production or DATABASE_URL set: a real deployment, never the demo's conveniences. */
  production: boolean;
  /** Emails are captured, not sent, and readable by their recipient at /dev/boite-mail (no SMTP_URL, not production). */
  devMailbox: boolean;
  /** With devMailbox: the secret (header x-dev-mailbox-token) that reads every captured email (test automation). */
  devMailboxToken?: string;
  /** The SMS gateway (Brevo's transactional SMS API shape, see notifications/sms-sender.ts); unset: SMS captured. */
  sms: { url?: string; apiKey?: string; sender: string; inboundToken?: string };
  /** SMS are captured, not sent, and readable by their recipient in the dev outbox (no SMS_URL, not production). */
  devSmsOutbox: boolean;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SIRENE_API_KEY && !e.SIRENE_API_URL)
    throw new Error(
      'Invalid configuration:\n  SIRENE_API_KEY: la clé est donnée sans SIRENE_API_URL ; indiquez aussi l’adresse de l’API Sirene (ex. https://api.insee.fr/api-sirene/3.11)',
    );
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const production = e.NODE_ENV === 'production' || Boolean(e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    publicUrl: publicUrl.replace(/\/$/, ''),
    secureCookies: publicUrl.startsWith('https://'),
    // Only signs nothing critical (session tokens are random and hashed); a fixed dev value is acceptable locally.
    sessionSecret: e.SESSION_SECRET ?? 'passerelle-dev-secret-change-me',
    banApiUrl: e.BAN_API_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY
      ? /^\d+$/.test(e.TRUST_PROXY)
        ? Number(e.TRUST_PROXY)
        : e.TRUST_PROXY.split(',').map((a) => a.trim())
      : false,
    production,
    devMailbox: !e.SMTP_URL && !production,
    devMailboxToken: e.DEV_MAILBOX_TOKEN,
    sms: { url: e.SMS_URL, apiKey: e.SMS_API_KEY, sender: e.SMS_SENDER, inboundToken: e.SMS_INBOUND_TOKEN },
    devSmsOutbox: !e.SMS_URL && !production,
  };
}
