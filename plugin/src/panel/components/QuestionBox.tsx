/** The question box: Enter asks, Shift+Enter adds a line, Escape cancels the question in flight or clears the box. */
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, TextArea, useStyles2 } from '@grafana/ui';
import React, { KeyboardEvent, useId } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onAsk: (question: string) => void;
  onCancel: () => void;
  busy: boolean;
  disabled: boolean;
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  label: css({ fontWeight: theme.typography.fontWeightMedium }),
  row: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start' }),
  input: css({ flex: 1, minWidth: 0, resize: 'vertical', wordBreak: 'keep-all', overflowWrap: 'anywhere' }),
  help: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: 0 }),
});

/** Enter while an input method composes (Korean, Japanese...) only commits the syllable. */
function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

export function QuestionBox({ value, onChange, onAsk, onCancel, busy, disabled }: Props) {
  const styles = useStyles2(getStyles);
  const id = useId();
  const empty = value.trim() === '';

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !isComposing(event)) {
      event.preventDefault();
      if (!empty && !disabled) {
        onAsk(value);
      }
    } else if (event.key === 'Escape') {
      // Handled here: Grafana's own Escape would leave the panel's view mode.
      event.preventDefault();
      event.stopPropagation();
      if (busy) {
        onCancel();
      } else {
        onChange('');
      }
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) {
          onAsk(value);
        }
      }}
    >
      <label className={styles.label} htmlFor={`${id}-question`}>
        {t('panel.question-box.label', 'Question')}
      </label>
      <div className={styles.row}>
        <TextArea
          id={`${id}-question`}
          className={styles.input}
          rows={2}
          value={value}
          placeholder={t('panel.question-box.placeholder', 'Is anything wrong with server DB-EU-002?')}
          aria-describedby={`${id}-help`}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" icon={busy ? 'spinner' : 'message'} disabled={empty || disabled}>
          {t('panel.question-box.ask', 'Ask')}
        </Button>
      </div>
      <p id={`${id}-help`} className={styles.help}>
        {t(
          'panel.question-box.help',
          'Enter asks, Shift+Enter adds a line, Escape cancels or clears. $server and other dashboard variables are filled in.'
        )}
      </p>
    </form>
  );
}
