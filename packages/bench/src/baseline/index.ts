// baseline — launches the baseline server (../baseline-server.ts), the "least an ingest
// endpoint can do" that Faultline's throughput is compared with. Must stay minimal: any
// work added here lowers the ceiling and flatters Faultline.
export { startBaseline } from './start-baseline.js';
