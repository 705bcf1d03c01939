import { z } from 'zod';
import { EQUIPMENT_SUPPLIERS } from '../../../shared/equipment.js';
import { hasVisibleCharacter, isWithinWorkYears } from '../../http/validation.js';
import { parisToday } from '../calendar/paris-time.js';
import { CLIENT_KINDS } from '../clients/queries.js';
import { findJob } from '../directory/rome.js';
import { siretProblem } from '../directory/rules/siret.js';
import { checkPostalCode, knownCommune } from '../geo/communes.js';

/** Size limits of the public form: generous for a person, useless for a spammer. */
export const NEED_LIMITS = { jobs: 10, description: 4000, text: 200, schedule: 300 } as const;

const dateString = (label: string) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Indiquez ${label} au format AAAA-MM-JJ.`)
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      {
        error: `${label[0].toUpperCase()}${label.slice(1)} n’existe pas.`,
        abort: true,
      },
    )
    // Year 9999 is a typing error, and out of the range our date arithmetic and PostgreSQL share.
    .refine(isWithinWorkYears, {
      error: `${label[0].toUpperCase()}${label.slice(1)} doit se situer dans les dix ans autour d’aujourd’hui.`,
    });

export const NeedJobInput = z.strictObject({
  rome: z
    .string({ error: 'Choisissez un métier.' })
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-N]\d{4}$/.test(v) && !!findJob(v), {
      error: 'Ce métier est inconnu : choisissez-le dans la liste.',
    }),
  headcount: z
    .number({ error: 'Indiquez le nombre de personnes.' })
    .int('Indiquez un nombre entier de personnes.')
    .min(1, 'Indiquez au moins une personne.')
    .max(500, 'Au plus 500 personnes par métier.'),
  hoursPerWeek: z
    .number({ error: 'Indiquez un nombre d’heures par semaine.' })
    .positive('Le nombre d’heures par semaine doit être positif.')
    .max(48, 'Au plus 48 heures par semaine (durée maximale du travail).')
    .optional()
    .nullable(),
  startDate: dateString('la date de début'),
  endDate: dateString('la date de fin').optional().nullable(),
  schedule: z.string().trim().max(NEED_LIMITS.schedule, 'Horaires : 300 caractères au plus.').optional().nullable(),
  nights: z.boolean().optional(),
  weekends: z.boolean().optional(),
});

/** POST /api/public/needs (API.md), with French messages per field. */
export const NeedInput = z
  .strictObject({
    establishment: z.strictObject({
      name: z
        .string({ error: 'Indiquez le nom de l’établissement.' })
        .trim()
        .min(2, 'Indiquez le nom de l’établissement.')
        .max(NEED_LIMITS.text, 'Nom : 200 caractères au plus.')
        .refine(hasVisibleCharacter, 'Indiquez le nom de l’établissement.'),
      kind: z.enum(CLIENT_KINDS, { error: 'Choisissez le type d’établissement.' }),
      siret: z
        .string()
        .trim()
        .transform((s) => s.replace(/\s/g, ''))
        .superRefine((s, ctx) => {
          const problem = s ? siretProblem(s) : null;
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional()
        .nullable(),
      address: z
        .strictObject({
          line: z
            .string({ error: 'Indiquez l’adresse.' })
            .trim()
            .min(3, 'Indiquez l’adresse (numéro et rue).')
            .max(NEED_LIMITS.text, 'Adresse : 200 caractères au plus.'),
          postalCode: z
            .string({ error: 'Indiquez le code postal.' })
            .trim()
            .regex(/^\d{5}$/, 'Le code postal comporte 5 chiffres.'),
          communeCode: z
            .string({ error: 'Choisissez la commune dans la liste.' })
            .trim()
            .superRefine(knownCommune('Commune inconnue : choisissez-la dans la liste.')),
        })
        .superRefine(checkPostalCode),
    }),
    contact: z.strictObject({
      name: z
        .string({ error: 'Indiquez le nom de la personne à contacter.' })
        .trim()
        .min(2, 'Indiquez le nom de la personne à contacter.')
        .max(NEED_LIMITS.text, 'Nom : 200 caractères au plus.')
        .refine(hasVisibleCharacter, 'Indiquez le nom de la personne à contacter.'),
      email: z
        .string({ error: 'Indiquez une adresse e-mail.' })
        .trim()
        .max(254, 'Adresse e-mail trop longue.')
        .email('Adresse e-mail invalide (exemple : direction@ehpad.fr).'),
      phone: z
        .string()
        .trim()
        .regex(/^[+0-9 .()-]{0,20}$/, 'Numéro de téléphone invalide (exemple : 01 23 45 67 89).')
        .optional()
        .nullable(),
    }),
    urgency: z.enum(['urgent', 'structural'], { error: 'Choisissez : renfort urgent ou besoin durable.' }),
    jobs: z
      .array(NeedJobInput, { error: 'Ajoutez au moins un métier.' })
      .min(1, 'Ajoutez au moins un métier.')
      .max(NEED_LIMITS.jobs, 'Au plus 10 métiers par besoin.'),
    description: z
      .string({ error: 'Décrivez votre besoin.' })
      .trim()
      .max(NEED_LIMITS.description, 'Description : 4 000 caractères au plus.'),
    carePathway: z.boolean().optional(),
    consent: z.literal(true, {
      error: 'Vous devez accepter le traitement de vos données pour que les structures puissent vous répondre.',
    }),
    /** The structure whose page the form was opened from. */
    preferredOrganisationId: z.string().uuid('Structure inconnue.').optional().nullable(),
    /** Honeypot: hidden from people, filled by robots. A filled one is accepted and dropped. */
    website: z.string().max(500).optional(),
  })
  .superRefine((need, ctx) => {
    const today = parisToday();
    need.jobs.forEach((job, i) => {
      if (job.startDate < today)
        ctx.addIssue({
          code: 'custom',
          path: ['jobs', i, 'startDate'],
          message: 'La date de début est passée : choisissez aujourd’hui ou plus tard.',
        });
      if (job.endDate && job.endDate < job.startDate)
        ctx.addIssue({
          code: 'custom',
          path: ['jobs', i, 'endDate'],
          message: 'La date de fin doit être le jour de début ou après.',
        });
    });
  });
export type NeedInput = z.infer<typeof NeedInput>;

export const DiagnosticInput = z
  .strictObject({
    jobs: z
      .array(
        z.strictObject({
          rome: z
            .string()
            .trim()
            .toUpperCase()
            .refine((v) => /^[A-N]\d{4}$/.test(v) && !!findJob(v), { error: 'Ce métier est inconnu.' }),
          headcount: z.number().int().min(1, 'Au moins une personne.').max(500),
          minutesPerWeek: z
            .number()
            .int()
            .min(1)
            .max(48 * 60, 'Au plus 48 heures par semaine.')
            .nullable()
            .default(null),
          schedule: z.string().trim().max(500).default(''),
          skills: z.string().trim().max(1000).default(''),
          certificates: z.string().trim().max(1000).default(''),
        }),
      )
      .min(1, 'Le diagnostic porte sur au moins un métier.')
      .max(NEED_LIMITS.jobs),
    startDate: dateString('la date de début').nullable().default(null),
    endDate: dateString('la date de fin').nullable().default(null),
    protectiveEquipment: z.string().trim().max(1000).default(''),
    equipmentSuppliedBy: z.enum(EQUIPMENT_SUPPLIERS).nullable().default(null),
    accessConstraints: z.string().trim().max(1000).default(''),
    carePathwayInterest: z.boolean().default(false),
    notes: z.string().trim().max(NEED_LIMITS.description).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.startDate && d.endDate && d.endDate < d.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'La date de fin doit être le jour de début ou après.',
      });
  });
export type DiagnosticInput = z.infer<typeof DiagnosticInput>;
