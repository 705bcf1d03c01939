// Zod builds fast object parsers with `new Function` and probes for it when a schema is created; the
// Content-Security-Policy forbids eval, so the probe is reported as a violation. The interpreted parser is fast
// enough for API answers. A classic script runs before every module, so this is set before any schema exists.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
