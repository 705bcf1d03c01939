/**
 * The HTTP contract's building blocks, shared by the server's routes and the web app's typed client
 * (docs/decisions/016-typed-client-from-shared-schemas.md): API.md's error shape, lists, answers without a body
 * or with a file, and `endpoint()`, the description of one call (method, path, params, query, body, response)
 * that a Fastify route declares and the web app's `call()` / `urlOf()` use — so no page builds a URL by hand and
 * no answer is cast.
 */
import { z } from 'zod';

/** API.md: `{"error": {code, message, details}}` for every 4xx (and the rare 500). */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBodyT = z.infer<typeof ErrorBody>;

/** API.md's lists: `{items, total}`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A 204: no body. */
export const NoContent = z.null().describe('No content');

/**
 * An answer that is a file (PDF, CSV, calendar…), not JSON: its OpenAPI content types. Fastify sends a Buffer, a
 * stream or a string with a non-JSON type as is (no serialisation), so the schema only documents.
 */
export const fileAnswer = (...contentTypes: string[]) => ({
  description: 'A file',
  content: Object.fromEntries(
    contentTypes.map((type) => [
      type,
      { schema: z.string().meta({ format: type.startsWith('text/') ? undefined : 'binary' }) as z.ZodType<unknown> },
    ]),
  ),
});

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call of the API: what the route validates and declares, and what the client sends and receives. */
export type Endpoint = {
  method: Method;
  /** Fastify's syntax: `/api/orgs/:orgId/timesheets/:id`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status (200 unless told; 202 for a request accepted for later) and its answer's schema. */
  status?: 200 | 201 | 202 | 204;
  response: z.ZodType;
};

export const endpoint = <const E extends Endpoint>(e: E) => e;

/** What the client passes: the path parameters, the query and the body, typed by the endpoint's schemas. */
export type CallInput<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : unknown) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : unknown) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : unknown);
export type Answer<E extends Endpoint> = z.output<E['response']>;

/** The URL of an endpoint: its path with the parameters put in (encoded), and the defined query values. */
export function urlOf(
  e: Pick<Endpoint, 'path'>,
  input: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {},
): string {
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`${e.path}: missing ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
  }
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}
