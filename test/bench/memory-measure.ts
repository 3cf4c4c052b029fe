// What both servers of `npm run bench:memory` answer over IPC: their memory after a full
// garbage collection ('memory'), a heap snapshot on request ('snapshot'), 'stop', and 'exit' (at once).
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';

export interface MemoryFigures {
  rssKb: number;
  heapUsedKb: number;
  externalKb: number;
  arrayBuffersKb: number;
}

async function settled(): Promise<MemoryFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the bench server with --expose-gc');
  // Twice, with a pause: weak references and finalizers let go only after a first collection.
  gc();
  await sleep(100);
  gc();
  const memory = process.memoryUsage();
  return { rssKb: memory.rss / 1024, heapUsedKb: memory.heapUsed / 1024, externalKb: memory.external / 1024, arrayBuffersKb: memory.arrayBuffers / 1024 };
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
