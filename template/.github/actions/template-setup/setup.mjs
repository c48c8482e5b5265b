// The action's entry: `create-ml-cicd init` on the checked-out repository, with the bundled bin.
process.argv.splice(2, Infinity, 'init', process.env.GITHUB_WORKSPACE ?? '.');
await import('./bin/index.js');
