/**
 * A mission stays inside its contrat de mise à disposition (R5132-20: the contract states the tasks, hence
 * the jobs placed): its job must be one of the contract's. A contract recorded without job codes (signed on
 * paper before they were kept) cannot be checked and lets any job through; its site is checked against the
 * convention's territory by quotes' checkPlacement (R5132-19).
 */
export function jobOutsideContract(rome: string, contractRomes: readonly string[] | null): boolean {
  if (!contractRomes || contractRomes.length === 0) return false;
  return !contractRomes.includes(rome);
}
