/**
 * Time limits for every package's tests, sized for a busy 2-core machine: CI runs the whole suite
 * on one, with builds and other test processes beside it, so a test or hook that takes 5 s when
 * the machine is idle can take several times that.
 */
export const timeouts = { testTimeout: 180_000, hookTimeout: 180_000 };
