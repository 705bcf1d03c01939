import type { ClientKind } from '../../shared/clients';
import type { NeedForm } from '../../shared/needs';

/** One job of the public need form, as typed (numbers stay text until sent). */
export type JobLine = {
  /** Stable identity of the line while lines are added and removed. */
  key: number;
  rome: string;
  label: string;
  headcount: number | string;
  hoursPerWeek: number | string;
  startDate: string;
  endDate: string;
  schedule: string;
  nights: boolean;
  weekends: boolean;
};

export type NeedFormValues = {
  name: string;
  kind: ClientKind | '';
  siret: string;
  line: string;
  postalCode: string;
  communeCode: string;
  communeLabel: string;
  urgency: string;
  carePathway: boolean;
  jobs: JobLine[];
  description: string;
  contactName: string;
  email: string;
  phone: string;
  consent: boolean;
  website: string;
};

let nextKey = 1;
export const emptyJob = (): JobLine => ({
  key: nextKey++,
  rome: '',
  label: '',
  headcount: 1,
  hoursPerWeek: '',
  startDate: '',
  endDate: '',
  schedule: '',
  nights: false,
  weekends: false,
});

export const emptyNeedForm = (): NeedFormValues => ({
  name: '',
  kind: '',
  siret: '',
  line: '',
  postalCode: '',
  communeCode: '',
  communeLabel: '',
  urgency: '',
  carePathway: false,
  jobs: [emptyJob()],
  description: '',
  contactName: '',
  email: '',
  phone: '',
  consent: false,
  website: '',
});

/** Which step holds a field, to show the step of the first error. */
export const stepOf = (path: string) =>
  path.startsWith('establishment') ? 0 : path.startsWith('contact') || path === 'consent' ? 2 : 1;

/** Light checks before moving on; the server checks everything again. */
export function checkStep(form: NeedFormValues, s: number): Record<string, string> {
  const e: Record<string, string> = {};
  if (s === 0) {
    if (form.name.trim().length < 2) e['establishment.name'] = 'Indiquez le nom de l’établissement.';
    if (!form.kind) e['establishment.kind'] = 'Choisissez le type d’établissement.';
    if (form.line.trim().length < 3) e['establishment.address.line'] = 'Indiquez l’adresse (numéro et rue).';
    if (!/^\d{5}$/.test(form.postalCode.trim()))
      e['establishment.address.postalCode'] = 'Le code postal comporte 5 chiffres.';
    if (!form.communeCode) e['establishment.address.communeCode'] = 'Choisissez la commune dans la liste.';
  }
  if (s === 1) {
    if (!form.urgency) e.urgency = 'Choisissez : renfort urgent ou besoin durable.';
    form.jobs.forEach((j, i) => {
      if (!j.rome) e[`jobs.${i}.rome`] = 'Choisissez un métier.';
      if (!(Number(j.headcount) >= 1)) e[`jobs.${i}.headcount`] = 'Indiquez au moins une personne.';
      if (!j.startDate) e[`jobs.${i}.startDate`] = 'Indiquez la date de début.';
      if (j.endDate && j.startDate && j.endDate < j.startDate)
        e[`jobs.${i}.endDate`] = 'La date de fin doit être le jour de début ou après.';
    });
  }
  if (s === 2) {
    if (form.contactName.trim().length < 2) e['contact.name'] = 'Indiquez le nom de la personne à contacter.';
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim()))
      e['contact.email'] = 'Adresse e-mail invalide (exemple : direction@ehpad.fr).';
    if (!form.consent)
      e.consent = 'Vous devez accepter le traitement de vos données pour que les structures puissent vous répondre.';
  }
  return e;
}

/** What POST /api/public/needs receives (API.md): optional fields only when filled. */
export function needBody(form: NeedFormValues, preferredOrganisationId: string | undefined): NeedForm {
  return {
    establishment: {
      name: form.name,
      kind: form.kind as ClientKind,
      ...(form.siret.trim() ? { siret: form.siret } : {}),
      address: { line: form.line, postalCode: form.postalCode, communeCode: form.communeCode },
    },
    contact: { name: form.contactName, email: form.email, ...(form.phone.trim() ? { phone: form.phone } : {}) },
    urgency: form.urgency as NeedForm['urgency'],
    carePathway: form.carePathway,
    jobs: form.jobs.map((j) => ({
      rome: j.rome,
      headcount: Number(j.headcount),
      ...(j.hoursPerWeek !== '' ? { hoursPerWeek: Number(j.hoursPerWeek) } : {}),
      startDate: j.startDate,
      ...(j.endDate ? { endDate: j.endDate } : {}),
      ...(j.schedule.trim() ? { schedule: j.schedule } : {}),
      nights: j.nights,
      weekends: j.weekends,
    })),
    description: form.description,
    consent: form.consent as true,
    ...(preferredOrganisationId ? { preferredOrganisationId } : {}),
    ...(form.website ? { website: form.website } : {}),
  };
}
