import type { Logger } from '../log.js';
import type { BusEvents } from './types.js';

export type EventName = keyof BusEvents;
export type Subscriber<K extends EventName> = (payload: BusEvents[K]) => void | Promise<void>;

/**
 * One in-process bus: services say what changed, adapters (Socket.IO, notepad access, the
 * formats) subscribe. Dispatch is synchronous and in subscription order, so screens hear of
 * changes in the order the services made them. A subscriber that throws or rejects is logged
 * and skipped: the change itself is stored already, and the other subscribers still run.
 */
export class EventBus {
  private readonly subscribers = new Map<EventName, Subscriber<never>[]>();

  constructor(private readonly log: Pick<Logger, 'error'>) {}

  /** Returns the unsubscribe. */
  subscribe<K extends EventName>(name: K, subscriber: Subscriber<K>): () => void {
    const list = this.subscribers.get(name) ?? [];
    list.push(subscriber);
    this.subscribers.set(name, list);
    return () => {
      const current = this.subscribers.get(name) ?? [];
      this.subscribers.set(
        name,
        current.filter((s) => s !== subscriber),
      );
    };
  }

  /** Tells every subscriber now; asynchronous work they start is not waited for. */
  publish<K extends EventName>(name: K, payload: BusEvents[K]): void {
    void this.dispatch(name, payload);
  }

  /**
   * Like `publish`, and resolves once every subscriber's work has settled: for changes the caller
   * must see through before it answers (the café re-seats someone before their join returns).
   * Never rejects.
   */
  publishAndWait<K extends EventName>(name: K, payload: BusEvents[K]): Promise<void> {
    return this.dispatch(name, payload);
  }

  private async dispatch<K extends EventName>(name: K, payload: BusEvents[K]): Promise<void> {
    const running: Promise<void>[] = [];
    // A copy: a subscriber that unsubscribes (or subscribes) does not change this dispatch.
    for (const subscriber of [...(this.subscribers.get(name) ?? [])] as Subscriber<K>[]) {
      try {
        const result = subscriber(payload);
        if (result) running.push(result.catch((error: unknown) => this.failed(name, error)));
      } catch (error) {
        this.failed(name, error);
      }
    }
    await Promise.all(running);
  }

  private failed(name: EventName, error: unknown): void {
    this.log.error({ err: error, event: name }, 'an event subscriber failed');
  }
}
