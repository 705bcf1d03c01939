/**
 * The avance immédiate of the tax credit for services à la personne: the tax credit is 50 % of the expenses
 * (CGI art. 199 sexdecies, 1 and 4), and with the avance immédiate URSSAF pays the provider the whole invoice
 * and debits the client only the rest (URSSAF, « API Tiers de prestation », documentation v1.1.7: the client is
 * debited "son reste à charge après application de l'avance immédiate"). Ceilings and the household's situation
 * are URSSAF's to apply; the invoice shows the 50 % split. Pure, table-tested.
 */
export const AVANCE_IMMEDIATE_RATE_PCT = 50;

export function avanceImmediateShares(totalCents: number) {
  // Half, rounded down to the cent for URSSAF's share: the client's rest is never under half.
  const urssafShareCents = Math.floor((totalCents * AVANCE_IMMEDIATE_RATE_PCT) / 100);
  return { urssafShareCents, clientShareCents: totalCents - urssafShareCents };
}
