import { z } from 'zod';
import { hasVisibleCharacter, isHttpUrl } from '../../http/validation.js';
import { ORGANISATION_KINDS } from '../accounts/queries.js';
import { checkPostalCode, communes, knownCommune } from '../geo/communes.js';
import { RESEAUX_PORTEURS } from './reseaux-porteurs.js';
import { findJob } from './rome.js';
import { siretProblem } from './rules/siret.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .nullish()
    .transform((v) => (v ? v : null));

let departementCodes: Set<string> | undefined;
/** Codes of the départements that have at least one commune (01…95, 2A, 2B, 971…). */
export function knownDepartements(): Set<string> {
  departementCodes ??= new Set([...communes().values()].map((c) => c.departement));
  return departementCodes;
}

/** What a coordinator types to create or edit a structure of the directory. */
export const StructureInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, 'Le nom doit comporter au moins 3 caractères.')
    .max(150, '150 caractères au plus.')
    .refine(hasVisibleCharacter, 'Le nom ne contient aucun caractère visible.'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choisissez un type de structure (AI, ACI, EI, ETTI, EITI, GEIQ…).' }),
  siret: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/\s/g, '') : null))
    .superRefine((v, ctx) => {
      const problem = v ? siretProblem(v) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  address: z
    .strictObject({
      line: optionalText(200),
      postalCode: z
        .string()
        .trim()
        .regex(/^\d{5}$/, 'Le code postal comporte 5 chiffres.')
        .nullish()
        .or(z.literal(''))
        .transform((v) => v || null),
      communeCode: z.string().superRefine(knownCommune('Cette commune est inconnue : choisissez-la dans la liste.')),
    })
    .superRefine(checkPostalCode),
  phone: optionalText(30),
  email: z
    .string()
    .trim()
    .email('Adresse e-mail invalide.')
    .max(254)
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  website: z
    .string()
    .trim()
    .max(500)
    // http(s) only: a `javascript:` address would run in every visitor's browser from the public page.
    .refine(isHttpUrl, 'Adresse de site invalide (elle commence par https://).')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  openingHours: optionalText(300),
  presentation: optionalText(2000),
  jobs: z
    .array(z.string().refine((c) => !!findJob(c), 'Ce code ROME est inconnu.'))
    .max(100)
    .default([])
    .transform((a) => [...new Set(a.map((c) => c.toUpperCase()))]),
  territory: z
    .strictObject({
      departements: z
        .array(z.string().refine((d) => knownDepartements().has(d), 'Ce département est inconnu.'))
        .max(101)
        .default([]),
      communes: z
        .array(z.string().superRefine(knownCommune('Cette commune est inconnue.')))
        .max(2000)
        .default([]),
    })
    .default({ departements: [], communes: [] }),
  networks: z
    .array(z.enum(RESEAUX_PORTEURS, { error: 'Ce réseau n’est pas dans le référentiel data·inclusion.' }))
    .max(20)
    .default([])
    .transform((a) => [...new Set(a)]),
  isPublic: z.boolean().default(true),
  isActive: z.boolean().default(true),
});
export type StructureInput = z.output<typeof StructureInput>;

/** Edits: every field optional (only what is sent changes). */
export const StructurePatch = StructureInput.partial();
export type StructurePatch = z.output<typeof StructurePatch>;
