/** The real-browser tests use the same launch code as `npm start` and the benchmarks. */
export * from '../../lib/cli/browsers';
