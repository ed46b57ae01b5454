export { Bus, connectBus, type BusOptions, type SubscribeOptions } from './bus.ts';
export { BusRequestError, NatsServerMissingError, NatsServerStartError } from './errors.ts';
export { findNatsServer, newToken, startNatsServer, type NatsServer, type NatsServerOptions } from './nats-server.ts';
export { MAX_STREAM_CHUNK, newStreamId, StreamError, StreamReader, StreamWriter, type StreamFailure, type StreamOptions } from './stream.ts';
