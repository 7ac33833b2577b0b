import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';

/** A result or problem to tell the user: success is a polite status, the rest an alert. */
export type Notice = { readonly intent: 'success' | 'error' | 'warning'; readonly text: string };

export function NoticeBar({ notice }: { readonly notice: Notice | null }): ReactElement | null {
  if (notice === null) return null;
  return (
    <div role={notice.intent === 'success' ? 'status' : 'alert'}>
      <MessageBar intent={notice.intent} layout="multiline">
        <MessageBarBody>{notice.text}</MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** A field's problem as Fluent Field props (nothing when there is none, as exactOptionalPropertyTypes wants). */
export function validation(message: string | undefined): { validationMessage?: string; validationState?: 'error' } {
  return message === undefined ? {} : { validationMessage: message, validationState: 'error' };
}
