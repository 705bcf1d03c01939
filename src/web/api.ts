/** The one way the web app talks to the server: JSON in, JSON out, API.md's errors as ApiError. */
import { type Answer, type CallInput, type Endpoint, urlOf } from '../shared/http';

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** Field errors keyed by path, for forms ("jobs.0.headcount" → message). */
  get fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    return Object.fromEntries((this.details as FieldIssue[]).map((d) => [d.path, d.message]));
  }
}

export async function api<T = unknown>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const res = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const e = (json as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'network_error',
      e?.message ?? 'Le serveur ne répond pas comme prévu. Réessayez dans un instant.',
      e?.details,
    );
  }
  return json as T;
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds a query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/**
 * The typed client (docs/decisions/016-typed-client-from-shared-schemas.md): calls an endpoint of src/shared with
 * its params, query and body typed by the shared schemas, and returns its answer typed by the response schema.
 */
export function call<E extends Endpoint>(e: E, input: CallInput<E> & { signal?: AbortSignal }): Promise<Answer<E>> {
  const { params, query, body, signal } = input as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  return api<Answer<E>>(urlOf(e, { params, query }), { method: e.method, body, signal });
}

export { urlOf };
