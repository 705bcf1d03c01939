import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { HireDeclaration } from '../../shared/hires';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { useHireDeclarations } from './badges';
import { ConfirmHire } from './ConfirmHire';
import { DeclineHire } from './DeclineHire';
import { DeclarationCard } from './HireDeclarationCard';

/** The support staff's page: hires declared by clients, to confirm as exits (or decline), waiting ones first. */
export function HiresPage() {
  const list = useHireDeclarations();
  const [confirming, setConfirming] = useState<HireDeclaration | null>(null);
  const [declining, setDeclining] = useState<HireDeclaration | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = (message?: string) => {
    setConfirming(null);
    setDeclining(null);
    if (message) setNotice(message);
  };
  return (
    <>
      <PageHeader
        title="Embauches déclarées"
        subtitle="Les clients qui embauchent une personne de l’association : confirmez sa sortie vers l’emploi."
      />
      {notice && (
        <Alert color="green" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>Aucune embauche déclarée par les clients.</Empty>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <DeclarationCard key={d.id} d={d}>
              <Group mt="xs" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`../salaries/${d.workerId}`} relative="path" size="sm">
                  Fiche de {d.workerName}
                </Anchor>
                {d.status === 'pending' && (
                  <>
                    <Button size="xs" onClick={() => setConfirming(d)}>
                      Confirmer la sortie
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDeclining(d)}>
                      Ne pas retenir
                    </Button>
                  </>
                )}
              </Group>
            </DeclarationCard>
          ))}
        </Stack>
      )}
      {confirming && <ConfirmHire d={confirming} onClose={close} />}
      {declining && <DeclineHire d={declining} onClose={close} />}
    </>
  );
}
