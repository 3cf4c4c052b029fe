import { describe, expect, it } from 'vitest';
import { decideAnswer, decideProposal, statementKey, type ProposalContext } from './statements.js';

const open: ProposalContext = { question: { statements: true }, phase: 'contributions', staff: false, moderation: 'post', existing: new Set() };

describe('statements', () => {
  it('CONS30 a participant proposal: trimmed to one line, published under post-moderation, pending under pre', () => {
    expect(decideProposal('  Access\n is   a right.  ', open)).toEqual({ ok: true, text: 'Access is a right.', status: 'published', seeded: false });
    expect(decideProposal('Access is a right.', { ...open, moderation: 'pre' })).toMatchObject({ ok: true, status: 'pending' });
  });

  it('CONS30 staff seed: published and seeded whatever the moderation, also while in draft; not once closed', () => {
    expect(decideProposal('Seed.', { ...open, staff: true, moderation: 'pre', phase: 'draft' })).toMatchObject({ ok: true, status: 'published', seeded: true });
    expect(decideProposal('Seed.', { ...open, staff: true, phase: 'closed' })).toMatchObject({
      ok: false,
      error: { reason: 'statement.phaseClosed', params: { phase: 'closed' } },
    });
    expect(decideProposal('Early.', { ...open, phase: 'draft' })).toMatchObject({ ok: false, error: { reason: 'consultation.notOpenYet' } });
  });

  it('CONS30 at most 140 characters after trimming, counted as people count them (an emoji is one)', () => {
    expect(decideProposal(`  ${'a'.repeat(140)}  `, open)).toMatchObject({ ok: true });
    expect(decideProposal('a'.repeat(141), open)).toMatchObject({ ok: false, error: { reason: 'statement.tooLong', params: { max: 140 } } });
    expect(decideProposal('😀'.repeat(140), open)).toMatchObject({ ok: true });
    expect(decideProposal(' \n ', open)).toMatchObject({ ok: false, error: { reason: 'statement.empty' } });
  });

  it('CONS30 refuses a duplicate (ignoring case and spacing), a question without statements, an unknown question', () => {
    expect(decideProposal('ACCESS  is a right.', { ...open, existing: new Set([statementKey('Access is a right.')]) })).toMatchObject({
      ok: false,
      error: { reason: 'statement.duplicate' },
    });
    expect(decideProposal('Hi.', { ...open, question: { statements: false } })).toMatchObject({ ok: false, error: { reason: 'statement.statementsOff' } });
    expect(decideProposal('Hi.', { ...open, question: undefined })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('CONS31 only a published statement, of a question with statements on, while the phase allows', () => {
    expect(decideAnswer({ status: 'published' }, { statements: true }, 'comments')).toEqual({ ok: true });
    expect(decideAnswer({ status: 'pending' }, { statements: true }, 'comments')).toMatchObject({ ok: false, error: { reason: 'statement.notFound' } });
    expect(decideAnswer({ status: 'published' }, { statements: false }, 'comments')).toMatchObject({ ok: false, error: { reason: 'statement.statementsOff' } });
    expect(decideAnswer({ status: 'published' }, { statements: true }, 'closed')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
