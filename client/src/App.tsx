import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { Home } from './views/Home';
import { Join } from './views/Join';

// What the entry chunk holds is what the join page needs (and Home, which is as small): every
// other view is its own chunk, fetched when its route is opened, so a participant on a weak
// link waits for nothing else before the join form (WEB1 in docs/spec.md).
const Participant = lazy(() => import('./views/Participant').then((m) => ({ default: m.Participant })));
// The console and the projector are never needed by participants: separate chunks.
const Console = lazy(() => import('./views/Console'));
const Projector = lazy(() => import('./views/Projector'));
// The notepad (CodeMirror, Yjs) is the heaviest part: its own chunk, loaded where it is shown.
const NotepadPage = lazy(() => import('./notepad/NotepadPage'));
const Rapporteur = lazy(() => import('./views/Rapporteur'));
// The translation desk (issue 18): translators and staff only.
const Desk = lazy(() => import('./translation/Desk'));
const HarvestPage = lazy(() => import('./notepad/harvest/HarvestPage'));
// The public outcome page: read by anyone with the link, never by participants in a session.
const PublicRecord = lazy(() => import('./views/PublicRecord'));
// A series (issue 16): its console, and the shared draft of its information document (CodeMirror, Yjs).
const SeriesConsole = lazy(() => import('./series/core/SeriesConsole'));
const DraftPage = lazy(() => import('./series/draft/DraftPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/s/:id/projector">{(params) => <Projector sessionId={params.id} />}</Route>
        <Route>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/">
                  <Home />
                </Route>
                <Route path="/join/:code?">{(params) => <Join code={params.code} />}</Route>
                <Route path="/s/:id/notes/:tableId/:round">{(params) => <NotepadPage sessionId={params.id} tableId={params.tableId} round={Number(params.round)} />}</Route>
                <Route path="/s/:id/harvest">{(params) => <HarvestPage sessionId={params.id} />}</Route>
                <Route path="/series/:id/draft/:lang?">{(params) => <DraftPage seriesId={params.id} language={params.lang} />}</Route>
                <Route path="/series/:id">{(params) => <SeriesConsole seriesId={params.id} />}</Route>
                <Route path="/p/:slug">{(params) => <PublicRecord slug={params.slug} />}</Route>
                <Route path="/s/:id/rapporteur">{(params) => <Rapporteur sessionId={params.id} />}</Route>
                <Route path="/s/:id/translate">{(params) => <Desk sessionId={params.id} />}</Route>
                <Route path="/s/:id/console">{(params) => <Console sessionId={params.id} />}</Route>
                <Route path="/s/:id">{(params) => <Participant sessionId={params.id} />}</Route>
                <Route>
                  <Home />
                </Route>
              </Switch>
            </Suspense>
          </Layout>
        </Route>
      </Switch>
    </Suspense>
  );
}
