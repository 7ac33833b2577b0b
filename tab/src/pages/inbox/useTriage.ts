import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { InboxBarrier, InboxResponse, TriageResponse } from '@soestainable/shared/api/inbox';
import type { Language } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import { ApiClientError, isApiClientError } from '../../api/errors';
import { useApiCalls } from '../../api/useApi';
import { useErrorText } from '../../components/states';
import type { Notice } from '../../components/NoticeBar';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { inboxTexts } from './texts';
import type { TriageKind, TriageRequest } from './TriageDialog';

/** The triage route a confirmed dialog calls, with its body. */
function triage(apiSend: ReturnType<typeof useApiCalls>['apiSend'], request: TriageRequest): Promise<TriageResponse> {
  switch (request.kind) {
    case 'link':
      return apiSend('inbox.link', { body: request.body });
    case 'create':
      return apiSend('inbox.createAction', { body: request.body });
    case 'merge':
      return apiSend('inbox.merge', { body: request.body });
    case 'dismiss':
      return apiSend('inbox.dismiss', { body: request.body });
  }
}

/** What the page says after a triage call succeeded. */
function resultText(request: TriageRequest, answer: TriageResponse, barriers: ReadonlyMap<string, InboxBarrier>, lang: Language, t: TFunction): string {
  if (!answer.changed) return t(inboxTexts.unchanged);
  const n = answer.barriers.length;
  const title = answer.action === undefined ? '' : localized(answer.action.title, lang);
  switch (request.kind) {
    case 'link':
      return t(inboxTexts.linkedCount, { count: n, title });
    case 'create':
      return t(inboxTexts.createdCount, { count: n, title });
    case 'merge':
      return t(inboxTexts.mergedCount, { count: request.body.barrierIds.length, reference: barriers.get(request.body.intoBarrierId)?.reference ?? '' });
    case 'dismiss':
      return t(inboxTexts.dismissedCount, { count: n });
  }
}

/**
 * A triage call another coordinator beat (CONFLICT) or that named something gone (NOT_FOUND): what was sent,
 * from which inbox, and what the refusal named. It waits for the reloaded inbox, which tells which of the sent
 * barriers are handled by now.
 */
interface Conflict {
  readonly before: InboxResponse;
  readonly request: TriageRequest;
  readonly sent: readonly InboxBarrier[];
  /** The barrier the refusal names (handled, listed by another action, or gone), if any. */
  readonly barrierId: string | undefined;
  /** The refusal says the action to link to no longer exists. */
  readonly actionGone: boolean;
}

function conflictFrom(e: ApiClientError, before: InboxResponse, request: TriageRequest, sent: readonly InboxBarrier[]): Conflict | undefined {
  if (e.code !== 'CONFLICT' && e.code !== 'NOT_FOUND') return undefined;
  const barrierId = typeof e.details?.['barrierId'] === 'string' ? e.details['barrierId'] : undefined;
  const actionGone = e.code === 'NOT_FOUND' && typeof e.details?.['actionId'] === 'string';
  return { before, request, sent, barrierId, actionGone };
}

/** What to do once the inbox reloaded after a conflict. */
interface Settled {
  /** The sent barriers handled by now: out of the selection. */
  readonly handled: ReadonlySet<string>;
  /** Too few are left for this step: the dialog closes (its typed fields kept as a draft). */
  readonly closes: boolean;
  readonly text: string;
}

function settle(conflict: Conflict, now: InboxResponse, t: TFunction): Settled {
  const open = new Set(now.groups.flatMap((g) => g.barriers.map((b) => b.barrierId)));
  // The named barrier is handled even when it is still in the inbox (listed by another action: half linked).
  const handled = conflict.sent.filter((b) => !open.has(b.barrierId) || b.barrierId === conflict.barrierId);
  if (handled.length === 0) return { handled: new Set(), closes: false, text: t(conflict.actionGone ? inboxTexts.actionGone : inboxTexts.conflictChanged) };
  const left = conflict.sent.length - handled.length;
  const closes = left < (conflict.request.kind === 'merge' ? 2 : 1);
  const vars = { count: handled.length, references: handled.map((b) => b.reference).join(', ') };
  return { handled: new Set(handled.map((b) => b.barrierId)), closes, text: t(closes ? inboxTexts.conflictNoneLeft : inboxTexts.conflictDropped, vars) };
}

export interface TriageFlow {
  readonly dialog: { readonly kind: TriageKind; readonly draft: TriageRequest | null } | null;
  /** A call is under way, or a refused one waits for the reloaded inbox. */
  readonly busy: boolean;
  readonly error: string | null;
  readonly warning: string | null;
  readonly notice: Notice | null;
  readonly open: (kind: TriageKind) => void;
  readonly close: () => void;
  readonly confirm: (request: TriageRequest) => void;
}

/**
 * The triage dialog's life: open, confirm, the result. When another coordinator was first, the dialog stays
 * open with what was typed, the reloaded inbox tells which chosen barriers are handled, those leave the
 * selection and a warning names them; with too few left the dialog closes and its fields wait as a draft.
 */
export function useTriage(
  inbox: { readonly data: InboxResponse; readonly reload: () => void },
  chosen: readonly InboxBarrier[],
  barriers: ReadonlyMap<string, InboxBarrier>,
  setSelected: Dispatch<SetStateAction<ReadonlySet<string>>>,
  lang: Language,
): TriageFlow {
  const t = useT();
  const errorText = useErrorText();
  const { apiSend } = useApiCalls();
  const [dialog, setDialog] = useState<TriageFlow['dialog']>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [draft, setDraft] = useState<TriageRequest | null>(null);
  const { data, reload } = inbox;

  useEffect(() => {
    if (conflict === null || data === conflict.before) return;
    const settled = settle(conflict, data, t);
    setConflict(null);
    setSelected((current) => new Set([...current].filter((id) => !settled.handled.has(id))));
    if (!settled.closes) {
      setWarning(settled.text);
    } else {
      setDialog(null);
      setDraft(conflict.request);
      setNotice({ intent: 'warning', text: settled.text });
    }
  }, [conflict, data, t, setSelected]);

  const open = (kind: TriageKind): void => {
    setNotice(null);
    setError(null);
    setWarning(null);
    setDialog({ kind, draft: draft?.kind === kind ? draft : null });
    if (draft?.kind === kind) setDraft(null);
  };

  const confirm = async (request: TriageRequest): Promise<void> => {
    setBusy(true);
    setError(null);
    setWarning(null);
    try {
      const answer = await triage(apiSend, request);
      setDialog(null);
      setDraft(null);
      setSelected(new Set());
      setNotice({ intent: answer.changed ? 'success' : 'warning', text: resultText(request, answer, barriers, lang, t) });
      reload();
    } catch (err) {
      const e = isApiClientError(err) ? err : new ApiClientError('BAD_RESPONSE', 0, 'unexpected failure');
      const beaten = conflictFrom(e, data, request, chosen);
      if (beaten === undefined) setError(errorText(e));
      else {
        setConflict(beaten);
        reload();
      }
    } finally {
      setBusy(false);
    }
  };

  return {
    dialog,
    busy: busy || conflict !== null,
    error,
    warning,
    notice,
    open,
    close: () => {
      setDialog(null);
      setConflict(null);
      setWarning(null);
    },
    confirm: (request) => void confirm(request),
  };
}
