import { Alert, Anchor, Box, Button, Container, Group, Stepper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { needsApi, type SubmittedNeed } from '../../shared/needs';
import { ApiError, call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert } from '../shell/ui';
import { ContactStep } from './ContactStep';
import { EstablishmentStep } from './EstablishmentStep';
import { NeedJobsStep } from './NeedJobsStep';
import { NeedSent } from './NeedSent';
import { checkStep, emptyNeedForm, needBody, stepOf } from './need-form';

/** The public need form, in 3 short steps (UX.md: works on a 360 px phone). */
export function NeedFormPage() {
  const [params] = useSearchParams();
  const structureId = params.get('structure');
  const structure = useQuery({
    queryKey: ['need-structure', structureId],
    queryFn: () => call(needsApi.structure, { params: { organisationId: structureId ?? '' } }),
    enabled: !!structureId && /^[0-9a-f-]{36}$/.test(structureId),
    retry: false,
  });
  const [step, setStep] = useState(0);
  /** The checks of a step, shown when moving on (null: the form's own errors, the server's included). */
  const [stepErrors, setStepErrors] = useState<Record<string, string> | null>(null);
  const [done, setDone] = useState<SubmittedNeed | null>(null);
  const form = useApiForm({
    initial: emptyNeedForm(),
    validate: (values) => checkStep(values, 2),
    submit: async (values) => {
      try {
        return await call(needsApi.submit, { body: needBody(values, structure.data?.id) });
      } catch (e) {
        // Back to the step of the first field to correct.
        if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0)
          setStep(Math.min(...Object.keys(e.fieldErrors).map(stepOf)));
        throw e;
      }
    },
    onSuccess: (result) => {
      setDone(result);
      window.scrollTo(0, 0);
    },
  });

  const next = () => {
    const e = checkStep(form.values, step);
    setStepErrors(e);
    if (Object.keys(e).length === 0) setStep((s) => s + 1);
  };

  const submit = () => {
    setStepErrors(null);
    void form.onSubmit();
  };

  if (done) return <NeedSent done={done} />;

  const err = (path: string) => (stepErrors ? stepErrors[path] : form.errorAt(path));

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
          <EstablishmentStep form={form} err={err} />
        </Stepper.Step>
        <Stepper.Step label="Besoin" description="Qui vous cherchez">
          <NeedJobsStep form={form} err={err} />
        </Stepper.Step>
        <Stepper.Step label="Contact" description="Qui vous répond">
          <ContactStep form={form} err={err} />
        </Stepper.Step>
      </Stepper>
      <Box mt="md">
        <ErrorAlert
          error={form.error instanceof ApiError && form.error.status === 400 ? null : form.error}
          title="Envoi impossible"
        />
        {form.error instanceof ApiError && form.error.status === 400 && (
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
          <Button onClick={submit} loading={form.busy}>
            Envoyer mon besoin
          </Button>
        )}
      </Group>
    </Container>
  );
}
