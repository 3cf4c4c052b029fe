// Measured figures for notepads (issue 4's closing note), on this machine, SQLite:
// update latency between two providers, bytes stored per 1,000 keystrokes after compaction,
// and memory per open document. Run: npm run bench:notepad
import * as Y from 'yjs';
import { openNotepad, cafeWorld, closeAllNotepads } from '../helpers/notepad.js';
import { startTestServer } from '../helpers/server.js';
import { NotepadDocument } from '../../server/src/notepad/document.js';
import { docFromStored } from '../../server/src/notepad/read.js';
import pino from 'pino';

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
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(2);

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
