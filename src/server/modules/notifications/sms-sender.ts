/**
 * Sends one SMS through a gateway. Passerelle's one real implementation speaks Brevo's transactional SMS API
 * (Brevo, ex-Sendinblue, a French provider; https://developers.brevo.com/docs/transactional-sms-endpoints):
 *   POST {SMS_URL}                       e.g. https://api.brevo.com/v3/transactionalSMS/send
 *   api-key: {SMS_API_KEY}
 *   { "sender": "Passerelle", "recipient": "33612345678", "content": "…", "type": "transactional",
 *     "tag": "<outbox id>", "unicodeEnabled": true|false }
 *   → 2xx { "messageId": 1511882900176220 }; 4xx/5xx { "code": "…", "message": "…" }.
 * Any gateway that accepts this shape (or a small proxy in front of another one) works.
 */
export type SmsMessage = {
  /** E.164 (+33612345678). */
  to: string;
  text: string;
  unicode: boolean;
  /** The outbox row id: lets the gateway's logs and webhooks point back at it. */
  reference: string;
};

export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

export class SmsGatewayError extends Error {
  constructor(
    message: string,
    /** A 4xx other than 429 will not get better by retrying. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function httpSmsSender(o: { url: string; apiKey?: string; sender: string; timeoutMs?: number }): SmsSender {
  return {
    async send(m) {
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(o.apiKey ? { 'api-key': o.apiKey } : {}),
          },
          body: JSON.stringify({
            sender: o.sender,
            recipient: m.to.replace(/^\+/, ''),
            content: m.text,
            type: 'transactional',
            tag: m.reference,
            unicodeEnabled: m.unicode,
          }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new SmsGatewayError(`passerelle SMS injoignable : ${(err as Error).message}`, false);
      }
      const body = (await res.json().catch(() => ({}))) as { messageId?: unknown; message?: unknown; code?: unknown };
      if (!res.ok) {
        const why = [body.code, body.message].filter(Boolean).join(' ').slice(0, 300) || res.statusText;
        throw new SmsGatewayError(
          `HTTP ${res.status} ${why}`,
          res.status >= 400 && res.status < 500 && res.status !== 429,
        );
      }
      return { messageId: String(body.messageId ?? '') };
    },
  };
}
