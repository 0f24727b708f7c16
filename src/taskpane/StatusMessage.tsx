import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface Status {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
}

/** The outcome of a panel's last action, in words, or nothing. */
export function StatusMessage({ status }: { status: Status | null }) {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent}>
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}
