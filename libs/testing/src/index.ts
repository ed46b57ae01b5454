export { captureLogger, type CapturedLog } from './logs.ts';
export { startTestNats, type TestNats } from './nats.ts';
export { assertPrivateNetwork, LOOPBACK_BROADCAST, UnsafeNetworkError } from './network.ts';
export { isRunning, knows, processesMentioning, runMesh, startNode, startPair, type LogLine, type MeshResult, type NodeOptions, type NodeState, type TestNode } from './node.ts';
export { freePort } from './ports.ts';
export { V1_WRONG_PASSWORD, V1Peer, type V1Chat, type V1PeerOptions } from './v1-peer.ts';
export { waitFor, type WaitOptions } from './wait.ts';
