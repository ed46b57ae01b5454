// Issue 6, "Figures": handshake and per-frame sealing cost of v2 links. Measures, in one process:
//   (a) one whole Noise_XX handshake (both sides: three messages, then Split), and one with psk0;
//   (b) sealing and opening link frames of 100 B, 1 KiB and 64 KiB with the Split() cipher states;
//   (c) as a reference in the same run, a bare node:crypto chacha20-poly1305 seal of the same sizes.
// Prints, and writes to bench/results/noise.json. No network. Run: npx tsx bench/noise.ts
import { createCipheriv, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { generateX25519KeyPair, XXHandshake, type CipherState } from '@meshwork/protocol';
import { machine } from './machine.ts';

const handshakeRuns = Number(process.env.BENCH_HANDSHAKES ?? 500);
const prologue = Buffer.from('meshwork-v2');
const initiatorKeys = generateX25519KeyPair();
const responderKeys = generateX25519KeyPair();
const network = randomBytes(32);
const identity = Buffer.from(JSON.stringify({ key: randomBytes(32).toString('base64'), sig: randomBytes(64).toString('base64'), name: 'Alice', port: 9999 }));

const micros = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e3;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** One handshake as a link runs it (new ephemeral keys on each side); returns its cipher states. */
function handshake(psk: Buffer | undefined): { initiator: { send: CipherState; receive: CipherState }; responder: { send: CipherState; receive: CipherState } } {
  const initiator = new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, psk, prologue });
  const responder = new XXHandshake({ initiator: false, staticKeyPair: responderKeys, psk, prologue });
  responder.readMessage(initiator.writeMessage());
  initiator.readMessage(responder.writeMessage(identity));
  responder.readMessage(initiator.writeMessage(identity));
  return { initiator: initiator.split(), responder: responder.split() };
}

function timeHandshakes(psk: Buffer | undefined) {
  for (let i = 0; i < 50; i++) handshake(psk); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < handshakeRuns; i++) {
    const started = process.hrtime.bigint();
    handshake(psk);
    samples.push(micros(started));
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { runs: samples.length, meanMicros: round(mean, 1), medianMicros: round(samples[samples.length >> 1]!, 1), p99Micros: round(samples[Math.floor(samples.length * 0.99)]!, 1) };
}

/** Frames per size: enough for a steady figure without holding much memory. */
const frameCounts: Array<[bytes: number, frames: number]> = [[100, 20_000], [1024, 20_000], [64 * 1024, 1_000]];

function timeFrames(bytes: number, frames: number) {
  const { initiator, responder } = handshake(network);
  const plaintext = randomBytes(bytes);
  for (let i = 0; i < 200; i++) responder.receive.decrypt(initiator.send.encrypt(plaintext)); // warm-up
  const sealed: Buffer[] = new Array(frames);
  let started = process.hrtime.bigint();
  for (let i = 0; i < frames; i++) sealed[i] = initiator.send.encrypt(plaintext);
  const sealMicros = micros(started);
  started = process.hrtime.bigint();
  for (let i = 0; i < frames; i++) responder.receive.decrypt(sealed[i]!);
  const openMicros = micros(started);
  const perFrame = (sealMicros + openMicros) / frames;
  return {
    bytes,
    frames,
    sealMicros: round(sealMicros / frames, 3),
    openMicros: round(openMicros / frames, 3),
    sealOpenMicros: round(perFrame, 3),
    /** plaintext MB (10^6 bytes) per second of sealing and opening */
    sealOpenMBps: round(bytes / perFrame, 1),
    sealMBps: round((bytes * frames) / sealMicros, 1),
  };
}

/** The reference: what node:crypto itself costs for one seal (key fixed, nonce counting up). */
function timeBareSeal(bytes: number, frames: number) {
  const key = randomBytes(32);
  const plaintext = randomBytes(bytes);
  const nonce = Buffer.alloc(12);
  const seal = (n: number) => {
    nonce.writeBigUInt64LE(BigInt(n), 4);
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  };
  for (let i = 0; i < 200; i++) seal(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < frames; i++) seal(i);
  const total = micros(started);
  return { bytes, frames, sealMicros: round(total / frames, 3), sealMBps: round((bytes * frames) / total, 1) };
}

const result = {
  bench: 'Noise handshake and link frame sealing (libs/protocol/src/wire/noise.ts), one process',
  date: new Date().toISOString(),
  machine: machine(),
  handshake: {
    /** both sides of one handshake: their three messages and Split(), on one core */
    'Noise_XX_25519_ChaChaPoly_SHA256': timeHandshakes(undefined),
    'Noise_XXpsk0_25519_ChaChaPoly_SHA256': timeHandshakes(network),
  },
  /** seal with one side's send state, open with the other's receive state */
  frames: frameCounts.map(([bytes, frames]) => timeFrames(bytes, frames)),
  /** reference, same run: createCipheriv('chacha20-poly1305') seal only */
  bareChaCha20Poly1305Seal: frameCounts.map(([bytes, frames]) => timeBareSeal(bytes, frames)),
};

console.log(`Noise bench (${result.machine})`);
for (const [name, h] of Object.entries(result.handshake)) {
  console.log(`  ${name}: ${h.meanMicros} µs per handshake, both sides (median ${h.medianMicros}, p99 ${h.p99Micros}; ${h.runs} runs)`);
}
for (const [i, f] of result.frames.entries()) {
  const bare = result.bareChaCha20Poly1305Seal[i]!;
  console.log(
    `  ${String(f.bytes).padStart(6)} B frame: seal+open ${f.sealOpenMicros} µs (${f.sealOpenMBps} MB/s); seal ${f.sealMicros} µs (${f.sealMBps} MB/s), open ${f.openMicros} µs; bare chacha20-poly1305 seal ${bare.sealMicros} µs (${bare.sealMBps} MB/s)`,
  );
}
await writeFile(new URL('results/noise.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log('written: bench/results/noise.json');
