import { Alert, Button, Card, Group, Stepper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../shared/format';
import { workersApi } from '../../shared/workers';
import { call, urlOf } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { ContractForm } from './ContractForm';
import { DiagnosisForm } from './DiagnosisForm';
import { PassForm } from './PassForm';

/** The hire flow: eligibility diagnosis → PASS IAE → employment contract. */
export function HirePage() {
  const orgId = useOrgId();
  const { workerId = '' } = useParams();
  const worker = useQuery({
    queryKey: ['worker', orgId, workerId],
    queryFn: () => call(workersApi.get, { params: { orgId, workerId } }),
  });
  const [active, setActive] = useState<number | null>(null);
  if (worker.isPending) return <Loading />;
  if (!worker.data) return <ErrorAlert error={worker.error} />;
  const w = worker.data;
  const hasDiagnosis = w.diagnoses.some((d) => d.valid && d.eligible);
  const hasPass = !!w.pass && w.pass.daysLeft >= 0;
  const step = active ?? (hasDiagnosis ? (hasPass ? 2 : 1) : 0);
  return (
    <>
      <PageHeader
        title={`Embauche de ${w.firstName} ${w.lastName}`}
        subtitle="Diagnostic d’éligibilité, PASS IAE, puis contrat de travail."
      />
      <Card withBorder maw={900}>
        <Stepper active={step} onStepClick={setActive} allowNextStepsSelect={false}>
          <Stepper.Step label="Éligibilité" description="Diagnostic et justificatifs">
            <DiagnosisForm workerId={workerId} onDone={(d) => d.eligible && setActive(1)} />
          </Stepper.Step>
          <Stepper.Step label="PASS IAE" description="Numéro et dates">
            {hasPass && w.pass ? (
              <Alert color="green" mb="md">
                PASS IAE n° {w.pass.number} valable jusqu’au {formatDate(w.pass.endDate)}.
              </Alert>
            ) : null}
            {!hasPass && <PassForm workerId={workerId} onDone={() => setActive(2)} />}
            {hasPass && (
              <Button onClick={() => setActive(2)} mt="sm">
                Continuer vers le contrat
              </Button>
            )}
          </Stepper.Step>
          <Stepper.Step label="Contrat" description="CDDU, CDDI ou CDI inclusion">
            <ContractForm workerId={workerId} defaultStart={w.pass?.startDate} onDone={() => setActive(3)} />
          </Stepper.Step>
          <Stepper.Completed>
            <Text mb="md" role="status">
              Embauche terminée : {w.firstName} {w.lastName} peut être placé·e sur des missions.
            </Text>
            <Group>
              <Button component={Link} to=".." relative="path">
                Ouvrir la fiche
              </Button>
              {w.contracts.at(-1) && (
                <Button
                  variant="default"
                  component="a"
                  href={urlOf(workersApi.contractPdf, {
                    params: { orgId, workerId, contractId: w.contracts.at(-1)!.id },
                  })}
                  target="_blank"
                >
                  Contrat en PDF
                </Button>
              )}
            </Group>
          </Stepper.Completed>
        </Stepper>
      </Card>
    </>
  );
}
