import { getCredential } from './state/credentials';

// On a weak link every round trip counts: the code a participant's page will need is fetched
// while the language catalog loads and the live connection opens, not one after the other.
// React.lazy's own import() of the same module then finds it loaded.

/** A café participant's view shows the table notepad (CodeMirror and Yjs: most of its bytes). */
export function prefetchTableNotepad(sessionId: string): void {
  const format = getCredential(sessionId)?.format;
  if (format === 'cafe') void import('./notepad/TableNotepad');
  // A consultation's page is its own chunk too (CONS40).
  else if (format === 'consultation') void import('./views/participant/consultation/ConsultationView');
}

/** Starts fetching the view of a participant's address (/s/:id, /s/:id/notes/…) at startup. */
export function preloadParticipantRoute(path: string): void {
  const match = /^\/s\/([^/]+)(\/notes\/)?/.exec(path);
  if (!match) return;
  const [whole, sessionId, notes] = match;
  if (notes) void import('./notepad/NotepadPage');
  else if (whole === path.replace(/\/$/, '')) {
    void import('./views/Participant');
    prefetchTableNotepad(sessionId!);
  }
}
