// The lite pages (LITE1–LITE49, docs/lite.md): join, the session page by format, and the form
// pages that never reload themselves (ask, contribute) plus the captions page. Pure renderers.
import { STAKEHOLDER_GROUPS, MODES, SELF_JOIN_ROLES, focusRound, type SessionFormat } from '@open-talks/shared';
import type { CafeLive, ConsultationLive, ContributionView, PromptView, SessionPreview, SessionState, TownhallLive } from '@open-talks/shared/protocol';
import type { PollItem } from '@open-talks/shared/protocol';
import { esc, hidden, notice, page, plain, shown } from './html.js';
import { credit, timeLeft, Versions, type Words } from './text.js';
import { CSRF_FIELD, TOKEN_FIELD } from './auth.js';

/** What every page of a signed-in person needs: where it is, and how its forms prove themselves. */
export interface Signed {
  code: string;
  words: Words;
  csrf: string;
  /** Set when the browser keeps no cookie: the token rides in every form and link (docs/lite.md). */
  token: string | null;
  now: number;
}

/** Top-of-page note from the address after a redirect: `?e=<code>` or `?m=<what went through>`. */
export interface Flash {
  error?: string;
  done?: string;
}

function base(s: Pick<Signed, 'code'>): string {
  return `/lite/${s.code}`;
}

/** A link within the lite pages, carrying the token when there is no cookie. */
export function href(s: Pick<Signed, 'code' | 'token'>, path = ''): string {
  return `${base(s)}${path}${s.token ? `?${TOKEN_FIELD}=${encodeURIComponent(s.token)}` : ''}`;
}

/** The hidden fields every form of a signed-in page carries (LITE12). */
function proof(s: Signed): string {
  return hidden(CSRF_FIELD, s.csrf) + (s.token ? hidden(TOKEN_FIELD, s.token) : '');
}

/** A one-button form (upvote, raise hand): posts and comes back here (POST → 303 → GET). */
function button(s: Signed, action: string, label: string, fields: Record<string, string> = {}, describedBy?: string): string {
  const extra = Object.entries(fields)
    .map(([k, v]) => hidden(k, v))
    .join('');
  const aria = describedBy ? ` aria-describedby="${esc(describedBy)}"` : '';
  return `<form class="i" method="post" action="${base(s)}/${action}">${proof(s)}${extra}<button type="submit"${aria}>${esc(label)}</button></form>`;
}

function flash(t: Words['t'], f: Flash): string {
  return (f.error ? notice('error', f.error) : '') + (f.done ? notice('done', t(`lite.done.${f.done}`)) : '');
}

function header(s: Signed, title: string, format: SessionFormat): string {
  const { t } = s.words;
  return `<h1 dir="auto">${esc(title)}</h1><p class="m">${esc(t(`words.format.${format}`))} · <a href="${href(s)}">${esc(t('lite.reload'))}</a></p>`;
}

function footer(s: Signed): string {
  const { t } = s.words;
  return `<h2>${esc(t('lite.leaveHeading'))}</h2><p class="m">${esc(t('lite.leaveHint'))}</p>${button(s, 'leave', t('lite.leave'))}`;
}

// ── Join ─────────────────────────────────────────────────────────────────────────────────────
export interface JoinPage {
  code: string;
  preview: SessionPreview;
  words: Words;
  error?: string;
  /** The join came back without the cookie: offer the way without cookies (LITE14). */
  noCookie?: boolean;
}

/**
 * The roles one may take oneself here: all but `hub`, whose registration (name, place, headcount,
 * groups) the full app's join form asks for; hubs join from the full app (docs/lite.md).
 */
export const LITE_JOIN_ROLES = SELF_JOIN_ROLES.filter((r) => r !== 'hub');

function radios(name: string, legend: string, items: { value: string; label: string }[], checked: string): string {
  const inputs = items
    .map((i) => `<label><input type="radio" name="${name}" value="${esc(i.value)}"${i.value === checked ? ' checked' : ''}> ${esc(i.label)}</label><br>`)
    .join('');
  return `<fieldset><legend>${esc(legend)}</legend>${inputs}</fieldset>`;
}

export function joinPage({ code, preview, words, error, noCookie }: JoinPage): string {
  const { t, language } = words;
  const groups = STAKEHOLDER_GROUPS.map((g) => `<option value="${g}">${esc(t(`words.group.${g}`))}</option>`).join('');
  const languages = preview.languages.map((l) => `<option value="${l}" lang="${l}"${l === language ? ' selected' : ''}>${esc(t(`words.languageName.${l}`))}</option>`).join('');
  const roles =
    LITE_JOIN_ROLES.length > 1
      ? radios(
          'role',
          t('lite.join.roleLabel'),
          LITE_JOIN_ROLES.map((r) => ({ value: r, label: t(`words.role.${r}`) })),
          'participant',
        )
      : '';
  const invitation =
    preview.format === 'consultation'
      ? `<p><label for="j-inv">${esc(t('lite.join.invitationLabel'))}</label><br><input id="j-inv" name="invitationCode" maxlength="32" autocomplete="off"></p>`
      : '';
  const body =
    `<h1 dir="auto">${esc(t('join.title', { title: preview.title }))}</h1>` +
    `<p class="m">${esc(t(`words.format.${preview.format}`))}</p>` +
    (error ? notice('error', error) : '') +
    (noCookie ? notice('error', t('lite.join.cookieLost')) : '') +
    `<p>${esc(t('join.attributionNotice', { rule: t(`words.attribution.${preview.attribution}`) }))}</p>` +
    `<form method="post" action="/lite/${esc(code)}/join">` +
    `<p><label for="j-name">${esc(t('join.nameLabel'))}</label><br><input id="j-name" name="displayName" maxlength="60" autocomplete="nickname" aria-describedby="j-name-h"><br><span id="j-name-h" class="m">${esc(t('join.nameHint'))}</span></p>` +
    `<p><label><input type="checkbox" name="anonymous" value="1"> ${esc(t('join.anonymousLabel'))}</label></p>` +
    `<p><label for="j-group">${esc(t('join.groupLabel'))}</label><br><select id="j-group" name="stakeholderGroup">${groups}</select></p>` +
    `<p><label for="j-lang">${esc(t('join.languageLabel'))}</label><br><select id="j-lang" name="language">${languages}</select></p>` +
    radios(
      'mode',
      t('join.modeLabel'),
      MODES.map((m) => ({ value: m, label: t(`words.mode.${m}`) })),
      'remote',
    ) +
    roles +
    invitation +
    `<p><label><input type="checkbox" name="nocookie" value="1"${noCookie ? ' checked' : ''} aria-describedby="j-nc-h"> ${esc(t('lite.join.noCookieLabel'))}</label><br><span id="j-nc-h" class="m">${esc(t('lite.join.noCookieHint'))}</span></p>` +
    `<p><button type="submit">${esc(t('join.submit'))}</button></p></form>`;
  return page({ language, title: t('join.title', { title: preview.title }), skip: t('lite.skip'), body });
}

/** A page with one message: a wrong code, a removed person, a refused request before anyone is known. */
export function messagePage(words: Words, title: string, message: string): string {
  return page({ language: words.language, title, skip: words.t('lite.skip'), body: `<h1>${esc(title)}</h1><p>${esc(message)}</p>` });
}

// ── Café ─────────────────────────────────────────────────────────────────────────────────────
function prompts(s: Signed, v: Versions, list: PromptView[]): string {
  const { t } = s.words;
  if (list.length === 0) return '';
  const latest = [...list].sort((a, b) => b.sentAt - a.sentAt).slice(0, 5);
  const items = latest.map(
    (p) => `<li>${shown(v.content({ kind: 'cafe-prompt', id: p.id, field: 'text' }, p.text))}${p.tableId ? ` <span class="m">(${esc(t('lite.cafe.toTable'))})</span>` : ''}</li>`,
  );
  return `<h2>${esc(t('lite.cafe.prompts'))}</h2><ul>${items.join('')}</ul>`;
}

export function cafeBody(s: Signed, state: SessionState, cafe: CafeLive, v: Versions): string {
  const { t } = s.words;
  const { live, seat } = cafe;
  const count = live.rounds.length;
  const focus = live.focusRound ?? focusRound(live.run, count);
  const round = focus ? live.rounds[focus - 1] : undefined;
  const status =
    live.phase === 'not-started'
      ? t('lite.cafe.notStarted')
      : live.phase === 'in-round'
        ? t('lite.cafe.round', { round: live.run.round, count })
        : live.phase === 'between-rounds'
          ? t('lite.cafe.between', { round: live.run.round, next: focus ?? live.run.round + 1 })
          : t('lite.cafe.finished');
  const left = live.phase === 'in-round' ? timeLeft(t, live.run.timer, s.now) : null;
  const question = round && focus ? `<p><strong>${shown(v.content({ kind: 'cafe-round', id: String(focus), field: 'question' }, round.question))}</strong></p>` : '';
  let seatHtml: string;
  if (!seat) seatHtml = `<p>${esc(t('lite.cafe.noSeat'))}</p>`;
  else {
    const where = t('lite.cafe.table', { number: seat.table.number, label: seat.table.label });
    const change = t(`lite.cafe.change.${seat.change}`);
    const host = seat.youHost ? t('lite.cafe.youHost') : seat.host ? t('lite.cafe.host', { who: credit(t, seat.host) }) : '';
    const video = seat.table.videoUrl ? `<p><a href="${esc(seat.table.videoUrl)}" rel="noopener noreferrer">${esc(t('lite.cafe.video'))}</a></p>` : '';
    seatHtml =
      `<p><strong dir="auto">${esc(where)}</strong></p><p>${esc(change)}</p>` +
      (host ? `<p>${esc(host)}</p>` : '') +
      // SEAT11: at a hub's own table its room discusses together; nobody else is seated there.
      `<p>${esc(seat.table.hub ? t('run.hubTableHere') : t('lite.cafe.tablemates', { count: seat.tablemates.length }))}</p>${video}`;
  }
  return (
    `<h2>${esc(t('lite.cafe.roundHeading'))}</h2><p>${esc(status)}</p>${question}` +
    (left ? `<p><strong>${esc(left)}</strong></p>` : '') +
    `<h2>${esc(t('lite.cafe.seatHeading', { round: seat?.round ?? focus ?? 1 }))}</h2>${seatHtml}` +
    prompts(s, v, [...live.prompts, ...(seat?.prompts ?? [])]) +
    `<p class="m">${esc(t('lite.attendance', { count: state.attendance.participants.joined }))}</p>`
  );
}

// ── Town Hall ────────────────────────────────────────────────────────────────────────────────
function pollForm(s: Signed, v: Versions, item: PollItem): string {
  const { t } = s.words;
  const { poll, ballot } = item;
  const id = `p-${poll.id}`;
  const question = shown(v.content({ kind: 'poll', id: poll.id, field: 'question' }, poll.question));
  const chosen = new Set(ballot ? (Array.isArray(ballot.choice) ? ballot.choice.map(String) : [String(ballot.choice)]) : []);
  let inputs: string;
  if (poll.kind === 'single' || poll.kind === 'multiple') {
    const type = poll.kind === 'single' ? 'radio' : 'checkbox';
    inputs = poll.options
      .map((o) => {
        const label = shown(v.content({ kind: 'poll', id: poll.id, field: `option:${o.id}` }, o.label));
        return `<label><input type="${type}" name="choice" value="${esc(o.id)}"${chosen.has(o.id) ? ' checked' : ''}> ${label}</label><br>`;
      })
      .join('');
    if (poll.kind === 'multiple' && poll.maxChoices !== null) inputs += `<span class="m">${esc(t('lite.th.maxChoices', { count: poll.maxChoices }))}</span>`;
  } else if (poll.kind === 'rating' && poll.scale) {
    const { min, max, minLabel, maxLabel } = poll.scale;
    const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    inputs =
      (minLabel || maxLabel ? `<span class="m" dir="auto">${esc(`${min}: ${minLabel ?? ''} – ${max}: ${maxLabel ?? ''}`)}</span><br>` : '') +
      values.map((n) => `<label><input type="radio" name="choice" value="${n}"${chosen.has(String(n)) ? ' checked' : ''}> ${n}</label> `).join('');
  } else {
    inputs = Array.from({ length: poll.maxEntries }, (_, i) => {
      const value = ballot && Array.isArray(ballot.choice) ? String(ballot.choice[i] ?? '') : i === 0 && ballot ? String(ballot.choice) : '';
      return `<label for="${id}-w${i}">${esc(t('lite.th.word', { number: i + 1 }))}</label> <input id="${id}-w${i}" name="choice" maxlength="200" value="${esc(value)}"><br>`;
    }).join('');
  }
  const voted = ballot ? `<p class="m">${esc(t('lite.th.voted'))}</p>` : '';
  return (
    `<form method="post" action="${base(s)}/vote">${proof(s)}${hidden('pollId', poll.id)}${hidden('kind', poll.kind)}` +
    `<fieldset><legend>${question}</legend>${inputs}</fieldset>${voted}<p><button type="submit">${esc(t(ballot ? 'lite.th.changeVote' : 'lite.th.vote'))}</button></p></form>`
  );
}

const QUESTIONS_SHOWN = 50;

export function townhallBody(s: Signed, state: SessionState, th: TownhallLive, v: Versions): string {
  const { t } = s.words;
  const item = th.agenda.items.find((i) => i.id === th.agenda.currentId);
  const left = item ? timeLeft(t, th.agenda.timer, s.now) : null;
  const agenda = item
    ? `<p><strong>${shown(v.content({ kind: 'agenda-item', id: item.id, field: 'title' }, item.title))}</strong></p>${left ? `<p>${esc(left)}</p>` : ''}`
    : `<p>${esc(t('lite.th.noAgenda'))}</p>`;
  const floor = th.you?.hasFloor ? t('lite.th.youHaveFloor') : th.floor ? t('lite.th.floor', { who: credit(t, th.floor.speaker) }) : t('lite.th.noFloor');
  const you = th.you;
  const hand = you?.raised
    ? `<p>${esc(you.position === 0 ? t('lite.th.handNext') : t('lite.th.handRaised', { position: (you.position ?? 0) + 1 }))}</p>${button(s, 'hand', t('lite.th.lower'), { raise: '0' })}`
    : `<p>${esc(t('lite.th.handDown'))}</p>${button(s, 'hand', t('lite.th.raise'), { raise: '1' })}`;
  const open = th.polls.filter((p) => p.poll.status === 'open');
  const polls = open.length ? open.map((p) => pollForm(s, v, p)).join('') : `<p>${esc(t('lite.th.noPoll'))}</p>`;
  const myVotes = new Set(th.qa.myVotes);
  const questions = th.qa.questions.slice(0, QUESTIONS_SHOWN).map((q) => {
    const text = v.contribution({ kind: 'question', id: q.id, field: 'text' }, q.text);
    const qid = `q-${q.id}`;
    const by = q.mine ? t('lite.th.yours') : credit(t, q.author);
    const status =
      q.status === 'answered' ? ` · ${t('lite.th.answered')}` : q.status === 'pending' ? ` · ${t('lite.th.pending')}` : q.status === 'hidden' ? ` · ${t('lite.th.hidden')}` : '';
    const up = myVotes.has(q.id);
    const vote = q.status === 'visible' && !q.mine ? button(s, 'upvote', t(up ? 'lite.th.unvote' : 'lite.th.upvote'), { questionId: q.id, up: up ? '0' : '1' }, qid) : '';
    return `<li>${text ? shown(text, 'span', qid) : plain(q.text, 'span', qid)}<br><span class="m">${esc(by)} · ${esc(t('lite.th.votes', { count: q.votes }))}${esc(status)}</span> ${vote}</li>`;
  });
  const more = th.qa.questions.length > QUESTIONS_SHOWN ? `<p class="m">${esc(t('lite.th.more', { count: th.qa.questions.length - QUESTIONS_SHOWN }))}</p>` : '';
  const captions = th.captions.slice(-5);
  const captionList = captions.length
    ? `<ul>${captions.map((c) => `<li lang="${esc(c.language)}" dir="auto">${esc(c.text)}</li>`).join('')}</ul>`
    : `<p>${esc(t('lite.th.noCaptions'))}</p>`;
  return (
    `<h2>${esc(t('lite.th.agendaHeading'))}</h2>${agenda}<p>${esc(floor)}</p>` +
    `<h2>${esc(t('lite.th.handHeading'))}</h2>${hand}` +
    `<h2>${esc(t('lite.th.pollHeading'))}</h2>${polls}` +
    `<h2>${esc(t('lite.th.questionsHeading'))}</h2><p><a href="${href(s, '/ask')}">${esc(t('lite.th.ask'))}</a></p>` +
    (questions.length ? `<ol>${questions.join('')}</ol>${more}` : `<p>${esc(t('lite.th.noQuestions'))}</p>`) +
    `<h2>${esc(t('lite.th.captionsHeading'))}</h2>${captionList}` +
    `<p><a href="${href(s, '/captions')}">${esc(t('lite.th.allCaptions'))}</a> · <a href="${href(s, '/captions.txt')}">${esc(t('lite.th.captionStream'))}</a></p>` +
    `<p class="m">${esc(t('lite.attendance', { count: state.attendance.participants.joined }))}</p>`
  );
}

export function askPage(s: Signed, title: string, th: TownhallLive, attributionAnonymous: boolean, flashes: Flash, text = ''): string {
  const { t, language } = s.words;
  const anonymous =
    th.settings.anonymousQuestions && !attributionAnonymous ? `<p><label><input type="checkbox" name="anonymous" value="1"> ${esc(t('lite.ask.anonymous'))}</label></p>` : '';
  const body =
    `<h1 dir="auto">${esc(title)}</h1>${flash(t, flashes)}<h2>${esc(t('lite.ask.heading'))}</h2>` +
    `<form method="post" action="${base(s)}/ask">${proof(s)}<p><label for="a-text">${esc(t('lite.ask.label'))}</label><br>` +
    `<textarea id="a-text" name="text" rows="4" maxlength="2000" required dir="auto">${esc(text)}</textarea></p>${anonymous}` +
    (th.settings.moderation === 'pre' ? `<p class="m">${esc(t('lite.ask.moderated'))}</p>` : '') +
    `<p><button type="submit">${esc(t('lite.ask.submit'))}</button></p></form><p><a href="${href(s)}">${esc(t('lite.back'))}</a></p>`;
  return page({ language, title: t('lite.ask.heading'), skip: t('lite.skip'), body });
}

export function captionsPage(s: Signed, state: SessionState, th: TownhallLive): string {
  const { t, language } = s.words;
  const list = th.captions.length
    ? `<ol>${th.captions.map((c) => `<li lang="${esc(c.language)}" dir="auto">${esc(c.text)}</li>`).join('')}</ol>`
    : `<p>${esc(t('lite.th.noCaptions'))}</p>`;
  const body =
    `<h1 dir="auto">${esc(state.session.title)}</h1><h2>${esc(t('lite.th.captionsHeading'))}</h2>${list}` +
    `<p><a href="${href(s, '/captions.txt')}">${esc(t('lite.th.captionStream'))}</a> · <a href="${href(s)}">${esc(t('lite.back'))}</a></p>`;
  return page({ language, title: t('lite.th.captionsHeading'), skip: t('lite.skip'), body, refresh: { seconds: 10, url: href(s, '/captions') } });
}

// ── Consultation ─────────────────────────────────────────────────────────────────────────────
const EXCERPT = 400; // characters of a contribution on the page

function contributionItem(s: Signed, v: Versions, c: ContributionView, mine: boolean): string {
  const { t } = s.words;
  const title = v.contribution({ kind: 'contribution', id: c.id, field: 'title' }, c.title, c.language);
  const text = v.contribution({ kind: 'contribution', id: c.id, field: 'text' }, c.text, c.language);
  const cut = (x: string) => (x.length > EXCERPT ? `${x.slice(0, EXCERPT)}…` : x);
  const textHtml = text ? shown({ ...text, text: cut(text.text) }, 'p') : plain(cut(c.text), 'p');
  const titleHtml = c.title ? (title ? shown(title, 'strong') : plain(c.title, 'strong')) : '';
  const meta = mine ? t(`lite.consult.status.${c.status}`) : `${credit(t, c.author)} · ${t('lite.consult.supports', { count: c.supports })}`;
  return `<li>${titleHtml}${textHtml}<span class="m">${esc(meta)}</span></li>`;
}

export function consultationBody(s: Signed, state: SessionState, live: ConsultationLive, recent: ContributionView[], v: Versions): string {
  const { t } = s.words;
  const { consultation, you } = live;
  const open = consultation.phase === 'contributions';
  const bg = consultation.settings.background.trim();
  const background = bg ? `<h2>${esc(t('lite.consult.background'))}</h2>${shown(v.content({ kind: 'consultation', id: state.session.id, field: 'background' }, bg), 'p')}` : '';
  const questions = consultation.questions
    .map((q) => {
      const title = shown(v.content({ kind: 'consultation-question', id: q.id, field: 'title' }, q.text), 'strong');
      const desc = q.description ? shown(v.content({ kind: 'consultation-question', id: q.id, field: 'text' }, q.description), 'p') : '';
      const link = open ? `<a href="${esc(href(s, '/contribute'))}${s.token ? '&amp;' : '?'}q=${esc(q.id)}">${esc(t('lite.consult.contribute'))}</a>` : '';
      return `<li>${title}${desc}<br><span class="m">${esc(t('lite.consult.counts', q.counts))}</span>${link ? `<br>${link}` : ''}</li>`;
    })
    .join('');
  const mine = you?.mine.length ? `<h2>${esc(t('lite.consult.mine'))}</h2><ul>${you.mine.map((c) => contributionItem(s, v, c, true)).join('')}</ul>` : '';
  const list = recent.length ? `<ul>${recent.map((c) => contributionItem(s, v, c, false)).join('')}</ul>` : `<p>${esc(t('lite.consult.none'))}</p>`;
  return (
    `<p><strong>${esc(t(`lite.consult.phase.${consultation.phase}`))}</strong></p>${background}` +
    `<h2>${esc(t('lite.consult.questions'))}</h2><ol>${questions}</ol>${mine}` +
    `<h2>${esc(t('lite.consult.recent'))}</h2>${list}`
  );
}

export interface ContributeForm {
  questionId: string;
  title: string;
  text: string;
}

export function contributePage(s: Signed, title: string, live: ConsultationLive, v: Versions, flashes: Flash, form: ContributeForm): string {
  const { t, language } = s.words;
  const options = live.consultation.questions
    .map((q) => {
      const text = v.content({ kind: 'consultation-question', id: q.id, field: 'title' }, q.text);
      return `<option value="${esc(q.id)}" lang="${esc(text.language)}"${q.id === form.questionId ? ' selected' : ''}>${esc(text.text)}</option>`;
    })
    .join('');
  const open = live.consultation.phase === 'contributions';
  const body =
    `<h1 dir="auto">${esc(title)}</h1>${flash(t, flashes)}<h2>${esc(t('lite.consult.contributeHeading'))}</h2>` +
    (open
      ? `<form method="post" action="${base(s)}/contribute">${proof(s)}` +
        `<p><label for="c-q">${esc(t('lite.consult.question'))}</label><br><select id="c-q" name="questionId">${options}</select></p>` +
        `<p><label for="c-title">${esc(t('lite.consult.titleLabel'))}</label><br><input id="c-title" name="title" maxlength="200" value="${esc(form.title)}" dir="auto"></p>` +
        `<p><label for="c-text">${esc(t('lite.consult.textLabel'))}</label><br><textarea id="c-text" name="text" rows="8" required dir="auto">${esc(form.text)}</textarea></p>` +
        (live.consultation.settings.moderation === 'pre' ? `<p class="m">${esc(t('lite.consult.moderated'))}</p>` : '') +
        `<p><button type="submit">${esc(t('lite.consult.submit'))}</button></p></form>`
      : `<p>${esc(t('lite.consult.closed'))}</p>`) +
    `<p><a href="${href(s)}">${esc(t('lite.back'))}</a></p>`;
  return page({ language, title: t('lite.consult.contributeHeading'), skip: t('lite.skip'), body });
}

// ── The session page ─────────────────────────────────────────────────────────────────────────
/** How often the session page reloads itself (LITE8): faster while something runs out or is open. */
export function refreshSeconds(state: SessionState): number {
  if (state.cafe) return state.cafe.live.phase === 'in-round' ? 20 : 30;
  if (state.townhall) {
    const th = state.townhall;
    const busy = th.polls.some((p) => p.poll.status === 'open') || th.floor !== null || th.agenda.timer?.status === 'running';
    return busy ? 15 : 30;
  }
  return 60;
}

export function sessionPage(s: Signed, state: SessionState, body: string, flashes: Flash): string {
  const { t, language } = s.words;
  const seconds = refreshSeconds(state);
  const content = header(s, state.session.title, state.session.format) + flash(t, flashes) + body + `<p class="m">${esc(t('lite.refreshes', { seconds }))}</p>` + footer(s);
  return page({ language, title: state.session.title, skip: t('lite.skip'), body: content, refresh: { seconds, url: href(s) } });
}
