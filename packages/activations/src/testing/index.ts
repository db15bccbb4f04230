export {
  ActivationCheckError,
  assertActivation,
  checkActivation,
  defaultApplyPoints,
  defaultExtremes,
  defaultGrid,
} from './check-activation';
export type { ActivationCheckReport, CheckActivationOptions } from './check-activation';
