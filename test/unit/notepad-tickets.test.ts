import { describe, expect, it } from 'vitest';
import { MAX_TICKETS_PER_TOKEN, NotepadTickets, TICKET_TTL } from '../../server/src/notepad/tickets.js';

// NOTE16: the ticket store, with a clock the test moves.

describe('notepad tickets', () => {
  it('NOTE16 a ticket is good once, within its minute', () => {
    let now = 1_000_000;
    const tickets = new NotepadTickets(() => now);
    const once = tickets.issue('token-a');
    expect(tickets.redeem(once)).toBe('token-a');
    expect(tickets.redeem(once)).toBeUndefined();
    const late = tickets.issue('token-a');
    now += TICKET_TTL;
    expect(tickets.redeem(late)).toBeUndefined();
    expect(tickets.redeem('made-up')).toBeUndefined();
    expect(tickets.redeem(null)).toBeUndefined();
  });

  it('NOTE16 one token holds a bounded number of tickets, and expired ones are swept', () => {
    let now = 0;
    const tickets = new NotepadTickets(() => now);
    const first = tickets.issue('token-a');
    for (let i = 0; i < MAX_TICKETS_PER_TOKEN; i += 1) tickets.issue('token-a');
    expect(tickets.size).toBe(MAX_TICKETS_PER_TOKEN);
    expect(tickets.redeem(first)).toBeUndefined(); // the oldest went
    now += TICKET_TTL;
    tickets.issue('token-b');
    expect(tickets.size).toBe(1);
  });
});
