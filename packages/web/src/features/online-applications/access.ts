import { startsRecords } from '@sabt/core';

/** Who takes applications (core: the roles that start records) sees the office's online ones. */
export const takesApplications = startsRecords;
