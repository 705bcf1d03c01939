import PDFDocument from 'pdfkit';

export type Letterhead = {
  name: string;
  addressLine?: string | null;
  postalCode?: string | null;
  communeName?: string | null;
  siret?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
};

export type CreateDocumentOptions = {
  title: string;
  letterhead: Letterhead;
  /** e.g. "Devis D-2026-00012 du 23/11/2026", printed under the title. */
  reference?: string;
};

/**
 * An A4 document in the organisation's letterhead (name, address, SIRET, contact), with page numbers.
 * Built-in Helvetica covers French (accents, €, ’, œ). Write with `doc`, then `await finish()`.
 */
export function createDocument({ title, letterhead, reference }: CreateDocumentOptions) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: title, Author: letterhead.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const address = [letterhead.addressLine, [letterhead.postalCode, letterhead.communeName].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#1971c2').text(letterhead.name);
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  if (address) doc.text(address);
  const contact = [letterhead.phone && `Tél. ${letterhead.phone}`, letterhead.email, letterhead.website]
    .filter(Boolean)
    .join(' · ');
  if (contact) doc.text(contact);
  if (letterhead.siret) doc.text(`SIRET ${letterhead.siret}`);
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(title);
  if (reference) doc.font('Helvetica').fontSize(10).fillColor('#333333').text(reference);
  doc.moveDown();
  doc.font('Helvetica').fontSize(10).fillColor('#000000');

  const finish = async () => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.height - 35;
      // The footer sits in the bottom margin: without lifting the margin, pdfkit would open a new page for it.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#666666')
        .text(`${letterhead.name} — page ${i + 1} / ${range.count}`, 50, bottom, {
          width: doc.page.width - 100,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = margin;
    }
    doc.end();
    return done;
  };
  return { doc, finish };
}

/** A "label: value" line, the label in bold. */
export function field(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined) {
  doc
    .font('Helvetica-Bold')
    .text(`${label} : `, { continued: true })
    .font('Helvetica')
    .text(value ?? '—');
}
