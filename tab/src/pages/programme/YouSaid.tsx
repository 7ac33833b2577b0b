import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { YouSaidBarrier } from '@soestainable/shared/api/programme';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { hrefFor } from '../../app/router';
import { ApiView, EmptyState } from '../../components/states';
import { StatusBadge } from '../../components/StatusBadge';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { programmeTexts } from './texts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  entry: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  quotes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

function Quotes({ barriers }: { readonly barriers: readonly YouSaidBarrier[] }): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <ul className={styles.quotes}>
      {barriers.map((b) => (
        <li key={b.reference}>
          <blockquote className={styles.quote}>{b.text}</blockquote>
          <div className={styles.meta}>
            {b.reference} · {t(THEME_LABELS[b.theme])}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** "You said, we did": the barriers people reported, beside the action that removes them. */
export function YouSaid(): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const state = useApi('yousaid.get');
  return (
    <ApiView state={state}>
      {(data) =>
        data.entries.length === 0 && data.solvedElsewhere.length === 0 ? (
          <EmptyState>{t(programmeTexts.youSaidEmpty)}</EmptyState>
        ) : (
          <>
            <Text>{t(programmeTexts.youSaidIntro)}</Text>
            <ul className={styles.list} aria-label={t(programmeTexts.tabYouSaid)}>
              {data.entries.map((e) => (
                <li key={e.action.actionId} className={styles.entry}>
                  <section className={styles.column} aria-label={t(programmeTexts.youSaid)}>
                    <h3 className={styles.h3}>{t(programmeTexts.youSaid)}</h3>
                    <Quotes barriers={e.barriers} />
                  </section>
                  <section className={styles.column} aria-label={t(programmeTexts.weDid)}>
                    <h3 className={styles.h3}>{t(programmeTexts.weDid)}</h3>
                    <Link className={styles.title} href={hrefFor('programme', 'action', e.action.actionId)}>
                      {localized(e.action.title, lang)}
                    </Link>
                    {localized(e.action.description, lang) === '' ? null : <Text>{localized(e.action.description, lang)}</Text>}
                    <div>
                      <StatusBadge status={e.action.status} />
                    </div>
                    <Text className={styles.meta}>{t(programmeTexts.ownerLine, { owner: e.action.owner })}</Text>
                  </section>
                </li>
              ))}
            </ul>
            {data.solvedElsewhere.length === 0 ? null : (
              <section aria-label={t(programmeTexts.solvedElsewhere)} className={styles.column}>
                <h3 className={styles.h3}>{t(programmeTexts.solvedElsewhere)}</h3>
                <Quotes barriers={data.solvedElsewhere} />
              </section>
            )}
          </>
        )
      }
    </ApiView>
  );
}
