// One worker thread for every opinion report of this server (CONS36): started on first use, jobs
// one at a time in order (the machine may have two cores, and the event loop keeps one), stopped
// after a while without work. If the thread cannot start, reports are computed in-process and
// that is logged: late figures beat none.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { computeOpinionReport, type OpinionInput } from '@open-talks/shared/consultation/opinion';
import type { OpinionReport } from '@open-talks/shared/protocol';
import type { Logger } from '../../log.js';

const IDLE_STOP = 30_000; // ms without a job before the thread is stopped

interface Job {
  resolve: (report: OpinionReport) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's code: next to the bundle (`server/dist/opinion-worker.js`, built by
 * server/build.mjs) when running compiled; else the TypeScript source, loaded through tsx's API
 * inside the thread (dev, tests): a loader registered in the main thread does not reach workers.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./opinion-worker.js', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const source = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

export class OpinionWorker {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  private broken = false;

  constructor(private readonly log: Pick<Logger, 'warn' | 'error'>) {}

  run(input: OpinionInput): Promise<OpinionReport> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.broken ? null : this.start();
    if (!worker) return Promise.resolve(computeOpinionReport(input));
    const id = this.nextId++;
    return new Promise<OpinionReport>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      // The answers' buffers move to the thread instead of being copied.
      worker.postMessage({ id, input }, [input.answers.rows.buffer, input.answers.cols.buffer, input.answers.votes.buffer] as ArrayBuffer[]);
    });
  }

  close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = startWorker();
      worker.unref(); // never what keeps the process alive
      worker.on('message', (message: { id: number; report?: OpinionReport; error?: string }) => this.settle(message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
        this.fail(new Error('the opinion worker stopped'));
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.broken = true;
      this.log.warn({ err: error }, 'opinion worker unavailable: computing reports in-process');
      return null;
    }
  }

  private settle({ id, report, error }: { id: number; report?: OpinionReport; error?: string }): void {
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    if (job) {
      if (report) job.resolve(report);
      else job.reject(new Error(error ?? 'no report'));
    }
    if (this.jobs.size === 0) this.idle = setTimeout(() => void this.close(), IDLE_STOP).unref();
  }

  private fail(error: Error): void {
    if (this.jobs.size > 0) this.log.error({ err: error }, 'opinion worker failed');
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}
