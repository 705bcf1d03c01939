/**
 * Who supplies the protective equipment of a placement (R5132-20: the contract names it), one vocabulary for the
 * need's HR diagnostic, the quote and the placement contract: the client, the AI, or both.
 */
export const EQUIPMENT_SUPPLIERS = ['client', 'ai', 'shared'] as const;
export type EquipmentSupplier = (typeof EQUIPMENT_SUPPLIERS)[number];

// Indexable by any string: older answers reach the web app as plain strings.
export const EQUIPMENT_SUPPLIER_LABELS: Record<EquipmentSupplier, string> & Record<string, string> = {
  client: 'Le client',
  ai: 'L’association',
  shared: 'Les deux',
};

/** Who supplies it, as the placement contract's sentence says it (R5132-20). */
export const EQUIPMENT_SUPPLIER_IN_CONTRACT: Record<EquipmentSupplier, string> & Record<string, string> = {
  client: 'l’utilisateur (le client)',
  ai: 'l’association intermédiaire',
  shared: 'l’utilisateur et l’association, selon la liste ci-dessus',
};
