/** `@openmanager/contract`: the collector service's HTTP API as zod schemas and the types derived from them. */
export * from './names';
export * from './error';
export * from './params';
export * from './query';
export * from './servers';
export * from './annotations';
export * from './ask';
