/**
 * The server's side of the shared contract (src/shared/http.ts): a route's schema from an `endpoint()`, and API.md's
 * error answers declared on every route so that /api/openapi.json lists each status a caller may get.
 */
import type { RouteOptions } from 'fastify';
import type { z } from 'zod';
import { type Endpoint, ErrorBody } from '../../shared/http.js';

type StatusOf<E extends Endpoint> = E['status'] extends number ? E['status'] : 200;

/**
 * Fastify's `schema` for a route that implements an endpoint: its inputs and its success answer. `stricter` gives
 * inputs the server checks further than their shared shape (a month within the supported years, an instant near
 * today: rules that need the server's calendar); each must accept a subset of the shared schema's input.
 */
export function schemaOf<E extends Endpoint>(
  e: E,
  tags: string[],
  stricter: { params?: z.ZodType; querystring?: z.ZodType; body?: z.ZodType } = {},
): {
  tags: string[];
  params: E['params'] extends z.ZodType ? E['params'] : undefined;
  querystring: E['query'] extends z.ZodType ? E['query'] : undefined;
  body: E['body'] extends z.ZodType ? E['body'] : undefined;
  response: Record<StatusOf<E>, E['response']>;
} {
  const schema: Record<string, unknown> = { tags, response: { [e.status ?? 200]: e.response } };
  if (e.params) schema.params = e.params;
  if (e.query) schema.querystring = e.query;
  if (e.body) schema.body = e.body;
  Object.assign(schema, stricter);
  return schema as never;
}

/**
 * Adds API.md's error shape to a route's declared answers: 400 for any request (validation), 401 and 403 behind a
 * session guard, 404 when the path names a resource, 409 and 422 for writes (conflicts, broken rules). A status
 * the route declares itself is kept.
 */
export function declareErrorAnswers(route: RouteOptions, requiresSession: boolean) {
  const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
  if (!schema || schema.hide) return;
  const methods = [route.method].flat();
  const statuses = [400];
  if (requiresSession) statuses.push(401, 403);
  if (route.url.includes(':')) statuses.push(404);
  if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) statuses.push(409, 422);
  const response = { ...(schema.response ?? {}) };
  for (const status of statuses) if (!(status in response)) response[status] = ErrorBody;
  schema.response = response;
}
