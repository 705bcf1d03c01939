import type { ContactChannel } from '../schema.js';

export type WorkerContact = {
  email: string | null;
  /** The worker's mobile as E.164, or null (no phone, or a landline). */
  mobile: string | null;
  /** Preferred channel; no preference recorded means both. */
  preference: ContactChannel;
  /** The worker answered STOP (or asked the association): no SMS at all. */
  smsOptedOut: boolean;
};

/**
 * Which channels reach a worker for something that cannot wait. The preference is followed when it can be; when
 * the preferred channel is missing the other one is used (a proposal that reaches nobody is worse than one by
 * the other channel), except that an SMS opt-out is always respected.
 */
export function reachWorker(c: WorkerContact): { sms: boolean; email: boolean } {
  const canSms = !!c.mobile && !c.smsOptedOut;
  const canEmail = !!c.email?.trim();
  if (c.preference === 'sms') return canSms ? { sms: true, email: false } : { sms: false, email: canEmail };
  if (c.preference === 'email') return canEmail ? { sms: false, email: true } : { sms: canSms, email: false };
  return { sms: canSms, email: canEmail };
}
