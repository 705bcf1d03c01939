import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../shared/format';
import {
  CRITERION_LABELS,
  EXTENSION_STATUS_LABELS,
  PASS_EXTENSION_CHOICES,
  SUSPENSION_REASON_LABELS,
  type Worker,
} from '../../shared/workers';
import { useCan } from '../shell/session';
import { Reserved } from '../support/Reserved';
import { DiagnosisForm } from './DiagnosisForm';
import { ExtensionDecisionForm, ExtensionForm } from './ExtensionForms';
import { PassForm } from './PassForm';
import { SuspensionForm } from './SuspensionForm';
import { FormModal, Section, useWorker } from './worker-record';

export function PassTab({ worker: w }: { worker: Worker }) {
  const { workerId } = useWorker();
  const canWrite = useCan()('eligibility.write');
  const p = w.pass;
  return (
    <>
      <Section
        title="PASS IAE"
        actions={
          canWrite && (
            <Group gap="xs">
              {p && (
                <FormModal label="Suspendre" title="Suspendre le PASS IAE">
                  {(close) => <SuspensionForm workerId={workerId} passId={p.id} onDone={close} />}
                </FormModal>
              )}
              {p && (
                <FormModal label="Prolonger" title="Prolonger le PASS IAE">
                  {(close) => <ExtensionForm workerId={workerId} pass={p} onDone={close} />}
                </FormModal>
              )}
              <FormModal label="Nouveau PASS" title="Enregistrer un PASS IAE">
                {(close) => <PassForm workerId={workerId} onDone={close} />}
              </FormModal>
            </Group>
          )
        }
      >
        {!p ? (
          <Text c="dimmed">Aucun PASS IAE enregistré : aucune mission ne peut être confiée.</Text>
        ) : (
          <Stack gap="xs">
            <Text>
              N° <strong>{p.number}</strong>, du {formatDate(p.startDate)} au <strong>{formatDate(p.endDate)}</strong>{' '}
              {p.daysLeft >= 0 ? `(encore ${p.daysLeft} jours)` : '(expiré)'}
            </Text>
            {p.endDate !== p.baseEndDate && <Text size="sm">Fin initiale : {formatDate(p.baseEndDate)}</Text>}
            {p.suspendedToday && (
              <Text size="sm" fw={600} c="orange">
                PASS suspendu aujourd’hui : aucune mission ne peut être confiée pendant la suspension.
              </Text>
            )}
            {p.suspensions.map((s) => (
              <Text size="sm" key={s.id}>
                Suspendu du {formatDate(s.startDate)} au {formatDate(s.endDate)} :{' '}
                {SUSPENSION_REASON_LABELS[s.reason] ?? s.reason}
                {s.explanation ? ` — ${s.explanation}` : ''}
              </Text>
            ))}
            {p.extensions.map((e) => (
              <Group key={e.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  Prolongation de {e.months} mois ({PASS_EXTENSION_CHOICES[e.reason] ?? e.reason}) demandée le{' '}
                  {formatDate(e.requestedOn)} : <strong>{EXTENSION_STATUS_LABELS[e.status]}</strong>
                  {e.decidedOn && e.status !== 'pending'
                    ? ` le ${formatDate(e.decidedOn)}${e.decidedBy ? ` par ${e.decidedBy}` : ''}`
                    : ''}
                  {e.evidence ? ` — ${e.evidence}` : ''}
                </Text>
                {e.status === 'pending' && canWrite && (
                  <FormModal label="Enregistrer la décision" title="Décision du prescripteur habilité">
                    {(close) => (
                      <ExtensionDecisionForm workerId={workerId} passId={p.id} extensionId={e.id} onDone={close} />
                    )}
                  </FormModal>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      <Section
        title="Diagnostics d’éligibilité"
        actions={
          canWrite && (
            <FormModal label="Nouveau diagnostic" title="Diagnostic d’éligibilité">
              {(close) => <DiagnosisForm workerId={workerId} onDone={close} />}
            </FormModal>
          )
        }
      >
        {w.diagnoses.length === 0 ? (
          <Text c="dimmed">Aucun diagnostic enregistré.</Text>
        ) : (
          <Stack>
            {w.diagnoses.map((d) => (
              <div key={d.id}>
                <Group gap="xs">
                  <Text fw={600}>
                    {formatDate(d.madeOn)} ·{' '}
                    {d.author === 'ai' ? 'par la structure' : `par ${d.prescriberName ?? 'un prescripteur'}`}
                  </Text>
                  <Badge color={d.eligible ? 'teal.9' : 'gray.7'}>{d.eligible ? 'Éligible' : 'Non éligible'}</Badge>
                  <Badge color={d.valid ? 'blue.9' : 'gray.7'} variant="outline">
                    {d.valid ? `valable jusqu’au ${formatDate(d.validUntil)}` : `expiré le ${formatDate(d.validUntil)}`}
                  </Badge>
                </Group>
                {d.restricted ? (
                  <Reserved what="Critères et justificatifs" />
                ) : (
                  <Text size="sm">{d.criteria.map((c) => CRITERION_LABELS[c] ?? c).join(' · ')}</Text>
                )}
                {d.evidence && (
                  <Text size="sm" c="dimmed">
                    Justificatifs : {d.evidence}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}
