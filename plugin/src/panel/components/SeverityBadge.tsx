/** The answer's severity as a badge in Grafana's theme colours. */
import { Badge, BadgeColor } from '@grafana/ui';
import React from 'react';

import { Severity } from '../../datasource/types';
import { TEST_IDS } from '../app/strings';

const COLORS: Record<Severity, BadgeColor> = { ok: 'green', warning: 'orange', critical: 'red', unknown: 'darkgrey' };
const ICONS = { ok: 'check', warning: 'exclamation-triangle', critical: 'exclamation-circle', unknown: 'question-circle' } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      data-testid={TEST_IDS.severity}
      aria-label={`Severity: ${severity}`}
      color={COLORS[severity] ?? 'darkgrey'}
      icon={ICONS[severity] ?? 'question-circle'}
      text={severity}
    />
  );
}
