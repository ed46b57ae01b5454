export * from './api.ts';
export * from './events.ts';
export * from './host-port.ts';
export * from './subjects.ts';
export * from './wire/v1.ts';
export * from './wire/v1-password.ts';
