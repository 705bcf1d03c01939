import { ActionIcon, Button, Group, NumberInput, Table, Text, TextInput, Title } from '@mantine/core';
import { formatCents } from '../../shared/format';
import { lineTotal } from '../../shared/quotes';
import { EuroInput } from '../blocks/EuroInput';
import { JobSelect } from '../directory/Filters';
import { emptyLine, type Line, linesTotal, toCents, toMinutes } from './quote-form';

/** The lines of a new quote: job, label, hours and hourly rate, with each amount and the total. */
export function QuoteLinesEditor({
  lines,
  setLines,
  errorAt,
  onRomeChosen,
}: {
  lines: Line[];
  setLines: (update: (lines: Line[]) => Line[]) => void;
  errorAt: (path: string) => string | undefined;
  /** A job was chosen: the rate in force may fill the line's rate. */
  onRomeChosen: (i: number, rome: string) => void;
}) {
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <>
      <Title order={2} size="h4">
        Lignes
      </Title>
      {/* Not a list: an editor, each cell an input of a line being written (job, label, hours, rate). */}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Métier</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th>Heures</Table.Th>
            <Table.Th>Taux horaire (€)</Table.Th>
            <Table.Th>Montant</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id before they are saved
            <Table.Tr key={i}>
              <Table.Td miw={220}>
                <JobSelect
                  label={`Métier de la ligne ${i + 1}`}
                  value={l.rome}
                  onChange={(rome) => {
                    setLine(i, { rome });
                    onRomeChosen(i, rome);
                  }}
                  error={errorAt(`lines.${i}.rome`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  label={`Libellé de la ligne ${i + 1}`}
                  placeholder="Libellé du métier par défaut"
                  value={l.label}
                  onChange={(e) => {
                    const label = e.currentTarget.value;
                    setLine(i, { label });
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  label={`Heures de la ligne ${i + 1}`}
                  decimalSeparator=","
                  decimalScale={2}
                  min={0}
                  value={l.hours}
                  onChange={(hours) => setLine(i, { hours })}
                  error={errorAt(`lines.${i}.minutes`)}
                />
              </Table.Td>
              <Table.Td>
                <EuroInput
                  label={`Taux horaire de la ligne ${i + 1}`}
                  suffix=""
                  value={l.rate}
                  onChange={(rate) => setLine(i, { rate })}
                  error={errorAt(`lines.${i}.hourlyRateCents`)}
                />
              </Table.Td>
              <Table.Td>
                {l.hours !== '' && l.rate !== '' ? formatCents(lineTotal(toMinutes(l.hours), toCents(l.rate))) : '—'}
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Retirer la ligne ${i + 1}`}
                  disabled={lines.length === 1}
                  onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {errorAt('lines') && <Text c="red">{errorAt('lines')}</Text>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
          Ajouter une ligne
        </Button>
        <Text fw={700}>Total : {formatCents(linesTotal(lines))}</Text>
      </Group>
    </>
  );
}
