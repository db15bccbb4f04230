export { describeInBrowser } from './describe-in-browser';
export {
  chromiumFlags,
  chromiumPath,
  defaultChromiumPath,
  launchChromium,
} from './launch-chromium';
export { browserStepTimeout, openPage } from './open-page';
export type { StaticServer } from './serve-directory';
export { serveDirectory } from './serve-directory';
export type { PageProblems } from './watch-page';
export { watchPage } from './watch-page';
