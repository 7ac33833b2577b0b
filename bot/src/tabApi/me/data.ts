import { deleteMeBodySchema, type DeleteMeResponse } from '@soestainable/shared/api/me';
import { eraseStoredData } from '../../services/personalData/erasure';
import { EXPORT_FILE_NAME, exportDocument } from '../../services/personalData/exportDocument';
import { readStoredData } from '../../services/personalData/storedData';
import type { Principal } from '../http';
import { invalid } from '../request';
import type { RouteAnswer } from '../routes';
import type { MeContext } from './context';

/** `GET /api/me/export`: everything stored about the caller, the same document as the bot's "mijn gegevens" download. */
export async function getExport(ctx: MeContext, principal: Principal): Promise<RouteAnswer<'me.export.get'>> {
  const data = await readStoredData(ctx.repos, ctx.orgId, principal.userId);
  ctx.logger.info('data export served', { via: 'tab', checkIns: data.checkIns.length, surveys: data.surveys.length });
  return {
    body: exportDocument(data, ctx.now()),
    headers: { 'Content-Disposition': `attachment; filename="${EXPORT_FILE_NAME}"`, 'Referrer-Policy': 'no-referrer' },
  };
}

/** `DELETE /api/me`: erases everything personal, only with `{"confirm": true}`; team totals stay. */
export async function deleteMe(ctx: MeContext, body: unknown, principal: Principal): Promise<RouteAnswer<'me.delete'>> {
  const confirmed = deleteMeBodySchema.safeParse(body ?? {});
  if (!confirmed.success) throw invalid('confirm', 'confirm_required', 'Deleting your data is final: send {"confirm": true}.');
  const counts = await eraseStoredData(ctx.repos, ctx.orgId, principal.userId);
  ctx.logger.info('personal data erased', { via: 'tab', ...counts });
  const deleted: DeleteMeResponse = {
    deleted: {
      profile: counts.profile,
      checkIns: counts.checkIns,
      surveys: counts.surveys,
      pledges: counts.pledges,
      followUps: counts.followUps,
      reports: counts.barriers + counts.ideas,
      recognitions: counts.recognitions,
      ownedActions: counts.ownedActions,
      conversationRefs: counts.conversationRefs,
      teamCards: counts.teamCards,
      managedTeams: counts.managedTeams,
    },
  };
  return { body: deleted };
}
