export { REPO_ROOT, startTestBroker, stopTestBroker } from './kafka-broker';
export type { TestBroker } from './kafka-broker';
export { spawnNode } from './child-process';
export type { RunningProcess } from './child-process';
export { waitFor } from './wait-for';
export { STAGES, startService } from './services';
export type { RunningService, Stage } from './services';
