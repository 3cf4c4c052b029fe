// The opinion worker's thread (CONS36): computes one report per message, off the event loop, so a
// 5,000 × 200 computation (about a second) never delays anyone's command or broadcast.
import { parentPort } from 'node:worker_threads';
import { computeOpinionReport, type OpinionInput } from '@open-talks/shared/consultation/opinion';

parentPort?.on('message', ({ id, input }: { id: number; input: OpinionInput }) => {
  try {
    parentPort!.postMessage({ id, report: computeOpinionReport(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
