// Figures for the notepad limits (hardening issue, NOTE13, NOTE14), on this machine, SQLite:
// what one person flooding small updates over many connections does to another table's
// notepad (latency between two providers there, alone and during the flood), how many of the
// flood's messages the server took, and how much a flood of updates with missing dependencies
// is let in. Run: npm run bench:notepad-flood
import * as Y from 'yjs';
import { cafeWorld, closeAllNotepads, openNotepad } from '../helpers/notepad.js';
import { openRawNotepad, updateMessage, type RawNotepad } from '../helpers/raw-notepad.js';
import { startTestServer } from '../helpers/server.js';

const SAMPLES = 200; // one-character edits timed at the other table
const FLOOD_CONNECTIONS = 16; // the flooding person's connections (the default cap)
const FLOOD_MESSAGES = 2_000; // small updates sent on each of them

const server = await startTestServer();
const world = await cafeWorld(server.url, server.store);
const roomA = world.room(world.tableA, 1);
const roomB = world.room(world.tableB, 1);
const cem = await openNotepad(server.url, roomB, world.cem.token);
const watcher = await openNotepad(server.url, roomB, world.created.facilitatorToken);

async function latencies(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const arrived = new Promise<void>((resolve) => watcher.doc.once('update', () => resolve()));
    const start = process.hrtime.bigint();
    cem.text.insert(cem.text.length, 'x');
    await arrived;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}
const pct = (samples: number[], p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;

const alone = await latencies();

// Ann floods table A: each connection its own Yjs client, one small insert per message.
const flooders: RawNotepad[] = [];
for (let c = 0; c < FLOOD_CONNECTIONS; c++) flooders.push(await openRawNotepad(server.url, roomA, world.ann.token));
const sending = flooders.map(async (raw, c) => {
  const source = new Y.Doc();
  source.clientID = 90_000 + c;
  for (let i = 0; i < FLOOD_MESSAGES && raw.ws.readyState === raw.ws.OPEN; i++) {
    const before = Y.encodeStateVector(source);
    source.getText('notes').insert(0, 'f');
    raw.send(updateMessage(Y.encodeStateAsUpdate(source, before)));
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
});
const during = await latencies();
await Promise.all(sending);
const closes = await Promise.all(flooders.map((raw) => Promise.race([raw.closed, raw.roundTrip().then(() => null)])));
const taken = (await server.notepads.readRoom(roomA)).text.length;

// Updates with missing dependencies: 4 MB offered; when does the server stop taking them?
const bob = await openRawNotepad(server.url, roomA, world.bob.token);
const source = new Y.Doc();
source.clientID = 4242;
source.getText('notes').insert(0, 'withheld');
let sent = 0;
for (let i = 0; i < 64 && bob.ws.readyState === bob.ws.OPEN; i++) {
  const before = Y.encodeStateVector(source);
  source.getText('notes').insert(0, 'p'.repeat(64 * 1024));
  const update = Y.encodeStateAsUpdate(source, before);
  bob.send(updateMessage(update));
  sent += update.byteLength;
}
const bobClose = await bob.closed;
const answered = bob.received.length;

console.log(
  `other table's update latency (${SAMPLES} edits): alone median ${pct(alone, 0.5).toFixed(2)} ms, p99 ${pct(alone, 0.99).toFixed(2)} ms; during one person's flood median ${pct(during, 0.5).toFixed(2)} ms, p99 ${pct(during, 0.99).toFixed(2)} ms (p99 ratio ${(pct(during, 0.99) / pct(alone, 0.99)).toFixed(2)})`,
);
console.log(
  `flood: ${FLOOD_CONNECTIONS} connections × ${FLOOD_MESSAGES} updates offered; the server took ${taken} of them; closes: ${closes.map((c) => c?.code ?? 'open').join(', ')}`,
);
console.log(
  `missing dependencies: ${(sent / 1024).toFixed(0)} KB offered in 64 KB updates; closed with ${bobClose.code} (reason: ${bobClose.reason}); at most 64 KB stays pending (NOTE13); ${answered} server messages to that connection`,
);
closeAllNotepads();
await server.close();
await server.database.drop();
