import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CreateFromBarriersBody, DismissBody, InboxActionOption, InboxBarrier, LinkBody, MergeBody } from '@soestainable/shared/api/inbox';
import { ACTION_STATUS_LABELS, DIMENSION_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { ACTION_OWNER_MAX, ACTION_TITLE_MAX, DISMISS_REASON_MAX } from '@soestainable/shared/domain/programme';
import { DIMENSIONS, THEMES, type Dimension, type Language, type Theme } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { validation } from '../../components/NoticeBar';
import { inboxTexts } from './texts';

export type TriageKind = 'link' | 'create' | 'merge' | 'dismiss';

/** The request a dialog confirmed: which endpoint, and its body. */
export type TriageRequest =
  | { readonly kind: 'link'; readonly body: LinkBody }
  | { readonly kind: 'create'; readonly body: CreateFromBarriersBody }
  | { readonly kind: 'merge'; readonly body: MergeBody }
  | { readonly kind: 'dismiss'; readonly body: DismissBody };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalM },
  surface: { maxWidth: 'min(36rem, calc(100vw - 2rem))' },
});

const length = (s: string): number => [...s.trim()].length;

/** A field problem: required and empty, or too long. */
function problem(t: TFunction, value: string, max: number, required: boolean): string | undefined {
  if (required && value.trim() === '') return t(inboxTexts.required);
  if (length(value) > max) return t(inboxTexts.tooLong, { max });
  return undefined;
}

/** A message inside the dialog (what changed under it, or the server's refusal), read out when it appears. */
function Alert({ intent, text }: { readonly intent: 'warning' | 'error'; readonly text: string | null }): ReactElement | null {
  if (text === null) return null;
  return (
    <div role="alert">
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </div>
  );
}

export interface TriageDialogProps {
  readonly kind: TriageKind;
  readonly lang: Language;
  readonly selected: readonly InboxBarrier[];
  readonly actions: readonly InboxActionOption[];
  readonly busy: boolean;
  /** The server's refusal, in the user's language, shown inside the dialog. */
  readonly error: string | null;
  /** What changed under the dialog (another coordinator was first), shown above its buttons. */
  readonly warning: string | null;
  /** A request of this kind that could not be finished: its fields fill the form again. */
  readonly draft: TriageRequest | null;
  readonly onConfirm: (request: TriageRequest) => void;
  readonly onCancel: () => void;
}

/**
 * One triage step's confirmation: what to link to, the new action's fields, which barrier stays when merging,
 * or the reason to dismiss. Checks the fields before anything is sent.
 */
export function TriageDialog({ kind, lang, selected, actions, busy, error, warning, draft, onConfirm, onCancel }: TriageDialogProps): ReactElement {
  const styles = useStyles();
  const t = useT();
  const ids = selected.map((b) => b.barrierId);
  const n = selected.length;
  const firstTheme: Theme = selected[0]?.theme ?? 'circulariteit';
  const created = draft?.kind === 'create' ? draft.body.action : undefined;
  const [chosenAction, setActionId] = useState(
    draft?.kind === 'link' ? draft.body.actionId : (selected.find((b) => b.pendingActionId !== undefined)?.pendingActionId ?? ''),
  );
  const [titleNl, setTitleNl] = useState(created?.title.nl ?? '');
  const [titleEn, setTitleEn] = useState(created?.title.en ?? '');
  const [theme, setTheme] = useState<Theme>(created?.theme ?? firstTheme);
  const [dimension, setDimension] = useState<Dimension>(created?.dimension ?? 'uitvoering');
  const [owner, setOwner] = useState(created?.owner ?? '');
  const [due, setDue] = useState(created?.dueDate ?? '');
  const [chosenInto, setInto] = useState(draft?.kind === 'merge' ? draft.body.intoBarrierId : (ids[0] ?? ''));
  const [reason, setReason] = useState(draft?.kind === 'dismiss' ? draft.body.reason : '');
  const [touched, setTouched] = useState(false);
  // The selection and the actions can change under an open dialog (a reload after a conflict): a choice that
  // is no longer offered counts as not made, so nothing gone is ever sent.
  const actionId = actions.some((a) => a.actionId === chosenAction) ? chosenAction : '';
  const into = ids.includes(chosenInto) ? chosenInto : (ids[0] ?? '');

  const problems = {
    action: kind === 'link' && actionId === '' ? t(inboxTexts.required) : undefined,
    titleNl: kind === 'create' ? problem(t, titleNl, ACTION_TITLE_MAX, true) : undefined,
    titleEn: kind === 'create' ? problem(t, titleEn, ACTION_TITLE_MAX, false) : undefined,
    owner: kind === 'create' ? problem(t, owner, ACTION_OWNER_MAX, true) : undefined,
    reason: kind === 'dismiss' ? problem(t, reason, DISMISS_REASON_MAX, true) : undefined,
  };
  const shown = (p: string | undefined): string | undefined => (touched ? p : undefined);
  const valid = Object.values(problems).every((p) => p === undefined);

  const title =
    kind === 'link' ? t(inboxTexts.linkTitle, { count: n }) : kind === 'create' ? t(inboxTexts.createTitle, { count: n }) : kind === 'merge' ? t(inboxTexts.mergeTitle, { count: n }) : t(inboxTexts.dismissTitle, { count: n });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    if (kind === 'link') onConfirm({ kind, body: { barrierIds: ids, actionId } });
    else if (kind === 'create') {
      const action: CreateFromBarriersBody['action'] = {
        title: { nl: titleNl.trim(), en: titleEn.trim() },
        theme,
        dimension,
        owner: owner.trim(),
        ...(due === '' ? {} : { dueDate: due }),
      };
      onConfirm({ kind, body: { barrierIds: ids, action } });
    } else if (kind === 'merge') onConfirm({ kind, body: { barrierIds: ids.filter((id) => id !== into), intoBarrierId: into } });
    else onConfirm({ kind, body: { barrierIds: ids, reason: reason.trim() } });
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {kind === 'link' ? (
                actions.length === 0 ? (
                  <Text>{t(inboxTexts.noActions)}</Text>
                ) : (
                  <Field label={t(inboxTexts.linkAction)} required {...validation(shown(problems.action))}>
                    <Select value={actionId} onChange={(_, d) => setActionId(d.value)}>
                      <option value="">{t(inboxTexts.linkChoose)}</option>
                      {actions.map((a) => (
                        <option key={a.actionId} value={a.actionId}>
                          {localized(a.title, lang)} · {t(ACTION_STATUS_LABELS[a.status])}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )
              ) : null}
              {kind === 'create' ? (
                <>
                  <Field label={t(inboxTexts.actionTitleNl)} required {...validation(shown(problems.titleNl))}>
                    <Input value={titleNl} onChange={(_, d) => setTitleNl(d.value)} />
                  </Field>
                  <Field label={t(inboxTexts.actionTitleEn)} {...validation(shown(problems.titleEn))}>
                    <Input value={titleEn} onChange={(_, d) => setTitleEn(d.value)} />
                  </Field>
                  <div className={styles.row}>
                    <Field label={t(inboxTexts.theme)}>
                      <Select value={theme} onChange={(_, d) => setTheme(d.value as Theme)}>
                        {THEMES.map((th) => (
                          <option key={th} value={th}>
                            {t(THEME_LABELS[th])}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field label={t(inboxTexts.dimension)}>
                      <Select value={dimension} onChange={(_, d) => setDimension(d.value as Dimension)}>
                        {DIMENSIONS.map((dim) => (
                          <option key={dim} value={dim}>
                            {t(DIMENSION_LABELS[dim])}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                  <div className={styles.row}>
                    <Field label={t(inboxTexts.owner)} required {...validation(shown(problems.owner))}>
                      <Input value={owner} onChange={(_, d) => setOwner(d.value)} />
                    </Field>
                    <Field label={t(inboxTexts.dueDate)}>
                      <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
                    </Field>
                  </div>
                </>
              ) : null}
              {kind === 'merge' ? (
                <Field label={t(inboxTexts.mergeInto)}>
                  <RadioGroup value={into} onChange={(_, d) => setInto(d.value)}>
                    {selected.map((b) => (
                      <Radio key={b.barrierId} value={b.barrierId} label={`${b.reference}: ${b.text}`} />
                    ))}
                  </RadioGroup>
                </Field>
              ) : null}
              {kind === 'dismiss' ? (
                <Field label={t(inboxTexts.reason)} required {...validation(shown(problems.reason))}>
                  <Textarea value={reason} resize="vertical" onChange={(_, d) => setReason(d.value)} />
                </Field>
              ) : null}
              <Alert intent="warning" text={warning} />
              <Alert intent="error" text={error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel} disabled={busy}>
                {t(inboxTexts.cancel)}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy || (kind === 'link' && actions.length === 0)}>
                {busy ? t(inboxTexts.working) : t(inboxTexts.confirm)}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
