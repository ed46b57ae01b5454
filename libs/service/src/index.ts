export { createLogger, type Logger, type LoggerOptions } from './logger.ts';
export { CONFIG_EXIT_CODE, runService, type ReadyMessage, type Service, type ServiceContext } from './run-service.ts';
export { clientSecretPath, ensureClientSecret, readClientSecret, secretMatches, secretProof } from './client-secret.ts';
export { LogThrottle, rejectionKey, throttledLog, type Admitted, type LogThrottleOptions, type ThrottledLog } from './log-throttle.ts';
export { unlessAborted } from './abort.ts';
export { ensureIdentity, identityInfoPath, identityKeyPath, IdentityError, loadIdentity, type Identity } from './identity.ts';
