import { Badge } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { ACTION_STATUS_LABELS, labelOf } from '@soestainable/shared/catalogue/labels';
import type { ActionStatus, Language } from '@soestainable/shared/domain/types';

/** Badge colours (Fluent's own palette, so every theme and high contrast are handled by Fluent). */
const STATUS_COLOUR: Readonly<Record<ActionStatus, 'informative' | 'brand' | 'warning' | 'success' | 'subtle'>> = {
  idee: 'informative',
  gepland: 'brand',
  in_uitvoering: 'warning',
  gerealiseerd: 'success',
  geparkeerd: 'subtle',
};

/** An action's status as a labelled badge (the label is the text, so colour never carries meaning alone). */
export function StatusBadge({ status, lang }: { readonly status: ActionStatus; readonly lang: Language }): ReactElement {
  return (
    <Badge appearance="tint" shape="rounded" color={STATUS_COLOUR[status]}>
      {labelOf(ACTION_STATUS_LABELS, status, lang)}
    </Badge>
  );
}
