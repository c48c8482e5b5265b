/** The one command that rewrites what ml-cicd owns from ml-cicd.yaml, as drift findings name it. */
export const syncCommand = 'ml-cicd sync';

/** The end of a drift finding whose fix is to render the file again from ml-cicd.yaml. */
export const runSync = (path: string) =>
  `run ${syncCommand} to write ml-cicd.yaml's params and gates into ${path}`;
