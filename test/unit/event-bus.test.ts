import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../server/src/events/bus.js';

// The bus services publish to and adapters subscribe to (issue 13): typed, in order, and one
// failing subscriber never stops the others or the publisher.

function quietLog() {
  return { error: vi.fn() };
}

describe('EventBus', () => {
  it('delivers the payload to every subscriber of that event, in subscription order, synchronously', () => {
    const bus = new EventBus(quietLog());
    const heard: string[] = [];
    bus.subscribe('session:projector-key-rotated', ({ sessionId }) => void heard.push(`first ${sessionId}`));
    bus.subscribe('session:projector-key-rotated', ({ sessionId }) => void heard.push(`second ${sessionId}`));
    bus.subscribe('cafe:setup-changed', () => void heard.push('other event'));
    bus.publish('session:projector-key-rotated', { sessionId: 's1' });
    expect(heard).toEqual(['first s1', 'second s1']);
  });

  it('keeps publish order across events', () => {
    const bus = new EventBus(quietLog());
    const heard: string[] = [];
    bus.subscribe('cafe:setup-changed', ({ sessionId }) => void heard.push(`setup ${sessionId}`));
    bus.subscribe('session:projector-key-rotated', ({ sessionId }) => void heard.push(`key ${sessionId}`));
    bus.publish('cafe:setup-changed', { sessionId: 'a' });
    bus.publish('session:projector-key-rotated', { sessionId: 'b' });
    bus.publish('cafe:setup-changed', { sessionId: 'c' });
    expect(heard).toEqual(['setup a', 'key b', 'setup c']);
  });

  it('stops delivering after unsubscribe, to that subscriber only', () => {
    const bus = new EventBus(quietLog());
    const a = vi.fn();
    const b = vi.fn();
    const stopA = bus.subscribe('cafe:setup-changed', a);
    bus.subscribe('cafe:setup-changed', b);
    stopA();
    stopA(); // twice is harmless
    bus.publish('cafe:setup-changed', { sessionId: 's' });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ sessionId: 's' });
  });

  it('a subscriber that throws is logged; the others still run and publish does not throw', () => {
    const log = quietLog();
    const bus = new EventBus(log);
    const after = vi.fn();
    bus.subscribe('cafe:setup-changed', () => {
      throw new Error('boom');
    });
    bus.subscribe('cafe:setup-changed', after);
    expect(() => bus.publish('cafe:setup-changed', { sessionId: 's' })).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ event: 'cafe:setup-changed' }), expect.any(String));
  });

  it('publishAndWait waits for asynchronous subscribers and never rejects when one fails', async () => {
    const log = quietLog();
    const bus = new EventBus(log);
    const done: string[] = [];
    bus.subscribe('cafe:setup-changed', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push('slow');
    });
    bus.subscribe('cafe:setup-changed', async () => {
      throw new Error('rejected');
    });
    bus.subscribe('cafe:setup-changed', () => void done.push('sync'));
    await expect(bus.publishAndWait('cafe:setup-changed', { sessionId: 's' })).resolves.toBeUndefined();
    expect(done).toEqual(['sync', 'slow']);
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('a rejected subscriber under publish is logged, not left unhandled', async () => {
    const log = quietLog();
    const bus = new EventBus(log);
    bus.subscribe('cafe:setup-changed', () => Promise.reject(new Error('later')));
    bus.publish('cafe:setup-changed', { sessionId: 's' });
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledOnce());
  });
});
