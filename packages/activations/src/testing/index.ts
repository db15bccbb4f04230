export type { ActivationCheckReport, CheckActivationOptions } from './check-activation';
export {
  ActivationCheckError,
  assertActivation,
  checkActivation,
  defaultApplyPoints,
  defaultExtremes,
  defaultGrid,
} from './check-activation';
