import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { AbsenceDialog, type AbsenceTarget } from './AbsenceDialog';
import { SiteWeek } from './ClientViewPage';
import { type Shift, useShifts } from './model';
import { addDays, longDay, mondayOf, parisClock, parisDay, parisIso, todayInParis } from './time';
import { WeekPicker } from './WeekPicker';

/** The client's planning: who comes when; report an absence or ask for another person. */
export function PortalPlanningPage() {
  const orgId = useOrgId();
  const [f, setF] = useUrlFilters(['semaine'] as const);
  const from = f.semaine || mondayOf(todayInParis());
  const shifts = useShifts({ from: parisIso(from, '00:00'), to: parisIso(addDays(from, 14), '00:00'), limit: 200 });
  const [absence, setAbsence] = useState<AbsenceTarget | null>(null);
  const [ask, setAsk] = useState<Shift | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const qc = useQueryClient();
  const request = useApiForm({
    initial: { message: '' },
    submit: (v) => call(planningApi.requestReplacement, { params: { orgId, shiftId: ask!.id }, body: v }),
    resetOnSuccess: true,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
      setNotice('Demande envoyée à l’association.');
      setAsk(null);
    },
  });
  const items = (shifts.data?.items ?? []).filter((s) => s.status !== 'cancelled');
  return (
    <>
      <PageHeader
        title="Planning des interventions"
        subtitle="Qui vient chez vous, et quand. Deux semaines à partir de la semaine choisie."
      />
      <Group mb="md" align="flex-end">
        <WeekPicker monday={from} onChange={(semaine) => setF({ semaine })} />
      </Group>
      {notice && (
        <Alert color="teal.9" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={shifts.error} />
      {!shifts.data ? (
        <Loading />
      ) : (
        <SiteWeek
          shifts={items}
          actions={(s) =>
            s.status === 'assigned' && s.workerId && new Date(s.end) > new Date() ? (
              <Group gap={4} wrap="wrap">
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red.9"
                  onClick={() =>
                    setAbsence({ workerId: s.workerId!, workerName: s.workerName ?? '', date: parisDay(s.start) })
                  }
                  aria-label={`Absent·e : ${s.workerName}, le ${longDay(parisDay(s.start))} à ${parisClock(s.start)}`}
                >
                  Absent·e
                </Button>
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="blue.9"
                  onClick={() => setAsk(s)}
                  aria-label={`Autre personne, le ${longDay(parisDay(s.start))} à ${parisClock(s.start)}`}
                >
                  Autre personne
                </Button>
              </Group>
            ) : null
          }
        />
      )}
      <AbsenceDialog
        orgId={orgId}
        target={absence}
        onClose={() => setAbsence(null)}
        onDone={() =>
          setNotice('Absence signalée : l’association cherche un·e remplaçant·e et vous tiendra informé·e.')
        }
      />
      <Modal opened={!!ask} onClose={() => setAsk(null)} title="Demander une autre personne" centered>
        <form onSubmit={request.onSubmit}>
          <Stack>
            <Text size="sm">L’association recevra votre demande et vous proposera quelqu’un.</Text>
            <Textarea label="Votre message (facultatif)" {...request.field('message')} maxLength={1000} />
            <ErrorAlert error={request.alertError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsk(null)}>
                Annuler
              </Button>
              <Button type="submit" loading={request.busy}>
                Envoyer la demande
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
