import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { KIND_LABELS } from '../../../shared/directory.js';
import { webRoot } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { safeHttpUrl } from '../../http/validation.js';
import { findCommune } from '../geo/communes.js';
import { findJob, isKnownJobOrFamily } from './rome.js';
import { type StructureFilters, searchStructures } from './search-structures.js';
import { getPublicStructure } from './structure-facts.js';
import { knownDepartements } from './structure-input.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The built web app's index.html, or null when the web app is not built (tests, API-only runs). */
function indexHtml(): string | null {
  const file = path.join(webRoot, 'index.html');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };

/** Vite's build manifest (source module → chunk files), or null without a built web app. */
function manifest(): Record<string, ManifestChunk> | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(webRoot, '.vite/manifest.json'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * `<link rel="modulepreload">` tags that start downloading, while the entry chunk is still parsing, the chunks a
 * page will import (with their CSS): without them the browser discovers each one only after running the previous
 * one. `dynamic` follows lazy imports too (the map's clustering plugin). The map's points are not preloaded here:
 * the web app asks for them before its first render (directory/prefetch.ts), and a `<link rel="preload">` measured
 * no faster (the server, one thread with PGlite in-process, then computes them while it should send the scripts).
 */
function preloadTags(o: { modules: string[]; dynamic?: boolean }) {
  const m = manifest();
  if (!m) return '';
  const tags: string[] = [];
  const inEntry = new Set<string>();
  const walk = (key: string, into: Set<string>, dynamic: boolean) => {
    const chunk = m[key];
    // The entry is loaded by index.html already, and its lazy imports are every other page.
    if (!chunk || into.has(key) || inEntry.has(key)) return;
    into.add(key);
    for (const k of chunk.imports ?? []) walk(k, into, dynamic);
    if (dynamic) for (const k of chunk.dynamicImports ?? []) walk(k, into, dynamic);
  };
  walk('index.html', inEntry, false);
  const wanted = new Set<string>();
  for (const key of o.modules) walk(key, wanted, o.dynamic ?? false);
  for (const key of wanted) {
    const chunk = m[key]!;
    tags.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}" />`);
    for (const css of chunk.css ?? []) tags.push(`<link rel="preload" as="style" crossorigin href="/${css}" />`);
  }
  return tags.join('');
}

/** Puts a static rendering inside <div id="root"> (the single-page app replaces it) and sets title and description. */
function page(
  reply: FastifyReply,
  o: { title: string; description: string; body: string; status?: number; head?: string },
) {
  const html = indexHtml();
  if (!html) return reply.callNotFound();
  // Replacer functions, never replacement strings: in those, `$&` or `` $` `` typed in a structure's name would
  // insert the matched text or the whole page before it.
  const out = html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(o.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*" \/>/, () => '')
    .replace(
      '</head>',
      () => `<meta name="description" content="${escapeHtml(o.description)}" />\n${o.head ?? ''}</head>`,
    )
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${o.body}</div>`);
  return reply
    .status(o.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(out);
}

const PageQuery = z.object({
  commune: z.string().optional(),
  radiusKm: z.coerce.number().min(1).max(100).optional().catch(undefined),
  departement: z.string().optional(),
  job: z.string().optional(),
  kind: z.enum(['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GEIQ', 'OTHER']).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});

/** The filters of a public page's URL, ignoring what is not valid (the page itself shows the errors). */
function filtersOf(query: unknown): StructureFilters {
  const parsed = PageQuery.safeParse(query ?? {});
  if (!parsed.success) return {};
  const f = parsed.data;
  return {
    commune: f.commune && findCommune(f.commune) ? f.commune : undefined,
    radiusKm: f.radiusKm,
    departement: f.departement && knownDepartements().has(f.departement) ? f.departement : undefined,
    job: f.job && isKnownJobOrFamily(f.job) ? f.job : undefined,
    kind: f.kind,
    q: f.q || undefined,
  };
}

/**
 * GET /annuaire, /carte and /structures/:slug answer the web app with the content already in the HTML, so that
 * search engines and slow phones see the directory before any script runs. Without a built web app, these URLs
 * fall through to the ordinary 404.
 */
export function registerDirectoryPages(app: FastifyInstance) {
  const listing = async (req: { db: any; query: unknown }, reply: FastifyReply, heading: string, head = '') => {
    if (!indexHtml()) return reply.callNotFound();
    const filters = filtersOf(req.query);
    const { items, total } = await searchStructures({ db: req.db, filters, page: { limit: 50, offset: 0 } });
    const list = items
      .map(
        (s) =>
          `<li><a href="/structures/${encodeURIComponent(s.slug)}">${escapeHtml(s.name)}</a> — ${escapeHtml(
            KIND_LABELS[s.kind],
          )}, ${escapeHtml(s.address.communeName ?? '')}${s.phone ? ` — ${escapeHtml(s.phone)}` : ''}${
            s.distanceKm !== null ? ` — ${String(s.distanceKm).replace('.', ',')} km` : ''
          }</li>`,
      )
      .join('');
    const body = `<main style="max-width:960px;margin:0 auto;padding:16px;font-family:system-ui,sans-serif"><h1>${heading}</h1><p>${total} structure${
      total > 1 ? 's' : ''
    } de l’insertion par l’activité économique.</p><ul>${list}</ul></main>`;
    return page(reply, {
      title: `${heading} — Passerelle`,
      description:
        'Les associations intermédiaires et les structures d’insertion près de chez vous : coordonnées, métiers proposés, territoire.',
      body,
      head,
    });
  };

  app.get('/annuaire', { schema: { hide: true } }, (req, reply) =>
    listing(req, reply, 'Annuaire des structures d’insertion'),
  );
  app.get('/carte', { schema: { hide: true } }, (req, reply) =>
    listing(
      req,
      reply,
      'Carte des structures d’insertion',
      preloadTags({ modules: ['directory/MapPage.tsx', 'directory/MapView.tsx'], dynamic: true }),
    ),
  );

  app.get<{ Params: { slug: string } }>('/structures/:slug', { schema: { hide: true } }, async (req, reply) => {
    if (!indexHtml()) return reply.callNotFound();
    let s: Awaited<ReturnType<typeof getPublicStructure>>;
    try {
      s = await getPublicStructure({ db: req.db, idOrSlug: req.params.slug });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) {
        return page(reply, {
          title: 'Structure introuvable — Passerelle',
          description: 'Cette structure est introuvable.',
          body: '<main><h1>Structure introuvable</h1></main>',
          status: 404,
        });
      }
      throw err;
    }
    const line = [s.address.line, [s.address.postalCode, s.address.communeName].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
    const jobs = s.jobs.map((c) => `<li>${escapeHtml(findJob(c)?.label ?? c)} (${c})</li>`).join('');
    // Only an http(s) address becomes a link (a `javascript:` one saved before the check is not served).
    const website = safeHttpUrl(s.website);
    const body = `<main style="max-width:960px;margin:0 auto;padding:16px;font-family:system-ui,sans-serif"><h1>${escapeHtml(
      s.name,
    )}</h1><p>${escapeHtml(KIND_LABELS[s.kind])} — ${escapeHtml(line)}</p>${
      s.presentation ? `<p>${escapeHtml(s.presentation)}</p>` : ''
    }<ul>${s.phone ? `<li>Téléphone : <a href="tel:${escapeHtml(s.phone.replace(/\s/g, ''))}">${escapeHtml(s.phone)}</a></li>` : ''}${
      s.email ? `<li>E-mail : <a href="mailto:${escapeHtml(s.email)}">${escapeHtml(s.email)}</a></li>` : ''
    }${website ? `<li>Site : <a href="${escapeHtml(website)}">${escapeHtml(website)}</a></li>` : ''}${
      s.openingHours ? `<li>Accueil : ${escapeHtml(s.openingHours)}</li>` : ''
    }</ul>${jobs ? `<h2>Métiers proposés</h2><ul>${jobs}</ul>` : ''}<p><a href="/besoin?structure=${s.id}">Déposer un besoin auprès de cette structure</a></p></main>`;
    return page(reply, {
      title: `${s.name} — ${s.address.communeName ?? ''} — Passerelle`,
      description: `${KIND_LABELS[s.kind]} à ${s.address.communeName ?? ''} : coordonnées, métiers proposés, territoire servi.`,
      body,
    });
  });
}
