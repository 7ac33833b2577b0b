import { Checkbox, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import type { BarrierItem, BarriersResponse, RecognitionBody } from '@soestainable/shared/api/barriers';
import { BARRIER_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { ApiClientError, isApiClientError } from '../../api/errors';
import { useApi, useApiCalls } from '../../api/useApi';
import { useLang } from '../../app/context';
import { ApiView, EmptyState, ErrorState } from '../../components/states';
import { PageFrame } from '../../components/PageFrame';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { barriersTexts as T } from './texts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  text: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** One barrier with its "Herken ik" toggle and, once recognised, "laat me weten". */
function Item({ item, onChange }: { readonly item: BarrierItem; readonly onChange: (item: BarrierItem) => void }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);

  const send = async (body: RecognitionBody): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const answer = await apiSend('barriers.recognition.put', { params: { barrierId: item.barrierId }, body });
      onChange(answer.item);
    } catch (err) {
      // A barrier merged or dismissed meanwhile: say so and show it closed (reload shows the list as it is now).
      if (isApiClientError(err) && err.code === 'CONFLICT') onChange({ ...item, open: false });
      setError(isApiClientError(err) ? err : new ApiClientError('BAD_RESPONSE', 0, 'unexpected failure'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item}>
      <Text className={styles.text}>{item.text}</Text>
      <span className={styles.meta}>
        {t(THEME_LABELS[item.theme])} · {t(BARRIER_STATUS_LABELS[item.status])}
        {item.action === null ? null : <> · {t(T.action, { title: localized(item.action, lang) })}</>}
      </span>
      <span className={styles.meta}>{t(T.count, { n: item.recognitions })}</span>
      {item.open || item.mine ? (
        <div className={styles.controls}>
          <ToggleButton checked={item.mine} disabled={busy} appearance={item.mine ? 'primary' : 'secondary'} size="small" onClick={() => void send({ on: !item.mine })}>
            {t(item.mine ? T.recognised : T.recognise)}
          </ToggleButton>
          {item.mine ? <Checkbox checked={item.notify} disabled={busy} label={t(T.notify)} onChange={(_, d) => void send({ on: true, notify: d.checked === true })} /> : null}
        </div>
      ) : (
        <span className={styles.meta}>{t(T.closed)}</span>
      )}
      {error === null ? null : <ErrorState error={error} />}
    </li>
  );
}

function Barriers({ data }: { readonly data: BarriersResponse }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const [items, setItems] = useState(data.items);
  useEffect(() => setItems(data.items), [data]);
  if (items.length === 0) return <EmptyState>{t(T.empty)}</EmptyState>;
  const replace = (next: BarrierItem) => setItems((current) => current.map((i) => (i.barrierId === next.barrierId ? next : i)));
  return (
    <ul className={styles.list} aria-label={t(T.listLabel)}>
      {items.map((item) => (
        <Item key={item.barrierId} item={item} onChange={replace} />
      ))}
    </ul>
  );
}

/**
 * Prikkels (`#/barriers`, every employee who joined): the same list as the bot's `prikkels` card, each barrier with
 * a "Herken ik" toggle and, once recognised, "laat me weten wat ermee gebeurt". Anonymous: a count, never names.
 */
export default function BarriersPage(): ReactElement {
  const t = useT();
  const state = useApi('barriers.get');
  const notEnrolled = isApiClientError(state.error) && state.error.code === 'FORBIDDEN';
  return (
    <PageFrame title={t(T.title)} subtitle={t(T.intro)}>
      {notEnrolled ? <EmptyState>{t(T.notEnrolled)}</EmptyState> : <ApiView state={state}>{(data) => <Barriers data={data} />}</ApiView>}
    </PageFrame>
  );
}
