/** The answer's severity as a badge in Grafana's theme colours. */
import { t } from '@grafana/i18n';
import { Badge, BadgeColor } from '@grafana/ui';
import React from 'react';

import { Severity } from '../../datasource/types';
import { AS_IS } from '../../shared/i18n';
import { TEST_IDS } from '../../shared/testIds';

const COLORS: Record<Severity, BadgeColor> = { ok: 'green', warning: 'orange', critical: 'red', unknown: 'darkgrey' };
const ICONS = {
  ok: 'check',
  warning: 'exclamation-triangle',
  critical: 'exclamation-circle',
  unknown: 'question-circle',
} as const;

function severityText(severity: Severity): string {
  switch (severity) {
    case 'ok':
      return t('panel.severity.ok', 'ok');
    case 'warning':
      return t('panel.severity.warning', 'warning');
    case 'critical':
      return t('panel.severity.critical', 'critical');
    default:
      return t('panel.severity.unknown', 'unknown');
  }
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const text = severityText(severity);
  return (
    <Badge
      data-testid={TEST_IDS.severity}
      aria-label={t('panel.severity.label', 'Severity: {{severity}}', { severity: text, ...AS_IS })}
      color={COLORS[severity] ?? 'darkgrey'}
      icon={ICONS[severity] ?? 'question-circle'}
      text={text}
    />
  );
}
