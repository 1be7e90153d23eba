// Without startingDeadlineSeconds a CronJob that missed too many schedules stops starting jobs for good.
import { defineRule } from '../src/lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'cronjob-starting-deadline',
    severity: 'info',
    category: 'reliability',
    description: 'CronJob has no startingDeadlineSeconds',
    rationale:
      'The CronJob controller counts the schedules missed since the last run (controller downtime, a suspended CronJob, concurrencyPolicy Forbid); beyond 100 it logs "too many missed start times" and starts no job. With startingDeadlineSeconds it only counts the misses inside that window, and a late start past the deadline is skipped instead of piling up. Off by default (on in kubefit:strict): most CronJobs never miss a hundred schedules.',
    remediation: 'Set spec.startingDeadlineSeconds to how late a run may still start, for example 200 for a job scheduled every few minutes.',
    defaultOn: false,
    appliesTo: { target: 'object', kinds: ['CronJob'] },
    messages: { missing: 'CronJob has no startingDeadlineSeconds, so after 100 missed schedules it stops starting jobs' },
  },
  check(cronJob, { report }) {
    if (cronJob.has(['spec', 'startingDeadlineSeconds'])) return;
    report({ messageId: 'missing', at: ['spec'], on: 'key' });
  },
});
