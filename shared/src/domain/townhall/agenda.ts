/**
 * The Town Hall agenda: time-boxed items, the current one with its timer (AGENDA1…AGENDA7 in
 * docs/townhall.md). Items that have started form a prefix of the list (AGENDA4); only the
 * items after it can be edited, removed or moved. Pure: transitions return a new agenda.
 */
import { createTimer, endTimer, extendTimer, pauseTimer, remainingMs, resumeTimer, startTimer, type Timer, type TimerResult } from '../timer/timer.js';
import { badRequest, conflict, moveInList, notFound, oneLine, type Failure, type Result } from './result.js';

export const AGENDA_LIMITS = {
  items: 50,
  titleLength: 200, // characters
} as const;

export interface AgendaItem {
  id: string;
  title: string;
  /** The time box, ms (1 ms … 4 h, like any timer). */
  durationMs: number;
  startedAt: number | null; // epoch ms
  endedAt: number | null; // epoch ms
}

export interface Agenda {
  items: AgendaItem[];
  /** The item being held, or null (before the first, and once the last has ended). */
  currentId: string | null;
  /** The current item's timer (the last item's, ended, once the agenda is over); null before. */
  timer: Timer | null;
}

export type AgendaItemStatus = 'upcoming' | 'current' | 'done';

export interface AgendaItemInput {
  id: string;
  title: string;
  durationMs: number;
}

export type AgendaResult<T extends object = object> = Result<{ agenda: Agenda } & T>;

export function createAgenda(): Agenda {
  return { items: [], currentId: null, timer: null };
}

export function agendaItemStatus(agenda: Agenda, item: AgendaItem): AgendaItemStatus {
  if (item.id === agenda.currentId) return 'current';
  return item.startedAt === null ? 'upcoming' : 'done';
}

/** Adds an item at `index` (default: the end), among the items not yet started. AGENDA1. */
export function addAgendaItem(agenda: Agenda, input: AgendaItemInput, index?: number): AgendaResult<{ item: AgendaItem }> {
  if (agenda.items.some((item) => item.id === input.id)) return conflict(`An agenda item ${input.id} already exists.`);
  if (agenda.items.length >= AGENDA_LIMITS.items) return conflict(`An agenda has at most ${AGENDA_LIMITS.items} items.`, 'agendaFull', { max: AGENDA_LIMITS.items });
  const fields = checkFields(input.title, input.durationMs);
  if (!fields.ok) return fields;
  const at = index ?? agenda.items.length;
  if (!Number.isSafeInteger(at) || at < startedCount(agenda) || at > agenda.items.length) {
    return badRequest('New items go after the items already started.');
  }
  const item: AgendaItem = { id: input.id, title: fields.title, durationMs: input.durationMs, startedAt: null, endedAt: null };
  const items = agenda.items.slice();
  items.splice(at, 0, item);
  return { ok: true, agenda: { ...agenda, items }, item };
}

/** Changes the title or time box of an item not yet started. AGENDA2. */
export function editAgendaItem(agenda: Agenda, id: string, edit: { title?: string; durationMs?: number }): AgendaResult<{ item: AgendaItem }> {
  const index = upcomingIndex(agenda, id);
  if (typeof index !== 'number') return index;
  const current = agenda.items[index] as AgendaItem;
  const fields = checkFields(edit.title ?? current.title, edit.durationMs ?? current.durationMs);
  if (!fields.ok) return fields;
  const item = { ...current, title: fields.title, durationMs: edit.durationMs ?? current.durationMs };
  return { ok: true, agenda: { ...agenda, items: agenda.items.map((it, i) => (i === index ? item : it)) }, item };
}

/** Removes an item not yet started. AGENDA2. */
export function removeAgendaItem(agenda: Agenda, id: string): AgendaResult {
  const index = upcomingIndex(agenda, id);
  if (typeof index !== 'number') return index;
  return { ok: true, agenda: { ...agenda, items: agenda.items.filter((_, i) => i !== index) } };
}

/** Moves an item not yet started to `toIndex` (0-based), still after the started ones. AGENDA2. */
export function moveAgendaItem(agenda: Agenda, id: string, toIndex: number): AgendaResult {
  const index = upcomingIndex(agenda, id);
  if (typeof index !== 'number') return index;
  const first = startedCount(agenda);
  if (!Number.isSafeInteger(toIndex) || toIndex < first || toIndex >= agenda.items.length) {
    return badRequest(`An item not yet started moves to a position from ${first} to ${agenda.items.length - 1}.`);
  }
  return { ok: true, agenda: { ...agenda, items: moveInList(agenda.items, index, toIndex) } };
}

/**
 * Ends the current item (if any) and starts the first item not yet started, with a timer of
 * its time box; after the last item the agenda is over (`current` null). AGENDA3.
 */
export function nextAgendaItem(agenda: Agenda, now: number): AgendaResult<{ current: AgendaItem | null; ended: AgendaItem | null }> {
  const nextIndex = startedCount(agenda);
  const upcoming = agenda.items[nextIndex];
  if (agenda.currentId === null && !upcoming) return conflict('No agenda item is left to start.', 'agendaNoneLeft');
  let timer = agenda.timer;
  let ended: AgendaItem | null = null;
  let items = agenda.items;
  if (agenda.currentId !== null) {
    const stopped = timer && (timer.status === 'running' || timer.status === 'paused') ? endTimer(timer, now) : null;
    if (stopped?.ok) timer = stopped.timer;
    const index = items.findIndex((item) => item.id === agenda.currentId);
    const current = items[index];
    if (current) {
      const done: AgendaItem = { ...current, endedAt: now };
      items = items.map((item, i) => (i === index ? done : item));
      ended = done;
    }
  }
  if (!upcoming) return { ok: true, agenda: { items, currentId: null, timer }, current: null, ended };
  const started = startTimer(upcoming.durationMs, now);
  if (!started.ok) return started;
  const current: AgendaItem = { ...upcoming, startedAt: now };
  items = items.map((item, i) => (i === nextIndex ? current : item));
  return { ok: true, agenda: { items, currentId: current.id, timer: started.timer }, current, ended };
}

/** Pauses the current item's timer. AGENDA5 (TIME3). */
export function pauseAgendaTimer(agenda: Agenda, now: number): AgendaResult {
  return withTimer(agenda, (timer) => pauseTimer(timer, now));
}

/** Resumes the current item's timer. AGENDA5 (TIME3). */
export function resumeAgendaTimer(agenda: Agenda, now: number): AgendaResult {
  return withTimer(agenda, (timer) => resumeTimer(timer, now));
}

/** Gives the current item more time. AGENDA5 (TIME5, TIME6). */
export function extendAgendaTimer(agenda: Agenda, byMs: number, now: number): AgendaResult {
  return withTimer(agenda, (timer) => extendTimer(timer, byMs, now));
}

export interface AgendaItemProgress {
  id: string;
  title: string;
  status: AgendaItemStatus;
  /** The time box, ms (for the current item: with its extensions). */
  durationMs: number;
  /** Time left, ms: the whole box if upcoming, the timer's remainder if current, 0 if done. */
  remainingMs: number;
}

/** Every item's status and time left at `now`, and the time left in all. AGENDA6. */
export function agendaProgress(agenda: Agenda, now: number): { items: AgendaItemProgress[]; remainingMs: number } {
  const items = agenda.items.map((item): AgendaItemProgress => {
    const status = agendaItemStatus(agenda, item);
    const timer = status === 'current' ? agenda.timer : null;
    const left = status === 'done' ? 0 : timer ? remainingMs(timer, now) : item.durationMs;
    return { id: item.id, title: item.title, status, durationMs: timer?.durationMs ?? item.durationMs, remainingMs: left };
  });
  return { items, remainingMs: items.reduce((sum, item) => sum + item.remainingMs, 0) };
}

function withTimer(agenda: Agenda, change: (timer: Timer) => TimerResult): AgendaResult {
  if (agenda.currentId === null || !agenda.timer) return conflict('No agenda item is running.', 'agendaNotRunning');
  const result = change(agenda.timer);
  if (!result.ok) return result;
  return { ok: true, agenda: { ...agenda, timer: result.timer } };
}

/** How many items have started (done or current): they come first in the list. AGENDA4. */
function startedCount(agenda: Agenda): number {
  const index = agenda.items.findIndex((item) => item.startedAt === null);
  return index < 0 ? agenda.items.length : index;
}

function upcomingIndex(agenda: Agenda, id: string): number | Failure {
  const index = agenda.items.findIndex((item) => item.id === id);
  if (index < 0) return notFound(`No agenda item ${id}.`);
  if (agenda.items[index]?.startedAt !== null) return conflict('That item has already started.', 'agendaStarted');
  return index;
}

function checkFields(title: string, durationMs: number): { ok: true; title: string } | Failure {
  const clean = oneLine(title);
  if (clean.length === 0 || clean.length > AGENDA_LIMITS.titleLength) {
    return badRequest(`An agenda item's title has 1 to ${AGENDA_LIMITS.titleLength} characters.`);
  }
  const timer = createTimer(durationMs);
  if (!timer.ok) return timer;
  return { ok: true, title: clean };
}
