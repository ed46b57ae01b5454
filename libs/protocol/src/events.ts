// The generated protobuf classes, and short names for the types services use.
import $protobuf from 'protobufjs/minimal.js';
import { mesh } from './gen/events.js';

// 64-bit fields (file sizes) decode as plain numbers, as the generated types say, not as
// Long objects: sizes stay below 2^53.
$protobuf.util.Long = undefined as never;
$protobuf.configure();

export { mesh };
export const pb = mesh.v1;
export type Endpoint = mesh.v1.Endpoint.$Properties;
export type Peer = mesh.v1.Peer.$Properties;
export type Chat = mesh.v1.Chat.$Properties;
export type FileChunk = mesh.v1.FileChunk.$Properties;
export type FileMetadata = mesh.v1.FileMetadata.$Properties;
export type WireMessage = mesh.v1.WireMessage.$Properties;
export type Delivery = mesh.v1.Delivery.$Properties;
export type PeerRef = mesh.v1.PeerRef.$Properties;
export const ChatSecurity = mesh.v1.ChatSecurity;
export type ChatSecurity = mesh.v1.ChatSecurity;
export const Direction = mesh.v1.Direction;
export type Direction = mesh.v1.Direction;

export const endpointKey = (e: Endpoint): string => `${e.host ?? ''}:${e.port ?? 0}`;
