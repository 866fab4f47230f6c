/** Entry of the ask-AI panel plugin: wires the panel component. */
import { PanelPlugin } from '@grafana/data';

import { AskAiPanel } from './components/AskAiPanel';
import { AskAiOptions } from './types';

export const plugin = new PanelPlugin<AskAiOptions>(AskAiPanel);
