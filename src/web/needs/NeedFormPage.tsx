import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { ErrorAlert } from '../shell/ui';
import { CommunePicker } from './CommunePicker';
import { JobPicker } from './JobPicker';
import { KIND_LABELS } from './labels';

type JobLine = {
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

type Form = {
  name: string;
  kind: string;
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
const emptyJob = (): JobLine => ({
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

type Submitted = {
  id: string;
  reference: string;
  routedTo: { organisationId: string; name: string; distanceKm: number | null }[];
};

/** Which step holds a field, to show the step of the first error. */
const stepOf = (path: string) =>
  path.startsWith('establishment') ? 0 : path.startsWith('contact') || path === 'consent' ? 2 : 1;

/** The public need form, in 3 short steps (UX.md: works on a 360 px phone). */
export function NeedFormPage() {
  const [params] = useSearchParams();
  const structureId = params.get('structure');
  const structure = useQuery({
    queryKey: ['need-structure', structureId],
    queryFn: () =>
      api<{ id: string; name: string; communeName: string | null }>(`/api/public/needs/structures/${structureId}`),
    enabled: !!structureId && /^[0-9a-f-]{36}$/.test(structureId),
    retry: false,
  });
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<Form>({
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setJob = (i: number, patch: Partial<JobLine>) =>
    setForm((f) => ({ ...f, jobs: f.jobs.map((j, k) => (k === i ? { ...j, ...patch } : j)) }));

  /** Light checks before moving on; the server checks everything again. */
  const checkStep = (s: number): Record<string, string> => {
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
  };

  const next = () => {
    const e = checkStep(step);
    setErrors(e);
    if (Object.keys(e).length === 0) setStep((s) => s + 1);
  };

  const submit = async () => {
    const e = checkStep(2);
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const result = await api<Submitted>('/api/public/needs', {
        body: {
          establishment: {
            name: form.name,
            kind: form.kind,
            ...(form.siret.trim() ? { siret: form.siret } : {}),
            address: { line: form.line, postalCode: form.postalCode, communeCode: form.communeCode },
          },
          contact: { name: form.contactName, email: form.email, ...(form.phone.trim() ? { phone: form.phone } : {}) },
          urgency: form.urgency,
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
          consent: form.consent,
          ...(structure.data ? { preferredOrganisationId: structure.data.id } : {}),
          ...(form.website ? { website: form.website } : {}),
        },
      });
      setDone(result);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length > 0) {
        setErrors(err.fieldErrors);
        setStep(Math.min(...Object.keys(err.fieldErrors).map(stepOf)));
      }
      setSubmitError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Container size="sm" py="xl">
        <Title order={1}>Votre besoin est envoyé</Title>
        <Alert color="blue" mt="md" title={`Référence ${done.reference}`} role="status">
          Un e-mail de confirmation vous a été envoyé, avec un lien personnel pour suivre votre besoin.
        </Alert>
        {done.routedTo.length > 0 ? (
          <>
            <Text mt="lg">Il a été transmis à ces associations intermédiaires proches de chez vous :</Text>
            <List mt="sm" data-testid="routed-to">
              {done.routedTo.map((r) => (
                <List.Item key={r.organisationId}>
                  {r.name}
                  {r.distanceKm !== null ? ` — à ${r.distanceKm.toLocaleString('fr-FR')} km` : ''}
                </List.Item>
              ))}
            </List>
            <Text mt="md">La première qui le prend en charge vous contacte.</Text>
          </>
        ) : (
          <Text mt="lg">
            Aucune structure ne couvre encore exactement votre demande : le réseau des associations intermédiaires
            l’étudie et vous recontactera.
          </Text>
        )}
        <Button component={Link} to="/" variant="light" mt="xl">
          Retour à l’accueil
        </Button>
      </Container>
    );
  }

  const err = (path: string) => errors[path];

  return (
    <Container size="sm" py="lg" px="sm">
      <Title order={1}>Déposer un besoin</Title>
      <Text c="dimmed" mt={4}>
        Renfort urgent ou besoin durable : les associations intermédiaires proches de chez vous reçoivent votre demande,
        et la première disponible vous répond.
      </Text>
      {structure.data && (
        <Alert color="blue" mt="md" title="Structure choisie">
          Votre besoin sera proposé en priorité à {structure.data.name}
          {structure.data.communeName ? ` (${structure.data.communeName})` : ''} si elle propose ces métiers sur votre
          commune.
        </Alert>
      )}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} mt="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Établissement" description="Qui vous êtes">
          <Stack mt="md">
            <TextInput
              label="Nom de l’établissement"
              required
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={err('establishment.name')}
              maxLength={200}
              autoComplete="organization"
            />
            <Select
              label="Type d’établissement"
              required
              placeholder="Choisissez"
              data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
              value={form.kind || null}
              onChange={(v) => set('kind', v ?? '')}
              error={err('establishment.kind')}
              allowDeselect={false}
            />
            <TextInput
              label="SIRET (facultatif)"
              description="14 chiffres"
              value={form.siret}
              onChange={(e) => set('siret', e.currentTarget.value)}
              error={err('establishment.siret')}
              inputMode="numeric"
              maxLength={20}
            />
            <TextInput
              label="Adresse"
              placeholder="ex. 12 rue des Écoles"
              required
              value={form.line}
              onChange={(e) => set('line', e.currentTarget.value)}
              error={err('establishment.address.line')}
              maxLength={200}
              autoComplete="street-address"
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label="Code postal"
                required
                value={form.postalCode}
                onChange={(e) => set('postalCode', e.currentTarget.value)}
                error={err('establishment.address.postalCode')}
                inputMode="numeric"
                maxLength={5}
                autoComplete="postal-code"
              />
              <CommunePicker
                value={form.communeCode}
                valueLabel={form.communeLabel}
                onChange={(code, label) => setForm((f) => ({ ...f, communeCode: code, communeLabel: label }))}
                error={err('establishment.address.communeCode')}
              />
            </SimpleGrid>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Besoin" description="Qui vous cherchez">
          <Stack mt="md">
            <Radio.Group
              label="Urgence"
              required
              value={form.urgency}
              onChange={(v) => set('urgency', v)}
              error={err('urgency')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="urgent" label="Renfort urgent (absences, surcroît d’activité)" />
                <Radio value="structural" label="Besoin durable (recrutements, postes à pourvoir)" />
              </Stack>
            </Radio.Group>
            <Checkbox
              label="Nous sommes intéressés par des parcours de formation vers les métiers du soin (aide-soignant, infirmier, ambulancier)"
              checked={form.carePathway}
              onChange={(e) => set('carePathway', e.currentTarget.checked)}
            />
            {form.jobs.map((job, i) => (
              <Card withBorder key={job.key} component="fieldset" p="sm" aria-label={`Métier ${i + 1}`}>
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Text fw={600} component="legend">
                      Métier {i + 1}
                    </Text>
                    {form.jobs.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        onClick={() =>
                          set(
                            'jobs',
                            form.jobs.filter((_, k) => k !== i),
                          )
                        }
                      >
                        Retirer ce métier
                      </Button>
                    )}
                  </Group>
                  <JobPicker
                    value={job.rome}
                    initialLabel={job.label}
                    onChange={(rome, label) => setJob(i, { rome, label })}
                    error={err(`jobs.${i}.rome`)}
                    label={`Métier ${i + 1}`}
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }}>
                    <NumberInput
                      label="Nombre de personnes"
                      required
                      min={1}
                      max={500}
                      allowDecimal={false}
                      value={job.headcount}
                      onChange={(v) => setJob(i, { headcount: v })}
                      error={err(`jobs.${i}.headcount`)}
                    />
                    <NumberInput
                      label="Heures par semaine (facultatif)"
                      min={1}
                      max={48}
                      value={job.hoursPerWeek}
                      onChange={(v) => setJob(i, { hoursPerWeek: v })}
                      error={err(`jobs.${i}.hoursPerWeek`)}
                    />
                    <TextInput
                      type="date"
                      label="À partir du"
                      required
                      value={job.startDate}
                      onChange={(e) => setJob(i, { startDate: e.currentTarget.value })}
                      error={err(`jobs.${i}.startDate`)}
                    />
                    <TextInput
                      type="date"
                      label="Jusqu’au (facultatif)"
                      value={job.endDate}
                      onChange={(e) => setJob(i, { endDate: e.currentTarget.value })}
                      error={err(`jobs.${i}.endDate`)}
                    />
                  </SimpleGrid>
                  <TextInput
                    label="Jours et horaires (facultatif)"
                    placeholder="ex. du lundi au vendredi, 7 h – 14 h"
                    value={job.schedule}
                    onChange={(e) => setJob(i, { schedule: e.currentTarget.value })}
                    error={err(`jobs.${i}.schedule`)}
                    maxLength={300}
                  />
                  <Group>
                    <Checkbox
                      label="De nuit"
                      checked={job.nights}
                      onChange={(e) => setJob(i, { nights: e.currentTarget.checked })}
                    />
                    <Checkbox
                      label="Le week-end"
                      checked={job.weekends}
                      onChange={(e) => setJob(i, { weekends: e.currentTarget.checked })}
                    />
                  </Group>
                </Stack>
              </Card>
            ))}
            {form.jobs.length < 10 && (
              <Button variant="light" onClick={() => set('jobs', [...form.jobs, emptyJob()])}>
                Ajouter un autre métier
              </Button>
            )}
            <Textarea
              label="Décrivez votre besoin (facultatif)"
              placeholder="Contexte, tâches, contraintes…"
              autosize
              minRows={3}
              maxLength={4000}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={err('description')}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Contact" description="Qui vous répond">
          <Stack mt="md">
            <TextInput
              label="Votre nom"
              required
              value={form.contactName}
              onChange={(e) => set('contactName', e.currentTarget.value)}
              error={err('contact.name')}
              maxLength={200}
              autoComplete="name"
            />
            <TextInput
              label="Adresse e-mail"
              type="email"
              required
              value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('contact.email')}
              maxLength={254}
              autoComplete="email"
            />
            <TextInput
              label="Téléphone (facultatif)"
              type="tel"
              value={form.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={err('contact.phone')}
              maxLength={20}
              autoComplete="tel"
            />
            {/* Honeypot: invisible to people and screen readers, filled by robots. */}
            <Box
              style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
              aria-hidden="true"
            >
              <label>
                Site web
                <input
                  tabIndex={-1}
                  autoComplete="off"
                  value={form.website}
                  onChange={(e) => set('website', e.currentTarget.value)}
                  name="website"
                />
              </label>
            </Box>
            <Card withBorder bg="gray.0" p="sm">
              <Text size="sm">
                <strong>Vos données personnelles.</strong> Les informations de ce formulaire sont transmises aux
                associations intermédiaires qui peuvent répondre à votre besoin, et au réseau qui les coordonne, dans le
                seul but de vous proposer du personnel (base légale : votre consentement, art. 6-1-a du RGPD). Elles
                sont conservées 3 ans après le dernier contact. Vous pouvez y accéder, les rectifier, les effacer ou
                retirer votre consentement en écrivant au réseau ; vous pouvez aussi saisir la CNIL.
              </Text>
            </Card>
            <Checkbox
              label="J’accepte que ces informations soient transmises aux structures qui peuvent me répondre"
              checked={form.consent}
              onChange={(e) => set('consent', e.currentTarget.checked)}
              error={err('consent')}
            />
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Box mt="md">
        <ErrorAlert
          error={submitError instanceof ApiError && submitError.status === 400 ? null : submitError}
          title="Envoi impossible"
        />
        {submitError instanceof ApiError && submitError.status === 400 && (
          <Alert color="red" role="alert" mb="md" title="Certains champs sont à corriger">
            Les erreurs sont indiquées sous les champs concernés.
          </Alert>
        )}
      </Box>
      <Group justify="space-between" mt="lg">
        {step > 0 ? (
          <Button variant="default" onClick={() => setStep((s) => s - 1)}>
            Retour
          </Button>
        ) : (
          <Anchor component={Link} to="/carte" size="sm">
            Voir les structures sur la carte
          </Anchor>
        )}
        {step < 2 ? (
          <Button onClick={next}>Suivant</Button>
        ) : (
          <Button onClick={submit} loading={busy}>
            Envoyer mon besoin
          </Button>
        )}
      </Group>
    </Container>
  );
}
