import { Badge } from '@mantine/core';
import { KIND_COLORS, KIND_LABELS, KIND_SHORT, type StructureSummary } from './api';

/** Long button labels wrap on a 360 px screen instead of being cut. */
export const WRAP = {
  root: { height: 'auto', minHeight: 36 },
  label: { whiteSpace: 'normal' as const, paddingBlock: 6 },
};

/** A structure's kind, short, in its marker colour (the full name on hover). */
export function KindBadge({ kind }: { kind: StructureSummary['kind'] }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="filled" title={KIND_LABELS[kind]} style={{ flexShrink: 0 }}>
      {KIND_SHORT[kind]}
    </Badge>
  );
}
