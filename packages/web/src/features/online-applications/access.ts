import { ACTION_MATRIX } from '@sabt/core';

/** Who takes applications (core's action matrix: who starts a record) sees the office's online ones. */
export const takesApplications = (role: string | undefined) =>
  ACTION_MATRIX.some((r) => r.action === 'create' && r.roles.includes(role as never));
