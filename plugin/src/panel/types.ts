/** Options of the ask-AI panel (none yet: its own issue adds them). */
export type AskAiOptions = Record<string, never>;
