import { Anchor, Table, Text } from '@mantine/core';
import { formatDate, formatMinutes } from '../../shared/format';
import { CONTRACT_KIND_LABELS, type Worker, workersApi } from '../../shared/workers';
import { urlOf } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan } from '../shell/session';
import { ContractForm } from './ContractForm';
import { FormModal, Section, useWorker } from './worker-record';

export function ContractsTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('employment_contract.write');
  return (
    <Section
      title="Contrats de travail"
      actions={
        canWrite && (
          <FormModal label="Nouveau contrat" title="Nouveau contrat de travail">
            {(close) => <ContractForm workerId={workerId} onDone={close} />}
          </FormModal>
        )
      }
    >
      {w.contracts.length === 0 ? (
        <Text c="dimmed">Aucun contrat.</Text>
      ) : (
        <StackTable>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th>Heures / semaine</Table.Th>
              <Table.Th>Document</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {w.contracts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{CONTRACT_KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>
                  du {formatDate(c.startDate)} {c.endDate ? `au ${formatDate(c.endDate)}` : '(sans terme)'}
                </Table.Td>
                <Table.Td>{formatMinutes(c.weeklyMinutes)}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={urlOf(workersApi.contractPdf, { params: { orgId, workerId, contractId: c.id } })}
                    target="_blank"
                  >
                    PDF
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </Section>
  );
}
