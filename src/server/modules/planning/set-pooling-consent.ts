import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { setOrganisationSetting } from '../settings/set-organisation-setting.js';

/** An AI consents (or stops consenting) to answer its network's requests for replacements. */
export async function setPoolingConsent({ db, actor, enabled }: { db: Db; actor: OrgActor; enabled: boolean }) {
  await setOrganisationSetting({ db, organisationId: actor.organisationId, key: 'poolingConsent', value: enabled });
  await recordAudit({
    db,
    actor,
    action: 'pooling.consent',
    recordType: 'organisation',
    recordId: actor.organisationId,
    details: { enabled },
  });
  return { enabled };
}
