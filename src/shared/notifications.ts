/**
 * How people are reached: a worker's contact preferences (channel, STOP to SMS, position consent) and the dev
 * outboxes (captured e-mails and SMS when no SMTP server or SMS gateway is configured, outside production).
 */
import { z } from 'zod';
import { endpoint, listOf } from './http.js';

const OrgParams = z.object({ orgId: z.uuid() });
const WorkerParams = OrgParams.extend({ workerId: z.uuid() });
const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CONTACT_CHANNELS = ['sms', 'email', 'both'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  both: 'SMS et e-mail',
  sms: 'SMS',
  email: 'E-mail',
};

export const ContactPreferencesView = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  smsOptedOut: z.boolean(),
  sharePosition: z.boolean(),
});
export type ContactPreferences = z.infer<typeof ContactPreferencesView>;

export const DevEmailView = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export const DevSmsView = z.object({
  id: z.string(),
  to: z.string(),
  text: z.string(),
  encoding: z.string(),
  segments: z.number(),
  status: z.string(),
  createdAt: z.string(),
});

export const notificationsApi = {
  /** The captured e-mails: a signed-in person reads those addressed to them; the operator token reads all. */
  devMailbox: endpoint({
    method: 'GET',
    path: '/api/dev/mailbox',
    query: Pagination.extend({ to: z.string().max(320).optional() }),
    response: listOf(DevEmailView),
  }),
  devSms: endpoint({
    method: 'GET',
    path: '/api/dev/sms',
    query: Pagination.extend({ to: z.string().max(32).optional() }),
    response: listOf(DevSmsView),
  }),
  myPreferences: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/me/contact-preferences',
    params: OrgParams,
    response: ContactPreferencesView,
  }),
  updateMyPreferences: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/me/contact-preferences',
    params: OrgParams,
    body: z.strictObject(ContactPreferencesView.shape).partial(),
    response: ContactPreferencesView,
  }),
  workerPreferences: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/contact-preferences',
    params: WorkerParams,
    response: ContactPreferencesView,
  }),
  updateWorkerPreferences: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/workers/:workerId/contact-preferences',
    params: WorkerParams,
    // The position is the worker's own consent: an officer changes the channel and the opt-out only.
    body: z.strictObject({ channel: z.enum(CONTACT_CHANNELS), smsOptedOut: z.boolean() }).partial(),
    response: ContactPreferencesView,
  }),
  /** The SMS gateway's inbound webhook (« STOP »), behind the SMS_INBOUND_TOKEN secret in its URL. */
  smsInbound: endpoint({
    method: 'POST',
    path: '/api/sms/inbound/:token',
    params: z.object({ token: z.string().max(200) }),
    body: z.looseObject({ from: z.string().max(32), text: z.string().max(2000) }),
    response: z.object({ optedOut: z.number() }),
  }),
} as const;
