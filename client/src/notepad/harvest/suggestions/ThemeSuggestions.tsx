import { HARVEST_LIMITS, type HarvestIdea, type HarvestTheme } from '@open-talks/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useCommand } from '../../../hooks/useCommand';
import { acceptProposal, mergeProposals, stillUnthemed, type Proposal } from './proposals';
import './suggestions.css';
import { ideaLanguageAttrs } from '../../idea-language';

export interface ThemeSuggestionsProps {
  sessionId: string;
  doc: Y.Doc;
  ideas: HarvestIdea[];
  themes: HarvestTheme[];
  /** Harvest idea key → theme id. */
  placement: Map<string, string>;
}

/**
 * "Suggest themes" (THEME9–THEME12): the server proposes themes for the unthemed ideas; a writer
 * renames, merges, accepts or rejects each. Nothing reaches the harvest until Accept, which
 * creates the theme and places its ideas in one change. Lives in the board's lazy chunk.
 */
export function ThemeSuggestions({ sessionId, doc, ideas, themes, placement }: ThemeSuggestionsProps) {
  const { t } = useTranslation();
  const { send, busy, message: refusal } = useCommand();
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const suggestRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const id = useId();

  async function suggest() {
    setError('');
    setStatus(t('themeSuggest.suggesting'));
    const ack = await send('harvest:suggest-themes', {});
    if (!ack) return setStatus('');
    const fresh = ack.themes.map((theme, i) => ({ ...theme, id: `${sessionId}-${Date.now()}-${i}` }));
    setProposals(fresh);
    setStatus(fresh.length ? t('themeSuggest.received', { count: fresh.length }) : t('themeSuggest.none'));
  }

  /** After a proposal leaves the list, the keyboard goes to the next one's name, or back to Suggest. */
  function focusAfter(index: number) {
    requestAnimationFrame(() => {
      const names = listRef.current?.querySelectorAll<HTMLInputElement>('input[data-proposal-name]');
      const next = names?.[Math.min(index, names.length - 1)];
      (next ?? suggestRef.current)?.focus();
    });
  }

  function update(proposal: Proposal, changes: Partial<Proposal>) {
    setProposals((list) => list?.map((p) => (p.id === proposal.id ? { ...p, ...changes } : p)) ?? null);
  }

  function remove(proposal: Proposal) {
    const index = proposals?.findIndex((p) => p.id === proposal.id) ?? 0;
    setProposals((list) => list?.filter((p) => p.id !== proposal.id) ?? null);
    focusAfter(index);
  }

  function accept(proposal: Proposal) {
    const name = proposal.name.trim();
    const keys = stillUnthemed(proposal, ideas, themes, placement).map((idea) => idea.key);
    if (keys.length === 0) {
      setError(t('themeSuggest.nothingLeft', { name }));
      return;
    }
    const result = acceptProposal(doc, name, keys);
    if (!result.ok) {
      setError(t(`harvest.error.${result.reason}`));
      return;
    }
    setError('');
    setStatus(t('themeSuggest.accepted', { name, count: keys.length }));
    remove(proposal);
  }

  function reject(proposal: Proposal) {
    setError('');
    setStatus(t('themeSuggest.rejected', { name: proposal.name }));
    remove(proposal);
  }

  function merge(from: Proposal, intoId: string) {
    const into = proposals?.find((p) => p.id === intoId);
    if (!into) return;
    setError('');
    const index = proposals!.findIndex((p) => p.id === from.id);
    setProposals((list) => list?.flatMap((p) => (p.id === from.id ? [] : p.id === into.id ? [mergeProposals(p, from)] : [p])) ?? null);
    setStatus(t('themeSuggest.merged', { from: from.name, to: into.name }));
    focusAfter(index);
  }

  return (
    <section className="card theme-suggestions" aria-labelledby={`${id}-heading`} data-testid="theme-suggestions">
      <h2 id={`${id}-heading`}>{t('themeSuggest.heading')}</h2>
      <p className="hint">{t('themeSuggest.hint')}</p>
      <button type="button" ref={suggestRef} onClick={() => void suggest()} aria-disabled={busy}>
        {proposals ? t('themeSuggest.again') : t('themeSuggest.suggest')}
      </button>
      <p role="status" aria-live="polite" className="muted theme-suggestions-status">
        {status}
      </p>
      <p role="alert" className="form-error">
        {error || (refusal?.error ? refusal.text : '')}
      </p>
      {proposals && proposals.length > 0 && (
        <ol className="theme-proposals" ref={listRef} aria-label={t('themeSuggest.listLabel')}>
          {proposals.map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              others={proposals.filter((p) => p.id !== proposal.id)}
              ideas={stillUnthemed(proposal, ideas, themes, placement)}
              onRename={(name) => update(proposal, { name })}
              onAccept={() => accept(proposal)}
              onReject={() => reject(proposal)}
              onMerge={(intoId) => merge(proposal, intoId)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface ProposalItemProps {
  proposal: Proposal;
  others: Proposal[];
  ideas: HarvestIdea[];
  onRename: (name: string) => void;
  onAccept: () => void;
  onReject: () => void;
  onMerge: (intoId: string) => void;
}

function ProposalItem({ proposal, others, ideas, onRename, onAccept, onReject, onMerge }: ProposalItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mergeInto, setMergeInto] = useState('');
  const target = others.some((p) => p.id === mergeInto) ? mergeInto : (others[0]?.id ?? '');
  const named = proposal.name.trim().length > 0;
  return (
    <li className="theme-proposal" aria-labelledby={`${id}-name-label`}>
      <div className="theme-proposal-name">
        <label id={`${id}-name-label`} htmlFor={`${id}-name`}>
          {t('themeSuggest.name')}
        </label>
        <input id={`${id}-name`} data-proposal-name value={proposal.name} maxLength={HARVEST_LIMITS.themeNameLength} onChange={(e) => onRename(e.target.value)} dir="auto" />
      </div>
      <p className="theme-proposal-terms">
        {t('themeSuggest.terms')}{' '}
        {proposal.terms.map((term) => (
          <bdi key={term} className="theme-proposal-term" dir="auto">
            {term}
          </bdi>
        ))}
      </p>
      <details className="theme-proposal-ideas">
        <summary>{t('themeSuggest.ideas', { count: ideas.length })}</summary>
        <ul>
          {ideas.map((idea) => (
            <li key={idea.key}>
              <bdi {...ideaLanguageAttrs(idea.language, idea.text)}>{idea.text}</bdi>
            </li>
          ))}
        </ul>
      </details>
      <div className="button-row">
        <button type="button" onClick={onAccept} aria-disabled={!named || ideas.length === 0}>
          {t('themeSuggest.accept')}
        </button>
        <button type="button" className="secondary" onClick={onReject}>
          {t('themeSuggest.reject')}
        </button>
        {others.length > 0 && (
          <span className="theme-proposal-merge">
            <label htmlFor={`${id}-merge`}>{t('themeSuggest.mergeWith')}</label>
            <select id={`${id}-merge`} value={target} onChange={(e) => setMergeInto(e.target.value)}>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name || t('themeSuggest.unnamed')}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={() => target && onMerge(target)}>
              {t('themeSuggest.merge')}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
