import { z } from 'zod';
import { AnchorRefused, anchorAudit } from '../audit/anchor.ts';
import { defineJob } from './job.ts';
import type { Schedule } from './registry.ts';

/**
 * Anchors the audit chain's head (audit/anchor.ts), every SABT_AUDIT_ANCHOR_MINUTES. A head that has
 * not moved is not signed again. A chain that no longer holds the last anchor is not anchored: that
 * is reported at error level and the job is dead (see `sabt jobs`), for an operator to look into.
 */
export const anchorAuditJob = defineJob<Record<string, never>>({
  name: 'audit.anchor',
  schema: z.strictObject({}) as unknown as z.ZodType<Record<string, never>>,
  retryLimit: 3,
  retryDelaySeconds: 60,
  timeoutSeconds: 300,
  async handler(_data, ctx) {
    try {
      const { anchor, created } = await anchorAudit(ctx.dbx.db, ctx.config);
      ctx.log.info(
        { seq: anchor.seq, hash: anchor.hash, created },
        created
          ? `audit chain anchored at entry ${anchor.seq}`
          : `audit chain unchanged since entry ${anchor.seq}`,
      );
    } catch (err) {
      if (err instanceof AnchorRefused) ctx.log.error({}, `audit chain not anchored: ${err.message}`);
      throw err;
    }
  },
});

export const anchorAuditSchedule: Schedule = {
  job: anchorAuditJob,
  everyMinutes: (config) => config.auditAnchorMinutes,
};
