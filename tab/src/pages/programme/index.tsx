import { Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ActionView } from '@soestainable/shared/api/programme';
import type { Language } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang, useSession } from '../../app/context';
import type { PageProps } from '../../app/pages';
import { hrefFor } from '../../app/router';
import { ApiView, EmptyState } from '../../components/states';
import { PageFrame } from '../../components/PageFrame';
import { StatusBadge } from '../../components/StatusBadge';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { ActionDetail } from './ActionDetail';
import { ActionList } from './ActionList';
import { Kansenkaart } from './Kansenkaart';
import { programmeTexts } from './texts';
import { YouSaid } from './YouSaid';

/**
 * The views are addresses of their own, so they are links (with `aria-current`), not ARIA tabs without panels.
 * They wrap in the 320 px side panel.
 */
const useStyles = makeStyles({
  views: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  view: {
    display: 'inline-block',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  mine: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  mineHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  mineList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mineItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

/** "Mijn acties": shown only to someone who owns actions as a participant (issue 16); they update them in the chat. */
function MyActions({ actions, lang }: { readonly actions: readonly ActionView[]; readonly lang: Language }): ReactElement | null {
  const t = useT();
  const styles = useStyles();
  const { userId } = useSession();
  const mine = actions.filter((a) => a.ownerUserId === userId);
  if (mine.length === 0) return null;
  return (
    <section className={styles.mine} aria-labelledby="my-actions">
      <h2 id="my-actions" className={styles.mineHeading}>
        {t(programmeTexts.mine)}
      </h2>
      <Text>{t(programmeTexts.mineIntro)}</Text>
      <ul className={styles.mineList}>
        {mine.map((a) => (
          <li key={a.actionId} className={styles.mineItem}>
            <Link href={hrefFor('programme', 'action', a.actionId)}>{localized(a.title, lang)}</Link>
            <StatusBadge status={a.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const VIEW_TEXT = { map: 'tabMap', list: 'tabList', yousaid: 'tabYouSaid' } as const;

/** The page's views, each with its own address: `#/programme`, `#/programme/list`, `#/programme/yousaid`. */
type View = 'map' | 'list' | 'yousaid';

export type ProgrammeRoute = { readonly view: View } | { readonly view: 'action'; readonly actionId: string };

export function programmeRoute(rest: readonly string[]): ProgrammeRoute {
  const [first, second] = rest;
  if (first === 'action' && second !== undefined && second !== '') return { view: 'action', actionId: second };
  if (first === 'list' || first === 'yousaid') return { view: first };
  return { view: 'map' };
}

function hrefOf(view: View): string {
  return view === 'map' ? hrefFor('programme') : hrefFor('programme', view);
}

function Programme({ view }: { readonly view: 'map' | 'list' }): ReactElement {
  const t = useT();
  const lang = useLang();
  const state = useApi('programme.get');
  return (
    <ApiView state={state}>
      {(data) =>
        data.actions.length === 0 ? (
          <EmptyState>{t(programmeTexts.empty)}</EmptyState>
        ) : (
          <>
            <MyActions actions={data.actions} lang={lang} />
            {view === 'map' ? <Kansenkaart map={data.kansenkaart} actions={data.actions} lang={lang} /> : <ActionList actions={data.actions} lang={lang} />}
          </>
        )
      }
    </ApiView>
  );
}

/**
 * The action programme (`#/programme`): the kansenkaart, the filterable list, "you said, we did", and one
 * action's detail (`#/programme/action/<id>`), where coordinators edit. Everyone signed in reads it.
 */
export default function ProgrammePage({ rest }: PageProps): ReactElement {
  const t = useT();
  const current = programmeRoute(rest);
  const styles = useStyles();
  return (
    <PageFrame title={t(programmeTexts.title)} subtitle={t(programmeTexts.intro)}>
      {current.view === 'action' ? (
        <ActionDetail actionId={current.actionId} />
      ) : (
        <>
          <nav aria-label={t(programmeTexts.tabs)}>
            <ul className={styles.views}>
              {(Object.keys(VIEW_TEXT) as View[]).map((v) => (
                <li key={v}>
                  <a href={hrefOf(v)} aria-current={current.view === v ? 'page' : undefined} className={mergeClasses(styles.view, current.view === v && styles.current)}>
                    {t(programmeTexts[VIEW_TEXT[v]])}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {current.view === 'yousaid' ? <YouSaid /> : <Programme view={current.view} />}
        </>
      )}
    </PageFrame>
  );
}
