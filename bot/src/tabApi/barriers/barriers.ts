import { recognitionBodySchema, type BarrierItem, type BarriersResponse, type RecognitionResponse } from '@soestainable/shared/api/barriers';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { itemsByIds, personalBoard, toggleRecognition, type BoardItem } from '../../services/recognition/board';
import { ApiError, type Principal, type TabApiContext } from '../http';
import { orgOf, parseBody } from '../request';

/** "Herken ik" in the tab (contract: shared/src/api/barriers.ts): the bot's list and its one way to recognise. */

async function joinedCaller(ctx: TabApiContext, principal: Principal): Promise<Participant> {
  const p = await ctx.repos.participants.get(principal.userId);
  if (!isJoined(p)) throw new ApiError('FORBIDDEN', 'Join the challenge in the bot first.', { rule: 'not_enrolled' });
  return p;
}

function itemOf(b: BoardItem): BarrierItem {
  return { barrierId: b.barrierId, text: b.text, theme: b.theme, status: b.status, action: b.action ?? null, recognitions: b.count, mine: b.mine, notify: b.notify, open: b.open };
}

export async function getBarriers(ctx: TabApiContext, principal: Principal): Promise<BarriersResponse> {
  const p = await joinedCaller(ctx, principal);
  return { items: (await personalBoard(ctx.repos, orgOf(ctx), p)).map(itemOf) };
}

export async function putRecognition(ctx: TabApiContext, principal: Principal, barrierId: string, body: unknown): Promise<RecognitionResponse> {
  const input = parseBody(recognitionBodySchema, body);
  const p = await joinedCaller(ctx, principal);
  const org = orgOf(ctx);
  if (!input.on && input.notify !== undefined) throw new ApiError('VALIDATION_FAILED', 'notify goes with on: true only.', { issues: [{ path: 'notify', rule: 'only_with_on' }] });
  const outcome = await toggleRecognition(ctx.repos, org, p, { barrierId, on: input.on, ...(input.notify === undefined ? {} : { notify: input.notify }) });
  if (outcome.kind === 'missing') throw new ApiError('NOT_FOUND', 'There is no such barrier.', { barrierId });
  if (outcome.kind === 'closed') throw new ApiError('CONFLICT', 'This barrier can no longer be recognised.', { barrierId, status: outcome.status });
  const [item] = await itemsByIds(ctx.repos, org, p.userId, [barrierId]);
  if (!item) throw new ApiError('NOT_FOUND', 'There is no such barrier.', { barrierId });
  return { outcome: outcome.kind, item: itemOf(item) };
}
