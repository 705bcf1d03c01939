import { PDFParse } from 'pdf-parse';
import { expect, test } from 'vitest';
import { pdfText } from '../../../../test/pdf-text.js';
import { createDocument, field } from './pdf.js';

test('a document carries the letterhead, its title and French text that can be read back', async () => {
  const { doc, finish } = createDocument({
    title: 'Contrat de mise à disposition',
    letterhead: { name: 'Trait d’Union Emploi', communeName: 'Créteil', postalCode: '94000', siret: '73282932000074' },
    reference: 'MAD-2026-00001',
  });
  field(doc, 'Lieu', 'EHPAD Les Tilleuls, Créteil');
  doc.text('Montant : 1 234,56 €');
  const text = await pdfText(await finish());
  expect(text).toContain('Trait d’Union Emploi');
  expect(text).toContain('Contrat de mise à disposition');
  expect(text).toContain('SIRET 73282932000074');
  expect(text).toContain('EHPAD Les Tilleuls, Créteil');
  expect(text).toContain('1 234,56 €');
  expect(text).toMatch(/page 1 \/ 1/);
});

test('the footer never opens a page of its own', async () => {
  const pagesOf = async (lines: number) => {
    const { doc, finish } = createDocument({ title: 'Facture', letterhead: { name: 'AI Test' } });
    for (let i = 0; i < lines; i++) doc.text(`Ligne ${i + 1}`);
    const parser = new PDFParse({ data: new Uint8Array(await finish()) });
    try {
      return (await parser.getText()).total;
    } finally {
      await parser.destroy();
    }
  };
  expect(await pagesOf(3)).toBe(1);
  expect(await pagesOf(80)).toBe(2);
});
