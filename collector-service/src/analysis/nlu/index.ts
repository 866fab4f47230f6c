/** Question understanding for /api/ask: Korean, English or both → one of the contract's intents plus entities. */
export { buildInventory, type Inventory } from './inventory';
export { understand, type UnderstandOptions } from './understand';
export { MAX_QUESTION_CHARS } from './text';
export { INTENTS, type Entities, type Intent, type Understanding } from './types';
