/** Entry of the ask-AI panel plugin: wires the panel component and its options. */
import { PanelPlugin } from '@grafana/data';

import { AskAiPanel } from './components/AskAiPanel';
import { addAskAiOptions } from './options';
import { AskAiOptions } from './types';

export const plugin = new PanelPlugin<AskAiOptions>(AskAiPanel).setPanelOptions(addAskAiOptions);
