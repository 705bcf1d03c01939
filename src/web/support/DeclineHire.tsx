import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type HireDeclaration, hiresApi } from '../../shared/hires';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';

export function DeclineHire({ d, onClose }: { d: HireDeclaration; onClose: (message?: string) => void }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const decline = useApiForm({
    initial: { note: '' },
    submit: (v) => call(hiresApi.decline, { params: { orgId, declarationId: d.id }, body: v }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      onClose(`Déclaration non retenue : ${d.clientName} lira votre réponse.`);
    },
  });
  return (
    <Modal opened onClose={() => onClose()} title="Ne pas retenir cette embauche" centered>
      <form onSubmit={decline.onSubmit} noValidate>
        <Stack>
          <Textarea label="Pourquoi ? (le client lira cette réponse)" {...decline.field('note')} required autosize />
          <ErrorAlert error={decline.alertError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose()}>
              Annuler
            </Button>
            <Button type="submit" loading={decline.busy}>
              Envoyer la réponse
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
