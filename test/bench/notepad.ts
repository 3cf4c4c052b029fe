// Measured figures for notepads (issue 4's closing note), on this machine, SQLite:
// update latency between two providers, bytes stored per 1,000 keystrokes after compaction,
// and memory per open document. Then, when PostgreSQL and Redis are here, the same latency on
// two nodes (docs/cluster.md, CLU60–CLU69): a keystroke's time to a peer on the writer's node
// and to a peer on the other node, writers on both. Run: npm run bench:notepad
import * as Y from 'yjs';
import { openNotepad, cafeWorld, closeAllNotepads } from '../helpers/notepad.js';
import { startTestServer } from '../helpers/server.js';
import { NotepadDocument } from '../../server/src/notepad/document.js';
import { docFromStored } from '../../server/src/notepad/read.js';
import pino from 'pino';
import { checkPostgres } from '../helpers/environment.js';
import { checkRedis, clusterNodes } from '../helpers/notepad-cluster.js';
import { createTestDatabase } from '../helpers/server.js';

const KEYSTROKES = 1000;
const LATENCY_SAMPLES = 300;
const DOCUMENTS = 300;

const server = await startTestServer({ env: { NOTEPAD_IDLE_UNLOAD_MS: '0', NOTEPAD_MESSAGES_PER_10S: '100000' } });
const world = await cafeWorld(server.url, server.store);
const harvest = `session/${world.sessionId}/harvest`;
const writer = await openNotepad(server.url, harvest, world.created.facilitatorToken);
const reader = await openNotepad(server.url, harvest, world.bob.token);

// Latency: one person types one character; time until the other's document has it.
const samples: number[] = [];
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const arrived = new Promise<void>((resolve) => reader.doc.once('update', () => resolve()));
  const start = process.hrtime.bigint();
  writer.text.insert(writer.text.length, 'x');
  await arrived;
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
}
samples.sort((a, b) => a - b);
const pctOf = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
const pct = (p: number) => pctOf(samples, p);

// 1,000 keystrokes of typing with corrections (every 10th a backspace), then compaction on unload.
const room = world.room(world.tableA, 1);
const ann = await openNotepad(server.url, room, world.ann.token);
const bob = await openNotepad(server.url, room, world.bob.token);
let typed = 0;
for (let i = 0; i < KEYSTROKES; i++) {
  if (i % 10 === 9 && ann.text.length > 0) ann.text.delete(ann.text.length - 1, 1);
  else ann.text.insert(ann.text.length, 'abcdefghij '[typed++ % 11]!);
}
await new Promise<void>((resolve) => {
  const check = () => bob.text.length === ann.text.length && resolve();
  bob.doc.on('update', check);
  check();
});
closeAllNotepads();
await new Promise((resolve) => setTimeout(resolve, 200)); // idle unload after 0 ms, then written out
const stored = await server.store.notepads.load(room);
const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0);

// Memory per open document: the same 1,000-keystroke document, loaded many times.
const snapshot = stored.snapshot ?? Y.encodeStateAsUpdate(new Y.Doc());
const storage = {
  load: async () => ({ snapshot, updates: [], lastSeq: 0 }),
  append: async () => undefined,
  compact: async () => undefined,
};
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const documents: NotepadDocument[] = [];
for (let i = 0; i < DOCUMENTS; i++) documents.push(await NotepadDocument.load(`bench/${i}`, 's', storage, pino({ level: 'silent' }), Date.now));
gc?.();
const perDocument = (process.memoryUsage().heapUsed - before) / DOCUMENTS;
for (const document of documents) await document.unload();

console.log(`update latency between two providers (${LATENCY_SAMPLES} one-character edits): median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
const finalText = docFromStored(stored).getText('notes').toString();
console.log(
  `bytes stored per ${KEYSTROKES} keystrokes after compaction: ${storedBytes} (${stored.updates.length} batches left beside the snapshot; the text is ${finalText.length} characters)`,
);
console.log(`memory per open document (1,000-keystroke notes, no connections)${gc ? '' : ' (run with --expose-gc for a steadier figure)'}: ${(perDocument / 1024).toFixed(1)} KB`);
await server.close();
await server.database.drop();

// Two nodes on PostgreSQL and Redis: Ann on node a, Bob on node b, both typing into one table's
// notepad (as while a room moves, CLU63), Cem reading on node a. Each of Ann's keystrokes is timed
// to Cem (same node) and to Bob (the other node: stored, then relayed).
const missing = (await checkPostgres()) ?? (await checkRedis());
if (missing) console.log(`two nodes: skipped (${missing})`);
else {
  const database = await createTestDatabase('postgres');
  const nodes = clusterNodes(database, { NOTEPAD_MESSAGES_PER_10S: '100000' });
  const [a, b] = [await nodes.start('a'), await nodes.start('b')];
  const cafe = await cafeWorld(a.url, a.store);
  const table = cafe.room(cafe.tableA, 1);
  const annOnA = await openNotepad(a.url, table, cafe.ann.token);
  const cemOnA = await openNotepad(a.url, table, cafe.created.facilitatorToken);
  const bobOnB = await openNotepad(b.url, table, cafe.bob.token);
  const arrival = (doc: Y.Doc, length: () => number, want: number) =>
    new Promise<number>((resolve) => {
      const check = () => {
        if (length() < want) return;
        doc.off('update', check);
        resolve(performance.now());
      };
      doc.on('update', check);
      check();
    });
  const sameNode: number[] = [];
  const otherNode: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + 20; i++) {
    const want = annOnA.text.length + 2; // Ann's keystroke and Bob's
    const atCem = arrival(cemOnA.doc, () => cemOnA.text.length, want - 1);
    const atBob = arrival(bobOnB.doc, () => bobOnB.text.length, want);
    bobOnB.text.insert(0, 'y'); // Bob types too: the room is served by both nodes
    const start = performance.now();
    annOnA.text.insert(annOnA.text.length, 'x');
    const [cem, bob] = await Promise.all([atCem, atBob]);
    await arrival(annOnA.doc, () => annOnA.text.length, want); // Bob's keystroke back at Ann before the next
    if (i < 20) continue; // the first ones teach each node that the other serves the room too
    sameNode.push(cem - start);
    otherNode.push(bob - start);
  }
  sameNode.sort((x, y) => x - y);
  otherNode.sort((x, y) => x - y);
  console.log(
    `two nodes, writers on both (${LATENCY_SAMPLES} keystrokes): to a peer on the same node median ${pctOf(sameNode, 0.5)} ms, p95 ${pctOf(sameNode, 0.95)} ms; ` +
      `to a peer on the other node median ${pctOf(otherNode, 0.5)} ms, p95 ${pctOf(otherNode, 0.95)} ms`,
  );
  closeAllNotepads();
  await a.close();
  await b.close();
  await database.drop();
  await nodes.clean();
}
