import { Button, Card, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { formatMinutes } from '../../shared/format';
import { timesheetsApi } from '../../shared/timesheets';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { EntriesTable } from './EntriesTable';

/** The client's private link: no account needed. */
export function PublicTimesheetPage() {
  const { token } = useParams();
  const params = { token: token! };
  const q = useQuery({
    queryKey: ['public-timesheet', token],
    queryFn: () => call(timesheetsApi.publicGet, { params }),
    retry: false,
  });
  const [done, setDone] = useState<string | null>(null);
  // One form, two answers: validate (the name only) or report an error (the name and what is wrong).
  const intent = useRef<'validate' | 'dispute'>('validate');
  const form = useApiForm({
    initial: { name: '', reason: '' },
    submit: async ({ name, reason }) => {
      if (intent.current === 'validate') {
        await call(timesheetsApi.publicValidate, { params, body: { name } });
        return 'Merci : les heures sont validées.';
      }
      await call(timesheetsApi.publicDispute, { params, body: { name, reason } });
      return 'Merci : l’association va corriger et vous renvoyer le relevé.';
    },
    onSuccess: setDone,
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} title="Lien invalide ou déjà utilisé" />;
  const t = q.data!;
  return (
    <Stack p="md" maw={960} mx="auto">
      <PageHeader title={`Relevé d’heures — ${t.clientName}`} subtitle={`${t.month} · ${formatMinutes(t.minutes)}`} />
      {done ? (
        <Card withBorder>
          <Text>{done}</Text>
        </Card>
      ) : (
        <Card withBorder>
          <form onSubmit={form.onSubmit} noValidate>
            <Stack>
              <TextInput label="Votre nom" required {...form.field('name')} />
              <Button
                type="submit"
                color="teal.9"
                onClick={() => {
                  intent.current = 'validate';
                }}
                loading={form.busy}
              >
                Valider ces heures
              </Button>
              {t.status === 'sent' && (
                <>
                  <Textarea label="Une erreur ? Dites laquelle" {...form.field('reason')} />
                  <Button
                    type="submit"
                    color="red.9"
                    variant="outline"
                    onClick={() => {
                      intent.current = 'dispute';
                    }}
                    loading={form.busy}
                  >
                    Signaler une erreur
                  </Button>
                </>
              )}
              <ErrorAlert error={form.alertError} />
            </Stack>
          </form>
        </Card>
      )}
      <EntriesTable t={t} />
    </Stack>
  );
}
