import {
  Button,
  Field,
  Input,
  Link,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import type { ActionDetailResponse, TimelineEntryView, UpdateActionBody } from '@soestainable/shared/api/programme';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, DIMENSION_LABELS, THEME_LABELS, labelOf } from '@soestainable/shared/catalogue/labels';
import { ACTION_CREATED_NOTE, ACTION_NOTE_MAX, ACTION_OWNER_MAX, nextStatuses } from '@soestainable/shared/domain/programme';
import type { ActionStatus, Language } from '@soestainable/shared/domain/types';
import { ApiClientError, isApiClientError } from '../../api/errors';
import { useApi, useApiCalls } from '../../api/useApi';
import { useLang } from '../../app/context';
import { hrefFor } from '../../app/router';
import { ApiView, useErrorText } from '../../components/states';
import { formatDate, formatInstant, localized } from '../../texts/format';
import { NoticeBar, validation, type Notice } from '../../components/NoticeBar';
import { StatusBadge } from '../../components/StatusBadge';
import { pt } from './texts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 360px)': { gridTemplateColumns: '1fr' },
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  def: { margin: 0, overflowWrap: 'anywhere' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  barrier: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Fields shrink with the 320 px side panel instead of pushing the form wider.
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(12rem, 100%), 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Message = Notice;

/** The text for a failed edit: a stale version and a refused status move get their own explanation. */
function useEditErrorText(): (err: ApiClientError, lang: Language) => string {
  const errorText = useErrorText();
  return (err, lang) => {
    if (err.code === 'STALE') return pt('stale', lang);
    if (err.code === 'VALIDATION_FAILED' && err.details?.['rule'] === 'status_transition') return pt('transitionRefused', lang);
    return errorText(err);
  };
}

function timelineText(entry: TimelineEntryView, lang: Language): string {
  const status = (s: ActionStatus | undefined): string => (s === undefined ? '' : labelOf(ACTION_STATUS_LABELS, s, lang));
  if (entry.kind === 'status' && entry.toStatus !== undefined) {
    return entry.fromStatus === undefined ? pt('statusSet', lang, { to: status(entry.toStatus) }) : pt('statusChange', lang, { from: status(entry.fromStatus), to: status(entry.toStatus) });
  }
  if (entry.kind === 'link') return pt('linked', lang, { n: entry.barrierIds?.length ?? 0 });
  if (entry.text === undefined) return '';
  if (typeof entry.text === 'string') return entry.text === ACTION_CREATED_NOTE ? pt('created', lang) : entry.text;
  return localized(entry.text, lang);
}

/** Runs one change: busy while under way; the coded error (if any) goes to `onError`. */
function useChange(): { readonly busy: boolean; readonly change: <T>(call: () => Promise<T>, onError: (err: ApiClientError) => void) => Promise<T | undefined> } {
  const [busy, setBusy] = useState(false);
  const change = useCallback(async <T,>(call: () => Promise<T>, onError: (err: ApiClientError) => void): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await call();
    } catch (err) {
      onError(isApiClientError(err) ? err : new ApiClientError('BAD_RESPONSE', 0, 'unexpected failure'));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, change };
}

interface EditProps {
  readonly detail: ActionDetailResponse;
  readonly etag: string;
  /** After a change was stored, or refused as stale: the page reloads the action and shows `message`. */
  readonly onDone: (message: Message) => void;
}

/** The coordinator's edit form: status (only the moves allowed from here), owner, due date; sends the ETag. */
function EditForm({ detail, etag, onDone }: EditProps): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const editErrorText = useEditErrorText();
  const { busy, change } = useChange();
  const { action } = detail;
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [owner, setOwner] = useState(action.owner);
  const [due, setDue] = useState(action.dueDate ?? '');
  const [message, setMessage] = useState<Message | null>(null);
  const ownerTrimmed = owner.trim();
  const ownerProblem =
    ownerTrimmed === '' ? pt('ownerRequired', lang) : [...ownerTrimmed].length > ACTION_OWNER_MAX ? pt('tooLong', lang, { max: ACTION_OWNER_MAX }) : undefined;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (ownerProblem !== undefined) return;
    const body: { -readonly [K in keyof UpdateActionBody]: UpdateActionBody[K] } = {};
    if (status !== '') body.status = status;
    if (ownerTrimmed !== action.owner) body.owner = ownerTrimmed;
    if (due !== (action.dueDate ?? '')) body.dueDate = due === '' ? null : due;
    if (Object.keys(body).length === 0) {
      setMessage({ intent: 'warning', text: pt('nothingChanged', lang) });
      return;
    }
    setMessage(null);
    const answer = await change(
      () => apiSend('actions.update', { params: { actionId: action.actionId }, body, etag }),
      (err) => {
        if (err.code === 'STALE') onDone({ intent: 'warning', text: editErrorText(err, lang) });
        else setMessage({ intent: 'error', text: editErrorText(err, lang) });
      },
    );
    if (answer !== undefined) onDone({ intent: 'success', text: pt('saved', lang) });
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={pt('edit', lang)}>
      <h3 className={styles.h2}>{pt('edit', lang)}</h3>
      <div className={styles.row}>
        <Field label={pt('newStatus', lang)}>
          <Select value={status} onChange={(_, data) => setStatus(data.value as ActionStatus | '')}>
            <option value="">{pt('keepStatus', lang)}</option>
            {nextStatuses(action.status).map((s) => (
              <option key={s} value={s}>
                {labelOf(ACTION_STATUS_LABELS, s, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={pt('ownerField', lang)} required {...validation(ownerProblem)}>
          <Input value={owner} onChange={(_, data) => setOwner(data.value)} />
        </Field>
        <Field label={pt('dueField', lang)}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy || ownerProblem !== undefined}>
          {busy ? pt('saving', lang) : pt('save', lang)}
        </Button>
      </div>
      <NoticeBar notice={message} />
    </form>
  );
}

/** A coordinator's note on the timeline. */
function NoteForm({ actionId, onDone }: { readonly actionId: string; readonly onDone: (message: Message) => void }): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const errorText = useErrorText();
  const { busy, change } = useChange();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const trimmed = text.trim();
  const tooLong = [...trimmed].length > ACTION_NOTE_MAX;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (trimmed === '') {
      setMessage({ intent: 'warning', text: pt('noteRequired', lang) });
      return;
    }
    if (tooLong) return;
    setMessage(null);
    const answer = await change(
      () => apiSend('actions.note', { params: { actionId }, body: { text: trimmed } }),
      (err) => setMessage({ intent: 'error', text: errorText(err) }),
    );
    if (answer !== undefined) {
      setText('');
      onDone({ intent: 'success', text: pt('noteAdded', lang) });
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={pt('note', lang)}>
      <h3 className={styles.h2}>{pt('note', lang)}</h3>
      <Field
        label={pt('noteField', lang)}
        {...validation(tooLong ? pt('tooLong', lang, { max: ACTION_NOTE_MAX }) : undefined)}
      >
        <Textarea value={text} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy || tooLong}>
          {busy ? pt('saving', lang) : pt('addNote', lang)}
        </Button>
      </div>
      <NoticeBar notice={message} />
    </form>
  );
}

function Detail({ detail, etag, reload }: { readonly detail: ActionDetailResponse; readonly etag: string; readonly reload: () => void }): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  const [notice, setNotice] = useState<Message | null>(null);
  const { action, barriers, timeline, canEdit } = detail;
  const done = (message: Message): void => {
    setNotice(message);
    reload();
  };
  const description = localized(action.description, lang);
  return (
    <div className={styles.stack}>
      <NoticeBar notice={notice} />
      <dl className={styles.facts}>
        <dt className={styles.term}>{pt('status', lang)}</dt>
        <dd className={styles.def}>
          <StatusBadge status={action.status} lang={lang} />
        </dd>
        <dt className={styles.term}>{pt('owner', lang)}</dt>
        <dd className={styles.def}>{action.owner}</dd>
        <dt className={styles.term}>{pt('dueDate', lang)}</dt>
        <dd className={styles.def}>{action.dueDate === undefined ? pt('noDueDate', lang) : formatDate(lang, action.dueDate)}</dd>
        <dt className={styles.term}>{pt('theme', lang)}</dt>
        <dd className={styles.def}>{labelOf(THEME_LABELS, action.theme, lang)}</dd>
        <dt className={styles.term}>{pt('dimension', lang)}</dt>
        <dd className={styles.def}>{labelOf(DIMENSION_LABELS, action.dimension, lang)}</dd>
        {description === '' ? null : (
          <>
            <dt className={styles.term}>{pt('description', lang)}</dt>
            <dd className={styles.def}>{description}</dd>
          </>
        )}
      </dl>
      {canEdit ? <EditForm key={etag} detail={detail} etag={etag} onDone={done} /> : null}
      <section aria-label={pt('barriers', lang)} className={styles.stack}>
        <h3 className={styles.h2}>{pt('barriers', lang)}</h3>
        {barriers.length === 0 ? (
          <Text>{pt('noBarriers', lang)}</Text>
        ) : (
          <ul className={styles.list}>
            {barriers.map((b) => (
              <li key={b.barrierId} className={styles.barrier}>
                <Text>{b.text}</Text>
                <div className={styles.meta}>
                  {b.reference} · {labelOf(BARRIER_STATUS_LABELS, b.status, lang)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={pt('timeline', lang)} className={styles.stack}>
        <h3 className={styles.h2}>{pt('timeline', lang)}</h3>
        {timeline.length === 0 ? (
          <Text>{pt('noTimeline', lang)}</Text>
        ) : (
          <ol className={styles.list}>
            {timeline.map((entry) => (
              <li key={entry.updateId}>
                <div className={styles.meta}>
                  <time dateTime={entry.at}>{formatInstant(lang, entry.at)}</time>
                </div>
                <Text>{timelineText(entry, lang)}</Text>
              </li>
            ))}
          </ol>
        )}
      </section>
      {canEdit ? <NoteForm actionId={action.actionId} onDone={done} /> : null}
    </div>
  );
}

/** One action: owner, status, due date, linked barriers, its timeline, and the coordinator's edits. */
export function ActionDetail({ actionId }: { readonly actionId: string }): ReactElement {
  const lang = useLang();
  const state = useApi('actions.get', { params: { actionId } });
  return (
    <>
      <Link href={hrefFor('programme')}>{pt('back', lang)}</Link>
      <ApiView state={state}>
        {(detail) => (
          <>
            <h2>{localized(detail.action.title, lang)}</h2>
            <Detail detail={detail} etag={state.etag ?? detail.action.etag} reload={state.reload} />
          </>
        )}
      </ApiView>
    </>
  );
}
