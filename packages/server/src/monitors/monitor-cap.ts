/**
 * At most this many monitors per project: a job that upserts with a new slug per run (a
 * timestamp in the slug) would otherwise create monitors without bound. Check-ins that would
 * create one more are dropped with outcome invalid (`monitor_limit`); the API answers 400.
 */
export const MONITOR_CAP_PER_PROJECT = 1000;
