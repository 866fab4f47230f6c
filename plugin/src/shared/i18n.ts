/** What both plugins need around @grafana/i18n's t(). */

/**
 * Options for a t() whose values are shown as they are: i18next HTML-escapes interpolated values by default
 * ("/" → "&#x2F;"), but these texts go to React, which escapes them itself.
 */
export const AS_IS = { interpolation: { escapeValue: false } } as const;
