import { Button, Field, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { ActionView } from '@soestainable/shared/api/programme';
import { ACTION_STATUS_LABELS, DIMENSION_LABELS, THEME_LABELS, labelOf, type LabelMap } from '@soestainable/shared/catalogue/labels';
import { ACTION_STATUSES, DIMENSIONS, THEMES, type Language } from '@soestainable/shared/domain/types';
import { hrefFor } from '../../app/router';
import { formatDate, localized } from '../../texts/format';
import { filterActions, ownersOf, type ActionFilter } from './model';
import { StatusBadge } from '../../components/StatusBadge';
import { pt } from './texts';

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

function Filter<K extends string>({ label, lang, values, labels, value, onChange }: {
  readonly label: string;
  readonly lang: Language;
  readonly values: readonly K[];
  readonly labels: LabelMap<K> | undefined;
  readonly value: K | undefined;
  readonly onChange: (value: K | undefined) => void;
}): ReactElement {
  return (
    <Field label={label}>
      <Select value={value ?? ''} onChange={(_, data) => onChange(data.value === '' ? undefined : (data.value as K))}>
        <option value="">{pt('filterAll', lang)}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels === undefined ? v : labelOf(labels, v, lang)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The action programme as a list, filterable by theme, dimension, status and owner. */
export function ActionList({ actions, lang }: { readonly actions: readonly ActionView[]; readonly lang: Language }): ReactElement {
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
        <legend className={styles.legend}>{pt('filters', lang)}</legend>
        <Filter label={pt('filterTheme', lang)} lang={lang} values={THEMES} labels={THEME_LABELS} value={filter.theme} onChange={set('theme')} />
        <Filter label={pt('filterDimension', lang)} lang={lang} values={DIMENSIONS} labels={DIMENSION_LABELS} value={filter.dimension} onChange={set('dimension')} />
        <Filter label={pt('filterStatus', lang)} lang={lang} values={ACTION_STATUSES} labels={ACTION_STATUS_LABELS} value={filter.status} onChange={set('status')} />
        <Filter label={pt('filterOwner', lang)} lang={lang} values={owners} labels={undefined} value={filter.owner} onChange={set('owner')} />
      </fieldset>
      <div className={styles.summary}>
        <Text role="status">{pt('shownOf', lang, { n: shown.length, total: actions.length })}</Text>
        {filtered ? (
          <Button appearance="subtle" onClick={() => setFilter({})}>
            {pt('clearFilters', lang)}
          </Button>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <Text>{pt('filterNone', lang)}</Text>
      ) : (
        <ul className={styles.list} aria-label={pt('listCaption', lang)}>
          {shown.map((a) => (
            <li key={a.actionId} className={styles.item}>
              <Link className={styles.title} href={hrefFor('programme', 'action', a.actionId)}>
                {localized(a.title, lang)}
              </Link>
              <div className={styles.meta}>
                <StatusBadge status={a.status} lang={lang} />
                <span>{labelOf(THEME_LABELS, a.theme, lang)} · {labelOf(DIMENSION_LABELS, a.dimension, lang)}</span>
                <span>{pt('ownerLine', lang, { owner: a.owner })}</span>
                {a.dueDate === undefined ? null : <span>{pt('colDue', lang)}: {formatDate(lang, a.dueDate)}</span>}
                <span>{pt('colBarriers', lang)}: {a.barrierCount}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
