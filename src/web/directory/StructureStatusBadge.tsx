import { Badge } from '@mantine/core';
import type { NetworkStructure } from './api';

/** A structure's visibility in the public directory, for the network console. */
export function StatusBadge({ s }: { s: Pick<NetworkStructure, 'isPublic' | 'isActive'> }) {
  if (!s.isActive) return <Badge color="gray.8">Inactive</Badge>;
  if (!s.isPublic) return <Badge color="orange">Masquée</Badge>;
  return <Badge color="#2b7a3d">Publique</Badge>;
}
