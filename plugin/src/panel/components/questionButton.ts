/** The style of a question shown as a button: it wraps like text, Korean at word boundaries. */
import { GrafanaTheme2 } from '@grafana/data';

export const questionButtonStyle = (theme: GrafanaTheme2) =>
  ({
    height: 'auto',
    minHeight: theme.spacing(3),
    whiteSpace: 'normal',
    textAlign: 'left',
    wordBreak: 'keep-all',
    overflowWrap: 'anywhere',
  }) as const;
