// Official responses (CONS15–CONS16): a status and a text answering one contribution or a group;
// a contribution has at most one, so writing a new one for it moves the link. Authors are told
// on their own contributions (`contribution:mine`); everyone sees it on the contribution.
import { relink } from '@open-talks/shared/consultation';
import type { ResponseView, responseEditPayload, responseWritePayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import type { Principal } from '../../sessions/principal.js';
import type { ConsultationContext } from '../context.js';
import { responseView } from '../views.js';
import { notFound, runStep, type Step } from './access.js';
import type { Announcer } from './announce.js';

export class ResponseService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
  ) {}

  write(principal: Principal, body: z.output<typeof responseWritePayload>): Promise<{ response: ResponseView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      await this.requireContributions(step, body.contributionIds);
      const id = newId();
      await step.repos.consultationItems.insertResponse({ id, session_id: step.session.id, status: body.status, text: body.text, responded_at: step.now, edited_at: null });
      return this.link(step, id, [...new Set(body.contributionIds)], []);
    });
  }

  edit(principal: Principal, { responseId, contributionIds, ...change }: z.output<typeof responseEditPayload>): Promise<{ response: ResponseView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultationItems.response(step.session.id, responseId);
      if (!row) notFound('response');
      const links = await step.repos.consultationItems.links(step.session.id);
      const before = [...links].filter(([, r]) => r === responseId).map(([c]) => c);
      if (contributionIds) await this.requireContributions(step, contributionIds);
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      await step.repos.consultationItems.updateResponse(responseId, { ...defined, edited_at: step.now });
      return this.link(step, responseId, contributionIds ? [...new Set(contributionIds)] : before, before);
    });
  }

  delete(principal: Principal, responseId: string): Promise<object> {
    return runStep(this.ctx, principal.session, async (step) => {
      if (!(await step.repos.consultationItems.response(step.session.id, responseId))) notFound('response');
      const links = await step.repos.consultationItems.links(step.session.id);
      const before = [...links].filter(([, r]) => r === responseId).map(([c]) => c);
      await step.repos.consultationItems.deleteResponse(responseId);
      this.tell(step, before);
      return {};
    });
  }

  private async requireContributions(step: Step, ids: readonly string[]): Promise<void> {
    for (const id of ids) if (!(await step.repos.consultation.contribution(step.session.id, id))) notFound('contribution');
  }

  /** Points the contributions at this response (moving any earlier link), drops responses left answering nothing. */
  private async link(step: Step, responseId: string, contributionIds: string[], before: string[]): Promise<{ response: ResponseView }> {
    const items = step.repos.consultationItems;
    const links = await items.links(step.session.id);
    const { emptied } = relink(links, responseId, contributionIds);
    const moved = contributionIds.filter((id) => links.has(id) && links.get(id) !== responseId);
    await items.setLinks(step.session.id, responseId, contributionIds);
    for (const id of emptied) await items.deleteResponse(id);
    this.tell(step, [...new Set([...before, ...contributionIds, ...moved])]);
    const row = (await items.response(step.session.id, responseId))!;
    return { response: responseView(row, [...contributionIds].sort()) };
  }

  private tell(step: Step, contributionIds: string[]): void {
    step.after(async () => {
      for (const id of contributionIds) await this.announce.contribution(step.session, id, 'unchanged');
    });
  }
}
