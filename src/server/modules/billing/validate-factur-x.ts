/**
 * Test support (never imported by the app): reads the factur-x.xml back from a Factur-X PDF and validates it
 * against the Factur-X 1.09 EN 16931 XSD and schematron shipped in test/fixtures/factur-x-en16931/ (BSD, see its
 * README): the tests read nothing outside the repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream } from '@cantoo/pdf-lib';

export const FACTUR_X_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../test/fixtures/factur-x-en16931',
);
const cacheDir = path.resolve('.test-tmp/factur-x');

/** The attachments of a PDF (name → bytes), read through the catalog's EmbeddedFiles name tree. */
export async function pdfAttachments(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = new Map<string, Buffer>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const ef = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const walk = (node: PDFDict) => {
    const arr = node.lookup(PDFName.of('Names')) as any;
    if (arr) {
      for (let i = 0; i < arr.size(); i += 2) {
        const name = arr.lookup(i).decodeText?.() ?? String(arr.lookup(i));
        const spec = arr.lookup(i + 1, PDFDict) as PDFDict;
        const efDict = spec.lookup(PDFName.of('EF'), PDFDict) as PDFDict;
        const stream = efDict.lookup(PDFName.of('F')) as PDFRawStream;
        const filter = stream.dict.lookup(PDFName.of('Filter'));
        const raw = Buffer.from(stream.getContents());
        out.set(name, filter && String(filter) === '/FlateDecode' ? inflateSync(raw) : raw);
      }
    }
    const kids = node.lookup(PDFName.of('Kids')) as any;
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  if (ef) walk(ef);
  return out;
}

export async function validateXsd(xml: string): Promise<string[]> {
  const { validateXML } = await import('xmllint-wasm');
  const files = fs.readdirSync(FACTUR_X_DIR).filter((f) => f.endsWith('.xsd'));
  const main = 'Factur-X_EN16931.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'factur-x.xml', contents: xml }],
    schema: [{ fileName: main, contents: fs.readFileSync(path.join(FACTUR_X_DIR, main), 'utf8') }],
    preload: files
      .filter((f) => f !== main)
      .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(FACTUR_X_DIR, f), 'utf8') })),
  });
  return result.errors.map((e) => e.message);
}

/** Compiles the schematron XSLT to SEF once (about 20 s) and caches it under .test-tmp/. */
export function schematronSef(): string {
  const sef = path.join(cacheDir, 'fx.sef.json');
  if (fs.existsSync(sef)) return sef;
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.copyFileSync(
    path.join(FACTUR_X_DIR, 'FACTUR-X_EN16931_codedb.xml'),
    path.join(cacheDir, 'FACTUR-X_EN16931_codedb.xml'),
  );
  const tmp = `${sef}.${process.pid}.tmp`;
  execFileSync(
    process.execPath,
    [
      path.resolve('node_modules/xslt3/xslt3.js'),
      `-xsl:${path.join(FACTUR_X_DIR, 'Factur-X_1.09_EN16931.xsl')}`,
      `-export:${tmp}`,
      '-nogo',
      '-relocate:on',
    ],
    { stdio: 'pipe' },
  );
  fs.renameSync(tmp, sef);
  return sef;
}

/** The failed assertions of the EN 16931 schematron (empty = valid). */
export async function validateSchematron(xml: string): Promise<string[]> {
  const SaxonJS = createRequire(import.meta.url)('saxon-js');
  const result = await SaxonJS.transform(
    { stylesheetFileName: schematronSef(), sourceText: xml, destination: 'serialized' },
    'async',
  );
  const svrl = String(result.principalResult);
  return [...svrl.matchAll(/<svrl:failed-assert[^>]*id="([^"]*)"[\s\S]*?<svrl:text>([\s\S]*?)<\/svrl:text>/g)].map(
    (m) => `${m[1]}: ${m[2].trim()}`,
  );
}
