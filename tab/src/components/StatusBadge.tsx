import { Badge } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { ACTION_STATUS_LABELS } from '@soestainable/shared/catalogue/labels';
import type { ActionStatus } from '@soestainable/shared/domain/types';
import { useT } from '../texts/useT';

/** Badge colours (Fluent's own palette, so every theme and high contrast are handled by Fluent). */
const STATUS_COLOUR: Readonly<Record<ActionStatus, 'informative' | 'brand' | 'warning' | 'success' | 'subtle'>> = {
  idee: 'informative',
  gepland: 'brand',
  in_uitvoering: 'warning',
  gerealiseerd: 'success',
  geparkeerd: 'subtle',
};

/** An action's status as a labelled badge (the label is the text, so colour never carries meaning alone). */
export function StatusBadge({ status }: { readonly status: ActionStatus }): ReactElement {
  const t = useT();
  return (
    <Badge appearance="tint" shape="rounded" color={STATUS_COLOUR[status]}>
      {t(ACTION_STATUS_LABELS[status])}
    </Badge>
  );
}
