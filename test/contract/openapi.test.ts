import { expect, test } from 'vitest';
import { testApp } from '../harness.js';

/**
 * Issue 13's measure of the shared contract: every route of /api/openapi.json declares the schema of its
 * success answer (a 2xx with content, or a 204), so the document describes the whole API and the web app's
 * typed client covers every call.
 */
const { app } = await testApp();

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

function routesWithoutResponseSchema(doc: { paths: Record<string, Record<string, Operation>> }) {
  const missing: string[] = [];
  let total = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      total++;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const described = success.some(([status, r]) => status === '204' || Object.keys(r.content ?? {}).length > 0);
      if (!described) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return { missing: missing.sort(), total };
}

test('every route of the OpenAPI document declares its success response', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const { missing, total } = routesWithoutResponseSchema(doc);
  if (process.env.CONTRACT_REPORT) console.log(`${total - missing.length}/${total} routes\n${missing.join('\n')}`);
  // Every route, from src/shared/<concept>.ts (the baseline of routes without one reached zero and was removed).
  expect(total).toBeGreaterThan(250);
  expect(missing, 'declare the route with schemaOf(endpoint) from src/shared/<concept>.ts').toEqual([]);
});

test('every route declares API.md’s error shape for the errors it may answer', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const bare: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Operation>>))
    for (const [method, op] of Object.entries(ops))
      if (!op.responses?.['400']?.content) bare.push(`${method.toUpperCase()} ${path}`);
  expect(bare).toEqual([]);
});
