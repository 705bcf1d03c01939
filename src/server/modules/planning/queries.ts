/**
 * What the planning module publishes for other modules to READ (docs/decisions/013-module-boundaries.md): the tables
 * they may join in their own queries. Writes stay with this module's operations — test/architecture/boundaries.test.ts
 * fails on any other module's insert/update/delete on them. A table not listed here is private to planning.
 */
export { absences, missions, shifts } from './schema.js';
