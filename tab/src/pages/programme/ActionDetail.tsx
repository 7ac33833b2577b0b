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
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, DIMENSION_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { ACTION_CREATED_NOTE, ACTION_NOTE_MAX, ACTION_OWNER_MAX, nextStatuses } from '@soestainable/shared/domain/programme';
import type { ActionStatus, Language } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import { ApiClientError, isApiClientError } from '../../api/errors';
import { useApi, useApiCalls } from '../../api/useApi';
import { useLang } from '../../app/context';
import { hrefFor } from '../../app/router';
import { ApiView, useErrorText } from '../../components/states';
import { formatDate, formatInstant, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { NoticeBar, validation, type Notice } from '../../components/NoticeBar';
import { StatusBadge } from '../../components/StatusBadge';
import { programmeTexts } from './texts';

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
function useEditErrorText(): (err: ApiClientError) => string {
  const t = useT();
  const errorText = useErrorText();
  return (err) => {
    if (err.code === 'STALE') return t(programmeTexts.stale);
    if (err.code === 'VALIDATION_FAILED' && err.details?.['rule'] === 'status_transition') return t(programmeTexts.transitionRefused);
    return errorText(err);
  };
}

function timelineText(entry: TimelineEntryView, lang: Language, t: TFunction): string {
  const status = (s: ActionStatus | undefined): string => (s === undefined ? '' : t(ACTION_STATUS_LABELS[s]));
  if (entry.kind === 'status' && entry.toStatus !== undefined) {
    return entry.fromStatus === undefined ? t(programmeTexts.statusSet, { to: status(entry.toStatus) }) : t(programmeTexts.statusChange, { from: status(entry.fromStatus), to: status(entry.toStatus) });
  }
  if (entry.kind === 'link') return t(programmeTexts.linked, { count: entry.barrierIds?.length ?? 0 });
  if (entry.text === undefined) return '';
  if (typeof entry.text === 'string') return entry.text === ACTION_CREATED_NOTE ? t(programmeTexts.created) : entry.text;
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

/**
 * The owner as a person in the app: a participant of the organisation (the people list the admin pickers use), or
 * nobody (the free-text name only). Without the list (it failed to load) the picker is left out and nothing changes.
 */
function OwnerPersonField({ value, onChange }: { readonly value: string; readonly onChange: (userId: string) => void }): ReactElement | null {
  const t = useT();
  const people = useApi('admin.coordinators.get');
  if (people.data === undefined) return null;
  const options = people.data.people;
  return (
    <Field label={t(programmeTexts.ownerPerson)} hint={t(programmeTexts.ownerPersonHint)}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t(programmeTexts.ownerPersonNone)}</option>
        {value !== '' && !options.some((p) => p.userId === value) ? <option value={value}>{value}</option> : null}
        {options.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.userId} · {p.teamName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The coordinator's edit form: status (only the moves allowed from here), owner (a name, and maybe a participant), due date; sends the ETag. */
function EditForm({ detail, etag, onDone }: EditProps): ReactElement {
  const t = useT();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const editErrorText = useEditErrorText();
  const { busy, change } = useChange();
  const { action } = detail;
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [owner, setOwner] = useState(action.owner);
  const [ownerUserId, setOwnerUserId] = useState(action.ownerUserId ?? '');
  const [due, setDue] = useState(action.dueDate ?? '');
  const [message, setMessage] = useState<Message | null>(null);
  const ownerTrimmed = owner.trim();
  const ownerProblem =
    ownerTrimmed === '' ? t(programmeTexts.ownerRequired) : [...ownerTrimmed].length > ACTION_OWNER_MAX ? t(programmeTexts.tooLong, { max: ACTION_OWNER_MAX }) : undefined;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (ownerProblem !== undefined) return;
    const body: { -readonly [K in keyof UpdateActionBody]: UpdateActionBody[K] } = {};
    if (status !== '') body.status = status;
    if (ownerTrimmed !== action.owner) body.owner = ownerTrimmed;
    if (ownerUserId !== (action.ownerUserId ?? '')) body.ownerUserId = ownerUserId === '' ? null : ownerUserId;
    if (due !== (action.dueDate ?? '')) body.dueDate = due === '' ? null : due;
    if (Object.keys(body).length === 0) {
      setMessage({ intent: 'warning', text: t(programmeTexts.nothingChanged) });
      return;
    }
    setMessage(null);
    const answer = await change(
      () => apiSend('actions.update', { params: { actionId: action.actionId }, body, etag }),
      (err) => {
        if (err.code === 'STALE') onDone({ intent: 'warning', text: editErrorText(err) });
        else setMessage({ intent: 'error', text: editErrorText(err) });
      },
    );
    if (answer !== undefined) onDone({ intent: 'success', text: t(programmeTexts.saved) });
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(programmeTexts.edit)}>
      <h3 className={styles.h2}>{t(programmeTexts.edit)}</h3>
      <div className={styles.row}>
        <Field label={t(programmeTexts.newStatus)}>
          <Select value={status} onChange={(_, data) => setStatus(data.value as ActionStatus | '')}>
            <option value="">{t(programmeTexts.keepStatus)}</option>
            {nextStatuses(action.status).map((s) => (
              <option key={s} value={s}>
                {t(ACTION_STATUS_LABELS[s])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(programmeTexts.ownerField)} required {...validation(ownerProblem)}>
          <Input value={owner} onChange={(_, data) => setOwner(data.value)} />
        </Field>
        <OwnerPersonField value={ownerUserId} onChange={setOwnerUserId} />
        <Field label={t(programmeTexts.dueField)}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy || ownerProblem !== undefined}>
          {busy ? t(programmeTexts.saving) : t(programmeTexts.save)}
        </Button>
      </div>
      <NoticeBar notice={message} />
    </form>
  );
}

/** A coordinator's note on the timeline. */
function NoteForm({ actionId, onDone }: { readonly actionId: string; readonly onDone: (message: Message) => void }): ReactElement {
  const t = useT();
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
      setMessage({ intent: 'warning', text: t(programmeTexts.noteRequired) });
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
      onDone({ intent: 'success', text: t(programmeTexts.noteAdded) });
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(programmeTexts.note)}>
      <h3 className={styles.h2}>{t(programmeTexts.note)}</h3>
      <Field
        label={t(programmeTexts.noteField)}
        {...validation(tooLong ? t(programmeTexts.tooLong, { max: ACTION_NOTE_MAX }) : undefined)}
      >
        <Textarea value={text} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy || tooLong}>
          {busy ? t(programmeTexts.saving) : t(programmeTexts.addNote)}
        </Button>
      </div>
      <NoticeBar notice={message} />
    </form>
  );
}

function Detail({ detail, etag, reload }: { readonly detail: ActionDetailResponse; readonly etag: string; readonly reload: () => void }): ReactElement {
  const t = useT();
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
        <dt className={styles.term}>{t(programmeTexts.status)}</dt>
        <dd className={styles.def}>
          <StatusBadge status={action.status} />
        </dd>
        <dt className={styles.term}>{t(programmeTexts.owner)}</dt>
        <dd className={styles.def}>{action.owner}</dd>
        <dt className={styles.term}>{t(programmeTexts.dueDate)}</dt>
        <dd className={styles.def}>{action.dueDate === undefined ? t(programmeTexts.noDueDate) : formatDate(lang, action.dueDate)}</dd>
        <dt className={styles.term}>{t(programmeTexts.theme)}</dt>
        <dd className={styles.def}>{t(THEME_LABELS[action.theme])}</dd>
        <dt className={styles.term}>{t(programmeTexts.dimension)}</dt>
        <dd className={styles.def}>{t(DIMENSION_LABELS[action.dimension])}</dd>
        {description === '' ? null : (
          <>
            <dt className={styles.term}>{t(programmeTexts.description)}</dt>
            <dd className={styles.def}>{description}</dd>
          </>
        )}
      </dl>
      {canEdit ? <EditForm key={etag} detail={detail} etag={etag} onDone={done} /> : null}
      <section aria-label={t(programmeTexts.barriers)} className={styles.stack}>
        <h3 className={styles.h2}>{t(programmeTexts.barriers)}</h3>
        {barriers.length === 0 ? (
          <Text>{t(programmeTexts.noBarriers)}</Text>
        ) : (
          <ul className={styles.list}>
            {barriers.map((b) => (
              <li key={b.barrierId} className={styles.barrier}>
                <Text>{b.text}</Text>
                <div className={styles.meta}>
                  {b.reference} · {t(BARRIER_STATUS_LABELS[b.status])}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t(programmeTexts.timeline)} className={styles.stack}>
        <h3 className={styles.h2}>{t(programmeTexts.timeline)}</h3>
        {timeline.length === 0 ? (
          <Text>{t(programmeTexts.noTimeline)}</Text>
        ) : (
          <ol className={styles.list}>
            {timeline.map((entry) => (
              <li key={entry.updateId}>
                <div className={styles.meta}>
                  <time dateTime={entry.at}>{formatInstant(lang, entry.at)}</time>
                </div>
                <Text>{timelineText(entry, lang, t)}</Text>
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
  const t = useT();
  const lang = useLang();
  const state = useApi('actions.get', { params: { actionId } });
  return (
    <>
      <Link href={hrefFor('programme')}>{t(programmeTexts.back)}</Link>
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
