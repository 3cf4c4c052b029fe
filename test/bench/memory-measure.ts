// What both servers of `npm run bench:memory` answer over IPC: their memory after a full
// garbage collection ('memory'), a heap snapshot on request ('snapshot'), 'stop', and 'exit' (at once).
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';

export interface MemoryFigures {
  rssKb: number;
  heapUsedKb: number;
  heapTotalKb: number;
  externalKb: number;
  arrayBuffersKb: number;
}

type Gc = (options?: { type: 'major'; execution: 'sync'; flavor?: 'last-resort' }) => void;

async function settled(): Promise<MemoryFigures> {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('run the bench server with --expose-gc');
  // Short-lived garbage through the whole young generation first, so its pages are all touched
  // (in RSS) before as after: a busy server's are, a quiet process's are not yet.
  const ring: unknown[] = new Array(1024);
  for (let i = 0; i < 4_000_000; i++) ring[i & 1023] = { i };
  gc();
  await sleep(100); // weak references and finalizers let go only after a first collection
  // The collection V8 makes before giving up for lack of memory: it also gives the pages it
  // freed back to the system, so memory reserved earlier (the app's start-up is large) is not
  // silently reused by the connections measured next.
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  const memory = process.memoryUsage();
  return {
    rssKb: memory.rss / 1024,
    heapUsedKb: memory.heapUsed / 1024,
    heapTotalKb: memory.heapTotal / 1024,
    externalKb: memory.external / 1024,
    arrayBuffersKb: memory.arrayBuffers / 1024,
  };
}

export function answerMemory(close: () => Promise<void>): void {
  process.on('message', (message: { type: string; path?: string }) => {
    if (message.type === 'memory') void settled().then((memory) => process.send?.({ type: 'memory', memory }));
    if (message.type === 'snapshot') process.send?.({ type: 'snapshot', path: writeHeapSnapshot(message.path) });
    if (message.type === 'stop') void close().then(() => process.exit(0));
    // Ends at once, everyone still connected: --heap-prof writes what is live at exit.
    if (message.type === 'exit') process.exit(0);
  });
}
