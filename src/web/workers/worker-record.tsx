import { Button, Card, Group, Modal, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { useOrgId } from '../shell/session';

/** What the worker record's tabs share: the record's query and update, a titled section, a form in a modal. */
export function useWorker() {
  const orgId = useOrgId();
  const { workerId = '' } = useParams();
  const query = useQuery({
    queryKey: ['worker', orgId, workerId],
    queryFn: () => call(workersApi.get, { params: { orgId, workerId } }),
  });
  return { orgId, workerId, query };
}

export function usePatchWorker(orgId: string, workerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof workersApi.update.body>) =>
      call(workersApi.update, { params: { orgId, workerId }, body }),
    onSuccess: (w) => {
      qc.setQueryData(['worker', orgId, workerId], w);
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      notifications.show({ color: 'green', message: 'Fiche enregistrée.' });
    },
  });
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

export function FormModal({
  label,
  title,
  children,
}: {
  label: string;
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} size="lg">
        {children(() => setOpen(false))}
      </Modal>
    </>
  );
}
