import { z } from 'zod';
import { type FieldIssue, validationFailed } from '../../http/errors.js';
import { hasVisibleCharacter, isoDay } from '../../http/validation.js';
import { siretProblem } from '../directory/rules/siret.js';
import { checkPostalCode, communeCodeProblem } from '../geo/communes.js';
import { isKnownLegalForm } from './legal-forms.js';
import { PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import { CLIENT_KINDS, type ClientKind } from './schema.js';

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

export const AddressInput = z
  .strictObject({
    line: text(200).optional(),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, 'Le code postal comporte 5 chiffres.')
      .optional(),
    communeCode: z.string().trim().min(1, 'Choisissez la commune.'),
  })
  .superRefine(checkPostalCode);

export const ContactInput = z.strictObject({
  name: text(120).min(1, 'Indiquez le nom du contact.').refine(hasVisibleCharacter, 'Indiquez le nom du contact.'),
  email: z.email('Adresse e-mail invalide.').max(200),
  phone: text(30).optional(),
});

export const BillingInput = z.strictObject({
  email: z.email('Adresse e-mail invalide.').max(200).nullable().optional(),
  address: text(400).nullable().optional(),
  paymentTermsDays: z
    .number()
    .int('Un nombre entier de jours.')
    .min(0, 'Le délai de paiement ne peut pas être négatif.')
    .max(60, 'Le délai de paiement ne peut dépasser 60 jours (Code de commerce L441-10).')
    .optional(),
  chorusServiceCode: text(100).nullable().optional(),
  chorusCommitmentNumber: text(50).nullable().optional(),
});

const clientFields = {
  name: text(200).min(1, 'Indiquez le nom du client.').refine(hasVisibleCharacter, 'Indiquez le nom du client.'),
  kind: z.enum(CLIENT_KINDS, 'Choisissez le type de client.'),
  siret: z.string().trim().nullable().optional(),
  address: AddressInput,
  contact: ContactInput,
  forProfit: z.boolean().nullable().optional(),
  billing: BillingInput.optional(),
  economicDismissalOn: isoDay().nullable().optional(),
  /**
   * The employer's legal form (L2211-1): an INSEE catégorie juridique (level 2 or 3) or 'private_individual';
   * null: unknown (read from SIRENE when configured, else the officer completes it).
   */
  legalForm: z
    .string()
    .trim()
    .refine(isKnownLegalForm, 'Choisissez une forme juridique de la liste de l’INSEE.')
    .nullable()
    .optional(),
  notes: text(4000).nullable().optional(),
};

/** POST /clients: API.md's fields, plus the optional ones of the client page. */
export const CreateClientBody = z.strictObject(clientFields);
export type CreateClientInput = z.infer<typeof CreateClientBody>;

export const UpdateClientBody = z.strictObject({
  ...clientFields,
  name: clientFields.name.optional(),
  kind: clientFields.kind.optional(),
  address: AddressInput.optional(),
  contact: z
    .strictObject({
      name: text(120).nullable().optional(),
      email: z.email('Adresse e-mail invalide.').max(200).nullable().optional(),
      phone: text(30).nullable().optional(),
    })
    .optional(),
  archived: z.boolean().optional(),
});
export type UpdateClientInput = z.infer<typeof UpdateClientBody>;

/** Checks what zod cannot (SIRET key, commune, individual without SIRET); throws 400 with field messages. */
export function checkClientFacts(o: {
  kind: ClientKind;
  siret?: string | null;
  communeCode?: string;
  addressPath?: string;
  legalForm?: string | null;
}): { siret: string | null } {
  const issues: FieldIssue[] = [];
  if (o.legalForm === PRIVATE_INDIVIDUAL && o.kind !== 'individual') {
    issues.push({
      path: 'legalForm',
      message: 'Seul un client particulier peut avoir la forme « Particulier » : choisissez sa catégorie juridique.',
    });
  }
  const siret = o.siret ? o.siret.replace(/\s/g, '') : null;
  if (siret) {
    if (o.kind === 'individual')
      issues.push({ path: 'siret', message: 'Un particulier n’a pas de SIRET : laissez ce champ vide.' });
    else {
      const problem = siretProblem(siret);
      if (problem) issues.push({ path: 'siret', message: problem });
    }
  }
  const communeProblem =
    o.communeCode !== undefined ? communeCodeProblem(o.communeCode, 'Cette commune est inconnue (code INSEE).') : null;
  if (communeProblem) issues.push({ path: `${o.addressPath ?? 'address'}.communeCode`, message: communeProblem });
  if (issues.length) throw validationFailed(issues);
  return { siret };
}
