import { validationFailed } from '../../http/errors.js';
import { parisToday } from '../calendar/paris-time.js';
import { findTemplate } from './pathway-templates.js';
import { pathwaySteps, pathways } from './schema.js';
import { inSupportFile, type SupportFileBase } from './write-in-support-file.js';

/** Starts a pathway from a template: its steps are copied, the first one in progress. */
export async function startPathway(o: SupportFileBase & { template: string; startedOn?: string }) {
  const template = findTemplate(o.template);
  if (!template) throw validationFailed([{ path: 'template', message: 'Ce modèle de parcours n’existe pas.' }]);
  return inSupportFile(o, 'support.pathway.start', async (tx) => {
    const [p] = await tx
      .insert(pathways)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        template: template.key,
        title: template.title,
        startedOn: o.startedOn ?? parisToday(),
      })
      .returning();
    const steps = [];
    for (const [i, s] of template.steps.entries()) {
      const [row] = await tx
        .insert(pathwaySteps)
        .values({
          organisationId: o.actor.organisationId,
          pathwayId: p.id,
          position: i + 1,
          kind: s.kind,
          label: s.label,
          status: i === 0 ? 'in_progress' : 'todo',
        })
        .returning();
      steps.push({
        id: row.id,
        position: row.position,
        kind: row.kind,
        label: row.label,
        status: row.status,
        doneOn: row.doneOn,
      });
    }
    return { id: p.id, template: p.template, title: p.title, startedOn: p.startedOn, steps };
  });
}
