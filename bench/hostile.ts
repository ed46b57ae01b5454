// Issue 5, "Figures": the hostile-LAN scenario of test/hostile.test.ts, measured. Two honest
// nodes chat both ways and send a 1 MiB file while a hostile host spoofs, amplifies, floods,
// slow-lorises and sends 1 MB chats, fake 4 GiB transfers and malformed frames. Prints, and
// writes to bench/results/hostile.json:
//   (a) amplification: bytes the nodes sent toward a spoofed address per byte the attacker sent
//       (UDP and TCP apart; goal at most 1, and 0 over TCP);
//   (b) honest delivery under attack (goal 100%);
//   (c) peak RSS (VmHWM) of every process of each node, against its RSS before the attack.
// Run: npm run bench:hostile (inside a private network namespace).
import { writeFile } from 'node:fs/promises';
import { HOSTILE_LAN as L, HostileScenario, startPair, udpCounters, waitFor, type ProcessMemory, type Tally } from '@meshwork/testing';
import { machine } from './machine.ts';

const MiB = 1024 * 1024;
const ratio = (out: number, into: number) => (into > 0 ? Number((out / into).toFixed(4)) : null);
const pct = (n: number, of: number) => (of > 0 ? Number(((100 * n) / of).toFixed(1)) : null);

const [a, b] = await startPair({ name: 'A', host: L.a }, { name: 'B', host: L.b });
try {
  console.log('attack timeline:');
  const scenario = await HostileScenario.run(a, b, { log: (line) => console.log(`  ${line}`) });
  try {
    // the honest traffic may lag the attack: wait for it, with a deadline (what is missing then is the figure)
    await waitFor(async () => {
      const d = await scenario.deliveries();
      return d.fileArrived && d.chats.every((c) => c.copies >= 1);
    }, { timeoutMs: 60_000, intervalMs: 500 }).catch(() => undefined);
    const delivered = await scenario.deliveries();
    const memoryAfter = scenario.memoryNow();
    const kernel = udpCounters();
    const sent = { ...scenario.attacker.sent };
    const atWitness = { ...scenario.witness.received };
    const atForgedWitness = { ...scenario.forgedWitness.received };
    const logLines = { a: a.logs.length - scenario.logsFrom.a, b: b.logs.length - scenario.logsFrom.b };
    const backToAttacker = ['a', 'b'].map((s) => scenario.attacker.receivedFrom(s === 'a' ? a.host : b.host)).reduce((t, x) => ({
      datagrams: t.datagrams + x.datagrams, datagramBytes: t.datagramBytes + x.datagramBytes, connections: t.connections + x.connections, tcpBytes: t.tcpBytes + x.tcpBytes,
    }));

    // the same fake-transfer attack where the slot count binds rather than the disk: fakes kept
    // alive (a chunk every 250 ms each) and a file 12 s later, then a burst and a file at once
    console.log('  then: 40 fake 64 MiB transfers from 5 addresses to A, each fed a chunk every 250 ms, and a file from B 12 s later');
    const keptAlive = await scenario.fakesThenFile({ count: 40, fileBytes: 64 * MiB, toward: 'a', keepChunkEveryMs: 250, fileAfterMs: 12_000 });
    const keptAliveArrived = await waitFor(() => scenario.received(keptAlive.file), { timeoutMs: 30_000, intervalMs: 500 }).catch(() => undefined);
    console.log('  then: 40 fake 64 MiB transfers from 5 other addresses to B, and a file from A at once');
    const countLimit = await scenario.fakesThenFile({ count: 40, fileBytes: 64 * MiB });
    const countLimitArrived = await waitFor(() => scenario.received(countLimit.file), { timeoutMs: 30_000, intervalMs: 500 }).catch(() => undefined);

    const toward = (into: { datagrams: number; datagramBytes: number }, out: Tally) => ({
      received: { datagrams: into.datagrams, bytes: into.datagramBytes },
      sentToward: { datagrams: out.datagrams, udpBytes: out.datagramBytes, tcpConnections: out.connections, tcpBytes: out.tcpBytes },
      udpBytesPerByte: ratio(out.datagramBytes, into.datagramBytes),
      udpDatagramsPerDatagram: ratio(out.datagrams, into.datagrams),
      tcpBytesPerByte: ratio(out.tcpBytes, into.datagramBytes),
    });
    const sum = (key: 'amplify') => scenario.attacks[key].reduce((t, s) => ({ datagrams: t.datagrams + s.datagrams, datagramBytes: t.datagramBytes + s.datagramBytes }), { datagrams: 0, datagramBytes: 0 });

    const memory = (side: 'a' | 'b') => {
      const before = new Map(scenario.before[side].map((m) => [m.pid, m]));
      return memoryAfter[side].filter((m) => m.command !== 'sh').map((m: ProcessMemory) => ({
        process: m.command,
        pid: m.pid,
        rssBeforeMiB: Number(((before.get(m.pid)?.rss ?? NaN) / MiB).toFixed(1)),
        peakBeforeMiB: Number(((before.get(m.pid)?.peak ?? NaN) / MiB).toFixed(1)),
        maxRssSampledMiB: Number(((scenario.rssSampled.get(m.pid) ?? NaN) / MiB).toFixed(1)),
        peakMiB: Number((m.peak / MiB).toFixed(1)),
      }));
    };
    const chatsOk = delivered.chats.filter((c) => c.copies >= 1).length;
    /** names of the services whose pid is not the one they had before the attack */
    const restarted = async (side: 'a' | 'b', node: typeof a) =>
      Object.entries((await node.state()).services).filter(([name, pid]) => scenario.processes[side].get(pid ?? -1) !== name).map(([name]) => name);

    const result = {
      bench: 'hostile LAN: two honest nodes under every attack of issue 5',
      date: new Date().toISOString(),
      machine: machine(),
      attackWindowSeconds: Number(((scenario.endedAt - scenario.startedAt) / 1000).toFixed(1)),
      amplification: {
        /** datagrams from the attacker's address whose ip and port name a third address (the witness) */
        namedInDatagrams: toward(sum('amplify'), atWitness),
        /** datagrams whose IP source is forged to be the third address: a v1 node cannot tell them from its own */
        forgedSource: toward(scenario.attacks.forgedAmplify, atForgedWitness),
        /** everything the nodes sent to any attacker address per byte the attacker sent (relays to its fake peers included) */
        backToTheAttacker: {
          udpBytesPerByte: ratio(backToAttacker.datagramBytes, sent.datagramBytes),
          tcpBytesPerByte: ratio(backToAttacker.tcpBytes, sent.tcpBytes),
          attackerSent: { datagrams: sent.datagrams, udpBytes: sent.datagramBytes, tcpConnections: sent.connections, tcpBytes: sent.tcpBytes },
          nodesSentBack: backToAttacker,
        },
      },
      delivery: {
        chats: { sent: delivered.chats.length, delivered: chatsOk, exactlyOnce: delivered.chats.filter((c) => c.copies === 1).length, percent: pct(chatsOk, delivered.chats.length) },
        file: { sent: 1, deliveredIntact: delivered.fileSha256 === scenario.file?.sha256 ? 1 : 0, sendFile: scenario.file?.result?.stdout.split('\n')[0] },
        fileRightAfterFakesFillingTheSlots: { sent: 1, deliveredIntact: countLimitArrived === countLimit.file.sha256 ? 1 : 0, waitedSeconds: 30 },
        file12sAfterFakesKeptAlive: {
          sent: 1, deliveredIntact: keptAliveArrived === keptAlive.file.sha256 ? 1 : 0, waitedSeconds: 30,
          attackerBytesPerSecond: Math.round((keptAlive.fakes.tcpBytes * 1000) / keptAlive.attackMs),
        },
      },
      memory: { a: memory('a'), b: memory('b') },
      peerTable: scenario.tables,
      slowLoris: scenario.attacks.loris,
      logLinesDuringAttack: logLines,
      kernelUdpDrops: { receiveBufferFull: (kernel.RcvbufErrors ?? 0) - (scenario.udpBefore.RcvbufErrors ?? 0) },
      servicesRestarted: { a: await restarted('a', a), b: await restarted('b', b) },
    };

    const f = result.amplification;
    const row = (cells: Array<string | number | null>) => console.log(cells.map((c, i) => String(c ?? '-').padEnd(i === 0 ? 46 : 16)).join(''));
    console.log(`\nhostile LAN (${result.machine}), attack window ${result.attackWindowSeconds} s`);
    console.log('\n(a) amplification toward a spoofed address');
    row(['', 'datagrams in', 'bytes in', 'UDP B out/B in', 'TCP B out/B in', 'TCP connections', 'TCP bytes']);
    row(['address named in the datagrams (witness)', f.namedInDatagrams.received.datagrams, f.namedInDatagrams.received.bytes, f.namedInDatagrams.udpBytesPerByte, f.namedInDatagrams.tcpBytesPerByte, f.namedInDatagrams.sentToward.tcpConnections, f.namedInDatagrams.sentToward.tcpBytes]);
    row(['forged IP source (v1 cannot tell)', f.forgedSource.received.datagrams, f.forgedSource.received.bytes, f.forgedSource.udpBytesPerByte, f.forgedSource.tcpBytesPerByte, f.forgedSource.sentToward.tcpConnections, f.forgedSource.sentToward.tcpBytes]);
    row(['back to the attacker\'s own addresses', sent.datagrams, sent.datagramBytes, f.backToTheAttacker.udpBytesPerByte, f.backToTheAttacker.tcpBytesPerByte, backToAttacker.connections, backToAttacker.tcpBytes]);
    console.log(`  (the last row's TCP ratio is per byte of the attacker's own TCP: ${sent.tcpBytes} bytes in ${sent.connections} connections)`);
    console.log('\n(b) honest delivery under attack');
    const d = result.delivery;
    console.log(`  chats: ${d.chats.delivered}/${d.chats.sent} delivered (${d.chats.percent}%), ${d.chats.exactlyOnce} exactly once`);
    console.log(`  1 MiB file after 40 fake 4 GiB transfers: ${d.file.deliveredIntact}/1 intact (${d.file.sendFile})`);
    console.log(`  1 MiB file right after 40 fake 64 MiB transfers (slots, not disk, bind): ${d.fileRightAfterFakesFillingTheSlots.deliveredIntact}/1 within 30 s`);
    console.log(`  1 MiB file 12 s after 40 fake transfers kept alive (a chunk per 250 ms each, ${(d.file12sAfterFakesKeptAlive.attackerBytesPerSecond / 1024).toFixed(0)} KiB/s from the attacker): ${d.file12sAfterFakesKeptAlive.deliveredIntact}/1 within 30 s`);
    console.log('\n(c) memory, MiB: RSS before the attack -> peak RSS (VmHWM) at the end');
    for (const side of ['a', 'b'] as const) console.log(`  ${side.toUpperCase()}: ${result.memory[side].map((m) => `${m.process} ${m.rssBeforeMiB} -> ${m.peakMiB}`).join(', ')}`);
    console.log(`\npeer table max: A ${result.peerTable.a.maxTotal} (${result.peerTable.a.maxAtOneIp} at one IP), B ${result.peerTable.b.maxTotal} (${result.peerTable.b.maxAtOneIp}); log lines during the attack: A ${result.logLinesDuringAttack.a}, B ${result.logLinesDuringAttack.b}; datagrams the kernel dropped (receive buffer full): ${result.kernelUdpDrops.receiveBufferFull}; services restarted: A [${result.servicesRestarted.a.join(', ')}], B [${result.servicesRestarted.b.join(', ')}]`);
    await writeFile(new URL('results/hostile.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await scenario.stop();
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
