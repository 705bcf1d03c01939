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
