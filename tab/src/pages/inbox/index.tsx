import {
  Badge,
  Button,
  Checkbox,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import type { InboxBarrier, InboxGroup, InboxResponse, TRIAGE_BARRIERS_MAX as CONTRACT_MAX } from '@soestainable/shared/api/inbox';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { THEMES, type Language } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { hrefFor } from '../../app/router';
import { ApiView, EmptyState } from '../../components/states';
import { PageFrame } from '../../components/PageFrame';
import { amsterdamDay, formatDate } from '../../texts/format';
import { useT } from '../../texts/useT';
import { NoticeBar } from '../../components/NoticeBar';
import { inboxTexts } from './texts';
import { TriageDialog } from './TriageDialog';
import { useTriage } from './useTriage';

const useStyles = makeStyles({
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  counts: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  countBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // The triage bar stays in reach while scrolling a long inbox (also in the 320 px side panel).
  toolbar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  barrier: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingLeft: tokens.spacingHorizontalXXL },
});

/**
 * How many barriers one triage call may handle. A value import from the contract would bring zod into this
 * chunk (about 45 kB gzip), so the literal is repeated here and its type ties it to the contract: when the
 * contract's number changes, this line stops compiling.
 */
const TRIAGE_BARRIERS_MAX: typeof CONTRACT_MAX = 50;

function GroupView({ group, lang, selected, toggle }: {
  readonly group: InboxGroup;
  readonly lang: Language;
  readonly selected: ReadonlySet<string>;
  readonly toggle: (ids: readonly string[], on: boolean) => void;
}): ReactElement {
  const t = useT();
  const styles = useStyles();
  const ids = group.barriers.map((b) => b.barrierId);
  const chosen = ids.filter((id) => selected.has(id)).length;
  const heading = t(inboxTexts.groupHeading, { theme: t(THEME_LABELS[group.theme]), team: group.teamName, n: group.count });
  return (
    <section className={styles.group} aria-label={heading}>
      <div className={styles.groupHead}>
        <h3 className={styles.h3}>{heading}</h3>
        <Checkbox
          checked={chosen === 0 ? false : chosen === ids.length ? true : 'mixed'}
          onChange={(_, d) => toggle(ids, d.checked === true)}
          aria-label={t(inboxTexts.selectGroup, { theme: t(THEME_LABELS[group.theme]), team: group.teamName })}
        />
      </div>
      <ul className={styles.list}>
        {group.barriers.map((b) => (
          <li key={b.barrierId} className={styles.barrier}>
            <Checkbox checked={selected.has(b.barrierId)} onChange={(_, d) => toggle([b.barrierId], d.checked === true)} label={b.text} />
            <span className={styles.meta}>
              {b.reference} · {formatDate(lang, amsterdamDay(b.createdAt))}
              {b.recognitions === 0 ? null : <> · {t(inboxTexts.recognitions, { n: b.recognitions })}</>}
              {b.pendingActionId === undefined ? null : <> · {t(inboxTexts.pending)}</>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Inbox({ data, reload }: { readonly data: InboxResponse; readonly reload: () => void }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const barriers = useMemo(() => new Map(data.groups.flatMap((g) => g.barriers.map((b) => [b.barrierId, b] as const))), [data]);
  // A reload may have removed barriers someone else triaged: only ids still in the inbox count as selected.
  const chosen = [...selected].map((id) => barriers.get(id)).filter((b): b is InboxBarrier => b !== undefined);
  const n = chosen.length;
  const tooMany = n > TRIAGE_BARRIERS_MAX;
  const flow = useTriage({ data, reload }, chosen, barriers, setSelected, lang);
  const { open, notice } = flow;

  const toggle = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  if (data.total === 0) {
    return (
      <>
        <NoticeBar notice={notice} />
        <EmptyState>{t(inboxTexts.empty)}</EmptyState>
        <Link href={hrefFor('programme')}>{t(inboxTexts.openProgramme)}</Link>
      </>
    );
  }

  return (
    <>
      <div className={styles.summary}>
        <div className={styles.countBlock}>
          <h2 className={styles.h2}>{t(inboxTexts.newCount, { count: data.total })}</h2>
        </div>
        <div className={styles.countBlock}>
          <Text weight="semibold">{t(inboxTexts.byTheme)}</Text>
          <ul className={styles.counts} aria-label={t(inboxTexts.byTheme)}>
            {THEMES.map((th) => (
              <li key={th}>
                <Badge appearance="outline" shape="rounded">
                  {t(THEME_LABELS[th])}: {data.byTheme[th]}
                </Badge>
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.countBlock}>
          <Text weight="semibold">{t(inboxTexts.byTeam)}</Text>
          <ul className={styles.counts} aria-label={t(inboxTexts.byTeam)}>
            {data.byTeam.map((team) => (
              <li key={team.teamId}>
                <Badge appearance="outline" shape="rounded">
                  {team.teamName}: {team.count}
                </Badge>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className={styles.toolbar} role="toolbar" aria-label={t(inboxTexts.actionsLabel)}>
        <Text role="status">{n === 0 ? t(inboxTexts.noneSelected) : tooMany ? t(inboxTexts.tooMany, { max: TRIAGE_BARRIERS_MAX }) : t(inboxTexts.selected, { n })}</Text>
        <Button appearance="primary" disabled={n === 0 || tooMany} size="small" onClick={() => open('link')}>
          {t(inboxTexts.link)}
        </Button>
        <Button disabled={n === 0 || tooMany} size="small" onClick={() => open('create')}>
          {t(inboxTexts.create)}
        </Button>
        <Button disabled={n < 2 || tooMany} size="small" onClick={() => open('merge')} title={n < 2 ? t(inboxTexts.mergeNeedsTwo) : undefined}>
          {t(inboxTexts.merge)}
        </Button>
        <Button disabled={n === 0 || tooMany} size="small" onClick={() => open('dismiss')}>
          {t(inboxTexts.dismiss)}
        </Button>
        {n === 0 ? null : (
          <Button size="small" appearance="subtle" onClick={() => setSelected(new Set())}>
            {t(inboxTexts.clearSelection)}
          </Button>
        )}
      </div>
      <NoticeBar notice={notice} />
      <div className={styles.groups}>
        {data.groups.map((g) => (
          <GroupView key={`${g.theme}|${g.teamId}`} group={g} lang={lang} selected={selected} toggle={toggle} />
        ))}
      </div>
      {flow.dialog === null ? null : (
        <TriageDialog
          kind={flow.dialog.kind}
          lang={lang}
          selected={chosen}
          actions={data.actions}
          busy={flow.busy}
          error={flow.error}
          warning={flow.warning}
          draft={flow.dialog.draft}
          onConfirm={flow.confirm}
          onCancel={flow.close}
        />
      )}
    </>
  );
}

/**
 * The barrier inbox (`#/inbox`, coordinators): new barriers, anonymous, grouped by theme and team with counts;
 * select one or several and link them to an action, create an action from them, merge duplicates or dismiss
 * them with a reason. The shell shows other roles a "not for your role" note; the API refuses them too.
 */
export default function InboxPage(): ReactElement {
  const t = useT();
  const state = useApi('inbox.get');
  return (
    <PageFrame title={t(inboxTexts.title)} subtitle={t(inboxTexts.intro)}>
      <ApiView state={state}>{(data) => <Inbox data={data} reload={state.reload} />}</ApiView>
    </PageFrame>
  );
}
