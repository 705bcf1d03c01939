import { frenchDate } from '../../calendar/paris-time.js';
import { blockedByEconomicDismissal } from '../../clients/rules/economic-dismissal.js';
import { isCompanyByLegalForm } from '../../clients/rules/hours-cap-scope.js';
import { dangerousWork } from './dangerous-jobs.js';

export type PlacementFacts = {
  clientName: string;
  /** clients.economic_dismissal_until (L5132-7). */
  economicDismissalUntil: string | null;
  startDate: string;
  site: { communeCode: string; communeName: string | null; departement: string };
  /** The AI's convention territory (R5132-19); empty = its own département only. */
  territory: { kind: 'departement' | 'commune'; code: string }[];
  ownDepartement: string | null;
  romeCodes: string[];
};

export type PlacementVerdict = { ok: true } | { ok: false; code: string; message: string };

/**
 * The rules a contrat de mise à disposition must satisfy before it exists:
 * - L5132-7: no placement with a user that made an economic dismissal in the last 6 months;
 * - R5132-19: only within the territory of the AI's State convention;
 * - D4154-1: no particularly dangerous work.
 */
export function checkPlacement(f: PlacementFacts): PlacementVerdict {
  if (blockedByEconomicDismissal(f.economicDismissalUntil, f.startDate)) {
    return {
      ok: false,
      code: 'client_economic_dismissal',
      message: `${f.clientName} a procédé à un licenciement économique : aucune mise à disposition n’est possible avant le ${frenchDate(f.economicDismissalUntil!)} (article L5132-7 du Code du travail).`,
    };
  }
  const territory = f.territory.length
    ? f.territory
    : f.ownDepartement
      ? [{ kind: 'departement' as const, code: f.ownDepartement }]
      : [];
  const inside =
    territory.length === 0 ||
    territory.some((t) => (t.kind === 'commune' ? t.code === f.site.communeCode : t.code === f.site.departement));
  if (!inside) {
    return {
      ok: false,
      code: 'site_outside_territory',
      message: `Le lieu d’intervention (${f.site.communeName ?? f.site.communeCode}) est hors du territoire de la convention de l’association (article R5132-19 du Code du travail).`,
    };
  }
  for (const rome of f.romeCodes) {
    const why = dangerousWork(rome);
    if (why) {
      return {
        ok: false,
        code: 'dangerous_job',
        message: `Le métier ${rome} relève des travaux particulièrement dangereux interdits en mise à disposition : ${why}.`,
      };
    }
  }
  return { ok: true };
}

/**
 * R5132-20: a contract with a user that is a company by legal form (for-profit care homes and SA d'HLM
 * included, whatever its sector kind) states the pay of an equivalent employee; "to be specified" cannot be
 * signed. Null: nothing missing.
 */
export function equivalentPayProblem(o: {
  clientName: string;
  legalForm: string | null;
  equivalentPayCents: number | null;
}): { code: 'equivalent_pay_required'; message: string } | null {
  if (!isCompanyByLegalForm(o.legalForm) || (o.equivalentPayCents !== null && o.equivalentPayCents > 0)) return null;
  return {
    code: 'equivalent_pay_required',
    message: `${o.clientName} est une entreprise : le contrat de mise à disposition doit indiquer la rémunération d’un salarié de qualification équivalente avant d’être signé (art. R5132-20 du Code du travail). Renseignez le salaire horaire équivalent sur le devis ou le contrat.`,
  };
}
