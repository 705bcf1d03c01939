import { Alert, Button, Card, Group, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { HIRE_CONTRACT_KINDS, HIRE_CONTRACT_LABELS, type HireContractKind, hiresApi } from '../../shared/hires';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { todayInParis } from '../planning/time';
import { useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { useHireDeclarations } from './badges';
import { DeclarationCard } from './HireDeclarationCard';

/**
 * The client portal's « Déclarer une embauche » (issue 14): the client says it hires a person who worked for it;
 * the person's support officer confirms it as their exit to employment. Cards, not a table: usable at 360 px.
 */
export function PortalHiresPage() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const list = useHireDeclarations();
  const candidates = useQuery({
    queryKey: ['hire-candidates', orgId],
    queryFn: () => call(hiresApi.candidates, { params: { orgId } }),
  });
  const [done, setDone] = useState<string | null>(null);
  const declare = useApiForm({
    initial: {
      workerId: null as string | null,
      hireDate: todayInParis(),
      contractKind: 'cdi' as HireContractKind,
      message: '',
    },
    submit: (v) => call(hiresApi.declare, { params: { orgId }, body: { ...v, workerId: v.workerId ?? '' } }),
    onSuccess: (d, v) => {
      setDone(`L’embauche de ${d.workerName} est déclarée. L’association la confirme et vous répond ici.`);
      declare.setValues({ ...v, workerId: null, message: '' });
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      qc.invalidateQueries({ queryKey: ['hire-candidates', orgId] });
    },
  });
  const form = declare.values;
  return (
    <>
      <PageHeader
        title="Déclarer une embauche"
        subtitle="Vous embauchez une personne venue chez vous avec l’association ? Dites-le ici : son accompagnateur ou son accompagnatrice confirme et organise la suite."
      />
      {done && (
        <Alert color="green" role="status" mb="md">
          {done}
        </Alert>
      )}
      <Card withBorder mb="lg" maw={560}>
        <form
          aria-label="Déclarer une embauche"
          onSubmit={(e) => {
            setDone(null);
            declare.onSubmit(e);
          }}
        >
          <Stack>
            {candidates.isPending ? (
              <Loading />
            ) : (candidates.data?.items.length ?? 0) === 0 ? (
              <Text c="dimmed">
                Personne à déclarer : seules les personnes venues chez vous cette année, encore à l’association,
                apparaissent ici.
              </Text>
            ) : (
              <Select
                label="Personne embauchée"
                placeholder="Choisissez la personne"
                data={candidates.data!.items.map((c) => ({ value: c.id, label: c.name }))}
                {...declare.field('workerId')}
                searchable
                required
              />
            )}
            <TextInput type="date" label="Date d’embauche" {...declare.field('hireDate')} required />
            <Radio.Group
              label="Contrat"
              value={form.contractKind}
              onChange={(v) => declare.set('contractKind', v as HireContractKind)}
            >
              <Stack gap={6} mt={6}>
                {HIRE_CONTRACT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={HIRE_CONTRACT_LABELS[k]} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Message pour l’association (facultatif)"
              {...declare.field('message')}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <ErrorAlert error={declare.alertError} title="Embauche non déclarée" />
            <Group>
              <Button type="submit" loading={declare.busy} disabled={!form.workerId}>
                Déclarer l’embauche
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4" mb="xs">
        Mes déclarations
      </Title>
      {list.isPending ? (
        <Loading />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>Aucune embauche déclarée.</Empty>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <DeclarationCard key={d.id} d={d} client />
          ))}
        </Stack>
      )}
    </>
  );
}
