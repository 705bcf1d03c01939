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
