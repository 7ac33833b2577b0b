import { Button, Field, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { ActionView } from '@soestainable/shared/api/programme';
import { ACTION_STATUS_LABELS, DIMENSION_LABELS, THEME_LABELS, type LabelMap } from '@soestainable/shared/catalogue/labels';
import { ACTION_STATUSES, DIMENSIONS, THEMES, type Language, type Localized } from '@soestainable/shared/domain/types';
import { hrefFor } from '../../app/router';
import { formatDate, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { filterActions, ownersOf, type ActionFilter } from './model';
import { StatusBadge } from '../../components/StatusBadge';
import { programmeTexts } from './texts';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

function Filter<K extends string>({ label, values, labels, value, onChange }: {
  readonly label: string;
  readonly values: readonly K[];
  readonly labels: LabelMap<K> | undefined;
  readonly value: K | undefined;
  readonly onChange: (value: K | undefined) => void;
}): ReactElement {
  const t = useT();
  return (
    <Field label={label}>
      <Select value={value ?? ''} onChange={(_, data) => onChange(data.value === '' ? undefined : (data.value as K))}>
        <option value="">{t(programmeTexts.filterAll)}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels === undefined ? v : t<Localized>(labels[v])}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The action programme as a list, filterable by theme, dimension, status and owner. */
export function ActionList({ actions, lang }: { readonly actions: readonly ActionView[]; readonly lang: Language }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const [filter, setFilter] = useState<ActionFilter>({});
  // "All" removes the key (exactOptionalPropertyTypes: an absent filter, never one set to undefined).
  const set = <K extends keyof ActionFilter>(key: K) => (value: ActionFilter[K]) =>
    setFilter((f) => {
      const rest = Object.fromEntries(Object.entries(f).filter(([k]) => k !== key)) as ActionFilter;
      return value === undefined ? rest : { ...rest, [key]: value };
    });
  const shown = filterActions(actions, filter);
  const owners = ownersOf(actions, lang);
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t(programmeTexts.filters)}</legend>
        <Filter label={t(programmeTexts.filterTheme)} values={THEMES} labels={THEME_LABELS} value={filter.theme} onChange={set('theme')} />
        <Filter label={t(programmeTexts.filterDimension)} values={DIMENSIONS} labels={DIMENSION_LABELS} value={filter.dimension} onChange={set('dimension')} />
        <Filter label={t(programmeTexts.filterStatus)} values={ACTION_STATUSES} labels={ACTION_STATUS_LABELS} value={filter.status} onChange={set('status')} />
        <Filter label={t(programmeTexts.filterOwner)} values={owners} labels={undefined} value={filter.owner} onChange={set('owner')} />
      </fieldset>
      <div className={styles.summary}>
        <Text role="status">{t(programmeTexts.shownOf, { n: shown.length, count: actions.length })}</Text>
        {filtered ? (
          <Button appearance="subtle" onClick={() => setFilter({})}>
            {t(programmeTexts.clearFilters)}
          </Button>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <Text>{t(programmeTexts.filterNone)}</Text>
      ) : (
        <ul className={styles.list} aria-label={t(programmeTexts.listCaption)}>
          {shown.map((a) => (
            <li key={a.actionId} className={styles.item}>
              <Link className={styles.title} href={hrefFor('programme', 'action', a.actionId)}>
                {localized(a.title, lang)}
              </Link>
              <div className={styles.meta}>
                <StatusBadge status={a.status} />
                <span>{t(THEME_LABELS[a.theme])} · {t(DIMENSION_LABELS[a.dimension])}</span>
                <span>{t(programmeTexts.ownerLine, { owner: a.owner })}</span>
                {a.dueDate === undefined ? null : <span>{t(programmeTexts.colDue)}: {formatDate(lang, a.dueDate)}</span>}
                <span>{t(programmeTexts.colBarriers)}: {a.barrierCount}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
