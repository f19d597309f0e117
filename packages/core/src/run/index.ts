export {
  beginStepSql,
  concurrentLockTimeoutSql,
  maxTimeoutMs,
  retryWaitMs,
  stepSessionDefaults,
  type StepRetries,
  type StepTimeouts,
} from './step-session.js';
