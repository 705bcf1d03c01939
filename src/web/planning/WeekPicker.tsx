import { Button, TextInput } from '@mantine/core';
import { addDays, mondayOf } from './time';

/**
 * The week chooser of the planning pages (grid, by client, the client's portal): previous week, the Monday as a
 * date (any day typed is taken back to its Monday), next week. Sits inside its page's filter row.
 */
export function WeekPicker({ monday, onChange }: { monday: string; onChange: (monday: string) => void }) {
  return (
    <>
      <Button variant="default" aria-label="Semaine précédente" onClick={() => onChange(addDays(monday, -7))}>
        ←
      </Button>
      <TextInput
        type="date"
        label="Semaine du"
        value={monday}
        onChange={(e) => e.currentTarget.value && onChange(mondayOf(e.currentTarget.value))}
      />
      <Button variant="default" aria-label="Semaine suivante" onClick={() => onChange(addDays(monday, 7))}>
        →
      </Button>
    </>
  );
}
