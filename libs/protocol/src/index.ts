export * from './api.ts';
export * from './events.ts';
export * from './subjects.ts';
export * from './wire/v1.ts';
