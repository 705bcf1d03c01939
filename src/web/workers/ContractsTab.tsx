import { Anchor } from '@mantine/core';
import { formatDate, formatMinutes } from '../../shared/format';
import { CONTRACT_KIND_LABELS, type Worker, workersApi } from '../../shared/workers';
import { urlOf } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan } from '../shell/session';
import { ContractForm } from './ContractForm';
import { FormModal, Section, useWorker } from './worker-record';

export function ContractsTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('employment_contract.write');
  const columns: DataColumn<Worker['contracts'][number]>[] = [
    {
      key: 'type',
      header: 'Type',
      sortBy: (c) => CONTRACT_KIND_LABELS[c.kind],
      cell: (c) => CONTRACT_KIND_LABELS[c.kind],
    },
    {
      key: 'periode',
      header: 'Période',
      sortBy: (c) => c.startDate,
      cell: (c) => `du ${formatDate(c.startDate)} ${c.endDate ? `au ${formatDate(c.endDate)}` : '(sans terme)'}`,
    },
    {
      key: 'heures',
      header: 'Heures / semaine',
      sortBy: (c) => c.weeklyMinutes,
      cell: (c) => formatMinutes(c.weeklyMinutes),
    },
    {
      key: 'document',
      header: 'Document',
      cell: (c) => (
        <Anchor href={urlOf(workersApi.contractPdf, { params: { orgId, workerId, contractId: c.id } })} target="_blank">
          PDF
        </Anchor>
      ),
    },
  ];
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
      <DataTable
        rows={w.contracts}
        columns={columns}
        rowKey={(c) => c.id}
        caption="Contrats de travail"
        empty="Aucun contrat."
        urlPrefix="contrats-"
      />
    </Section>
  );
}
