import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** A logger that keeps what the server writes, to check what (and how much) it logs. */
export function capturedLog(level = 'info'): { log: Logger; lines: string[]; bytes(): number } {
  const lines: string[] = [];
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { log: pino({ level }, sink), lines, bytes: () => bytes };
}
