import { z } from 'zod';
import { dates, hasVisibleCharacter, isoDay } from '../../http/validation.js';
import { findJob } from '../directory/rome.js';
import { checkPostalCode, knownCommune } from '../geo/communes.js';
import { PASS_NUMBER } from './rules/identity.js';

// Real calendar days within 2000..2100 (http/validation.ts); birth dates and PASS starts have their own ranges.
const isoDate = isoDay();
/** 1900 to 2100 here; the age rule (rules/identity.ts) then says precisely why a birth date is impossible. */
const birthDate = isoDay({ label: 'La date de naissance', min: '1900-01-01' });
const rome = z
  .string()
  .regex(/^[A-N][0-9]{4}$/, { message: 'Code ROME attendu (une lettre et 4 chiffres, ex. K2204).' })
  .refine((c) => !!findJob(c), { message: 'Ce code ROME n’existe pas.' });
const communeCode = z
  .string()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'Code commune INSEE attendu (5 caractères).' })
  .superRefine(knownCommune('Cette commune est introuvable.'));
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'Heure attendue au format HH:MM.' });

export const IsoDate = isoDate;
export const Rome = rome;

export const PassInput = z.strictObject({
  number: z.string().regex(PASS_NUMBER, {
    message: 'Le numéro de PASS IAE compte exactement 12 caractères (chiffres ou lettres majuscules, sans espace).',
  }),
  startDate: dates.pass('La date de début du PASS IAE'),
  /** Accepted for API.md; the end is always computed (start + 730 days − 1) and must agree when sent. */
  endDate: isoDate.optional(),
});

export const WeeklyAvailability = z.partialRecord(
  z.enum(['0', '1', '2', '3', '4', '5', '6']),
  z.array(z.tuple([time, time])).max(4),
);

const JobInput = z.union([rome, z.strictObject({ rome, level: z.number().int().min(1).max(3).default(1) })]);

const AddressInput = z
  .strictObject({
    line: z.string().max(200).optional(),
    postalCode: z
      .string()
      .regex(/^[0-9]{5}$/, { message: 'Code postal attendu (5 chiffres).' })
      .optional(),
    communeCode,
  })
  .superRefine(checkPostalCode);

/** API.md POST /workers, plus optional fields of the record. */
export const CreateWorkerBody = z.strictObject({
  firstName: z
    .string()
    .trim()
    .min(1, { message: 'Le prénom est obligatoire.' })
    .max(100)
    .refine(hasVisibleCharacter, 'Le prénom est obligatoire.'),
  lastName: z
    .string()
    .trim()
    .min(1, { message: 'Le nom est obligatoire.' })
    .max(100)
    .refine(hasVisibleCharacter, 'Le nom est obligatoire.'),
  birthDate,
  address: AddressInput,
  jobs: z.array(JobInput).max(20),
  pass: PassInput.optional(),
  maxHoursPerWeek: z.number().min(1).max(48).optional(),
  email: z.email({ message: 'Adresse e-mail invalide.' }).optional(),
  phone: z.string().max(30).optional(),
  targetJobs: z.array(rome).max(10).optional(),
  referentUserId: z.uuid().optional(),
  weeklyAvailability: WeeklyAvailability.optional(),
  hiredOn: isoDate.optional(),
});
export type CreateWorkerInput = z.infer<typeof CreateWorkerBody>;

export const UpdateWorkerBody = z.strictObject({
  firstName: z.string().trim().min(1).max(100).refine(hasVisibleCharacter, 'Le prénom est obligatoire.').optional(),
  lastName: z.string().trim().min(1).max(100).refine(hasVisibleCharacter, 'Le nom est obligatoire.').optional(),
  birthDate: birthDate.optional(),
  address: AddressInput.optional(),
  jobs: z.array(JobInput).max(20).optional(),
  maxHoursPerWeek: z.number().min(1).max(48).nullable().optional(),
  email: z.email({ message: 'Adresse e-mail invalide.' }).nullable().optional(),
  phone: z.string().max(30).nullable().optional(),
  targetJobs: z.array(rome).max(10).optional(),
  referentUserId: z.uuid().nullable().optional(),
  weeklyAvailability: WeeklyAvailability.optional(),
  hiredOn: isoDate.nullable().optional(),
  capDerogationFrom: isoDate.nullable().optional(),
  capDerogationTo: isoDate.nullable().optional(),
});
export type UpdateWorkerInput = z.infer<typeof UpdateWorkerBody>;

export const normaliseJobs = (jobs: z.infer<typeof JobInput>[]) => {
  const out = new Map<string, number>();
  for (const j of jobs) {
    if (typeof j === 'string') out.set(j, out.get(j) ?? 1);
    else out.set(j.rome, j.level);
  }
  return [...out].map(([code, level]) => ({ rome: code, level }));
};
