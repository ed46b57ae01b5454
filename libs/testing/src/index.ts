export { captureLogger, type CapturedLog } from './logs.ts';
export { startTestNats, type TestNats } from './nats.ts';
export { assertPrivateNetwork, LOOPBACK_BROADCAST, UnsafeNetworkError } from './network.ts';
export { knows, runMesh, startNode, startPair, type LogLine, type MeshResult, type NodeOptions, type NodeState, type TestNode } from './node.ts';
export { freePort } from './ports.ts';
export { V1Peer } from './v1-peer.ts';
export { waitFor, type WaitOptions } from './wait.ts';
